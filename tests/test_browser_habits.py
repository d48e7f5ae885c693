"""The habits people bring from VisiData, k9s, lazygit and less (issue 19), each driven as a user
would: g/G, ctrl+d/ctrl+u, n/N, j/k in an opened event, y, o and the statistics sheet."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rich.text import Text
from sitroom.db import EventFilter
from sitroom.tui import habits
from sitroom.tui.event_text import web_address
from sitroom.tui.render_detail import MATCH
from sitroom.tui.screens import StatsScreen

from .helpers import column, detail_text, make_app, open_stats, plain, settle, stats_ids


def _marked(app) -> list[str]:
    """The words standing out as the search's matches in the detail pane (summary, source sentence)."""
    body = app.detail.query_one("#detail-body").content
    texts = [r for r in body.renderables if isinstance(r, Text)]
    return [t.plain[s.start:s.end].casefold() for t in texts for s in t.spans if s.style == MATCH]


def _notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_g_and_G_go_to_the_first_and_last_event(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "G")
        await settle(pilot)
        table = app.timeline.table
        assert table.cursor_row == table.row_count - 1 == 23
        assert "Raqqa" in detail_text(app) and "encircle" in detail_text(app).lower()
        await pilot.press("g")
        await settle(pilot)
        assert table.cursor_row == 0
        assert detail_text(app).startswith("Government forces, with Russian air support, fully secured")


