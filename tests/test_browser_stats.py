"""The statistics sheet (`s`) as a reader meets it: the cursor starts at the top of the sheet (its first
row, the heading in sight) whatever order the counts arrive in, and names are shown whole when the
width allows."""

from __future__ import annotations

from pathlib import Path

from sitroom.tui.screens import StatsScreen

from .helpers import make_app, open_stats, plain, settle, stats_ids


async def test_the_cursor_starts_on_the_first_row_of_the_sheet(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = await open_stats(pilot)
        ids = stats_ids(screen)
        assert ids[0] == "hdr:faction"
        # The faction section is counted last, yet the cursor is on its first row, the heading shown.
        assert screen.rows.highlighted == 1 and ids[1].startswith("faction:")
        assert screen.rows.scroll_offset.y == 0
        # Once the reader moves, counts arriving again leave the cursor where they put it.
        await pilot.press("down", "down")
        assert screen.rows.highlighted == 3
        screen.update("type", dict(screen.counts["type"]))
        await pilot.pause()
        assert screen.rows.highlighted == 3


async def test_nothing_is_highlighted_while_the_first_section_is_counting(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.load_stats = lambda: None  # the counts are handed over below, in the order the worker sends
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        screen.update("type", {"capture": 11, "advance": 7})
        await pilot.pause()
        assert screen.rows.highlighted is None
        screen.update("faction", {"saa": 16, "isis": 12})
        await pilot.pause()
        assert stats_ids(screen)[screen.rows.highlighted] == "faction:saa"


async def test_faction_names_are_whole_at_160_columns(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = await open_stats(pilot)
        rows = [plain(screen.rows.get_option_at_index(i).prompt, width=150)
                for i, key in enumerate(stats_ids(screen)) if key.startswith("faction:")]
        assert any("VKS  Russian Aerospace Forces" in r for r in rows)
        assert not any("…" in r for r in rows)
