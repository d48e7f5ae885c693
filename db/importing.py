"""`sitroom import`: read a file of events into a store, all in one transaction.

Every bad row is named (line number and reason) and skipped; the good rows land together. With
strict=True any bad row rolls the whole file back. A row is never half-written and no exception from a
row escapes: a file-level problem (unreadable, unknown format, missing column) raises ImportFailed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from .formats import FORMATS
from .loader import Prepared, Reference, RowError, WriteCounts, prepare_event, write_events
from .resolve import DEFAULT_MAX_KM, Resolver

BATCH = 2000
_VALUES = re.compile(r"'[^']*'|\"[^\"]*\"|\b\d+(\.\d+)?\b")
Progress = Callable[[int, int], None]  # (rows done, rows in the file)


class ImportFailed(RuntimeError):
    """The file as a whole cannot be imported; nothing was written."""


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass
class ImportReport:
    path: str
    format: str
    rows: int = 0
    counts: WriteCounts = field(default_factory=WriteCounts)
    bad: list[BadRow] = field(default_factory=list)
    new_factions: list[str] = field(default_factory=list)
    new_places: list[str] = field(default_factory=list)
    new_fronts: list[str] = field(default_factory=list)
    rejected: bool = False  # strict mode met a bad row: nothing was written

    @property
    def exit_code(self) -> int:
        """0: every row landed; 1: bad rows were skipped, the rest landed; 2: nothing landed."""
        if self.rejected:
            return 2
        return 1 if self.bad else 0

    def reasons(self) -> Counter[str]:
        """Bad rows grouped by reason, with the row's own values left out."""
        return Counter(_VALUES.sub("…", b.reason) for b in self.bad)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ImportFailed(f"cannot read the file ({err.strerror or err})") from None
    # Undecodable bytes survive as lone surrogates, so the rows holding them can be named and skipped.
    return data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")


def detect_format(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if FORMATS["jsonl"].detect(first):
        return "jsonl"
    header = [h.strip() for h in next(csv.reader([first]), [])]
    for name in ("acled", "ucdp"):
        if FORMATS[name].detect(header):
            return name
    raise ImportFailed(
        "cannot tell the format from the first line: expected ACLED columns (event_id_cnty, actor1, …), "
        "UCDP GED columns (id, date_start, side_a, …) or JSON Lines; name it with --format")


def _undecodable(values: Any) -> str | None:
    text = json.dumps(values, ensure_ascii=False) if not isinstance(values, str) else values
    for ch in text:
        if "\udc80" <= ch <= "\udcff":
            return f"is not UTF-8 text (byte 0x{ord(ch) - 0xDC00:02X})"
    return None


def _csv_rows(text: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict | RowError]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise ImportFailed("the file has no header row") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFailed(f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield reader.line_num, RowError(f"is not valid CSV ({err})")
            continue
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield line, RowError(f"has {len(values)} fields, the header has {len(header)}")
            continue
        yield line, dict(zip(header, values, strict=True))


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict | RowError]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as err:
            yield number, RowError(f"is not valid JSON ({err.args[0].split(':')[0]})")
            continue
        yield number, value if isinstance(value, dict) else RowError("is not a JSON object")


def import_file(conn: sqlite3.Connection, path: Path, fmt: str | None = None, *, strict: bool = False,
                max_km: float = DEFAULT_MAX_KM, progress: Progress | None = None) -> ImportReport:
    """Import `path` into the store open on `conn`. See the module docstring for what happens to
    bad rows."""
    text = read_text(path)
    fmt = fmt or detect_format(text)
    if fmt not in FORMATS:
        raise ImportFailed(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    reader = FORMATS[fmt]
    rows = _jsonl_rows(text) if reader.KIND == "jsonl" else _csv_rows(text, reader.REQUIRED)
    total = text.count("\n") or 1
    report = ImportReport(str(path), fmt)
    seen: dict[str, int] = {}
    batch: list[Prepared] = []

    def flush() -> None:
        counts = write_events(conn, batch)
        report.counts.added += counts.added
        report.counts.updated += counts.updated
        report.counts.unchanged += counts.unchanged
        batch.clear()

    conn.execute("BEGIN IMMEDIATE")
    try:
        resolver = Resolver(conn, Reference(sqlite_utils.Database(conn)), max_km)
        for line, row in rows:
            report.rows += 1
            try:
                if isinstance(row, RowError):
                    raise row
                bad_bytes = _undecodable(row)
                if bad_bytes:
                    raise RowError(bad_bytes)
                conn.execute("SAVEPOINT row")  # a bad row takes back the places it added
                try:
                    prepared = prepare_event(reader.to_record(row, resolver), resolver.ref)
                except Exception:
                    conn.execute("ROLLBACK TO row")
                    resolver.forget_uncommitted()
                    raise
                finally:
                    conn.execute("RELEASE row")
                eid = prepared.event["id"]
                if eid in seen:
                    raise RowError(f"repeats the event on line {seen[eid]}")
                seen[eid] = line
                resolver.keep()
                batch.append(prepared)
            except (RowError, ValueError) as err:
                report.bad.append(BadRow(line, str(err)))
            except Exception as err:  # a row of a shape no check foresaw is still only a bad row
                report.bad.append(BadRow(line, f"cannot be read ({type(err).__name__}: {err})"))
            if len(batch) >= BATCH:
                flush()
            if progress and report.rows % 500 == 0:
                progress(line, total)
        flush()
        report.new_factions = resolver.created.factions
        report.new_places = resolver.created.places
        report.new_fronts = resolver.created.fronts
        if strict and report.bad:
            conn.rollback()
            report.rejected = True
            report.counts = WriteCounts()
        else:
            conn.commit()
    except BaseException:
        conn.rollback()
        raise
    if progress:
        progress(total, total)
    return report