async def test_g_and_G_in_the_fronts_pane(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.focused is app.fronts_pane
        await pilot.press("G")
        await settle(pilot)
        assert app.view.front == "east-aleppo-resafa"
        await pilot.press("g")
        await settle(pilot)
        assert app.view.front is None


async def test_half_pages_move_the_cursor_half_the_visible_rows(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "ctrl+d")
        await settle(pilot)
        table = app.timeline.table
        half = table.scrollable_content_region.height // 2
        assert half >= 5 and table.cursor_row == half
        await pilot.press("ctrl+d", "ctrl+d", "ctrl+d")
        assert table.cursor_row == table.row_count - 1  # no further than the last row
        await pilot.press("ctrl+u")
        assert table.cursor_row == table.row_count - 1 - half
        await pilot.press("ctrl+u", "ctrl+u", "ctrl+u")
        assert table.cursor_row == 0


async def test_half_pages_scroll_the_help(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "ctrl+d")
        await pilot.pause()
        help_ = app.screen.query_one("#help")
        assert help_.scroll_y > 3
        await pilot.press("G")
        await pilot.pause()
        assert help_.scroll_y == help_.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert help_.scroll_y == 0


async def test_n_and_N_step_through_the_matches_of_the_search(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert any("no search" in n for n in _notes(app))
        await pilot.press("slash", *"village", "enter")
        await settle(pilot)
        places = column(app, "place")
        assert 1 < len(places) < 24  # only the matches
        table = app.timeline.table
        await pilot.press("n")
        await settle(pilot)
        assert table.cursor_row == 1 and "village" in detail_text(app).lower()
        assert "village" in _marked(app)  # the match stands out in the event
        await pilot.press("n", "N", "N")
        await settle(pilot)
        assert table.cursor_row == 0
        await pilot.press("N")
        assert any("newest" in n for n in _notes(app))
        await pilot.press("slash", *["backspace"] * 7, *"ISIS", "enter")  # another search, same event
        await settle(pilot)
        assert "village" not in _marked(app) and "isis" in _marked(app)
        await pilot.press("x")
        await settle(pilot)
        assert _marked(app) == []


async def test_j_and_k_in_an_opened_event_step_to_the_next_and_previous(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("3", "tab", "enter")  # Eastern Damascus: Jobar, Ayn Tarma, ...
        await settle(pilot)
        assert app.screen.maximized is app.detail
        first = app.detail.event_id
        places = column(app, "place")
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.maximized is app.detail  # still open, on the next event
        assert app.detail.event_id != first and places[1] in detail_text(app)
        await pilot.press("k")
        await settle(pilot)
        assert app.detail.event_id == first
        await pilot.press("k")
        await settle(pilot)
        assert app.detail.event_id == first and any("newest" in n for n in _notes(app))
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.timeline.table and app.timeline.table.cursor_row == 0


async def test_y_copies_the_event(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "y")
        await settle(pilot)
        copied = app.clipboard
        for part in ("Date: 2017-06-30 (day)", "Place: Humaima", "Homs desert / Iraqi border",
                     "Sides: Syrian Arab Army + Russian Aerospace Forces against Islamic State",
                     "Certainty: confirmed", "Summary: Government forces, with Russian air support",
                     "Source sentence: “Syrian government forces, backed up by",
                     "Source: Syrian War Report – June 30, 2017"):
            assert part in copied, (part, copied)
        assert any(n.startswith("copied") for n in _notes(app))
        await pilot.press("enter", "j", "y")  # opened full-screen, the next event
        await settle(pilot)
        assert "Place: Kasrat Affan" in app.clipboard
        # y right after j copies the event j went to, even before the pane has drawn it.
        app.detail.show_event = lambda *args, **kw: None  # the detail pane lags behind
        await pilot.press("j", "y")  # from Kasrat Affan to Bir Abu Al'Allaj
        await settle(pilot)
        assert app.detail.shown is None  # its timeline row only: the whole event is not drawn yet
        assert "Place: Bir Abu Al'Allaj" in app.clipboard


def _set_url(db_path: Path, url: str | None) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE sources SET url = ?", (url,))


class FakeBrowser:
    name = "firefox"

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def browser(monkeypatch) -> FakeBrowser:
    fake = FakeBrowser()
    monkeypatch.setattr(habits.webbrowser, "get", lambda: fake)
    return fake


async def test_o_opens_the_source_url(db_path: Path, browser: FakeBrowser) -> None:
    _set_url(db_path, "https://southfront.org/syrian-war-report-june-30-2017/")
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "o")
        await settle(pilot)
        assert browser.opened == ["https://southfront.org/syrian-war-report-june-30-2017/"]
        assert any(n.startswith("opened https://southfront.org") for n in _notes(app))
        assert "URL: https://southfront.org/" in (await _copied(pilot, app))


async def _copied(pilot, app) -> str:
    await pilot.press("y")
    await settle(pilot)
    return app.clipboard


async def test_o_without_a_url_says_so(db_path: Path, browser: FakeBrowser) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "o")
        await settle(pilot)
        assert browser.opened == []
        assert any("no web address" in n for n in _notes(app))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x",
                                 "https://", "https://example.org/\x1b]52;c;AAAA\x07"])
async def test_o_never_opens_what_is_not_a_web_address(db_path: Path, browser: FakeBrowser, url) -> None:
    _set_url(db_path, url)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "o")
        await settle(pilot)
        assert browser.opened == []
        assert any("not opened" in n or "no web address" in n for n in _notes(app))


async def test_o_never_starts_a_browser_inside_the_terminal(db_path: Path, monkeypatch) -> None:
    fake = FakeBrowser()
    fake.name = "lynx"
    monkeypatch.setattr(habits.webbrowser, "get", lambda: fake)
    _set_url(db_path, "https://southfront.org/")
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "o")
        await settle(pilot)
        assert fake.opened == []
        assert any("no web browser" in n and "https://southfront.org/" in n for n in _notes(app))


def test_web_addresses() -> None:
    assert web_address(" https://acleddata.com/x?y=1 ") == "https://acleddata.com/x?y=1"
    assert web_address("HTTP://example.org") == "HTTP://example.org"
    for bad in (None, "", "example.org", "javascript:x", "data:text/html,x", "http:///x", "http://a b"):
        assert web_address(bad) is None, bad


