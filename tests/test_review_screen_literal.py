"""The review screen marks each event's sentence where the report has it, as the report wrote it: a gloss
("Tal (Hill) Abyad") before it no longer shifts the mark, and its dashes, quotes and spaces are its own."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import Store
from sitroom.tui.screens.review_app import ReviewApp

from .helpers import settle
from .test_review_screen import highlighted

CAPTURE = "The SAA captured Tal (Hill) Abyad on the Syrian–Iraqi road — a “strategic” hill."
ATTACK = "ISIS fighters attacked the SAA in Resafa,\u00a0activists said."
SHELLING = "The SDF’s units shelled Jobar."
REPORT = f"Syria – 1 July 2017\n\n{CAPTURE} {ATTACK}\n{SHELLING}\n"  # the gloss comes before two


async def test_each_events_sentence_is_marked_as_written(db_path: Path) -> None:
    store = Store(db_path)
    app = ReviewApp(store, lambda: store.review_report(REPORT, date="2017-07-01"))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        marked = [highlighted(app)]
        for _ in range(2):
            await pilot.press("j")
            await settle(pilot)
            marked.append(highlighted(app))
    assert marked == [CAPTURE, ATTACK, SHELLING]
