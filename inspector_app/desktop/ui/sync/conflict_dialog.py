"""A conflict shown to a person: this laptop's version beside the server's, item by item."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Answer
from inspector_app.desktop.ui.shared.models import RowTableModel


def answer_text(answer: Answer | None, verdicts: dict[str, str]) -> str:
    if answer is None:
        return "—"
    parts = [verdicts[answer.verdict.value] if answer.verdict else "", answer.value or "", answer.note]
    return " · ".join(p for p in parts if p)


def differences(
    form: Form | None, mine: dict[str, Answer], theirs: dict[str, Answer], lang: str, verdicts: dict[str, str]
):
    """(requirement, this laptop, server) for every item whose answers differ."""
    known = {i.id for i in form.items()} if form else set()
    rows = []
    for item_id in sorted(set(mine) | set(theirs)):
        ours, server = answer_text(mine.get(item_id), verdicts), answer_text(theirs.get(item_id), verdicts)
        if ours != server:
            requirement = form.item(item_id).text.get(lang) if form and item_id in known else item_id
            rows.append((requirement, ours, server))
    return rows


class ConflictDialog(QDialog):
    """`choice` is "mine" or "theirs" after accept."""

    def __init__(
        self,
        problem: dict,
        form: Form | None,
        mine: dict[str, Answer],
        theirs: dict[str, Answer],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(self.tr("Two versions of one inspection"))
        model = RowTableModel(
            [
                (self.tr("Requirement"), lambda r: r[0]),
                (self.tr("This laptop"), lambda r: r[1]),
                (self.tr("Server"), lambda r: r[2]),
            ],
            self,
        )
        verdicts = {
            "complies": self.tr("Complies"),
            "violated": self.tr("Violated"),
            "not_applicable": self.tr("Not applicable"),
        }
        self.rows = differences(form, mine, theirs, lang, verdicts)
        model.set_rows(self.rows)
        table = QTableView()
        model.show_in(table)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.resizeRowsToContents()
        explanation = QLabel(
            self.tr(
                "The server holds another version of this inspection. "
                "Nothing was overwritten. Choose which version to keep."
            )
        )
        explanation.setWordWrap(True)
        mine_button = QPushButton(self.tr("Keep this laptop's version"))
        theirs_button = QPushButton(self.tr("Take the server's version"))
        mine_button.clicked.connect(lambda: self.choose("mine"))
        theirs_button.clicked.connect(lambda: self.choose("theirs"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(mine_button)
        buttons.addWidget(theirs_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(table)
        layout.addLayout(buttons)
        self.resize(900, 500)

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
