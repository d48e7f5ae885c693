"""No events from what did not happen: hypotheticals, intentions, negations, opinions, background,
datelines and headlines (sentences written for the tests)."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex, one

__all__ = ["lex"]


@pytest.mark.parametrize(
    "text",
    [
        "The army might launch an offensive on Jobar next month.",  # hypothetical
        "The battle for Duma may repeat the one for Aleppo.",
        "Rebels could attack Hama if the truce collapses.",
        "The SDF will storm Tabqa in the coming days.",
        "The SAA is preparing to attack Palmyra.",  # intention
        "Turkish forces aim to capture Manbij.",
        "The army sent reinforcements to Sukhnah in order to retake Palmyra.",
        "The SAA has not captured Resafa yet.",  # negation
        "ISIS failed to retake Humaima.",
        "Clashes in Jobar have been rare this month.",
        "Most of the city of Raqqa has been destroyed by airstrikes over the past year.",  # background
        "ISIS captured Palmyra in 2015.",
        "The town had previously been held by ISIS, which once shelled Aleppo from it.",
        "Experts believe the SDF will capture Raqqa.",  # opinion
        "Syrian Army Captures Palmyra From ISIS",  # a headline
        "READ MORE: Kurdish forces seize Tabqa dam",
        "The besieged ISIS fighters in Sukhnah are well armed.",  # a participle that describes
    ],
)
def test_no_event_from_what_did_not_happen(lex: Lexicon, text: str) -> None:
    assert events(text, lex) == [], [(e.type, e.place_name, e.why) for e in events(text, lex)]


def test_datelines_are_set_aside(lex: Lexicon) -> None:
    for text in ("DAMASCUS, 2 July – The army shelled Jobar.", "BEIRUT (AP) — The army shelled Jobar.",
                 "Aleppo (SMART) – The army shelled Jobar."):
        found = one(text, lex)
        assert found.place == "jobar", text


def test_a_rumour_keeps_its_hypothetical(lex: Lexicon) -> None:
    found = one("Pro-government media spread rumours that coalition troops may leave their garrison in "
                "At Tanf.", lex)
    assert (found.type, found.place, found.certainty) == ("withdrawal", "at-tanf", "rumoured")


def test_could_with_a_day_is_done(lex: Lexicon) -> None:
    """'could capture on Saturday' (translated Arabic press) is 'managed to capture'."""
    found = one("The Free Syrian Army could capture on early Saturday the village of Kafr Janna.", lex)
    assert found.type == "capture" and found.place_name == "Kafr Janna"


def test_realised_infinitives_count(lex: Lexicon) -> None:
    assert one("The SAA managed to retake Humaima.", lex).type == "capture"
    assert one("The SDF continued to advance towards Tabqa.", lex).type == "advance"


def test_background_after_the_event_does_not_cancel_it(lex: Lexicon) -> None:
    found = one("The SAA captured the Sukhnah road that was once used by ISIS to supply Palmyra.", lex)
    assert found.type == "capture" and found.place_name != "Palmyra"


def test_a_dateline_with_an_agency_in_brackets(lex: Lexicon) -> None:
    found = one("DAMASCUS (Sputnik - 14th August, 2019) The army shelled Jobar.", lex)
    assert found.place == "jobar"


def test_a_noun_naming_a_happening_told_elsewhere(lex: Lexicon) -> None:
    assert events("The advances came after days of fighting in the Idlib region.", lex) == []


@pytest.mark.parametrize(
    "text",
    [
        "The army is bombarding nothing yet; the target is to continue towards al-Bab and liberate Manbij.",
        "Rebels are massing in preparation for an all-out ground offensive on Dabiq.",
        "The rebels took Irshaf, which would all but cut off Dabiq.",
        "ISIS fighters are trapped in an isolated pocket surrounded by rebels.",
    ],
)
def test_purposes_and_states_are_not_events(lex: Lexicon, text: str) -> None:
    found = [(e.type, e.place_name) for e in events(text, lex)]
    assert ("capture", "Manbij") not in found and ("advance", "Dabiq") not in found
    assert ("encirclement", "Dabiq") not in found and not any(t == "encirclement" for t, _ in found)


def test_a_sayer_with_an_apposition(lex: Lexicon) -> None:
    found = one("The Syrian Observatory for Human Rights, a Britain-based war monitor, said the rebels had "
                "taken the village of Irshaf.", lex)
    assert (found.place_name, found.certainty) == ("Irshaf", "claimed")
