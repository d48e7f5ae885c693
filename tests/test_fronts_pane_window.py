"""The fronts pane costs what its visible rows cost: a store of a thousand fronts must not have every
front drawn on each refresh (a faction toggle took over a second of CPU on ~1,100 fronts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitroom.tui.widgets import fronts

from .helpers import make_app, plain, settle


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the fronts whose rows the pane builds, in order."""
    names: list[str] = []
    prompt = fronts._prompt

    def counted(key: str, mark: str, name: str, *args):
        names.append(name)
        return prompt(key, mark, name, *args)

    monkeypatch.setattr(fronts, "_prompt", counted)
    return names


def lines(pane, start: int, stop: int) -> str:
    return "\n".join(plain(pane.get_option_at_index(i).prompt, width=30) for i in range(start, stop))


async def test_a_refresh_draws_only_the_rows_on_screen(many_db: Path, tmp_path: Path,
                                                       drawn: list[str]) -> None:
    app = make_app(many_db, tmp_path / "state.json")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        pane = app.fronts_pane
        height = pane.scrollable_content_region.height
        assert pane.option_count > height + 10  # the list is longer than the pane
        on_screen = lines(pane, 0, height)
        drawn.clear()
        app.view = app.view.but(filter=app.view.filter.but(types=("clashes",)))  # as a faction toggle does
        await settle(pilot)
        assert drawn  # the counts changed: the rows on screen were drawn again ...
        assert all(name in on_screen for name in drawn)  # ... and none below them
        # Moving down the list draws the rows that come into view, not the whole list.
        drawn.clear()
        pane.focus()
        await pilot.press("end")
        await settle(pilot)
        top = round(pane.scroll_y)
        window = lines(pane, top, top + height)
        assert all(name in window or name in on_screen for name in drawn)
        assert len(set(drawn)) <= 2 * height


async def test_rows_that_did_not_change_are_not_replaced(many_db: Path, tmp_path: Path) -> None:
    app = make_app(many_db, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        pane = app.fronts_pane
        before = [pane.get_option_at_index(i).prompt for i in range(pane.option_count)]
        await pilot.press("2")  # another front: the counts under the filter are the same
        await settle(pilot)
        after = [pane.get_option_at_index(i).prompt for i in range(pane.option_count)]
        assert after == before
        assert all(a is b for a, b in zip(after, before, strict=True))


async def test_one_refresh_counts_the_fronts_once_with_the_map_on(db_path: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(db_path, tmp_path / "state.json")
    asked: list[object] = []
    count = app.store.front_counts

    def counted(f=None):
        asked.append(f)
        return count(f) if f is not None else count()

    monkeypatch.setattr(app.store, "front_counts", counted)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert app.map.display
        asked.clear()
        app.view = app.view.but(filter=app.view.filter.but(types=("shelling",)))
        await settle(pilot)
        assert len(asked) == 1  # the fronts pane's count, which the map frames by
        assert app.fronts_pane.get_option_at_index(0).prompt.count == app.counted.facets.total
        # Another front: the counts under the filter are those already on screen, not counted again.
        asked.clear()
        await pilot.press("0", "1")
        await settle(pilot)
        assert asked == []
