"""On a short terminal (under 30 rows) the histogram's bars are one row high and its legend one line,
so that 80×24 keeps eight timeline rows: the largest sides that fit, then how many more there are."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from sitroom.db import Bloc
from sitroom.tui import render
from textual.widgets import Static

from .helpers import make_app, settle

BLOCS = [Bloc(f"b{n}", name, n) for n, name in enumerate(
    ["Government and allies", "SDF and US-led coalition", "ISIS", "Armed opposition", "Militias",
     "Protesters and rioters", "Other and unassigned"])]
COUNTS = [915, 2, 3, 51, 10, 10, 11]


def _histogram(width: int, height: int, unconfirmed: int = 7) -> list[str]:
    sides = {"2024-04-01": {b.slug: n for b, n in zip(BLOCS, COUNTS, strict=True)},
             "2024-04-05": {"b0": 4}}
    buckets = {day: sum(by.values()) for day, by in sides.items()}
    unsure = {"2024-04-05": unconfirmed} if unconfirmed else {}
    return render.histogram(buckets, "day", 0, width, sides, BLOCS, height=height,
                            unconfirmed=unsure).plain.splitlines()


def test_one_row_of_bars_takes_a_one_line_legend_of_the_largest_sides() -> None:
    lines = _histogram(78, 1)
    assert len(lines) == 3  # the bars, their scale, the legend
    legend = lines[-1]
    assert "Government and allies 919" in legend and "unconfirmed 7" in legend
    assert legend.rstrip().endswith("more")
    shown = [b.name for b in BLOCS if f"{b.name} " in legend]
    hidden = [n for b, n in zip(BLOCS, COUNTS, strict=True) if b.name not in shown]
    assert f"+{len(hidden)} more" in legend
    # Never a smaller side in words where a larger one is left out.
    assert all(n <= min(c for b, c in zip(BLOCS, COUNTS, strict=True) if b.name in shown) for n in hidden)


def test_the_one_line_legend_fits_every_width_and_says_what_it_leaves_out() -> None:
    for width in range(30, 200):
        legend = _histogram(width, 1)[-1]
        assert cell_len(legend) <= width, (width, legend)
        named = sum(f"{b.name} " in legend for b in BLOCS) + ("unconfirmed" in legend)
        more = int(legend.rsplit("+", 1)[1].split()[0]) if "more" in legend else 0
        assert named + more == len(BLOCS) + 1, (width, legend)


def test_three_rows_of_bars_keep_the_full_legend() -> None:
    lines = _histogram(78, 3)
    assert "confirmed by side, bottom up:" in "\n".join(lines)
    assert all(b.name in "\n".join(lines) for b in BLOCS) and "claimed or rumoured 7" in lines[-1]
    assert "more" not in "\n".join(lines)


async def test_at_80x24_the_histogram_takes_two_lines_on_one_day(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = app.query_one("#histogram", Static).content
        lines = [line for line in str(text).splitlines() if line.strip()]
        assert len(lines) == 2 and lines[0].startswith("2017-06-30: 19 events")
        assert "Government and allies" in lines[1] and "unconfirmed" in lines[1]
