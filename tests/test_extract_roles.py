"""Sides matched as names, never as words; roles from the sentence's structure; the event words
(sentences written for the tests)."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex, one, roles

__all__ = ["lex"]


def test_names_are_not_words(lex: Lexicon) -> None:
    found = lex.parties.find("So far the army is holding, and it is far from over.")
    assert [p.name for p in found] == ["Syrian Arab Army"]
    found = lex.parties.find("IS fighters attacked; the FaR brigade is far away.")
    assert [p.slug for p in found] == ["isis", "faylaq-al-rahman"]


def test_clashes_between_two_sides_have_no_actor(lex: Lexicon) -> None:
    found = one("Clashes broke out between the SDF and ISIS in Tabqa.", lex)
    assert roles(found) == {"side": {"Syrian Democratic Forces", "Islamic State"}}


def test_the_subject_acts_across_coordinated_verbs(lex: Lexicon) -> None:
    found = one("The Tiger Forces killed 13 ISIS militants and captured Maskanah.", lex)
    assert roles(found)["actor"] == {"Tiger Forces"} and roles(found)["target"] == {"Islamic State"}


@pytest.mark.parametrize(
    "sentence",
    ["Maskanah was retaken by the SAA on Monday.", "Maskanah came under regime control on Monday.",
     "Maskanah fell to the Syrian army on Monday.", "ISIS lost Maskanah to the Syrian army on Monday."],
)
def test_passive_voice_keeps_the_actor(lex: Lexicon, sentence: str) -> None:
    found = one(sentence, lex)
    assert found.type == "capture" and roles(found)["actor"] == {"Syrian Arab Army"}, found.parties


def test_allies_and_targets(lex: Lexicon) -> None:
    found = one("Backed by Russian warplanes, the SAA drove ISIS out of Sukhnah.", lex)
    assert roles(found) == {"actor": {"Syrian Arab Army"}, "ally": {"Russian Aerospace Forces"},
                            "target": {"Islamic State"}}


def test_repelling_an_attack_is_the_attackers_attack(lex: Lexicon) -> None:
    found = one("The army repelled an attack by Nusra Front militants on Morek.", lex)
    assert found.type == "attack" and roles(found)["actor"] == {"Nusra Front"}
    assert roles(found)["target"] == {"Syrian Arab Army"}


def test_government_troops_are_the_units_named_before(lex: Lexicon) -> None:
    text = "The Tiger Forces advanced east of Khanasir. Government troops then captured Rasm Askar."
    capture = next(f for f in events(text, lex) if f.type == "capture")
    assert roles(capture)["actor"] == {"Tiger Forces"}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Tiger Forces met up with the army near Maskanah.", "advance"),
        ("The SDF gained control of Tabqa.", "capture"),
        ("The army cleared Maskanah of ISIS remnants.", "capture"),
        ("Turkish artillery was bombarding Afrin.", "shelling"),
        ("The army repelled an ISIS attack on Palmyra.", "attack"),
        ("ISIS ambushed an army convoy near Sukhnah.", "attack"),
        ("A car bomb exploded in Tabqa.", "vbied"),
        ("Russian warplanes struck Saraqib.", "airstrike"),
        ("The army besieged Duma.", "encirclement"),
        ("Rebels withdrew from Khan Shaykhun.", "withdrawal"),
        ("The army took a few buildings in Jobar.", "advance"),  # a partial gain
    ],
)
def test_event_words(lex: Lexicon, sentence: str, kind: str) -> None:
    assert one(sentence, lex).type == kind


def test_an_attack_launched_by_a_side_is_its_attack(lex: Lexicon) -> None:
    found = one("A surprise attack launched by ISIS militants on SDF positions in Tabqa killed two.", lex)
    assert roles(found)["actor"] == {"Islamic State"}
    assert roles(found)["target"] == {"Syrian Democratic Forces"}


def test_a_search_of_houses_is_not_fighting(lex: Lexicon) -> None:
    assert events("SDF units stormed and searched a number of houses in Tabqa.", lex) == []


def test_an_attempt_to_take_a_place_is_an_attack(lex: Lexicon) -> None:
    found = one("Militants attempted to regain control of the village of Tal Sukkar, but the army repelled "
                "them.", lex)
    assert (found.type, found.place_name) == ("attack", "Tal Sukkar")


def test_the_side_right_before_a_participle_does_it(lex: Lexicon) -> None:
    found = one("In Quneitra province, battles continue with the Syrian Army recapturing Qarqas town.",
                lex)
    assert found.type == "capture" and roles(found)["actor"] == {"Syrian Arab Army"}


def test_a_place_that_fell_under_a_sides_control(lex: Lexicon) -> None:
    found = one("Rebel sources confirmed that the Hanano district had fallen and was now under government "
                "control.", lex)
    assert (found.type, found.certainty) == ("capture", "claimed")
    assert roles(found)["actor"] == {"Syrian Arab Army"}


def test_they_after_a_sayer_is_the_sayer(lex: Lexicon) -> None:
    found = one("On Sunday, the Syrian army said they had captured the Jabal Badro district.", lex)
    assert found.place_name == "Jabal Badro district" and roles(found)["actor"] == {"Syrian Arab Army"}
