"""The store calls behind the browser's statistics sheet and the picker's Places and Sources
sections (issue 19): counts broken down five ways, places and sources ranked by count, and the
filter by source."""

from __future__ import annotations

import io

import pytest
from sitroom.db import EventFilter, FilterError, Store

SWR = "swr-2017-06-30"  # the bundled data's one source


def _compiled_source_condition(store: Store, f: EventFilter) -> tuple[str, tuple]:
    sql: list = []
    store.tracer = lambda q, p: sql.append((q, p))
    store.page(f, limit=1)
    store.tracer = None
    return sql[-1]


def test_a_source_filter_is_one_parameterised_condition(store: Store) -> None:
    f = EventFilter(sources=[SWR])
    assert store.count(f) == 24
    query, params = _compiled_source_condition(store, f)
    assert "source IN (?)" in query and query.count("?") == len(params)
    assert SWR in params and SWR not in query


def test_an_unknown_source_is_named(store: Store) -> None:
    with pytest.raises(FilterError, match=r"unknown source: 'nosuch'.*swr-2017-06-30"):
        store.count(EventFilter(sources=["nosuch"]))


def test_sources_are_validated_like_the_other_fields() -> None:
    assert EventFilter.from_dict({"sources": SWR}).sources == (SWR,)
    assert EventFilter(sources=(SWR, SWR)).sources == (SWR,)
    with pytest.raises(FilterError, match="sources must be names"):
        EventFilter.from_dict({"sources": [1]})


def test_a_source_filter_on_a_large_store_is_counted_from_the_events(store: Store, monkeypatch) -> None:
    small = store.facets(EventFilter(sources=[SWR], certainty=["claimed"]))
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)
    large = store.facets(EventFilter(sources=[SWR], certainty=["claimed"]))
    assert small.total == large.total == 2


def test_breakdowns_of_the_whole_store(store: Store) -> None:
    assert store.breakdown(EventFilter(), "certainty") == {"confirmed": 20, "claimed": 2, "rumoured": 2}
    assert store.breakdown(EventFilter(), "front")["east-aleppo-resafa"] == 9
    assert store.breakdown(EventFilter(), "type")["capture"] == 9  # Raqqa and Khanasir are advances
    # The month counts every event, those dated only to the month too.
    assert store.breakdown(EventFilter(), "month") == {"2017-06": 24}
    factions = store.breakdown(EventFilter(), "faction")
    assert factions["saa"] == 16 and factions["tiger-forces"] == 6 and factions["isis"] == 15


def test_the_faction_breakdown_counts_who_else_is_in_the_view(store: Store) -> None:
    """Under a faction filter the breakdown is of the view's events: SAA's enemies are in it."""
    within = store.breakdown(EventFilter(factions=["faylaq-al-rahman"]), "faction")
    assert within == {"faylaq-al-rahman": 2, "saa": 2}


def test_breakdowns_agree_on_a_large_store(store: Store, monkeypatch) -> None:
    f = EventFilter(certainty=["confirmed"], since="2017-06-15")
    exact = {by: store.breakdown(f, by) for by in Store.BREAKDOWNS}
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)
    store.refresh()
    assert {by: store.breakdown(f, by) for by in Store.BREAKDOWNS} == exact


def test_no_breakdown_by_anything_else(store: Store) -> None:
    with pytest.raises(ValueError):
        store.breakdown(EventFilter(), "summary; DROP TABLE events")


def test_places_ranked_by_count(store: Store) -> None:
    top = store.ranked(EventFilter(), "place", limit=3)
    assert [(r.id, r.name, r.count) for r in top[:2]] == [("raqqa", "Raqqa", 2), ("resafa", "Resafa", 2)]
    assert len(top) == 3 and top[2].count == 1


def test_ranking_ignores_the_filters_own_places_and_keeps_the_chosen(store: Store) -> None:
    """Like the factions: the counts say what choosing a place would show; a chosen place is
    listed even when it is not among the top."""
    ranked = store.ranked(EventFilter(places=["jobar"]), "place", limit=2)
    assert [r.id for r in ranked] == ["raqqa", "resafa", "jobar"]
    assert ranked[-1].count == 1


