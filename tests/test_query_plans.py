"""Query plans of the SQL the store really runs for each filter the TUI builds.

On a large store (tallies in use) no count reads the events table at all, no timeline page reads it
from end to end, and single-value filters (a front, one faction, a type, a certainty, a place) read
their rows already in timeline order, so a page costs the same at 1,000 events as at 1,000,000.
"""

from __future__ import annotations

import pytest
from sitroom.db import EventFilter, Store

FILTERS = {
    "nothing": EventFilter(),
    "front": EventFilter(fronts=["raqqa"]),
    "faction": EventFilter(factions=["faylaq-al-rahman"]),
    "parent faction": EventFilter(factions=["saa"]),
    "two factions": EventFilter(factions=["sdf", "isis"]),
    "type": EventFilter(types=["capture"]),
    "certainty": EventFilter(certainty=["claimed"]),
    "place": EventFilter(places=["jobar"]),
    "search": EventFilter(text="VBIED"),
    "front and certainty": EventFilter(fronts=["eastern-damascus"], certainty=["claimed"]),
    "front, faction and search": EventFilter(fronts=["raqqa"], factions=["sdf"], text="village"),
    "as of a day": EventFilter(until="2017-06-15"),
    "as of a month's end, one faction": EventFilter(until="2017-05-31", factions=["saa"]),
    "a date range, as of a day": EventFilter(since="2017-04-20", until="2017-06-29"),
}
IN_ORDER = {"nothing", "front", "faction", "parent faction", "two factions", "type", "certainty", "place",
            "as of a day", "as of a month's end, one faction"}


def recorded(store: Store) -> tuple[list, list]:
    """Record (sql, params) of every page query and every count query the store runs."""
    pages: list = []
    counts: list = []
    store.tracer = lambda sql, p: pages.append((sql, p))
    store.count_tracer = lambda sql, p: counts.append((sql, p))
    return pages, counts


def plan(store: Store, sql: str, params) -> list[str]:
    return [row[3] for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", tuple(params))]


def reads_all_events(step: str) -> bool:
    """A step that passes over the whole events table or one of its indexes (not the FTS index)."""
    return step.startswith(("SCAN e ", "SCAN events ")) or step in ("SCAN e", "SCAN events")


@pytest.mark.parametrize("name", FILTERS)
def test_pages_and_counts_under_every_filter(store: Store, name: str, monkeypatch) -> None:
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)  # plan as a large store would
    f = FILTERS[name]
    pages, counts = recorded(store)
    first = store.page(f, limit=2)
    if first.next:
        store.page(f, first.next, limit=2)
    page_queries = [q for q in pages if "ORDER BY" in q[0] and "LIMIT" in q[0]]
    assert page_queries
    store.front_counts(f)
    store.facets(f)
    store.tracer = None  # the plans below are not the store's own queries
    for sql, params in page_queries:
        steps = plan(store, sql, params)
        full = [s for s in steps if reads_all_events(s) and "USING INDEX events_date_id" not in s]
        assert not full, steps
        if name in IN_ORDER:
            assert not [s for s in steps if "TEMP B-TREE" in s], steps
    for sql, params in counts:
        steps = plan(store, sql, params)
        assert not [s for s in steps if reads_all_events(s)], (sql, steps)
        if not (f.text or f.places or len(f.factions) > 1 or f.since or f.until):
            assert "tallies" in sql
    if f.until and not f.text:  # the spans the tallies' months hold that are not over yet
        spills = [plan(store, sql, params) for sql, params in counts if "tallies" not in sql
                  and "BETWEEN" not in sql]
        assert spills and all(any("USING INDEX events_spans" in s for s in steps) for steps in spills), spills


def test_opening_an_event_uses_its_key(store: Store) -> None:
    pages, _ = recorded(store)
    row = store.page(EventFilter(), limit=1).rows[0]
    pages.clear()
    store.event(row.id)
    store.tracer = None
    for sql, params in pages:
        assert not [s for s in plan(store, sql, params) if reads_all_events(s)]
