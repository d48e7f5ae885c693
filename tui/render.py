"""Pure functions from store values to Rich Text.

Everything here builds `Text` objects and appends data as plain strings, so text from sources is shown
literally: `[bold]` in a summary is printed as `[bold]`, never applied as markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from sitroom.db import FIELD_LIMITS, Bloc, EventDetail, EventFilter, EventRow, Faction, bounded, month_index

from . import render_located

CERTAINTY_GLYPH = {"confirmed": "●", "claimed": "◐", "rumoured": "○"}
CERTAINTY_STYLE = {"confirmed": "bold", "claimed": "italic #E69F00", "rumoured": "italic dim"}
CERTAINTY_WORDS = {
    "confirmed": "Confirmed: the source reports it as fact.",
    "claimed": "Claimed: a party says it happened; the source does not confirm it.",
    "rumoured": "Rumoured: the source reports it only as a rumour.",
}
ROLE_WORDS = {"actor": "actor", "target": "target", "ally": "ally", "target_ally": "with target",
              "side": "side", "claimant": "claims it"}
BARS = " ▁▂▃▄▅▆▇█"
CELL_CHARACTERS = 300  # of a summary in a timeline row; the detail pane has the rest


def faction_style(faction: Faction | None) -> Style:
    return Style(color=faction.colour, bold=True) if faction and faction.colour else Style(bold=True)


def short(slug: str, factions: Mapping[str, Faction]) -> Text:
    faction = factions.get(slug)
    return Text(faction.short if faction else slug, style=faction_style(faction))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def date_label(date: str, precision: str, long: bool = False) -> str:
    """A date as precise as the source is, and no more: a month is "June 2017", never its first day.
    Short forms fit the timeline's ten columns; `long` is for the detail pane."""
    if precision == "year":
        return date[:4]
    if precision == "month":
        return f"{(MONTHS if long else MONTHS_SHORT)[int(date[5:7]) - 1]} {date[:4]}"
    if precision == "week":
        return f"week of {date}" if long else f"{date}~"
    return date


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


# The order factions are named in, everywhere (timeline, detail, control, the Markdown brief): the
# acting side first (actors, then allies, then those who only claim it), then the parties to an
# undirected event (sides), then the targets and their allies.
ROLE_ORDER = {"actor": 0, "ally": 1, "claimant": 2, "side": 3, "target": 4, "target_ally": 5}


def acting_side(row: EventRow) -> list[str]:
    """The side that acted, in the one order: actors then allies, else the claimants."""
    side = [*row.with_role("actor"), *row.with_role("ally")] or list(row.with_role("claimant"))
    return list(dict.fromkeys(side))


def joined(slugs: Sequence[str], factions: Mapping[str, Faction]) -> Text:
    return Text("+").join(short(s, factions) for s in slugs)


def parties(row: EventRow, factions: Mapping[str, Faction]) -> Text:
    """Who did what to whom: `SAA+VKS ▸ ISIS`; the sides of an undirected event: `IS · SAA`."""
    acting = acting_side(row)
    if not acting and (sides := row.with_role("side")):
        return Text(" · ").join(short(s, factions) for s in dict.fromkeys(sides))
    out = joined(acting, factions)
    targets = [*row.with_role("target"), *row.with_role("target_ally")]
    if targets:
        out.append(" ▸ ")
        out.append_text(joined(targets, factions))
    return out


def certainty(value: str) -> Text:
    return Text(f"{CERTAINTY_GLYPH.get(value, '?')} {value}", style=CERTAINTY_STYLE.get(value, ""))


def event_cells(row: EventRow, factions: Mapping[str, Faction]) -> tuple[Text, ...]:
    """A timeline row; a cell too long for its column ends in an ellipsis, never cut silently."""
    cells = (
        Text(date_label(row.date, row.date_precision)),
        Text(row.place_name or "—", style="bold"),
        parties(row, factions),
        certainty(row.certainty),
        Text(row.event_type),
        Text(bounded(row.summary, CELL_CHARACTERS) or "", style="dim"),
    )
    for cell in cells:
        cell.no_wrap, cell.overflow = True, "ellipsis"
    return cells


NO_SIDE = Style(color="#777777")
# Claimed and rumoured events are no side's proven action: stacked on top, apart from every side, in a
# hatch (whole cells) that reads without colour too, and named so in the legend.
UNSURE, UNSURE_STYLE, UNSURE_HATCH = "\0unconfirmed", Style(color="#b0b0b0"), "▒"


