"""The browser shows each happening once, says how many sources report it, lists every source's account,
and lets the reader split and join happenings by hand (issue 18), driven as a user drives it."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import EventFilter, Store

from .helpers import column, detail_text, make_app, settle

SEED = Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt"


def ingested(db_path: Path) -> int:
    store = Store(db_path)
    store.ingest(SEED.read_text(encoding="utf-8"))
    total = store.count(EventFilter())
    store.close()
    return total


async def on_all_fronts_at(app, pilot, name: str) -> None:
    """Started, on all fronts, the cursor on the first event at `name`."""
    await settle(pilot)
    await pilot.press("0")
    await settle(pilot)
    await open_place(app, pilot, name)


async def open_place(app, pilot, name: str) -> None:
    places = column(app, "place")
    app.timeline.table.focus()
    app.timeline.table.move_cursor(row=places.index(name))
    await settle(pilot)


async def test_a_happening_shows_once_with_its_sources_and_each_account(db_path: Path) -> None:
    total = ingested(db_path)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("0")
        await settle(pilot)
        assert len(column(app, "place")) == total
        assert column(app, "place").count("Al-Shreima") == 1
        certainty = column(app, "certainty")
        assert certainty[column(app, "place").index("Al-Shreima")] == "● confirmed ×2"
        await open_place(app, pilot, "Al-Shreima")
        text = detail_text(app)
        assert "Reported by 2 sources" in text
        assert "2 sources report it: 2 confirmed." in text
        assert "extracted from the report; not reviewed" in text
        assert text.count("“Government troops have liberated the villages of Al-Shreima") == 2


async def test_split_then_link_by_hand(db_path: Path) -> None:
    total = ingested(db_path)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await on_all_fronts_at(app, pilot, "Al-Shreima")
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("down", "enter")  # the second account: the report's
        await settle(pilot)
        places = column(app, "place")
        assert len(places) == total + 1 and places.count("Al-Shreima") == 2
        # Link them again: l on one, l on the other.
        first = places.index("Al-Shreima")
        app.timeline.table.move_cursor(row=first)
        await settle(pilot)
        await pilot.press("l")
        app.timeline.table.move_cursor(row=places.index("Al-Shreima", first + 1))
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        places = column(app, "place")
        assert len(places) == total and places.count("Al-Shreima") == 1
        await open_place(app, pilot, "Al-Shreima")
        assert "linked by hand" in detail_text(app)


async def test_split_says_when_there_is_nothing_to_split(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await on_all_fronts_at(app, pilot, "Al-Shreima")
        await pilot.press("u")
        await settle(pilot)
        assert any("nothing to split" in str(n.message) for n in app._notifications)
