"""Export (e) is named in the footer from 100 columns on; at 80 the footer leaves it out to keep the other
keys whole, and the key still exports (two bindings on one key and check_action, Textual's public API:
nothing of Textual's internals is changed, so resizing either way gives the right footer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import make_app, settle
from .test_browser_narrow_fronts import footer_keys


async def _exported(pilot, folder: Path) -> list[Path]:
    await pilot.press("e")
    await settle(pilot)
    return sorted(folder.glob("sitroom-*.csv"))


@pytest.mark.parametrize(("size", "named"), [((80, 24), False), ((160, 45), True)])
async def test_export_works_at_every_width_and_is_named_from_100_columns(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int],
        named: bool) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert ("e Export" in footer_keys(app)) is named
        [written] = await _exported(pilot, tmp_path)
        assert written.read_text(encoding="utf-8").startswith("id,date,")


async def test_resizing_puts_export_back_and_takes_it_away(db_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        for size, named in (((80, 24), False), ((160, 45), True), ((80, 24), False)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert ("e Export" in footer_keys(app)) is named, size
            # the bindings stay as declared: the footer follows check_action, not a rewritten binding map
            assert [b.show for b in app._bindings.key_to_bindings["e"]] == [True, False]
        assert len(await _exported(pilot, tmp_path)) == 1
