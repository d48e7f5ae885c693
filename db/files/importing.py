"""`sitroom import`: read a file of events into a store, all in one transaction.

The steps, each in its own room: read the rows as a stream (files/reading.py) → prepare each one, the
format's reader resolving the names it gives in memory (write/resolve.py) and write/records.py checking
the record → write them in large batches, the derived tables and text index brought up to date set-based
at the end (write/bulk.py) → the report.

Every bad row is named (line number and reason) and skipped; the good rows land together. With
strict=True any bad row rolls the whole file back. A row is never half-written and no exception from a
row escapes: a file-level problem (unreadable, unknown format, missing column) raises ImportFailed.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ..reference import read_reference
from ..write import fingerprints
from ..write.bulk import BulkWriter
from ..write.fingerprints import Fingerprints
from ..write.records import Prepared, RowError, prepare_event
from ..write.resolve import DEFAULT_MAX_KM, Resolver
from ..write.upsert import WriteCounts
from .formats import FORMATS
from .formats.common import Context
from .formats.dates import DateOrder, DateOrderUnknown, written_with_numbers
from .reading import CsvRows, ImportFailed, JsonlRows, detect_format, encoding_of, raw_rows

BATCH = 5_000  # rows read, looked up and written together (each batch's rows are held in memory)
_VALUES = re.compile(r"'[^']*'|\"[^\"]*\"|\b\d+(\.\d+)?\b")
Progress = Callable[[int, int], None]  # (rows done, rows in the file)


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
    encoding: str = "UTF-8"  # how the file was read, said when it is not UTF-8
    merged: int = 0  # rows that named another actor of the event on the row before (actor-based files)
    linked: int = 0  # events linked to a happening another source reports (db/happenings/)

    @property
    def landed(self) -> int:
        return self.counts.added + self.counts.updated + self.counts.unchanged

    @property
    def exit_code(self) -> int:
        """0: every row landed; 1: bad rows were skipped, the rest landed; 2: nothing landed."""
        if self.rejected or (self.bad and not self.landed):
            return 2
        return 1 if self.bad else 0

    def reasons(self) -> Counter[str]:
        """Bad rows grouped by reason, with the row's own values left out."""
        return Counter(_VALUES.sub("…", b.reason) for b in self.bad)


def prepare_row(reader: ModuleType, resolver: Resolver, row: dict | RowError,
                context: Context | None = None) -> Prepared:
    """One row as a checked event, or RowError (or any exception) saying why not. What the row added
    on the way (a new place, faction, front or source) is taken back if it fails."""
    if isinstance(row, RowError):
        raise row
    try:
        prepared = prepare_event(reader.to_record(row, resolver, context or Context()), resolver.ref)
    except BaseException:
        resolver.forget_uncommitted()
        raise
    resolver.keep()
    return prepared


class _Merger:
    """Consecutive rows of one event in an actor-based file, as one event with every row's factions.
    The rows must agree on everything else; one that does not is a bad row naming the first."""

    def __init__(self, writer: BulkWriter, report: ImportReport) -> None:
        self.writer, self.report = writer, report
        self.held: tuple[int, Prepared] | None = None

    def add(self, line: int, prepared: Prepared, merges: bool, row_hash: bytes | None) -> None:
        if self.held and merges and self.held[1].event["id"] == prepared.event["id"]:
            first, held = self.held
            differ = [k for k, v in prepared.event.items() if k != "attributes" and held.event.get(k) != v]
            if differ:
                name = differ[0]
                key = held.event.get("source_event_id") or held.event["id"]
                raise RowError(f"repeats {key} of line {first} with another {name} "
                               f"({prepared.event[name]}, not {held.event[name]})")
            known = {(p["faction"], p["role"]) for p in held.parties}
            held.parties.extend(p for p in prepared.parties if (p["faction"], p["role"]) not in known)
            self.report.merged += 1
            return
        self.flush()
        if merges:
            self.held = (line, prepared)
        else:
            self.writer.add(line, prepared, row_hash)

    def flush(self) -> None:
        if self.held:
            self.writer.add(*self.held)
            self.held = None


def _hashes(rows: CsvRows | JsonlRows, chunk: list, prints: Fingerprints | None,
            dates: tuple[str, ...]) -> list[bytes | None]:
    """Each row's fingerprint, or None for a row that is always prepared (see write/fingerprints.py)."""
    if prints is None:
        return [None] * len(chunk)
    of = prints.of
    at = [rows.position[c] for c in dates if c in rows.position] if isinstance(rows, CsvRows) else []
    if not at:
        return [None if text is None else of(text) for _, text, _ in chunk]

    def numeric(raw: list[str]) -> bool:  # a date written with numbers has a slash or a dot
        return any(("/" in raw[i] or "." in raw[i]) and written_with_numbers(raw[i]) for i in at)

    return [None if text is None or numeric(raw) else of(text) for _, text, raw in chunk]


