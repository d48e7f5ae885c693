"""The store's query API, on the bundled June 2017 data."""

from __future__ import annotations

import sqlite3

import pytest
import sitroom.db.store.counts as counts_module
from sitroom.db import CERTAINTIES, EventFilter, FilterError, Store, search_words

# What the report states, counted by hand per front (see db/data/events.jsonl).
FRONT_COUNTS = {
    "raqqa": 6,
    "deir-ezzor": 2,
    "eastern-damascus": 4,
    "homs-desert": 3,
    "east-aleppo-resafa": 9,
}


def raw(store: Store, sql: str, params=()) -> list[tuple]:
    """A direct query, to check the API against."""
    return [tuple(r) for r in sqlite3.connect(store.path).execute(sql, params).fetchall()]


def paged(store: Store, f: EventFilter, limit: int) -> list:
    """Every row of `f`, read page by page through the keyset cursor, each page at most `limit`."""
    seen, after = [], None
    while True:
        page = store.page(f, after, limit)
        assert len(page.rows) <= limit
        seen.extend(page.rows)
        if page.next is None:
            return seen
        after = page.next


def test_each_front_count_matches_the_report(store: Store) -> None:
    counts = {fc.front.slug: fc.count for fc in store.front_counts()}
    assert counts == FRONT_COUNTS
    assert [f.name for f in store.fronts()][:3] == ["Raqqa", "Deir Ezzor", "Eastern Damascus"]


def test_every_event_has_a_front_a_place_with_coordinates_and_its_sentence(store: Store) -> None:
    seed_rows = raw(store, "SELECT e.id, e.front, p.lat, p.lon, p.admin1, e.excerpt FROM events e "
                           "JOIN places p ON p.id = e.place")
    assert len(seed_rows) == sum(FRONT_COUNTS.values())
    for _id, front, lat, lon, admin1, excerpt in seed_rows:
        assert front in FRONT_COUNTS
        assert 32 < lat < 37.5 and 35.5 < lon < 42.5  # inside Syria's bounding box
        assert admin1 and excerpt


def test_filtering_by_saa_includes_its_units(store: Store) -> None:
    saa = {r.id for r in store.iter_events(EventFilter(factions=["saa"]))}
    tigers = {r.id for r in store.iter_events(EventFilter(factions=["tiger-forces"]))}
    assert tigers and tigers <= saa
    places = {r.place_name for r in store.iter_events(EventFilter(factions=["saa"]))}
    assert {"Bir Abu Al'Allaj", "Habbari field", "Al-Shreima", "Humaima"} <= places
    # A unit does not pull in its parent's other events.
    assert "Humaima" not in {r.place_name for r in store.iter_events(EventFilter(factions=["tiger-forces"]))}


def test_claimed_and_rumoured_events(store: Store) -> None:
    claimed = list(store.iter_events(EventFilter(certainty=["claimed"])))
    assert sorted(r.place_name for r in claimed) == ["Ayn Tarma", "Jobar"]
    assert all(r.with_role("claimant") == ("faylaq-al-rahman",) for r in claimed)
    rumoured = list(store.iter_events(EventFilter(certainty=["rumoured"])))
    assert sorted(r.place_name for r in rumoured) == ["Al-Zquf", "At Tanf"]
    assert all(r.with_role("actor") == ("us-coalition",) for r in rumoured)
    humaima = next(store.iter_events(EventFilter(places=["humaima"])))
    assert humaima.certainty == "confirmed"


def test_faylaq_al_rahman_is_only_in_its_claims(store: Store) -> None:
    rows = list(store.iter_events(EventFilter(factions=["faylaq-al-rahman"])))
    assert {(r.place_name, r.certainty) for r in rows} == {("Ayn Tarma", "claimed"), ("Jobar", "claimed")}


@pytest.mark.parametrize("limit", [1, 2, 5, 7, 100])
def test_keyset_pages_cover_every_event_once_in_order(store: Store, limit: int) -> None:
    seen = paged(store, EventFilter(), limit)
    ids = [r.id for r in seen]
    assert len(ids) == len(set(ids)) == store.count()
    keys = [(r.date, r.id) for r in seen]
    assert keys == sorted(keys, reverse=True)
    assert ids == [r[0] for r in raw(store, "SELECT id FROM events ORDER BY date DESC, id DESC")]


def test_pages_under_a_filter(store: Store) -> None:
    f = EventFilter(fronts=["east-aleppo-resafa"])
    first = store.page(f, limit=4)
    rest = list(store.iter_events(f))
    assert [r.id for r in first.rows] == [r.id for r in rest[:4]]
    assert len(rest) == FRONT_COUNTS["east-aleppo-resafa"]


