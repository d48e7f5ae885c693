"""Opening and creating stores for a command, with every way that can fail said in one sentence."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sitroom.db import Store, StoreError, create_store, default_store_path

from .output import shown, warn


def _why(error: BaseException) -> str:
    if isinstance(error, OSError):
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "permission denied (the folder or file is not writable)"
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "the disk is full"
        return error.strerror or str(error)
    text = str(error)
    if "readonly" in text:
        return "the store is read-only"
    if "disk is full" in text or "disk I/O error" in text:
        return f"the disk is full ({text})"
    return text


def create(path: Path, *, bundled: bool) -> None:
    """Create a store at `path` (the bundled data, or empty); a failure is a StoreError in words."""
    try:
        create_store(path, bundled=bundled)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"cannot create a store at {shown(path)}: {_why(error)}") from None


def open_store(path: Path | None, *, create_empty: bool = False, announce: bool = True) -> Store:
    """The store at `path`; without a path the default store, made from the bundled data on first
    run. With create_empty, a missing `path` becomes a new store holding only the reference data,
    announced at once unless `announce` is False (a command that may yet remove it says so later)."""
    if path is None:
        path = default_store_path()
        if not path.exists():
            create(path, bundled=True)
    elif create_empty and not path.exists():
        if not path.parent.is_dir():  # a mistyped folder must not become a new tree holding a new store
            raise StoreError(f"cannot create a store at {shown(path)}: the folder {shown(path.parent)} does "
                             "not exist")
        create(path, bundled=False)
        if announce:
            announce_new(path)
    try:
        return Store.open(path)
    except OSError as error:
        raise StoreError(f"cannot open the store {shown(path)}: {_why(error)}") from None


def announce_new(path: Path) -> None:
    warn(f"created a new store at {shown(path)} (reference data: factions, places, fronts; no events)")


def is_new(path: Path | None) -> bool:
    """Whether `path` names a store a command would create (nothing is there yet)."""
    return path is not None and not path.exists()


def settle_new(path: Path, new: bool, code: int, wrote: bool = True) -> int:
    """After a command that made the store at `path` (`new`): keep it and say so when the command
    wrote to it, else remove it, so that a failure or a dry run leaves no file behind. Returns `code`."""
    if new and (code == 2 or not wrote):
        remove_store(path)
    elif new:
        announce_new(path)
    return code


def remove_store(path: Path) -> None:
    """Delete a store this command made and its side files (-wal, -shm)."""
    for file in (path, *path.parent.glob(path.name + "-*")):
        file.unlink(missing_ok=True)


def write_failure(path: Path, error: BaseException) -> str:
    """Why a write to the store at `path` failed, for a message that goes on to say nothing changed."""
    return f"the store {shown(path)} could not be written ({_why(error)})"
