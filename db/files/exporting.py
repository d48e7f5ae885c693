"""`sitroom export`: the events under a filter as CSV, JSON Lines, GeoJSON or a Markdown brief."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from ..filters import EventFilter
from ..fronts import USER
from ..text import clean_text
from .reading import cleaned_value

if TYPE_CHECKING:
    from ..store import Store

FORMATS = ("csv", "jsonl", "geojson", "markdown")
# Every field of an event, so that the file imports back (db/files/formats/sitroom_csv.py) as the same
# events: the factions by name in a column per role, the rest of a dataset's row as a JSON object.
ROLE_COLUMNS = {"actor": "actors", "ally": "allies", "target": "targets", "target_ally": "target_allies",
                "side_a": "sides_a", "side": "sides", "claimant": "claimants"}
# Each role's factions' blocs, in the order of its names, so that a new store puts them on the same side.
BLOC_COLUMNS = {role: f"{column}_blocs" for role, column in ROLE_COLUMNS.items()}
CSV_COLUMNS = ("id", "date", "date_end", "date_precision", "front", "front_name", "front_kind",
               "front_country", "front_admin1", "front_area", "place", "place_name", "place_kind", "admin1",
               "country", "area", "location_precision", "lat", "lon", "precision_km", "event_type",
               "certainty", "fatalities", *ROLE_COLUMNS.values(), *BLOC_COLUMNS.values(), "faction_details",
               "summary", "excerpt",
               "source", "source_title", "source_publisher", "source_published", "source_url", "source_kind",
               "source_event_id", "source_type", "source_sub_type", "attributes", "sources_count",
               "source_ids")
# What a faction is, beyond its name and bloc: read back by name (db/files/formats/sitroom_csv.py).
_DETAILS = ("short", "colour")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _names(record: dict[str, Any], role: str, field: str = "name") -> str:
    return "; ".join(p[field] or "" for p in record["factions"] if p["role"] == role)


def _details(record: dict[str, Any]) -> str | None:
    """The row's factions' short labels and colours, and the units each is part of (outermost last), by
    name: a JSON object, as `attributes` is, for what one cell per role cannot say."""
    details = {p["name"]: {**{k: p.get(k) for k in _DETAILS},
                           "parents": [{"name": u["name"], "bloc": u["bloc"],
                                        **{k: u.get(k) for k in _DETAILS}} for u in p.get("parents") or ()]}
               for p in record["factions"]}
    return json.dumps(details, ensure_ascii=False) if details else None


def _cell(value: Any) -> Any:
    # A spreadsheet runs a cell that starts like a formula; source text must never be code.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for r in records:
        row = {**r, **{column: _names(r, role) for role, column in ROLE_COLUMNS.items()},
               **{column: _names(r, role, "bloc") for role, column in BLOC_COLUMNS.items()},
               "faction_details": _details(r),
               "attributes": json.dumps(r["attributes"], ensure_ascii=False) if r.get("attributes") else None,
               # A happening several sources report: how many, and which (the lead's first).
               "sources_count": len(r.get("sources") or ()) or 1,
               "source_ids": "; ".join(dict.fromkeys(a["source"] or "" for a in r.get("sources") or ()))}
        writer.writerow({k: _cell(row.get(k)) for k in CSV_COLUMNS})
        count += 1
    return count


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for r in records:
        # An event known only to a province or country is an area, never a point: a feature with no
        # geometry (RFC 7946 §3.2), so that every format holds the same events.
        point = None if r["lat"] is None or r["lon"] is None else {
            "type": "Point", "coordinates": [r["lon"], r["lat"]]}
        properties = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        feature = {"type": "Feature", "geometry": point, "properties": properties}
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _md(text: str | None) -> str:
    """Source text inside Markdown: no line breaks, no escape sequence (whole, before its brackets are
    escaped), and no character that would start markup."""
    flat = clean_text(text, single_line=True) or ""
    for ch in "\\`*_[]<>#|":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def _filter_words(store: Store, f: EventFilter) -> str:
    """The filter as a reader says it: `factions Faylaq al-Rahman · certainty claimed · search “Jobar”`."""
    names = {
        "fronts": {x.slug: x.name for x in store.fronts()} if f.fronts else {},
        "factions": {x.slug: x.name for x in store.factions()} if f.factions else {},
        "places": {x.id: x.name for x in store.places()} if f.places else {},
        "sources": {x.id: x.title for x in store.sources(f.sources)},
    }
    parts = [f"{field} {', '.join(names.get(field, {}).get(v, v) for v in values)}"
             for field, values in (("fronts", f.fronts), ("factions", f.factions), ("places", f.places),
                                   ("sources", f.sources), ("types", f.types), ("certainty", f.certainty))
             if values]
    if f.since or f.until:
        parts.append(f"dates {f.since or '…'} to {f.until or '…'}")
    if f.text:
        parts.append(f"search “{f.text}”")
    return " · ".join(parts) or "none: every event"


# The order factions are named in, as the browser names them: actors, then allies, then targets.
_SIDE_ORDER = {"actor": 0, "ally": 1}


def _who(factions: list[dict[str, Any]]) -> str:
    side = sorted((p for p in factions if p["role"] in _SIDE_ORDER),
                  key=lambda p: (_SIDE_ORDER[p["role"]], p["faction"]))
    side_names = list(dict.fromkeys(p["short"] for p in side))
    targets = sorted((p for p in factions if p["role"] == "target"), key=lambda p: p["faction"])
    return " ▸ ".join(x for x in ("+".join(side_names), "+".join(p["short"] for p in targets)) if x)


def write_markdown(store: Store, f: EventFilter, out: TextIO) -> int:
    """A brief: one section per front, its events newest first, each with its source sentence."""
    out.write("# sitroom brief\n\n")
    out.write(f"Filter: {_md(_filter_words(store, f))}\n")
    count = 0
    for fc in store.front_counts(f):
        if not fc.count:
            continue
        out.write(f"\n## {_md(fc.front.name)} ({fc.count} {'event' if fc.count == 1 else 'events'})\n\n")
        for r in store.records(f.but(fronts=(fc.front.slug,))):
            who = _who(r["factions"])
            date = r["date"][:7] if r["date_precision"] == "month" else r["date"]
            out.write(f"- **{date}** {_md(r['place_name'] or '—')} · {_md(who)} · {r['event_type']} · "
                      f"*{r['certainty']}*: {_md(r['summary'])}\n")
            if r["excerpt"]:
                out.write(f"  > {_md(r['excerpt'])} — {_md(r['source_title'])}\n")
            count += 1
    return count


def _described(store: Store, records: Iterable[dict[str, Any]],
               areas: bool = True) -> Iterator[dict[str, Any]]:
    """Each record with what a new store needs to hold it as this one does: its front's kind, country
    and division (a division's front stays that division's, db/fronts/define.py describe_carried), a
    user's front's area (`front_area`, its stored definition: on the first record of each such front
    only, as a polygon may be large), and each faction's `parents`, the units it is part of, nearest
    first, described as the faction is."""
    fronts = {x.slug: x for x in store.fronts()}
    carried: set[str] = set()  # the user's fronts whose area a record above carries
    factions = {x.slug: x for x in store.factions()}

    def parents(slug: str) -> list[dict[str, Any]]:
        chain, seen = [], {slug}
        parent = factions[slug].parent if slug in factions else None
        while parent in factions and parent not in seen:  # a loop in a hand-edited store ends
            seen.add(parent)
            x = factions[parent]
            chain.append({"faction": x.slug, "name": x.name, "short": x.short, "bloc": x.bloc,
                          "colour": x.colour})
            parent = x.parent
        return chain

    for r in records:
        front = fronts.get(r["front"])
        area = None
        if areas and front and front.kind == USER and front.definition and front.slug not in carried:
            carried.add(front.slug)
            area = front.definition
        yield {**r, "front_kind": front.kind or None if front else None,
               "front_country": front.country if front else None,
               "front_admin1": front.admin1 if front else None,
               "factions": [{**p, "parents": parents(p["faction"])} for p in r["factions"]],
               **({"front_area": area} if area else {})}


def export(store: Store, f: EventFilter, fmt: str, out: TextIO) -> int:
    """Write the events passing `f` to `out`; returns how many. An `out` that cleans what it is given
    (`cleans`: the command line's standard output) is given JSON of cleaned values: JSON spells an escape
    character as \\u001b, which no stream cleaning sees but `jq -r` prints raw."""
    if fmt == "markdown":
        return write_markdown(store, f, out)
    writer = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    records = _described(store, store.records(f), areas=fmt != "geojson")
    if fmt != "csv" and getattr(out, "cleans", False):
        records = map(cleaned_value, records)
    return writer(records, out)
