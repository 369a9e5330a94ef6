"""Walking the checklist: by mouse or by keyboard alone.

Keys in the list: Up/Down move; 1 or C complies, 2 or V violated, 3 or N not applicable;
Tab goes to the note (or the value), Esc comes back; in the note Tab and Shift+Tab move
on to the next and previous field. Complies and n/a move on by themselves; a violation
stays so its note and photos can be added. Every answer is saved the moment it is given;
notes are saved as they are typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.forms import AnswerKind, Form, Item, answer_key
from inspector_app.core.domain.models import Answer, Inspection, InspectionStatus, Photo, Verdict
from inspector_app.core.photo_reduction import PhotoLimit
from inspector_app.desktop.services import camera
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.inspection.checklist_model import (
    NEEDS_PHOTO_BACKGROUND,
    REVIEW_COMMENT_MARK,
    ChecklistModel,
    ChecklistRow,
)
from inspector_app.desktop.ui.inspection.photo_viewer import PhotoViewer
from inspector_app.desktop.ui.shared.dialogs import DateField, confirm
from inspector_app.desktop.ui.shared.i18n import Language

VERDICT_KEYS: dict[int, Verdict] = {  # Qt.Key values are ints
    Qt.Key.Key_1: Verdict.COMPLIES,
    Qt.Key.Key_C: Verdict.COMPLIES,
    Qt.Key.Key_2: Verdict.VIOLATED,
    Qt.Key.Key_V: Verdict.VIOLATED,
    Qt.Key.Key_3: Verdict.NOT_APPLICABLE,
    Qt.Key.Key_N: Verdict.NOT_APPLICABLE,
}
NOTE_SAVE_DELAY_MS = 400
THUMB = QSize(96, 96)


class ChecklistView(QWidget):
    """The checklist of one inspection.

    Signals:
        problem(object): a UserError (or bug) to show to the user.
    """

    problem = Signal(object)

    def __init__(
        self,
        store: Store,
        form: Form,
        inspection: Inspection,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.form, self.inspection, self.language = store, form, inspection, language
        self.read_only = inspection.status is InspectionStatus.FINALISED
        self.answers: dict[str, Answer] = store.inspections.answers(inspection.id)
        self.photos: dict[str, list[Photo]] = {}
        for photo in store.photos.photos(inspection.id):
            self.photos.setdefault(photo.item_id, []).append(photo)
        self._thumbs: dict[str, QIcon] = {}
        # a returning supervisor's comments on single items, shown at those items
        self.review_comments = store.inspections.review_item_comments(inspection.id)
        self.current: Item | None = None
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self._build()
        self.rebuild_rows()
        self.go_to(inspection.last_item_id or self.first_item_id())

    # --- construction -----------------------------------------------------------------
    def _build(self) -> None:
        self.model = ChecklistModel(self)
        self.list = QListView()
        self.list.setObjectName("checklist")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.installEventFilter(self)
        self.list.selectionModel().currentChanged.connect(self.on_list_current_changed)
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.progress_label)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.list)

        self.number = QLabel()
        self.number.setObjectName("item_number")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 13pt")
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #555")
        self.degree = QLabel()
        self.review_comment = QLabel()
        self.review_comment.setObjectName("review_item_comment")
        self.review_comment.setWordWrap(True)
        self.review_comment.setStyleSheet("background: #fff4ce; padding: 4px;")
        self.review_comment.setVisible(False)
        self.verdict_buttons = QButtonGroup(self)
        verdict_row = QHBoxLayout()
        self.buttons: dict[Verdict, QPushButton] = {}
        for verdict, colour in (
            (Verdict.COMPLIES, "#1b7f3b"),
            (Verdict.VIOLATED, "#b00020"),
            (Verdict.NOT_APPLICABLE, "#666"),
        ):
            button = QPushButton()
            button.setObjectName(f"verdict_{verdict.value}")
            button.setCheckable(True)
            button.setMinimumHeight(40)
            button.setStyleSheet(f"QPushButton:checked {{ background: {colour}; color: white; }}")
            button.clicked.connect(lambda _=False, v=verdict: self.answer_verdict(v))
            self.verdict_buttons.addButton(button)
            self.buttons[verdict] = button
            verdict_row.addWidget(button)
        self.value_stack = QStackedWidget()
        self.value_stack.setMaximumHeight(40)
        self.value_editors = self._value_editors()
        self.note_label = QLabel()
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setFixedHeight(90)
        self.note.setTabChangesFocus(True)
        self.note.textChanged.connect(self.on_note_changed)
        self.note.installEventFilter(self)
        self.note_label.setBuddy(self.note)
        self.photo_needed = QLabel()
        self.photo_needed.setObjectName("photo_needed")
        self.photo_needed.setWordWrap(True)
        self.photo_needed.setStyleSheet(f"background: {NEEDS_PHOTO_BACKGROUND}; padding: 4px;")
        self.photo_needed.setVisible(False)
        photos = self._photo_strip()
        self.add_photo, self.from_camera = QPushButton(), QPushButton()
        self.add_photo.setObjectName("photo_add")
        self.from_camera.setObjectName("photo_from_camera")
        self.add_photo.clicked.connect(self.on_add_photo_clicked)
        self.from_camera.clicked.connect(self.on_from_camera_clicked)
        self.previous, self.next = QPushButton("◀"), QPushButton("▶")
        self.previous.setObjectName("item_previous")
        self.next.setObjectName("item_next")
        self.previous.clicked.connect(self.on_previous_clicked)
        self.next.clicked.connect(self.on_next_clicked)
        nav = QHBoxLayout()
        for widget in (self.previous, self.next):
            nav.addWidget(widget)
        nav.addStretch()
        nav.addWidget(self.from_camera)
        nav.addWidget(self.add_photo)

        right = QWidget()
        layout = QVBoxLayout(right)
        for label in (self.number, self.text, self.basis, self.degree, self.review_comment):
            layout.addWidget(label)
        layout.addLayout(verdict_row)
        layout.addWidget(self.value_stack)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.photo_needed)
        layout.addLayout(photos)
        layout.addLayout(nav)
        layout.addStretch()

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([460, 560])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        self.retranslate()

    def _photo_strip(self) -> QHBoxLayout:
        """The thumbnails of the item's photos, with View, Replace and Remove beside them."""
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photos")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(THUMB)
        self.photo_list.setFixedHeight(THUMB.height() + 36)
        self.photo_list.currentRowChanged.connect(self.on_photo_list_current_changed)
        self.photo_list.itemActivated.connect(self.on_photo_list_item_activated)
        self.view_photo, self.replace_photo, self.remove_photo = QPushButton(), QPushButton(), QPushButton()
        buttons = QVBoxLayout()
        for button, name, slot in (
            (self.view_photo, "photo_view", self.on_view_photo_clicked),
            (self.replace_photo, "photo_replace", self.on_replace_photo_clicked),
            (self.remove_photo, "photo_remove", self.on_remove_photo_clicked),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.photo_list, 1)
        row.addLayout(buttons)
        return row

    def _value_editors(self) -> dict[AnswerKind, QWidget]:
        number = QDoubleSpinBox()
        number.setDecimals(0)
        number.setRange(-1e9, 1e9)
        text = QLineEdit()
        choice = QComboBox()
        date = DateField()
        self.number_editor, self.text_editor, self.choice_editor, self.date_editor = (
            number,
            text,
            choice,
            date,
        )
        editors: dict[AnswerKind, QWidget] = {
            AnswerKind.VERDICT: QWidget(),
            AnswerKind.NUMBER: number,
            AnswerKind.TEXT: text,
            AnswerKind.CHOICE: choice,
            AnswerKind.DATE: date,
        }
        for kind, editor in editors.items():
            editor.setObjectName(f"value_{kind.value}")
            self.value_stack.addWidget(editor)
            editor.installEventFilter(self)
        number.editingFinished.connect(self.save_value)
        text.editingFinished.connect(self.save_value)
        choice.activated.connect(lambda _i: self.save_value())
        date.editingFinished.connect(self.save_value)
        return editors

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.buttons[Verdict.COMPLIES].setText(self.tr("Complies  [1]"))
        self.buttons[Verdict.VIOLATED].setText(self.tr("Violated  [2]"))
        self.buttons[Verdict.NOT_APPLICABLE].setText(self.tr("Not applicable  [3]"))
        self.note_label.setText(self.tr("Note  [Tab]"))
        self.note.setPlaceholderText(self.tr("Tab: next field · Esc: back to the list"))
        self.photo_needed.setText(self.tr("⚠ This violation needs photo evidence: add a photo."))
        self.add_photo.setText(self.tr("Add photo…"))
        self.from_camera.setText(self.tr("From camera…"))
        self.view_photo.setText(self.tr("View"))
        self.replace_photo.setText(self.tr("Replace…"))
        self.remove_photo.setText(self.tr("Remove"))
        self.previous.setAccessibleName(self.tr("Previous item"))
        self.next.setAccessibleName(self.tr("Next item"))
        self.list.setAccessibleName(self.tr("Checklist items"))
        self.note.setAccessibleName(self.tr("Note"))
        self.photo_list.setAccessibleName(self.tr("Photos of the item"))
        for editor in self.value_editors.values():
            editor.setAccessibleName(self.tr("Answer"))
        if hasattr(self, "model") and self.model.rowCount():
            self.rebuild_rows()

    # --- rows, visibility and progress ------------------------------------------------
    def condition_answers(self) -> dict[str, str | None]:
        return {k: answer_key(a.verdict, a.value) for k, a in self.answers.items()}

    def rebuild_rows(self) -> None:
        lang = self.language.code
        keys = self.condition_answers()
        rows = []
        for s_index, section in enumerate(self.form.sections, start=1):
            items = [i for i in section.items if self.form.is_visible(i, keys)]
            done = sum(1 for i in items if self.state_of(i) is not None)
            rows.append(
                ChecklistRow(None, f"{s_index}. {section.title.get(lang)}  ({done}/{len(items)})", "", "")
            )
            for i_index, item in enumerate(section.items, start=1):
                if item in items:
                    rows.append(
                        ChecklistRow(
                            item,
                            "",
                            f"{s_index}.{i_index}",
                            item.text.get(lang),
                            self.state_of(item),
                            len(self.photos.get(item.id, [])),
                            item.id in self.review_comments,
                        )
                    )
        current = self.current.id if self.current else None
        self.model.set_rows(rows)
        self.update_progress()
        if current:
            self.list.setCurrentIndex(self.model.index_of(current))

    def state_of(self, item: Item) -> str | None:
        answer = self.answers.get(item.id)
        if answer is None:
            return None
        if answer.verdict is not None:
            return answer.verdict.value
        return "value" if answer.value else None

    def update_progress(self) -> None:
        items = [r for r in self.model.rows() if r.item]
        done = sum(1 for r in items if r.state is not None)
        self.progress.setRange(0, max(1, len(items)))
        self.progress.setValue(done)
        self.progress_label.setText(
            self.tr("Answered %1 of %2").replace("%1", str(done)).replace("%2", str(len(items)))
        )

    def first_item_id(self) -> str | None:
        return next((r.item.id for r in self.model.rows() if r.item), None)

    # --- navigation ---------------------------------------------------------------------
    def go_to(self, item_id: str | None) -> None:
        index = self.model.index_of(item_id) if item_id else None
        if index is None or not index.isValid():
            index = self.model.index_of(self.first_item_id() or "")
        if index.isValid():
            self.list.setCurrentIndex(index)

    def move_by(self, step: int) -> None:
        rows = self.model.rows()
        position = self.list.currentIndex().row()
        position += step
        while 0 <= position < len(rows) and rows[position].item is None:
            position += step
        if 0 <= position < len(rows):
            self.list.setCurrentIndex(self.model.index(position))

    def on_previous_clicked(self) -> None:
        self.move_by(-1)

    def on_next_clicked(self) -> None:
        self.move_by(1)

    def on_list_current_changed(self, current, _previous) -> None:
        if self._note_timer.isActive():
            self.save_note()
        row = self.model.rows()[current.row()] if current.isValid() else None
        if row is None or row.item is None:
            if row is not None:  # a section heading: step onto its first item
                self.move_by(1 if current.row() < self.model.rowCount() - 1 else -1)
            return
        self.show_item(row.item)
        if not self.read_only:
            try:
                self.store.inspections.set_position(self.inspection.id, row.item.id)
            except UserError as error:
                self.problem.emit(error)

    def show_item(self, item: Item) -> None:
        lang = self.language.code
        self.current = item
        row = self.model.index_of(item.id).row()
        section = next(s for s in self.form.sections if item in s.items)
        self.number.setText(f"<b>{self.model.rows()[row].number}</b>  ·  {section.title.get(lang)}")
        self.text.setText(item.text.get(lang))
        self.basis.setText(item.legal_basis.get(lang))
        self.degree.setText(self.tr("If violated: %1").replace("%1", self.degree_name(item.degree.value)))
        comment = self.review_comments.get(item.id)
        self.review_comment.setVisible(comment is not None)
        said = self.tr("The supervisor's comment: %1").replace("%1", comment or "")
        self.review_comment.setText(REVIEW_COMMENT_MARK + said)
        self.review_comment.setAccessibleName(self.tr("The supervisor's comment"))
        self.review_comment.setAccessibleDescription(said)
        answer = self.answers.get(item.id) or Answer(item.id)
        self.check_verdict(answer.verdict)
        for verdict, button in self.buttons.items():
            button.setEnabled(not self.read_only)
            button.setVisible(item.kind is AnswerKind.VERDICT or verdict is Verdict.NOT_APPLICABLE)
        self.value_stack.setCurrentWidget(self.value_editors[item.kind])
        self.value_stack.setVisible(item.kind is not AnswerKind.VERDICT)
        self._load_value(item, answer)
        self.note.blockSignals(True)
        self.note.setPlainText(answer.note)
        self.note.blockSignals(False)
        self.note.setReadOnly(self.read_only)
        self.add_photo.setEnabled(not self.read_only)
        self.from_camera.setEnabled(not self.read_only)
        self.show_photos(item)
        self.show_photo_needed(item)

    def degree_name(self, degree: str) -> str:
        return {"gross": self.tr("gross"), "significant": self.tr("significant"), "minor": self.tr("minor")}[
            degree
        ]

    def _load_value(self, item: Item, answer: Answer) -> None:
        editor = self.value_editors[item.kind]
        editor.setEnabled(not self.read_only)
        editor.blockSignals(True)
        if item.kind is AnswerKind.NUMBER:
            number = self.number_editor
            number.setRange(
                item.minimum if item.minimum is not None else -1e9,
                item.maximum if item.maximum is not None else 1e9,
            )
            number.setValue(float(answer.value) if answer.value else number.minimum())
        elif item.kind is AnswerKind.TEXT:
            self.text_editor.setText(answer.value or "")
        elif item.kind is AnswerKind.CHOICE:
            combo = self.choice_editor
            combo.clear()
            combo.addItem("—", None)
            for choice in item.choices:
                combo.addItem(choice.label.get(self.language.code), choice.value)
            combo.setCurrentIndex(max(0, combo.findData(answer.value)))
        elif item.kind is AnswerKind.DATE:
            day = dt.date.fromisoformat(answer.value) if answer.value else dt.date.today()
            self.date_editor.setDate(QDate(day.year, day.month, day.day))
        editor.blockSignals(False)

    # --- answering ----------------------------------------------------------------------
    def answer_verdict(self, verdict: Verdict) -> None:
        item = self.current
        if item is None or self.read_only:
            return
        if item.kind is not AnswerKind.VERDICT and verdict is not Verdict.NOT_APPLICABLE:
            return
        previous = self.answers.get(item.id) or Answer(item.id)
        value = None if verdict is Verdict.NOT_APPLICABLE else previous.value
        saved = self._save(item, verdict=verdict, value=value, note=self.note.toPlainText())
        if saved and verdict is not Verdict.VIOLATED:
            self.move_by(1)

    def save_value(self) -> None:
        item = self.current
        if item is None or self.read_only or item.kind is AnswerKind.VERDICT:
            return
        value = {
            AnswerKind.NUMBER: lambda: str(int(self.number_editor.value())),
            AnswerKind.TEXT: lambda: self.text_editor.text().strip() or None,
            AnswerKind.CHOICE: lambda: self.choice_editor.currentData(),
            AnswerKind.DATE: lambda: self.date_editor.date().toString("yyyy-MM-dd"),
        }[item.kind]()
        previous = self.answers.get(item.id)
        if previous and previous.value == value and previous.verdict is None:
            return
        self._save(item, verdict=None, value=value, note=self.note.toPlainText())

    def on_note_changed(self) -> None:
        if not self.read_only:
            self._note_timer.start()

    def save_note(self) -> None:
        self._note_timer.stop()
        item = self.current
        if item is None or self.read_only:
            return
        previous = self.answers.get(item.id) or Answer(item.id)
        if previous.note != self.note.toPlainText():
            self._save(item, verdict=previous.verdict, value=previous.value, note=self.note.toPlainText())

    def _save(self, item: Item, **answer) -> bool:
        before = self.condition_answers()
        try:
            self.answers[item.id] = self.store.inspections.save_answer(self.inspection.id, item.id, **answer)
        except UserError as error:
            self.problem.emit(error)
            return False
        self._after_answer(item, before)
        return True

    def _after_answer(self, item: Item, before: dict) -> None:
        keys = self.condition_answers()
        visibility_changed = any(
            i.condition and i.condition.holds(before) != i.condition.holds(keys) for i in self.form.items()
        )
        if visibility_changed:
            self.rebuild_rows()
        else:
            self.model.set_state(item.id, self.state_of(item))
            self.update_progress()
            self._refresh_section_heading(item)
        self.check_verdict(self.answers[item.id].verdict)
        self.show_photo_needed(item)

    def check_verdict(self, given: Verdict | None) -> None:
        """Show the given verdict pressed, or none (an exclusive group keeps its last one
        pressed however often it is told otherwise, so it lets go while they are set)."""
        self.verdict_buttons.setExclusive(False)
        for verdict, button in self.buttons.items():
            button.setChecked(given is verdict)
        self.verdict_buttons.setExclusive(True)

    def _refresh_section_heading(self, item: Item) -> None:
        rows = self.model.rows()
        position = self.model.index_of(item.id).row()
        heading = next(p for p in range(position, -1, -1) if rows[p].item is None)
        end = next((p for p in range(heading + 1, len(rows)) if rows[p].item is None), len(rows))
        done = sum(1 for r in rows[heading + 1 : end] if r.state is not None)
        title = rows[heading].section_title.rsplit("  (", 1)[0]
        rows[heading].section_title = f"{title}  ({done}/{end - heading - 1})"
        index = self.model.index(heading)
        self.model.dataChanged.emit(index, index)

    # --- photos ---------------------------------------------------------------------------
    def image_filter(self) -> str:
        return self.tr("Images (*.jpg *.jpeg *.png)")

    def on_add_photo_clicked(self) -> None:
        folder = self.store.reference.setting("photo_folder", str(Path.home()))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photo evidence"), folder, self.image_filter())
        if paths:
            self.store.reference.set_setting("photo_folder", str(Path(paths[0]).parent))
            self.add_photos([Path(p) for p in paths])

    def on_from_camera_clicked(self) -> None:
        """Pictures of a mounted camera card or phone; none mounted is said, not browsed."""
        cards = camera.camera_cards()
        if not cards:
            self.problem.emit(UserError("camera.no_card"))
            return
        start = camera.start_folder(self.store.reference.setting("camera_folder"), cards)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos from the camera"), str(start), self.image_filter()
        )
        if paths:
            self.store.reference.set_setting("camera_folder", str(Path(paths[0]).parent))
            self.add_photos([Path(p) for p in paths])

    def add_photos(self, paths: list[Path]) -> None:
        item = self.current
        if item is None or self.read_only:
            return
        for path in paths:
            try:
                photo = self.store.photos.add(self.inspection.id, item.id, path, PhotoLimit.of(item))
            except UserError as error:
                self.problem.emit(error)
                continue
            self.photos.setdefault(item.id, []).append(photo)
        self.photos_changed(item, len(self.photos.get(item.id, [])) - 1)

    def photos_changed(self, item: Item, selected: int) -> None:
        """After adding, removing or replacing: the list mark, the strip, the warning."""
        self.model.set_state(item.id, self.state_of(item), len(self.photos.get(item.id, [])))
        self.show_photos(item, selected)
        self.show_photo_needed(item)

    def show_photos(self, item: Item, selected: int = 0) -> None:
        self.photo_list.clear()
        for photo in self.photos.get(item.id, []):
            entry = QListWidgetItem(
                self.thumbnail(photo), photo.taken_at.strftime("%d.%m %H:%M") if photo.taken_at else ""
            )
            entry.setToolTip(photo.filename)
            self.photo_list.addItem(entry)
        if self.photo_list.count():
            self.photo_list.setCurrentRow(min(max(0, selected), self.photo_list.count() - 1))
        self.on_photo_list_current_changed(self.photo_list.currentRow())

    def show_photo_needed(self, item: Item) -> None:
        position = self.model.index_of(item.id).row()
        row = self.model.rows()[position] if position >= 0 else None
        self.photo_needed.setVisible(bool(row and row.needs_photo))

    def selected_photo(self) -> Photo | None:
        photos = self.photos.get(self.current.id, []) if self.current else []
        row = self.photo_list.currentRow()
        return photos[row] if 0 <= row < len(photos) else None

    def on_photo_list_current_changed(self, _row: int) -> None:
        chosen = self.selected_photo() is not None
        self.view_photo.setEnabled(chosen)
        for button in (self.replace_photo, self.remove_photo):
            button.setEnabled(chosen and not self.read_only)

    def on_photo_list_item_activated(self, _entry) -> None:
        self.on_view_photo_clicked()

    def on_view_photo_clicked(self) -> None:
        photo = self.selected_photo()
        if photo is None:
            return
        try:
            image = QImage.fromData(self.store.photos.data(photo))
        except UserError as error:
            self.problem.emit(error)
            return
        when = photo.taken_at.strftime("%d.%m.%Y %H:%M") if photo.taken_at else ""
        PhotoViewer(image, "  ·  ".join(p for p in (photo.filename, when) if p), self).exec()

    def on_remove_photo_clicked(self) -> None:
        photo, item = self.selected_photo(), self.current
        if photo is None or item is None or self.read_only:
            return
        if not confirm(
            self,
            self.tr("Remove photo"),
            self.tr("Remove this photo from the inspection? It cannot be brought back."),
        ):
            return
        row = self.photo_list.currentRow()
        try:
            self.store.photos.remove(photo)
        except UserError as error:
            self.problem.emit(error)
            return
        self.photos[item.id].remove(photo)
        self._thumbs.pop(photo.id, None)
        self.photos_changed(item, row)

    def on_replace_photo_clicked(self) -> None:
        photo, item = self.selected_photo(), self.current
        if photo is None or item is None or self.read_only:
            return
        folder = self.store.reference.setting("photo_folder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo to put in its place"), folder, self.image_filter()
        )
        if not path:
            return
        row = self.photo_list.currentRow()
        try:
            new = self.store.photos.replace(photo, Path(path), PhotoLimit.of(item))
        except UserError as error:
            self.problem.emit(error)
            return
        self.store.reference.set_setting("photo_folder", str(Path(path).parent))
        self.photos[item.id][row] = new
        self._thumbs.pop(photo.id, None)
        self.photos_changed(item, row)

    def thumbnail(self, photo: Photo) -> QIcon:
        if photo.id not in self._thumbs:
            image = QImage.fromData(self.store.photos.data(photo))
            scaled = image.scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self._thumbs[photo.id] = QIcon(QPixmap.fromImage(scaled))
        return self._thumbs[photo.id]

    # --- keyboard -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = cast(QKeyEvent, event).key()
        if watched is self.list:
            return self._list_key(key)
        if key == Qt.Key.Key_Escape:
            self.save_note()
            self.save_value()
            self.list.setFocus()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is not self.note:
            self.save_value()
            self.list.setFocus()
            self.move_by(1)
            return True
        return False

    def _list_key(self, key: int) -> bool:
        if key in VERDICT_KEYS:
            self.answer_verdict(VERDICT_KEYS[key])
            return True
        if key == Qt.Key.Key_Tab:
            current = self.current
            target = (
                self.value_editors[current.kind]
                if current and current.kind is not AnswerKind.VERDICT
                else self.note
            )
            target.setFocus()
            return True
        steps: dict[int, int] = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Return: 1,
            Qt.Key.Key_Enter: 1,
        }
        if key in steps:
            self.move_by(steps[key])
            return True
        return False
