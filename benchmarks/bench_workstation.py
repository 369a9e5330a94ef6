"""The inspector's workstation with a register of 50,000 facilities and a 300-item checklist.

- start-up to the main window painted with the register, against the floor of a bare
  PySide6 window plus importing SQLAlchemy (both in fresh processes, same run);
- saving one answer, acknowledged and durable, against a raw SQLCipher insert + commit with
  the same pragmas and key;
- register search as you type (p95), moving to the next checklist item, resident memory.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from benchmarks.common import median, percentile, row, timings

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "benchmark passphrase"
FACILITIES = 50_000
ITEMS = 300
RUNS = 5

# Both children watch their window's first paint and report from a call posted there: it runs
# once the whole paint pass is done, the register's rows included. (Watching the table's
# viewport instead would make PySide set up the QWidget type in Python, about 20 ms the app
# itself does not spend.)
FLOOR_CHILD = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QObject, QEvent, QTimer
import sqlalchemy
app = QApplication(sys.argv)
window = QMainWindow()
def painted_all():
    print("PAINTED", flush=True)
    app.quit()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted_all)
        return False
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""

APP_CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QObject, QEvent, QTimer
from inspector_app.core.paths import default_paths
from inspector_app.desktop.ui.shell.app import make_application, load_fonts, build_main_window, unlock_while_loading
from inspector_app.desktop.ui.shared.i18n import Language
app = make_application(sys.argv)
paths = default_paths()
load_fonts(paths.fonts)
language = Language(paths.translations, "kk")
# what the sign-in does once the passphrase is typed
store, catalogue = unlock_while_loading(Path(sys.argv[1]), sys.argv[2], paths)
window = build_main_window(store, paths, language, catalogue)
def painted_all():
    print("PAINTED", flush=True)
    app.quit()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.register.model.rowCount():
            QTimer.singleShot(0, painted_all)
        return False
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
store.close()
"""


def child_seconds(code: str, *args: str) -> float:
    """Seconds from starting a fresh Python process to its first paint (its "PAINTED" line);
    closing the process afterwards is not counted."""
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    painted = None
    assert child.stdout is not None  # stdout=PIPE
    for line in child.stdout:
        if line.strip() == "PAINTED":
            painted = time.perf_counter() - start
            break
    _, errors = child.communicate(timeout=120)
    if painted is None:
        raise RuntimeError(errors[-2000:])
    return painted


def build_store(folder: Path):
    from inspector_app.core.domain.models import InspectorProfile
    from inspector_app.demo.facilities import demo_facilities
    from inspector_app.desktop.storage.store import create_store

    store = create_store(
        folder,
        PASSPHRASE,
        InspectorProfile("Әсел Қанатқызы", "бас маман", "Комитет", "Комитет", "ALA", "K07"),
    )
    facilities = demo_facilities(FACILITIES)
    for start in range(0, FACILITIES, 5000):
        store.facilities.upsert_many(facilities[start : start + 5000])
    return store


def answer_save(store, folder: Path) -> list[dict]:
    from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType, Verdict
    from inspector_app.desktop.storage import crypto
    from inspector_app.desktop.storage.engine import open_connection

    facility = store.facilities.search("мектеп", limit=1)[0]
    inspection = store.inspections.create(
        Inspection(
            "",
            facility.id,
            "synthetic",
            1,
            "h",
            InspectionType.SCHEDULED,
            InspectionMode.ON_SITE,
            "1",
            dt.date.today(),
        )
    )
    counter = iter(range(10**6))
    ours = timings(
        lambda: store.inspections.save_answer(
            inspection.id, f"i{next(counter) % 300}", verdict=Verdict.VIOLATED, note="ескертпе"
        ),
        300,
    )
    keys = crypto.unlock(folder / "store.key", PASSPHRASE)
    raw = open_connection(folder / "store.db", keys)
    raw.execute("CREATE TABLE IF NOT EXISTS floor_answers (k TEXT PRIMARY KEY, v TEXT, n TEXT, t TEXT)")
    raw.commit()

    def raw_insert():
        raw.execute(
            "INSERT OR REPLACE INTO floor_answers VALUES (?, ?, ?, ?)",
            (f"i{next(counter) % 300}", "violated", "ескертпе", "2026-11-21T10:00:00"),
        )
        raw.commit()

    floor = timings(raw_insert, 300)
    raw.close()
    value, base = median(ours), median(floor)
    return [
        row(
            "save one answer, durable (median)",
            value * 1000,
            "ms",
            "≤ 2× floor",
            value <= 2 * base,
            base * 1000,
        )
    ]


