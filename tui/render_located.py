"""The parts of the detail pane that say what a dataset's row said: the date range, how precisely the
event is located, the dataset's own id and type, and the rest of the row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from sitroom.db import EventDetail, month_end

PRECISION_WORDS = {
    "exact": "at this place",
    "near": "near this place (within about 25 km)",
    "district": "located only to the district",
    "province": "located only to the province",
    "region": "located only to a part of the country",
    "country": "located only to the country",
}
# The rest of a row can be long (UCDP's source article): a line each, cut to what a pane can show.
VALUE_CHARACTERS = 160


def date_range(d: EventDetail) -> str | None:
    """`to 2017-06-08` when the dataset gives a range other than the week, month or year the date's
    precision already says ("December 2022", not "December 2022 to 2022-12-31")."""
    end, row = d.located.date_end, d.row
    if not end or end == _period_end(row.date, row.date_precision):
        return None
    return f"to {end}"


def _period_end(date: str, precision: str) -> str:
    if precision == "week":
        return (dt.date.fromisoformat(date) + dt.timedelta(days=6)).isoformat()
    if precision == "month":
        return month_end(date)
    if precision == "year":
        return f"{date[:4]}-12-31"
    return date


def area(d: EventDetail) -> Text:
    """Where an event located only to an area happened: the area, its province and country, and that
    there is no point."""
    loc = d.located
    out = Text()
    if loc.area:
        out.append(loc.area, style="bold")
        within = [x for x in (loc.admin1, loc.country) if x and x != loc.area]
        if within:
            out.append(", " + ", ".join(within))
    else:
        out.append("no place given", style="dim")
    if loc.location_precision:
        out.append(f"\n{PRECISION_WORDS.get(loc.location_precision, loc.location_precision)}", style="dim")
    return out


def approximate(d: EventDetail) -> Text:
    """Where an event at a place no gazetteer knows happened: its name as the source gives it (or that
    the source names none), its approximate point and how roughly that is known."""
    loc = d.located
    out = Text()
    out.append(loc.area or "an unnamed place", style="bold")
    out.append(" (not in the gazetteer)", style="dim")
    assert d.lat is not None and d.lon is not None
    ns, ew = ("N" if d.lat >= 0 else "S"), ("E" if d.lon >= 0 else "W")
    out.append(f"\n{abs(d.lat):.4f}° {ns}, {abs(d.lon):.4f}° {ew}")
    if loc.precision_km is not None:
        out.append(f"  (±{loc.precision_km:g} km, located approximately)", style="dim")
    elif words := PRECISION_WORDS.get(loc.location_precision or ""):
        out.append(f"  ({words})", style="dim")
    return out


def precision(d: EventDetail) -> Text | None:
    """How precisely a point is located, when the dataset says: "near" within the event's own distance
    when it has one."""
    loc = d.located
    if loc.location_precision == "near" and loc.precision_km is not None:
        return Text(f"near this place (within about {loc.precision_km:g} km)", style="dim")
    words = PRECISION_WORDS.get(loc.location_precision or "")
    return Text(words, style="dim") if words and loc.location_precision in ("exact", "near") else None


def point_km(d: EventDetail) -> float | None:
    """How far off the event's point may be: its own stated distance, else, for an event at its place,
    how precisely the gazetteer knows the place (never the place's for an event only near it)."""
    loc = d.located
    if loc.precision_km is not None:
        return loc.precision_km
    if d.place and loc.location_precision in (None, "exact"):
        return d.place.precision_km or None
    return None


def dataset(d: EventDetail) -> Rows | None:
    """The dataset's id and type, then every other column of its row, literally."""
    loc = d.located
    rows: list[tuple[str, str]] = []
    if loc.source_event_id:
        rows.append(("event id", loc.source_event_id))
    kind = " / ".join(x for x in (loc.source_type, loc.source_sub_type) if x)
    if kind:
        rows.append(("type", kind))
    for name, value in loc.attributes:
        text = str(value)
        rows.append((name, text if len(text) <= VALUE_CHARACTERS else text[:VALUE_CHARACTERS - 1] + "…"))
    return Rows(tuple(rows)) if rows else None


@dataclass(frozen=True)
class Rows:
    """Names and values side by side, and a value whose longest word finds no room beside its name put
    under it: a value is never broken inside a word ("Explosions/Remot")."""

    rows: tuple[tuple[str, str], ...]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        names = max(len(name) for name, _ in self.rows)
        room = options.max_width - names - 2
        beside: list[tuple[str, str]] = []
        for name, value in self.rows:
            longest = max((len(word) for word in value.split()), default=0)
            if longest <= room or longest > options.max_width - 2:  # fits, or is folded wherever it goes
                beside.append((name, value))
                continue
            if beside:
                yield self._grid(beside, names)
                beside = []
            yield Text(name, style="dim")
            yield Padding(Text(value, overflow="fold"), (0, 0, 0, 2))
        if beside:
            yield self._grid(beside, names)

    @staticmethod
    def _grid(rows: list[tuple[str, str]], names: int) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="dim", no_wrap=True, width=names)  # the same in every part
        table.add_column(overflow="fold")
        for name, value in rows:
            table.add_row(Text(name), Text(value))
        return table
