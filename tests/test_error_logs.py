"""A log record at ERROR or above fails the test that emitted it, unless the test expects it."""

from __future__ import annotations

from tests.conftest import ROOT

pytest_plugins = ["pytester"]

INNER = """
import logging
import threading

import pytest

log = logging.getLogger("inspector_app.somewhere")


def test_an_error_fails():
    log.error("disk on fire")


def test_an_error_from_another_thread_fails():
    thread = threading.Thread(target=lambda: log.error("worker on fire"))
    thread.start()
    thread.join()


def test_a_warning_passes():
    log.warning("only a warning")


@pytest.mark.allow_error_logs
def test_an_expected_error_passes():
    log.error("anything")


@pytest.mark.allow_error_logs("sync pass failed")
def test_only_the_expected_message_is_allowed():
    log.error("sync pass failed")
    log.error("something else")


def test_a_failing_test_is_told_once():
    log.error("and then")
    raise AssertionError("the real failure")


@pytest.fixture
def noisy_teardown():
    yield
    log.error("teardown on fire")


def test_errors_in_teardown_are_errors(noisy_teardown):
    pass
"""


def test_error_logs_fail_the_test_that_emits_them(pytester):
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    allow_error_logs(*patterns): expects error logs\n")
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:pytestqt")
    result.assert_outcomes(passed=3, failed=4, errors=1)
    result.stdout.fnmatch_lines(["*inspector_app.somewhere ERROR: something else*"])
    assert "inspector_app.somewhere ERROR: sync pass failed" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*the real failure*"])