def _stack(sides: Mapping[str, Mapping[str, int]] | None, unconfirmed: Mapping[str, int] | None,
           key: str, n: int) -> dict[str, int]:
    """One bucket's stack: its confirmed events by side, then its claimed or rumoured ones."""
    stack = dict((sides or {}).get(key) or {})
    if (unconfirmed or {}).get(key):
        stack[UNSURE] = unconfirmed[key]  # type: ignore[index]
    return stack or {"": n}


def histogram(buckets: Mapping[str, int], bucket: str, undated: int, width: int,
              sides: Mapping[str, Mapping[str, int]] | None = None, blocs: Sequence[Bloc] = (),
              height: int = 3, sample: int = 0, unconfirmed: Mapping[str, int] | None = None) -> Text:
    """Events per day (or per month, on large stores) as `height` rows of bars, oldest left, each
    bar's confirmed events stacked by the acting side (bloc order from the bottom, no named actor
    next), its claimed or rumoured events on top; several days or months share a bar when the span is
    wider than `width`. A legend names the sides in words."""
    width = max(width, 10)
    if not buckets:
        note = f"  ({undated:,} dated only to the week, month or year)" if undated else ""
        return Text(f"no events dated to the day{note}", style="dim")
    if bucket == "month":
        offset = {k: month_index(k) for k in buckets}
    else:
        offset = {k: dt.date.fromisoformat(k).toordinal() for k in buckets}
    first, last = min(buckets), max(buckets)
    span = offset[last] - offset[first] + 1
    if span == 1:  # one day (or month): a bar says nothing a number does not
        out = Text()
        if sample:
            out.append(f"≈ estimated from 1/{sample} of the events · ", style="italic")
        out.append(f"{first}: {plural(buckets[first], 'event')}", style="bold")
        if undated:
            out.append(f" · +{undated:,} less precise", style="dim")
        out.append("\n")
        out.append_text(_sides_legend({"": _stack(sides, unconfirmed, first, buckets[first])}, blocs, width))
        return out
    per_bar = max(1, -(-span // width))
    columns: list[dict[str, int]] = [{} for _ in range(-(-span // per_bar))]
    for key, n in buckets.items():
        by_side = _stack(sides, unconfirmed, key, n)
        column = columns[(offset[key] - offset[first]) // per_bar]
        for side, m in by_side.items():
            column[side] = column.get(side, 0) + m
    order = [b.slug for b in blocs]
    rank = {slug: i for i, slug in enumerate(order)}
    colour = {b.slug: Style(color=b.colour) for b in blocs}
    totals = [sum(c.values()) for c in columns]
    peak = max(totals)
    levels = height * 8
    rows = [Text() for _ in range(height)]
    for column, n in zip(columns, totals, strict=True):
        h = 0 if n == 0 else max(1, round(n / peak * levels))
        # The stack's boundaries in eighths of a cell, bottom up.
        stack, running = [], 0
        for side in sorted(column, key=lambda s: rank.get(s, len(rank) + (s == UNSURE))):
            running += column[side]
            stack.append((round(h * running / n), side))
        for r in range(height):
            fill = min(8, max(0, h - r * 8))
            if not fill:
                rows[height - 1 - r].append(" ")
                continue
            middle = r * 8 + fill / 2
            side = next((s for top, s in stack if middle < top), stack[-1][1])
            if side == UNSURE:
                rows[height - 1 - r].append(UNSURE_HATCH if fill == 8 else BARS[fill], UNSURE_STYLE)
            else:
                rows[height - 1 - r].append(BARS[fill], colour.get(side, NO_SIDE))
    out = Text("\n").join(rows)
    out.append("\n")
    unit = "day" if bucket == "day" else "month"
    scale = f"1 {unit}" if per_bar == 1 else f"{per_bar} {unit}s"
    if sample:
        out.append(f"≈ estimated from 1/{sample} of the events, exact counts coming · ", style="italic")
    out.append(f"{first}…{last} · {scale}/bar · max {peak:,}", style="dim")
    if undated:
        out.append(f" · +{undated:,} less precise", style="dim")
    out.append("\n")
    out.append_text(_sides_legend(dict(enumerate(columns)), blocs, width,
                                  "confirmed by side, bottom up:"))
    return out


def _sides_legend(columns: Mapping[object, Mapping[str, int]], blocs: Sequence[Bloc], width: int,
                  lead: str = "confirmed by side:") -> Text:
    """The sides' colours in words with their counts, claimed or rumoured events last and apart; an
    entry never breaks across lines."""
    rank = {b.slug: i for i, b in enumerate(blocs)}
    colour = {b.slug: Style(color=b.colour) for b in blocs}
    names = {b.slug: b.name for b in blocs}
    by_side: dict[str, int] = {}
    for column in columns.values():
        for side, m in column.items():
            by_side[side] = by_side.get(side, 0) + m
    out = Text(lead, style="dim")
    line = len(lead)
    for side in sorted(by_side, key=lambda s: rank.get(s, len(rank) + (s == UNSURE))):
        name = "claimed or rumoured" if side == UNSURE else names.get(side, "no actor named")
        entry = f"{name} {by_side[side]:,}"
        if line + 4 + len(entry) > width:  # wrap between entries, never inside one
            out.append("\n")
            line = -2
        if side == UNSURE:
            out.append(f"  {UNSURE_HATCH} ", UNSURE_STYLE)
        else:
            out.append("  ■ ", colour.get(side, NO_SIDE))
        out.append(entry)
        line += 4 + len(entry)
    return out


def filter_summary(
    f: EventFilter,
    factions: Mapping[str, Faction],
    front_names: Mapping[str, str],
    place_names: Mapping[str, str],
    as_of: str | None = None,
    source_titles: Mapping[str, str] | None = None,
) -> Text:
    """The active filter in words, for the filter bar; an as-of date first, since it changes all."""
    out = Text()
    if as_of:
        out.append(" as of ", style="bold reverse")
        out.append(f" {as_of}", style="bold")

    def part(label: str, value: Text | str) -> None:
        if out:
            out.append("  ·  ", style="dim")
        out.append(f"{label} ", style="dim")
        out.append_text(value if isinstance(value, Text) else Text(value, style="bold"))

    part("factions", Text(", ").join(short(s, factions) for s in f.factions) if f.factions else "all")
    if f.fronts:
        part("fronts", ", ".join(front_names.get(s, s) for s in f.fronts))
    if f.places:
        part("places", ", ".join(place_names.get(s, s) for s in f.places))
    if f.sources:
        titles = [(source_titles or {}).get(s, s) for s in f.sources]
        part("sources", ", ".join(t if len(t) <= 60 else t[:59] + "…" for t in titles))
    part("types", ", ".join(f.types) if f.types else "all")
    part("certainty", ", ".join(f.certainty) if f.certainty else "all")
    if f.since or f.until:
        part("dates", f"{f.since or '…'} → {f.until or '…'}")
    part("search", f"“{f.text}”" if f.text else "—")
    return out


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def control(d: EventDetail, factions: Mapping[str, Faction]) -> Text:
    """The place's captures, oldest first: confirmed ones are changes of hands; claimed and rumoured
    ones are said as what they are, and change nothing."""
    if not d.control:
        return Text("no capture recorded here", style="dim")
    out = Text()
    events = {e.id: e for e in (d.row, *d.same_place)}
    for h in d.control:
        out.append(f"{date_label(h.date, h.date_precision)}  ")
        # The takers in the timeline's order when the capture is at hand, else as the store gives.
        known = acting_side(events[h.event]) if h.event in events else []
        to = joined(sorted(h.to, key=lambda s: known.index(s) if s in known else len(known)), factions)
        to = to if h.to else Text("?")
        if h.certainty == "confirmed":
            out.append_text(to)
            out.append(" took it")
        elif h.certainty == "claimed":
            if h.claimants and set(h.claimants) != set(h.to):
                out.append_text(joined(h.claimants, factions))
                out.append(" claims ")
                out.append_text(to)
                out.append(" took it")
            else:
                out.append_text(to)
                out.append(" claims it took it")
        else:
            out.append("rumour: ")
            out.append_text(to)
            out.append(" took it")
        if h.from_:
            out.append(" from ")
            out.append_text(joined(h.from_, factions))
        if h.certainty != "confirmed":
            out.append(f" ({CERTAINTY_GLYPH.get(h.certainty, '?')} {h.certainty}: not a change of hands)",
                       style=CERTAINTY_STYLE.get(h.certainty, ""))
        out.append("\n")
    out.rstrip()
    return out


MATCH = Style(reverse=True, bold=True)


def detail(d: EventDetail, factions: Mapping[str, Faction], front_name: str,
           marks: Sequence[str] = ()) -> RenderableType:
    """The whole of one event, for the detail pane; the words of a search (`marks`, each also as the
    start of a longer word) stand out in its summary and source sentence."""
    row = d.row
    head = Text()
    head.append(bounded(row.summary, FIELD_LIMITS["summary"]) or "", style="bold")
    head.append("\n")
    head.append(date_label(row.date, row.date_precision, long=True))
    if (until := render_located.date_range(d)):
        head.append(f" {until}")
    head.append(f" ({row.date_precision})", style="dim")
    head.append(f" · {row.event_type} · {front_name}")
    if row.fatalities is not None:
        head.append(f" · {row.fatalities} killed")

    sure = Text()
    sure.append_text(certainty(row.certainty))
    sure.append("\n")
    sure.append(CERTAINTY_WORDS.get(row.certainty, row.certainty))
    claimants = [factions[p.faction].name for p in row.parties
                 if p.role == "claimant" and p.faction in factions]
    if claimants:
        sure.append(f" Claimed by {', '.join(claimants)}.")

    who = Text()
    for party, faction in sorted(d.factions, key=lambda pf: ROLE_ORDER.get(pf[0].role, 9)):
        who.append(f"{ROLE_WORDS.get(party.role, party.role):<9} ")
        who.append(faction.short, style=faction_style(faction))
        who.append(f"  {faction.name}")
        if faction.parent:
            parent = factions.get(faction.parent)
            who.append(f" — unit of {parent.name if parent else faction.parent}", style="dim")
        who.append("\n")
    who.rstrip()

    where = Text()
    if d.place:
        p = d.place
        where.append(p.name, style="bold")
        where.append(f" ({p.kind})" if p.kind else "")
        if p.admin1:
            where.append(f", {p.admin1} governorate")
        if d.lat is not None and d.lon is not None:
            ns, ew = ("N" if d.lat >= 0 else "S"), ("E" if d.lon >= 0 else "W")
            where.append(f"\n{abs(d.lat):.4f}° {ns}, {abs(d.lon):.4f}° {ew}")
            if p.precision_km:
                where.append(f"  (±{p.precision_km:g} km)", style="dim")
        if (how := render_located.precision(d)):
            where.append("\n")
            where.append_text(how)
    else:
        where = render_located.area(d)

    excerpt = bounded(d.excerpt, FIELD_LIMITS["excerpt"])
    quote = Text(f"“{excerpt}”" if excerpt else "no source sentence stored", style="italic")
    source = Text()
    if d.source:
        s = d.source
        source.append(s.title)
        meta = " · ".join(x for x in (s.publisher, s.published, s.kind) if x)
        if meta:
            source.append(f"\n{meta}", style="dim")
        if s.url:
            source.append(f"\n{s.url}", style="dim")

    if marks:
        words = "|".join(re.escape(w) for w in marks)
        for text in (head, quote):
            text.highlight_regex(rf"(?i)\b(?:{words})\w*", style=MATCH)
    parts: list[RenderableType] = [
        head, _heading("Certainty"), sure, _heading("Source sentence"), quote,
        _heading("Factions"), who, _heading("Place"), where, _heading("Source"), source,
    ]
    if (row_said := render_located.dataset(d)) is not None:
        parts += [_heading(f"As the {d.source.kind if d.source else 'dataset'} row gives it"), row_said]
    if d.place:
        parts += [_heading(f"Control of {d.place.name}"), control(d, factions)]
    if not d.place:  # an event located only to an area has no place to share
        return Group(*parts)
    parts.append(_heading(f"Also at {d.place.name}"))
    if d.same_place:
        others = Text()
        for o in d.same_place:
            others.append(f"{date_label(o.date, o.date_precision)} ")
            others.append_text(parties(o, factions))
            others.append(f" {o.event_type} ")
            others.append_text(certainty(o.certainty))
            others.append("\n")
        others.rstrip()
        parts.append(others)
    else:
        parts.append(Text("no other events", style="dim"))
    return Group(*parts)


def flow(text: Text, width: int) -> Text:
    """`text` laid out `width` cells wide with each line's entries kept whole: an entry ends at a run
    of two or more spaces or after a colon's space (`G Government and allies 8  S SDF 3`), and a line
    breaks between entries, inside one only when it alone is wider than `width`."""
    out = Text()
    for n, line in enumerate(text.split("\n", allow_blank=True)):
        if n:
            out.append("\n")
        cuts = sorted({m.end() for m in re.finditer(r" {2,}|: ", line.plain)} - {0, len(line)})
        used, pending = 0, Text()
        for piece in line.divide(cuts):
            body = piece.copy()
            body.rstrip()
            if used and used + pending.cell_len + body.cell_len > width:
                out.append("\n")
                used = 0
            elif used:
                out.append_text(pending)
                used += pending.cell_len
            out.append_text(body)
            used += body.cell_len
            pending = piece[len(body):]
    return out
