"""The first step of an import: a file's format and its rows with their line numbers, read as a
stream (a file of any size is never held in memory whole).

A row that cannot even be read (bad CSV, bad JSON, bytes that are not UTF-8) is handed on as a RowError
in its place, so the importer can name it and go on; a file that cannot be read at all raises ImportFailed.

Every value of a row is cleaned here, once, as it is read (text.clean_text): whatever a later step
stores, prints or matches — ids, slugs, names, notes — has no escape sequence or control character.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from ..text import clean_text, clean_values
from ..write.records import RowError
from .encoding import Encoding, survey
from .formats import FORMATS
from .missing import NA, may_hold_na, na_positions

DELIMITERS = (",", ";", "\t", "|")  # what spreadsheets and scripts separate fields with (comma first)
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}
CUT_SHORT = "the file ends inside a quoted field: cut short?"

RECORD_MAX = 8 << 20  # characters: a record longer is cut (no real one is: csv limits a field to 128 KiB)
_FIELD_LIMIT = csv.field_size_limit()  # the csv module's longest field: a longer line is left to it
_SURROGATE = re.compile("[\udc80-\udcff]")  # an undecodable byte, kept by surrogateescape
Rows = Iterator[tuple[int, dict | RowError]]  # (line number, the row's values or why it is unreadable)
# (line number, the row's text as read or None when it cannot be read, what row() makes the row from)
RawRows = Iterator[tuple[int, str | None, Any]]


class ImportFailed(RuntimeError):
    """The file as a whole cannot be imported; nothing was written."""


@contextmanager
def opened(path: Path, newline: str | None = "", codec: str = "utf-8-sig") -> Iterator[TextIO]:
    """The file as text, without a byte-order mark. Undecodable bytes survive as lone surrogates, so the
    rows holding them can be named and skipped."""
    try:
        f = path.open(encoding=codec, errors="surrogateescape" if codec != "utf-16" else "replace",
                      newline=newline)
    except OSError as err:
        raise ImportFailed(f"cannot read the file ({err.strerror or err})") from None
    with f:
        try:
            yield f
        except OSError as err:
            raise ImportFailed(f"cannot read the file ({err.strerror or err})") from None


def encoding_of(path: Path) -> Encoding:
    """The file's encoding and about how many lines it has, read once a megabyte at a time."""
    try:
        return survey(path)
    except OSError as err:
        raise ImportFailed(f"cannot read the file ({err.strerror or err})") from None


def header_names(cells: list[str], aliases: dict[str, str] | None = None) -> list[str]:
    """A CSV header as the readers match it: by name, whatever the case and spacing, a dataset's older
    names given their current ones (ALLY_ACTOR_1 is assoc_actor_1). An unnamed first column (the index
    pandas writes) is named "" and ignored."""
    names = [" ".join(c.replace("\ufeff", "").split()).casefold() for c in cells]
    if names and names[0] in ("", "unnamed: 0", "index"):
        names[0] = ""
    return [(aliases or {}).get(n, n) for n in names]


def first_line(path: Path, codec: str = "utf-8-sig") -> str:
    """The file's first line that is not blank (its header, or its first JSON object)."""
    with opened(path, codec=codec) as f:
        return next((line for line in f if line.strip()), "")


def delimiter_of(header: str) -> str:
    """What a CSV header line separates its names with: of comma, semicolon, tab and pipe, the one that
    splits it into the most names (quotes respected), a comma when none splits it. Decided once, from
    the header, which names columns and so holds none of these inside a name."""
    best, most = ",", 1
    for candidate in DELIMITERS:
        try:
            count = len(next(csv.reader([header], delimiter=candidate), []))
        except csv.Error:
            continue
        if count > most:
            best, most = candidate, count
    return best


def detect_format(path: Path, codec: str = "utf-8-sig") -> str:
    first = first_line(path, codec)
    if re.match(r'\s*\{\s*"type"\s*:\s*"FeatureCollection"', first):  # sitroom's own GeoJSON export
        raise ImportFailed("a GeoJSON file, which sitroom exports for maps but does not read back: import "
                           "the CSV or JSON Lines export instead (export --format csv or jsonl)")
    if FORMATS["jsonl"].detect(first):
        return "jsonl"
    if found := csv_format(first):
        return found
    raise ImportFailed(
        f"cannot tell the format from the first line{_read_as(delimiter_of(first))}: expected ACLED columns "
        "(event_id_cnty, actor1, …), "
        "UCDP GED columns (id, date_start, side_a, …), sitroom's CSV export or JSON Lines; name it with "
        "--format")


