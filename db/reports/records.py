"""An extracted event as plain values: the JSON Lines of `sitroom ingest --dry-run --json` and the
summary an ingested event is stored with."""

from __future__ import annotations

from typing import Any

from .extract import Extraction, Found, Lexicon

# Every role the extractor gives is one the store keeps ("side": a party to an undirected fight, "clashes
# between A and B", credited with no action).
STORED_ROLE: dict[str, str] = {}


def place_record(found: Found) -> dict[str, Any]:
    loc = found.location
    return {"name": found.place_name, "id": found.place, "lat": loc.lat, "lon": loc.lon,
            "precision_km": loc.precision_km, "located_by": loc.located_by}


def event_record(found: Found) -> dict[str, Any]:
    """One line of the dry run: exactly the keys the issue names, in that order."""
    return {
        "sentence": found.sentence, "date": found.date or None, "date_precision": found.date_precision,
        "type": found.type, "certainty": found.certainty, "place": place_record(found),
        "factions": [{"name": name, "slug": slug, "role": role, "bloc": bloc}
                     for name, slug, role, bloc in found.parties],
        "why": found.why,
    }


def closing_record(extraction: Extraction) -> dict[str, list[str]]:
    return {"unknown_places": list(dict.fromkeys(n for n, _ in extraction.unknown_places)),
            "unknown_factions": list(dict.fromkeys(n for n, _ in extraction.unknown_factions))}


def json_lines(extraction: Extraction) -> list[dict[str, Any]]:
    return [event_record(f) for f in extraction.events] + [closing_record(extraction)]


def place_label(found: Found) -> str:
    """The place as a summary names it: its name, and how it was located when not by the gazetteer."""
    name = found.place_name or f"an unnamed place ({found.why.get('place', '').split(': ', 1)[-1]})"
    if found.place is None or found.location.located_by.endswith("(approximate)"):
        return f"{name} [{found.location.located_by}]"
    return name


def summary(found: Found, lex: Lexicon) -> str:
    side = list(dict.fromkeys(name for name, _, r, _ in found.parties if r in ("actor", "ally", "side")))
    words = f"{found.type} at {place_label(found)}"
    if found.certainty != "confirmed":
        words += f" ({found.certainty})"
    return f"{', '.join(side)}: {words}" if side else words[0].upper() + words[1:]
