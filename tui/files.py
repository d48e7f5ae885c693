"""Writing the user's files: never over one the user did not name, never half-written.

An export goes to a temporary file beside its target and is renamed onto it only once complete, so a
failed or interrupted export (a bad filter, a full disk, Ctrl-C) leaves the target as it was. A SQLite
database is never written over: an export aimed at a store is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

SQLITE_HEADER = b"SQLite format 3\x00"


class Refused(ValueError):
    """The output file may not be written, with the reason in words."""


def is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_target(path: Path, *, store: Path | None = None, force: bool = False) -> None:
    """Raise Refused unless `path` may be written: not the open store or any of its files, not a
    database, not a folder, and (unless `force`) not an existing file."""
    target = path.resolve()
    if store is not None:
        own = store.resolve()
        if target == own or (target.parent == own.parent and target.name.startswith(own.name + "-")):
            raise Refused("that is the store itself; choose another file name")
    if target.is_dir():
        raise Refused("that is a folder; name a file")
    if target.exists() and stat.S_ISREG(target.stat().st_mode):
        if is_database(target):
            raise Refused("that file is a SQLite database; sitroom never writes an export over one")
        if not force:
            raise Refused("that file exists; add --force to replace it")


@contextmanager
def replacing(path: Path) -> Iterator[TextIO]:
    """A text handle whose content replaces `path` only if the block ends without an exception.
    A device or pipe (/dev/stdout, a FIFO) is written directly: there is nothing to rename onto."""
    target = path.resolve()
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        with target.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file would be, not mkstemp's 0600
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
