"""Journey 7: the app is killed (SIGKILL) while a note is typed; opened again, it is back in
the inspection at that item, with the note as far as it was saved."""

import random
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.journeys import driver
from tests.journeys.conftest import LANGUAGES, sign_in_demo
from tests.journeys.kill_typist import FIRST_WORDS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_killed_while_typing_a_note_reopens_at_that_item_with_the_note(start_app, tmp_path, lang):
    typist = subprocess.Popen(
        [sys.executable, "-m", "tests.journeys.kill_typist", str(tmp_path / "ws"), lang],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    with typist, typist.stdout:
        line = typist.stdout.readline()
        assert line.startswith("SAVED "), f"the typist said {line!r} (exit {typist.poll()})"
        item_id = line.split()[1]
        time.sleep(random.uniform(0.05, 0.6))  # mid-word, as a battery would end it
        typist.send_signal(signal.SIGKILL)
    window = sign_in_demo(start_app, lang, server=False)
    driver.wait_until(
        lambda: window.page is not None and window.page.isVisible(),
        10,
        "the inspection in progress to be open again",
    )
    checklist = window.page.checklist
    assert checklist.current.id == item_id
    assert checklist.note.toPlainText().startswith(FIRST_WORDS)
    assert (
        checklist.note.toPlainText()
        == window.store.inspections.answers(checklist.inspection.id)[item_id].note
    )
