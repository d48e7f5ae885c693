"""What the keys and the panes' messages do: each changes the app's view, opens a screen or starts a
load. A mixin of SitroomApp (app.py), which holds the bindings, the view and the loads."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sitroom.db import EventFilter, search_words
from textual.timer import Timer
from textual.widgets import OptionList

from . import loading
from .screens import DatePrompt, FilterPicker, HelpScreen
from .screens.date_prompt import LATEST
from .screens.filter_picker import RANKED
from .state import ViewState
from .widgets import DetailPane, FrontsPane, MapView, SearchBox, Timeline

if TYPE_CHECKING:
    from .app import SitroomApp

    _Base = SitroomApp
else:
    _Base = object

SEARCH_DELAY = 0.15  # seconds of quiet typing before a search runs


class Actions(_Base):
    _search_timer: Timer | None = None
    _detail_asked: str | None = None  # the event whose detail is on its way

    # -- changing the view ----------------------------------------------------------------------

    def select_front(self, slug: str | None) -> None:
        self.fronts_pane.select(slug)
        self.view = self.view.but(front=slug, fronts=())

    def set_filter(self, f: EventFilter) -> None:
        self.view = self.view.but(filter=f)

    def only_faction(self, slug: str) -> None:
        self.set_filter(self.view.filter.but(factions=(slug,)))

    def only_place(self, place_id: str) -> None:
        self.view = self.view.but(front=None, fronts=(), filter=self.view.filter.but(places=(place_id,)))
        self.fronts_pane.select(None)

    def set_as_of(self, day: str | None) -> None:
        """Show the situation on `day`; on or after the last event's day that is the latest view."""
        if day is not None and self.ref.last_day is not None and day >= self.ref.last_day:
            day = None
        self.view = self.view.but(as_of=day)

    def show_event(self, event_id: str | None) -> None:
        """The timeline's cursor is on `event_id`: fetch its detail unless it is shown or on its way."""
        if event_id and event_id not in (self.detail.event_id, self._detail_asked):
            self._detail_asked = event_id
            row = self.timeline.rows.get(event_id)
            if row is not None:  # at once, never the last event while this one is read
                self.detail.show_pending(row, self.ref)
            self.load_detail(event_id)

    # -- messages from the panes ----------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.fronts_pane:
            self.view = self.view.but(front=FrontsPane.slug_of(event.option_id))

    def on_timeline_event_highlighted(self, event: Timeline.EventHighlighted) -> None:
        self.show_event(event.event_id)

    def on_timeline_need_more(self, event: Timeline.NeedMore) -> None:
        self.load_more(event.after)

    def on_timeline_event_opened(self, event: Timeline.EventOpened) -> None:
        self.detail.focus()
        # Maximize once focus has landed: a focus change outside a maximized widget restores it.
        self.call_after_refresh(self.screen.maximize, self.detail, False)

    def on_detail_pane_back(self, event: DetailPane.Back) -> None:
        self.timeline.table.focus()

    def on_filter_picker_changed(self, event: FilterPicker.Changed) -> None:
        self.set_filter(event.filter)

    def on_filter_picker_want_ranked(self, event: FilterPicker.WantRanked) -> None:
        running = any(w.group == "ranked" and w.is_running for w in self.workers)
        self.load_ranked(event.like)  # cancels the one running ...
        if running:
            self.store.interrupt_counts()  # ... and this stops its query (the new one retries)

    def load_ranked(self, like: str) -> None:
        self._start("ranked", self.loader.ranked, self.generation, self.view, like, RANKED)

    def on_ranked_loaded(self, message: loading.RankedLoaded) -> None:
        if message.by == "source":
            self.source_titles.update({r.id: r.name for r in message.ranked})
        picker = self.picker  # None after the app has closed (a quit with the picker open)
        if message.generation == self.generation and picker is not None:
            picker.update_ranked(message.by, message.like, message.ranked)

    def on_sources_named(self, message: loading.SourcesNamed) -> None:
        self.source_titles.update(message.titles)
        self.show_filter()

    def on_input_changed(self, event: SearchBox.Changed) -> None:
        if event.input.id != "search":
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        text = event.value
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self._search(text))

    def _search(self, text: str) -> bool:
        """Search for `text`; a text with no word in it is said under the box and changes nothing."""
        box = self.query_one(SearchBox)
        if text.strip() and not search_words(text):
            box.border_subtitle = "no words to search for: the timeline keeps the last search"
            return False
        box.border_subtitle = ""
        self.set_filter(self.view.filter.but(text=text))
        return True

    def on_search_box_done(self, event: SearchBox.Done) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        box = self.query_one(SearchBox)
        if not self._search(box.value if event.keep else ""):
            box.value = self.view.filter.text
            box.border_subtitle = ""
        box.remove_class("open")
        self.timeline.table.focus()

    # -- actions --------------------------------------------------------------------------------

    def action_jump(self, number: int) -> None:
        slugs = self.fronts_pane.slugs
        if number < len(slugs):
            self.select_front(slugs[number])
        else:
            self.notify(f"there is no front {number}", severity="warning")

    def action_fronts(self) -> None:
        """Go to the fronts: at 80 columns, where the pane is hidden, it opens in the event's place
        until a front is entered (enter, esc) or focus moves on."""
        if self.narrow:
            self.screen_stack[0].add_class("fronts-open")
            self.arrange()
        self.fronts_pane.focus()

    def action_tab_fronts(self) -> None:
        self.action_fronts()

    def close_fronts(self) -> None:
        main = self.screen_stack[0]
        if main.has_class("fronts-open"):
            main.remove_class("fronts-open")
            self.arrange()

    def on_fronts_pane_left(self, event: FrontsPane.Left) -> None:
        self.close_fronts()

    def action_factions(self) -> None:
        facets = self.counted.facets if self.counted else None
        self.push_screen(FilterPicker(self.ref.blocs, self.ref.factions, self.ref.types,
                                      self.view.filter, facets))
        if facets is None or facets.factions is None:
            self.load_counts(factions=True)  # the per-faction figures; the timeline stands

    def action_search(self) -> None:
        box = self.query_one(SearchBox)
        box.value = self.view.filter.text
        box.add_class("open")
        box.focus()

    def action_clear_filters(self) -> None:
        """Clear everything the filter bar lists: the filter and the as-of date, which narrows the
        timeline as a date filter does. The front stays (it is chosen in the fronts pane); say so."""
        view = self.view
        cleared = [what for what, on in (("the filter", view.filter != EventFilter()),
                                         (f"the as-of date {view.as_of}", view.as_of)) if on]
        self.query_one(SearchBox).value = ""
        self.view = view.but(filter=EventFilter(), as_of=None)
        said = f"cleared {' and '.join(cleared)}" if cleared else "no filter to clear"
        if view.front is not None:
            said += f"; still on {self.ref.front_name(view.front)} (0: all fronts)"
        self.notify(said, title="Clear")

    def empty_note(self, view: ViewState) -> str:
        """Why the timeline is empty, and the key that helps."""
        filtered = view.filter != EventFilter()
        where = f"on {self.ref.front_name(view.front)} " if view.front else ""
        what = "under this filter " if filtered else ""
        when = f"as of {view.as_of}" if view.as_of else ""
        note = f"No events {where}{what}{when}".rstrip() + "."
        if filtered and view.as_of:
            return f"{note} Press x to clear the filter and the as-of date, t to choose another day."
        if view.as_of:
            return f"{note} Nothing happened by that day: press t to choose a later one, x for the latest."
        if filtered:
            return f"{note} Press x to clear it."
        if view.front:
            return f"{note} Press 0 for all fronts."
        return f"{note} Import some with `sitroom import FILE`."

    def action_toggle_map(self) -> None:
        shown = not self.map.display
        self.map.display = shown
        self.query_one("#side").set_class(shown, "-map")
        self.arrange()
        if shown:
            self.map.show(MapView(None, zoom_label=self.ref.view_name(self.view.front, self.view.fronts),
                                  loaded=False), self.ref)
            self.load_map()
            if self.detail.event_id:
                self.load_detail(self.detail.event_id)  # to mark the selected event

    def action_step_day(self, days: int) -> None:
        if self.ref.span is None:
            return
        first, last = self.ref.span
        if self.view.as_of is None and days > 0:
            self.notify("already showing the latest day; [ steps back", severity="information")
            return
        try:
            day = dt.date.fromisoformat(self.view.as_of or last) + dt.timedelta(days=days)
        except OverflowError:
            self.notify("the calendar ends there", severity="warning")
            return
        self.set_as_of(max(day.isoformat(), first))

    def action_as_of(self) -> None:
        def chosen(day: str | None) -> None:
            if day is not None:
                self.set_as_of(None if day == LATEST else day)

        self.push_screen(DatePrompt(self.view.as_of, self.ref.span), chosen)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_export(self, _binding: str = "") -> None:  # the footer's binding says so (keys.WIDE_ONLY)
        self.export()