def test_typing_narrows_the_ranking_on_names_and_aliases(store: Store) -> None:
    assert [r.name for r in store.ranked(EventFilter(), "place", like="tarma")] == [
        "Ayn Tarma", "Ayn Tarma Roundabout"]
    assert [r.name for r in store.ranked(EventFilter(), "place", like="meshleb")] == ["Al-Mashlabi"]
    assert [r.id for r in store.ranked(EventFilter(), "source", like="war report")] == [SWR]
    # A typed % or _ is a character, not a wildcard.
    assert store.ranked(EventFilter(), "place", like="%") == []
    assert store.ranked(EventFilter(), "place", like="_") == []


def test_ranking_follows_the_rest_of_the_filter(store: Store) -> None:
    ranked = store.ranked(EventFilter(fronts=["eastern-damascus"], certainty=["claimed"]), "place")
    assert {r.name: r.count for r in ranked} == {"Jobar": 1, "Ayn Tarma": 1}
    assert store.ranked(EventFilter(certainty=["rumoured"]), "source")[0].count == 2


def test_sources_by_id(store: Store) -> None:
    [source] = store.sources([SWR, "nosuch"])
    assert source.id == SWR and source.title.startswith("Syrian War Report")
    assert store.sources([]) == []


def test_a_brief_names_its_source_filter(store: Store) -> None:
    out = io.StringIO()
    store.export(EventFilter(sources=[SWR], certainty=["claimed"]), "markdown", out)
    assert "Filter: sources Syrian War Report – June 30, 2017" in out.getvalue()


def test_a_large_store_estimates_a_filtered_ranking_from_its_sample(store: Store, monkeypatch) -> None:
    assert store.ranked_estimate(EventFilter(certainty=["confirmed"]), "place") is None  # small: exact
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)  # as a large store
    store.refresh()
    assert store.ranked_estimate(EventFilter(), "place") is None  # unfiltered: exact and quick
    assert store.ranked_estimate(EventFilter(places=["jobar"]), "place") is None  # only its own places
    rough = store.ranked_estimate(EventFilter(certainty=["confirmed"]), "source")
    assert rough is not None and [r.id for r in rough] == [SWR] and rough[0].estimated
    assert 10 <= rough[0].count <= 40  # about the 20 confirmed events, scaled up from the sample
    assert not any(r.estimated for r in store.ranked(EventFilter(certainty=["confirmed"]), "source"))


def test_a_rare_source_is_gathered_from_its_index(store: Store, monkeypatch) -> None:
    """A source holding few events: its events are gathered from the source index first (as a rare
    search's matches are), whatever SQLite guesses of the data. Left to itself, on a store of a
    million events SQLite walked the whole timeline for a 24-event report (7.5 s a page; 1 ms so)."""
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)  # plan as a large store would
    sql: list = []
    store.tracer = lambda q, p: sql.append((q, p))
    store.page(EventFilter(sources=[SWR]), limit=2)
    store.facets(EventFilter(sources=[SWR]))
    store.tracer = None
    queries = [(q, p) for q, p in sql if "FROM events e" in q or "events e " in q]
    assert len(queries) >= 3
    for q, p in queries:
        assert "e.id IN (SELECT coalesce(happening, id) FROM events WHERE source IN (?))" in q, q
        steps = [r[3] for r in store.db.conn.execute(f"EXPLAIN QUERY PLAN {q}", tuple(p))]
        assert any("USING INDEX events_source" in s or "USING COVERING INDEX events_source" in s
                   for s in steps), steps


def test_a_broad_source_walks_the_timeline_and_is_estimated(store: Store, monkeypatch) -> None:
    monkeypatch.setattr("sitroom.db.store.planner.BROAD_SEARCH", 10)  # 24 events: "much of the store"
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)
    store.refresh()
    f = EventFilter(sources=[SWR])
    sql: list = []
    store.tracer = lambda q, p: sql.append(q)
    assert len(store.page(f, limit=30).rows) == 24
    store.tracer = None
    assert any("e.source IN (?)" in q for q in sql)
    assert store.estimate(f) is not None and store.facets(f).total == 24
