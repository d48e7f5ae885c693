"""The first step of an import: a file's text, its format, and its rows with their line numbers.

A row that cannot even be read (bad CSV, bad JSON, bytes that are not UTF-8) is handed on as a RowError
in its place, so the importer can name it and go on; a file that cannot be read at all raises ImportFailed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..write.records import RowError
from .formats import FORMATS

Rows = Iterator[tuple[int, dict | RowError]]  # (line number, the row's values or why it is unreadable)


class ImportFailed(RuntimeError):
    """The file as a whole cannot be imported; nothing was written."""


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


def undecodable(values: Any) -> str | None:
    """Why a row is not text, when it holds bytes that were not UTF-8."""
    text = json.dumps(values, ensure_ascii=False) if not isinstance(values, str) else values
    for ch in text:
        if "\udc80" <= ch <= "\udcff":
            return f"is not UTF-8 text (byte 0x{ord(ch) - 0xDC00:02X})"
    return None


def csv_rows(text: str, required: tuple[str, ...]) -> Rows:
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


def jsonl_rows(text: str) -> Rows:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as err:
            yield number, RowError(f"is not valid JSON ({err.args[0].split(':')[0]})")
            continue
        yield number, value if isinstance(value, dict) else RowError("is not a JSON object")


def rows_of(text: str, fmt: str) -> Rows:
    """The rows of a file of format `fmt` (a name in FORMATS)."""
    reader = FORMATS[fmt]
    return jsonl_rows(text) if reader.KIND == "jsonl" else csv_rows(text, reader.REQUIRED)
