"""The review screen shows the extractor's `why` and each proposed happening whole: wrapped, never cut,
at 160×45 and at 80×24 (where why it matches comes before its sources)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from .helpers import plain, settle
from .test_review_screen import review_app


def _item(app) -> tuple[str, int]:
    """The item box's text, and the rows it has to show it in."""
    box = app.screen.query_one("#review-item", Static)
    return plain(box.content, box.content_region.width or 80), box.content_region.height


def _proposal(app) -> list[str]:
    links = app.screen.query_one("#review-links", OptionList)
    return plain(links.get_option_at_index(0).prompt, links.scrollable_content_region.width).splitlines()


async def test_why_and_the_proposal_are_whole_at_160_columns(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        text, rows = _item(app)
        said = " ".join(text.split())
        assert "factions: US-backed Syrian Democratic Forces → Syrian Democratic Forces (actor)" in said
        assert "terrorists → terrorists (target)" in said and "date: " in text
        assert len(text.rstrip().splitlines()) <= rows  # every line of it on screen
        lines = _proposal(app)
        assert not any("…" in line for line in lines)
        joined = " ".join(" ".join(lines).split())
        assert "why: same place, dates overlap, same type" in joined
        assert "source: Syrian War Report – June 30, 2017: Government Advance Against ISIS" in joined


async def test_at_80_columns_why_it_matches_shows_first(db_path: Path) -> None:
    app = review_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = _proposal(app)
        assert lines[1].strip().startswith("why: same place")
        assert not any("…" in line for line in lines)
