"""Planning a filter: one EventFilter compiled to the SQL shapes the store's queries run.

`where` selects the filter's events from `events e`; the other shapes serve the faster paths: the faction
keys of event_keys (pages in timeline order), the monthly tallies and the part-months they cannot answer.
The table aliases here (e, k, t) are those of the queries in pages.py and counts.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import month_after, month_before, month_end
from ..filters import EventFilter, FilterError
from ..models import CERTAINTIES
from ..rules import crosses_month, period_end
from ..search import fts_query, terms

_DATASET_ID = re.compile(r"[A-Za-z]{0,6}-?\d{3,12}")  # ACLED's SYR142301, UCDP's 9100001

# The tables the compiled clauses are written over, as the queries name them.
ROW_FROM = "events e LEFT JOIN places p ON p.id = e.place"
# CROSS JOIN keeps event_keys outermost, so its (key, date, event) index gives the timeline order.
KEYED_FROM = "event_keys k CROSS JOIN events e ON e.id = k.event LEFT JOIN places p ON p.id = e.place"
KEYED_COUNT_FROM = "event_keys k CROSS JOIN events e ON e.id = k.event"


@dataclass(frozen=True)
class Clause:
    sql: str
    params: tuple[object, ...] = ()


# The events the timeline and the counts show: those leading a happening, each happening once.
LEADS = Clause("e.happening IS NULL")


@dataclass(frozen=True)
class Vocabulary:
    """What a filter may name, read from the store once."""

    fronts: frozenset[str]
    places: frozenset[str]
    types: frozenset[str]
    factions: frozenset[str]
    sources: frozenset[str] = frozenset()


def _join(clauses: Iterable[Clause]) -> tuple[str, tuple[object, ...]]:
    clauses = list(clauses)
    return (" AND ".join(c.sql for c in clauses) or "1",
            tuple(p for c in clauses for p in c.params))


@dataclass(frozen=True)
class Compiled:
    """One filter, compiled. `where` and `params` select its events from `events e`; the rest are
    the same filter in the shapes the store's faster paths need."""

    where: str  # an SQL boolean over the events table aliased `e`; "1" when nothing narrows
    params: tuple[object, ...]
    keys: tuple[str, ...] = ()  # the faction keys: pages walk each in order and merge them
    rest: Clause = Clause("1")  # everything but the factions: for pages driven from event_keys
    key_dates: Clause = Clause("1")  # the date range over `event_keys k`, so such pages start at it
    tally_key: str = ""  # the tallies key ('' for all events) ...
    tally: Clause | None = None  # ... and the rest of the filter over `tallies t`, when they can answer
    edges: tuple[tuple[str, str], ...] = ()  # date ranges in part-months, which tallies cannot answer
    # The events the tallies' whole months count that are not over by the filter's `until` (a week or
    # a range running past it), over `events e`: to take away. `spill` is the whole filter, `spill_rest`
    # all of it bar the factions. None when there is nothing to take away.
    spill: Clause | None = None
    spill_rest: Clause | None = None


def until_clause(until: str) -> Clause:
    """The events over by `until`: dated on or before it and, when dated to a period (a week, a
    month, a year, a range), with the whole period on or before it. `e.date` keeps the date index."""
    return Clause(f"e.date <= ? AND {period_end('e')} <= ?", (until, until))


def spill_clause(since: str | None, until: str) -> Clause | None:
    """The events filed under the whole months tallies count for `since`…`until` (see split_months)
    whose period runs past `until`; the partial index events_spans finds them. None when those months
    are none."""
    first = (since[:7] if since.endswith("-01") else month_after(since[:7])) if since else None
    last = until[:7] if until == month_end(until) else month_before(until[:7])
    if (first and first > last) or last < "0001-01":  # no whole month (before the calendar's first)
        return None
    # Gathered from events_spans first (`+` keeps the date index out of it), so no other index, one
    # that would spare a GROUP BY or bound the dates, is walked instead: spans are few.
    since_sql, since_params = (" AND +s.date >= ?", (first + "-01",)) if first else ("", ())
    return Clause(f"e.rowid IN (SELECT s.rowid FROM events s WHERE {crosses_month('s')} AND "
                  f"{period_end('s')} > ? AND +s.date <= ?{since_sql})",
                  (until, month_end(last), *since_params))


