"""The Store: a small, exact query API over one sitroom SQLite file.

Every query that takes an EventFilter compiles it once (filters.compile_filter) into a parameterised
WHERE clause. The timeline is read a page at a time with keyset pagination on (date, id), newest first,
so no caller ever loads a whole table.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, TextIO

import sqlite_utils

from . import control, schema
from .exporting import export as _export
from .filters import Compiled, EventFilter, Vocabulary, compile_filter
from .importing import ImportReport, Progress
from .importing import import_file as _import_file
from .ingest import IngestReport, ingest_text
from .loader import load_blocs, load_bundled
from .models import (
    ROLES,
    Bloc,
    Cursor,
    EventDetail,
    EventRow,
    Facets,
    Faction,
    Front,
    FrontCount,
    Page,
    Party,
    Place,
    Source,
)
from .search import fts_query


class StoreError(RuntimeError):
    """A store that cannot be opened or created, with a message meant for the user."""


class Interrupted(StoreError):
    """A count was abandoned because interrupt_counts() was called: its answer is no longer wanted."""


_ROW_COLUMNS = """
    e.id, e.date, e.date_precision, e.front, e.place, p.name AS place_name, e.event_type,
    e.certainty, e.summary, e.fatalities,
    (SELECT group_concat(ef.role || ':' || ef.faction, ' ')
       FROM event_factions ef WHERE ef.event = e.id) AS parties
"""
_ROW_FROM = "events e LEFT JOIN places p ON p.id = e.place"
# CROSS JOIN keeps event_keys outermost, so its (key, date, event) index gives the timeline order.
_KEYED_FROM = "event_keys k CROSS JOIN events e ON e.id = k.event LEFT JOIN places p ON p.id = e.place"
_KEYED_COUNT_FROM = "event_keys k CROSS JOIN events e ON e.id = k.event"
# Each dimension counts can be grouped by: (over `tallies t`, over `events e`). {bucket} is the
# histogram's unit over events: the day, or the month where tallies answer the whole months.
_DIMS = {
    "front": ("t.front", "e.front"),
    "type": ("t.event_type", "e.event_type"),
    "certainty": ("t.certainty", "e.certainty"),
    "bucket": ("t.month", "{bucket}"),
    "side": ("t.side", "e.side"),
}
TALLY_FROM = 20_000  # events: from here on counts come from the monthly tallies
BUSY_TIMEOUT = 5.0  # seconds to wait for another process's write to finish
BROAD_SEARCH = 20_000  # matches from which a search's pages are walked in timeline order
SAMPLE_EVENTS = 16_000  # about how many events an estimate reads: 1/2, 1/4 … of the store
_ROLE_ORDER = {role: i for i, role in enumerate(ROLES)}
_RECORD_SELECT = """
SELECT e.id, e.date, e.date_precision, e.front, fr.name AS front_name, e.place, p.name AS place_name,
       p.admin1, p.kind AS place_kind, e.lat, e.lon, e.event_type, e.certainty, e.fatalities, e.summary,
       e.excerpt, e.source, s.title AS source_title, s.publisher AS source_publisher,
       s.published AS source_published, s.url AS source_url, s.kind AS source_kind,
       (SELECT json_group_array(json_object('faction', ef.faction, 'role', ef.role, 'name', fa.name,
                                            'short', fa.short, 'parent', fa.parent, 'bloc', fa.bloc,
                                            'colour', fa.colour))
          FROM event_factions ef JOIN factions fa ON fa.slug = ef.faction
         WHERE ef.event = e.id) AS factions
  FROM events e
  LEFT JOIN places p ON p.id = e.place
  LEFT JOIN fronts fr ON fr.slug = e.front
  LEFT JOIN sources s ON s.id = e.source
