"""Certainty from the wording: attribution, reporting verbs, hedges, rumours and denials (sentences
written for the tests, not taken from the development set)."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import lex, one, roles

__all__ = ["lex"]


@pytest.mark.parametrize(
    ("sentence", "certainty", "claimant"),
    [
        ("Government troops stormed Maskanah on Monday.", "confirmed", None),
        ("The SDF said it destroyed an ISIS truck near Manbij.", "claimed", "Syrian Democratic Forces"),
        ("ISIS announced that its fighters captured the village of Tal Shaer.", "claimed", "Islamic State"),
        ("According to the group's official page, Faylaq al-Rahman attacked army positions in Jobar.",
         "claimed", None),
        ("ISIS's news agency Amaq reported that militants ambushed an army convoy near Sukhnah.", "claimed",
         "Amaq"),
        ("Local sources said the army shelled Kafr Zita overnight.", "claimed", "Local sources"),
        ("Activists reported that warplanes bombed Saraqib.", "claimed", "Activists"),
        ("The army allegedly shelled Duma.", "claimed", None),
        ("The army alegedly shelled Duma.", "claimed", None),
        ("The army allegdly shelled Duma.", "claimed", None),
        ("The SAA reportedly entered Palmyra.", "claimed", None),
        ("Government forces captured Maskanah, the Syrian Observatory for Human Rights said.", "claimed",
         "Syrian Observatory for Human Rights"),
        ("Pro-government media spread rumours that the SDF withdrew from Tabqa.", "rumoured", None),
    ],
)
def test_who_says_it_decides_the_certainty(lex: Lexicon, sentence: str, certainty: str,
                                           claimant: str | None) -> None:
    found = one(sentence, lex)
    assert found.certainty == certainty, found.why
    if claimant:
        assert claimant in roles(found).get("claimant", set()), found.parties


def test_a_claim_names_its_claimant_as_a_faction(lex: Lexicon) -> None:
    found = one("Jabhat al-Nusra claimed that its fighters destroyed a tank in Kafr Nabudah.", lex)
    assert found.certainty == "claimed"
    assert roles(found)["claimant"] == {"Nusra Front"}
    assert roles(found)["actor"] == {"Nusra Front"}


def test_a_state_agency_claims_for_the_government(lex: Lexicon) -> None:
    found = one("SANA said army units captured the town of Sheikh Hilal on Sunday.", lex)
    assert found.certainty == "claimed"
    assert ("saa", "claimant") in found.factions and ("saa", "actor") in found.factions


def test_a_denial_is_never_confirmed(lex: Lexicon) -> None:
    found = one("ISIS denied losing the village of Jubb al-Jarrah to the army.", lex)
    assert found.certainty == "claimed"
    assert "denied by Islamic State" in found.why["certainty"]


def test_the_reporter_is_not_a_party(lex: Lexicon) -> None:
    found = one("The Observatory said Turkish-backed rebels shelled Tal Rifaat.", lex)
    assert "Syrian Observatory for Human Rights" not in roles(found).get("actor", set())
    assert roles(found)["actor"] == {"Syrian armed opposition"}  # the store's faction for them


def test_a_later_sentence_can_say_who_reported_it(lex: Lexicon) -> None:
    from .extract_helpers import events

    found = events("The army freed the village of Tal Arn on Saturday. This was reported by the Russian "
                   "Defence Ministry.", lex)
    assert [(f.place_name, f.certainty) for f in found] == [("Tal Arn", "claimed")]
    assert ("russian-aerospace-forces", "claimant") in found[0].factions


def test_it_was_reported_is_a_claim(lex: Lexicon) -> None:
    assert one("It was reported that the army shelled Duma.", lex).certainty == "claimed"
