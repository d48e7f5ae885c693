"""sitroom's own CSV export, read back: each row becomes the JSON Lines record it was exported from
(the factions named in a column per role, their blocs in a column per role beside it, their short
labels, colours and the units they are part of in `faction_details`), so that an exported file imports
as the same events. An older export without the blocs or details imports as it always did: a faction
the store does not know is made as an import makes one from its name."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ...write.records import RowError
from ...write.resolve import Resolver
from . import jsonl
from .common import Context

KIND = "csv"
REQUIRED = ("id", "date", "date_precision", "front", "event_type", "certainty", "summary", "source")
ALIASES: dict[str, str] = {}
# The export's role columns (db/files/exporting.py ROLE_COLUMNS); names within a cell are split by "; ".
ROLES = {"actors": "actor", "allies": "ally", "targets": "target", "target_allies": "target_ally",
         "sides_a": "side_a", "sides": "side", "claimants": "claimant"}
BLOCS = {f"{column}_blocs": column for column in ROLES}
DETAILS = "faction_details"
_FORMULA_GUARD = ("'=", "'+", "'-", "'@", "'\t", "'\r")  # the exporter's quote before a formula-like cell


def detect(header: list[str]) -> bool:
    return set(REQUIRED) <= set(header) and "actors" in header and "place_name" in header


def _value(cell: str | None) -> str | None:
    if cell is None or not cell.strip():
        return None
    return cell[1:] if cell.startswith(_FORMULA_GUARD) else cell


def to_record(row: Mapping[str, str | None], resolver: Resolver, context: Context) -> dict:
    record: dict[str, Any] = {name: _value(cell) for name, cell in row.items()
                              if name not in ROLES and name not in BLOCS and name != DETAILS}
    details = _details(row.get(DETAILS))
    record["factions"] = []
    for column, role in ROLES.items():
        # Through _value: a name the exporter guarded as a formula ("'=…") is read without its quote.
        names = [n.strip() for n in (_value(row.get(column)) or "").split("; ")]
        blocs = (_value(row.get(f"{column}_blocs")) or "").split("; ")
        for i, name in enumerate(names):
            if not name:
                continue
            known = details.get(name) or {}
            bloc = blocs[i].strip() if i < len(blocs) and len(blocs) == len(names) else ""
            # A unit and the units above it are named: each made under its name, as the row's factions are.
            parents = [{**p, "faction": p["name"]} for p in known.get("parents") or ()
                       if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"].strip()]
            record["factions"].append({"faction": name, "name": name, "role": role, "bloc": bloc or None,
                                       "short": known.get("short"), "colour": known.get("colour"),
                                       "parents": parents})
    return jsonl.to_record(record, resolver, context)


def _details(cell: str | None) -> dict[str, dict[str, Any]]:
    text = _value(cell)
    if text is None:
        return {}
    try:
        details = json.loads(text)
    except ValueError:
        raise RowError("faction_details is not the JSON object an export writes") from None
    if not isinstance(details, dict):
        raise RowError("faction_details is not the JSON object an export writes")
    return {k: v for k, v in details.items() if isinstance(v, dict)}
