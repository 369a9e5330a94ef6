"""Which version of the desktop app this is, and whether the server offers a newer one."""

from __future__ import annotations

import inspector_app


def installed_version() -> str:
    """The package's version, written once in `inspector_app/__init__.py` (a frozen build
    carries no package metadata, and reading it costs start-up time)."""
    return inspector_app.__version__


def is_newer(offered: str, installed: str) -> bool:
    """By numbers, part by part ("0.10.0" is newer than "0.9.2"); a version that is not
    numbers is never taken as newer, so nothing odd is announced."""
    try:
        return _parts(offered) > _parts(installed)
    except ValueError:
        return False


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.strip().split("."))
