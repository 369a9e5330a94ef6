"""The facility register: search as you type, filters, and "new inspection"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.models import Facility, FacilityKind, RiskDegree
from inspector_app.core.domain.text import name_sort_key
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.shared.i18n import Language
from inspector_app.desktop.ui.shared.models import RowTableModel, facility_name

PAGE = 200  # rows listed at first, and added by each "Show more"
PADDING = 28  # a cell's margins and the header's sort arrow, in pixels


class RegisterView(QWidget):
    """Search and pick a facility.

    Signals:
        inspection_requested(object): the Facility the user wants to inspect.
    """

    inspection_requested = Signal(object)

    def __init__(self, store: Store, regions, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facilities, self._regions, self._language = store.facilities, regions, language
        self._reference = store.reference
        self._district_names: dict[str, tuple[str, ...]] = {}  # district filter entry -> texts
        self.limit = PAGE
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.region, self.district, self.kind = QComboBox(), QComboBox(), QComboBox()
        self.special = QCheckBox()
        self.count = QLabel()
        self.count.setObjectName("register_count")
        self.more = QPushButton()
        self.more.setObjectName("register_more")
        self.model = RowTableModel([])
        self.table = QTableView()
        self.model.show_in(self.table)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.new_button = QPushButton()
        for widget, name in (
            (self.search, "register_search"),
            (self.region, "register_region"),
            (self.district, "register_district"),
            (self.kind, "register_kind"),
            (self.special, "register_special"),
            (self.table, "register_table"),
            (self.new_button, "register_new"),
        ):
            widget.setObjectName(name)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for box in (self.region, self.district, self.kind):  # and again in the other language
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for widget in (self.region, self.district, self.kind, self.special):
            filters.addWidget(widget)
        filters.addStretch()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.more)
        bottom.addStretch()
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.on_filter_changed)
        self.region.currentIndexChanged.connect(self.on_region_changed)
        for box in (self.district, self.kind):
            box.currentIndexChanged.connect(self.on_filter_changed)
        self.special.toggled.connect(self.on_filter_changed)
        self.more.clicked.connect(self.on_more_clicked)
        self.new_button.clicked.connect(self.on_new_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.table.doubleClicked.connect(self.on_new_clicked)
        self.search.returnPressed.connect(self.table.setFocus)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self._language.code
        self.search.setPlaceholderText(self.tr("Search by name, place, BIN or head — in Kazakh or Russian"))
        self.special.setText(self.tr("Special control only"))
        self.new_button.setText(self.tr("New inspection…"))
        self.more.setText(self.tr("Show more"))
        self._fill(self.region, self.tr("All regions"), [(r.name.get(lang), r.code) for r in self._regions])
        self._fill(self.kind, self.tr("All kinds"), [(self.kind_name(k), k.value) for k in FacilityKind])
        regions = {r.code: r.name.get(lang) for r in self._regions}
        self.model.set_columns(
            [
                (self.tr("Name"), lambda f: facility_name(f, self._language.code)),
                (self.tr("Kind"), lambda f: self.kind_name(f.kind)),
                (self.tr("Region"), lambda f: regions.get(f.region, f.region)),
                (self.tr("Settlement"), lambda f: f.settlement),
                (self.tr("BIN"), lambda f: f.bin),
                (self.tr("Risk"), lambda f: self.tr(f.risk.value)),
                (self.tr("Special control"), lambda f: "●" if f.special_control else ""),
            ]
        )
        self._fit_columns(regions.values())
        self.on_region_changed()  # after the columns: setting them resets the rows and selection

    def _fit_columns(self, region_names) -> None:
        """Every column but the name as wide as its longest possible text in this language;
        the name takes the rest, so nothing is cut on a 1366-pixel screen."""
        metrics = self.table.fontMetrics()
        texts = [
            [self.kind_name(k) for k in FacilityKind],
            list(region_names),
            ["Қарағанды", "Петропавловск"],
            ["000000000000"],
            [self.tr(r.value) for r in RiskDegree],
            ["●"],
        ]
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, samples in enumerate(texts, start=1):
            title = self.model.headers.horizontalHeaderItem(column).text()
            width = max(metrics.horizontalAdvance(t) for t in [*samples, title]) + PADDING
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)

    def kind_name(self, kind: FacilityKind) -> str:
        return {
            FacilityKind.SCHOOL: self.tr("School"),
            FacilityKind.CAMP: self.tr("Camp"),
            FacilityKind.ORPHANAGE: self.tr("Orphans' organisation"),
            FacilityKind.SPECIAL_NEEDS: self.tr("Special needs organisation"),
        }[kind]

    @staticmethod
    def _fill(box: QComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for text, data in entries:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    def set_regions(self, regions) -> None:
        """Region names as the reference data now has them (after a sync)."""
        self._regions = regions
        self.retranslate()

    def on_region_changed(self) -> None:
        region = self.region.currentData()  # districts are listed within a region
        self._district_names = self._districts_of(region) if region else {}
        self._fill(self.district, self.tr("All districts"), [(k, k) for k in self._district_names])
        self.district.setEnabled(bool(region))
        self.on_filter_changed()

    def _districts_of(self, region: str) -> dict[str, tuple[str, ...]]:
        """The districts of the reference data in this language, each matching a facility by
        any of its names, then the district texts of facilities that name none of them."""
        lang = self._language.code
        found: dict[str, tuple[str, ...]] = {
            d.name.get(lang): (d.name.kk, d.name.ru, d.name.en, d.code)
            for d in sorted(self._reference.districts(region), key=lambda d: name_sort_key(d.name.get(lang)))
        }
        named = {text for names in found.values() for text in names}
        for text in self._facilities.districts(region):
            if text not in named and text not in found:
                found[text] = (text,)
        return found

    def on_filter_changed(self) -> None:
        self.limit = PAGE  # a new question starts with the first page of answers
        self.refresh()

    def on_more_clicked(self) -> None:
        row = max(0, self.table.currentIndex().row())
        self.limit += PAGE
        self.refresh(keep_row=row)
        self.table.setFocus()

    def refresh(self, keep_row: int = 0) -> None:
        kind = self.kind.currentData()
        filters = {
            "region": self.region.currentData(),
            "district": self._district_names.get(self.district.currentData() or ""),
            "kind": FacilityKind(kind) if kind else None,
            "special_control": True if self.special.isChecked() else None,
        }
        rows = self._facilities.search(
            self.search.text(), limit=self.limit, language=self._language.code, **filters
        )
        total = (
            self._facilities.count_matching(self.search.text(), **filters)
            if len(rows) >= self.limit
            else len(rows)
        )
        self.model.set_rows(rows)
        if total > len(rows):
            self.count.setText(
                self.tr("Shown: %1 of %2").replace("%1", str(len(rows))).replace("%2", str(total))
            )
        else:
            self.count.setText(self.tr("Shown: %n", "", len(rows)))
        self.more.setVisible(total > len(rows))
        if rows:
            self.table.selectRow(min(keep_row, len(rows) - 1))
        self.on_selection_changed()  # a reset model clears its selection without a signal

    def selected(self) -> Facility | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def on_selection_changed(self) -> None:
        self.new_button.setEnabled(self.selected() is not None)  # an inspection is of a facility

    def on_new_clicked(self) -> None:
        facility = self.selected()
        if facility is not None:
            self.inspection_requested.emit(facility)

    def keyPressEvent(self, event) -> None:
        from PySide6.QtCore import Qt  # not at import: see models.DISPLAY

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.on_new_clicked()
            return
        super().keyPressEvent(event)
