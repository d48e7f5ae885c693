"""Readers for the formats `sitroom import` understands. Each turns one row into a sitroom event
record (the JSON Lines shape of db/data/events.jsonl), resolving names through a Resolver."""

from __future__ import annotations

from . import acled, jsonl, ucdp

FORMATS = {"acled": acled, "ucdp": ucdp, "jsonl": jsonl}

__all__ = ["FORMATS", "acled", "jsonl", "ucdp"]
