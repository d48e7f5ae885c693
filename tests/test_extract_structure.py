"""Phenomena counted over every seen split (issue 17, round 5), each with sentences written for the test:
lists read by their shape (a relative "which are:", a later item with a lowercase qualifier or a gloss in
brackets), a passive verb's subject list, a possessive place as the whole, verb forms with "re-" and
particles, a quotation's unknown speaker, progressive verbs that are not passive, containers named "the
eastern city of X", captions by their credit, coordinated verbs that share a modal, a lead-in clause of a
future, glued sentences, connective-led lines without a stop."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon
from sitroom.db.reports.sentences import sentences

from .extract_helpers import events, lex, one

__all__ = ["lex"]


def test_a_list_after_which_are(lex: Lexicon) -> None:
    found = events("The rebels were able to seize five villages which are: Kafr Ammar, Tal Harir, "
                   "Jubb Safa, Umm Nakhla and Ruwaysat, the group said.", lex)
    assert sorted(f.place_name for f in found) == ["Jubb Safa", "Kafr Ammar", "Ruwaysat", "Tal Harir",
                                                    "Umm Nakhla"]
    assert {f.type for f in found} == {"capture"} and {f.certainty for f in found} == {"claimed"}


def test_list_items_with_a_qualifier_or_a_gloss(lex: Lexicon) -> None:
    found = events("Fighting is raging in four of Manbij's districts, including Al-Hazazeh, old Souk, "
                   "Al Tawil (the bakery) and Qattar.", lex)
    assert sorted(f.place_name for f in found) == ["Al Tawil", "Al-Hazazeh", "Qattar", "old Souk"]


def test_a_possessive_place_is_the_whole_not_the_place(lex: Lexicon) -> None:
    found = events("Clashes broke out in two of Raqqa's neighbourhoods, including Al-Hazazeh and Qattar.",
                   lex)
    assert "Raqqa's" not in {f.place_name for f in found}
    assert {f.place_name for f in found} == {"Al-Hazazeh", "Qattar"}


def test_a_passive_verb_takes_its_subject_list(lex: Lexicon) -> None:
    found = events("According to rebel commanders, the villages of Kafr Ammar and Tal Harir were cleared "
                   "as part of Operation Northern Shield.", lex)
    assert sorted((f.place_name, f.type, f.certainty) for f in found) == [
        ("Kafr Ammar", "capture", "claimed"), ("Tal Harir", "capture", "claimed")]


def test_a_progressive_is_not_a_passive(lex: Lexicon) -> None:
    found = events("The army captured two villages in the province of Idlib and is advancing toward the "
                   "town of Tal Harir.", lex)
    assert ("advance", "Tal Harir") in {(f.type, f.place_name) for f in found}


@pytest.mark.parametrize("sentence", [
    "The troops re-took the village of Kafr Ammar on Monday.",
    "The troops re-captured the village of Kafr Ammar on Monday.",
    "The rebels are taking over the village of Kafr Ammar.",
    "The army managed to seize back the village of Kafr Ammar.",
    "After days of fighting the army won back the village of Kafr Ammar.",
])
def test_verb_forms_with_a_prefix_or_a_particle(lex: Lexicon, sentence: str) -> None:
    assert [(f.type, f.place_name) for f in events(sentence, lex)] == [("capture", "Kafr Ammar")], sentence


@pytest.mark.parametrize("sentence, kind", [
    ("The militants abandoned the village of Kafr Ammar overnight.", "withdrawal"),
    ("Rebel fighters vacated their positions in the village of Kafr Ammar.", "withdrawal"),
    ("The SDF progressed towards the village of Kafr Ammar on Monday.", "advance"),
    ("The troops are isolating the town of Kafr Ammar from the north.", "encirclement"),
])
def test_more_verbs_of_the_genre(lex: Lexicon, sentence: str, kind: str) -> None:
    assert [(f.type, f.place_name) for f in events(sentence, lex)] == [(kind, "Kafr Ammar")], sentence


def test_a_quotation_closed_before_an_unknown_speaker_is_a_claim(lex: Lexicon) -> None:
    found = one("\u201cOur fighters liberated the village of Kafr Ammar,\u201d the JNA said in a statement.",
                lex)
    assert found.certainty == "claimed"


def test_recent_days_are_news(lex: Lexicon) -> None:
    found = events("The towns of Kafr Ammar and Tal Harir had been liberated in recent days.", lex)
    assert sorted(f.place_name for f in found) == ["Kafr Ammar", "Tal Harir"]


def test_the_city_that_holds_a_named_district_is_its_container(lex: Lexicon) -> None:
    found = events("The troops clashed with ISIS in the Qattar district of the eastern city of Deir Ezzor.",
                   lex)
    assert [f.place_name for f in found] == ["Qattar district"]


def test_a_reference_in_apposition(lex: Lexicon) -> None:
    found = events("The army fought ISIS in the Qattar district, 40 kilometres north of the capital, "
                   "Damascus.", lex)
    assert "damascus" not in {f.place for f in found}


@pytest.mark.parametrize("name", ["Kafr Ammar farms", "Kafr Ammar mountains", "Kafr Ammar oilfield",
                                  "Kafr Ammar Military Airbase"])
def test_a_feature_noun_makes_a_site_of_a_name(lex: Lexicon, name: str) -> None:
    assert one(f"The army seized {name} on Monday.", lex).place_name == name


def test_verbs_joined_by_and_share_their_modal(lex: Lexicon) -> None:
    found = events("The rebels took the village of Kafr Ammar. The rebels said the towns of Tal Harir and "
                   "Jubb Safa will be also liberated and cleared of ISIS.", lex)
    assert [f.place_name for f in found] == ["Kafr Ammar"]


def test_a_lead_in_clause_of_a_future_is_to_come(lex: Lexicon) -> None:
    assert events("After ousting ISIS from the village of Kafr Ammar, the SDF will move on the town of "
                  "Tal Harir, the spokesman said.", lex) == []


@pytest.mark.parametrize("line", [
    "Fighters on their way to the battles of northern rural Hama - June 6, 2019 (AFP, Omar Haj Qadour)",
    "Soldiers enter the town of Kafr Ammar on May 11, 2019. (Photo by AFP)",
])
def test_a_caption_by_its_credit(line: str) -> None:
    assert all(s.headline for s in sentences("The army advanced.\n" + line)[1:])


def test_a_stop_glued_to_the_next_sentence_ends_one() -> None:
    texts = [s.text for s in sentences("The army took the town of Kafr Ammar, sources said.Tal Harir fell "
                                       "later.")]
    assert texts == ["The army took the town of Kafr Ammar, sources said.", "Tal Harir fell later."]


def test_a_line_led_by_a_connective_is_prose_without_its_stop(lex: Lexicon) -> None:
    found = one("The army advanced.\nMeanwhile, the town of Kafr Ammar was recaptured by the army", lex)
    assert (found.type, found.place_name) == ("capture", "Kafr Ammar")


def test_strikes_by_the_means_named_after_the_verb(lex: Lexicon) -> None:
    found = one("The army pounded militant positions in the village of Kafr Ammar with a barrage of "
                "artillery rounds.", lex)
    assert found.type == "shelling"
    found = one("ISIS fighters destroyed two tanks with rockets near the village of Kafr Ammar.", lex)
    assert found.type == "attack"  # what a gun destroys is an attack; shelling is pounding a place


def test_the_forces_refer_back_to_the_last_actors(lex: Lexicon) -> None:
    found = events("The SDF reached the village of Kafr Ammar on Monday. The forces were able to liberate "
                   "the village of Tal Harir.", lex)
    assert [(f.place_name, [s for s, r in f.factions if r == "actor"]) for f in found] == [
        ("Kafr Ammar", ["sdf"]), ("Tal Harir", ["sdf"])]


def test_the_syrian_national_army_is_not_the_syrian_arab_army(lex: Lexicon) -> None:
    found = one("The so-called Syrian National Army (SNA) captured the village of Kafr Ammar.", lex)
    assert [s for s, r in found.factions if r == "actor"] == ["syrian-opposition"]


def test_a_quoted_name_after_a_possessive_does_not_break_the_reading(lex: Lexicon) -> None:
    # the quotation marks are blanked out before names are read: two spaces then stand between words
    found = events("The YPG lost Kafr Ammar to the rebels as a result of Ankara's \u201cOperation Olive "
                   "Branch,\u201d the group said.", lex)
    assert all(f.place_name != "Operation Olive Branch" for f in found)