def csv_format(header: str) -> str | None:
    """The CSV format whose header line `header` is (ACLED, UCDP GED or sitroom's own export), or None."""
    cells = next(csv.reader([header], delimiter=delimiter_of(header)), [])
    return next((name for name in ("acled", "ucdp", "csv")
                 if FORMATS[name].detect(header_names(cells, FORMATS[name].ALIASES))), None)


def _read_as(delimiter: str) -> str:
    """How a header was split, for a message about its columns: said when it is not by commas."""
    return f" (its names separated by {DELIMITER_NAMES[delimiter]})" if delimiter != "," else ""


def undecodable(values: Any) -> str | None:
    """Why a row is not text, when it holds bytes that were not UTF-8."""
    text = values if isinstance(values, str) else "\x00".join(values)
    found = _SURROGATE.search(text)
    return f"is not UTF-8 text (byte 0x{ord(found.group()) - 0xDC00:02X})" if found else None


class _Line:
    """The one line a csv reader is given at a time (records() sets it): cheaper than a reader each."""

    text: str | None = None

    def __iter__(self) -> _Line:
        return self

    def __next__(self) -> str:
        text, self.text = self.text, None
        if text is None:
            raise StopIteration
        return text


class CsvRows:
    """A CSV file's rows as they are read: (line, the record's text as read, its lines). A record is the
    lines up to one where the quotes so far are even (a quoted field can span lines); `records()` reads
    its values with the csv module (a record of stray quotes may turn out to be several rows), and
    `row()` makes a row of names to cleaned values. An import that finds a record's text unchanged since
    it last read it (write/fingerprints.py) never parses it."""

    def __init__(self, f: TextIO, required: tuple[str, ...], aliases: dict[str, str] | None = None,
                 delimiter: str = ",", fmt: str = "") -> None:
        self.f = f
        self.delimiter = delimiter
        reader = csv.reader(f, delimiter=delimiter)
        try:
            self.header = header_names(next(reader), aliases)
        except (StopIteration, csv.Error):
            raise ImportFailed("the file has no header row") from None
        self.after_header = reader.line_num
        header = self.header
        repeated = sorted({h for h in header if h and header.count(h) > 1})
        if repeated:
            raise ImportFailed(f"the header names {', '.join(repeated)} more than once")
        missing = [c for c in required if c not in header]
        if missing:
            raise ImportFailed(f"missing column{'s' if len(missing) > 1 else ''}{_read_as(delimiter)}: "
                               f"{', '.join(missing)}")
        self.unnamed = "" in header  # pandas' index column, dropped from every row
        self._line = _Line()
        self._one = csv.reader(self._line, delimiter=delimiter)  # every one-line record, given it in turn
        self.position = {name: i for i, name in enumerate(header)}
        self.na_at = na_positions(fmt, header)  # where a NA cell is empty (files/missing.py)
        self.na_read = 0  # cells read as empty for holding NA
        self.cut_at: int | None = None  # the line a record left open at the end of the file starts after

    def __iter__(self) -> RawRows:
        number, lines, odd, size = self.after_header, [], False, 0
        # (line, the record's text, the line before it): lines, no parsing; most of a re-import ends here
        for physical in self.f:
            number += 1
            if physical.count('"') & 1:
                odd = not odd
            if odd or lines:
                lines.append(physical)
                size += len(physical)
                if odd and size < RECORD_MAX:
                    continue
                text, before, lines, odd, size = "".join(lines), number - len(lines), [], False, 0
            else:
                text, before = physical, number - 1
            if not text.isspace():
                yield number, text, before
        if lines:  # the file ended inside a quoted field: the record it cut is a bad row, not dropped
            self.cut_at = number - len(lines)
            yield number, "".join(lines), self.cut_at

    def records(self, text: str, first: int) -> list[tuple[int, list[str] | RowError]]:
        """The rows of a record whose text begins after line `first` (one, unless its quotes are
        stray), each with its line: their values or why they cannot be read."""
        width = len(self.header)
        if first == self.cut_at:
            return [(first + 1, RowError(CUT_SHORT))]
        body = text.rstrip("\r\n")
        if "\n" not in body and "\r" not in body:  # nearly every record: one line, one row at most
            try:
                if '"' not in body and len(body) <= _FIELD_LIMIT:
                    values = body.split(self.delimiter)  # what the csv module reads of a line with no quote
                else:
                    self._line.text = text
                    values = next(self._one, [])
            except csv.Error as err:
                return [(first + 1, RowError(f"is not valid CSV ({err})"))]
            if not values or "\x1f".join(values).isspace():
                return []
            if len(values) != width:
                return [(first + 1, RowError(f"has {len(values)} fields, the header has {width}"))]
            return [(first + 1, values)]
        reader, out = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter), []
        while True:
            try:
                for values in reader:
                    at = first + reader.line_num
                    if not values or "\x1f".join(values).isspace():  # no value but white space
                        continue
                    if len(values) != width:
                        out.append((at, RowError(f"has {len(values)} fields, the header has {width}")))
                    else:
                        out.append((at, values))
                return out
            except csv.Error as err:
                out.append((first + reader.line_num, RowError(f"is not valid CSV ({err})")))

    def cleaned(self, values: list[str] | RowError) -> list[str] | RowError:
        """A record's values cleaned, in the header's order (what a reader's converter takes)."""
        if isinstance(values, RowError):
            return values
        joined = "".join(values)
        if joined.isprintable():  # nearly every row: no undecodable byte, nothing to clean
            cleaned = [v.strip() for v in values]
        else:
            bad_bytes = undecodable(values)
            if bad_bytes:
                return RowError(bad_bytes)
            cleaned = clean_values(values)
        if self.na_at and may_hold_na(joined):
            for i in self.na_at:
                if cleaned[i] in NA:
                    cleaned[i] = ""
                    self.na_read += 1
        return cleaned

    def row(self, values: list[str] | RowError) -> dict | RowError:
        cleaned = self.cleaned(values)
        if isinstance(cleaned, RowError):
            return cleaned
        row = dict(zip(self.header, cleaned, strict=True))
        if self.unnamed:
            del row[""]
        return row


