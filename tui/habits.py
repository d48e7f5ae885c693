"""The keys people bring from VisiData, k9s, lazygit and less: g/G first and last, ctrl+d/ctrl+u
half pages, n/N through the search's matches, j/k from one opened event to the next, y to copy the
event, o to open its source, s for the statistics sheet. A mixin of SitroomApp (app.py), beside
Actions."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.db import EventDetail, month_end
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

from . import loading
from .event_text import as_text, web_address
from .render import date_label
from .screens import StatsChoice, StatsScreen
from .widgets import DetailPane

if TYPE_CHECKING:
    from .app import SitroomApp

    _Base = SitroomApp
else:
    _Base = object

# Browsers that take over the terminal the browser is drawn in: never started from here.
FIELDS = {"faction": "factions", "type": "types", "certainty": "certainty"}  # the sheet's rows → filter
CONSOLE_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m", "links2"})


def _half(widget: Widget) -> int:
    return max(1, widget.scrollable_content_region.height // 2)


class Habits(_Base):
    # -- moving in whatever pane has focus -------------------------------------------------------

    def _move(self, to: str, by: int = 0) -> None:
        """Move in the focused pane: to its "first" or "last" row, or `by` half pages."""
        widget = self.focused
        if isinstance(widget, DataTable):
            if not widget.row_count:
                return
            row = {"first": 0, "last": widget.row_count - 1}.get(to, widget.cursor_row + by * _half(widget))
            widget.move_cursor(row=max(0, min(row, widget.row_count - 1)), scroll=True)
        elif isinstance(widget, OptionList):
            if to == "first":
                widget.action_first()
            elif to == "last":
                widget.action_last()
            elif widget.option_count:
                start = widget.highlighted or 0
                widget.highlighted = max(0, min(start + by * _half(widget), widget.option_count - 1))
        else:
            # The event, the help: scroll the nearest scrollable pane.
            while widget is not None and not (widget.allow_vertical_scroll or widget is self.screen):
                widget = widget.parent if isinstance(widget.parent, Widget) else None
            if widget is None:
                return
            if to == "first":
                widget.scroll_home(animate=False)
            elif to == "last":
                widget.scroll_end(animate=False)
            else:
                widget.scroll_relative(y=by * _half(widget), animate=False)

    def action_first(self) -> None:
        self._move("first")

    def action_last(self) -> None:
        self._move("last")

    def action_half_page(self, by: int) -> None:
        self._move("half", by)

    # -- from one event to the next --------------------------------------------------------------

    def step_event(self, by: int) -> None:
        """Put the timeline's cursor `by` rows further down (older); the detail follows it, opened
        full-screen or not. At the end of what is loaded, the next page is on its way or there is
        no more."""
        table = self.timeline.table
        if not table.row_count:
            self.notify("no events in the timeline", severity="warning")
            return
        row = table.cursor_row + by
        if row < 0:
            self.notify("this is the newest event", severity="information")
        elif row >= table.row_count:
            more = self.timeline.next is not None
            self.notify("more events are loading…" if more else "this is the oldest event",
                        severity="information")
        else:
            table.move_cursor(row=row, scroll=True)

    def on_detail_pane_step(self, event: DetailPane.Step) -> None:
        self.step_event(event.by)

    def action_next_match(self, by: int) -> None:
        """n/N: the next or previous event the search matches. Under a search the timeline holds
        only its matches, newest first, so the next match is the next row."""
        if not self.view.filter.text.strip():
            self.notify("no search to step through: / searches", severity="warning")
            return
        self.step_event(by)

    # -- the event at hand -----------------------------------------------------------------------

    _pending: tuple[str, Callable[[EventDetail], None]] | None = None

    def on_current_event(self, do: Callable[[EventDetail], None]) -> None:
        """Run `do` on the event under the timeline's cursor: now if the detail pane shows it, else
        once its detail has arrived (a key pressed right after j must act on the event j went to)."""
        current, shown = self.timeline.current, self.detail.shown
        if shown is not None and shown.row.id == current:
            do(shown)
        elif current is None:
            self.notify("no event selected", severity="warning")
        else:
            self._pending = (current, do)
            self.show_event(current)

    def event_shown(self, detail: EventDetail) -> None:
        """The detail pane shows `detail` now: run what was waiting for it."""
        if self._pending is not None and self._pending[0] == detail.row.id:
            do, self._pending = self._pending[1], None
            do(detail)

    def action_copy_event(self) -> None:
        self.on_current_event(self._copy)

    def _copy(self, shown: EventDetail) -> None:
        self.copy_to_clipboard(as_text(shown, self.ref.by_slug, self.ref.front_name(shown.row.front)))
        row = shown.row
        self.notify(f"copied the event at {row.place_name or 'no place'}, "
                    f"{date_label(row.date, row.date_precision)}", title="Copied")

    def action_open_source(self) -> None:
        self.on_current_event(self._open_source)

    def _open_source(self, shown: EventDetail) -> None:
        url = shown.source.url if shown.source else None
        address = web_address(url)
        if address is None:
            said = ("this event's source has no web address" if not url
                    else "the source's address is not an http or https web address; not opened")
            self.notify(said, severity="warning")
            return
        self._idle.clear()
        self.run_worker(lambda: self._open(address), name="browser", group="browser", thread=True,
                        exclusive=True, exit_on_error=False)

    def _open(self, url: str) -> None:
        """In a thread worker: a browser can take a while to start."""
        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            browser = None
        if browser is None or getattr(browser, "name", "") in CONSOLE_BROWSERS:
            self.post_message(loading.Notice(f"no web browser to open it in; the address: {url}",
                                             severity="warning"))
            return
        opened = browser.open(url)
        self.post_message(loading.Notice(f"opened {url}" if opened else f"could not open {url}",
                                         title="Source", severity="information" if opened else "warning"))

    # -- the statistics sheet --------------------------------------------------------------------

    def action_stats(self) -> None:
        self.push_screen(StatsScreen(self.view, self.ref), self.stats_chosen)
        self.load_stats()

    def load_stats(self) -> None:
        self._start("stats", self.loader.stats, self.generation, self.view)

    def on_stats_loaded(self, message: loading.StatsLoaded) -> None:
        screen = self.screen
        if isinstance(screen, StatsScreen) and message.view == screen.view:
            screen.update(message.by, message.counts)

    def stats_chosen(self, choice: StatsChoice | None) -> None:
        """Enter on a row of the sheet: the view narrowed to it (x clears, 0 is all fronts)."""
        if choice is None:
            return
        f, by, value = self.view.filter, choice.by, choice.value
        if by == "front":
            self.select_front(value)
            said = self.ref.front_name(value)
        else:
            if by == "month":
                f = f.but(since=max(f.since or "", f"{value}-01"),
                          until=min(f.until or "9999", month_end(value)))
            else:
                f = f.but(**{FIELDS[by]: (value,)})
            self.set_filter(f)
            name = self.ref.by_slug[value].name if by == "faction" and value in self.ref.by_slug else value
            said = f"{by} {name}"
        self.notify(f"showing {said} (x clears the filter, 0 shows all fronts)", title="Filtered")