@pytest.mark.parametrize(
    "f",
    [
        EventFilter(),
        EventFilter(fronts=["raqqa"]),
        EventFilter(factions=["saa"]),
        EventFilter(certainty=["confirmed"], types=["capture"]),
        EventFilter(since="2017-06-30"),
        EventFilter(text="village"),
    ],
)
def test_facet_counts_agree_with_a_direct_count(store: Store, f: EventFilter) -> None:
    facets = store.facets(f, factions=True)
    ids = [r.id for r in store.iter_events(f)]
    assert facets.total == len(ids) == store.count(f)
    marks = ",".join("?" * len(ids)) or "NULL"
    direct = lambda sql: dict(raw(store, sql.format(marks=marks), ids))  # noqa: E731
    assert facets.fronts == direct("SELECT front, count(*) FROM events WHERE id IN ({marks}) GROUP BY 1")
    assert facets.types == direct(
        "SELECT event_type, count(*) FROM events WHERE id IN ({marks}) GROUP BY 1")
    assert facets.certainty == direct(
        "SELECT certainty, count(*) FROM events WHERE id IN ({marks}) GROUP BY 1")
    assert facets.bucket == "day"
    assert facets.buckets == direct("SELECT date, count(*) FROM events WHERE id IN ({marks}) "
                                    "AND date_precision = 'day' GROUP BY 1")
    assert sum(facets.buckets.values()) + facets.undated == facets.total
    # Only confirmed events are stacked by side; claimed and rumoured ones are counted apart.
    sides: dict[str, dict[str, int]] = {}
    for date, side, n in raw(store, "SELECT date, side, count(*) FROM events WHERE id IN "
                             f"({marks}) AND date_precision = 'day' AND certainty = 'confirmed' "
                             "GROUP BY 1, 2", ids):
        sides.setdefault(date, {})[side] = n
    assert facets.sides == sides
    assert facets.unconfirmed == direct("SELECT date, count(*) FROM events WHERE id IN ({marks}) "
                                        "AND date_precision = 'day' AND certainty != 'confirmed' GROUP BY 1")
    # Each faction's events in the same view, its units included, whatever factions `f` names.
    view = [r.id for r in store.iter_events(f.but(factions=()))]
    expected: dict[str, int] = {}
    for event in view:
        keys = set()
        for (faction,) in raw(store, "SELECT faction FROM event_factions WHERE event = ?", [event]):
            while faction:
                keys.add(faction)
                faction = raw(store, "SELECT parent FROM factions WHERE slug = ?", [faction])[0][0]
        for key in keys:
            expected[key] = expected.get(key, 0) + 1
    assert facets.factions == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [("Humaima", "Humaima"), ("Kasrat", "Kasrat Affan"), ("Jadidah", "Jadidah"), ("VBIED", None),
     ("bulldoz", "Ayn Tarma")],
)
def test_search_finds_the_village(store: Store, text: str, place: str | None) -> None:
    rows = list(store.iter_events(EventFilter(text=text)))
    assert rows
    if place:
        assert place in {r.place_name for r in rows}


def test_search_for_vbied_finds_both_bombings(store: Store) -> None:
    rows = list(store.iter_events(EventFilter(text="VBIED")))
    assert sorted(r.place_name for r in rows) == ["Al-Mashlabi", "Al-Sabahia"]


def test_event_detail_has_factions_place_source_and_neighbours(store: Store) -> None:
    row = next(store.iter_events(EventFilter(places=["ayn-tarma"])))
    detail = store.event(row.id)
    assert detail is not None
    assert detail.excerpt.startswith("Faylaq al-Rahman claimed")
    assert detail.place.admin1 == "Rif Dimashq"
    assert detail.source.published == "2017-06-30"
    assert [(p.role, f.short) for p, f in detail.factions] == [
        ("actor", "FaR"), ("target", "SAA"), ("claimant", "FaR")]
    resafa = next(store.iter_events(EventFilter(places=["resafa"], types=["attack"])))
    neighbours = store.event(resafa.id).same_place
    assert [n.event_type for n in neighbours] == ["capture"]
    assert store.event("no-such-id") is None


def test_tiger_forces_detail_names_its_parent(store: Store) -> None:
    row = next(store.iter_events(EventFilter(places=["bir-abu-allaj"])))
    detail = store.event(row.id)
    tf = next(f for _, f in detail.factions if f.slug == "tiger-forces")
    assert tf.parent == "saa"


