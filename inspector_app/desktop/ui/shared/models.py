"""Qt item models over plain rows (no database, no window needed to test them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItemModel

from inspector_app.core.domain.models import Facility

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

# Qt.ItemDataRole.DisplayRole. The first use of anything in PySide's Qt namespace builds Python
# types for all of its 94 enums (about 30 ms), so what the first screen runs leaves it alone.
DISPLAY = 0
TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole: the whole text of a cell cut to its column
Index = QModelIndex | QPersistentModelIndex  # what Qt may hand a model's methods
ROOT = QModelIndex()  # the invalid index: parent of the top-level rows (never changed)


class RowTableModel(QAbstractTableModel):
    """A table of rows, each column a (header, getter) pair; a cell is computed when shown.

    The column titles are in `headers`, a Qt model of their own that `show_in` hands to the
    table's header. A `headerData` written in Python would be called with a Qt.Orientation,
    and converting that builds the Qt namespace (see DISPLAY) in the middle of the first paint.
    """

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent=None) -> None:
        super().__init__(parent)
        self._columns: list[tuple[str, Callable[[Any], Any]]] = []
        self._rows: list[Any] = []
        self.headers = QStandardItemModel(self)
        self.set_columns(columns)

    def show_in(self, view: QTableView) -> None:
        view.setModel(self)
        view.horizontalHeader().setModel(self.headers)

    def set_columns(self, columns: Sequence[tuple[str, Callable[[Any], Any]]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.headers.setColumnCount(len(self._columns))
        self.headers.setHorizontalHeaderLabels([title for title, _ in self._columns])
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in (DISPLAY, TOOLTIP) or not index.isValid():
            return None
        value = self._columns[index.column()][1](self._rows[index.row()])
        return "" if value is None else str(value)


def facility_name(facility: Facility, lang: str) -> str:
    return facility.name_kk if lang == "kk" else facility.name_ru
