"""Issue 17, round 12, found while merging the round's branches. Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


def test_a_place_lost_to_a_side_is_where_the_capture_was(lex: Lexicon) -> None:
    found = {(f.type, f.place_name) for f in events(
        "Earlier, the rebels attacked Resafa. ISIS also lost al-Bab to Turkish-backed rebels.", lex)}
    assert ("capture", "al-Bab") in found, found


def test_why_names_a_described_place_by_its_whole_description(lex: Lexicon) -> None:
    found = events("Government forces seized several villages southeast of Resafa on Monday.", lex)
    assert any("several villages southeast of Resafa" in f.why["place"] for f in found), \
        [f.why for f in found]
