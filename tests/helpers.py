"""Driving the app headless and reading what its widgets show."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from types import ModuleType

from rich.console import Console
from sitroom.db import Store
from sitroom.tui.app import SitroomApp
from sitroom.tui.screens import StatsScreen
from sitroom.tui.state import StateFile
from textual.pilot import Pilot

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench_module(name: str) -> ModuleType:
    """A script of bench/ (the synthetic data makers, the extraction scorer), loaded from its file."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_app(db_path: Path, state: Path | None = None) -> SitroomApp:
    return SitroomApp(Store(db_path), StateFile(state or db_path.with_suffix(".state.json")))


async def settle(pilot: Pilot) -> None:
    """Wait until every load has run and its answer is on screen. The messages a key press posted
    (a search box's Done, a picker's Changed) are handled first: they may start the loads."""
    # Twice over: a message handled in the first pause may post another that starts a load only in the
    # next (a search box's Submitted, then its Done); on a loaded machine that second step came late.
    for _ in range(2):
        await pilot.pause()
        await pilot.app.settled()
    await pilot.pause()


async def jump_to_place(pilot: Pilot, name: str) -> None:
    """Choose a place from the command palette, as a user would, and wait for its events."""
    await pilot.press("ctrl+p", *f"Place: {name}")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)


async def open_stats(pilot: Pilot) -> StatsScreen:
    """Press `s` and wait for the statistics sheet's counts: the sheet."""
    await pilot.press("s")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StatsScreen)
    return screen


def stats_ids(screen: StatsScreen) -> list[str]:
    """The ids of the sheet's rows, top to bottom (hdr:…, faction:…, certainty:…)."""
    return [str(screen.rows.get_option_at_index(i).id) for i in range(screen.rows.option_count)]


def plain(renderable: object, width: int = 100) -> str:
    """What a renderable looks like as plain text."""
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def detail_text(app) -> str:
    """The detail pane's text, as plain text."""
    return plain(app.detail.query_one("#detail-body").content, width=200)


def column(app: SitroomApp, key: str) -> list[str]:
    """The text of one timeline column, top to bottom."""
    table = app.timeline.table
    return [plain(table.get_cell(row_key, key)).strip() for row_key in table.rows]
