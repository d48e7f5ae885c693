"""The browser at every designed size (80×24, 120×35, 160×45, 220×60), map on and off, and resized
either way (issue 19, items 2–5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitroom.tui.layout import TIMELINE_MIN, arrange, column_widths

from .helpers import make_app, settle

SIZES = [(80, 24), (120, 35), (160, 45), (220, 60)]


def screen_lines(app) -> list[str]:
    """What the terminal shows, line by line, as plain text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def layout_of(app) -> tuple:
    """Where every pane is: what a resize must land on exactly as a fresh start does."""
    panes = ("#fronts", "#timeline", "#side", "#map", "#detail", "#histogram")
    return (tuple(sorted(app.screen.classes)),
            tuple((p, app.query_one(p).display, tuple(app.query_one(p).region)) for p in panes),
            tuple(app.timeline.widths.items()))


async def started(pilot, map_on: bool) -> None:
    """The app settled after its start, with the map turned on if `map_on`."""
    await settle(pilot)
    if map_on:
        await pilot.press("m")
        await settle(pilot)


async def _fresh(db_path: Path, size: tuple[int, int], map_on: bool) -> tuple:
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await started(pilot, map_on)
        return layout_of(app)


@pytest.mark.parametrize("start,end", [((80, 24), (220, 60)), ((220, 60), (80, 24)),
                                       ((160, 45), (120, 35)), ((120, 35), (160, 45))])
@pytest.mark.parametrize("map_on", [False, True])
async def test_a_resize_lands_where_a_fresh_start_does(db_path: Path, start, end, map_on) -> None:
    expected = await _fresh(db_path, end, map_on)
    app = make_app(db_path)
    async with app.run_test(size=start) as pilot:
        await started(pilot, map_on)
        await pilot.resize_terminal(*end)
        await settle(pilot)
        await pilot.pause()
        assert layout_of(app) == expected


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("map_on", [False, True])
async def test_every_size_shows_the_certainty_word_and_type(db_path: Path, size, map_on) -> None:
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await started(pilot, map_on)
        lines = screen_lines(app)
        row = next(line for line in lines if "2017-06-30   Humaima" in line)
        assert "SAA+VKS ▸ ISIS" in row and "● confirmed" in row and "capture" in row, row
        assert any("Certainty" in line and "Type" in line for line in lines)
        # The footer says how to get help and quit, whatever the width.
        assert "? Help" in lines[-1] and "q Quit" in lines[-1], lines[-1]
        # No pane runs past the terminal's edge, and the timeline never scrolls sideways.
        for pane in ("#timeline", "#side", "#detail", "#map"):
            region = app.query_one(pane).region
            assert region.right <= size[0] and region.bottom <= size[1], pane
        assert app.timeline.table.max_scroll_x == 0
        # The histogram's legend reads whole: Faylaq al-Rahman's two claims stand apart from any side
        # (on a short screen, where the legend is one line, as "unconfirmed").
        if app.query_one("#histogram").display:
            unsure = "unconfirmed 4" if size[1] < 30 else "claimed or rumoured 4"
            assert any(unsure in line for line in lines)


async def test_the_map_at_80x24_is_not_a_sliver(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert app.map.region.width >= 60 and app.map.region.height >= 8
        await pilot.press("enter")  # an event opens full-screen over the map
        await settle(pilot)
        assert app.screen.maximized is app.detail and app.detail.region.width == 80


async def test_the_summary_needs_no_sideways_scroll(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(220, 60)) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        row = next(line for line in lines if "2017-06-30   Humaima" in line)
        assert "Government forces, with" in row
        assert app.timeline.table.max_scroll_x == 0
        await pilot.press("tab", "end")
        await settle(pilot)
        table = app.timeline.table
        assert table.cursor_row == table.row_count - 1 and table.scroll_x == 0
        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_x == 0


async def test_long_place_names_end_in_an_ellipsis(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        row = next(line for line in screen_lines(app) if "T2 pumping" in line)
        assert re.search(r"T2 pumping( station| ?\w*…) ", row), row


def test_the_columns_fill_the_timeline_exactly() -> None:
    for width in range(TIMELINE_MIN - 2, 200):  # the table inside the timeline's border
        widths = column_widths(width)
        assert sum(widths.values()) + 2 * len(widths) + 2 <= width
    for size in SIZES:
        for map_on in (False, True):
            a = arrange(*size, map_on)
            timeline = size[0] - a.fronts - a.side if a.side else size[0]
            assert timeline >= TIMELINE_MIN, (size, map_on)
            assert a.side == 0 or a.side >= 28
