"""How the panes share the terminal, as pure functions of its size (tested without a screen).

Three arrangements, chosen from the width alone so a resize lands where a fresh start at that size
does:

- **wide** (150 columns and more): fronts, timeline and the side (map and event) side by side; the
  fronts pane is wide enough for whole front names unless the map needs the room;
- **medium** (100–149): the fronts pane stacked above the event (`stacked`), wide enough for whole
  front names, and the timeline beside them; with the map on, the fronts pane gives way so the map
  is not a sliver (1–9, 0 and ctrl+p still choose a front);
- **narrow** (under 100, e.g. 80×24): the timeline takes the whole width, the event (or the map,
  when it is on) sits below it; the fronts pane is hidden until F, or tab from the timeline, opens it
  in the event's place.

In each, the timeline keeps at least TIMELINE_MIN columns: date, place, sides, the certainty word
and type always show, and the summary takes whatever is left, so nothing hides behind a sideways
scroll.
"""

from __future__ import annotations

from dataclasses import dataclass

NARROW_BELOW = 100
WIDE_FROM = 150
SHORT_BELOW = 30  # rows: the histogram draws its bars one row high
TIMELINE_MIN = 77  # columns, border and scrollbar included: every column but the summary
SIDE_MIN = 28  # the event pane beside the timeline
MAP_MIN = 43  # the map beside the timeline (what 120 columns leave it); below, the fronts pane gives way
FRONTS_WIDE, FRONTS_MAP = 34, 28  # the fronts pane at wide sizes; with a map short of room
TIMELINE_WIDE = 86  # at wide sizes the event pane narrows before the sides' column does (UCDP's
# "Civilians · CAF-Gov" and ACLED's "SYR-MI ▸ Civ-SYR" whole at 160 columns)
TIMELINE_MAP = 83  # wide with the map on: the sides' column at its most ("NAF ▸ UKR-Mil'19" whole at 160
# columns), the map keeping MAP_MIN
STACKED_MIN = 40  # the side holding the fronts above the event
TIMELINE_MEDIUM = 80  # stacked, the timeline is at least as wide as at 80 columns: its sides' column too
# ("NAF ▸ UKR-Mil'19", an era of a force and its enemy, whole at 120 columns as at 80)

# The timeline's columns: fixed widths, then the place and the sides grow to their natural widths,
# and the summary takes what is left once it is worth reading; every cell has one column of padding
# each side, and the scrollbar's gutter is always kept.
FIXED = {"date": 11, "certainty": 14, "type": 10}  # date: "2022-03-14~" (a week); certainty: "● confirmed ×2"
PLACE, WHO = (12, 22), (14, 20)  # (at least, at most)
SUMMARY_MIN = 11  # the date column grew by one (a week's "~"): the summary shows at the same widths
PADDING = 2
SCROLLBAR = 2
COLUMNS = ("date", "place", "who", "certainty", "type", "summary")


@dataclass(frozen=True)
class Arrangement:
    kind: str  # "wide", "medium" or "narrow"
    fronts: int  # columns of the fronts pane; 0 when it is hidden
    side: int  # columns of the side (map and event); 0 when it sits below the timeline
    short: bool  # too few rows for a three-row histogram
    stacked: bool = False  # the fronts pane sits in the side's column, above the event


def arrange(width: int, height: int, map_on: bool) -> Arrangement:
    short = height < SHORT_BELOW
    if width < NARROW_BELOW:
        return Arrangement("narrow", 0, 0, short)
    kind = "wide" if width >= WIDE_FROM else "medium"
    if kind == "medium" and not map_on:
        side = max(STACKED_MIN, min(width * 38 // 100, width - TIMELINE_MEDIUM))
        return Arrangement(kind, 0, side, short, stacked=True)
    want = min(110, width * 45 // 100) if map_on else min(80, width * 34 // 100)
    fronts = 18
    if kind == "wide":  # whole front names, unless the map would lose columns to them
        fronts = FRONTS_WIDE if not map_on or width - FRONTS_WIDE - TIMELINE_MIN >= want else FRONTS_MAP
    if kind == "wide" and not map_on:
        want -= FRONTS_WIDE - FRONTS_MAP  # the whole front names' columns come from the event's
    timeline = TIMELINE_WIDE if not map_on else TIMELINE_MAP if kind == "wide" else TIMELINE_MIN
    side = min(want, width - fronts - timeline)
    if side < (MAP_MIN if map_on else SIDE_MIN):
        fronts = 0  # the fronts pane gives way before the map or the event becomes a sliver
        side = min(want, width - TIMELINE_MIN)
    return Arrangement(kind, fronts, max(side, SIDE_MIN), short)


def column_widths(table_width: int) -> dict[str, int]:
    """Each timeline column's width for a table `table_width` columns wide (its scrollbar included),
    together never wider than the table, so nothing hides behind a sideways scroll."""
    room = table_width - SCROLLBAR - PADDING * len(COLUMNS) - sum(FIXED.values())
    summary = room - PLACE[1] - WHO[1]
    if summary >= SUMMARY_MIN:
        place, who = PLACE[1], WHO[1]
    else:  # no room worth reading for the summary (the event pane shows it): place and sides grow
        summary = 0
        spare = max(0, room - PLACE[0] - WHO[0])
        place = PLACE[0] + min(PLACE[1] - PLACE[0], spare // 2)
        who = WHO[0] + min(WHO[1] - WHO[0], spare - (place - PLACE[0]))
    return {"date": FIXED["date"], "place": place, "who": who, "certainty": FIXED["certainty"],
            "type": FIXED["type"], "summary": summary}