"""


def _parties(packed: str | None) -> tuple[Party, ...]:
    parties = []
    for item in (packed or "").split():
        role, _, faction = item.partition(":")
        parties.append(Party(faction, role))
    return tuple(sorted(parties, key=lambda p: (_ROLE_ORDER.get(p.role, 9), p.faction)))


def _event_row(r: sqlite3.Row) -> EventRow:
    return EventRow(
        id=r["id"], date=r["date"], date_precision=r["date_precision"], front=r["front"],
        place=r["place"], place_name=r["place_name"], event_type=r["event_type"],
        certainty=r["certainty"], summary=r["summary"], fatalities=r["fatalities"],
        parties=_parties(r["parties"]),
    )


def _aliases(raw: str | None) -> tuple[str, ...]:
    return tuple(json.loads(raw)) if raw else ()


def _bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """A front's area as stored (JSON [west, south, east, north]); None when missing or malformed."""
    try:
        box = json.loads(raw) if raw else None
        west, south, east, north = (float(v) for v in box)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (west, south, east, north) if west < east and south < north else None


def _place(r: sqlite3.Row | dict[str, Any]) -> Place:
    return Place(
        id=r["id"], name=r["name"], kind=r["kind"], admin1=r["admin1"], front=r["front"],
        lat=r["lat"], lon=r["lon"], precision_km=r["precision_km"], aliases=_aliases(r["aliases"]),
    )


def _faction(r: sqlite3.Row | dict[str, Any]) -> Faction:
    return Faction(
        slug=r["slug"], name=r["name"], short=r["short"], parent=r["parent"], bloc=r["bloc"],
        colour=r["colour"], aliases=_aliases(r["aliases"]),
    )


def create_store(path: Path, *, bundled: bool = True) -> int:
    """Create a store at `path`, holding the bundled data or (bundled=False) only the blocs. Built
    aside and renamed into place, so a crash or a full disk never leaves a half-written store behind.
    Returns how many events it holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sitroom-", suffix=".db", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp)
        schema.create(db)
        count = load_bundled(db) if bundled else load_blocs(db)
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def create_bundled(path: Path) -> int:
    return create_store(path, bundled=True)


class _Line:
    """One connection and the lock that serialises its use across threads."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_TIMEOUT)
        self.conn.row_factory = sqlite3.Row
        self.lock = threading.RLock()

    def rows(self, sql: str, params: Sequence[object]) -> list[sqlite3.Row]:
        with self.lock:
            try:
                return self.conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.OperationalError as err:
                if str(err) == "interrupted":
                    raise Interrupted("interrupted") from None
                raise StoreError(f"the store cannot be read now: {err}") from None
            except sqlite3.DatabaseError as err:
                raise StoreError(f"the store is damaged: {err}") from None


