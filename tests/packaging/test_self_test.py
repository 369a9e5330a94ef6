"""`inspector-app --self-test`, as installers and CI run it on the frozen app."""

import os
import subprocess
import sys


def self_test(tmp_path, **env):
    return subprocess.run(
        [sys.executable, "-m", "inspector_app", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_a_working_installation_passes_every_check(tmp_path):
    run = self_test(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "ok   store",
        "ok   checklists",
        "ok   documents",
        "ok   window system",
    ]
    assert "protocol rendered: kk" in run.stdout


def test_missing_checklists_fail_the_self_test_and_say_where(tmp_path):
    empty = tmp_path / "no-forms"
    empty.mkdir()
    run = self_test(tmp_path, INSPECTOR_FORMS_DIR=str(empty))
    assert run.returncode == 1
    assert f"FAIL checklists: RuntimeError: no checklist in {empty}" in run.stdout
    assert "ok   documents" in run.stdout  # the other checks still ran
