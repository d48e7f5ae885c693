"""The filter bar, always showing the active filter, and the search box that `/` opens."""

from __future__ import annotations

from collections.abc import Mapping

from sitroom.db import EventFilter
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, Static

from .. import render
from ..reference import Reference


class FilterBar(Static):
    """The active filter in words."""

    def show(self, f: EventFilter, as_of: str | None, reference: Reference,
             source_titles: Mapping[str, str] | None = None) -> None:
        self.update(render.filter_summary(
            f, reference.by_slug, {fr.slug: fr.name for fr in reference.fronts},
            {p.id: p.name for p in reference.places}, as_of, source_titles or {},
        ))


class SearchBox(Input):
    """Search as you type. Enter keeps the search and returns to the timeline; escape drops it."""

    BINDINGS = [
        Binding("escape", "cancel", "Clear search"),
        Binding("enter", "done", "Keep search"),
    ]

    class Done(Message):
        """The user finished with the search box."""

        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="search summaries and source sentences…", **kwargs)

    def action_done(self) -> None:
        self.post_message(self.Done(keep=True))

    def action_cancel(self) -> None:
        self.value = ""
        self.post_message(self.Done(keep=False))
