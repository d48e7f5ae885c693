"""The Store: a small, exact query API over one sitroom SQLite file, a façade over the rooms beside it.

connection.py opens the file and holds its two lines (pages and reference data; counts); planner.py and
plan.py compile each EventFilter once into parameterised SQL; pages.py reads the timeline a page at a
time (keyset pagination on (date, id), newest first), counts.py counts, estimates.py estimates, detail.py
and control.py answer for one event and one place; intake.py brings files and reports in, reviewing.py
reviews reports (Store takes their methods). Every method here only delegates.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..files.exporting import export as _export
from ..filters import EventFilter
from ..fronts import FrontError, Reassigned, add_front, box, divisions, polygon, reassign, remove_front
from ..happenings import Linked, Window, join, link_queued, read_window, relink, split
from ..models import (
    Bloc,
    Cursor,
    EventDetail,
    EventRow,
    Facets,
    Faction,
    Front,
    FrontCount,
    Page,
    Place,
    Source,
)
from . import control, detail, editing, estimates
from .areas import AreaEvents, area_events
from .catalogue import Catalogue
from .connection import StoreError, Tracer, create_store, open_lines
from .counts import Counts, Ranked
from .intake import Intake
from .memo import Memo
from .pages import Pages
from .plan import Vocabulary
from .planner import Planner
from .reviewing import Reviewing


class Store(Intake, Reviewing):
    """An open sitroom store, safe to call from worker threads.

    Two connections (WAL lets them read side by side): one for pages, events and reference data, one
    for counts and facets. Counts over a large store can take a while; interrupt_counts() abandons the
    running one so the next key press never waits behind an answer nobody wants any more.

    `tracer`, when given (or set later), is called with (sql, parameters) before every statement the
    store runs, on either connection; `count_tracer` replaces it on the counts connection alone.
    """

    def __init__(self, path: str | os.PathLike[str], *, tracer: Tracer | None = None) -> None:
        self.path = Path(path)
        self._main, self._counts, self.db, self.read_only = open_lines(self.path)
        self.tracer = tracer
        memo = Memo()
        self._catalogue = Catalogue(self._main)
        self._planner = Planner(self._main, self._catalogue, memo)
        self._count = Counts(self._counts, memo)
        self._pages = Pages(self._main, self._planner)
        self._memo = memo

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Store:
        """Open the store at `path`; with create=True, make it from the bundled data if missing."""
        path = Path(path)
        if create and not path.exists():
            create_store(path)
        return cls(path)

    def close(self) -> None:
        self._main.close()
        self._counts.close()

    @property
    def tracer(self) -> Tracer | None:
        return self._main.conn.tracer

    @tracer.setter
    def tracer(self, fn: Tracer | None) -> None:
        self._main.conn.tracer = self._counts.conn.tracer = fn

    @property
    def count_tracer(self) -> Tracer | None:
        return self._counts.conn.tracer

    @count_tracer.setter
    def count_tracer(self, fn: Tracer | None) -> None:
        self._counts.conn.tracer = fn

    def data_version(self) -> int:
        """A number that changes when another connection (an import in another process) has
        committed to the store since this one last looked (SQLite's PRAGMA data_version)."""
        return self._main.rows("PRAGMA data_version")[0][0]

    def interrupt_counts(self) -> None:
        """Abandon the count or facet query running now, if any (it raises Interrupted)."""
        self._counts.conn.interrupt()

    @property
    def vocabulary(self) -> Vocabulary:
        return self._planner.vocabulary

    def refresh(self) -> None:
        """Forget cached reference data and store measures, after an import changed the store."""
        self._planner.forget()

    def _text_mode(self, text: str) -> str:
        return self._planner.text_mode(text)

    # -- reference data -------------------------------------------------------------------------

    def blocs(self) -> list[Bloc]:
        return self._catalogue.blocs()

    def fronts(self) -> list[Front]:
        return self._catalogue.fronts()

    def front_totals(self) -> dict[str, int]:
        """Events per front under no filter (fronts with none left out)."""
        return self._catalogue.front_totals()

    def factions(self) -> list[Faction]:
        """Every faction, by bloc, each parent followed by its units."""
        return self._catalogue.factions()

    def blocs_in(self, fronts: Sequence[str]) -> dict[str, str]:
        """Each faction's bloc in the war of the country `fronts` are of, where it is another there."""
        return self._catalogue.blocs_in(fronts)

    def places(self) -> list[Place]:
        return self._catalogue.places()

    def sources(self, ids: Sequence[str]) -> list[Source]:
        """The sources with these ids (the filter names sources by id)."""
        return self._catalogue.sources(ids)

    def event_types(self) -> list[str]:
        return self._catalogue.event_types()

    def date_span(self) -> tuple[str, str] | None:
        """The first and last event dates in the store, or None when it holds no events."""
        return self._catalogue.date_span()

    # -- events under a filter ------------------------------------------------------------------

    def count(self, f: EventFilter = EventFilter()) -> int:
        return sum(self._count.grouped(self._planner.compile(f), "certainty").values())

    def front_counts(self, f: EventFilter = EventFilter()) -> list[FrontCount]:
        """Every front with how many of its events pass `f` (fronts with none included)."""
        counts = self._count.grouped(self._planner.compile(f), "front")
        return [FrontCount(front, counts.get(front.slug, 0)) for front in self.fronts()]

    def facets(self, f: EventFilter = EventFilter(), *, factions: bool = False) -> Facets:
        """Counts of the events passing `f` by front, type and certainty, a histogram stacked by
        side, and (factions=True, for the filter picker) each faction's events in the same view,
        ignoring the faction part of `f`, so the picker can say what choosing a faction would show."""
        return self._count.facets(self._planner.compile(f), factions=factions)

    BREAKDOWNS = ("faction", "type", "certainty", "front", "month")

    def breakdown(self, f: EventFilter, by: str) -> dict[str, int]:
        """How many of the events passing `f` fall under each faction (with its units; an event
        counts under each of its factions), event type, certainty, front or month (its date's,
        whatever its precision): the statistics sheet's counts."""
        if by not in self.BREAKDOWNS:
            raise ValueError(f"cannot break events down by {by!r}")
        c = self._planner.compile(f)
        if by == "faction":
            return self._count.factions_within(c) if f.factions else self._count.factions(c)
        return self._count.grouped(c, by)

    def ranked(self, f: EventFilter, by: str, *, limit: int = 10, like: str = "") -> list[Ranked]:
        """The `limit` places (by="place") or sources (by="source") with the most events passing `f`,
        ignoring f's own places (or sources), so the picker can say what choosing one would show;
        with `like`, only those whose name holds it. The ones `f` chooses always follow."""
        if by not in ("place", "source"):
            raise ValueError(f"cannot rank events by {by!r}")
        chosen = f.places if by == "place" else f.sources
        c = self._planner.compile(f.but(**{f"{by}s": ()}))
        return self._count.ranked(c, by, limit, like.strip(), keep=chosen)

    def ranked_estimate(self, f: EventFilter, by: str, *, limit: int = 10) -> list[Ranked] | None:
        """ranked(), estimated from the fixed sample (Ranked.estimated), for a large store under a
        filter, where the exact ranking reads every event the filter passes; None when it is quick."""
        rest = f.but(**{f"{by}s": ()})
        drawn = estimates.sample(self._count, self._memo) if self._count.large() else None
        if drawn is None or rest == EventFilter() or by not in ("place", "source"):
            return None
        _, below, scale = drawn
        c = self._planner.compile(rest, sample_below=below)
        return self._count.ranked(c, by, limit, scale=scale)

    def estimate(self, f: EventFilter) -> tuple[list[FrontCount], Facets] | None:
        """Front counts (ignoring the fronts of `f`) and facets estimated from a fixed random sample of
        events, for the filters whose exact counts take long on a large store: a
        search matching much of it, several factions at once. None when exact counts are quick.
        Estimates are marked (Facets.sample) and meant to be replaced by the exact figures."""
        return estimates.estimate(f, self._planner, self._count, self._memo, self.fronts)

    def page(self, f: EventFilter = EventFilter(), after: Cursor | None = None,
             limit: int = 100) -> Page:
        """Up to `limit` events passing `f`, newest first, starting after `after`."""
        return self._pages.page(f, after, limit)

    def iter_events(self, f: EventFilter = EventFilter(), page_size: int = 500) -> Iterator[EventRow]:
        """Every event passing `f`, newest first, read a page at a time."""
        return self._pages.iter_events(f, page_size)

    def records(self, f: EventFilter = EventFilter(), page_size: int = 1000) -> Iterator[dict[str, Any]]:
        """Every event passing `f` as a self-describing record (sitroom's JSON Lines shape, with the
        names of its front, place, source and factions), newest first, a page at a time."""
        return self._pages.records(f, page_size)

    # -- fronts ----------------------------------------------------------------------------------

    def define_front(self, name: str, *, admin1: str | None = None, bbox: str | None = None,
                     geojson: str | os.PathLike[str] | None = None,
                     description: str | None = None) -> tuple[str, Reassigned]:
        """Define a front by first-level divisions ("Idlib,Hama"), a box ("W,S,E,N") or a polygon
        (a GeoJSON file), exactly one of them, and move the events it covers onto it, in one
        transaction. Returns its slug and what moved. FrontError says what is wrong with the input."""
        given = [g for g in (admin1, bbox, geojson) if g is not None]
        if len(given) != 1:
            raise FrontError("define a front by exactly one of --admin1, --bbox or --geojson")
        self._check_writable()
        definition = (divisions(admin1.split(",")) if admin1 is not None
                      else box(bbox) if bbox is not None else polygon(Path(geojson)))  # type: ignore[arg-type]
        with self._main.lock:
            done = add_front(self._main.conn, name, definition, description)
        self.refresh()
        return done

    def remove_front(self, slug: str) -> tuple[str, Reassigned]:
        """Remove a user's or a bundled front; its events go where the rules now put them."""
        self._check_writable()
        with self._main.lock:
            done = remove_front(self._main.conn, slug)
        self.refresh()
        return done

    def reassign_fronts(self) -> Reassigned:
        """Put every event on its front by the rules (db/fronts/assign.py), in one transaction."""
        self._check_writable()
        with self._main.lock, self._main.conn:
            done = reassign(self._main.conn)
        self.refresh()
        return done

    def set_faction(self, slug: str, *, bloc: str | None = None, parent: str | None = None,
                    no_parent: bool = False, short: str | None = None, name: str | None = None,
                    country: str | None = None) -> Faction:
        """Change a faction's bloc (everywhere, or in one `country`'s war), parent, short label or name
        (EditError says why not); the counts that depend on bloc and parent are rebuilt in the same
        transaction."""
        self._check_writable()
        with self._main.lock:
            faction = editing.set_faction(self._main.conn, slug, bloc=bloc, parent=parent,
                                          no_parent=no_parent, short=short, name=name, country=country)
        self.refresh()
        return faction

    # -- happenings: one thing that happened, as every source reports it (db/happenings/) ---------

    def link_window(self) -> Window:
        """How near events of different sources must be to be linked as one happening."""
        with self._main.lock:
            return read_window(self._main.conn)

    def relink(self, window: Window | None = None) -> Linked:
        """Link the whole store again (under `window`, which is kept; else the store's), in one
        transaction; links set by hand stay."""
        return self._edit_links(lambda conn: relink(conn, window or read_window(conn)))

    def split_event(self, event_id: str) -> str:
        """Take an event out of its happening for good (HappeningError says why not); returns the lead
        of the happening it left."""
        return self._edit_links(split, event_id)

    def join_events(self, event_id: str, other_id: str) -> str:
        """Make two events' happenings one (HappeningError says why not); returns its lead."""
        return self._edit_links(join, event_id, other_id)

    def _edit_links(self, edit: Any, *ids: str) -> Any:
        self._check_writable()
        with self._main.lock, self._main.conn:
            done = edit(self._main.conn, *ids)
        self.refresh()
        return done

    def _link(self) -> int:
        """Link what was just written to the happenings other sources report; how many events joined."""
        with self._main.conn:
            return link_queued(self._main.conn).linked

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} is read-only (it or its folder cannot be written)")

    def export(self, f: EventFilter, fmt: str, out: TextIO) -> int:
        """Write the events passing `f` to `out` as csv, jsonl, geojson or markdown; returns how many."""
        return _export(self, f, fmt, out)

    # -- control and one event --------------------------------------------------------------------

    def control_history(self, place: str) -> list[control.Handover]:
        """Every confirmed capture of a place, oldest first."""
        return control.history(self._main.rows, place)

    def holder(self, place: str, date: str) -> control.Holding:
        """Who held a place on a date, as far as the store's captures say."""
        return control.holder(self._main.rows, place, date)

    def holdings(self, date: str) -> list[control.Held]:
        """Every place the captures speak for on `date`, with the bloc holding it: the map's layer."""
        return control.holdings(self._main.rows, date)

    def changes(self, front: str | None, since: str, until: str) -> list[control.Handover]:
        """What changed hands on a front (or anywhere) between two dates, oldest first."""
        return control.changes(self._main.rows, front, since, until)

    def area_events(self, ids: list[str]) -> list[AreaEvents]:
        """Of the events `ids`, those known only to an area (no point), grouped by that area."""
        return area_events(self._main, ids)

    def event(self, event_id: str, same_place_limit: int = 20) -> EventDetail | None:
        """The whole of one event: its factions, place, source and the other events at its place."""
        return detail.event(self._main, event_id, same_place_limit)
