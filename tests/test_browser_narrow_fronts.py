"""At 80×24 the fronts pane is hidden: F (in the footer at every size) or tab from the timeline opens it
in the event's place; enter or esc goes back to the timeline of the front chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer

from .helpers import make_app, plain, settle


def footer_keys(app) -> str:
    footer = app.query_one(Footer)
    return " ".join(plain(child.render(), 200).strip() for child in footer.children)


@pytest.mark.parametrize("size", [(80, 24), (120, 35), (160, 45)])
async def test_help_quit_and_the_fronts_are_in_the_footer_at_every_size(db_path: Path, size) -> None:
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        keys = footer_keys(app)
        for shown in ("Help", "Quit", "Fronts"):
            assert shown in keys
        # and each is on screen, not cut off the footer's end
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Fronts" in screen.splitlines()[-1] and "Quit" in screen.splitlines()[-1]


async def test_tab_from_the_timeline_opens_the_fronts_at_80_columns(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.fronts_pane.display and app.focused is app.timeline.table
        await pilot.press("tab")
        await settle(pilot)
        assert app.fronts_pane.display and app.focused is app.fronts_pane
        assert not app.query_one("#side").display  # in the event's place
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "All fronts" in screen and "Raqqa" in screen
        await pilot.press("down")  # the first front: its timeline
        await settle(pilot)
        first = app.fronts_pane.slugs[1]
        assert app.view.front == first
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.timeline.table and not app.fronts_pane.display
        assert app.query_one("#side").display
        assert str(app.timeline.border_title).startswith(app.ref.front_name(first))


async def test_F_opens_the_fronts_and_enter_goes_into_the_timeline(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert app.focused is app.fronts_pane and app.fronts_pane.display
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert app.view.front == app.fronts_pane.slugs[2]
        assert app.focused is app.timeline.table and not app.fronts_pane.display


async def test_F_focuses_the_fronts_pane_where_it_shows(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert app.focused is app.timeline.table
        await pilot.press("tab")  # tab beside a shown fronts pane: the next pane, as before
        assert app.focused is not app.fronts_pane
        await pilot.press("F")
        assert app.focused is app.fronts_pane


async def test_a_jump_to_a_hidden_front_says_where_it_landed(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # the fronts pane is hidden at 80 columns
        await settle(pilot)
        count = len(app.fronts_pane.slugs) - 1
        assert str(app.timeline.border_title).startswith(
            f"{app.ref.front_name(app.fronts_pane.slugs[1])} · front 1 of {count} (F: list)")
        await pilot.press("0")
        await settle(pilot)
        assert str(app.timeline.border_title).startswith(f"All fronts · {count} fronts (F: list)")