def _chunks(rows: CsvRows | JsonlRows, size: int) -> Iterator[list]:
    chunk = []
    for item in rows:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _import_rows(reader: ModuleType, rows: CsvRows | JsonlRows, resolver: Resolver, writer: BulkWriter,
                 report: ImportReport, progress: Progress | None, total: int, context: Context,
                 prints: Fingerprints | None) -> None:
    """Prepare and write every row, noting the bad ones in `report`. A batch of rows at a time is
    looked up by fingerprint first: a row the store holds unchanged is only counted."""
    merger = _Merger(writer, report)
    merges_repeats = getattr(reader, "merges_repeats", None)
    dates = getattr(reader, "DATE_COLUMNS", ())
    for chunk in _chunks(rows, BATCH):
        hashes = _hashes(rows, chunk, prints, dates)
        known = prints.known(hashes) if prints else {}
        for (line, _, raw), row_hash in zip(chunk, hashes, strict=True):
            report.rows += 1
            if row_hash in known:  # (None never is)
                if merger.held:
                    merger.flush()
                writer.skip(line, known[row_hash])
            else:
                _import_row(reader, rows.row(raw), line, row_hash, resolver, merger, report, context,
                            merges_repeats)
            if len(writer.waiting) >= BATCH:
                writer.flush()
            if progress and report.rows % 500 == 0:
                progress(line, total)
    merger.flush()
    writer.close()
    if writer.repeats:
        report.bad = sorted([*report.bad, *(BadRow(line, why) for line, why in writer.repeats)],
                            key=lambda bad: bad.line)


def _import_row(reader: ModuleType, row: dict | RowError, line: int, row_hash: bytes | None,
                resolver: Resolver, merger: _Merger, report: ImportReport, context: Context,
                merges_repeats: Callable[[dict], bool] | None) -> None:
    context.line = line
    try:
        prepared = prepare_row(reader, resolver, row, context)
        merges = bool(merges_repeats and merges_repeats(row))  # type: ignore[arg-type]
        merger.add(line, prepared, merges, None if merges else row_hash)
    except DateOrderUnknown as err:
        raise ImportFailed(str(err)) from None
    except (RowError, ValueError) as err:
        report.bad.append(BadRow(line, str(err)))
    except sqlite3.IntegrityError as err:  # a row that breaks a constraint is a bad row ...
        report.bad.append(BadRow(line, f"cannot be stored ({err})"))
    except sqlite3.Error:  # ... but a store that cannot be written ends the import: all rolled back
        raise
    except Exception as err:  # a row of a shape no check foresaw is still only a bad row
        report.bad.append(BadRow(line, f"cannot be read ({type(err).__name__}: {err})"))


def import_file(conn: sqlite3.Connection, path: Path, fmt: str | None = None, *, strict: bool = False,
                max_km: float = DEFAULT_MAX_KM, progress: Progress | None = None,
                date_format: str | None = None) -> ImportReport:
    """Import `path` into the store open on `conn`. See the module docstring for what happens to
    bad rows. `date_format` (strptime's, e.g. %d/%m/%Y) reads dates written with slashes."""
    encoding = encoding_of(path)
    fmt = fmt or detect_format(path, encoding.codec)
    if fmt not in FORMATS:
        raise ImportFailed(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    total = encoding.lines
    report = ImportReport(str(path), fmt, encoding=encoding.name)
    context = Context(DateOrder(date_format))
    conn.execute("BEGIN IMMEDIATE")
    writer: BulkWriter | None = None
    try:
        resolver = Resolver(conn, read_reference(conn), max_km)
        with raw_rows(path, fmt, encoding.codec) as rows:
            header = rows.header if isinstance(rows, CsvRows) else None
            merges = getattr(FORMATS[fmt], "merges_repeats", None)
            # An actor-based file's event is several rows: no row of it is fingerprinted.
            prints = None if header is not None and merges and merges(dict.fromkeys(header)) else \
                Fingerprints(conn, fmt, header, (date_format, max_km))
            writer = BulkWriter(conn, report.counts, expected=total, looking=bool(prints and prints.looking))
            _import_rows(FORMATS[fmt], rows, resolver, writer, report, progress, total, context, prints)
        fingerprints.settle(conn)
        report.new_factions = resolver.created.factions
        report.new_places = resolver.created.places
        report.new_fronts = resolver.created.fronts
        if progress:
            progress(total, total)
        if strict and report.bad:
            conn.rollback()
            report.rejected = True
            report.counts = WriteCounts()
        else:
            conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        if writer is not None:
            writer.restore()
    return report
