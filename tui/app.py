"""The situation browser: fronts, timeline and detail, filtered as you look.

The app is the controller. The view (front, filter, as-of day) is a reactive value: changing it saves
it and reloads. Every store call runs in a thread worker (loading.py), one group per pane, a newer
request cancelling the older; each posts a typed message handled here, and answers carrying an older
generation than the view's are dropped. The panes build their own titles and drawings from the values
they are handed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from sitroom.db import Cursor, EventFilter, Interrupted, Store, StoreError, search_words, state_path
from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.reactive import var
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from . import layout, loading, render
from .actions import Actions
from .commands import JumpCommands
from .habits import Habits
from .keys import FOOTER, KEYS, WIDE_ONLY
from .linking import Linking
from .reference import Reference
from .screens import FilterPicker
from .state import StateFile, ViewState
from .widgets import DetailPane, FilterBar, FrontsPane, MapPane, SearchBox, Selected, Timeline, Welcome
from .widgets.timeline import Heading, Histogram

PAGE_SIZE = 100
POLL_EVERY = 1.5  # seconds between looks for another process's writes to the store


class SitroomApp(Actions, Habits, Linking, App[None]):
    CSS_PATH = "sitroom.tcss"
    TITLE = "sitroom"
    COMMANDS = App.COMMANDS | {JumpCommands}
    BINDINGS = KEYS
    view: var[ViewState] = var(ViewState, init=False)
    narrow = False  # under 100 columns: the fronts pane is hidden until F or tab opens it
    # The panes, found once at mount.
    filter_bar: FilterBar
    fronts_pane: FrontsPane
    timeline: Timeline
    map: MapPane
    detail: DetailPane

    def __init__(self, store: Store, state_file: StateFile | None = None) -> None:
        super().__init__()
        self.store = store
        self.state_file = state_file if state_file is not None else StateFile(state_path())
        self.set_reactive(SitroomApp.view, self.state_file.load(store.path))
        self.ref = Reference()
        self.loader = loading.Loader(store, self.post_message)
        self.counted: loading.CountsLoaded | None = None  # the counts on screen
        self.source_titles: dict[str, str] = {}  # of the sources the filter names, as learned
        self.generation = 0  # of the view the panes show; older answers are dropped
        self._idle = asyncio.Event()  # no load under way and every answer handled
        self.store_changed = asyncio.Event()  # set when another process's writes are noticed

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter-bar")
        yield SearchBox(id="search")
        with Horizontal(id="main"):
            yield FrontsPane(id="fronts")
            yield Timeline(id="timeline")
            with Vertical(id="side"):
                yield MapPane(id="map")
                yield DetailPane(id="detail")
        yield Welcome(id="welcome")
        yield Footer()

    def on_mount(self) -> None:
        self.filter_bar, self.fronts_pane, self.timeline, self.map, self.detail = (
            self.query_one(FilterBar), self.query_one(FrontsPane), self.query_one(Timeline),
            self.query_one(MapPane), self.query_one(DetailPane))
        self.fronts_pane.border_title = "Fronts"
        self.detail.border_title = "Event"
        self.map.border_title = "Map"
        self.map.display = False
        self.arrange()
        # Start in the fronts pane, or the timeline where the fronts pane is hidden (80×24): never
        # in a pane that cannot be seen.
        (self.fronts_pane if self.fronts_pane.display else self.timeline.table).focus()
        self.watch(self.screen, "maximized", self._maximized, init=False)
        self.show_filter()
        self._start("reference", self.loader.reference)
        self.set_interval(POLL_EVERY, partial(self._start, "poll", self.loader.poll))

    # Keys that change what the panes show: off while an event is open full-screen, so the event
    # being read never changes under the reader (and the footer shows only what works).
    VIEW_ACTIONS = frozenset({"factions", "search", "clear_filters", "toggle_map", "step_day", "as_of",
                              "jump", "stats", "fronts", "tab_fronts"})
    # These and the keys about the event at hand work on the main screen only, never behind another
    # (the statistics sheet, the help).
    MAIN_ACTIONS = VIEW_ACTIONS | {"next_match", "copy_event", "open_source", "link", "unlink"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in WIDE_ONLY and parameters == (FOOTER,) and self.narrow:
            return False  # out of the footer: the key falls through to the unnamed binding
        if action == "tab_fronts" and not self.narrow:
            return False  # the fronts pane is on show: tab goes to the next pane, as ever
        if action in self.MAIN_ACTIONS and self.screen is not self.screen_stack[0]:
            return False
        return action not in self.VIEW_ACTIONS or self.screen_stack[0].maximized is None

    def _maximized(self, before: object, now: object) -> None:
        self.refresh_bindings()
        if now is None and before is self.detail:
            self.timeline.table.focus()  # back where enter was pressed

    def on_resize(self, event: events.Resize) -> None:
        # The new size comes with the event: self.size may still be the old one (issue 19, item 2).
        if hasattr(self, "map"):
            self.arrange(event.size)

    def arrange(self, size: Size | None = None) -> None:
        """Share the terminal between the panes (layout.py), from its size and whether the map is on;
        the same at a fresh start and after any resize."""
        size = size or self.size
        shown = self.map.display
        a = layout.arrange(size.width, size.height, shown)
        main = self.screen_stack[0]
        for kind in ("narrow", "medium", "wide"):
            main.set_class(a.kind == kind, kind)
        main.set_class(a.short, "short")
        main.set_class(shown, "map-on")
        main.set_class(a.stacked, "stacked")
        if self.narrow != (a.kind == "narrow"):
            self.narrow = a.kind == "narrow"
            heading = self.timeline.heading
            if heading is not None:  # narrow, the title says where the front is in the hidden list
                self.timeline.heading = replace(heading, front=self.view_title(self.view))
        # Narrow, the fronts pane is shown in the event's place only while it is open (F, or tab).
        opened = self.narrow and main.has_class("fronts-open")
        self.fronts_pane.display = a.fronts > 0 or a.stacked or opened
        # Stacked, #main is a grid filled in the panes' order: the fronts pane above the side on the
        # left, the timeline down the right (tab still goes fronts, timeline, event).
        if a.stacked:
            self.query_one("#main").styles.grid_columns = f"{a.side} 1fr"
        self.fronts_pane.styles.width = a.fronts or "100%"
        self.query_one("#side").styles.width = a.side or "100%"
        self.timeline.short = a.short
        # At 80 columns the footer drops the rarest key (on the help screen) to keep the rest whole: the
        # footer asks check_action again.
        self.refresh_bindings()
        footer = self.query_one(Footer)
        footer.compact = a.kind == "narrow"
        if footer.show_command_palette != (a.kind != "narrow"):
            footer.show_command_palette = a.kind != "narrow"  # ctrl+p is on the help screen
            footer.refresh(recompose=True)
        # The main screen's focus, not the top one's: resized under the help or the picker, the hidden
        # pane kept focus and, back on the main screen, Textual moved it to the search box (F typed there).
        if main.focused is self.fronts_pane and not self.fronts_pane.display:
            main.set_focus(self.timeline.table)

    async def settled(self) -> None:
        """Wait until no store call is under way and every answer is on screen (tests, the bench)."""
        await self._idle.wait()

    def _start(self, group: str, job: Callable[..., None], *args: object) -> None:
        """Run a store call in a thread worker; a newer call in the same group cancels the older."""
        self._idle.clear()
        self.run_worker(partial(job, *args), name=group, group=group, thread=True, exclusive=True,
                        exit_on_error=False)

    def watch_view(self, view: ViewState) -> None:
        self.state_file.save(self.store.path, view)
        self.reload()

    def reload(self, keep_rows: bool = False) -> None:
        """Fetch what the screen shows for the current view: the timeline first, then the counts,
        which on a large store take longer and must never hold the timeline back."""
        self.generation += 1
        view = self.view
        # After new data arrives, fetch as many rows as the user has scrolled through, so the cursor
        # stays on the event it was on.
        rows = self.timeline.table.row_count if keep_rows else 0
        self.show_filter()
        self.store.interrupt_counts()
        self._start("timeline", self.loader.timeline, self.generation, view, max(PAGE_SIZE, rows))
        picker = self.picker
        self.load_counts(factions=picker is not None)
        if picker is not None:
            self.load_ranked(picker.like)
        if self.map.display:
            self.load_map()

    def view_title(self, view: ViewState) -> str:
        """The timeline's title: the front shown; where the fronts pane is hidden, also its place in
        the list (what 1–9 and F reach), so a jump to a front unseen says where it landed."""
        name = self.ref.view_name(view.front, view.fronts)
        slugs = self.fronts_pane.slugs
        if not self.narrow or view.fronts or view.front not in slugs:
            return name
        if view.front is None:
            return f"{name} · {render.plural(len(slugs) - 1, 'front')} (F: list)"
        return f"{name} · front {slugs.index(view.front)} of {len(slugs) - 1} (F: list)"

    @property
    def picker(self) -> FilterPicker | None:
        """The filter picker when it is open. An answer can arrive after the app has closed, when
        there is no screen at all: reading self.screen then raises."""
        top = self.screen_stack[-1] if self.screen_stack else None
        return top if isinstance(top, FilterPicker) else None

    def show_filter(self) -> None:
        """The filter in words; the titles of the sources it names are asked for when unknown."""
        view = self.view
        self.filter_bar.show(view.filter, view.as_of, self.ref, self.source_titles)
        unknown = tuple(s for s in view.filter.sources if s not in self.source_titles)
        if unknown:
            self._start("names", self.loader.source_titles, unknown)

    def load_counts(self, factions: bool) -> None:
        self._start("counts", self.loader.counts, self.generation, self.view, factions)

    def load_map(self) -> None:
        self._start("map", self.loader.map, self.generation, self.view, self.ref)

    def load_more(self, after: Cursor) -> None:
        self._start("more", self.loader.more, self.generation, self.view, after, PAGE_SIZE)

    def load_detail(self, event_id: str) -> None:
        self._start("detail", self.loader.detail, event_id)

    def export(self) -> None:
        self._start("export", self.loader.export, self.view, Path.cwd())

    # -- answers --------------------------------------------------------------------------------

    @on(loading.ReferenceLoaded)
    def _reference_loaded(self, message: loading.ReferenceLoaded) -> None:
        self.ref = message.reference
        if message.changed:
            self.counted = None  # the store's data changed: so may its counts
        empty = self.ref.span is None  # a store with no events: say how to bring some in
        welcome = self.query_one(Welcome)
        if empty:
            welcome.show_for(self.store.path)
        welcome.display = empty
        self.query_one("#main").display = not empty
        gone = [f for f in self.view.fronts if self.ref.front(f) is None]
        if (self.ref.front(self.view.front) is None and self.view.front is not None) or gone:
            # a front that is gone (removed, or its events moved): all fronts (reloads)
            front = self.view.front if self.ref.front(self.view.front) else None
            self.view = self.view.but(front=front, fronts=tuple(f for f in self.view.fronts if f not in gone))
        else:
            self.reload(keep_rows=True)
        if message.changed:
            self.store_changed.set()

    @on(FrontsPane.Toggled)
    def _front_toggled(self, message: FrontsPane.Toggled) -> None:
        self.view = self.view.toggled(message.slug)

    @on(FrontsPane.Entered)
    def _front_entered(self) -> None:
        self.timeline.table.focus()

    @on(loading.FilterRefused)
    def _filter_refused(self, message: loading.FilterRefused) -> None:
        if message.generation == self.generation:
            self.notify(f"{message.reason}; the filter was cleared", severity="error")
            self.view = self.view.but(filter=EventFilter())

    @on(loading.TimelineLoaded)
    def _timeline_loaded(self, message: loading.TimelineLoaded) -> None:
        if message.generation != self.generation:
            return  # the user has moved on
        view = message.view
        if self.counted is None or self.counted.generation != self.generation:
            # Counting, until the counts worker answers; when it answered first, its counts stay. The
            # counts of the same filter (only the front changed) stay too: they are the same.
            kept = self.counted if self.counted and self.counted.view.count_filter() == view.count_filter() \
                else None
            self.fronts_pane.show(self.ref.fronts, kept.counts if kept else None, view.front,
                                  approximate=bool(kept and kept.facets.sample), totals=self.ref.totals,
                                  chosen=view.fronts)
            self.timeline.heading = Heading(self.view_title(view), view.as_of)
            # The bars on screen are another view's: never shown under this one's title.
            self.timeline.histogram = Histogram.pending(tuple(self.ref.blocs))
        current = self.timeline.show(message.page, self.ref.by_slug, keep=self.timeline.current)
        if current is None:
            self._detail_asked = None
            self.detail.show_note(self.empty_note(view))
            self.map.select(None)  # no event is selected: the map marks none
        self.show_event(current)
        self.detail.mark(search_words(view.filter.text), self.ref)

    @on(loading.MoreLoaded)
    def _more_loaded(self, message: loading.MoreLoaded) -> None:
        if message.generation == self.generation:
            self.timeline.extend(message.page, self.ref.by_slug)

    @on(loading.CountsLoaded)
    def _counts_loaded(self, message: loading.CountsLoaded) -> None:
        if message.generation != self.generation:
            return
        self.counted = message
        view, facets = message.view, message.facets
        self.fronts_pane.show(self.ref.fronts, message.counts, view.front, approximate=bool(facets.sample),
                              totals=self.ref.totals, chosen=view.fronts)
        self.timeline.heading = Heading(self.view_title(view), view.as_of, facets.total,
                                        estimated=bool(facets.sample))
        self.timeline.histogram = Histogram.of(facets, tuple(self.ref.blocs))
        self.map.count(facets.total)
        if self.picker is not None:
            self.picker.update_facets(facets)

    @on(loading.MapLoaded)
    def _map_loaded(self, message: loading.MapLoaded) -> None:
        if message.generation != self.generation:
            return
        view = message.map
        if view.total is None and self.counted is not None and self.counted.generation == self.generation:
            view = replace(view, total=self.counted.facets.total)  # the map counted none of its own
        self.map.show(view, self.ref)

    @on(loading.DetailLoaded)
    def _detail_loaded(self, message: loading.DetailLoaded) -> None:
        if message.event_id == self._detail_asked:
            self._detail_asked = None
        if self.timeline.current != message.event_id:
            return
        if message.detail is None:
            self.detail.show_note("This event is no longer in the store.")
            return
        self.detail.show_event(message.detail, self.ref, search_words(self.view.filter.text))
        self.map.select(Selected.of(message.detail))
        self.event_shown(message.detail)

    @on(loading.Notice)
    def _notice(self, message: loading.Notice) -> None:
        self.notify(message.text, title=message.title, severity=message.severity)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A store call that failed (a damaged or vanished store, a lock held too long) is said, in
        words, and the browser goes on; it never ends in a traceback."""
        if event.state == WorkerState.ERROR and not isinstance(event.worker.error, Interrupted):
            error = event.worker.error
            message = str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
            self.notify(message, title="sitroom", severity="error", timeout=10)
            self._detail_asked = None  # let the next highlight ask again
        # A worker posts its answer before it ends, so by now that answer has been handled.
        if all(w.is_finished for w in self.workers if w.node is self):
            self._idle.set()
