"""The look of the key screens, as SVG snapshots (pytest-textual-snapshot).

Update after a deliberate change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from .helpers import make_app, settle
from .test_browser_picker import answered


async def steady(pilot) -> None:
    """A blinking cursor is drawn or not depending on when the picture is taken: keep it drawn."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_main_screen(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(160, 45), run_before=settle)


def test_main_screen_narrow(db_path: Path, snap_compare) -> None:
    async def to_damascus(pilot) -> None:
        await settle(pilot)
        await pilot.press("3", "tab")
        await settle(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(120, 35), run_before=to_damascus)


def test_filter_picker(db_path: Path, snap_compare) -> None:
    async def open_picker(pilot) -> None:
        await settle(pilot)
        await pilot.press("f", *"saa", "space")
        await answered(pilot)
        await steady(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(160, 45), run_before=open_picker)


def test_help_screen(db_path: Path, snap_compare) -> None:
    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(120, 35), run_before=open_help)


def test_an_opened_event(db_path: Path, snap_compare) -> None:
    async def open_jobar(pilot) -> None:
        await settle(pilot)
        await pilot.press("3", "tab", "j", "j", "enter")
        await settle(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(120, 35), run_before=open_jobar)


def test_map_pane(db_path: Path, snap_compare) -> None:
    async def open_map(pilot) -> None:
        await settle(pilot)
        await pilot.press("m", "5", "tab", "j", "j")  # East Aleppo–Resafa, the third event
        await settle(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(160, 45), run_before=open_map)


def test_main_screen_80x24(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=settle)


def test_main_screen_220x60(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(220, 60), run_before=settle)


def _picker_with_places(typed: str):
    async def open_picker(pilot) -> None:
        await settle(pilot)
        await pilot.press("f", *typed)
        await answered(pilot)  # the store is asked for the places and sources once typing pauses
        await steady(pilot)

    return open_picker


def test_filter_picker_places_and_sources(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(160, 45), run_before=_picker_with_places("ra"))


def test_filter_picker_80x24(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=_picker_with_places("tarma"))


async def _stats(pilot) -> None:
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)


def test_stats_sheet(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(160, 45), run_before=_stats)


def test_stats_sheet_80x24(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=_stats)


def test_main_screen_120x35(db_path: Path, snap_compare) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(120, 35), run_before=settle)


def test_fronts_pane_with_many_fronts(many_db: Path, tmp_path: Path, snap_compare) -> None:
    """Forty-odd divisions over three countries: grouped, numbered 1–9, counts kept right; two chosen."""
    async def choose_two(pilot) -> None:
        await settle(pilot)
        await pilot.press("2", "space", "down", "space")
        await settle(pilot)

    app = make_app(many_db, tmp_path / "state.json")
    assert snap_compare(app, terminal_size=(160, 45), run_before=choose_two)


def test_map_of_another_country(car_db: Path, tmp_path: Path, snap_compare) -> None:
    """The Central African Republic: its prefectures, its events, those known only to an area shaded."""
    async def open_map(pilot) -> None:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)

    app = make_app(car_db, tmp_path / "state.json")
    assert snap_compare(app, terminal_size=(160, 45), run_before=open_map)


def test_a_happening_two_sources_report(db_path: Path, snap_compare) -> None:
    """Issue 18: the founding report ingested beside its hand-coded events; Al-Shreima opened."""
    from .test_happenings_browser import ingested, on_all_fronts_at

    ingested(db_path)
    app = make_app(db_path)

    async def open_shreima(pilot) -> None:
        await on_all_fronts_at(app, pilot, "Al-Shreima")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 35), run_before=open_shreima)


def _review_app(db_path: Path):
    from sitroom.db import Store
    from sitroom.tui.screens.review_app import ReviewApp

    store = Store(db_path)
    text = (Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt").read_text(encoding="utf-8")
    return ReviewApp(store, lambda: store.review_report(text))


async def _to_resafa(pilot) -> None:
    """The review of the founding report, on the Resafa capture: its sentence and its proposal."""
    await settle(pilot)
    await pilot.press("a", "d", "j")
    await settle(pilot)


def test_review_screen(db_path: Path, snap_compare) -> None:
    assert snap_compare(_review_app(db_path), terminal_size=(160, 45), run_before=_to_resafa)


def test_review_screen_80x24(db_path: Path, snap_compare) -> None:
    assert snap_compare(_review_app(db_path), terminal_size=(80, 24), run_before=_to_resafa)


def test_review_edit_form(db_path: Path, snap_compare) -> None:
    async def edit(pilot) -> None:
        await _to_resafa(pilot)
        await pilot.press("e", "tab", "tab", "tab", "tab", "ctrl+u", *"Ra")
        await steady(pilot)

    assert snap_compare(_review_app(db_path), terminal_size=(120, 35), run_before=edit)
