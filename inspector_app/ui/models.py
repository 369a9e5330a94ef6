"""Qt item models over plain rows (no database, no window needed to test them)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.models import Facility, Verdict

if TYPE_CHECKING:
    from ..domain.forms import Item

DISPLAY = Qt.ItemDataRole.DisplayRole


class RowTableModel(QAbstractTableModel):
    """A table of rows, each column a (header, getter) pair."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_columns(self, columns: Sequence[tuple[str, Callable[[Any], Any]]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role != DISPLAY or not index.isValid():
            return None
        value = self._columns[index.column()][1](self._rows[index.row()])
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None


def facility_name(facility: Facility, lang: str) -> str:
    return facility.name_kk if lang == "kk" else facility.name_ru


@dataclass
class ChecklistRow:
    """One line of the checklist list: a section heading or an item with its answer state."""
    item: Item | None
    section_title: str
    number: str
    text: str
    state: str | None = None  # verdict value, "value" for answered value items, or None
    photos: int = 0


STATE_MARKS = {Verdict.COMPLIES.value: "✔", Verdict.VIOLATED.value: "✘",
               Verdict.NOT_APPLICABLE.value: "—", "value": "✎", None: "○"}
STATE_COLOURS = {Verdict.COMPLIES.value: "#1b7f3b", Verdict.VIOLATED.value: "#b00020",
                 Verdict.NOT_APPLICABLE.value: "#666666", "value": "#1a4f9c"}


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

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == DISPLAY:
            if row.item is None:
                return row.section_title
            camera = f"  📷{row.photos}" if row.photos else ""
            return f"{STATE_MARKS[row.state]}  {row.number}  {row.text}{camera}"
        if role == Qt.ItemDataRole.ForegroundRole and row.state in STATE_COLOURS:
            return QBrush(QColor(STATE_COLOURS[row.state]))
        if role == Qt.ItemDataRole.FontRole and row.item is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.ItemIdRole:
            return row.item.id if row.item else None
        return None
