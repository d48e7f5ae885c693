"""The fronts pane with many fronts (issue 15), several fronts at once and enter into the timeline
(issue 19), the map of another country, and the first screen of an empty store."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sitroom.db import EventFilter, Store, create_store
from sitroom.tui.commands import JumpCommands

from .helpers import column, make_app, plain, settle


def shown(app) -> list[str]:
    """The fronts pane, a line per option, as plain text."""
    pane = app.fronts_pane
    return [plain(pane.get_option_at_index(i).prompt, width=30).rstrip() for i in range(pane.option_count)]


async def test_many_fronts_are_grouped_by_country_with_counts_kept_right(many_db: Path,
                                                                         tmp_path: Path) -> None:
    app = make_app(many_db, tmp_path / "state.json")  # its own: the store is shared
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        lines = shown(app)
        headings = [line.strip() for line in lines[1:] if line[:1].strip() and not line[0].isdigit()]
        assert headings == ["Iraq", "Lebanon", "Syria"]
        store = Store(many_db)
        counts = {f.front.name: f.count for f in store.front_counts() if f.count}
        assert len(counts) >= 40
        listed = [line for line in lines[1:] if line.strip() not in ("Iraq", "Lebanon", "Syria")]
        assert len(listed) == len(counts)
        for line in listed:
            name, count = line[2:].rstrip().rsplit(" ", 1)
            assert counts[name.strip()] == int(count)
            assert len(line) == 30  # the count ends at the right edge, whatever the name's length
        # A front with no events is not listed: the bundled Homs desert front holds none of these.
        assert not any("Homs desert" in line for line in lines)
        assert "homs-desert" in {f.slug for f in store.fronts()}
        store.close()


async def test_keys_jump_to_the_first_nine_shown_and_the_list_scrolls(many_db: Path, tmp_path: Path) -> None:
    app = make_app(many_db, tmp_path / "state.json")  # its own: the store is shared
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        nine = app.fronts_pane.slugs[9]
        await pilot.press("9")
        await settle(pilot)
        assert app.view.front == nine
        assert app.ref.front(nine).country == "Iraq"
        app.fronts_pane.focus()
        await pilot.press("end")
        await settle(pilot)
        assert app.view.front == app.fronts_pane.slugs[-1]
        assert app.fronts_pane.scroll_y > 0


async def test_the_palette_reaches_every_front_listed(many_db: Path, tmp_path: Path) -> None:
    app = make_app(many_db, tmp_path / "state.json")  # its own: the store is shared
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        provider = JumpCommands(app.screen)
        fronts = {text.removeprefix("Front: ") for text, _, _ in provider._candidates()
                  if text.startswith("Front: ")}
        assert fronts == {app.ref.front_name(s) for s in app.fronts_pane.slugs[1:]}
        await pilot.press("ctrl+p", *"Front: Beirut")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.ref.front_name(app.view.front) == "Beirut"


async def test_space_chooses_several_fronts_and_enter_goes_into_the_timeline(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("1", "space", "down", "down", "space")
        await settle(pilot)
        assert app.view.fronts == ("raqqa", "eastern-damascus")
        assert app.view.timeline_filter().fronts == ("raqqa", "eastern-damascus")
        assert len(column(app, "place")) == 10  # Raqqa's 6 and Eastern Damascus's 4
        assert "Raqqa + Eastern Damascus · 10 events" in str(app.timeline.border_title)
        marked = [line for line in shown(app) if "✓" in line]
        assert [line.split("✓")[1].split()[0] for line in marked] == ["Raqqa", "Eastern"]
        await pilot.press("space")  # Eastern Damascus again: out of the choice
        await settle(pilot)
        assert app.view.fronts == ("raqqa",)
        assert len(column(app, "place")) == 6
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.timeline.table
        await pilot.press("j")  # j now moves the timeline, not the fronts
        await settle(pilot)
        assert app.view.fronts == ("raqqa",)
        await pilot.press("0")  # all fronts: the choice is cleared
        await settle(pilot)
        assert app.view.fronts == () and app.view.front is None
        assert len(column(app, "place")) == 24


async def test_chosen_fronts_are_remembered(db_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    async with make_app(db_path, state).run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "space", "down", "space")
        await settle(pilot)
    again = make_app(db_path, state)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert again.view.fronts == ("deir-ezzor", "eastern-damascus")
        assert again.view.timeline_filter() == EventFilter(fronts=("deir-ezzor", "eastern-damascus"))


async def test_the_map_of_another_country(car_db: Path, tmp_path: Path) -> None:
    app = make_app(car_db, tmp_path / "state.json")  # its own: the store is shared
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        legend = plain(app.map.query_one("#map-legend").content, width=60)
        assert legend.startswith("Central African Republic · held as of 2022-12-01")
        assert "5 known only to a district, province or country" in legend
        view = app.map.view
        west, south, east, north = view.bbox
        assert 14 < west < 15.5 and 2 < south < 2.5 and 27 < east < 28 and 10.5 < north < 11.5
        assert {a.precision for a, _ in view.areas} == {"country", "region", "district", "province"}
        assert all(region is not None for _, region in view.areas)
        # A front of the country: the frame is its division.
        ouaka = next(s for s in app.fronts_pane.slugs if s and app.ref.front_name(s) == "Ouaka")
        await pilot.press(str(app.fronts_pane.slugs.index(ouaka)))
        await settle(pilot)
        legend = plain(app.map.query_one("#map-legend").content, width=60)
        assert legend.startswith("Ouaka · held as of")
        west, south, east, north = app.map.view.bbox
        assert 19 < west < 21 and 4.5 < south < 5.5 and 21.5 < east < 22.5 and 6.5 < north < 8


async def test_a_new_store_says_how_to_bring_data_in(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    create_store(path, bundled=False)
    app = make_app(path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        welcome = plain(app.query_one("#welcome").content, width=110)
        assert "This store holds no events yet." in welcome
        assert f"sitroom import FILE --db {path}" in welcome
        assert f"sitroom ingest REPORT --db {path}" in welcome
        assert not app.query_one("#main").display
        # Data arriving from another process: the panes take its place.
        await pilot.pause(1.6)  # the browser's first look at the store, which later looks compare with
        store = Store(path)
        store.import_file(Path(__file__).parent / "data" / "real" / "three_countries_acled.csv")
        store.close()
        await asyncio.wait_for(app.store_changed.wait(), timeout=10)  # the browser noticed the import
        await settle(pilot)
        assert app.query_one("#main").display and not app.query_one("#welcome").display
        assert len(column(app, "place")) == 28


async def test_a_country_wide_front_is_named_under_its_country(tmp_path: Path) -> None:
    """Under the heading "Central African Republic", its country-wide front reads "(country-wide)": the
    whole name would be cut at the pane's width; the palette still gives the whole name."""
    from .real_rows import make_store, real_rows

    db = make_store(tmp_path / "two.db", real_rows("ucdp_ged_231_car.csv") + real_rows("acled_2024.csv"))
    app = make_app(db, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        lines = shown(app)
        car = lines.index("Central African Republic")
        syria = lines.index("Syria")
        under_car = [line[2:].rsplit(" ", 1)[0].strip() for line in lines[car + 1:syria]]
        assert "(country-wide)" in under_car and not any("…" in line for line in lines)
        slug = app.fronts_pane.slugs[1 + under_car.index("(country-wide)")]  # CAR is the first group
        assert app.ref.front_name(slug) == "Central African Republic (country-wide)"
