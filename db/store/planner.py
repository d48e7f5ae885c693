"""Choosing how to run a filter: what the store knows (to check it), how a search is matched, and the
compiled plan (plan.py) the pages and counts run."""

from __future__ import annotations

from functools import cached_property

from ..filters import EventFilter
from ..search import fts_query
from . import counts
from .catalogue import Catalogue
from .connection import Line
from .memo import Memo
from .plan import Compiled, Vocabulary, compile_filter, span_of

BROAD_SEARCH = 20_000  # matches from which a search's pages are walked in timeline order
FEW_FOLLOWERS = 5_000  # accounts following a lead, below which a search probes each for its words


class Planner:
    def __init__(self, line: Line, catalogue: Catalogue, memo: Memo) -> None:
        self._rows, self._catalogue, self._memo = line.rows, catalogue, memo

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(
            fronts=frozenset(r[0] for r in self._rows("SELECT slug FROM fronts")),
            places=frozenset(r[0] for r in self._rows("SELECT id FROM places")),
            types=frozenset(self._catalogue.event_types()),
            factions=frozenset(r[0] for r in self._rows("SELECT slug FROM factions")),
            sources=frozenset(r[0] for r in self._rows("SELECT id FROM sources")),
        )

    def forget(self) -> None:
        """After an import: the vocabulary and the measures may have changed."""
        self.__dict__.pop("vocabulary", None)
        self._memo.clear()

    def compile(self, f: EventFilter, *, for_page: bool = False, sample_below: int | None = None) -> Compiled:
        mode = self.text_mode(f.text)
        if mode == "walk" and not for_page:
            mode = "words"  # counting must gather every match anyway; same words, same answer
        rare = bool(f.sources) and self.sources_rare(f.sources)
        leads = self.matching_leads(fts_query(f.text, prefix_last=mode == "prefix")) if f.text else None
        return compile_filter(f, self.vocabulary, mode, sample_below, rare_sources=rare,
                              matching_leads=leads, months=self.months(f) if for_page else None)

    def months(self, f: EventFilter) -> tuple[str, str] | tuple[()] | None:
        """The first and last month of the events a page of `f` can show, from the tallies (plan.span_of),
        once per store measure; () when there are none, None when the tallies do not bound `f`."""
        span = span_of(f)
        if span is None or not self._large():  # a small store's pages are quick unbounded
            return None
        def measure() -> tuple[str, str] | tuple[()]:
            first, last = self._rows(span.sql, span.params)[0]
            return (first, last) if first else ()
        return self._memo.get(("months", f.fronts, f.types, f.certainty), measure)

    def _large(self) -> bool:
        """Whether the store is as large as counts.TALLY_FROM (the same measure as Counts.size)."""
        return self._memo.get(("size",), lambda: self._rows(
            "SELECT sum(n) FROM tallies WHERE key = ''")[0][0] or 0) >= counts.TALLY_FROM

    def matching_leads(self, match: str | None) -> tuple[str, ...] | None:
        """The happenings another source's account of which matches a search, by their leads, where
        the store holds few such accounts (fewer than FEW_FOLLOWERS: each is probed for the words,
        once per store measure); None where they are many (the query gathers them itself)."""
        if match is None:
            return ()
        def few() -> bool:
            return self._rows("SELECT count(*) FROM (SELECT 1 FROM events WHERE happening IS NOT NULL "
                              "LIMIT ?)", (FEW_FOLLOWERS,))[0][0] < FEW_FOLLOWERS
        if not self._memo.get(("followers few",), few):
            return None
        return self._memo.get(("matching leads", match), lambda: tuple(r[0] for r in self._rows(
            "SELECT DISTINCT f.happening FROM events f WHERE f.happening IS NOT NULL AND EXISTS (SELECT 1 "
            "FROM events_fts WHERE events_fts MATCH ? AND events_fts.rowid = f.rowid) ORDER BY 1",
            (match,))))

    def sources_rare(self, sources: tuple[str, ...]) -> bool:
        """Whether these sources hold few events (fewer than BROAD_SEARCH): counted on the source
        index no further than that, once per store measure."""
        def measure() -> bool:
            marks = ", ".join("?" * len(sources))
            return self._rows(f"SELECT count(*) FROM (SELECT 1 FROM events WHERE source IN ({marks}) "
                              "LIMIT ?)", (*sources, BROAD_SEARCH))[0][0] < BROAD_SEARCH
        return self._memo.get(("sources rare", sources), measure)

    def _matches(self, query: str | None, limit: int) -> int:
        """How many events an FTS query matches, counting no further than `limit` (cheap)."""
        if query is None:
            return 0
        return self._rows("SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? "
                          "LIMIT ?)", (query, limit))[0][0]

    def text_mode(self, text: str) -> str:
        return self._memo.get(("text mode", text), lambda: self._measure_text_mode(text))

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
