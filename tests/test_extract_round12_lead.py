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


YEMEN = ("Houthi rebels seize district in Yemen's Marib\n"
         "SANAA, Yemen (AP) - Houthi rebels captured the district of Raghwan in Yemen's Marib province on "
         "Monday, Yemeni officials said. Government forces shelled the rebels near Sirwah, the officials "
         "said. "
         "Fighting has been going on since the Houthis attacked the government forces in Sirwah.\n")


def test_another_wars_government_and_rebels_are_not_syrias(lex: Lexicon) -> None:
    found = events(YEMEN, lex)
    parties = [(name, slug) for f in found for name, slug, _, _ in f.parties]
    assert parties and not any(slug in ("saa", "syrian-opposition") for _, slug in parties), parties
    assert ("Houthi rebels", None) in parties and ("Government forces", None) in parties, parties


def test_at_home_the_government_is_still_syrias(lex: Lexicon) -> None:
    found = events("Government forces shelled the rebels near Resafa on Monday, the Observatory said.", lex)
    assert {slug for f in found for _, slug, _, _ in f.parties} >= {"saa", "syrian-opposition"}
