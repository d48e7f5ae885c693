"""The help screen names every key the fronts pane answers, and says what x clears as x does it."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import EventFilter
from sitroom.tui.screens import HelpScreen
from textual.widgets import Static

from .helpers import make_app, plain, settle


async def help_text(pilot) -> str:
    await pilot.press("question_mark")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HelpScreen)
    return " ".join(plain(screen.query_one("#help Static", Static).content, 200).split())


async def test_help_lists_space_on_the_fronts_pane(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        text = await help_text(pilot)
        assert "space in the fronts: add the highlighted front to the fronts shown together" in text


async def test_x_clears_every_filter_the_help_names(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.view = app.view.but(as_of="2017-06-29", filter=EventFilter(
            factions=("saa",), certainty=("claimed",), text="shelled", since="2017-06-01"))
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert app.view.filter == EventFilter() and app.view.as_of is None
        text = await help_text(pilot)
        assert "x clear every filter: factions, types, certainty, places, sources, search, dates and the " \
               "as-of date" in text