@pytest.mark.parametrize(
    ("f", "message"),
    [
        (dict(factions=["hezbollah"]), "unknown faction: 'hezbollah'"),
        (dict(fronts=["idlib"]), "unknown front"),
        (dict(certainty=["probable"]), "unknown certainty"),
        (dict(types=["massacre"]), "unknown event type"),
        (dict(since="2017-07-01", until="2017-06-01"), "runs backwards"),
        (dict(since="30/06/2017"), "not a date"),
    ],
)
def test_bad_filters_give_a_clear_error(store: Store, f: dict, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        store.count(EventFilter(**f))


@pytest.mark.parametrize(
    "text",
    ['"', '"Humaima', "AND", "OR NOT", "***", "(", ")", "Jobar)", "NEAR(a b)", "col:val", "^", "-",
     "a AND (b OR", "\x00", "'; DROP TABLE events; --", "\u202e\u0645\u062f\u064a\u0646\u0629",
     "x" * 10_000, " ".join(["word"] * 500)],
)
def test_search_strings_never_raise(store: Store, text: str) -> None:
    """Query syntax is only text; a search with no word at all is refused in words, never run as
    "everything" (issue 13)."""
    f = EventFilter(text=text)
    if not search_words(text):
        for ask in (store.count, store.facets, store.front_counts, store.page):
            with pytest.raises(FilterError, match="has no words to look for"):
                ask(f)
        return
    assert store.count(f) == len(list(store.iter_events(f)))
    store.facets(f)
    store.front_counts(f)


def test_certainties_are_the_four_words() -> None:
    assert CERTAINTIES == ("confirmed", "claimed", "rumoured", "denied")


@pytest.mark.parametrize("factions", [["sdf", "isis"], ["saa", "faylaq-al-rahman"], ["tiger-forces", "saa"]])
@pytest.mark.parametrize("limit", [1, 3, 100])
def test_pages_under_several_factions_are_their_union_once_in_order(
    store: Store, factions: list[str], limit: int
) -> None:
    seen = [r.id for r in paged(store, EventFilter(factions=factions), limit)]
    expected = [r[0] for r in raw(
        store,
        "SELECT id FROM events WHERE id IN (SELECT event FROM event_keys WHERE key IN (?, ?)) "
        "ORDER BY date DESC, id DESC", factions)]
    assert seen == expected and len(set(seen)) == len(seen)
    union = set()
    for faction in factions:
        union |= {r.id for r in store.iter_events(EventFilter(factions=[faction]))}
    assert set(seen) == union


@pytest.mark.parametrize(("text", "mode"), [("the", "walk"), ("ISIS", "walk"), ("th", "prefix"),
                                            ("Jobar", "prefix"), ("VBIED targeted", "prefix")])
def test_broad_searches_are_walked_and_agree_with_their_counts(
    store: Store, monkeypatch, text: str, mode: str
) -> None:
    # "broad" at ten matches, on the bundled data
    monkeypatch.setattr("sitroom.db.store.planner.BROAD_SEARCH", 10)
    assert store._text_mode(text) == mode
    f = EventFilter(text=text)
    for limit in (1, 3, 100):
        seen = [r.id for r in paged(store, f, limit)]
        assert len(seen) == len(set(seen)) == store.count(f) == store.facets(f).total
        keys = [(d.row.date, d.row.id) for d in map(store.event, seen)]
        assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize(
    "f",
    [
        EventFilter(until="2017-07-01"),
        EventFilter(until="2017-06-30"),
        EventFilter(since="2017-06-15", until="2017-06-30"),
        EventFilter(since="2017-06-30", factions=["saa"]),
        EventFilter(until="2017-07-02", factions=["isis"], certainty=["confirmed"]),
        EventFilter(since="2017-05-31", until="2017-07-01", fronts=["raqqa"]),
    ],
)
def test_tallies_and_part_months_give_the_direct_count(store: Store, f: EventFilter,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """On a large store a date range is counted from the tallies' whole months plus the events of the
    part-months at its ends; the figures are those of a direct count, by month."""
    direct = store.facets(f, factions=True)
    direct_fronts = store.front_counts(f.but(fronts=()))
    monkeypatch.setattr(counts_module, "TALLY_FROM", 0)
    store.refresh()
    tallied = store.facets(f, factions=True)
    assert tallied.bucket == "month"
    for name in ("total", "factions", "fronts", "types", "certainty", "undated"):
        assert getattr(tallied, name) == getattr(direct, name), name
    by_month: dict[str, int] = {}
    for day, n in direct.buckets.items():
        by_month[day[:7]] = by_month.get(day[:7], 0) + n
    assert tallied.buckets == by_month
    assert store.front_counts(f.but(fronts=())) == direct_fronts
    assert direct.total > 0


def test_the_tracer_sees_a_filter_as_one_parameterised_query(db_path) -> None:
    seen: list = []
    store = Store(db_path, tracer=lambda sql, params: seen.append((sql, params)))
    try:
        f = EventFilter(fronts=["raqqa"], certainty=["claimed"], since="2017-06-01")
        store.page(f, limit=5)  # the names a filter may use are read once, the first time
        seen.clear()
        page = store.page(f, limit=5)
        assert len(seen) == 1
        sql, params = seen[0]
        assert "raqqa" not in sql and "claimed" not in sql and "2017-06-01" not in sql
        assert tuple(params) == ("raqqa", "claimed", "2017-06-01", 6) and sql.count("?") == len(params)
        assert {r.front for r in page.rows} <= {"raqqa"}
    finally:
        store.close()
