"""The situation browser: fronts, timeline and detail, filtered as you look.

Every store call runs in a thread worker, so no key press waits on SQLite. A generation counter drops
answers to questions the user has already moved on from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.text import Text
from sitroom.db import (
    Bloc,
    EventDetail,
    EventFilter,
    Facets,
    Faction,
    FilterError,
    Front,
    Interrupted,
    Page,
    Place,
    Store,
    StoreError,
    state_path,
)
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, OptionList
from textual.worker import Worker, WorkerState

from . import render
from .commands import JumpCommands
from .screens import DatePrompt, FilterPicker, HelpScreen
from .screens.date_prompt import LATEST
from .state import StateFile, ViewState
from .widgets import DetailPane, FilterBar, FrontsPane, MapPane, MapView, SearchBox, Selected, Timeline

PAGE_SIZE = 100
SEARCH_DELAY = 0.15  # seconds of quiet typing before a search runs
POLL_EVERY = 1.5  # seconds between looks for another process's writes to the store
MAP_EVENTS = 1000  # the latest events under the filter that the map marks


@dataclass(frozen=True)
class Reference:
    """The store's small tables, read once at start."""

    blocs: list[Bloc] = field(default_factory=list)
    fronts: list[Front] = field(default_factory=list)
    factions: list[Faction] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    span: tuple[str, str] | None = None  # the first and last event dates

    @property
    def by_slug(self) -> dict[str, Faction]:
        return {f.slug: f for f in self.factions}

    def front_name(self, slug: str | None) -> str:
        return next((f.name for f in self.fronts if f.slug == slug), "All fronts")

    def front(self, slug: str | None) -> Front | None:
        return next((f for f in self.fronts if f.slug == slug), None)

    @property
    def places_by_id(self) -> dict[str, Place]:
        return {p.id: p for p in self.places}