def search_as_you_type(store) -> list[dict]:
    phrases = [
        "қарағанды мектеп",
        "Школа №12",
        "ОСКЕМЕН",
        "балалар үйі",
        "Сарыағаш лагерь",
        "0312",
        "интернат Әйтеке би",
    ]
    seconds = []
    for phrase in phrases:
        for end in range(1, len(phrase) + 1):
            seconds += timings(partial(store.facilities.search, phrase[:end]), 3)
    p95 = percentile(seconds, 0.95)
    return [
        row("register search as you type, p95 (50,000 facilities)", p95 * 1000, "ms", "≤ 10 ms", p95 <= 0.010)
    ]


def checklist(store, folder: Path) -> list[dict]:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType
    from inspector_app.core.forms.catalogue import FormCatalogue
    from inspector_app.desktop.ui.inspection.checklist_view import ChecklistView
    from inspector_app.desktop.ui.shared.i18n import Language
    from inspector_app.desktop.ui.shell.app import load_fonts, make_application
    from tests.kit.forms import synthetic_form_yaml

    forms = folder / "forms"
    forms.mkdir()
    (forms / "synthetic.v1.yaml").write_text(synthetic_form_yaml(ITEMS), encoding="utf-8")
    form = FormCatalogue.load(forms).forms[0]
    app = make_application([])
    load_fonts(ROOT / "resources" / "fonts")
    facility = store.facilities.search("мектеп", limit=1)[0]
    inspection = store.inspections.create(
        Inspection(
            "",
            facility.id,
            form.id,
            form.version,
            form.content_hash,
            InspectionType.SCHEDULED,
            InspectionMode.ON_SITE,
            "2",
            dt.date.today(),
        )
    )
    view = ChecklistView(store, form, inspection, Language(ROOT / "resources" / "translations", "kk"))
    view.resize(1280, 800)
    view.show()
    app.processEvents()

    def next_item():
        view.move_by(1)  # the checklist's next item (`move` is QWidget's)
        view.repaint()
        app.processEvents()

    moves = timings(next_item, 250)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    view.close()
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [
        row(
            f"move to the next item, median ({ITEMS} items)",
            median(moves) * 1000,
            "ms",
            "≤ 16 ms",
            median(moves) <= 0.016,
        ),
        row(
            f"move to the next item, p95 ({ITEMS} items)",
            percentile(moves, 0.95) * 1000,
            "ms",
            "(reported)",
            True,
        ),
        row("resident memory, checklist open (peak)", rss_mb, "MB", "≤ 250 MB", rss_mb <= 250),
    ]


def startup(folder: Path) -> list[dict]:
    floors, ours = [], []
    for _ in range(RUNS):  # interleaved, so load on the machine hits both alike
        floors.append(child_seconds(FLOOR_CHILD))
        ours.append(child_seconds(APP_CHILD, str(folder), PASSPHRASE))
    value, base = median(ours), median(floors)
    return [
        row(
            "start-up to main window painted with the register",
            value * 1000,
            "ms",
            "≤ 1.3× floor",
            value <= 1.3 * base,
            base * 1000,
        )
    ]


def run(quick: bool = False) -> list[dict]:
    global FACILITIES
    if quick:
        FACILITIES = 5_000
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        store = build_store(folder)
        rows = answer_save(store, folder) + search_as_you_type(store) + checklist(store, Path(tmp))
        store.close()
        rows += startup(folder)
    return rows


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table("bench_workstation", run(quick="--quick" in sys.argv))
    sys.stdout.flush()
    os._exit(0)  # see benchmarks/__main__.py
