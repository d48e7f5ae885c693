"""The situation browser, driven from the keyboard as a user would."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import EventFilter
from sitroom.tui.screens import FilterPicker, HelpScreen
from textual.widgets import Input

from .helpers import column, detail_text, jump_to_place, make_app, plain, settle


async def test_launch_shows_every_front_and_event(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        fronts = app.fronts_pane
        assert fronts.option_count == 6
        first = plain(fronts.get_option_at_index(0).prompt)
        assert "All fronts" in first and "24" in first
        assert len(column(app, "place")) == 24
        assert "factions all" in plain(app.query_one("#filter-bar").content)
        # The top event is shown in full in the detail pane.
        assert "Source sentence" in detail_text(app)


async def test_move_to_eastern_damascus_with_the_keyboard(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert app.view.front == "eastern-damascus"
        assert sorted(column(app, "place")) == [
            "Al-Sanabel gas station", "Ayn Tarma", "Ayn Tarma Roundabout", "Jobar"]
        assert "Eastern Damascus · 4 events" in str(app.timeline.border_title)
        # j/k move too, and number keys jump straight to a front.
        await pilot.press("k")
        await settle(pilot)
        assert app.view.front == "deir-ezzor"
        await pilot.press("1")
        await settle(pilot)
        assert app.view.front == "raqqa"
        assert len(column(app, "place")) == 6
        await pilot.press("0")
        await settle(pilot)
        assert app.view.front is None


async def test_filter_to_faylaq_al_rahman_then_clear(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterPicker)
        await pilot.press(*"rahman")
        await pilot.press("space")
        await settle(pilot)
        # The screen behind updated while the picker is still open.
        assert app.view.filter.factions == ("faylaq-al-rahman",)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FilterPicker)
        assert sorted(column(app, "place")) == ["Ayn Tarma", "Jobar"]
        assert column(app, "certainty") == ["◐ claimed", "◐ claimed"]
        assert "FaR" in plain(app.query_one("#filter-bar").content)
        assert "Claimed by Faylaq al-Rahman" in detail_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert app.view.filter == EventFilter()
        assert len(column(app, "place")) == 24


async def test_search_vbied_and_open_the_al_mashlabi_event(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"VBIED")
        await pilot.pause(0.3)  # results arrive as you type, after a short pause
        await settle(pilot)
        places = column(app, "place")
        assert sorted(places) == ["Al-Mashlabi", "Al-Sabahia"]
        await pilot.press("enter")  # keep the search, back to the timeline
        await settle(pilot)
        assert app.focused is app.timeline.table
        assert "“VBIED”" in plain(app.query_one("#filter-bar").content)
        for _ in range(places.index("Al-Mashlabi")):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.maximized is app.detail
        text = detail_text(app)
        assert "An ISIS VBIED targeted a gathering of SDF troops in Al-Mashlabi district." in text
        assert "Al-Mashlabi (district), Raqqa" in text and "governorate" not in text
        await pilot.press("escape")
        assert app.screen.maximized is None


async def test_search_escape_drops_the_search(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Jobar")
        await pilot.pause(0.3)
        await settle(pilot)
        assert column(app, "place") == ["Jobar"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.view.filter.text == ""
        assert len(column(app, "place")) == 24
        assert not app.query_one("#search", Input).has_class("open")


async def test_a_parent_faction_includes_its_units(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"saa", "space")  # SAA first, then TF (alias "SAA Tiger Forces")
        await settle(pilot)
        assert app.view.filter.factions == ("saa",)
        picker = app.screen
        prompts = [plain(picker.choices.get_option_at_index(i).prompt)
                   for i in range(picker.choices.option_count)]
        assert any(p.startswith("[·]") and "Tiger Forces" in p for p in prompts)
        await pilot.press("escape")
        await settle(pilot)
        assert "Bir Abu Al'Allaj" in column(app, "place")
        assert "Kasrat Affan" not in column(app, "place")


async def test_certainty_and_type_filters(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"rumoured", "space", "escape")
        await settle(pilot)
        assert sorted(column(app, "place")) == ["Al-Zquf", "At Tanf"]
        assert column(app, "certainty") == ["○ rumoured", "○ rumoured"]


async def test_help_screen(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = plain(app.screen.query_one("#help Static").content)
        assert "filter by faction" in text and "command palette" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_jumps_to_a_place(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await jump_to_place(pilot, "Jobar")
        assert app.view.filter.places == ("jobar",)
        assert column(app, "place") == ["Jobar"]


async def test_the_last_front_and_filter_are_remembered(db_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    app = make_app(db_path, state)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "f", *"claimed", "space", "escape")
        await settle(pilot)
    again = make_app(db_path, state)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert again.view.front == "eastern-damascus"
        assert again.view.filter.certainty == ("claimed",)
        assert sorted(column(again, "place")) == ["Ayn Tarma", "Jobar"]


async def test_the_timeline_fetches_a_page_at_a_time_as_you_scroll(
    db_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("sitroom.tui.app.PAGE_SIZE", 5)
    monkeypatch.setattr("sitroom.tui.widgets.timeline.PREFETCH", 2)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert len(column(app, "place")) == 5  # only the first window is fetched
        await pilot.press("tab")
        assert app.focused is app.timeline.table
        for _ in range(30):
            await pilot.press("down")
            await settle(pilot)
        ids = app.timeline.event_ids
        assert len(ids) == len(set(ids)) == 24
        assert app.timeline.next is None
        store_order = [r.id for r in app.store.iter_events()]
        assert ids == store_order


async def test_hostile_text_is_shown_literally(db_path: Path) -> None:
    import sqlite_utils
    from sitroom.db.loader import Reference, prepare_event, write_events

    db = sqlite_utils.Database(db_path)
    record = {
        "date": "2017-07-01", "front": "raqqa", "place": "raqqa", "event_type": "attack",
        "certainty": "claimed", "source": "swr-2017-06-30",
        "summary": "[bold red]Styled?[/] \x1b[2J\x1b[31mred\x1b[0m \x07 [link=http://x]link[/link]",
        "excerpt": "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\ مدينة الرقة",
        "factions": [{"faction": "isis", "role": "actor"}],
    }
    with db.conn:
        write_events(db.conn, [prepare_event(record, Reference(db))])
    db.close()
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        summary = column(app, "summary")[0]
        assert summary.startswith("[bold red]Styled?[/]")
        assert "\x1b" not in summary and "\x07" not in summary
        text = detail_text(app)
        assert "[bold red]Styled?[/]" in text and "[link=http://x]link[/link]" in text
        assert "click مدينة الرقة" in text and "\x1b" not in text


async def test_e_exports_what_the_timeline_shows(db_path: Path, tmp_path: Path, monkeypatch) -> None:
    import csv

    monkeypatch.chdir(tmp_path)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "e")
        await settle(pilot)
    files = list(tmp_path.glob("sitroom-eastern-damascus-*.csv"))
    assert len(files) == 1
    rows = list(csv.DictReader(files[0].open()))
    assert sorted(r["place_name"] for r in rows) == sorted(
        ["Al-Sanabel gas station", "Ayn Tarma Roundabout", "Ayn Tarma", "Jobar"])


async def test_the_detail_pane_shows_who_took_the_place(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await jump_to_place(pilot, "Resafa")
        await pilot.press("tab")
        while app.timeline.current and "capture" not in column(app, "type")[
                app.timeline.table.cursor_row]:
            await pilot.press("down")
            await settle(pilot)
        text = detail_text(app)
        assert "Control of Resafa" in text
        assert "June 2017  SAA took it from ISIS" in text