class SitroomApp(App[None]):
    CSS_PATH = "sitroom.tcss"
    TITLE = "sitroom"
    COMMANDS = App.COMMANDS | {JumpCommands}
    BINDINGS = [
        Binding("f", "factions", "Filter"),
        Binding("slash", "search", "Search"),
        Binding("x", "clear_filters", "Clear filters"),
        Binding("e", "export", "Export"),
        Binding("m", "toggle_map", "Map"),
        Binding("left_square_bracket", "step_day(-1)", "Day −"),
        Binding("right_square_bracket", "step_day(1)", "Day +"),
        Binding("t", "as_of", "As of"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        *(Binding(str(n), f"jump({n})", f"Front {n}", show=False) for n in range(10)),
    ]

    def __init__(self, store: Store, state_file: StateFile | None = None) -> None:
        super().__init__()
        self.store = store
        self.state_file = state_file if state_file is not None else StateFile(state_path())
        self.view = self.state_file.load(store.path)
        self.ref = Reference()
        self.facets: Facets | None = None
        self._generation = 0
        self._counted = -1  # the generation the facets on screen were counted for
        self._loaded_rows = 0
        self._search_timer: Timer | None = None

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter-bar")
        yield SearchBox(id="search")
        with Horizontal(id="main"):
            yield FrontsPane(id="fronts")
            yield Timeline(id="timeline")
            with Vertical(id="side"):
                yield MapPane(id="map")
                yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#fronts").border_title = "Fronts"
        self.query_one("#detail").border_title = "Event"
        self.query_one("#map").border_title = "Map"
        self.query_one(MapPane).display = False
        self.query_one(FrontsPane).focus()
        self._show_filter()
        self._load_reference()
        self._data_version: int | None = None
        self.set_interval(POLL_EVERY, self._poll)

    def on_resize(self) -> None:
        # Below 140 columns the fronts pane gives up width so the timeline keeps its certainty column.
        self.screen.set_class(self.size.width < 140, "narrow")

    @property
    def fronts_pane(self) -> FrontsPane:
        return self.query_one(FrontsPane)

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def map(self) -> MapPane:
        return self.query_one(MapPane)

    # -- loading --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _poll(self) -> None:
        """Notice data another process committed (an import while the browser is open)."""
        version = self.store.data_version()
        if self._data_version is None:
            self._data_version = version
        elif version != self._data_version:
            self._data_version = version
            self.store.refresh()
            self.call_from_thread(self._load_reference)

    @work(thread=True, exclusive=True, group="reference", exit_on_error=False)
    def _load_reference(self) -> None:
        s = self.store
        ref = Reference(s.blocs(), s.fronts(), s.factions(), s.places(), s.event_types(), s.date_span())
        self.call_from_thread(self._reference_loaded, ref)

    def _reference_loaded(self, ref: Reference) -> None:
        self.ref = ref
        if self.view.front not in {f.slug for f in ref.fronts}:
            self.view = self.view.but(front=None)
        self.reload(keep_rows=True)

    def reload(self, keep_rows: bool = False) -> None:
        """Fetch what the screen shows for the current view, in workers: the timeline first, then the
        counts, which on a large store take longer and must never hold the timeline back."""
        self._generation += 1
        self._loaded_rows = self.timeline.table.row_count if keep_rows else 0
        self._show_filter()
        self.store.interrupt_counts()
        self._load_timeline(self._generation, self.view)
        self._load_counts(self._generation, self.view)
        if self.map.display:
            self._load_map(self._generation, self.view)

    @work(thread=True, exclusive=True, group="view", exit_on_error=False)
    def _load_timeline(self, generation: int, view: ViewState) -> None:
        try:
            # After new data arrives, fetch as many rows as the user has scrolled through, so the
            # cursor stays on the event it was on.
            page = self.store.page(view.timeline_filter(), limit=max(PAGE_SIZE, self._loaded_rows))
        except FilterError as err:
            self.call_from_thread(self._bad_filter, generation, str(err))
            return
        self.call_from_thread(self._show_timeline, generation, view, page)

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _load_counts(self, generation: int, view: ViewState) -> None:
        picker = isinstance(self.screen, FilterPicker)
        try:
            # Where exact counts take seconds (a search matching much of a large store), a marked
            # estimate from a fixed sample comes first, then the exact figures replace it.
            estimate = self.store.estimate(view.timeline_filter())
            if estimate is not None:
                rough = {fc.front.slug: fc.count for fc in estimate[0]}
                self.call_from_thread(self._show_counts, generation, view, rough, estimate[1])
            counts = {fc.front.slug: fc.count for fc in self.store.front_counts(view.count_filter())}
            if generation != self._generation:
                return
            # Per-faction counts are the dearest; only the filter picker shows them.
            facets = self.store.facets(view.timeline_filter(), factions=picker)
        except (FilterError, Interrupted):
            return  # a bad filter is reported by the timeline; an interrupted count is unwanted
        self.call_from_thread(self._show_counts, generation, view, counts, facets)

    def _bad_filter(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.notify(f"{message}; the filter was cleared", severity="error")
        self.view = self.view.but(filter=EventFilter())
        self.reload()

    def _show_timeline(self, generation: int, view: ViewState, page: Page) -> None:
        if generation != self._generation:
            return  # the user has moved on
        self.fronts_pane.show(self.ref.fronts, None, view.front)
        timeline = self.timeline
        timeline.border_title = self._timeline_title(view, "counting…")
        timeline.show(page, self.ref.by_slug, keep=timeline.current)
        if not page.rows:
            self.detail.show(None, Text("No events under this filter. Press x to clear it.",
                                        style="dim"))

    def _show_counts(self, generation: int, view: ViewState, counts: dict[str, int],
                     facets: Facets) -> None:
        if generation != self._generation:
            return
        self.facets = facets
        self._counted = generation
        self.fronts_pane.show(self.ref.fronts, counts, view.front, approximate=bool(facets.sample))
        timeline = self.timeline
        count = (f"≈{facets.total:,} events, estimated; counting…" if facets.sample
                 else f"{facets.total:,} events")
        timeline.border_title = self._timeline_title(view, count)
        timeline.show_histogram(facets, self.ref.blocs)
        if self.map.display and self.map.view.total is None:
            self.map.show(replace(self.map.view, total=facets.total), *self._map_reference())
        if isinstance(self.screen, FilterPicker):
            self.screen.update_facets(facets)

    def _timeline_title(self, view: ViewState, count: str) -> Text:
        title = Text(f"{self.ref.front_name(view.front)} · {count}")
        if view.as_of:
            title.append(" · as of ")
            title.append(view.as_of, style="bold reverse")
        title.append(" · newest first")
        return title

    @work(thread=True, exclusive=True, group="map", exit_on_error=False)
    def _load_map(self, generation: int, view: ViewState) -> None:
        """The map's layers: the latest events under the filter (one page, in timeline order) and
        who held each place on the view's day."""
        try:
            events = self.store.page(view.timeline_filter(), limit=MAP_EVENTS).rows
        except FilterError:
            return  # reported by the timeline
        day = view.as_of or (self.ref.span[1] if self.ref.span else None)
        holdings = self.store.holdings(day) if day else []
        front = self.ref.front(view.front)
        map_view = MapView(day, holdings, events, None, front.bbox if front else None,
                           front.name if front else "Syria", front.slug if front else None)
        self.call_from_thread(self._show_map, generation, map_view)

    def _map_reference(self) -> tuple:
        return self.ref.places_by_id, self.ref.by_slug, self.ref.blocs

    def _show_map(self, generation: int, view: MapView) -> None:
        if generation != self._generation:
            return
        if self.facets is not None and self._counted == generation:
            view = replace(view, total=self.facets.total)
        self.map.show(view, *self._map_reference())

    @work(thread=True, exclusive=True, group="more", exit_on_error=False)
    def _load_more(self, generation: int, view: ViewState, after) -> None:
        page = self.store.page(view.timeline_filter(), after, PAGE_SIZE)
        self.call_from_thread(self._show_more, generation, page)

    def _show_more(self, generation: int, page: Page) -> None:
        if generation == self._generation:
            self.timeline.extend(page, self.ref.by_slug)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _load_detail(self, event_id: str) -> None:
        self.call_from_thread(self._show_detail, event_id, self.store.event(event_id))

    def _show_detail(self, event_id: str, detail: EventDetail | None) -> None:
        if self.timeline.current != event_id:
            return
        if detail is None:
            self.detail.show(None, Text("This event is no longer in the store.", style="dim"))
            return
        self.detail.show(event_id, render.detail(detail, self.ref.by_slug,
                                                 self.ref.front_name(detail.row.front)))
        lon = detail.lon if detail.lon is not None else detail.place.lon if detail.place else None
        lat = detail.lat if detail.lat is not None else detail.place.lat if detail.place else None
        name = detail.row.place_name or "this event"
        self.map.select(Selected(lon, lat, name) if lon is not None and lat is not None else None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A store call that failed (a damaged or vanished store, a lock held too long) is said, in
        words, and the browser goes on; it never ends in a traceback."""
        if event.state == WorkerState.ERROR and not isinstance(event.worker.error, Interrupted):
            error = event.worker.error
            message = str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
            self.notify(message, title="sitroom", severity="error", timeout=10)

    # -- changing the view ----------------------------------------------------------------------

    def _set_view(self, view: ViewState) -> None:
        if view == self.view:
            return
        self.view = view
        self.state_file.save(self.store.path, view)
        self.reload()

    def select_front(self, slug: str | None) -> None:
        self.fronts_pane.select(slug)
        self._set_view(self.view.but(front=slug))

    def set_filter(self, f: EventFilter) -> None:
        self._set_view(self.view.but(filter=f))

    def only_faction(self, slug: str) -> None:
        self.set_filter(self.view.filter.but(factions=(slug,)))

    def only_place(self, place_id: str) -> None:
        self._set_view(self.view.but(front=None, filter=self.view.filter.but(places=(place_id,))))
        self.fronts_pane.select(None)

    def _show_filter(self) -> None:
        ref = self.ref
        self.query_one(FilterBar).update(render.filter_summary(
            self.view.filter, ref.by_slug, {f.slug: f.name for f in ref.fronts},
            {p.id: p.name for p in ref.places}, self.view.as_of,
        ))

    # -- messages from the panes ----------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.fronts_pane:
            self._set_view(self.view.but(front=FrontsPane.slug_of(event.option_id)))

    def on_timeline_event_highlighted(self, event: Timeline.EventHighlighted) -> None:
        if event.event_id and event.event_id != self.detail.event_id:
            self._load_detail(event.event_id)

    def on_timeline_need_more(self, event: Timeline.NeedMore) -> None:
        self._load_more(self._generation, self.view, event.after)

    def on_timeline_event_opened(self, event: Timeline.EventOpened) -> None:
        self.detail.focus()
        # Maximize once focus has landed: a focus change outside a maximized widget restores it.
        self.call_after_refresh(self.screen.maximize, self.detail, False)

    def on_filter_picker_changed(self, event: FilterPicker.Changed) -> None:
        self.set_filter(event.filter)

    def on_input_changed(self, event: SearchBox.Changed) -> None:
        if event.input.id != "search":
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        text = event.value
        self._search_timer = self.set_timer(
            SEARCH_DELAY, lambda: self.set_filter(self.view.filter.but(text=text))
        )

    def on_search_box_done(self, event: SearchBox.Done) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        box = self.query_one(SearchBox)
        self.set_filter(self.view.filter.but(text=box.value if event.keep else ""))
        box.remove_class("open")
        self.timeline.table.focus()

    # -- actions --------------------------------------------------------------------------------

    def action_jump(self, number: int) -> None:
        slugs = self.fronts_pane.slugs
        if number < len(slugs):
            self.select_front(slugs[number])
        else:
            self.notify(f"there is no front {number}", severity="warning")

    def action_factions(self) -> None:
        self.push_screen(FilterPicker(self.ref.blocs, self.ref.factions, self.ref.types,
                                      self.view.filter, self.facets))
        if self.facets is None or self.facets.factions is None:
            # Once the picker is up, count again with the per-faction figures; the timeline stands.
            self.call_after_refresh(self._load_counts, self._generation, self.view)

    def action_search(self) -> None:
        box = self.query_one(SearchBox)
        box.value = self.view.filter.text
        box.add_class("open")
        box.focus()

    def action_clear_filters(self) -> None:
        self.query_one(SearchBox).value = ""
        self.set_filter(EventFilter())

    def action_toggle_map(self) -> None:
        shown = not self.map.display
        self.map.display = shown
        self.query_one("#side").set_class(shown, "-map")
        if shown:
            self.map.show(MapView(None), *self._map_reference())
            self._load_map(self._generation, self.view)
            if self.detail.event_id:
                self._load_detail(self.detail.event_id)  # to mark the selected event

    def action_step_day(self, days: int) -> None:
        span = self.ref.span
        if span is None:
            return
        first, last = span
        if self.view.as_of is None and days > 0:
            self.notify("already showing the latest day; [ steps back", severity="information")
            return
        day = dt.date.fromisoformat(self.view.as_of or last) + dt.timedelta(days=days)
        self.set_as_of(max(day.isoformat(), first))

    def action_as_of(self) -> None:
        def chosen(day: str | None) -> None:
            if day is not None:
                self.set_as_of(None if day == LATEST else day)

        self.push_screen(DatePrompt(self.view.as_of, self.ref.span), chosen)

    def set_as_of(self, day: str | None) -> None:
        """Show the situation on `day`; on or after the last event's day that is the latest view."""
        span = self.ref.span
        if day is not None and span is not None and day >= span[1]:
            day = None
        self._set_view(self.view.but(as_of=day))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_export(self) -> None:
        self._export(self.view)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, view: ViewState) -> None:
        """Write what the timeline shows (front and filter) to a CSV file in the working directory."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path.cwd() / f"sitroom-{view.front or 'all-fronts'}-{stamp}.csv"
        try:
            with path.open("w", encoding="utf-8", newline="") as handle:
                count = self.store.export(view.timeline_filter(), "csv", handle)
        except OSError as err:
            self.call_from_thread(self.notify, f"cannot write {path}: {err.strerror or err}",
                                  severity="error")
            return
        self.call_from_thread(self.notify, f"exported {count:,} events to {path}", title="Export")
