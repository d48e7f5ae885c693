"""The review screen (`sitroom ingest REPORT --review`, `sitroom review SOURCE_ID`), driven from the
keyboard as an analyst would: accept, drop, edit, add, link, write, quit, reopen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitroom.db import Store
from sitroom.tui.cli.main import main
from sitroom.tui.screens.review import ReviewScreen
from sitroom.tui.screens.review_app import ReviewApp
from sitroom.tui.screens.review_dialogs import ConfirmQuit, ReviewHelp
from sitroom.tui.screens.review_edit import ReviewEdit
from sitroom.tui.screens.review_render import CURRENT, PICKING
from textual.widgets import Input, OptionList, Static

from .helpers import plain, settle
from .test_tallies import assert_consistent

SEED = Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt"
TEXT = SEED.read_text(encoding="utf-8")


def review_app(db_path: Path, source: str | None = None) -> ReviewApp:
    store = Store(db_path)
    return ReviewApp(store, (lambda: store.review_source(source)) if source else (
        lambda: store.review_report(TEXT)))


def screen(app: ReviewApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def rows(app: ReviewApp) -> list[str]:
    """The event list, line by line, as the user reads it."""
    options = app.screen.query_one("#review-list", OptionList)
    return [plain(options.get_option_at_index(n).prompt, 200).strip() for n in range(options.option_count)]


def links(app: ReviewApp) -> list[str]:
    options = app.screen.query_one("#review-links", OptionList)
    return [plain(options.get_option_at_index(n).prompt, 200).strip() for n in range(options.option_count)]


def shown(app: ReviewApp, selector: str) -> str:
    return plain(app.screen.query_one(selector, Static).content, 200)


def highlighted(app: ReviewApp, style: str = CURRENT) -> str:
    """The words of the report highlighted in `style`."""
    out = []
    for para in app.screen.query(".para"):
        text = para.content
        out += [text.plain[s.start:s.end] for s in text.spans if str(s.style) == style]
    return " ".join(out)


def stored(db_path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


async def test_the_cursor_highlights_its_sentence_and_shows_its_happening(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert len(rows(app)) == 24
        assert rows(app)[0].startswith("· -----  encirclement") and "Raqqa" in rows(app)[0]
        assert rows(app)[0].endswith("new")
        assert "seize large chunks of the city" in highlighted(app)
        await pilot.press("j", "j")
        await settle(pilot)
        assert highlighted(app).startswith("West of Raqqa City, the Syrian Arab Army (SAA) has not only")
        assert "capture at Resafa" in shown(app, "#review-item")
        # Its proposed link: which happening, its source, and why.
        proposed = links(app)
        assert proposed[0].startswith("1. 2017-06 Resafa · capture · confirmed")
        assert "1 source: Syrian War Report – June 30, 2017" in proposed[0]
        assert "why: same place, dates overlap, same type" in proposed[0]
        assert proposed[-2:] == ["a new happening (kept apart)", "▶ let the linker decide (its best match)"]
        title = shown(app, "#review-title")
        assert "24 events: 0 accepted, 0 dropped, 24 undecided · nothing written yet" in title
        await pilot.press("question_mark")
        assert isinstance(app.screen, ReviewHelp)
        await pilot.press("escape")


async def test_accept_drop_and_write_land_only_the_accepted(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("a", "d")  # accept the Raqqa encirclement (the cursor moves on), drop the advance
        await settle(pilot)
        assert rows(app)[0].startswith("✓ accept encirclement")
        assert rows(app)[1].startswith("✗ drop   advance")
        assert "1 accepted, 1 dropped, 22 undecided · 2 unsaved" in shown(app, "#review-title")
        source = screen(app).review.source_id
        await pilot.press("w")
        await settle(pilot)
        assert stored(db_path, "SELECT event_type, reviewed FROM events WHERE source = ?", source) == [
            ("encirclement", 1)]
        # Read again from the store: the accepted one as reviewed, the dropped one still dropped (the
        # store remembers it), nothing unsaved.
        assert rows(app)[0].startswith("✓ accept encirclement") and rows(app)[0].endswith("reviewed")
        assert rows(app)[1].startswith("✗ drop   advance") and rows(app)[1].endswith("dropped")
        assert "1 accepted, 1 dropped, 22 undecided" in shown(app, "#review-title")
        assert "· written" in shown(app, "#review-title")
        await pilot.press("q")  # nothing unsaved: it quits at once
    assert app.return_value == 1  # written, with extracted events left undecided
    assert_consistent(db_path)


async def test_edit_type_certainty_place_and_factions(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ReviewEdit)
        await pilot.press("ctrl+u", *"adv", "right")  # the type: typed ahead to "advance"
        assert app.screen.query_one("#edit-type", Input).value == "advance"
        await pilot.press("tab", "ctrl+u", *"claimed", "tab", "tab")
        await pilot.press("tab", "ctrl+u", *"Jobar")  # the place, found as it is typed
        choices = app.screen.query_one("#edit-places", OptionList)
        assert choices.display and "Jobar" in plain(choices.get_option_at_index(0).prompt)
        await pilot.press("enter")  # choose it
        assert "place: Jobar (gazetteer: jobar)" in shown(app, "#edit-place-chosen")
        await pilot.press("ctrl+u", *"SAA actor, FaR target", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        first = rows(app)[0]
        # An edit is a decision to keep the event, as edited: it is accepted.
        assert first.startswith("✓ accept advance") and "Jobar" in first and "SAA ▸ FaR" in first
        assert "claimed" in first and first.endswith("edited")
        # A place no gazetteer knows is kept under the name typed; a bad faction is said, not saved.
        await pilot.press("e", "tab", "tab", "tab", "tab", "ctrl+u", *"Nowhere Hill", "tab", "ctrl+u",
                          *"Nobody actor", "ctrl+s")
        assert "no faction is called 'nobody'" in shown(app, "#edit-error")
        await pilot.press("ctrl+u", *"SAA", "ctrl+s")
        await settle(pilot)
        state = screen(app).states[screen(app).items[0].key]
        assert (state.fields.place, state.fields.place_name) == (None, "Nowhere Hill")
        await pilot.press("a", "w")
        await settle(pilot)
    (summary, certainty, place), = stored(db_path, "SELECT summary, certainty, place FROM events "
                                                   "WHERE reviewed = 1")
    assert place is None and certainty == "claimed" and "advance at Nowhere Hill" in summary


async def test_add_an_event_for_a_missed_sentence(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        picked = highlighted(app, PICKING)
        assert picked.startswith("Starting with the provincial capital")
        await pilot.press("k")  # the sentence before: the report's first
        await settle(pilot)
        assert highlighted(app, PICKING).startswith("June has seen many changes")
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewEdit)
        await pilot.press("ctrl+u", *"advance", "tab", "tab", "tab", "tab", "ctrl+u", *"Raqqa")
        await pilot.press("enter", "ctrl+u", *"ISIS actor", "enter")
        await settle(pilot)
        assert rows(app)[0].startswith("✓ accept advance") and rows(app)[0].endswith("added")
        assert len(rows(app)) == 25
        await pilot.press("w")
        await settle(pilot)
    assert stored(db_path, "SELECT event_type, place, reviewed FROM events "
                           "WHERE excerpt LIKE 'June has seen%'") == [("advance", "raqqa", 1)]


async def test_choose_the_link_a_proposal_or_a_new_happening(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # the Resafa capture: one proposal
        await settle(pilot)
        await pilot.press("l", "enter")  # the first: the bundled account's happening
        await settle(pilot)
        assert rows(app)[2].endswith("→ joined") and links(app)[0].startswith("▶ 1.")
        await pilot.press("a")  # accepted: the cursor moves to the highway
        await settle(pilot)
        await pilot.press("l", "down", "enter", "a")  # a new happening of its own
        await settle(pilot)
        assert rows(app)[3].endswith("→ new")
        resafa, highway = (screen(app).items[n].key for n in (2, 3))
        await pilot.press("w")
        await settle(pilot)
        done = app.written
    assert done is not None and (done.joined, done.apart) == (1, 1)
    lead, = stored(db_path, "SELECT coalesce(happening, id) FROM events WHERE id = ?", done.ids[resafa])[0]
    assert stored(db_path, "SELECT place, source FROM events WHERE id = ?", lead)[0][0] == "resafa"
    assert stored(db_path, "SELECT count(*) FROM events WHERE coalesce(happening, id) = ?", lead) == [(2,)]
    apart = stored(db_path, "SELECT happening, linked_by_hand FROM events WHERE id = ?", done.ids[highway])
    assert apart == [(None, 1)]
    assert_consistent(db_path)


async def test_quit_asks_when_decisions_are_not_written(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("a", "q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("q", "y")
    assert app.return_value == 2
    assert stored(db_path, "SELECT count(*) FROM events WHERE reviewed IS NOT NULL") == [(0,)]


async def test_reopen_a_stored_report_and_drop_an_event(db_path: Path) -> None:
    store = Store(db_path)
    store.ingest(TEXT)
    source = stored(db_path, "SELECT id FROM sources WHERE id LIKE 'report-%'")[0][0]
    store.close()
    app = review_app(db_path, source)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert len(rows(app)) == 24 and all(r.endswith("unreviewed") for r in rows(app))
        # Its happening now is shown first, marked.
        assert "its happening now" in links(app)[0]
        target = screen(app).items[0].stored
        await pilot.press("d", "A", "w")  # drop the first; accept the rest
        await settle(pilot)
        # The report's text is kept: the dropped candidate is still shown, dropped, as it was decided.
        assert len(rows(app)) == 24
        assert [r for r in rows(app) if not r.startswith("✓ accept")] == [
            r for r in rows(app) if r.startswith("✗ drop") and r.endswith("dropped")]
        assert sum(r.startswith("✓ accept") and r.endswith("reviewed") for r in rows(app)) == 23
    assert stored(db_path, "SELECT count(*) FROM events WHERE id = ?", target) == [(0,)]
    assert stored(db_path, "SELECT count(*), min(reviewed) FROM events WHERE source = ?", source) == [(23, 1)]
    assert_consistent(db_path)


async def test_the_narrow_screen_keeps_every_pane(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen(app).has_class("narrow")
        assert rows(app)[0].startswith("· -----  encirclement")
        for selector in ("#review-text", "#review-list", "#review-links"):
            assert app.screen.query_one(selector).region.height >= 4


def test_review_needs_a_terminal(db_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert main(["--db", str(db_path), "ingest", str(SEED), "--review"]) == 2
    assert capsys.readouterr().err.strip() == (
        "sitroom ingest: reviewing needs a terminal to show the screen in; run it in one")
    assert main(["--db", str(db_path), "review", "report-0e789dbf22c6"]) == 2
    assert "needs a terminal" in capsys.readouterr().err
    assert main(["--db", str(db_path), "ingest", str(SEED), "--review", "--dry-run"]) == 2
    assert "cannot be combined with --dry-run" in capsys.readouterr().err
    monkeypatch.setattr("sitroom.tui.cli.review_cmd.in_a_terminal", lambda: True)
    assert main(["--db", str(db_path), "review", "nope"]) == 2
    assert "there is no source 'nope'" in capsys.readouterr().err
    assert Store(db_path).count() == 24


async def test_a_report_that_cannot_be_read_ends_the_screen_with_why(db_path: Path) -> None:
    store = Store(db_path)
    app = ReviewApp(store, lambda: store.review_report("No date here. The SAA captured Jobar."))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.return_value == 2
    assert app.failure == "the report gives no date; say which with --date YYYY-MM-DD"
