"""The command palette lists the best matches as you type, not every one of a world store's names:
listing thousands made each key lag (tuifix)."""

from __future__ import annotations

from pathlib import Path

from sitroom.tui.commands import HITS
from textual.command import CommandList

from .helpers import jump_to_place, make_app, settle


async def test_typing_lists_the_best_matches_only(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", "a")
        await pilot.pause(0.5)
        commands = app.screen.query_one(CommandList)
        prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        ours = [p for p in prompts if p.startswith(("Front:", "Faction:", "Place:"))]
        assert 0 < len(ours) <= HITS, prompts[:5]  # the app's own commands (Quit, Theme…) besides
        await pilot.press("escape")
        await jump_to_place(pilot, "Raqqa")  # the one asked for is still among them, and chosen
        assert app.view.filter.places
