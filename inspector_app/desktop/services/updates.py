"""Which version of the desktop app this is, and whether the server offers a newer one."""

from __future__ import annotations

from importlib import metadata


def installed_version() -> str:
    try:
        return metadata.version("field-inspector")
    except metadata.PackageNotFoundError:  # a frozen build carries no package metadata
        from inspector_app import __version__

        return __version__


def is_newer(offered: str, installed: str) -> bool:
    """By numbers, part by part ("0.10.0" is newer than "0.9.2"); a version that is not
    numbers is never taken as newer, so nothing odd is announced."""
    try:
        return _parts(offered) > _parts(installed)
    except ValueError:
        return False


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.strip().split("."))
