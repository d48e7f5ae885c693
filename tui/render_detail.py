"""The detail pane's text: one event in full, with the control history of its place."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from sitroom.db import FIELD_LIMITS, EventDetail, EventRow, Faction, bounded

from . import render_accounts, render_located
from .render import (
    CERTAINTY_GLYPH,
    CERTAINTY_STYLE,
    ROLE_ORDER,
    ROLE_WORDS,
    acting_side,
    certainty,
    date_label,
    faction_style,
    joined,
    parties,
)


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


def pending(row: EventRow, factions: Mapping[str, Faction], front_name: str) -> Text:
    """The timeline's row of an event while the whole event is read: its summary, day, type, front,
    sides and certainty, so the pane never shows another event meanwhile."""
    out = Text()
    out.append(bounded(row.summary, FIELD_LIMITS["summary"]) or "", style="bold")
    out.append(f"\n{date_label(row.date, row.date_precision, long=True)} ({row.date_precision})")
    out.append(f" · {row.event_type} · {front_name}")
    out.append("\n")
    out.append_text(parties(row, factions))
    out.append("  ")
    out.append_text(certainty(row.certainty))
    out.append("\nreading the whole event…", style="dim italic")
    return out


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

    sure = render_accounts.standing(d, factions)

    # A grid: a long name ("Military Forces of Yemen (2016-) Supreme Political Council") wraps under
    # itself, not under the role.
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True, min_width=8)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for party, faction in sorted(d.factions, key=lambda pf: ROLE_ORDER.get(pf[0].role, 9)):
        name = Text(faction.name)
        if faction.parent:
            parent = factions.get(faction.parent)
            name.append(f" — unit of {parent.name if parent else faction.parent}", style="dim")
        role = ROLE_WORDS.get(party.role, party.role)
        grid.add_row(role, Text(faction.short, style=faction_style(faction)), name)
    who: RenderableType = grid if d.factions else Text()

    where = Text()
    if d.place:
        p = d.place
        where.append(p.name, style="bold")
        where.append(f" ({p.kind})" if p.kind else "")
        if p.admin1:
            where.append(f", {p.admin1}")  # a state, province or governorate: the country's own word
        if d.lat is not None and d.lon is not None:
            ns, ew = ("N" if d.lat >= 0 else "S"), ("E" if d.lon >= 0 else "W")
            where.append(f"\n{abs(d.lat):.4f}° {ns}, {abs(d.lon):.4f}° {ew}")
            if (km := render_located.point_km(d)) is not None:
                where.append(f"  (±{km:g} km)", style="dim")
        if (how := render_located.precision(d)):
            where.append("\n")
            where.append_text(how)
    elif d.lat is not None and d.lon is not None:
        where = render_located.approximate(d)
    else:
        where = render_located.area(d)

    excerpt = bounded(d.excerpt, FIELD_LIMITS["excerpt"])
    quote = Text(f"“{excerpt}”" if excerpt else "no source sentence stored", style="italic")
    source = Text()
    if d.source:
        s = d.source
        source.append(s.title)
        meta = " · ".join(x for x in (s.publisher, s.published, s.kind, s.id) if x)  # the id: export, review
        if meta:
            source.append(f"\n{meta}", style="dim")
        if s.url:
            source.append(f"\n{s.url}", style="dim")
    if (checked := render_accounts.reviewed(d)) is not None:
        source.append("\n")
        source.append_text(checked)

    if marks:
        words = "|".join(re.escape(w) for w in marks)
        for text in (head, quote):
            text.highlight_regex(rf"(?i)\b(?:{words})\w*", style=MATCH)
    several = len(d.accounts) > 1  # a happening several sources report: each one's account, sentence too
    parts: list[RenderableType] = [
        head, _heading("Certainty"), sure, *(() if several else (_heading("Source sentence"), quote)),
        _heading("Factions"), who, _heading("Place"), where,
    ]
    if several:
        parts += [_heading(f"Reported by {len(d.accounts)} sources (u splits one out)"),
                  render_accounts.accounts(d)]
    else:
        parts += [_heading("Source"), source]
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
