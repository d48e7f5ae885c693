"""The detail pane: the whole of the highlighted event."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from sitroom.db import EventDetail
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from .. import render
from ..reference import Reference


class DetailPane(VerticalScroll):
    ALLOW_MAXIMIZE = True  # enter on the timeline opens the event full-screen
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("escape", "back", "Back to the timeline"),
    ]

    class Back(Message):
        """The reader is done with this event: back to the timeline."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.event_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("No event selected.", style="dim"), id="detail-body")

    def action_back(self) -> None:
        if self.is_maximized:
            self.screen.minimize()  # the app puts focus back on the timeline
        else:
            self.post_message(self.Back())

    def show_event(self, detail: EventDetail, reference: Reference) -> None:
        self._show(detail.row.id, render.detail(detail, reference.by_slug,
                                                reference.front_name(detail.row.front)))

    def show_note(self, note: str) -> None:
        """A word in place of an event (no event under the filter, an event gone from the store)."""
        self._show(None, Text(note, style="dim"))

    def _show(self, event_id: str | None, body: RenderableType) -> None:
        self.event_id = event_id
        self.query_one("#detail-body", Static).update(body)
        self.scroll_home(animate=False)
