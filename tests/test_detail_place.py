"""The detail pane on an ACLED event as a user reads it at 160 columns: its precision said once (never
the gazetteer's "±1 km" beside "near this place"), the row's values kept whole, its punctuation as
stored."""

from __future__ import annotations

import csv
from pathlib import Path

from sitroom.db import EventFilter, Store

from .helpers import make_app, plain, settle

# ACLED's 2019–2023 export header (tests/data/real/README.md gives where it was found).
HEADER_LINE = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
          "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,"
          "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
          "notes,fatalities,timestamp,iso3")
HEADER = HEADER_LINE.split(",")
NOTE = ("On 5 January 2025, regime forces shelled IS positions near the Syrian – Iraqi border south of "
        "Deir ez-Zor city. No fatalities reported.")



def _imported(db_path: Path, tmp_path: Path, row: dict[str, str]) -> Store:
    """The store with one ACLED row, as a file of ACLED's layout gives it, imported."""
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, HEADER)
        writer.writeheader()
        writer.writerow(row)
    store = Store(db_path)
    store.import_file(path)
    return store

def shown(app) -> list[str]:
    """The detail pane's lines, as wide as the pane draws them."""
    body = app.detail.query_one("#detail-body")
    return [line.rstrip() for line in plain(body.content, width=body.size.width).splitlines()]


async def test_a_near_event_says_its_own_precision_and_keeps_its_values_whole(db_path: Path,
                                                                             tmp_path: Path) -> None:
    row = {"data_id": "7083650", "iso": "760", "event_id_cnty": "SYR78990", "event_id_no_cnty": "78990",
           "event_date": "05 January 2025", "year": "2025", "time_precision": "1",
           "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
           "actor1": "Military Forces of Syria (2000-)", "inter1": "1", "actor2": "Islamic State (Syria)",
           "inter2": "2", "interaction": "12", "region": "Middle East", "country": "Syria",
           "admin1": "Deir-ez-Zor", "admin2": "Deir-ez-Zor", "admin3": "Deir-ez-Zor",
           "location": "Deir-ez-Zor", "latitude": "35.3319", "longitude": "40.1461", "geo_precision": "2",
           "source": "SOHR", "source_scale": "Other", "notes": NOTE, "fatalities": "0",
           "timestamp": "1736100000", "iso3": "SYR"}
    store = _imported(db_path, tmp_path, row)
    newest = store.page(EventFilter(), limit=1).rows[0]
    stored = store.event(newest.id)
    store.close()
    assert stored is not None and stored.located.source_event_id == "SYR78990"
    assert stored.place is not None and stored.place.precision_km  # the gazetteer's Deir Ezzor: ±1 km
    assert "Syrian – Iraqi" in (stored.excerpt or "")  # stored as the file gives it

    app = make_app(db_path, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.detail.event_id == newest.id
        lines = shown(app)
        point = next(line for line in lines if "35.3319° N" in line)
        assert "±" not in point  # the gazetteer's precision is the place's, not this event's
        assert "near this place (within about 25 km)" in " ".join(" ".join(lines).split())
        # At 160 columns the name column leaves the values 16: a value is never broken in a word.
        assert any("Explosions/Remote" in line for line in lines)
        assert any("Shelling/artillery/missile" in line for line in lines)
        assert not any(line.strip().startswith(("e violence", "ce/artillery")) for line in lines)
        assert "Syrian – Iraqi" in " ".join(" ".join(lines).split())  # shown as stored


async def test_a_long_faction_name_wraps_under_itself(db_path: Path, tmp_path: Path) -> None:
    """At 80×24 an opened event's "Military Forces of Yemen (2016-) Supreme Political Council" wraps
    under the name, not under the role."""
    row = {"data_id": "7079427", "iso": "887", "event_id_cnty": "YEM52349", "event_id_no_cnty": "52349",
           "event_date": "09 May 2025", "year": "2025", "time_precision": "1", "event_type": "Battles",
           "sub_event_type": "Armed clash",
           "actor1": "Military Forces of Yemen (2016-) Supreme Political Council", "inter1": "1",
           "actor2": "Military Forces of Yemen (2012-)", "inter2": "1", "interaction": "11",
           "region": "Middle East", "country": "Yemen", "admin1": "Lahij", "admin2": "Al Qabbaytah",
           "location": "Jabal al Kirsh", "latitude": "13.412", "longitude": "44.4846", "geo_precision": "2",
           "source": "26 September News - Pro-Hadi", "source_scale": "National",
           "notes": "On 9 May 2025, Houthi forces reportedly exchanged artillery with pro-Hadi forces on the "
                    "fronts of Jabal al Kirsh.", "fatalities": "0", "timestamp": "1589229240", "iso3": "YEM"}
    store = _imported(db_path, tmp_path, row)
    store.close()
    app = make_app(db_path, tmp_path / "state.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lines = shown(app)
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("actor"))
        start = lines[at].index("Military Forces of Yemen")
        target = next(i for i, line in enumerate(lines) if line.lstrip().startswith("target"))
        assert target > at + 1  # the name took more than one line
        for line in lines[at + 1:target]:  # and wrapped under itself
            assert line.strip() and line[:start].strip() == ""
