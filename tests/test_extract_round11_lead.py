"""Issue 17, round 11, found while merging: words that read as happenings but are not. Sentences written
for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Found, Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


def _found(text: str, lex: Lexicon) -> set[tuple[str, str | None]]:
    return {(f.type, f.place_name) for f in events(text, lex)}


def test_a_deal_reached_is_no_advance(lex: Lexicon) -> None:
    assert not _found("The villages around Kafr Ammar are part of the deal which was reached between the "
                      "rebels and the government in September.", lex)
    assert not _found("The rebels and the government reached an agreement on Kafr Ammar on Monday.", lex)
    assert not _found("A ceasefire reached last week around Kafr Ammar has held.", lex)


def test_troops_reaching_a_place_still_advance(lex: Lexicon) -> None:
    assert ("advance", "Kafr Ammar") in _found("Government forces reached the outskirts of Kafr Ammar on "
                                               "Monday.", lex)
    assert ("advance", "Kafr Ammar") in _found("The army reached Kafr Ammar after the deal collapsed.", lex)


def test_a_weapon_as_subject_takes_no_carried_actor(lex: Lexicon) -> None:
    text = ("The SDF captured the village of Kafr Ammar on Monday. "
            "Mortars shelled the village of Tal Harir later that day.")
    found = [f for f in events(text, lex) if f.place_name == "Tal Harir"]
    assert [f.type for f in found] == ["shelling"]
    assert not [slug for slug, role in found[0].factions if role == "actor"], found[0].why



def _unknown(text: str, lex: Lexicon, name: str) -> Found:
    found = [f for f in events(text, lex) if f.place_name == name]
    assert len(found) == 1, [(f.place_name, f.type) for f in events(text, lex)]
    assert found[0].place is None
    return found[0]


def test_an_unknown_place_falls_back_to_the_last_place_only_within_its_paragraph(lex: Lexicon) -> None:
    lead = "The army captured the city of Deir Ezzor on Monday."
    same = _unknown(lead + " Government forces also shelled the village of Qaryat Zuzu.", lex, "Qaryat Zuzu")
    assert same.location.lat is not None and "the report's last place, " in same.location.located_by
    # a digest's next paragraph is another front: the place is named and not located, not put at Deir Ezzor
    other = _unknown(lead + "\n\nGovernment forces also shelled the village of Qaryat Zuzu.", lex,
                     "Qaryat Zuzu")
    assert other.location.lat is None and other.location.located_by == "not located"


def test_a_place_naming_an_agreement_is_no_place_of_a_happening(lex: Lexicon) -> None:
    assert not _found("The army is advancing without resistance as a result of the Deir Ezzor agreement.",
                      lex)
    assert not _found("The rebels withdrew from the talks after the Astana talks collapsed.", lex)
