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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from ..reference import read_reference
from ..write import fingerprints
from ..write.bulk import BulkWriter
from ..write.fingerprints import Fingerprints
from ..write.foreign import place_foreign_forces
from ..write.records import RowError
from ..write.relabel import relabel_numbered
from ..write.resolve import DEFAULT_MAX_KM, Resolver
from ..write.restock import restock_bundled
from ..write.rivals import separate_rivals
from ..write.twins import merge_governments
from ..write.ucdp_sources import mend_titles
from ..write.upsert import EVENT_COLUMNS, WriteCounts
from . import preparing
from .formats import FORMATS
from .formats.common import Context
from .formats.dates import DateOrder
from .preparing import ROW, SKIP, SQL, Item, Row, batches, chunks, mostly_known, na_delimiter
from .reading import DELIMITER_NAMES, CsvRows, ImportFailed, detect_format, encoding_of, raw_rows
from .worker import Preparing, can_fork

_SOURCE_ID = EVENT_COLUMNS.index("source_event_id")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\b\d+(\.\d+)?\b")


def _general(reason: str) -> str:
    """A bad row's reason without the row's own values: what it quotes, and numbers outside the
    parentheses where a reason gives its examples ("(2017-06-30, 30 June 2017 …)"), which stay."""
    reason = _QUOTED.sub("…", reason)
    out, depth, last = [], 0, 0
    for m in _NUMBER.finditer(reason):
        depth = reason.count("(", 0, m.start()) - reason.count(")", 0, m.start())
        out.append(reason[last:m.start()] + (m[0] if depth > 0 else "…"))
        last = m.end()
    return "".join(out) + reason[last:]
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
    delimiter: str = ","  # what the file's fields are separated by, said when it is not a comma
    na_read: int = 0  # cells written NA (by R or pandas) read as empty (files/missing.py)
    merged: int = 0  # rows that named another actor of the event on the row before (actor-based files)
    linked: int = 0  # events linked to a happening another source reports (db/happenings/)
    # (merged, kept) names of one country's government factions made one (write/twins.py)
    merged_factions: list[tuple[str, str]] = field(default_factory=list)
    by_hand: int = 0  # factions whose bloc, parent or label a user set, which the file would have changed

    @property
    def landed(self) -> int:
        return self.counts.added + self.counts.updated + self.counts.unchanged

    @property
    def separated_by(self) -> str:
        """What the fields are separated by, in words: "semicolons"."""
        return DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))

    @property
    def exit_code(self) -> int:
        """0: every row landed; 1: bad rows were skipped, the rest landed; 2: nothing landed."""
        if self.rejected or (self.bad and not self.landed):
            return 2
        return 1 if self.bad else 0

    def reasons(self) -> Counter[str]:
        """Bad rows grouped by reason, with the row's own values left out."""
        return Counter(_general(b.reason) for b in self.bad)


class LinkingInterrupted(KeyboardInterrupt):
    """Ctrl-C once a file's or a report's transaction had committed, while its events were being linked
    to other sources' happenings (db/happenings/): the file or report is in the store, `report` (its
    ImportReport, or an ingest's IngestReport) says what it brought, and its events stay queued, to be
    linked by the next import or ingest (db/store/intake.py raises it for both)."""

    def __init__(self, report: Any) -> None:
        super().__init__()
        self.report = report


class _Merger:
    """Consecutive rows of one event in an actor-based file, as one event with every row's factions.
    The rows must agree on everything else; one that does not is a bad row naming the first."""

    def __init__(self, writer: BulkWriter, report: ImportReport) -> None:
        self.writer, self.report = writer, report
        self.held: tuple[int, Row] | None = None

    def add(self, line: int, row: Row, merges: bool, row_hash: bytes | None) -> None:
        if self.held and merges and self.held[1][0] == row[0]:
            first, (rowid, held, parties) = self.held
            fields = row[1]
            differ = [i for i, name in enumerate(EVENT_COLUMNS) if name != "attributes"
                      and held[i] != fields[i]]
            if differ:
                name = EVENT_COLUMNS[differ[0]]
                key = held[_SOURCE_ID] or held[0]
                raise RowError(f"repeats {key} of line {first} with another {name} "
                               f"({fields[differ[0]]}, not {held[differ[0]]})")
            self.held = (first, (rowid, held, (*parties, *(p for p in row[2] if p not in parties))))
            self.report.merged += 1
            return
        self.flush()
        if merges:
            self.held = (line, row)
        else:
            self.writer.add(line, row, row_hash)

    def flush(self) -> None:
        if self.held:
            self.writer.add(*self.held)
            self.held = None


