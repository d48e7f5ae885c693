"""As of a day, an event counts only once the period it is dated to is over: a June 2017 event is not
there as of 2017-06-01 and is as of 2017-06-30; a week's from its seventh day, a year's from 31
December, a range's from its last day. Pages, counts, tallies and the timeline agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils
from sitroom.db import EventFilter, Store
from sitroom.db.store import counts as counts_module

from .helpers import column, detail_text, make_app, settle
from .test_control import add
from .test_tallies import assert_consistent

JUNE = 5  # the bundled events dated only to June 2017


def test_june_events_wait_for_the_end_of_june(store: Store) -> None:
    for day, expected in (("2017-06-01", 0), ("2017-06-29", 0), ("2017-06-30", 24), ("2017-07-01", 24)):
        f = EventFilter(until=day)
        rows = list(store.iter_events(f))
        assert len(rows) == store.count(f) == store.facets(f).total == expected, day
    june = [r for r in store.iter_events(EventFilter(until="2017-06-30")) if r.date_precision == "month"]
    assert len(june) == JUNE and {r.date for r in june} == {"2017-06-01"}


# Spans that run past their month's end, the ones the monthly tallies cannot place by themselves.
SPANS = [
    {"date": "2017-05-29", "date_precision": "week", "summary": "A week running into June."},
    {"date": "2017-05-01", "date_precision": "month", "summary": "Some day in May."},
    {"date": "2017-01-01", "date_precision": "year", "summary": "Some day in 2017."},
    {"date": "2016-01-01", "date_precision": "year", "summary": "Some day in 2016."},
    {"date": "2017-04-20", "summary": "A range, 20 April to 10 June.", "end": "2017-06-10"},
    {"date": "2017-05-25", "date_precision": "week", "summary": "A week inside May."},
]
DAYS = ["2016-12-31", "2017-01-31", "2017-05-28", "2017-05-31", "2017-06-01", "2017-06-03", "2017-06-04",
        "2017-06-09", "2017-06-10", "2017-06-15", "2017-06-30", "2017-07-31", "2017-12-30", "2017-12-31"]


def _ends(record: dict) -> str:
    day = dt.date.fromisoformat(record["date"])
    precision = record.get("date_precision", "day")
    if record.get("end"):
        return record["end"]
    if precision == "week":
        return (day + dt.timedelta(days=6)).isoformat()
    if precision == "month":
        following = day.replace(day=28) + dt.timedelta(days=4)
        return (following - dt.timedelta(days=following.day)).isoformat()
    if precision == "year":
        return f"{day.year}-12-31"
    return record["date"]


@pytest.fixture
def spans(db_path: Path) -> Path:
    add(db_path, *({"place": "humaima", "event_type": "clashes", "summary": s["summary"],
                    "date": s["date"], "date_precision": s.get("date_precision", "day"),
                    "factions": [{"faction": "saa", "role": "actor"}, {"faction": "isis", "role": "target"}]}
                   for s in SPANS))
    db = sqlite_utils.Database(db_path)
    with db.conn:  # a dataset's date range (UCDP's date_end)
        db.execute("UPDATE events SET date_end = '2017-06-10' WHERE summary LIKE 'A range%'")
    db.close()
    return db_path


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("factions", [(), ("saa",)])
def test_spans_count_once_over_from_events_and_from_tallies_alike(
        spans: Path, day: str, factions: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(spans)
    try:
        expected = sum(1 for s in SPANS if _ends(s) <= day)
        expected += 0 if day < "2017-06-30" else JUNE + 19 - (0 if not factions else 8)
        f = EventFilter(until=day, factions=factions)
        ids = [r.id for r in store.iter_events(f)]
        assert len(ids) == store.count(f) == expected
        direct = store.facets(f, factions=True)
        fronts = store.front_counts(f)
        monkeypatch.setattr(counts_module, "TALLY_FROM", 0)  # counted as a large store would
        store.refresh()
        tallied = store.facets(f, factions=True)
        assert tallied.bucket == "month"
        for name in ("total", "factions", "fronts", "types", "certainty", "undated"):
            assert getattr(tallied, name) == getattr(direct, name), name
        assert store.front_counts(f) == fronts
        # With a start too: the months the tallies answer begin after it.
        g = f.but(since="2017-05-02" if day >= "2017-05-02" else "2016-11-02")
        assert store.count(g) == len([r for r in store.iter_events(g)])
    finally:
        store.close()
    assert_consistent(spans)


def test_week_and_year_bounds(spans: Path) -> None:
    store = Store(spans)
    try:
        shown = lambda day: {r.summary for r in store.iter_events(EventFilter(until=day))}  # noqa: E731
        assert "A week running into June." not in shown("2017-06-03")
        assert "A week running into June." in shown("2017-06-04")
        assert "Some day in 2017." not in shown("2017-12-30") and "Some day in 2017." in shown("2017-12-31")
        assert "A range, 20 April to 10 June." in shown("2017-06-10") - shown("2017-06-09")
    finally:
        store.close()


async def test_the_timeline_says_june_2017_and_waits_for_its_end(db_path: Path) -> None:
    add(db_path, {"date": "2017-07-05", "place": "humaima", "event_type": "clashes",
                  "summary": "Clashes in July, so that June's last day is not the latest."})
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("t", *"2017-06-29", "enter")
        await settle(pilot)
        assert app.timeline.table.row_count == 0
        await pilot.press("t", *["backspace"] * 12, *"2017-06", "enter")  # June's last day
        await settle(pilot)
        assert app.view.as_of == "2017-06-30" and app.timeline.table.row_count == 24  # not July's
        dates = column(app, "date")
        assert dates.count("June 2017") == JUNE and "2017-06-01" not in dates
        await pilot.press("tab")
        await settle(pilot)
        app.timeline.table.move_cursor(row=app.timeline.table.row_count - 1)
        await settle(pilot)
        assert "\nJune 2017 (month)" in detail_text(app)
