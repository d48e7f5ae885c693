"""Reviewing a report's events before they land, and again later (db/reports/review.py, review_land.py),
on a Store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..happenings.proposals import Proposal
from ..reports import review
from ..reports.review import Decision, Fields, Review, ReviewItem
from ..reports.review_land import Landed, land

if TYPE_CHECKING:
    from .connection import Line


class Reviewing:
    """Store's review of reports (a mixin: Store gives the connection, the refresh after a write and the
    check that the store can be written)."""

    if TYPE_CHECKING:
        _main: Line

        def refresh(self) -> None: ...
        def _check_writable(self) -> None: ...

    def review_report(self, text: str, *, title: str | None = None, date: str | None = None) -> Review:
        """A report's candidate events (what the extractor finds, beside what the store holds for it
        already) and its sentences, to review. Reads only; IngestError says why the text cannot be read."""
        with self._main.lock:
            return review.review_text(self._main.conn, text, title=title, date=date)

    def review_source(self, source_id: str) -> Review:
        """A stored report's events, to review again (ReviewError when it is not a report's id)."""
        with self._main.lock:
            return review.review_source(self._main.conn, source_id)

    def proposals(self, item: ReviewItem, in_review: Review, fields: Fields | None = None) -> list[Proposal]:
        """The happenings of other sources an item (as edited, `fields`) may be one with, best first,
        and why; the one it is in now first. Reads only."""
        with self._main.lock:
            return review.proposals(self._main.conn, in_review, item, fields)

    def land_review(self, in_review: Review, decisions: Sequence[Decision]) -> Landed:
        """Write a review's decisions in one transaction: the accepted events land, marked reviewed;
        a stored event dropped is deleted; the links chosen are set by hand, the rest linked as usual."""
        self._check_writable()
        with self._main.lock:
            done = land(self._main.conn, in_review, list(decisions))
        self.refresh()
        return done
