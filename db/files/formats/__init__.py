"""Readers for the formats `sitroom import` understands. Each turns one row into a sitroom event
record (the JSON Lines shape of db/data/events.jsonl), resolving names through a Resolver."""

from __future__ import annotations

from . import acled, jsonl, sitroom_csv, ucdp

# "csv" is sitroom's own CSV export.
FORMATS = {"acled": acled, "ucdp": ucdp, "jsonl": jsonl, "csv": sitroom_csv}

__all__ = ["FORMATS", "acled", "jsonl", "sitroom_csv", "ucdp"]
