"""The filter picker under load: keys pressed before the narrowed list is drawn act on it, and a
store of thousands of factions narrows without rendering all of them."""

from __future__ import annotations

import csv
from pathlib import Path

from sitroom.db import Store, create_store
from sitroom.tui.screens.filter_picker import FACTIONS_LISTED, FilterPicker
from textual import events

from .helpers import make_app, settle

# ACLED's 2019–2023 export header (tests/data/real/README.md gives where it was found).
HEADER_LINE = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
               "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,"
               "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
               "notes,fatalities,timestamp,iso3")
HEADER = HEADER_LINE.split(",")


def listed(picker: FilterPicker) -> list[str]:
    choices = picker.choices
    return [str(choices.get_option_at_index(i).id) for i in range(choices.option_count)]


async def test_keys_typed_ahead_act_on_the_narrowed_list(db_path: Path, tmp_path: Path) -> None:
    app = make_app(db_path, tmp_path / "state.json")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, FilterPicker)
        # Typed faster than the picker redraws (a loaded machine): every key is queued before any is
        # handled, as a terminal delivers them.
        for key in [*"islamic", "down", "up", "space"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert picker.query_one("#narrow").value == "islamic"
        assert [i for i in listed(picker) if i.startswith("faction:")] == ["faction:isis"]
        # ↓ and ↑ moved in the narrowed list, and space toggled its one faction: not the first of
        # the whole list, which was on show when the keys came.
        assert picker.filter.factions == ("isis",)


async def test_a_bloc_of_thousands_lists_the_first_few_and_says_how_many_more(tmp_path: Path) -> None:
    # A world file names a new actor in nearly every country: 400 of them here, in ACLED's layout.
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, HEADER)
        writer.writeheader()
        for n in range(400):
            day = f"{1 + n % 28:02d} March 2020"
            writer.writerow({"data_id": 7000000 + n, "iso": 356, "event_id_cnty": f"IND{90000 + n}",
                             "event_id_no_cnty": 90000 + n, "event_date": day, "year": 2020,
                             "time_precision": 1, "event_type": "Riots", "sub_event_type": "Mob violence",
                             "actor1": f"Communal Militia {n:03d} (India)", "inter1": 5, "inter2": 0,
                             "interaction": 50, "region": "South Asia", "country": "India", "admin1": "Delhi",
                             "admin2": "New Delhi", "location": "New Delhi", "latitude": 28.6139,
                             "longitude": 77.209, "geo_precision": 1, "source": "Local source",
                             "source_scale": "National", "notes": f"On {day}, a mob clashed in New Delhi.",
                             "fatalities": 0, "timestamp": 1585000000, "iso3": "IND"})
    db = tmp_path / "world.db"
    create_store(db, bundled=False)
    store = Store(db)
    store.import_file(path)
    store.close()
    app = make_app(db, tmp_path / "state.json")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        picker = app.screen
        ids = listed(picker)
        militias = [i for i in ids if i.startswith("faction:") and "communal-militia" in i]
        assert len(militias) == FACTIONS_LISTED
        more = next(i for i in ids if i.startswith("more:"))
        prompt = str(picker.choices.get_option(more).prompt)
        assert f"{400 - FACTIONS_LISTED:,} more: type to narrow" in prompt
        await pilot.press(*"militia-399")  # space toggles: the slug has no spaces
        await settle(pilot)
        found = [i for i in listed(picker) if i.startswith("faction:")]
        assert found == ["faction:communal-militia-399-india"]
