"""The fronts pane: every front with its count under the filter, and an "all fronts" entry."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from sitroom.db import Front
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

ALL = "__all__"


def _prompt(key: str, name: str, count: int | None, approximate: bool = False) -> Table:
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
    grid.add_row(Text(key), Text(name), shown)
    return grid


class FrontsPane(OptionList):
    """Highlighting a front selects it: the timeline follows the cursor."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self._slugs: list[str | None] = []

    @staticmethod
    def slug_of(option_id: str | None) -> str | None:
        return None if option_id in (None, ALL) else option_id

    def show(self, fronts: list[Front], counts: Mapping[str, int] | None, selected: str | None,
             approximate: bool = False) -> None:
        """Show every front with its count (… while counts are still coming, ≈ while they are
        estimates), keeping `selected` highlighted."""
        slugs = [None, *(f.slug for f in fronts)]
        total = sum(counts.values()) if counts is not None else None
        prompts = [_prompt("0", "All fronts", total, approximate)] + [
            _prompt(str(i) if i <= 9 else " ", f.name,
                    None if counts is None else counts.get(f.slug, 0), approximate)
            for i, f in enumerate(fronts, start=1)
        ]
        if slugs != self._slugs:
            self._slugs = slugs
            with self.prevent(OptionList.OptionHighlighted):
                self.clear_options()
                self.add_options(
                    Option(p, id=s or ALL) for p, s in zip(prompts, slugs, strict=True)
                )
        else:
            for index, prompt in enumerate(prompts):
                self.replace_option_prompt_at_index(index, prompt)
        self.select(selected)

    def select(self, slug: str | None) -> None:
        if slug in self._slugs:
            index = self._slugs.index(slug)
            if self.highlighted != index:
                with self.prevent(OptionList.OptionHighlighted):
                    self.highlighted = index

    @property
    def slugs(self) -> list[str | None]:
        return list(self._slugs)
