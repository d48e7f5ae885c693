"""The store calls behind the browser and the typed messages that carry their answers.

Each call runs in a thread worker (the app starts them, one group per pane: a newer request cancels
the older) and posts one message to the app. No call reads the screen or a widget: everything it needs
comes in as arguments. Answers about a view carry the generation they were asked for, so the app can
drop those the user has moved on from.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sitroom.db import (
    Cursor,
    EventDetail,
    EventFilter,
    Facets,
    FilterError,
    Interrupted,
    Page,
    Ranked,
    Store,
    atlas,
)
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.worker import get_current_worker

from . import render
from .files import replacing
from .map_view import framing, map_view
from .reference import Reference
from .state import ViewState
from .widgets import MapView

MAP_EVENTS = 1000  # the latest events under the filter that the map marks


@dataclass
class ReferenceLoaded(Message):
    reference: Reference
    changed: bool = False  # read again because another process wrote to the store


@dataclass
class ViewAnswer(Message):
    """An answer about one view, asked for in generation `generation`."""

    generation: int
    view: ViewState


@dataclass
class TimelineLoaded(ViewAnswer):
    page: Page


@dataclass
class MoreLoaded(ViewAnswer):
    page: Page


@dataclass
class FilterRefused(ViewAnswer):
    reason: str


@dataclass
class CountsLoaded(ViewAnswer):
    counts: dict[str, int]  # events per front slug
    facets: Facets  # an estimate while facets.sample, else exact


@dataclass
class MapLoaded(ViewAnswer):
    map: MapView


@dataclass
class StatsLoaded(ViewAnswer):
    by: str  # one of Store.BREAKDOWNS
    counts: dict[str, int]


@dataclass
class RankedLoaded(ViewAnswer):
    """The filter picker's places or sources (`by`): the top few by count, narrowed by `like`."""

    by: str
    like: str
    ranked: list[Ranked]


@dataclass
class SourcesNamed(Message):
    titles: dict[str, str]  # source id -> title


@dataclass
class DetailLoaded(Message):
    event_id: str
    detail: EventDetail | None  # None: the event is no longer in the store


@dataclass
class Notice(Message):
    """Something to tell the user in a notification."""

    text: str
    title: str = ""
    severity: SeverityLevel = "information"

T = TypeVar("T")
RECOUNTS = 200  # a count interrupted by mistake is started again this many times at most (seconds apart:
RECOUNT_PAUSE = 0.01  # SQLite's interrupt lasts until the statements running when it came are done)


