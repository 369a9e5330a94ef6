"""The checklist's list model: section headings and items with their answer marks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.ui.shared.models import DISPLAY, ROOT, Index

if TYPE_CHECKING:
    from inspector_app.core.domain.forms import Item


@dataclass
class ChecklistRow:
    """One line of the checklist list: a section heading or an item with its answer state."""

    item: Item | None
    section_title: str
    number: str
    text: str
    state: str | None = None  # verdict value, "value" for answered value items, or None
    photos: int = 0
    commented: bool = False  # the supervisor left a comment on the item

    @property
    def needs_photo(self) -> bool:
        """Violated, the item wants photo evidence of a violation, and there is none yet."""
        return bool(
            self.item is not None
            and self.item.photo_on_violation
            and not self.photos
            and self.state == Verdict.VIOLATED.value
        )


STATE_MARKS = {
    Verdict.COMPLIES.value: "✔",
    Verdict.VIOLATED.value: "✘",
    Verdict.NOT_APPLICABLE.value: "—",
    "value": "✎",
    None: "○",
}
STATE_COLOURS = {
    Verdict.COMPLIES.value: "#1b7f3b",
    Verdict.VIOLATED.value: "#b00020",
    Verdict.NOT_APPLICABLE.value: "#666666",
    "value": "#1a4f9c",
}
NEEDS_PHOTO_MARK = "⚠ "  # before the text, which is cut off at the right when long
REVIEW_COMMENT_MARK = "❝ "  # a quotation mark: the supervisor's words (✎ is an answered value)
NEEDS_PHOTO_BACKGROUND = "#ffe8b3"


class ChecklistModel(QAbstractListModel):
    """The visible checklist: section headings and items. Updating one answer touches one row."""

    ItemIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ChecklistRow] = []
        self._by_item: dict[str, int] = {}

    def set_rows(self, rows: Sequence[ChecklistRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_item = {r.item.id: i for i, r in enumerate(self._rows) if r.item}
        self.endResetModel()

    def rows(self) -> list[ChecklistRow]:
        return self._rows

    def index_of(self, item_id: str) -> QModelIndex:
        position = self._by_item.get(item_id)
        return QModelIndex() if position is None else self.index(position)

    def set_state(self, item_id: str, state: str | None, photos: int | None = None) -> None:
        position = self._by_item.get(item_id)
        if position is None:
            return
        row = self._rows[position]
        row.state = state
        if photos is not None:
            row.photos = photos
        index = self.index(position)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def explanation(self, row: ChecklistRow) -> str | None:
        """What the row's marks mean, in words: a tooltip, and read out by a screen reader."""
        said = [self.tr("This violation needs photo evidence: add a photo.")] if row.needs_photo else []
        if row.commented:
            said.append(self.tr("The supervisor left a comment on this item."))
        return " ".join(said) or None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == DISPLAY:
            if row.item is None:
                return row.section_title
            # in words: the shipped font has no camera sign, and a missing glyph shows as a box
            camera = "  · " + self.tr("photos: %1").replace("%1", str(row.photos)) if row.photos else ""
            needs = NEEDS_PHOTO_MARK if row.needs_photo else ""
            said = REVIEW_COMMENT_MARK if row.commented else ""
            return f"{STATE_MARKS[row.state]}  {row.number}  {needs}{said}{row.text}{camera}"
        if role == Qt.ItemDataRole.ForegroundRole and row.state in STATE_COLOURS:
            return QBrush(QColor(STATE_COLOURS[row.state]))
        if role == Qt.ItemDataRole.BackgroundRole and row.needs_photo:
            return QBrush(QColor(NEEDS_PHOTO_BACKGROUND))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.explanation(row)
        if role == Qt.ItemDataRole.FontRole and row.item is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.ItemIdRole:
            return row.item.id if row.item else None
        return None
