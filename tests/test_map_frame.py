"""The map's frame on a store of several countries (a world file): framed where most of the filter's
events are, not by its latest page, and never marking an event away from its place."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.tui import loading

from .helpers import make_app, plain, settle

HEADER_LINE = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
          "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
          "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
          "notes,fatalities,tags,timestamp")
HEADER = HEADER_LINE.split(",")
# (country, admin1, location, lat, lon, actor, iso, region)
INDIA = [("India", "Delhi", "New Delhi", 28.6139, 77.209, "Protesters (India)", 356, "South Asia"),
         ("India", "Maharashtra", "Mumbai", 19.076, 72.8777, "Protesters (India)", 356, "South Asia"),
         ("India", "West Bengal", "Kolkata", 22.5726, 88.3639, "Rioters (India)", 356, "South Asia")]
UKRAINE = ("Ukraine", "Donetsk", "Donetsk", 48.0159, 37.8028, "Military Forces of Ukraine (2019-)", 804,
           "Europe")
YEMEN = ("Yemen", "Taizz", "Taizz", 13.5795, 44.0209, "Military Forces of Yemen (2016-) Supreme Political "
         "Council", 887, "Middle East")


def row(n: int, day: str, where: tuple) -> dict[str, object]:
    country, admin1, location, lat, lon, actor, iso, region = where
    return {"event_id_cnty": f"{country[:3].upper()}{n}", "event_date": day, "year": 2020,
            "time_precision": 1, "disorder_type": "Political violence", "event_type": "Battles",
            "sub_event_type": "Armed clash", "actor1": actor, "inter1": "State forces", "iso": iso,
            "region": region, "country": country, "admin1": admin1, "location": location,
            "latitude": lat, "longitude": lon, "geo_precision": 1, "source": "Local source",
            "source_scale": "National", "notes": f"On {day}, an armed clash at {location}.",
            "fatalities": 0, "timestamp": 1600000000}


@pytest.fixture(scope="module")
def world_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 events in India in January, then the newest: 3 in Ukraine and 2 in Yemen in May."""
    folder = tmp_path_factory.mktemp("world")
    rows = [row(i, f"2020-01-{1 + i % 28:02d}", INDIA[i % 3]) for i in range(30)]
    rows += [row(100 + i, f"2020-05-0{1 + i}", UKRAINE) for i in range(3)]
    rows += [row(200 + i, f"2020-05-0{5 + i}", YEMEN) for i in range(2)]
    path = folder / "world.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    db = folder / "world.db"
    create_store(db, bundled=False)
    store = Store(db)
    store.import_file(path)
    store.close()
    return db


async def test_the_map_frames_where_most_events_are_not_the_latest(world_db: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAP_EVENTS", 4)  # the latest 4 are Ukraine's and Yemen's
    app = make_app(world_db, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        legend = plain(app.map.query_one("#map-legend").content, width=60)
        assert legend.startswith("India · held as of")
        west, south, east, north = app.map.view.bbox
        assert 68 < west < 70 and 6 < south < 9 and 96 < east < 98 and 35 < north < 38  # India alone
        flat = " ".join(legend.split())
        assert "latest 4 of 30 events" in flat
        assert "5 more outside this map" in flat
        # The marked events are India's: none of the newer ones abroad is drawn off its place.
        assert {r.place_name for r in app.map.view.events} <= {"New Delhi", "Mumbai", "Kolkata"}


async def test_a_selected_event_off_the_map_is_named_not_drawn(world_db: Path, tmp_path: Path) -> None:
    app = make_app(world_db, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert app.timeline.table.cursor_row == 0  # the newest: Taizz, in Yemen
        legend = " ".join(plain(app.map.query_one("#map-legend").content, width=60).split())
        assert "◉ Taizz is off this map" in legend
        assert "◉" not in plain(app.map.query_one("#map-canvas").content, width=200)
        # An event in the frame is marked at its place.
        for _ in range(5):
            await pilot.press("j")
        await settle(pilot)
        legend = " ".join(plain(app.map.query_one("#map-legend").content, width=60).split())
        assert "off this map" not in legend and "◉" in legend
        assert "◉" in plain(app.map.query_one("#map-canvas").content, width=200)



async def test_at_80x24_the_legend_leaves_the_map_most_of_its_pane(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        canvas, legend = app.map.query_one("#map-canvas"), app.map.query_one("#map-legend")
        text = " ".join(plain(legend.content, width=legend.size.width).split())
        # In brief: the frame and its holders, the events marked, and the selected event.
        assert text.startswith("Syria · held as of")
        assert "● latest 24 of 24 events" in text and "◉ Humaima" in text
        assert "by actor" not in text
        assert canvas.size.height >= legend.size.height
        # At 160 columns the pane has room for the whole legend.
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        await pilot.pause(0.2)
        assert "by actor" in " ".join(plain(legend.content, width=legend.size.width).split())
