"""Defects found using the browser all day (issue 19): each reproduced as a user meets it."""

from __future__ import annotations

from pathlib import Path

from sitroom.tui.screens import FilterPicker
from textual.containers import VerticalScroll

from .helpers import make_app, plain, settle


def _prompts(picker: FilterPicker) -> list[str]:
    return [plain(picker.choices.get_option_at_index(i).prompt)
            for i in range(picker.choices.option_count)]


async def test_a_chosen_faction_shows_its_x_mark(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"saa", "space")
        await settle(pilot)
        prompts = _prompts(app.screen)
        assert any(p.startswith("[x]") and "Syrian Arab Army" in p for p in prompts), prompts
        await pilot.press("backspace", "backspace", "backspace", *"confirmed", "space")
        await settle(pilot)
        assert any(p.startswith("[x]") and "confirmed" in p for p in _prompts(app.screen))
        await pilot.press("escape", "question_mark")
        legend = plain(app.screen.query_one("#help Static").content)
        assert "[x] [·] [ ]" in legend


async def test_the_help_screen_scrolls_with_j_and_k(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        scroll = app.screen.query_one("#help", VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 2
