"""The detail pane follows the timeline's cursor as soon as the timeline's page is in: after a front
change it never keeps the last front's event while the new one is read."""

from __future__ import annotations

import threading
from pathlib import Path

from .helpers import column, detail_text, make_app, settle


async def test_after_a_front_change_the_detail_shows_the_new_fronts_event_at_once(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        before = app.timeline.current
        assert app.detail.event_id == before
        # Reading an event is slow now (a large store, its lock held by the counts).
        release = threading.Event()
        read = app.loader.detail
        app.loader.detail = lambda event_id: (release.wait(10), read(event_id))
        await pilot.press("3")  # Eastern Damascus
        for _ in range(100):
            await pilot.pause(0.05)
            if app.timeline.current not in (None, before):
                break
        current = app.timeline.current
        assert current not in (None, before)
        text = detail_text(app)
        row = app.timeline.rows[current]
        assert row.summary[:40] in text and "Eastern Damascus" in text
        assert "reading the whole event…" in text
        assert app.detail.event_id != before
        release.set()
        await settle(pilot)
        assert app.detail.event_id == current
        assert "reading the whole event" not in detail_text(app)
        assert column(app, "place")
