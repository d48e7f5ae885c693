"""Defects found using the browser all day (issue 19): each reproduced as a user meets it."""

from __future__ import annotations

import io
from pathlib import Path

from sitroom.db import EventFilter, Store
from sitroom.tui.loading import TimelineLoaded
from sitroom.tui.screens import FilterPicker
from textual.containers import VerticalScroll

from .helpers import column, detail_text, make_app, plain, settle


def _prompts(picker: FilterPicker) -> list[str]:
    return [plain(picker.choices.get_option_at_index(i).prompt)
            for i in range(picker.choices.option_count)]


async def test_a_chosen_faction_shows_its_x_mark(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"saa", "space")
        await settle(pilot)
        prompts = _prompts(app.screen)
        assert any(p.startswith("[x]") and "Syrian Arab Army" in p for p in prompts), prompts
        await pilot.press("backspace", "backspace", "backspace", *"confirmed", "space")
        await settle(pilot)
        assert any(p.startswith("[x]") and "confirmed" in p for p in _prompts(app.screen))
        await pilot.press("escape", "question_mark")
        legend = plain(app.screen.query_one("#help Static").content)
        assert "[x] [·] [ ]" in legend


async def test_escape_from_an_opened_event_returns_to_the_timeline(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "j", "enter")
        await settle(pilot)
        assert app.screen.maximized is app.detail
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.maximized is None
        assert app.focused is app.timeline.table
        await pilot.press("j", "j")
        await settle(pilot)
        assert app.timeline.table.cursor_row == 3


async def test_an_opened_event_stays_put_while_it_is_open(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "tab", "j", "enter")  # Eastern Damascus, the second event
        await settle(pilot)
        opened, text, view = app.detail.event_id, detail_text(app), app.view
        for key in ("f", "m", "left_square_bracket", "x", "1", "t", "slash"):
            await pilot.press(key)
            if isinstance(app.screen, FilterPicker):
                await pilot.press("space", "escape")  # choose a faction behind the event
            await settle(pilot)
            assert app.screen_stack[0].maximized is app.detail, key
            assert app.detail.event_id == opened and detail_text(app) == text, key
            assert app.view == view, key
            assert not app.map.display, key
        await pilot.press("escape")
        assert app.focused is app.timeline.table


async def test_an_as_of_day_before_every_event_says_so(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.set_as_of("2017-05-01")
        await settle(pilot)
        assert column(app, "place") == []
        note = detail_text(app)
        assert "as of 2017-05-01" in note and "Press x to clear it" not in note
        assert "t" in note  # how to choose another day
        # x clears the as-of date with the filter: the filter bar lists both, and x empties it.
        await pilot.press("f", *"claimed", "space", "escape")
        await settle(pilot)
        assert "under this filter" in detail_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert app.view.as_of is None and app.view.filter == EventFilter()
        assert len(column(app, "place")) == 24
        assert any("as-of date" in n.message for n in app._notifications)


async def test_x_on_a_front_says_the_front_stays(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "f", *"claimed", "space", "escape", "x")
        await settle(pilot)
        assert app.view.front == "eastern-damascus" and app.view.filter == EventFilter()
        assert any("Eastern Damascus" in n.message for n in app._notifications)


async def test_one_event_is_one_event(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Jobar", "enter")
        await settle(pilot)
        assert "· 1 event ·" in plain(app.timeline.border_title)


async def test_the_acting_side_reads_the_same_everywhere(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert column(app, "place")[0] == "Humaima"
        assert column(app, "who")[0] == "SAA+VKS ▸ ISIS"
        text = detail_text(app)
        assert "SAA+VKS took it from ISIS" in text
        factions = text[text.index("Factions"):text.index("Place\n")]
        assert factions.index("SAA") < factions.index("VKS") < factions.index("ISIS")
    out = io.StringIO()
    store = Store(db_path)
    try:
        store.export(EventFilter(places=("humaima",)), "markdown", out)
    finally:
        store.close()
    assert "SAA+VKS ▸ ISIS" in out.getvalue()


async def test_the_markdown_brief_says_its_filter_in_words(db_path: Path) -> None:
    out = io.StringIO()
    store = Store(db_path)
    try:
        store.export(EventFilter(factions=("faylaq-al-rahman",), certainty=("claimed",), text="Jobar"),
                     "markdown", out)
    finally:
        store.close()
    brief = out.getvalue()
    assert "{" not in brief.split("\n## ")[0]
    assert "Faylaq al-Rahman" in brief and "claimed" in brief and "“Jobar”" in brief
    assert "(1 event)" in brief


async def test_one_day_takes_one_line_of_histogram(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        text = plain(app.query_one("#histogram").content, width=120)
        assert text.startswith("2017-06-30: 19 events")
        assert "█" not in text
        # One line for the day, the rest names the sides: no row spent on bars.
        assert app.query_one("#histogram").size.height <= 3


async def test_the_help_screen_scrolls_with_j_and_k(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        scroll = app.screen.query_one("#help", VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 2


async def test_counts_that_arrive_before_the_timeline_stay(db_path: Path) -> None:
    """The counts worker can answer before the timeline's page does: the heading keeps their count
    (it used to go back to "counting…" for good)."""
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Jobar", "enter")
        await settle(pilot)
        assert "· 1 event ·" in plain(app.timeline.border_title)
        store = Store(db_path)
        try:
            page = store.page(app.view.timeline_filter(), limit=100)
        finally:
            store.close()
        app.post_message(TimelineLoaded(app.generation, app.view, page))  # the same page, after the counts
        await settle(pilot)
        assert "· 1 event ·" in plain(app.timeline.border_title)
        assert "counting" not in plain(app.timeline.border_title)
