"""Layout polish (issue 19): front names read whole wherever the fronts pane shows without the map,
and the map's legend wraps between its entries, never inside one."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from sitroom.tui.layout import MAP_MIN, TIMELINE_MIN, arrange
from sitroom.tui.render import flow

from .helpers import make_app, plain, settle
from .test_browser_layout import SIZES, screen_lines, started

FRONTS = ("All fronts", "Raqqa", "Deir Ezzor", "Eastern Damascus", "Homs desert / Iraqi border",
          "East Aleppo–Resafa")


@pytest.mark.parametrize("size,map_on", [((120, 35), False), ((160, 45), False), ((220, 60), False),
                                         ((220, 60), True)])
async def test_front_names_read_whole(db_path: Path, size, map_on) -> None:
    """Wherever the fronts pane shows, but beside the map at 160 columns (the map needs the room:
    names too long end in an ellipsis there)."""
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await started(pilot, map_on)
        region = app.fronts_pane.region
        assert app.fronts_pane.display and region.right <= size[0]
        lines = [line[region.x:region.right] for line in screen_lines(app)[region.y:region.bottom]]
        for n, name in enumerate(FRONTS):
            assert any(f"{n} {name} " in line for line in lines), (name, lines)
        assert not any("…" in line for line in lines)


async def test_at_120_columns_the_fronts_sit_above_the_event(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        fronts, detail, timeline = app.fronts_pane.region, app.detail.region, app.timeline.region
        assert fronts.x == detail.x == 0 and timeline.x >= fronts.right
        assert fronts.bottom <= detail.y and fronts.height == len(FRONTS) + 2
        assert timeline.width >= TIMELINE_MIN and timeline.height > 30
        # Tab goes fronts, timeline, event; the number keys still choose a front.
        assert app.focused is app.fronts_pane
        await pilot.press("tab")
        assert app.focused is app.timeline.table
        await pilot.press("tab")
        assert app.focused is app.detail
        await pilot.press("3")
        await settle(pilot)
        assert app.view.front == "eastern-damascus"
        await pilot.press("m")  # with the map on, the fronts give way to it
        await settle(pilot)
        assert not app.fronts_pane.display and app.map.region.width >= MAP_MIN


@pytest.mark.parametrize("size", SIZES)
async def test_the_map_legend_keeps_its_entries_whole(db_path: Path, size) -> None:
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await started(pilot, map_on=True)
        legend = app.map.query_one("#map-legend")
        lines = [line[legend.region.x:legend.region.right].rstrip()
                 for line in screen_lines(app)[legend.region.y:legend.region.bottom]]
        text = "\n".join(lines)
        # A short pane (80×24) has the brief legend: the holders, not the events by actor.
        actors = ("SAA 7", "ISIS 3") if "by actor" in text else ()
        assert actors or size[1] < 30
        for entry in ("G Government and allies 7", "S SDF and US-led coalition 2", *actors):
            assert any(entry in line for line in lines), (entry, text)


def test_flow_breaks_between_entries() -> None:
    text = Text("Syria · held as of 2017-06-30: G Government and allies 8  S SDF and US-led coalition 3  \n"
                "◉ Humaima")
    assert plain(flow(text, 40), width=40).splitlines() == [
        "Syria · held as of 2017-06-30:", "G Government and allies 8", "S SDF and US-led coalition 3",
        "◉ Humaima"]
    assert plain(flow(text, 60), width=60).splitlines()[:2] == [
        "Syria · held as of 2017-06-30: G Government and allies 8", "S SDF and US-led coalition 3"]
    # An entry wider than the line is all that can break.
    assert plain(flow(Text("a  " + "b" * 30), 10), width=10).splitlines()[0] == "a"


def test_every_size_keeps_the_timeline_whole() -> None:
    for size in SIZES:
        for map_on in (False, True):
            a = arrange(*size, map_on)
            timeline = size[0] - a.fronts - a.side if a.side else size[0]
            assert timeline >= TIMELINE_MIN, (size, map_on)
            if a.stacked:
                assert a.side >= 40


@pytest.mark.parametrize("map_on", [False, True])
async def test_the_footer_fits_80_columns_whatever_has_focus(db_path: Path, map_on) -> None:
    """Every key the footer names is whole at 80 columns, the timeline's ⏎ Open included."""
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot, map_on)
        assert app.focused is app.timeline.table
        footer = screen_lines(app)[-1].rstrip()
        assert footer.startswith("⏎ Open ? Help q Quit F Fronts") and footer.endswith("s Stats"), footer


async def test_at_80x24_j_moves_the_timeline_not_the_hidden_fronts(db_path: Path) -> None:
    """Found on the way: at 80×24 the app started focused on the hidden fronts pane, so the first
    j changed the front unseen."""
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.view.front is None and app.timeline.table.cursor_row == 1
