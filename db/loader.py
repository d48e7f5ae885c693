"""Old names of the write path, kept for callers not yet moved to db/write/ (tests/test_browser.py
imports db.loader's Reference, prepare_event and write_events); new code imports from write/."""

from __future__ import annotations

import sqlite_utils

from .reference import Reference as _Reference
from .reference import read_reference
from .write.records import prepare_event
from .write.upsert import write_events

__all__ = ["Reference", "prepare_event", "write_events"]


def Reference(db: sqlite_utils.Database) -> _Reference:
    """What a record may name, read from the store `db` (see db/reference.py)."""
    return read_reference(db.conn)