def split_months(since: str | None, until: str | None) -> tuple[Clause, tuple[tuple[str, str], ...]]:
    """A date range as the whole months inside it (a clause over `tallies t`) and the part-months at
    its ends (date ranges to count from the events themselves). Tallies file an event under the month
    it starts in: those of its whole months not over by `until` are spill_clause's."""
    months: list[Clause] = []
    edges: list[tuple[str, str]] = []
    if since:
        first = since[:7] if since.endswith("-01") else month_after(since[:7])
        months.append(Clause("t.month >= ?", (first,)))
        if not since.endswith("-01"):
            edges.append((since, min(month_end(since), until or since[:7] + "-31")))
    if until:
        last = until[:7] if until == month_end(until) else month_before(until[:7])
        months.append(Clause("t.month <= ?", (last,)))
        if until != month_end(until):
            edges.append((max(until[:7] + "-01", since or ""), until))
    return Clause(*_join(months)), tuple(dict.fromkeys(edges))


def _in(column: str, values: Iterable[str]) -> Clause:
    values = list(values)
    return Clause(f"{column} IN ({', '.join('?' * len(values))})", tuple(values))


def _tested(column: str) -> str:
    """An events column as a filter tests it. The type's own index (events_type) lists the store's
    types; `+` keeps it out of the filters, whose pages come from the timeline's index in order (a type
    is a tenth of the store: gathering it and sorting costs more than testing it there)."""
    return f"+e.{column}" if column == "event_type" else f"e.{column}"


def _check(kind: str, values: tuple[str, ...], known: Iterable[str]) -> None:
    unknown = [v for v in values if v not in known]
    if unknown:
        names = sorted(known)
        listed = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
        raise FilterError(f"unknown {kind}: {', '.join(map(repr, unknown))} (known: {listed or 'none'})")


