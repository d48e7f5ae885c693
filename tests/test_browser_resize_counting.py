"""What a day in the browser found (tuifix): a window narrowed under a dialog keeps its fronts within
reach, the histogram never shows another view's figures, and the sides' legend never breaks an entry."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rich.cells import cell_len
from sitroom.db import Bloc
from sitroom.tui import render
from textual.widgets import Static

from .helpers import make_app, settle


@pytest.mark.parametrize("dialog", ["question_mark", "f", "s"])
async def test_narrowed_under_a_dialog_F_and_tab_still_open_the_fronts(db_path: Path, dialog: str) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.focused is app.fronts_pane
        await pilot.press(dialog)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.timeline.table  # not the (closed) search box, where F was typed
        await pilot.press("F")
        await settle(pilot)
        assert app.fronts_pane.display and app.focused is app.fronts_pane
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert app.fronts_pane.display and app.focused is app.fronts_pane


async def test_narrowing_puts_the_fronts_hint_in_the_title_and_widening_takes_it_out(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert "(F: list)" not in str(app.timeline.border_title)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        total = len(app.fronts_pane.slugs) - 1
        assert f"front 2 of {total} (F: list)" in str(app.timeline.border_title)
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert "(F: list)" not in str(app.timeline.border_title)


async def test_the_histogram_shows_no_figures_of_another_filter_while_counting(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # a front: its own histogram
        await settle(pilot)
        before = app.timeline.histogram
        assert not before.counting and before.buckets
        gate = threading.Event()
        counts = app.loader.counts

        def held(*args: object) -> None:
            gate.wait(10)
            counts(*args)

        app.loader.counts = held
        await pilot.press("0")  # all fronts: the timeline answers, the counts are held back
        for _ in range(50):
            await pilot.pause(0.02)
            if "counting…" in str(app.timeline.border_title):
                break
        shown = app.timeline.query_one("#histogram", Static).render()
        assert app.timeline.histogram.counting and "counting…" in str(shown)
        assert "max" not in str(shown) and "confirmed by side" not in str(shown)
        gate.set()
        await settle(pilot)
        assert not app.timeline.histogram.counting and app.timeline.histogram.buckets != before.buckets


def test_the_sides_legend_never_runs_past_its_width() -> None:
    blocs = [Bloc(f"b{n}", name, n) for n, name in enumerate(
        ["Government and allies", "SDF and US-led coalition", "ISIS", "Armed opposition", "Militias",
         "Protesters and rioters", "Civilians", "Other and unassigned"])]
    sides = {"2020-05-01": {b.slug: 1109 + n for n, b in enumerate(blocs)},
             "2020-05-09": {b.slug: 7 for b in blocs}}
    buckets = {day: sum(by.values()) for day, by in sides.items()}
    for width in range(40, 120):
        text = render.histogram(buckets, "day", 0, width, sides, blocs)
        legend = [line for line in text.plain.splitlines() if "■" in line]
        assert len(legend) > 1
        for line in legend:
            assert cell_len(line) <= width, (width, line)
