"""The command palette lists the best matches as you type, not every one of a world store's names:
listing thousands made each key lag (tuifix)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.files.importing import import_file
from sitroom.tui.commands import HITS
from textual.command import CommandList

from .helpers import jump_to_place, make_app, settle


@pytest.fixture
def world_db(tmp_path: Path) -> Path:
    """Real ACLED rows: hundreds of places and factions, more than a palette lists."""
    path = tmp_path / "world.db"
    create_store(path, bundled=False)
    store = Store(path)
    import_file(store.db.conn, Path(__file__).parent / "data" / "real" / "acled_2024.csv")
    store.close()
    return path


async def test_typing_lists_the_best_matches_only(world_db: Path) -> None:
    app = make_app(world_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", "a")
        await pilot.pause(0.5)
        commands = app.screen.query_one(CommandList)
        prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        ours = [p for p in prompts if p.startswith(("Front:", "Faction:", "Place:"))]
        assert 0 < len(ours) <= HITS, prompts[:5]  # the app's own commands (Quit, Theme…) besides
        # Every "Place: …" and "Faction: …" holds an "a": without the cap each was highlighted and listed.
        assert len(app.ref.places) + len(app.ref.factions) > len(ours)
        await pilot.press("escape")
        place = next(p for p in app.ref.places if len(p.name) > 5)
        await jump_to_place(pilot, place.name)  # a place typed whole is still found, and chosen
        assert app.view.filter.places == (place.id,)
