"""One event as plain text, for the clipboard (`y`), and the source's web address, for `o`."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from sitroom.db import EventDetail, Faction

from .render import acting_side, date_label


def _names(slugs: list[str] | tuple[str, ...], factions: Mapping[str, Faction]) -> str:
    return " + ".join(factions[s].name if s in factions else s for s in slugs)


def as_text(d: EventDetail, factions: Mapping[str, Faction], front_name: str) -> str:
    """The event as a reader would paste it into notes: date, place, sides, certainty, summary, the
    source sentence, the source and its address, one field a line."""
    row = d.row
    place = d.place.name if d.place else row.place_name or "no place given"
    if d.place and d.place.admin1:
        place += f", {d.place.admin1}"
    side, targets = acting_side(row), row.with_role("target")
    sides = _names(side, factions) or "no side named"
    if targets:
        sides += f" against {_names(targets, factions)}"
    claimants = list(dict.fromkeys(row.with_role("claimant")))
    if claimants and claimants != side:
        sides += f"; claimed by {_names(claimants, factions)}"
    lines = [
        f"Date: {date_label(row.date, row.date_precision)} ({row.date_precision})",
        f"Place: {place} · {front_name}",
        f"Sides: {sides}",
        f"Certainty: {row.certainty}",
        f"Type: {row.event_type}" + (f" · {row.fatalities} killed" if row.fatalities is not None else ""),
        f"Summary: {row.summary}",
        f"Source sentence: “{d.excerpt}”" if d.excerpt else "Source sentence: none stored",
    ]
    if d.source:
        s = d.source
        meta = " · ".join(x for x in (s.publisher, s.published) if x)
        lines.append(f"Source: {s.title}" + (f" ({meta})" if meta else ""))
        if s.url:
            lines.append(f"URL: {s.url}")
    return "\n".join(lines)


def web_address(url: str | None) -> str | None:
    """The URL if a browser may be sent to it: http or https with a host, nothing else (never a
    file:, javascript: or custom scheme a crafted import could carry)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url
