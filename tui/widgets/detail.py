"""The detail pane: the whole of the highlighted event."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from sitroom.db import EventDetail, EventRow
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from .. import render_detail
from ..reference import Reference


class DetailPane(VerticalScroll):
    ALLOW_MAXIMIZE = True  # enter on the timeline opens the event full-screen
    BINDINGS = [
        # Beside the timeline j/k scroll the event; opened full-screen they step to the next and
        # previous event (↑ ↓ still scroll), as in a pager.
        Binding("j", "step(1)", "Next event", show=False),
        Binding("k", "step(-1)", "Previous event", show=False),
        Binding("escape", "back", "Back to the timeline"),
        Binding("y", "app.copy_event", "Copy"),
        Binding("o", "app.open_source", "Open source"),
    ]

    class Back(Message):
        """The reader is done with this event: back to the timeline."""

    class Step(Message):
        """Show the event `by` rows further down the timeline (up when negative)."""

        def __init__(self, by: int) -> None:
            super().__init__()
            self.by = by

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.event_id: str | None = None
        self.shown: EventDetail | None = None  # the event on show, for copying and its source
        self.marks: tuple[str, ...] = ()  # the search words standing out in it

    def action_step(self, by: int) -> None:
        if self.is_maximized:
            self.post_message(self.Step(by))
        elif by > 0:
            self.scroll_down()
        else:
            self.scroll_up()

    def compose(self) -> ComposeResult:
        yield Static(Text("No event selected.", style="dim"), id="detail-body")

    def action_back(self) -> None:
        if self.is_maximized:
            self.screen.minimize()  # the app puts focus back on the timeline
        else:
            self.post_message(self.Back())

    def show_event(self, detail: EventDetail, reference: Reference, marks: Sequence[str] = ()) -> None:
        """Show `detail`, the words of the search (`marks`) standing out."""
        self.shown, self.marks = detail, tuple(marks)
        self._show(detail.row.id, render_detail.detail(detail, reference.by_slug,
                                                reference.front_name(detail.row.front), marks))

    def mark(self, marks: Sequence[str], reference: Reference) -> None:
        """Make another search's words stand out in the event on show."""
        if self.shown is not None and tuple(marks) != self.marks:
            self.show_event(self.shown, reference, marks)

    def show_pending(self, row: EventRow, reference: Reference) -> None:
        """The timeline's row of the event the cursor is now on, until the whole event is read."""
        self.shown = None
        self._show(None, render_detail.pending(row, reference.by_slug, reference.front_name(row.front)))

    def show_note(self, note: str) -> None:
        """A word in place of an event (no event under the filter, an event gone from the store)."""
        self.shown = None
        self._show(None, Text(note, style="dim"))

    def _show(self, event_id: str | None, body: RenderableType) -> None:
        self.event_id = event_id
        self.query_one("#detail-body", Static).update(body)
        self.scroll_home(animate=False)
