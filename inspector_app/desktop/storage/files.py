"""Files that survive a crash or a power cut once the call returns: the data is fsynced,
and so is the folder that names it (a new or renamed name lives in the folder's own data)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

TMP_SUFFIX = ".tmp"  # a name being written; what a crash leaves of it is removed at open


def sync_folder(folder: Path) -> None:
    """Make the names created, renamed or removed in `folder` durable."""
    if os.name == "nt":  # NTFS journals names itself, and Windows cannot fsync a folder
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def make_folder(folder: Path) -> None:
    """Like `mkdir -p`, with each new folder's name made durable in its parent."""
    if folder.is_dir():
        return
    make_folder(folder.parent)
    folder.mkdir(exist_ok=True)
    sync_folder(folder.parent)


def copy_durably(source: Path, target: Path) -> Path:
    """Copy to a temporary name, fsync it, rename it into place and fsync the folder: after
    a crash `target` is as it was before or a whole copy, never part of one."""
    tmp = target.with_name(target.name + TMP_SUFFIX)
    shutil.copy2(source, tmp)
    with open(tmp, "rb+") as handle:  # fsync flushes the file's data whichever handle asks
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    sync_folder(target.parent)
    return target
