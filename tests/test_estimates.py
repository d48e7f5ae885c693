"""Estimates from the fixed sample (Store.estimate): what a large store shows at once for a search
that matches much of it, before the exact counts arrive."""

from __future__ import annotations

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.schema import SAMPLE_SPACE

from .helpers import bench_module


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory):
    make_events = bench_module("make_events")

    path = tmp_path_factory.mktemp("big") / "events-40k.db"
    make_events.make(40_000, path)
    store = Store(path)
    yield store
    store.close()


def test_rowids_are_a_fair_sample(big_store: Store) -> None:
    """The events below 1/32 of the rowid space are about 1/32 of them, from every year."""
    rows = big_store.db.execute("SELECT count(*), count(DISTINCT substr(date, 1, 4)) FROM events "
                                "WHERE rowid < ?", (SAMPLE_SPACE // 32,)).fetchone()
    assert 40_024 / 32 * 0.85 < rows[0] < 40_024 / 32 * 1.15
    assert rows[1] == 10


def near(estimate: int, exact: int, share: int = 2) -> bool:
    """Within four standard errors: a 1/k sample of n events counts about n/k ± sqrt(n/k)."""
    return abs(estimate - exact) <= 4 * (share * max(exact, 1)) ** 0.5


@pytest.mark.parametrize("f", [EventFilter(text="shelled"), EventFilter(factions=["saa", "isis"]),
                               EventFilter(text="shelled", fronts=["raqqa"])])
def test_an_estimate_is_near_the_exact_count(big_store: Store, f: EventFilter) -> None:
    estimate = big_store.estimate(f)
    assert estimate is not None
    fronts, facets = estimate
    exact = big_store.facets(f)
    assert facets.sample == 2 and exact.sample == 0  # 40,000 events: a half is about 16,000
    assert near(facets.total, exact.total)
    exact_fronts = {fc.front.slug: fc.count for fc in big_store.front_counts(f.but(fronts=()))}
    assert all(near(fc.count, exact_fronts[fc.front.slug]) for fc in fronts)
    assert all(near(facets.certainty.get(c, 0), n) for c, n in exact.certainty.items())
    assert sum(facets.buckets.values()) + facets.undated == pytest.approx(facets.total, abs=5)


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(factions=["saa"]), EventFilter(text="Humaima"),
                               EventFilter(fronts=["raqqa"], until="2016-06-14")])
def test_quick_counts_are_never_estimated(big_store: Store, f: EventFilter) -> None:
    assert big_store.estimate(f) is None


def test_a_small_store_is_always_counted_exactly(store: Store) -> None:
    assert store.estimate(EventFilter(text="village")) is None
