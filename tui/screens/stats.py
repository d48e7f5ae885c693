"""The statistics sheet (`s`): the view's events counted by faction, type, certainty, front and month,
each with a bar, like VisiData's frequency sheet. Enter on a row filters the view by it; escape goes
back. The counts arrive a dimension at a time from a worker (Habits.load_stats)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from sitroom.db import CERTAINTIES
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from .. import render
from ..reference import Reference
from ..state import ViewState

SECTIONS = (
    ("faction", "Faction", "each event under each of its factions (units under parents too)"),
    ("type", "Event type", ""),
    ("certainty", "Certainty", ""),
    ("front", "Front", ""),
    ("month", "Month", "by the month of each event's recorded date, oldest first"),
)
EIGHTHS = " ▏▎▍▌▋▊▉"
NAME_WIDTH = 28  # at least; the names column grows to the longest name the width allows
FIGURES = 9 + 7  # the count and the share columns
BAR_MIN, BAR_MAX = 10, 60


@dataclass(frozen=True)
class StatsChoice:
    """A row chosen with enter: filter the view by `value` of dimension `by`."""

    by: str
    value: str


def bar(n: int, peak: int, width: int) -> Text:
    """A bar `width` cells long at `peak`, in eighths of a cell."""
    eighths = round(n / peak * width * 8) if peak else 0
    eighths = max(eighths, 1 if n else 0)
    return Text("█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else ""), style="#56B4E9")


class StatsScreen(Screen[StatsChoice | None]):
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("s", "back", "Back", show=False),
        Binding("enter", "choose", "Filter by it", priority=True),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        # The sheet's own moves, so it knows the reader has moved (the cursor then stays where put).
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
    ]

    def __init__(self, view: ViewState, reference: Reference) -> None:
        super().__init__()
        self.view = view
        self.ref = reference
        self.counts: dict[str, dict[str, int]] = {}
        self.moved = False  # until the reader moves, the cursor sits on the sheet's first row

    def compose(self) -> ComposeResult:
        with Vertical(id="stats"):
            yield Static(id="stats-view")
            yield OptionList(id="stats-rows", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stats").border_title = "Statistics"
        front = self.ref.front_name(self.view.front)
        words = render.filter_summary(self.view.filter, self.ref.by_slug,
                                      {f.slug: f.name for f in self.ref.fronts},
                                      {p.id: p.name for p in self.ref.places}, self.view.as_of)
        self.query_one("#stats-view", Static).update(Text(f"{front} · ").append_text(words))
        self._rebuild()
        self.rows.focus()

    @property
    def rows(self) -> OptionList:
        return self.query_one("#stats-rows", OptionList)

    def update(self, by: str, counts: Mapping[str, int]) -> None:
        self.counts[by] = dict(counts)
        self._rebuild()

    # -- drawing --------------------------------------------------------------------------------

    def _label(self, by: str, value: str) -> Text:
        if by == "faction":
            faction = self.ref.by_slug.get(value)
            label = render.short(value, self.ref.by_slug)
            if faction:
                label.append(f"  {faction.name}", style="")
            return label
        if by == "front":
            return Text(self.ref.front_name(value) if self.ref.front(value) else value)
        if by == "certainty":
            return render.certainty(value)
        return Text(value)

    def _ordered(self, by: str, counts: Mapping[str, int]) -> list[str]:
        if by == "month":
            return sorted(counts)
        if by == "certainty":
            return [c for c in CERTAINTIES if c in counts] + sorted(set(counts) - set(CERTAINTIES))
        return sorted(counts, key=lambda v: (-counts[v], v))

    def _row(self, label: Text, n: int, total: int, peak: int, width: int, names: int) -> Table:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=names, no_wrap=True, overflow="ellipsis")
        grid.add_column(width=8, justify="right", no_wrap=True)
        grid.add_column(width=6, justify="right", no_wrap=True)
        grid.add_column(no_wrap=True)
        share = f"{n / total:.0%}" if total else ""
        grid.add_row(label, Text(f"{n:,}", style="bold"), Text(share, style="dim"), bar(n, peak, width))
        return grid

    def _widths(self, inner: int) -> tuple[int, int]:
        """The names column (the longest label, as far as the bar's least width allows) and the bar."""
        longest = max((self._label(by, v).cell_len for by, counts in self.counts.items() for v in counts),
                      default=0)
        names = max(NAME_WIDTH, min(longest, inner - FIGURES - 6 - BAR_MIN))
        return names, min(BAR_MAX, max(8, inner - names - FIGURES - 6))

    def _options(self, inner: int) -> list[Option]:
        total = sum(self.counts.get("certainty", {}).values())  # every event has one certainty
        names, width = self._widths(inner)
        options: list[Option] = []
        for by, title, note in SECTIONS:
            head = Text(title, style="bold underline")
            if note:
                head.append(f"  {note}", style="dim")
            options.append(Option(head, id=f"hdr:{by}", disabled=True))
            counts = self.counts.get(by)
            if counts is None:
                options.append(Option(Text("  counting…", style="dim italic"), id=f"wait:{by}",
                                      disabled=True))
                continue
            if not counts:
                options.append(Option(Text("  none", style="dim"), id=f"none:{by}", disabled=True))
            peak = max(counts.values(), default=0)
            for value in self._ordered(by, counts):
                options.append(Option(self._row(self._label(by, value), counts[value], total, peak, width,
                                                names), id=f"{by}:{value}"))
        return options

    def _rebuild(self) -> None:
        rows = self.rows
        keep = self._highlighted_id()
        inner = rows.scrollable_content_region.width or (self.size.width or 80) - 8
        options = self._options(inner)
        rows.clear_options()
        rows.add_options(options)
        ids = [o.id for o in options]
        if self.moved and keep in ids:
            rows.highlighted = ids.index(keep)
            return
        # Where a reader begins: the first row of the sheet, once the sections above it are counted
        # (none while the first is counting), with the sheet scrolled to its top.
        first = next((i for i, o in enumerate(options) if not o.disabled or str(o.id).startswith("wait:")),
                     None)
        rows.highlighted = first if first is not None and not options[first].disabled else None
        rows.scroll_home(animate=False)

    def on_resize(self) -> None:
        self._rebuild()

    def _highlighted_id(self) -> str | None:
        rows = self.rows
        if rows.highlighted is None:
            return None
        return rows.get_option_at_index(rows.highlighted).id

    # -- keys -----------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.moved = True
        for _ in range(abs(step)):
            if step > 0:
                self.rows.action_cursor_down()
            else:
                self.rows.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        option_id = self._highlighted_id()
        if option_id is None or ":" not in option_id:
            return
        by, _, value = option_id.partition(":")
        if by in {b for b, _, _ in SECTIONS}:
            self.dismiss(StatsChoice(by, value))

    def action_back(self) -> None:
        self.dismiss(None)