# -- the statistics sheet ------------------------------------------------------------------------

def _rows(screen: StatsScreen) -> list[str]:
    rows = screen.rows
    return [plain(rows.get_option_at_index(i).prompt, width=120).rstrip()
            for i in range(rows.option_count)]


async def test_s_counts_the_view_by_faction_type_certainty_front_and_month(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = await open_stats(pilot)
        rows = _rows(screen)
        options = [screen.rows.get_option_at_index(i) for i in range(screen.rows.option_count)]
        heads = [plain(o.prompt).split("  ")[0].strip() for o in options if o.id.startswith("hdr:")]
        assert heads == ["Faction", "Event type", "Certainty", "Front", "Month"]
        text = "\n".join(rows)
        assert "counting" not in text
        confirmed = next(r for r in rows if "● confirmed" in r)
        assert "20" in confirmed and "83%" in confirmed and "█" in confirmed
        saa = next(r for r in rows if "Syrian Arab Army" in r)
        assert " 16 " in saa
        assert next(r for r in rows if "2017-06" in r).split()[1] == "24"
        # The longest bar in a section is the one with the most events.
        captures = next(r for r in rows if r.strip().startswith("capture"))
        clashes = next(r for r in rows if r.strip().startswith("clashes"))
        assert captures.count("█") > clashes.count("█") > 0


async def test_s_follows_the_view(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("3", "s")  # Eastern Damascus
        await settle(pilot)
        rows = _rows(app.screen)
        assert any("Eastern Damascus" in r and " 4 " in r for r in rows)
        assert not any("Raqqa" in r for r in rows)
        assert any("Faylaq al-Rahman" in r for r in rows)


async def test_enter_on_a_row_of_the_sheet_filters_by_it(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = await open_stats(pilot)
        ids = stats_ids(screen)
        screen.rows.highlighted = ids.index("certainty:claimed")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, StatsScreen)
        assert app.view.filter == EventFilter(certainty=("claimed",))
        assert column(app, "certainty") == ["◐ claimed", "◐ claimed"]
        screen = await open_stats(pilot)
        ids = stats_ids(screen)
        screen.rows.highlighted = ids.index("front:eastern-damascus")
        await pilot.press("enter")
        await settle(pilot)
        assert app.view.front == "eastern-damascus"
        screen = await open_stats(pilot)
        ids = stats_ids(screen)
        screen.rows.highlighted = ids.index("month:2017-06")
        await pilot.press("enter")
        await settle(pilot)
        assert (app.view.filter.since, app.view.filter.until) == ("2017-06-01", "2017-06-30")


async def test_the_sheet_moves_with_j_k_and_escape_goes_back(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_stats(pilot)
        first = screen.rows.highlighted
        await pilot.press("j", "j", "k")
        assert screen.rows.highlighted == first + 1
        # Keys that change the view do not act behind the sheet.
        await pilot.press("x", "m", "f")
        assert app.screen is screen and not app.map.display
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, StatsScreen)
        assert app.view.filter == EventFilter()


NEW_KEYS = {"g / G": ("g  G",), "ctrl+d / ctrl+u": ("ctrl+d  ctrl+u",), "n / N": ("n  N",), "y": ("y",),
            "o": ("o",), "s": ("s",), "j / k on an opened event": ("j k",)}


async def test_the_help_and_the_readme_list_every_new_key(db_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    app = make_app(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_lines = plain(app.screen.query_one("#help Static").content, width=120).splitlines()
    keys = {line.strip().split("   ")[0].strip() for line in help_lines}
    for readme_key, help_keys in NEW_KEYS.items():
        assert f"| {readme_key} |" in readme, readme_key
        assert all(k in keys for k in help_keys), (help_keys, sorted(keys))
    bound = {b.key for b in app.BINDINGS}
    assert {"g", "G", "ctrl+d", "ctrl+u", "n", "N", "y", "o", "s"} <= bound
