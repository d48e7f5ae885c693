"""The fronts pane: "All fronts" and every front with events, grouped by country when the store holds
several, each with its count under the filter (kept right). The first nine shown answer 1–9; space
chooses several at once; enter goes into the timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.table import Table
from rich.text import Text
from sitroom.db import Front
from textual import events
from textual.binding import Binding
from textual.css.styles import RulesMap
from textual.message import Message
from textual.visual import RichVisual, Visual
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

ALL = "__all__"
YOURS = "Your fronts"
ELSEWHERE = "No country"
CHOSEN = "✓"


@dataclass(frozen=True)
class Row:
    """One line of the pane: a front (its key, mark, name and count) or a country's heading. Listing a
    thousand fronts must cost what the rows on screen cost: the pane learns a row's height (always one
    line) without drawing it, and the table that draws it is built only when the row is on screen.
    Equal rows are equal values, so a refresh replaces only the rows that changed."""

    pane: Widget = field(compare=False, repr=False)  # the pane that draws it
    name: str
    key: str = ""
    mark: str = ""
    count: int | None = None
    approximate: bool = False
    heading: bool = False

    def visualize(self) -> Visual:
        """Textual's Visual protocol: how the option list draws and measures the row."""
        return OneLine(self.pane, self)

    def table(self) -> Table:
        if self.heading:
            return _heading(self.name)
        return _prompt(self.key, self.mark, self.name, self.count, self.approximate)

    def __rich__(self) -> Table:
        return self.table()


class OneLine(RichVisual):
    """A row's drawing, one line high whatever its width (no_wrap, cut with an ellipsis)."""

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


def _prompt(key: str, mark: str, name: str, count: int | None, approximate: bool = False) -> Table:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=1, style="dim")
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    if count is None:
        shown = Text("…", style="dim")
    elif approximate:
        shown = Text(f"≈{count:,}", style="italic")
    else:
        shown = Text(f"{count:,}", style="bold" if count else "dim")
    # A chosen front is marked in the name's cell, so the columns stay where they are.
    label = Text.assemble((f"{mark} ", "bold"), (name, "bold")) if mark else Text(name)
    grid.add_row(Text(key), label, shown)
    return grid


def _heading(name: str) -> Table:
    grid = Table.grid(expand=True)  # one line, cut with an ellipsis: a long country name never wraps
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_row(Text(name, style="bold underline"))
    return grid


def _label(front: Front, headed: bool) -> str:
    """The front's name as listed: under its country's heading, "Central African Republic (country-wide)"
    is "(country-wide)", so a long country's name is not cut where the heading already says it."""
    if headed and front.kind == "country" and front.country and front.name.startswith(front.country + " ("):
        return front.name[len(front.country) + 1:]
    return front.name


@dataclass(frozen=True)
class Group:
    name: str
    fronts: tuple[Front, ...]


def listed(fronts: Sequence[Front], totals: Mapping[str, int] | None) -> list[Group]:
    """The fronts the pane lists, in groups: yours first, then by country (a country's defined fronts,
    its divisions by name, its country-wide events), then those with no country. A front with no
    events under no filter is left out (all are listed until the totals are known)."""
    shown = [f for f in fronts if totals is None or totals.get(f.slug, 0) > 0]
    groups: dict[str, list[Front]] = {}
    for front in shown:
        name = YOURS if front.kind == "user" else front.country or ELSEWHERE
        groups.setdefault(name, []).append(front)
    order = sorted(groups, key=lambda g: (g != YOURS, g == ELSEWHERE, g))
    rank = {"country": 1, "other": 2}
    return [Group(g, tuple(sorted(groups[g], key=lambda f: (rank.get(f.kind, 0), f.sort, f.name.casefold()))))
            for g in order]


class FrontsPane(OptionList):
    """Highlighting a front shows it; space adds it to (or takes it from) the fronts shown together;
    enter moves into its timeline."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("space", "toggle", "Choose", show=False),
        Binding("escape", "enter", "Timeline", show=False),
    ]

    class Toggled(Message):
        def __init__(self, slug: str | None) -> None:
            super().__init__()
            self.slug = slug  # None: "All fronts" (clears the choice)

    class Entered(Message):
        """Enter on a front: go into its timeline."""

    class Left(Message):
        """Focus moved out of the pane (at 80 columns the pane then closes)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self._slugs: list[str | None] = []  # None ("All fronts") and the fronts, in the order shown
        self._ids: list[str] = []  # every option's id, headings included: redrawn only when it changes

    @staticmethod
    def slug_of(option_id: str | None) -> str | None:
        return None if option_id in (None, ALL) or option_id.startswith("#") else option_id

    def show(self, fronts: list[Front], counts: Mapping[str, int] | None, selected: str | None,
             approximate: bool = False, totals: Mapping[str, int] | None = None,
             chosen: Sequence[str] = ()) -> None:
        """Show the fronts worth listing with their counts (… while counts are still coming, ≈ while
        they are estimates), `chosen` marked, keeping `selected` highlighted."""
        groups = listed(fronts, totals)
        headed = len(groups) > 1
        total = sum(counts.values()) if counts is not None else None
        rows = [Row(self, "All fronts", "0", count=total, approximate=approximate)]
        ids: list[str] = [ALL]
        slugs: list[str | None] = [None]
        for group in groups:
            if headed:
                rows.append(Row(self, group.name, heading=True))
                ids.append(f"#{group.name}")
            for front in group.fronts:
                number = len(slugs)
                rows.append(Row(self, _label(front, headed), str(number) if number <= 9 else " ",
                                CHOSEN if front.slug in chosen else "",
                                None if counts is None else counts.get(front.slug, 0), approximate))
                ids.append(front.slug)
                slugs.append(front.slug)
        if ids != self._ids:
            self._ids, self._slugs = ids, slugs
            with self.prevent(OptionList.OptionHighlighted):
                self.clear_options()
                self.add_options(Option(row, id=option_id, disabled=row.heading)
                                 for row, option_id in zip(rows, ids, strict=True))
        else:
            for index, row in enumerate(rows):
                if self.get_option_at_index(index).prompt != row:  # only what changed is drawn again
                    self.replace_option_prompt_at_index(index, row)
        self.select(selected)

    def select(self, slug: str | None) -> None:
        option = ALL if slug is None else slug
        if option in self._ids:
            index = self._ids.index(option)
            if self.highlighted != index:
                with self.prevent(OptionList.OptionHighlighted):
                    self.highlighted = index

    @property
    def slugs(self) -> list[str | None]:
        """"All fronts" (None) and the fronts listed, in order: what 0–9 jump to."""
        return list(self._slugs)

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Toggled(self.slug_of(self._ids[self.highlighted])))

    def action_enter(self) -> None:
        self.post_message(self.Entered())

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Left())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self:
            event.stop()
            self.post_message(self.Entered())
