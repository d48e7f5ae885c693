"""`l` marks a happening to link with the next: the mark must read as a mark once the cursor has left
the row (a glyph, its own colour, the pane's subtitle naming it), survive a reload of the timeline, and
go when cancelled or used."""

from __future__ import annotations

from pathlib import Path

from sitroom.tui.widgets.timeline import MARK_GLYPH

from .helpers import column, make_app, plain, settle


def row_style(app, index: int) -> str:
    table = app.timeline.table
    key = list(table.rows)[index]
    return str(table.get_cell(key, "date").spans[0].style) if table.get_cell(key, "date").spans else ""


async def test_a_marked_row_stays_marked_when_the_cursor_leaves_it(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("0")
        await settle(pilot)
        app.timeline.table.focus()
        places = column(app, "place")
        at = places.index("Humaima")
        app.timeline.table.move_cursor(row=at)
        await settle(pilot)
        await pilot.press("l")
        await pilot.press("j", "j")
        await settle(pilot)
        assert app.timeline.table.cursor_row == at + 2
        marked = column(app, "place")
        assert marked[at] == MARK_GLYPH + "Humaima"
        assert [p for i, p in enumerate(marked) if i != at] == [p for i, p in enumerate(places) if i != at]
        assert "#e69f00" in row_style(app, at).lower() and row_style(app, at + 1) == ""
        subtitle = plain(app.timeline.border_subtitle, 200)
        assert "marked Humaima 2017-06-30" in subtitle and "l on another links · l on it cancels" in subtitle
        # A reload of the timeline (another front, then all fronts again) keeps the mark.
        await pilot.press("1")
        await settle(pilot)
        assert "marked Humaima" in plain(app.timeline.border_subtitle, 200)
        await pilot.press("0")
        await settle(pilot)
        assert column(app, "place")[at] == MARK_GLYPH + "Humaima"
        # l on the marked row again cancels: the row reads as any other, the subtitle goes.
        app.timeline.table.focus()
        app.timeline.table.move_cursor(row=at)
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert column(app, "place") == places
        assert row_style(app, at) == "" and not app.timeline.border_subtitle
