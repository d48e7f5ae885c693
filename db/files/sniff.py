"""Whether a text's first line is a dataset's header (ACLED, UCDP GED, sitroom's CSV or JSON Lines
export): `sitroom ingest` reads prose, and a dataset given to it would be read as sentences."""

from __future__ import annotations

import csv
import json

from .reading import csv_format

NAMES = {"acled": "an ACLED", "ucdp": "a UCDP GED", "csv": "a sitroom CSV", "jsonl": "a sitroom JSON Lines"}


def dataset_format(text: str) -> str | None:
    """The import format whose header the text's first non-blank line is, or None (prose)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lstrip().startswith("{"):
        try:
            record = json.loads(first)
        except ValueError:
            return None
        return "jsonl" if isinstance(record, dict) else None  # a report is not a JSON object
    try:
        return csv_format(first)
    except csv.Error:  # prose no CSV reader can split
        return None


def dataset_named(kind: str) -> str:
    """'an ACLED dataset' and the like, for a sentence."""
    return f"{NAMES[kind]} dataset"