def _write(items: Iterable[list[Item]], conn: sqlite3.Connection, writer: BulkWriter, report: ImportReport,
           progress: Progress | None, total: int) -> None:
    """Write every batch of items (files/preparing.py), noting the bad rows in `report`."""
    merger = _Merger(writer, report)
    told = 0  # rows done when progress was last told
    for batch in items:
        for item in batch:
            line, kind = item[0], item[1]
            if kind == SQL:  # what the rows after it need (statements the preparing process recorded)
                for sql, parameters in item[2]:
                    conn.execute(sql, parameters)
                continue
            if kind == ROW:
                report.rows += 1
                try:
                    merger.add(line, item[2], item[4], item[3])
                except RowError as err:
                    report.bad.append(BadRow(line, str(err)))
            elif kind == SKIP:  # a run of rows known unchanged
                report.rows += len(item[2])
                if merger.held:
                    merger.flush()
                writer.skip(item[2])
                line = item[2][-1][0]
            else:
                report.rows += 1
                report.bad.append(BadRow(line, item[2]))
            if len(writer.waiting) >= preparing.BATCH:
                writer.flush()
            if progress and report.rows - told >= 500:
                told = report.rows
                progress(line, total)
    merger.flush()
    writer.close()
    if writer.repeats:
        report.bad = sorted([*report.bad, *(BadRow(line, why) for line, why in writer.repeats)],
                            key=lambda bad: bad.line)


def import_file(conn: sqlite3.Connection, path: Path, fmt: str | None = None, *, strict: bool = False,
                max_km: float = DEFAULT_MAX_KM, progress: Progress | None = None,
                date_format: str | None = None,
                then: Callable[[sqlite3.Connection, ImportReport], None] | None = None) -> ImportReport:
    """Import `path` into the store open on `conn`. See the module docstring for what happens to
    bad rows. `date_format` (strptime's, e.g. %d/%m/%Y) reads dates written with slashes. `then`: what
    follows the rows in the same transaction when they added or changed events (the store puts them on
    their fronts): Ctrl-C or a failure there takes the whole file back with it."""
    encoding = encoding_of(path)
    fmt = fmt or detect_format(path, encoding.codec)
    if fmt not in FORMATS:
        raise ImportFailed(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    total = encoding.lines
    report = ImportReport(str(path), fmt, encoding=encoding.name)
    context = Context(DateOrder(date_format))
    conn.execute("BEGIN IMMEDIATE")
    writer: BulkWriter | None = None
    preparing: Preparing | None = None
    try:
        report.merged_factions = merge_governments(conn)  # twins an older store holds (write/twins.py)
        mend_titles(conn)  # UCDP sources an older import titled with the raw field
        by_hand: set[str] = set()  # factions a user set that this import would have changed
        restock_bundled(conn, by_hand)  # bundled factions added or renamed since the store was made
        relabel_numbered(conn, by_hand)  # labels an older import made without a unit's number
        resolver = Resolver(conn, read_reference(conn), max_km)
        with raw_rows(path, fmt, encoding.codec) as rows:
            header = rows.header if isinstance(rows, CsvRows) else None
            report.delimiter = rows.delimiter if isinstance(rows, CsvRows) else ","
            # A comma file's key is as it always was: its stored fingerprints stay good.
            options = (date_format, max_km) + ((report.delimiter,) if report.delimiter != "," else ())
            merges = getattr(FORMATS[fmt], "merges_repeats", None)
            # An actor-based file's event is several rows: no row of it is fingerprinted.
            prints = None if header is not None and merges and merges(dict.fromkeys(header)) else \
                Fingerprints(conn, fmt, header, options)
            writer = BulkWriter(conn, report.counts, expected=total, looking=bool(prints and prints.looking))
            store = conn.execute("PRAGMA database_list").fetchone()[2]
            read = chunks(rows)
            na = na_delimiter(rows)  # its NA cells read as empty
            first = next(read, [])
            # A re-import's rows are mostly known by fingerprint: read here, a second process costs more.
            if store and can_fork(total) and not mostly_known(first, prints, na):
                preparing = Preparing(path, fmt, encoding.codec, store, resolver, context, prints)
                _write(preparing, conn, writer, report, progress, total)
                resolver.created = preparing.created
                report.na_read = preparing.na_read
            else:
                _write(batches(FORMATS[fmt], rows, resolver, context, prints, read=chain([first], read)),
                       conn, writer, report, progress, total)
                report.na_read = rows.na_read if isinstance(rows, CsvRows) else 0
        by_hand |= resolver.created.by_hand
        separate_rivals(conn, by_hand)  # rival authorities of one state, this import's and an older store's
        place_foreign_forces(conn)  # a state's forces in another's war: a side of their own there
        report.by_hand = len(by_hand)
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
            # Rolled back with the rows: no faction, place or front was added.
            report.new_factions, report.new_places, report.new_fronts = [], [], []
            report.merged_factions = []
            report.by_hand = 0
        else:
            if then is not None and (report.counts.added or report.counts.updated):
                then(conn, report)
            conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        if preparing is not None:
            preparing.close()
        if writer is not None:
            writer.restore()
    return report
