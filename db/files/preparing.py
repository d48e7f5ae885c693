"""The second step of an import: each row read made into what the writer needs, a batch at a time.

A batch of rows is first looked up by fingerprint (write/fingerprints.py): a row the store holds
unchanged becomes SKIP and is not prepared. Every other row is prepared (the format's reader resolving
the names it gives, write/records.py checking the record) into ROW, or BAD with the reason. This step
writes nothing but what the resolver creates (a new place, faction, front or source); when it runs in a
process of its own (files/worker.py) those statements are recorded and handed on as SQL, ahead of the
row that needed them, for the writer's process to run.

Items are plain tuples (cheap to send between processes): (line, kind, …) where kind is
- SKIP, [(line, rowid), …]: a run of rows each the one the event at rowid was written from;
- ROW, (rowid, fields in EVENT_COLUMNS order, ((faction, role), …)), fingerprint or None, merges:
  an event; `merges` when it may be one of several rows of one event (actor-based files);
- BAD, reason;
- SQL, [(statement, parameters), …] (line 0): what the rows after it need in the store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any

from ..schema import event_rowid
from ..write.fingerprints import Fingerprints
from ..write.records import RowError, checked
from ..write.resolve import Resolver
from .formats.common import Context
from .formats.dates import DateOrderUnknown, written_with_numbers
from .missing import holds_na_cell
from .reading import CsvRows, ImportFailed, JsonlRows

BATCH = 5_000  # rows read, looked up and written together (each batch's rows are held in memory)
SKIP, ROW, BAD, SQL = "skip", "row", "bad", "sql"
_NA_MARK = "NA empty\x00"  # before the text of a row whose NA cells are read as empty, in its fingerprint
Item = tuple[Any, ...]
Row = tuple[int, tuple, tuple[tuple[str, str], ...]]  # (rowid, fields, parties)
Convert = Callable[[list, Resolver, Context], dict]  # a reader's converter (formats/acled.py)


def prepare_row(reader: ModuleType, resolver: Resolver, row: dict | list | RowError,
                context: Context | None = None, convert: Convert | None = None) -> Row:
    """One row as a checked event, as the writer takes it (rowid, fields in EVENT_COLUMNS order,
    ((faction, role), …)), or RowError (or any exception) saying why not. What the row added on the way
    (a new place, faction, front or source) is taken back if it fails. `convert`: the reader's converter
    for the file's header (converter()), given the row's values in its order."""
    if isinstance(row, RowError):
        raise row
    context = context or Context()
    try:
        record = convert(row, resolver, context) if convert else reader.to_record(row, resolver, context)
        values, parties = checked(record, resolver.ref)
    except BaseException:
        resolver.forget_uncommitted()
        context.memo.clear()  # what the resolver answered may have been taken back with the row
        raise
    resolver.keep()
    return (event_rowid(values[0]), values, parties)


def _hashes(chunk: list, prints: Fingerprints | None, na: str | None = None) -> list[bytes | None]:
    """Each record's fingerprint: of its text as read (see write/fingerprints.py). `na`: the file's
    delimiter when its NA cells are read as empty (files/missing.py)."""
    if prints is None:
        return [None] * len(chunk)
    of = prints.of
    if not na:
        return [of(text) for _, text, _ in chunk]
    # Before NA was read as empty, such a row made a faction "NA": its fingerprint is marked, so a store
    # holding the old reading prepares it again; a row with no NA cell ("NATO" is none) keeps the
    # fingerprint it had.
    return [of(_NA_MARK + text) if holds_na_cell(text, na) else of(text) for _, text, _ in chunk]


def na_delimiter(rows: CsvRows | JsonlRows) -> str | None:
    """The file's delimiter when its NA cells are read as empty, else None (_hashes)."""
    return rows.delimiter if getattr(rows, "na_at", ()) else None


