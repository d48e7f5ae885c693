"""sitroom's own CSV export, read back: each row becomes the JSON Lines record it was exported from
(the factions named in a column per role), so that an exported file imports as the same events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...write.resolve import Resolver
from . import jsonl
from .common import Context

KIND = "csv"
REQUIRED = ("id", "date", "date_precision", "front", "event_type", "certainty", "summary", "source")
ALIASES: dict[str, str] = {}
# The export's role columns (db/files/exporting.py ROLE_COLUMNS); names within a cell are split by "; ".
ROLES = {"actors": "actor", "allies": "ally", "targets": "target", "target_allies": "target_ally",
         "sides_a": "side_a", "sides": "side", "claimants": "claimant"}
_FORMULA_GUARD = ("'=", "'+", "'-", "'@", "'\t", "'\r")  # the exporter's quote before a formula-like cell


def detect(header: list[str]) -> bool:
    return set(REQUIRED) <= set(header) and "actors" in header and "place_name" in header


def _value(cell: str | None) -> str | None:
    if cell is None or not cell.strip():
        return None
    return cell[1:] if cell.startswith(_FORMULA_GUARD) else cell


def to_record(row: Mapping[str, str | None], resolver: Resolver, context: Context) -> dict:
    record: dict[str, Any] = {name: _value(cell) for name, cell in row.items() if name not in ROLES}
    record["factions"] = [
        {"faction": name.strip(), "name": name.strip(), "role": role}
        for column, role in ROLES.items()
        for name in (_value(row.get(column)) or "").split("; ") if name.strip()
    ]
    return jsonl.to_record(record, resolver, context)
