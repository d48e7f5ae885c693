"""An answer that arrives after the browser has closed is dropped, never a crash at quit."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import Ranked
from sitroom.tui import loading

from .helpers import make_app, settle


async def test_the_pickers_answer_after_quit_is_dropped(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        view, generation = app.view, app.generation
    # The app has closed with the picker open: no screen is left. The places the picker asked for
    # arrive now (a worker that outlived the quit); reading the screen raised ScreenStackError.
    assert not app.screen_stack
    app.on_ranked_loaded(loading.RankedLoaded(generation, view, "place", "", [Ranked("raqqa", "Raqqa", 2)]))
    assert app.picker is None