class Store:
    """An open sitroom store, safe to call from worker threads.

    Two connections (WAL lets them read side by side): one for pages, events and reference data, one
    for counts and facets. Counts over a large store can take a while; interrupt_counts() abandons the
    running one so the next key press never waits behind an answer nobody wants any more.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        try:
            self._main = _Line(self.path)
            self.db = sqlite_utils.Database(self._main.conn)
            schema.check(self.db)
            self._check_length()
            if self.db.journal_mode != "wal":
                self.db.enable_wal()
            schema.migrate(self.db)
            self._counts = _Line(self.path)
        except schema.SchemaError as err:
            raise StoreError(f"{self.path}: {err}") from None
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} cannot be opened as a sitroom store: {err}") from None
        self._memo: dict[tuple[object, ...], Any] = {}

    def _check_length(self) -> None:
        """A file shorter than its own header says was cut off (a copy stopped half-way)."""
        if Path(f"{self.path}-wal").exists():
            return  # pages may live in the write-ahead log
        pages = self._main.conn.execute("PRAGMA page_count").fetchone()[0]
        size = self._main.conn.execute("PRAGMA page_size").fetchone()[0]
        if self.path.stat().st_size < pages * size:
            raise StoreError(f"{self.path} is truncated: {self.path.stat().st_size:,} bytes of "
                             f"{pages * size:,}")

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Store:
        """Open the store at `path`; with create=True, make it from the bundled data if missing."""
        path = Path(path)
        if create and not path.exists():
            create_bundled(path)
        return cls(path)

    def close(self) -> None:
        for line in (self._main, self._counts):
            with line.lock:
                line.conn.close()

    def data_version(self) -> int:
        """A number that changes when another connection (an import in another process) has
        committed to the store since this one last looked (SQLite's PRAGMA data_version)."""
        return self._rows("PRAGMA data_version")[0][0]

    def interrupt_counts(self) -> None:
        """Abandon the count or facet query running now, if any (it raises Interrupted)."""
        self._counts.conn.interrupt()

    # -- plumbing -------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        return self._main.rows(sql, params)

    def _count_rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        return self._counts.rows(sql, params)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(
            fronts=frozenset(r[0] for r in self._rows("SELECT slug FROM fronts")),
            places=frozenset(r[0] for r in self._rows("SELECT id FROM places")),
            types=frozenset(self.event_types()),
            factions=frozenset(r[0] for r in self._rows("SELECT slug FROM factions")),
        )

    def refresh(self) -> None:
        """Forget cached reference data and store measures, after an import changed the store."""
        self.__dict__.pop("vocabulary", None)
        self._memo.clear()

    def _remember(self, key: tuple[object, ...], compute: Callable[[], Any]) -> Any:
        """A measure of the store (its size, a search's breadth) asked for once per key press by
        the page, the front counts and the facets alike: measured once, until refresh()."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def _compile(self, f: EventFilter, *, for_page: bool = False) -> Compiled:
        mode = self._text_mode(f.text)
        if mode == "walk" and not for_page:
            mode = "words"  # counting must gather every match anyway; same words, same answer
        return compile_filter(f, self.vocabulary, mode)

    def _matches(self, query: str | None, limit: int) -> int:
        """How many events an FTS query matches, counting no further than `limit` (cheap)."""
        if query is None:
            return 0
        return self._rows("SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? "
                          "LIMIT ?)", (query, limit))[0][0]

    def _text_mode(self, text: str) -> str:
        return self._remember(("text mode", text), lambda: self._measure_text_mode(text))

    def _measure_text_mode(self, text: str) -> str:
        """How a timeline page should match `text`. A search matching a large part of the store is
        walked in timeline order on whole words (gathering a third of a million matches first would
        take a quarter of a second); a rarer one keeps its unfinished last word as a prefix."""
        if not text or self._matches(fts_query(text), BROAD_SEARCH) < BROAD_SEARCH:
            return "prefix"
        # Walk only when the whole words are common too: an unfinished word ("Raqq") stays a prefix,
        # slower on a large store but never an empty screen.
        whole = self._matches(fts_query(text, prefix_last=False), BROAD_SEARCH)
        return "walk" if whole >= BROAD_SEARCH // 2 else "prefix"

    # -- reference data -------------------------------------------------------------------------

    def blocs(self) -> list[Bloc]:
        return [Bloc(r["slug"], r["name"], r["sort"], r["colour"] or "#999999")
                for r in self._rows("SELECT * FROM blocs ORDER BY sort, name")]

    def fronts(self) -> list[Front]:
        return [Front(r["slug"], r["name"], r["description"] or "", r["sort"], _bbox(r["bbox"]))
                for r in self._rows("SELECT * FROM fronts ORDER BY sort, name")]

    def factions(self) -> list[Faction]:
        """Every faction, by bloc, each parent followed by its units."""
        rows = self._rows(
            "SELECT f.* FROM factions f LEFT JOIN blocs b ON b.slug = f.bloc ORDER BY b.sort, f.name"
        )
        factions = [_faction(r) for r in rows]
        units: dict[str | None, list[Faction]] = {}
        for f in factions:
            units.setdefault(f.parent, []).append(f)
        ordered: list[Faction] = []

        def visit(f: Faction) -> None:
            ordered.append(f)
            for unit in units.get(f.slug, ()):
                visit(unit)

        for top in units.get(None, ()):
            visit(top)
        seen = {f.slug for f in ordered}
        return ordered + [f for f in factions if f.slug not in seen]  # parents that are missing

    def places(self) -> list[Place]:
        return [_place(r) for r in self._rows("SELECT * FROM places ORDER BY name")]

    def event_types(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT event_type FROM events ORDER BY 1")]

    # -- events under a filter ------------------------------------------------------------------

    def _size(self) -> int:
        return self._remember(("size",), lambda: self._count_rows(
            "SELECT sum(n) FROM tallies WHERE key = ''")[0][0] or 0)

    def estimate(self, f: EventFilter) -> tuple[list[FrontCount], Facets] | None:
        """Front counts (ignoring the fronts of `f`) and facets estimated from a fixed random sample of
        events, for the filters whose exact counts take long on a large store: a
        search matching much of it, several factions at once. None when exact counts are quick.
        Estimates are marked (Facets.sample) and meant to be replaced by the exact figures."""
        c = self._compile(f)
        if (self._size() < TALLY_FROM or self._use_tallies(c)
                or not (self._text_mode(f.text) == "walk" or len(f.factions) > 1)):
            return None
        share = 2 ** max(1, round(math.log2(self._size() / SAMPLE_EVENTS)))
        below = schema.SAMPLE_SPACE // share
        sampled = self._remember(("sampled", share), lambda: self._count_rows(
            "SELECT count(*) FROM events WHERE rowid < ?", (below,))[0][0])
        if not sampled:
            return None
        scale = self._size() / sampled
        mode = "words" if self._text_mode(f.text) == "walk" else "prefix"
        sc = compile_filter(f.but(fronts=()), self.vocabulary, mode, sample_below=below)
        rows = self._count_rows(
            "SELECT e.front, e.event_type, e.certainty, substr(e.date, 1, 7), e.date_precision = 'day', "
            f"e.side, count(*) FROM events e WHERE {sc.where} GROUP BY 1, 2, 3, 4, 5, 6", sc.params)
        fronts: Counter[str] = Counter()
        summary: Counter[tuple] = Counter()
        histogram: Counter[tuple] = Counter()
        for front, event_type, sure, month, precise, side, n in rows:
            fronts[front] += n
            if not f.fronts or front in f.fronts:
                summary[(front, event_type, sure)] += n
                if precise:
                    histogram[(month, side)] += n
        scaled = lambda counter: Counter({k: round(n * scale) for k, n in counter.items()})  # noqa: E731
        front_counts = [FrontCount(fr, round(fronts.get(fr.slug, 0) * scale)) for fr in self.fronts()]
        facets = self._facets(scaled(summary), scaled(histogram), "month", None, share)
        return front_counts, facets

    def _use_tallies(self, c: Compiled) -> bool:
        """Tallies answer counts on large stores; small ones are counted directly, to the day."""
        if c.tally is None:
            return False
        return self._size() >= TALLY_FROM

    def _cube(self, c: Compiled, dims: Sequence[str], *,
              precise: bool = False) -> tuple[Counter[tuple], str]:
        """Counts of the events passing `c` (only those dated to the day, with precise=True), grouped
        by `dims` (names in _DIMS), and the unit of the "bucket" dimension: a month when the tallies
        answer (their whole months, plus the events of the part-months at the ends of a date range),
        else a day. Grouped in SQL: the few hundred groups a pane shows, never a whole cube."""
        cube: Counter[tuple] = Counter()

        def add(sql: str, params: Sequence[object]) -> None:
            for *key, n in self._count_rows(sql, params):
                cube[tuple(key)] += n

        if not self._use_tallies(c):
            exprs = ", ".join(_DIMS[d][1].replace("{bucket}", "e.date") for d in dims)
            day = " AND e.date_precision = 'day'" if precise else ""
            add(f"SELECT {exprs}, count(*) FROM events e WHERE {c.where}{day} GROUP BY {exprs}", c.params)
            return cube, "day"
        assert c.tally is not None
        exprs = ", ".join(_DIMS[d][0] for d in dims)
        day = " AND t.day_precise = 1" if precise else ""
        add(f"SELECT {exprs}, sum(t.n) FROM tallies t WHERE t.key = ? AND {c.tally.sql}{day} "
            f"GROUP BY {exprs}", (c.tally_key, *c.tally.params))
        exprs = ", ".join(_DIMS[d][1].replace("{bucket}", "substr(e.date, 1, 7)") for d in dims)
        day = " AND e.date_precision = 'day'" if precise else ""
        for source, where, params in self._edge_sources(c):
            add(f"SELECT {exprs}, count(*) FROM {source} WHERE {where}{day} GROUP BY {exprs}", params)
        return +cube, "month"

    def _edge_sources(self, c: Compiled) -> Iterator[tuple[str, str, tuple[object, ...]]]:
        """(FROM, WHERE, params) for the events of each part-month a date range starts or ends in,
        read in date order from the index that serves the filter."""
        for since, until in c.edges:
            if c.tally_key:
                yield (_KEYED_COUNT_FROM, f"k.key = ? AND k.date BETWEEN ? AND ? AND {c.rest.sql}",
                       (c.tally_key, since, until, *c.rest.params))
            else:
                yield ("events e", f"e.date BETWEEN ? AND ? AND {c.where}", (since, until, *c.params))

    def _grouped(self, c: Compiled, dim: str) -> dict[str, int]:
        """Counts of the events passing `c`, by one dimension."""
        cube, _ = self._cube(c, (dim,))
        return {key[0]: n for key, n in cube.items()}

    def count(self, f: EventFilter = EventFilter()) -> int:
        return sum(self._grouped(self._compile(f), "certainty").values())

    def front_counts(self, f: EventFilter = EventFilter()) -> list[FrontCount]:
        """Every front with how many of its events pass `f` (fronts with none included)."""
        counts = self._grouped(self._compile(f), "front")
        return [FrontCount(front, counts.get(front.slug, 0)) for front in self.fronts()]

    def page(self, f: EventFilter = EventFilter(), after: Cursor | None = None,
             limit: int = 100) -> Page:
        """Up to `limit` events passing `f`, newest first, starting after `after`."""
        c = self._compile(f, for_page=True)
        if c.keys:
            # Each faction's key in event_keys is already in timeline order: walk each, merge, and
            # drop the events two of them share. The union's first `limit` are among each one's first.
            found: dict[str, sqlite3.Row] = {}
            for key in c.keys:
                for row in self._page_rows(_KEYED_FROM, f"k.key = ? AND {c.key_dates.sql} AND {c.rest.sql}",
                                           (key, *c.key_dates.params, *c.rest.params),
                                           ("k.date", "k.event"), after, limit):
                    found[row["id"]] = row
            rows = sorted(found.values(), key=lambda r: (r["date"], r["id"]), reverse=True)[:limit + 1]
        else:
            rows = self._page_rows(_ROW_FROM, c.where, c.params, ("e.date", "e.id"), after, limit)
        events = tuple(_event_row(r) for r in rows[:limit])
        more = len(rows) > limit
        return Page(events, events[-1].cursor if more and events else None)

    def _page_rows(self, source: str, where: str, params: tuple[object, ...], order: tuple[str, str],
                   after: Cursor | None, limit: int) -> list[sqlite3.Row]:
        date, key = order
        if after is not None:
            where += f" AND ({date} < ? OR ({date} = ? AND {key} < ?))"
            params += (after.date, after.date, after.id)
        return self._rows(
            f"SELECT {_ROW_COLUMNS} FROM {source} WHERE {where} ORDER BY {date} DESC, {key} DESC LIMIT ?",
            (*params, limit + 1),
        )

    def iter_events(self, f: EventFilter = EventFilter(), page_size: int = 500) -> Iterator[EventRow]:
        """Every event passing `f`, newest first, read a page at a time."""
        after = None
        while True:
            page = self.page(f, after, page_size)
            yield from page.rows
            if page.next is None:
                return
            after = page.next

    def records(self, f: EventFilter = EventFilter(), page_size: int = 1000) -> Iterator[dict[str, Any]]:
        """Every event passing `f` as a self-describing record (sitroom's JSON Lines shape, with the
        names of its front, place, source and factions), newest first, a page at a time."""
        c = self._compile(f)
        where, params = c.where, c.params
        after: tuple[object, ...] = ()
        while True:
            keyset = " AND (e.date < ? OR (e.date = ? AND e.id < ?))" if after else ""
            rows = self._rows(
                f"{_RECORD_SELECT} WHERE {where}{keyset} ORDER BY e.date DESC, e.id DESC LIMIT ?",
                (*params, *after, page_size),
            )
            for r in rows:
                record = dict(r)
                record["factions"] = json.loads(record["factions"] or "[]")
                yield record
            if len(rows) < page_size:
                return
            last = rows[-1]
            after = (last["date"], last["date"], last["id"])

    def facets(self, f: EventFilter = EventFilter(), *, factions: bool = False) -> Facets:
        """Counts of the events passing `f` by front, type and certainty, a histogram stacked by
        side, and (factions=True, for the filter picker) each faction's events in the same view,
        ignoring the faction part of `f`, so the picker can say what choosing a faction would show."""
        c = self._compile(f)
        summary, _ = self._cube(c, ("front", "type", "certainty"))
        histogram, bucket = self._cube(c, ("bucket", "side"), precise=True)
        return self._facets(summary, histogram, bucket, self._faction_counts(c) if factions else None)

    @staticmethod
    def _facets(summary: Counter[tuple], histogram: Counter[tuple], bucket: str,
                factions: dict[str, int] | None, sample: int = 0) -> Facets:
        """Facets from counts by (front, type, certainty) and by (bucket, side) of day-dated events."""
        fronts: Counter[str] = Counter()
        types: Counter[str] = Counter()
        certainty: Counter[str] = Counter()
        for (front, event_type, sure), n in summary.items():
            fronts[front] += n
            types[event_type] += n
            certainty[sure] += n
        buckets: Counter[str] = Counter()
        sides: dict[str, Counter[str]] = {}
        for (when, side), n in histogram.items():
            buckets[when] += n
            sides.setdefault(when, Counter())[side] += n
        total = sum(certainty.values())
        return Facets(
            total=total,
            factions=factions,
            fronts=dict(fronts),
            types=dict(types),
            certainty=dict(certainty),
            buckets=dict(buckets),
            bucket=bucket,
            undated=max(0, total - sum(buckets.values())),
            sides={when: dict(by_side) for when, by_side in sides.items()},
            sample=sample,
        )

    def _faction_counts(self, c: Compiled) -> dict[str, int]:
        """Each faction's events (with its units') among those passing `c` bar its factions."""
        counts: Counter[str] = Counter()
        if self._use_tallies(c):
            assert c.tally is not None
            rows = self._count_rows(
                f"SELECT t.key, sum(t.n) FROM tallies t WHERE t.key != '' AND {c.tally.sql} GROUP BY 1",
                c.tally.params)
            for since, until in c.edges:
                rows += self._count_rows(
                    f"SELECT k.key, count(*) FROM {_KEYED_COUNT_FROM} WHERE k.date BETWEEN ? AND ? "
                    f"AND {c.rest.sql} GROUP BY 1", (since, until, *c.rest.params))
        else:
            rows = self._count_rows(
                f"SELECT k.key, count(*) FROM {_KEYED_COUNT_FROM} WHERE {c.rest.sql} GROUP BY 1",
                c.rest.params)
        for key, n in rows:
            counts[key] += n
        return dict(+counts)

    # -- writing and reading files --------------------------------------------------------------

    def import_file(self, path: str | os.PathLike[str], fmt: str | None = None, *, strict: bool = False,
                    max_km: float | None = None, progress: Progress | None = None) -> ImportReport:
        """Import a file of events (ACLED, UCDP GED, sitroom JSON Lines) in one transaction; see
        db/importing.py for what happens to bad rows. Raises ImportFailed for a file that cannot be
        imported at all."""
        kwargs = {} if max_km is None else {"max_km": max_km}
        with self._main.lock:
            report = _import_file(self._main.conn, Path(path), fmt, strict=strict, progress=progress,
                                  **kwargs)
        self.refresh()
        return report

    def ingest(self, text: str, *, title: str | None = None, date: str | None = None,
               dry_run: bool = False) -> IngestReport:
        """Extract the events a written report states; unless dry_run, store them as one source."""
        with self._main.lock:
            report = ingest_text(self._main.conn, text, title=title, date=date, dry_run=dry_run)
        self.refresh()
        return report

    def export(self, f: EventFilter, fmt: str, out: TextIO) -> int:
        """Write the events passing `f` to `out` as csv, jsonl, geojson or markdown; returns how many."""
        return _export(self, f, fmt, out)

    # -- control --------------------------------------------------------------------------------

    def control_history(self, place: str) -> list[control.Handover]:
        """Every confirmed capture of a place, oldest first."""
        with self._main.lock:
            return control.history(self._main.conn, place)

    def holder(self, place: str, date: str) -> control.Holding:
        """Who held a place on a date, as far as the store's captures say."""
        with self._main.lock:
            return control.holder(self._main.conn, place, date)

    def holdings(self, date: str) -> list[control.Held]:
        """Every place the captures speak for on `date`, with the bloc holding it: the map's layer."""
        with self._main.lock:
            return control.holdings(self._main.conn, date)

    def date_span(self) -> tuple[str, str] | None:
        """The first and last event dates in the store, or None when it holds no events."""
        # Two queries: each of min() and max() alone is one step down the date index.
        first = self._rows("SELECT min(date) FROM events")[0][0]
        last = self._rows("SELECT max(date) FROM events")[0][0]
        return (first, last) if first else None

    def changes(self, front: str | None, since: str, until: str) -> list[control.Handover]:
        """What changed hands on a front (or anywhere) between two dates, oldest first."""
        with self._main.lock:
            return control.changes(self._main.conn, front, since, until)

    # -- one event ------------------------------------------------------------------------------

    def event(self, event_id: str, same_place_limit: int = 20) -> EventDetail | None:
        """The whole of one event: its factions, place, source and the other events at its place."""
        rows = self._rows(
            f"SELECT {_ROW_COLUMNS}, e.excerpt, e.lat, e.lon, e.source FROM {_ROW_FROM} "
            "WHERE e.id = ?",
            [event_id],
        )
        if not rows:
            return None
        r = rows[0]
        row = _event_row(r)
        place_rows = self._rows("SELECT * FROM places WHERE id = ?", [row.place])
        source_rows = self._rows("SELECT * FROM sources WHERE id = ?", [r["source"]])
        factions = {
            fr["slug"]: _faction(fr)
            for fr in self._rows(
                "SELECT f.* FROM factions f WHERE f.slug IN "
                "(SELECT faction FROM event_factions WHERE event = ?)",
                [event_id],
            )
        }
        same_place: tuple[EventRow, ...] = ()
        if row.place:
            same_place = tuple(
                _event_row(o)
                for o in self._rows(
                    f"SELECT {_ROW_COLUMNS} FROM {_ROW_FROM} WHERE e.place = ? AND e.id != ? "
                    "ORDER BY e.date DESC, e.id DESC LIMIT ?",
                    [row.place, event_id, same_place_limit],
                )
            )
        return EventDetail(
            row=row,
            excerpt=r["excerpt"],
            lat=r["lat"],
            lon=r["lon"],
            place=_place(place_rows[0]) if place_rows else None,
            source=Source(**dict(source_rows[0])) if source_rows else None,
            factions=tuple((p, factions[p.faction]) for p in row.parties if p.faction in factions),
            same_place=same_place,
            control=tuple(self.control_history(row.place)) if row.place else (),
        )
