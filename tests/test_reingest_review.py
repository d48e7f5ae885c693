"""A drop in a review is remembered whatever the report calls the place: the store names a gazetteer's
place its own way ("Al-Shreima"), the report another ("Ash-Shuraimah")."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import Store
from sitroom.tui.screens.review_app import ReviewApp

from .helpers import settle
from .test_review_screen import rows, screen, stored

# Al-Masdar News, 2017-03-20, as a trial user ingested it.
TEXT = ("Syrian Army attempts to encircle ISIS in east Aleppo\nAl-Masdar News, 2017-03-20\n\n"
        "Following yesterday\u2019s assault which enabled the government forces to oust ISIS from the "
        "village of Ash-Shuraimah, the attacking forces marched on eastward and retook Al Qusayer; thus "
        "tightening the noose around the Islamic State fighters in Deir Hafer.\n")


async def test_a_dropped_event_shows_dropped_when_reopened(db_path: Path) -> None:
    store = Store(db_path)
    store.ingest(TEXT)
    store.close()
    source = stored(db_path, "SELECT id FROM sources WHERE id LIKE 'report-%'")[0][0]
    for reopen in (False, True):  # the same screen, read again after the write; a new one
        store = Store(db_path)
        app = ReviewApp(store, lambda store=store: store.review_source(source))
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            first = next(n for n, r in enumerate(rows(app)) if "Al-Shreima" in r or "Ash-Shuraimah" in r)
            if not reopen:
                assert rows(app)[first].startswith("·")
                screen(app).query_one("#review-list").highlighted = first
                await pilot.press("d", "w")
                await settle(pilot)
            assert rows(app)[first].startswith("✗ drop") and rows(app)[first].endswith("dropped"), rows(app)
            assert sum(r.startswith("·") for r in rows(app)) == 1  # the other is left as it was
            await pilot.press("q")
    assert stored(db_path, "SELECT count(*) FROM events WHERE source = ?", source) == [(1,)]