def _numeric(rows: CsvRows | JsonlRows, dates: tuple[str, ...]) -> Callable[[Any], bool]:
    """Whether a row's date is written with numbers alone (05/09/2017, 31-12-19): such a row is never
    fingerprinted, what its date means depends on the other rows."""
    at = [rows.position[c] for c in dates if c in rows.position] if isinstance(rows, CsvRows) else []

    def numeric(raw: list[str]) -> bool:
        return any(written_with_numbers(raw[i]) for i in at)

    return numeric


def chunks(rows: CsvRows | JsonlRows) -> Iterator[list]:
    """The rows read, BATCH at a time."""
    chunk: list = []
    size = BATCH
    for item in rows:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def mostly_known(chunk: list, prints: Fingerprints | None, na: str | None = None) -> bool:
    """Whether most rows of a file's first chunk are unchanged since the store read them: the file is
    then a re-import, whose rows cost too little to be worth a second process."""
    if prints is None or not prints.looking or not chunk:
        return False
    return len(prints.known(_hashes(chunk, prints, na))) * 2 >= len(chunk)


def batches(reader: ModuleType, rows: CsvRows | JsonlRows, resolver: Resolver, context: Context,
            prints: Fingerprints | None, recorded: Callable[[], list] | None = None,
            read: Iterable[list] | None = None) -> Iterator[list[Item]]:
    """The items of every row of the file, a batch at a time. `recorded` hands over (and forgets) the
    statements the resolver recorded instead of running them, when it runs in a process of its own;
    `read`: the file's chunks (chunks() above) when some were read already."""
    merges_repeats = getattr(reader, "merges_repeats", None)
    numeric = _numeric(rows, getattr(reader, "DATE_COLUMNS", ()))
    # A reader that can be given a row's values in the header's order is: no row is made a dict.
    compiled = getattr(reader, "converter", None)
    convert = compiled(tuple(rows.header)) if compiled and isinstance(rows, CsvRows) else None
    as_row = rows.cleaned if convert else rows.row
    merges = bool(merges_repeats and convert and merges_repeats(dict.fromkeys(rows.header)))
    for chunk in read if read is not None else chunks(rows):
        hashes = _hashes(chunk, prints, na_delimiter(rows))
        known = prints.known(hashes) if prints else {}
        items: list[Item] = []
        skipped: list[tuple[int, int]] = []  # the run of known rows before this one
        for (line, text, raw), row_hash in zip(chunk, hashes, strict=True):
            # A known fingerprint is of the same text, which was fingerprinted: one good row, its date not
            # numeric.
            if row_hash in known:  # (None never is)
                skipped.append((line, known[row_hash]))
                continue
            if skipped:
                items.append((skipped[0][0], SKIP, skipped))
                skipped = []
            parsed = rows.records(text, raw)
            for at, values in parsed:
                if len(parsed) > 1 or isinstance(values, RowError) or numeric(values):
                    row_hash = None  # several rows in one record's text (stray quotes): none fingerprinted
                row = as_row(values)
                if convert is None:
                    merges = bool(merges_repeats and not isinstance(row, RowError) and merges_repeats(row))
                item = _item(reader, row, at, row_hash, resolver, context, merges, convert)
                if recorded is not None and (statements := recorded()):
                    items.append((0, SQL, statements))
                items.append(item)
        if skipped:
            items.append((skipped[0][0], SKIP, skipped))
        yield items


def _item(reader: ModuleType, row: dict | list | RowError, line: int, row_hash: bytes | None,
          resolver: Resolver, context: Context, merges: bool, convert: Convert | None) -> Item:
    context.line = line
    try:
        return (line, ROW, prepare_row(reader, resolver, row, context, convert), None if merges else row_hash,
                merges)
    except DateOrderUnknown as err:
        raise ImportFailed(str(err)) from None
    except (RowError, ValueError) as err:
        return (line, BAD, str(err))
    except sqlite3.IntegrityError as err:  # a row that breaks a constraint is a bad row ...
        return (line, BAD, f"cannot be stored ({err})")
    except sqlite3.Error:  # ... but a store that cannot be written ends the import: all rolled back
        raise
    except Exception as err:  # a row of a shape no check foresaw is still only a bad row
        return (line, BAD, f"cannot be read ({type(err).__name__}: {err})")
