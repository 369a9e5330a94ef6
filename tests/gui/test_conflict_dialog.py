from inspector_app.core.domain.models import Answer, Verdict
from inspector_app.desktop.ui.sync.conflict_dialog import ConflictDialog


def test_both_versions_side_by_side_and_a_choice(qtbot, language, school_form):
    mine = {
        "sch.security.video": Answer("sch.security.video", Verdict.VIOLATED, None, "Камералар істемейді"),
        "sch.security.guards": Answer("sch.security.guards", Verdict.COMPLIES),
    }
    theirs = {
        "sch.security.video": Answer("sch.security.video", Verdict.COMPLIES, None, "Түзетілді"),
        "sch.security.guards": Answer("sch.security.guards", Verdict.COMPLIES),
    }
    language.switch("ru")
    dialog = ConflictDialog({}, school_form, mine, theirs, "ru")
    qtbot.addWidget(dialog)
    assert dialog.rows == [
        (
            school_form.item("sch.security.video").text.ru,
            "Не соответствует · Камералар істемейді",
            "Соответствует · Түзетілді",
        )
    ]
    dialog.choose("theirs")
    assert dialog.choice == "theirs" and dialog.result() == dialog.DialogCode.Accepted
