"""Issue 13 in the browser: an export that fails leaves no file, the calendar's ends do not stop the
app, a saved view of the wrong shape is forgotten, huge fields draw bounded, a search with no words
changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sitroom.db import Store

from .helpers import column, detail_text, make_app, settle


def _add_event(db_path: Path, **fields: object) -> None:
    record = {"date": "2017-06-30", "front": "raqqa", "summary": "Added.", "event_type": "clashes",
              "certainty": "confirmed", "source": "swr-2017-06-30", **fields}
    path = db_path.with_name("add.jsonl")
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    store = Store(db_path)
    report = store.import_file(path)
    store.close()
    assert report.counts.added == 1, report.bad


async def test_5_a_failed_export_from_the_browser_leaves_no_file(db_path: Path, tmp_path: Path,
                                                                  monkeypatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = make_app(db_path)

    def broken(f, fmt, out):
        out.write("id,date\n")
        raise OSError(28, "No space left on device")

    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.store, "export", broken)
        await pilot.press("e")
        await settle(pilot)
        assert any("No space left" in str(n.message) for n in app._notifications)
    assert list(folder.iterdir()) == []


async def test_10_stepping_back_from_the_first_day_of_the_calendar(db_path: Path) -> None:
    _add_event(db_path, date="0001-01-01", summary="At the start of time.")
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("t", *"0001-01-01", "enter")
        await settle(pilot)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert app.is_running
        assert app.view.as_of == "0001-01-01"
        assert column(app, "place") or True  # the timeline still answers
        await pilot.press("t", *"9999-12-30", "enter", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert app.is_running and app.view.as_of is None


async def test_16_a_saved_view_of_the_wrong_shape_is_forgotten(db_path: Path) -> None:
    state = db_path.with_suffix(".state.json")
    state.write_text(json.dumps({str(db_path.resolve()): {"front": 5, "filter": {"text": 5}}}))
    app = make_app(db_path, state)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.view.filter.text == "" and app.view.front is None
        assert len(column(app, "place")) == 24
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_20_a_huge_field_in_an_older_store_draws_bounded(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:  # as a store made before fields were bounded might hold
        conn.execute("UPDATE events SET summary = ? || summary, excerpt = ? WHERE place = 'jobar'",
                     ("S" * 5_000_000, "E" * 5_000_000))
    conn.close()
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "tab", "j", "j")
        await settle(pilot)
        text = detail_text(app)
        assert "characters cut]" in text and len(text) < 100_000
        await pilot.press("j")  # and the app still answers a key at once
        await settle(pilot)
        assert app.is_running


async def test_22_a_search_with_no_words_changes_nothing(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"VBIED")
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(column(app, "place")) == 2
        await pilot.press(*["backspace"] * 5, "asterisk")
        await pilot.pause(0.3)
        await settle(pilot)
        box = app.query_one("#search")
        assert "no words" in str(box.border_subtitle)
        assert app.view.filter.text == "VBIED" and len(column(app, "place")) == 2
        await pilot.press("enter")
        await settle(pilot)
        assert app.view.filter.text == "VBIED"
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_a_count_interrupted_by_mistake_starts_again(db_path: Path) -> None:
    """The interrupt meant for an older count can land on the newer one's first statement: the
    counts must still arrive, not leave the title on "counting…"."""
    import sqlite3 as sqlite

    app = make_app(db_path)
    stray = {"left": 1}

    def interrupted_once(sql: str, params) -> None:
        if stray["left"] and sql.lstrip().upper().startswith("SELECT"):
            stray["left"] -= 1
            raise sqlite.OperationalError("interrupted")

    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.store.count_tracer = interrupted_once
        await pilot.press("3")
        await settle(pilot)
        assert stray["left"] == 0
        assert "4 events" in str(app.timeline.border_title)