def compile_filter(f: EventFilter, vocab: Vocabulary, text_mode: str = "prefix",
                   sample_below: int | None = None, rare_sources: bool = False,
                   matching_leads: tuple[str, ...] | None = None,
                   months: tuple[str, str] | tuple[()] | None = None) -> Compiled:
    """One WHERE clause and its parameters. Raises FilterError for values the store does not know.

    `text_mode` says how a search is matched, chosen by the store from how many events it matches:
    "prefix" (the last word may be unfinished) and "words" (whole words) gather the matches first;
    "walk" (whole words) tests each event in timeline order, which finds the first page of a search
    that matches a large part of the store at once.

    `months` (first, last), from the tallies (span_of), bounds a page's dates; () says no event is under
    the filter.

    `sample_below` keeps only the events whose rowid is below it, a fair random sample (rowids are
    spread by schema.event_rowid); the text index and the faction keys are then read for those alone.

    `rare_sources`: the sources chosen hold few events, which are gathered first from the source
    index (as a rare search's matches are); a source holding much of the store is tested on each
    event in timeline order instead, which soon fills a page."""
    _check("front", f.fronts, vocab.fronts)
    _check("faction", f.factions, vocab.factions)
    _check("place", f.places, vocab.places)
    _check("source", f.sources, vocab.sources)
    _check("event type", f.types, vocab.types)
    _check("certainty", f.certainty, CERTAINTIES)
    if f.text.strip() and not terms(f.text):
        raise FilterError(f"the search {f.text.strip()!r} has no words to look for")
    if f.since and f.until and f.since > f.until:
        raise FilterError(f"the date range runs backwards: since {f.since} is after until {f.until}")

    columns = [("front", f.fronts), ("place", f.places), ("source", f.sources),
               ("event_type", f.types), ("certainty", f.certainty)]
    # A happening is counted once, as its lead (db/happenings/).
    plain = [LEADS, *([Clause("e.rowid < ?", (sample_below,))] if sample_below else [])]
    plain += [_in(_tested(column), values) for column, values in columns if values and column != "source"]
    if f.sources:
        # A happening is a source's when any of its events is.
        sources = _in("source", f.sources)
        plain.append(Clause(f"e.id IN (SELECT coalesce(happening, id) FROM events WHERE {sources.sql})"
                            if rare_sources else
                            f"(e.{sources.sql} OR EXISTS (SELECT 1 FROM events f WHERE f.happening = e.id "
                            f"AND f.{sources.sql}))", sources.params * (1 if rare_sources else 2)))
    if months is not None:  # see span_of: the first and last month any of the filter's events is in
        plain.append(Clause("e.date BETWEEN ? AND ?", (f"{months[0]}-01", f"{months[1]}-31"))
                     if months else Clause("0"))
    if f.since:
        plain.append(Clause("e.date >= ?", (f.since,)))
    if f.until:
        plain.append(until_clause(f.until))
    match = fts_query(f.text, prefix_last=text_mode == "prefix")
    found: Clause | None = None
    # Another source's account of a happening matches too: its lead is the event found. Where the
    # store holds few such accounts, the leads of those that match come worked out (`matching_leads`);
    # else they are gathered here.
    leads = Clause("e.id IN (SELECT value FROM json_each(?))", (json.dumps(matching_leads),)) if (
        matching_leads) else None
    if match and text_mode == "walk":
        found = Clause("EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? "
                       "AND events_fts.rowid = e.rowid)", (match,))
        if matching_leads is None:
            found = Clause(f"({found.sql} OR EXISTS (SELECT 1 FROM events f WHERE f.happening = e.id AND "
                           "EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? "
                           "AND events_fts.rowid = f.rowid)))", (match, match))
        elif leads:
            found = Clause(f"({found.sql} OR {leads.sql})", (*found.params, *leads.params))
    elif match and sample_below:
        found = Clause("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ? "
                       "AND rowid < ?)", (match, sample_below))
    elif match:
        found = Clause("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", (match,))
        if leads:
            found = Clause(f"({found.sql} OR {leads.sql})", (*found.params, *leads.params))
        elif matching_leads is None:
            found = Clause(f"({found.sql} OR e.id IN (SELECT f.happening FROM events f WHERE f.rowid IN "
                           "(SELECT rowid FROM events_fts WHERE events_fts MATCH ?) "
                           "AND f.happening IS NOT NULL))", (match, match))
    if found and (ident := _DATASET_ID.fullmatch(f.text.strip())):
        # A search for a dataset's event id (SYR142301, 9100001) finds that event too.
        found = Clause(f"({found.sql} OR e.id IN (SELECT coalesce(happening, id) FROM events "
                       "WHERE source_event_id IN (?, ?)))",
                       (*found.params, ident.group(), ident.group().upper()))
    if found:
        plain.append(found)
    # event_keys files each event under its factions and all their parents, so a parent's key
    # already holds its units' events.
    faction = _in("key", f.factions)
    # A sample looks each of its events up; otherwise the faction's events are gathered first.
    keyed = ("EXISTS (SELECT 1 FROM event_keys x WHERE x.event = e.id AND x.{sql})" if sample_below
             else "e.id IN (SELECT event FROM event_keys WHERE {sql})")
    everything = [*plain, Clause(keyed.format(sql=faction.sql), faction.params)] if f.factions else plain
    where, params = _join(everything)

    tally, edges, spill, spill_rest = None, (), None, None
    # The tallies have no place or source: a filter on either is counted from the events.
    if not (f.places or f.sources or match) and len(f.factions) <= 1:
        months, edges = split_months(f.since, f.until)
        tally = Clause(*_join([*(_in(f"t.{c}", v) for c, v in columns if v and c not in ("place", "source")),
                               months]))
        if f.until and (bounds := spill_clause(f.since, f.until)):
            # The filter but its dates, which the bounds replace; a faction is looked up per event.
            others = [_in(_tested(column), values) for column, values in columns if values]
            spill_rest = Clause(*_join([LEADS, bounds, *others]))
            spill = Clause(*_join([spill_rest, Clause(
                "EXISTS (SELECT 1 FROM event_keys x WHERE x.event = e.id AND x.key = ?)", f.factions)]
                if f.factions else [spill_rest]))
    key_dates = [Clause("k.date >= ?", (f.since,))] if f.since else []
    key_dates += [Clause("k.date <= ?", (f.until,))] if f.until else []
    return Compiled(
        where=where, params=params,
        key_dates=Clause(*_join(key_dates)),
        keys=f.factions,
        rest=Clause(*_join(plain)),
        tally_key=f.factions[0] if f.factions else "",
        tally=tally,
        edges=edges,
        spill=spill,
        spill_rest=spill_rest,
    )


def span_of(f: EventFilter) -> Clause | None:
    """The first and last month of the events on `f`'s fronts (of its types and certainty), from the
    tallies: a front's page then reads the timeline's index from its last event on, not through the
    months since (the timeline's index holds the front, but no front leads an index of its own). None
    for the filters the tallies cannot bound this way, or that have an index of their own."""
    if not f.fronts or f.factions or f.places or f.sources or f.text:
        return None
    tested = [_in(f"t.{column}", values) for column, values in
              (("front", f.fronts), ("event_type", f.types), ("certainty", f.certainty)) if values]
    where, params = _join(tested)
    return Clause(f"SELECT min(t.month), max(t.month) FROM tallies t WHERE t.key = '' AND {where} "
                  "AND t.n > 0", params)


def after(date: str, key: str, cursor: tuple[str, str] | None) -> Clause:
    """Keyset pagination, newest first: the rows past `cursor` (date, id) in the order of the columns
    `date` and `key`, or every row when there is no cursor."""
    if cursor is None:
        return Clause("1")
    return Clause(f"({date} < ? OR ({date} = ? AND {key} < ?))", (cursor[0], cursor[0], cursor[1]))