class JsonlRows:
    """A JSON Lines file's rows, as CsvRows: the raw line is the row's text and its one record."""

    def __init__(self, f: TextIO) -> None:
        self.f = f

    def __iter__(self) -> RawRows:
        for number, line in enumerate(self.f, start=1):
            if line.strip():
                yield number, line, number

    def records(self, line: str, number: int) -> list[tuple[int, str]]:
        return [(number, line)]

    def row(self, line: str) -> dict | RowError:
        bad_bytes = undecodable(line)
        if bad_bytes:
            return RowError(bad_bytes)
        try:
            value = json.loads(line)
            # Cleaning walks the value as deep as it goes: a depth json.loads accepted can still be
            # too deep for it, so both are inside the same guard.
            cleaned = cleaned_value(value) if isinstance(value, dict) else None
        except ValueError as err:
            return RowError(f"is not valid JSON ({err.args[0].split(':')[0]})")
        except RecursionError:
            return RowError("is JSON nested too deeply to be an event")
        return cleaned if cleaned is not None else RowError("is not a JSON object")


def csv_rows(f: TextIO, required: tuple[str, ...], aliases: dict[str, str] | None = None) -> Rows:
    rows = CsvRows(f, required, aliases)
    return ((at, rows.row(values)) for _, text, raw in rows for at, values in rows.records(text, raw))


def jsonl_rows(f: TextIO) -> Rows:
    rows = JsonlRows(f)
    return ((line, rows.row(raw)) for line, _, raw in rows)


def cleaned_value(value: Any) -> Any:
    """A JSON value with every string in it (keys too) cleaned; numbers and the rest as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k): cleaned_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cleaned_value(v) for v in value]
    return value


@contextmanager
def raw_rows(path: Path, fmt: str, codec: str = "utf-8-sig") -> Iterator[CsvRows | JsonlRows]:
    """The rows of a file of format `fmt` (a name in FORMATS), read as they are needed."""
    reader = FORMATS[fmt]
    if reader.KIND == "jsonl":
        with opened(path, newline=None, codec=codec) as f:
            yield JsonlRows(f)
        return
    delimiter = delimiter_of(first_line(path, codec))
    with opened(path, newline="", codec=codec) as f:
        yield CsvRows(f, reader.REQUIRED, reader.ALIASES, delimiter, fmt)


def rows_of(path: Path, fmt: str, codec: str = "utf-8-sig") -> Rows:
    """The rows of a file of format `fmt`, each made (row() above) as it is read."""
    with raw_rows(path, fmt, codec) as rows:
        for _, text, raw in rows:
            for at, values in rows.records(text, raw):
                yield at, rows.row(values)