class Loader:
    """The store calls, each posting its answer through `post` (the app's thread-safe post_message)."""

    def __init__(self, store: Store, post: Callable[[Message], object]) -> None:
        self.store = store
        self.post = post
        self._data_version: int | None = None
        # The last exact front counts, the filter they are under and the store's epoch then: one refresh
        # counts once though two panes ask (the fronts pane and the map), and choosing another front
        # (the same counts) counts none. The epoch moves whenever the store's data may have changed.
        self._counted: tuple[EventFilter, int, dict[str, int]] | None = None
        self._epoch = 0
        self._counting = threading.Lock()

    def reference(self, changed: bool = False) -> None:
        self._epoch += 1  # read again because the data may have changed: so may the counts
        self.post(ReferenceLoaded(Reference.read(self.store), changed))

    def poll(self) -> None:
        """Notice data another process committed (an import while the browser is open)."""
        version = self.store.data_version()
        seen, self._data_version = self._data_version, version
        if seen is not None and version != seen:
            self.store.refresh()
            self.reference(changed=True)

    def front_counts(self, f: EventFilter) -> dict[str, int]:
        """The events per front under `f`, counted once for a filter until the store changes: a second
        asker (the map, while the counts worker counts) waits for the first one's answer."""
        with self._counting:
            epoch = self._epoch
            if self._counted is not None and self._counted[:2] == (f, epoch):
                return self._counted[2]
            counts = {fc.front.slug: fc.count for fc in self.store.front_counts(f)}
            self._counted = (f, epoch, counts)
            return counts

    def _answer(self, message: ViewAnswer) -> None:
        if not get_current_worker().is_cancelled:  # else a newer request has replaced this one
            self.post(message)

    def timeline(self, generation: int, view: ViewState, limit: int) -> None:
        try:
            page = self.store.page(view.timeline_filter(), limit=limit)
        except FilterError as err:
            self._answer(FilterRefused(generation, view, str(err)))
            return
        self._answer(TimelineLoaded(generation, view, page))

    def more(self, generation: int, view: ViewState, after: Cursor, limit: int) -> None:
        self._answer(MoreLoaded(generation, view, self.store.page(view.timeline_filter(), after, limit)))

    def counts(self, generation: int, view: ViewState, factions: bool) -> None:
        """The front counts and facets; per-faction counts (the dearest) only if `factions`.
        SQLite's interrupt, meant for the count this one replaces, can land on this one's first
        statement instead: a count interrupted while still wanted starts again."""
        self._retried(lambda: self._count(generation, view, factions))

    @staticmethod
    def _retried(call: Callable[[], T]) -> T | None:
        """`call()`, started again (RECOUNTS times at most) when SQLite's interrupt, meant for the count
        this one replaces, lands on it; None when newer counts are wanted or the filter is bad (the
        timeline reports that)."""
        for _ in range(RECOUNTS):
            try:
                return call()
            except Interrupted:
                if get_current_worker().is_cancelled:
                    return None  # newer counts are wanted
                # Still wanted: the interrupt was another's. Given up at once, the screen would say
                # "counting…" for good (seen by a user typing a search); started again at once, it can
                # meet the same interrupt.
                time.sleep(RECOUNT_PAUSE)
            except FilterError:
                return None
        return None

    def _count(self, generation: int, view: ViewState, factions: bool) -> None:
        try:
            # Where exact counts take seconds (a search matching much of a large store), a marked
            # estimate from a fixed sample comes first, then the exact figures replace it.
            estimate = self.store.estimate(view.timeline_filter())
            if estimate is not None:
                rough = {fc.front.slug: fc.count for fc in estimate[0]}
                self._answer(CountsLoaded(generation, view, rough, estimate[1]))
            counts = self.front_counts(view.count_filter())
            if get_current_worker().is_cancelled:
                return  # newer counts are wanted
            facets = self.store.facets(view.timeline_filter(), factions=factions)
        except FilterError:
            return  # a bad filter is reported by the timeline
        self._answer(CountsLoaded(generation, view, counts, facets))

    def stats(self, generation: int, view: ViewState) -> None:
        """The statistics sheet's counts, a dimension at a time, each posted as it is counted."""
        # The factions last: among the view's own factions they are the slowest to count.
        for by in sorted(self.store.BREAKDOWNS, key=lambda b: b == "faction"):
            counts = self._retried(lambda by=by: self.store.breakdown(view.timeline_filter(), by))
            if counts is None:
                return
            self._answer(StatsLoaded(generation, view, by, counts))

    def ranked(self, generation: int, view: ViewState, like: str, limit: int) -> None:
        """The places, then the sources, with the most events in the view (ignoring the filter's
        own places and sources), narrowed to the names holding `like`; each posted when counted."""
        f = view.timeline_filter()
        def rank(by: str) -> list[Ranked]:
            # Under a filter on a large store the exact ranking reads every event it passes: an
            # estimate from the sample comes first.
            rough = None if like else self.store.ranked_estimate(f, by, limit=limit)
            if rough is not None:
                self._answer(RankedLoaded(generation, view, by, like, rough))
            return self.store.ranked(f, by, limit=limit, like=like)

        for by in ("place", "source"):
            ranked = self._retried(lambda by=by: rank(by))
            if ranked is None:
                return
            self._answer(RankedLoaded(generation, view, by, like, ranked))

    def source_titles(self, ids: tuple[str, ...]) -> None:
        self.post(SourcesNamed({s.id: s.title for s in self.store.sources(ids)}))

    def map(self, generation: int, view: ViewState, ref: Reference) -> None:
        """The map's layers: the frame (the chosen fronts, else where most of the filter's events
        are), the latest events under the filter inside it (one page, in timeline order) and who held
        each place on the view's day."""
        fronts = view.fronts or ((view.front,) if view.front else ())
        f = view.timeline_filter()
        counts = None if fronts else self._retried(lambda: self.front_counts(f))  # the counts worker's
        frame = framing(atlas(), ref, fronts, counts)
        try:
            events = self.store.page(f.but(fronts=frame.fronts) if frame.fronts else f, limit=MAP_EVENTS).rows
        except FilterError:
            return  # reported by the timeline
        day = view.as_of or ref.last_day
        holdings = self.store.holdings(day) if day else []
        areas = self.store.area_events([row.id for row in events])
        self._answer(MapLoaded(generation, view, map_view(atlas(), ref, frame, day, holdings, events, areas)))

    def detail(self, event_id: str) -> None:
        self.post(DetailLoaded(event_id, self.store.event(event_id)))

    def export(self, view: ViewState, folder: Path) -> None:
        """Write what the timeline shows (front and filter) to a CSV file in `folder`."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"sitroom-{view.front or 'all-fronts'}-{stamp}.csv"
        try:
            with replacing(path) as handle:  # written aside: a failed export leaves no file
                count = self.store.export(view.timeline_filter(), "csv", handle)
        except FilterError as err:
            self.post(Notice(f"nothing exported: {err}", severity="error"))
            return
        except OSError as err:
            self.post(Notice(f"cannot write {path}: {err.strerror or err}", severity="error"))
            return
        self.post(Notice(f"exported {render.plural(count, 'event')} to {path}", title="Export"))
