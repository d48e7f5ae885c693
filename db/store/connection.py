"""The store's connections: each a line (one SQLite connection and the lock that serialises it across
threads) whose errors are said in words and whose every statement is shown to a tracer, if one is set;
opening a store (recognise, check, migrate) and creating one."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import schema
from ..write.bundled import load_bundled, load_reference_only

BUSY_TIMEOUT = 5.0  # seconds to wait for another process's write to finish
# Called with (sql, parameters) before each statement runs, like sqlite-utils' Database(tracer=...).
# For executemany the parameters are the sequence of rows; for a script, None.
Tracer = Callable[[str, Any], None]
Params = Sequence[object] | Mapping[str, object]


class StoreError(RuntimeError):
    """A store that cannot be opened or created, with a message meant for the user."""


class Interrupted(StoreError):
    """A count was abandoned because interrupt_counts() was called: its answer is no longer wanted."""


class TracedConnection(sqlite3.Connection):
    """A connection that shows each statement to `tracer` before running it."""

    tracer: Tracer | None = None

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if self.tracer:
            self.tracer(sql, parameters)
        return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        if self.tracer:
            self.tracer(sql, parameters)
        return super().executemany(sql, parameters)

    def executescript(self, script: str, /) -> sqlite3.Cursor:
        if self.tracer:
            self.tracer(script, None)
        return super().executescript(script)


class Line:
    """One connection and the lock that serialises its use across threads. `mode` is "rw", "ro"
    (another process may write) or "immutable" (nobody can: a read-only store in a read-only folder)."""

    def __init__(self, path: Path, mode: str = "rw") -> None:
        query = {"rw": "mode=rw", "ro": "mode=ro", "immutable": "mode=ro&immutable=1"}[mode]
        self.conn: TracedConnection = sqlite3.connect(
            f"{path.absolute().as_uri()}?{query}", uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT,
            factory=TracedConnection)
        self.conn.row_factory = sqlite3.Row
        self.lock = threading.RLock()

    def rows(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Every row of one query, with SQLite's errors turned into StoreError or Interrupted."""
        with self.lock:
            try:
                return self.conn.execute(sql, params if isinstance(params, Mapping) else tuple(params)
                                         ).fetchall()
            except sqlite3.OperationalError as err:
                if str(err) == "interrupted":
                    raise Interrupted("interrupted") from None
                raise StoreError(f"the store cannot be read now: {err}") from None
            except sqlite3.DatabaseError as err:
                raise StoreError(f"the store is damaged: {err}") from None

    def close(self) -> None:
        with self.lock:
            self.conn.close()


def _check_length(path: Path, line: Line) -> None:
    """A file shorter than its own header says was cut off (a copy stopped half-way)."""
    if Path(f"{path}-wal").exists():
        return  # pages may live in the write-ahead log
    pages = line.conn.execute("PRAGMA page_count").fetchone()[0]
    size = line.conn.execute("PRAGMA page_size").fetchone()[0]
    if path.stat().st_size < pages * size:
        raise StoreError(f"{path} is truncated: {path.stat().st_size:,} bytes of {pages * size:,}")


def writable(path: Path) -> bool:
    """Whether the store and its folder (where SQLite keeps its -wal and -shm files) can be written."""
    return os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _read_only_mode(path: Path) -> str:
    """How to read a store that cannot be written: alongside a writer ("ro"), or, when nothing can
    write it and SQLite cannot make its shared-memory file, as an unchanging file."""
    if Path(f"{path}-wal").exists() or os.access(path.parent, os.W_OK):
        return "ro"
    return "immutable"


def open_lines(path: Path) -> tuple[Line, Line, sqlite_utils.Database, bool]:
    """The two lines of the store at `path` (pages and reference data; counts), a sqlite-utils view
    of the first, and whether it is read-only, once the file is known to be a sitroom store, whole and
    of the current schema. Nothing is written before the file is recognised; a store that cannot be
    written is read as it is."""
    if not path.exists():
        raise StoreError(f"no store at {path}")
    read_only = not writable(path)
    mode = _read_only_mode(path) if read_only else "rw"
    main: Line | None = None
    try:
        main = Line(path, mode)
        db = sqlite_utils.Database(main.conn)
        schema.check(db)
        _check_length(path, main)
        if read_only:
            if schema.version(db) < schema.SCHEMA_VERSION:
                raise StoreError(f"{path} was made by an older sitroom and must be upgraded, which needs "
                                 "write access to it and its folder")
        else:
            if db.journal_mode != "wal":
                db.enable_wal()
            schema.migrate(db)
            schema.mark(db)
        counts = Line(path, mode)
    except (schema.SchemaError, StoreError, sqlite3.DatabaseError) as err:
        if main is not None:
            main.close()
        if isinstance(err, StoreError):
            raise
        if isinstance(err, schema.SchemaError):
            raise StoreError(f"{path}: {err}") from None
        raise StoreError(f"{path} cannot be opened as a sitroom store: {err}") from None
    return main, counts, db, read_only


def create_store(path: Path, *, bundled: bool = True) -> int:
    """Create a store at `path`, holding the bundled data or (bundled=False) the reference data without
    the founding report's events (blocs, fronts, factions, gazetteer). Built
    aside and renamed into place, so a crash or a full disk never leaves a half-written store behind.
    Returns how many events it holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sitroom-", suffix=".db", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp)
        schema.create(db)
        count = load_bundled(db) if bundled else load_reference_only(db)
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
