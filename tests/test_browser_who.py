"""The timeline's Who column and the picker on a world file's state forces: an era of a force
("Military Forces of Ukraine (2019-)", stored as UKR-Mil 2019-) keeps its era at 80 and 120 columns,
and a unit of an era (a unit of a unit) sits one step further in than the era."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.files.importing import import_file
from sitroom.tui.render import compact_era
from sitroom.tui.screens import FilterPicker

from .helpers import column, make_app, plain, settle
from .test_browser_picker import answered

HEADER = (Path(__file__).parent / "data" / "real" / "acled_2024.csv").read_text(
    encoding="utf-8").splitlines()[0].split(",")
# Two ACLED rows as the 2020 world export words them: an era of Ukraine's forces as the target, and a
# unit of an era of Yemen's forces (Yemen's forces > their 2016- era > the Supreme Political Council).
ROWS = [
    {"event_id_cnty": "UKR9001", "event_date": "9-May-20", "year": "2020", "time_precision": "1",
     "event_type": "Battles", "sub_event_type": "Armed clash",
     "actor1": "NAF: United Armed Forces of Novorossiya", "inter1": "Rebel group",
     "actor2": "Military Forces of Ukraine (2019-)", "inter2": "State forces", "country": "Ukraine",
     "admin1": "Donetsk", "location": "Slavne", "latitude": "47.9617", "longitude": "37.5236",
     "geo_precision": "1", "source": "Ministry of Defence of Ukraine",
     "notes": "On 9 May 2020, NAF forces clashed with Ukrainian forces near Slavne.", "fatalities": "0"},
    {"event_id_cnty": "YEM9001", "event_date": "9-May-20", "year": "2020", "time_precision": "1",
     "event_type": "Battles", "sub_event_type": "Armed clash",
     "actor1": "Military Forces of Yemen (2016-) Supreme Political Council", "inter1": "State forces",
     "actor2": "Military Forces of Yemen (2016-)", "inter2": "State forces", "country": "Yemen",
     "admin1": "Lahij", "location": "Jabal al Kirsh", "latitude": "13.3561", "longitude": "44.3042",
     "geo_precision": "1", "source": "Yemen Data Project",
     "notes": "On 9 May 2020, Houthi forces reportedly exchanged fire with pro-Hadi forces.",
     "fatalities": "0"},
    {"event_id_cnty": "YEM9002", "event_date": "8-May-20", "year": "2020", "time_precision": "1",
     "event_type": "Strategic developments", "sub_event_type": "Agreement",
     "actor1": "Government of Yemen (2016-) Supreme Political Council", "inter1": "State forces",
     "country": "Yemen", "admin1": "Amanat al Asimah", "location": "Sanaa", "latitude": "15.3547",
     "longitude": "44.2067", "geo_precision": "1", "source": "Saba News Agency",
     "notes": "On 8 May 2020, the Supreme Political Council announced a prisoner release.",
     "fatalities": "0"},
]


@pytest.fixture
def world_db(tmp_path: Path) -> Path:
    path, csv_path = tmp_path / "world.db", tmp_path / "world.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows({k: row.get(k, "") for k in HEADER} for row in ROWS)
    create_store(path, bundled=False)
    store = Store(path)
    import_file(store.db.conn, csv_path)
    store.close()
    return path


@pytest.mark.parametrize(("label", "shown"), [
    ("UKR-Mil 2019-", "UKR-Mil'19"), ("AFG-Mil 2004-21", "AFG-Mil'04-21"),
    ("FMFBF 1987-2014", "FMFBF'87-14"), ("SAA", "SAA"), ("Prot-NGA", "Prot-NGA"),
    ("Hezbollah2", "Hezbollah2"),
])
def test_an_era_is_written_short(label: str, shown: str) -> None:
    assert compact_era(label) == shown


@pytest.mark.parametrize("size", [(80, 24), (120, 35)])
async def test_the_who_column_keeps_the_era(world_db: Path, size: tuple[int, int]) -> None:
    app = make_app(world_db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        width = app.timeline.widths["who"]
        who = column(app, "who")
        assert "NAF ▸ UKR-Mil'19" in who
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "NAF ▸ UKR-Mil'19" in screen and len("NAF ▸ UKR-Mil'19") <= width  # whole, era and all


async def test_a_unit_of_a_unit_is_indented_by_its_depth(world_db: Path) -> None:
    app = make_app(world_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"Yemen")
        await answered(pilot)  # the picker's places and sources too: none is left under way at exit
        picker = app.screen
        assert isinstance(picker, FilterPicker)
        choices = picker.choices
        rows = [plain(choices.get_option_at_index(i).prompt, width=110).rstrip()
                for i in range(choices.option_count)
                if str(choices.get_option_at_index(i).id).startswith("faction:")]

        def indent(words: str) -> int:
            label = next(r for r in rows if r[4:].lstrip().startswith(words))[4:]  # after the [ ] mark
            return len(label) - len(label.lstrip())

        assert indent("YEM-Mil ") == 0  # the force, its 2016- era under it, the era's unit under that
        assert indent("YEM-Mil 2016-") == 2
        assert indent("YEM-SPC") == 4


async def test_the_who_column_keeps_the_era_beside_the_map_at_160_columns(world_db: Path) -> None:
    app = make_app(world_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("m")  # the map beside the timeline took the sides' column back to 14
        await settle(pilot)
        assert app.map.display and app.fronts_pane.display
        assert app.timeline.widths["who"] >= len("NAF ▸ UKR-Mil'19")
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "NAF ▸ UKR-Mil'19" in screen


@pytest.mark.parametrize("size", [(80, 24), (120, 35), (160, 45)])
async def test_the_picker_says_what_tells_two_units_apart_with_their_counts(world_db: Path,
                                                                          size: tuple[int, int]) -> None:
    """Two "Supreme Political Council"s, of Yemen's forces and of its government: each row reads the
    unit's own words and its parent whole, with its count, where the full names were cut at the era."""
    app = make_app(world_db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f", *"SPC")
        await answered(pilot)
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        rows = [line for line in screen.splitlines() if "Supreme Political Council  unit of YEM-" in line]
        assert len(rows) == 2  # the parents tell them apart: YEM-Mil 2016- and YEM-Gov 2016-
        assert {row.split("unit of ")[1][:7] for row in rows} == {"YEM-Mil", "YEM-Gov"}
        # each with its count, just inside the picker's border
        assert all(re.search(r"unit of YEM-[^│]* 1 +│", row) for row in rows), rows
