"""Preparing a large file's rows in a process of its own while the importing process writes them.

Reading, checking and resolving a row costs about as much as writing it: on two cores the two halves
of an import run side by side. The preparing process is a fork of the importing one made once the
import has begun, so it starts with the same reference (factions, places, fronts, sources), the same
options and the same fingerprint key. It never writes the store: it reads the rows' fingerprints
through a read-only connection of its own (the store as it was before the import, which is what a
fingerprint is looked up against), and what its resolver would create is recorded (Recorder) and
sent ahead of the rows that need it, for the importing process to run in its transaction.

Batches of items (files/preparing.py) go through a pipe: the preparing process is at most a batch or
two ahead, so memory stays flat. Ctrl-C reaches both processes: this one ignores it and is ended by the
importing one, whose transaction rolls back as it would alone.
"""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..write.fingerprints import Fingerprints
from ..write.resolve import Created, Resolver
from .formats import FORMATS
from .formats.common import Context
from .preparing import Item, batches
from .reading import ImportFailed, raw_rows

WORKER_FROM = 20_000  # lines: a smaller file is prepared in the importing process (a fork costs more)
DONE, FAILED = "done", "failed"


class Recorder:
    """Stands in for the store's connection in the preparing process: the resolver's statements are
    kept in order, a failed row's taken back at its savepoint, for the importing process to run."""

    def __init__(self) -> None:
        self.log: list[tuple[str, Any]] = []
        self.mark = 0

    def execute(self, sql: str, parameters: Any = ()) -> None:
        if sql == "SAVEPOINT row":
            self.mark = len(self.log)
        elif sql == "ROLLBACK TO row":
            del self.log[self.mark:]
        elif sql != "RELEASE row":
            self.log.append((sql, parameters))

    def take(self) -> list[tuple[str, Any]]:
        log, self.log = self.log, []
        return log


def can_fork(lines: int) -> bool:
    """Whether to prepare in another process: a large file, where a fork is safe (no other thread of
    this process may be inside SQLite when it forks)."""
    return (lines >= WORKER_FROM and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def _prepare(out: Connection, path: Path, fmt: str, codec: str, store: str, resolver: Resolver,
             context: Context, prints: Fingerprints | None) -> None:
    """The preparing process: every batch of the file's items into `out`, then what it created."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the importing process decides what Ctrl-C does
    try:
        recorder = Recorder()
        resolver.conn = recorder  # type: ignore[assignment]
        if prints is not None:
            prints.conn = sqlite3.connect(f"{Path(store).absolute().as_uri()}?mode=ro", uri=True)
        with raw_rows(path, fmt, codec) as rows:
            for items in batches(FORMATS[fmt], rows, resolver, context, prints, recorder.take):
                out.send(items)
        out.send([(0, DONE, resolver.created, getattr(rows, "na_read", 0))])
    except ImportFailed as err:
        out.send([(0, FAILED, str(err))])
    except BaseException as err:  # said by the importing process, as one sentence
        out.send([(0, FAILED, f"the rows could not be prepared ({type(err).__name__}: {err})")])
    finally:
        out.close()


class Preparing:
    """The items of a file prepared by another process, as `batches` gives them in this one."""

    def __init__(self, path: Path, fmt: str, codec: str, store: str, resolver: Resolver, context: Context,
                 prints: Fingerprints | None) -> None:
        self.created = Created()
        self.na_read = 0  # what the preparing process read as empty for holding NA
        fork = multiprocessing.get_context("fork")
        self._in, out = fork.Pipe(duplex=False)
        self._process = fork.Process(target=_prepare, args=(out, path, fmt, codec, store, resolver, context,
                                                            prints), daemon=True)
        self._process.start()
        out.close()  # this process only reads: the pipe ends when the preparing process closes it

    def __iter__(self) -> Iterator[list[Item]]:
        while True:
            try:
                items = self._in.recv()
            except EOFError:
                raise ImportFailed("the process preparing the rows stopped before the end of the file") \
                    from None
            if items and items[-1][1] == DONE:
                self.created, self.na_read = items[-1][2], items[-1][3]
                return
            if items and items[-1][1] == FAILED:
                raise ImportFailed(items[-1][2])
            yield items

    def close(self) -> None:
        """End the preparing process (at once, when the import stops before the end of the file)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._in.close()
