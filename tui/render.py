"""Pure functions from store values to Rich Text.

Everything here builds `Text` objects and appends data as plain strings, so text from sources is shown
literally: `[bold]` in a summary is printed as `[bold]`, never applied as markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from rich.style import Style
from rich.text import Text
from sitroom.db import Bloc, EventFilter, EventRow, Faction, bounded, month_index

CERTAINTY_GLYPH = {"confirmed": "●", "claimed": "◐", "rumoured": "○", "denied": "⊘", "disputed": "◑"}
CERTAINTY_STYLE = {"confirmed": "bold", "claimed": "italic #E69F00", "rumoured": "italic dim",
                   "denied": "italic #D55E00", "disputed": "bold #D55E00"}
CERTAINTY_WORDS = {
    "confirmed": "Confirmed: the source reports it as fact.",
    "claimed": "Claimed: a party says it happened; the source does not confirm it.",
    "rumoured": "Rumoured: the source reports it only as a rumour.",
    "denied": "Denied: the source reports a party's denial that it happened.",
    "disputed": "Disputed: one source's account is denied by another's.",
}
ROLE_WORDS = {"actor": "actor", "target": "target", "ally": "ally", "target_ally": "with target",
              "side_a": "side A", "side": "side", "claimant": "claims it"}
BARS = " ▁▂▃▄▅▆▇█"
CELL_CHARACTERS = 300  # of a summary in a timeline row; the detail pane has the rest


def faction_style(faction: Faction | None) -> Style:
    return Style(color=faction.colour, bold=True) if faction and faction.colour else Style(bold=True)


def short(slug: str, factions: Mapping[str, Faction], compact: bool = False) -> Text:
    faction = factions.get(slug)
    label = faction.short if faction else slug
    return Text(compact_era(label) if compact else label, style=faction_style(faction))


# A label's era as the store writes it ("UKR-Mil 2019-", "AFG-Mil 2004-21", "FMFBF 1987-2014").
_ERA = re.compile(r"^(?P<name>.*\S) (?P<start>\d{4})-(?P<end>\d{2}|\d{4})?$")


def compact_era(label: str) -> str:
    """A faction's era in fewer columns, for the timeline's sides: "UKR-Mil 2019-" is "UKR-Mil'19"
    (from 2019 on), "AFG-Mil 2004-21" is "AFG-Mil'04-21"; two eras of one force stay apart, and the
    era is not what an ellipsis cuts off first (the help screen and the detail pane give the whole)."""
    m = _ERA.match(label)
    if m is None:
        return label
    end = f"-{m['end'][-2:]}" if m["end"] else ""
    return f"{m['name']}'{m['start'][2:]}{end}"


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
ROLE_ORDER = {"actor": 0, "ally": 1, "claimant": 2, "side_a": 3, "side": 4, "target": 5, "target_ally": 6}


def acting_side(row: EventRow) -> list[str]:
    """The side that acted, in the one order: actors then allies, else the claimants."""
    side = [*row.with_role("actor"), *row.with_role("ally")] or list(row.with_role("claimant"))
    return list(dict.fromkeys(side))


def joined(slugs: Sequence[str], factions: Mapping[str, Faction], compact: bool = False) -> Text:
    return Text("+").join(short(s, factions, compact) for s in slugs)


def parties(row: EventRow, factions: Mapping[str, Faction], compact: bool = False) -> Text:
    """Who did what to whom: `SAA+VKS ▸ ISIS`; the sides of an undirected event: `IS · SAA`. `compact`
    writes eras short (the timeline's narrow column)."""
    acting = acting_side(row)
    # UCDP's dyad, side A first ("GOV · Rebels"): neither side is counted as the one who acted
    if not acting and (sides := [*row.with_role("side_a"), *row.with_role("side")]):
        return Text(" · ").join(short(s, factions, compact) for s in dict.fromkeys(sides))
    out = joined(acting, factions, compact)
    targets = [*row.with_role("target"), *row.with_role("target_ally")]
    if targets:
        out.append(" ▸ ")
        out.append_text(joined(targets, factions, compact))
    return out


def certainty(value: str) -> Text:
    return Text(f"{CERTAINTY_GLYPH.get(value, '?')} {value}", style=CERTAINTY_STYLE.get(value, ""))


def happening_certainty(row: EventRow) -> Text:
    """A timeline row's certainty: its happening's (disputed when one source denies what another
    states), and how many sources report it when more than one ("● confirmed ×2")."""
    out = certainty("disputed" if row.disputed else row.certainty)
    if row.sources > 1:
        out.append(f" ×{row.sources}", style="bold #56B4E9")
    return out


def place_cell(row: EventRow) -> Text:
    """A row's place; "~" marks one that is not a place of the gazetteer: an area (a dataset's row
    located only to a province), or a place the source names that no gazetteer knows."""
    if row.place:
        return Text(row.place_name or row.place, style="bold")
    return Text(f"~{row.place_name}" if row.place_name else "—")


def event_cells(row: EventRow, factions: Mapping[str, Faction]) -> tuple[Text, ...]:
    """A timeline row; a cell too long for its column ends in an ellipsis, never cut silently."""
    cells = (
        Text(date_label(row.date, row.date_precision)),
        place_cell(row),
        parties(row, factions, compact=True),
        happening_certainty(row),
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
    wider than `width`. A legend names the sides in words: on one line when the bars are one row high
    (a short terminal, where every line the histogram takes is a timeline row less)."""
    one_line = height == 1
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
        out.append_text(_sides_legend({"": _stack(sides, unconfirmed, first, buckets[first])}, blocs, width,
                                      one_line=one_line))
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
                                  "confirmed by side, bottom up:", one_line=one_line))
    return out


def _sides_legend(columns: Mapping[object, Mapping[str, int]], blocs: Sequence[Bloc], width: int,
                  lead: str = "confirmed by side:", *, one_line: bool = False) -> Text:
    """The sides' colours in words with their counts, claimed or rumoured events last and apart; an
    entry never breaks across lines. `one_line`: no lead, the largest sides that fit one line (in
    the stack's order) and how many more there are (the statistics screen lists them all)."""
    rank = {b.slug: i for i, b in enumerate(blocs)}
    colour = {b.slug: Style(color=b.colour) for b in blocs}
    names = {b.slug: b.name for b in blocs}
    by_side: dict[str, int] = {}
    for column in columns.values():
        for side, m in column.items():
            by_side[side] = by_side.get(side, 0) + m
    order = sorted(by_side, key=lambda s: rank.get(s, len(rank) + (s == UNSURE)))

    def entry(side: str) -> str:
        unsure = "unconfirmed" if one_line else "claimed or rumoured"
        return f"{unsure if side == UNSURE else names.get(side, 'no actor named')} {by_side[side]:,}"

    shown, more = order, 0
    if one_line:
        lead = ""
        room = width - len(f"  +{len(order)} more")
        picked: set[str] = set()
        used = 0
        for side in sorted(order, key=lambda s: (s != UNSURE, -by_side[s])):  # the hatch's meaning first
            used += 4 + len(entry(side))
            if used > room:  # a smaller side never shown where a larger one is not
                break
            picked.add(side)
        shown = [s for s in order if s in picked]
        more = len(order) - len(shown)
    out = Text(lead, style="dim")
    line = len(lead)
    for side in shown:
        text = entry(side)
        if line + 4 + len(text) > width:  # wrap between entries, never inside one
            out.append("\n")
            line = 0
        if side == UNSURE:
            out.append(f"  {UNSURE_HATCH} ", UNSURE_STYLE)
        else:
            out.append("  ■ ", colour.get(side, NO_SIDE))
        out.append(text)
        line += 4 + len(text)
    if more:
        out.append(f"  +{more} more", style="dim")
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
