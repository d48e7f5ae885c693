"""`sitroom export`: the events under a filter as CSV, JSON Lines, GeoJSON or a Markdown brief."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from ..filters import EventFilter

if TYPE_CHECKING:
    from ..store import Store

FORMATS = ("csv", "jsonl", "geojson", "markdown")
CSV_COLUMNS = ("id", "date", "date_precision", "front", "place", "place_name", "admin1", "lat", "lon",
               "event_type", "certainty", "fatalities", "actors", "allies", "targets", "claimants",
               "summary", "excerpt", "source", "source_title")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _names(record: dict[str, Any], role: str) -> str:
    return "; ".join(p["name"] for p in record["factions"] if p["role"] == role)


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
        row = {**r, "actors": _names(r, "actor"), "allies": _names(r, "ally"),
               "targets": _names(r, "target"), "claimants": _names(r, "claimant")}
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
        if r["lat"] is None or r["lon"] is None:
            continue
        properties = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                   "properties": properties}
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _md(text: str | None) -> str:
    """Source text inside Markdown: no line breaks, and no character that would start markup."""
    flat = " ".join((text or "").split())
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


def export(store: Store, f: EventFilter, fmt: str, out: TextIO) -> int:
    """Write the events passing `f` to `out`; returns how many."""
    if fmt == "markdown":
        return write_markdown(store, f, out)
    writer = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return writer(store.records(f), out)
