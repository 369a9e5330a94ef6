"""Whether the server offers a newer version of the desktop app than this one (whose version
is `inspector_app.__version__`, the one place it is written)."""

from __future__ import annotations


def is_newer(offered: str, installed: str) -> bool:
    """By numbers, part by part ("0.10.0" is newer than "0.9.2"); a version that is not
    numbers is never taken as newer, so nothing odd is announced."""
    try:
        return _parts(offered) > _parts(installed)
    except ValueError:
        return False


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.strip().split("."))
