"""Issue 17, round 12: the reach of an attribution — who says it, and over which words. Sentences written
for the test; each fails without its rule."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import at, events, lex, roles

__all__ = ["lex"]


def _claimants(text: str, lex: Lexicon, place: str) -> set[str]:
    return roles(at(text, lex, place)).get("claimant", set())


# -- the sayer, however the sentence names it --------------------------------------------------------------

def test_quoted_as_saying_makes_both_the_medium_and_the_quoted_man_claimants(lex: Lexicon) -> None:
    text = ("The Arabic-language website of Sputnik quoted Karim Haddad, a Syrian military expert, as saying "
            "that the army seized back the town of Nasib on Monday.")
    e = at(text, lex, "Nasib")
    assert e.certainty == "claimed", e.why
    said = {"Arabic-language website of Sputnik", "Karim Haddad, a Syrian military expert"}
    assert said == _claimants(text, lex, "Nasib")  # an expert is no side: not the army's claim
    assert not [slug for slug, role in e.factions if role == "claimant"]


def test_an_adverb_between_the_sayer_and_its_verb_keeps_the_attribution(lex: Lexicon) -> None:
    text = "Sputnik further said that the army took control of the town of Nasib on Monday."
    e = at(text, lex, "Nasib")
    assert (e.certainty, _claimants(text, lex, "Nasib")) == ("claimed", {"Sputnik"}), e.why


@pytest.mark.parametrize("text", [
    "On Tuesday, Hama was quiet, Abdul Rahman said, while the army captured the town of Morek.",
    "Fresh air strikes pounded the town of Douma on Saturday, rescuers and a monitor said, after a night of "
    "heavy bombing.",
    "At least eight civilians were killed in the bombardment of Douma, the Britain-based watchdog added.",
])
def test_a_sayer_set_off_by_commas_claims_the_whole_sentence(text: str, lex: Lexicon) -> None:
    found = events(text, lex)
    assert found and all(e.certainty == "claimed" for e in found), [(e.place_name, e.why) for e in found]


def test_a_parenthetical_claim_names_the_claimant_not_the_side_before_it(lex: Lexicon) -> None:
    text = "The convoy was struck by Syrian jets near Maarat al-Numan, Ankara claimed, halting its progress."
    e = at(text, lex, "Maarat al-Numan")
    assert e.certainty == "claimed"
    assert _claimants(text, lex, "Maarat al-Numan") == {"Ankara"}, e.why


def test_a_radio_broadcaster_is_a_sayer(lex: Lexicon) -> None:
    text = "According to Syria's Sham FM radio broadcaster, government forces gained control of Kafr Ain."
    assert at(text, lex, "Kafr Ain").certainty == "claimed"


def test_a_declaration_introduced_by_a_colon_is_the_declarers(lex: Lexicon) -> None:
    text = ('Observatory director Rami Abdul Rahman declared: "Regime forces took control of Sinjar on '
            'Sunday."')
    assert at(text, lex, "Sinjar").certainty == "claimed"


def test_a_quotation_closed_before_its_sayer_is_a_claim_however_the_sayer_is_written(lex: Lexicon) -> None:
    # the opening mark is the paragraph's (the sentence reader takes it off); "wrote" is no reporting verb
    text = ('"On Tuesday morning, Russian warplanes bombed the town of Nawa", Observatory head Rami Abdel '
            'Rahman wrote on Twitter.')
    e = at(text, lex, "Nawa")
    assert e.certainty == "claimed" and "a quotation" in e.why["certainty"], e.why


def test_a_quoted_name_is_no_quotation(lex: Lexicon) -> None:
    text = 'The "Gobelek" village and the town of Jinderes were freed by Turkish forces on Monday.'
    assert at(text, lex, "Jinderes").certainty == "confirmed"


def test_the_source_named_before_says_the_next_sentence_too(lex: Lexicon) -> None:
    text = ("The Syrian air force struck ISIS positions, a Syrian military source said on Sunday. "
            "The source said dozens of militants had been killed in air strikes on the town of Sukhnah.")
    e = at(text, lex, "Sukhnah")
    assert e.certainty == "claimed" and "named before" in e.why["certainty"], e.why
    assert "source" not in {n.casefold() for n in _claimants(text, lex, "Sukhnah")}, e.why


def test_a_later_statement_is_an_attribution(lex: Lexicon) -> None:  # a guard: the trailing rule holds it
    text = "ISIS militants captured the village of Hawija, the Observatory said in a later statement."
    assert at(text, lex, "Hawija").certainty == "claimed"


def test_a_claim_attributed_in_the_next_sentence_is_that_sources(lex: Lexicon) -> None:
    text = "ISIS captured the village of Hawija on Monday. The claim was made by the group's media wing."
    e = at(text, lex, "Hawija")
    assert e.certainty == "claimed" and "next sentence" in e.why["certainty"], e.why


# -- hedges and their scope ----------------------------------------------------------------------------------

def test_a_passive_were_reported_is_a_claim_nobody_is_named_for(lex: Lexicon) -> None:
    text = "On April 23, twelve airstrikes were reported in Kafr Nabl, causing material damage."
    e = at(text, lex, "Kafr Nabl")
    assert (e.certainty, roles(e).get("claimant")) == ("claimed", None), e.why


def test_a_hedge_in_the_toll_clause_leaves_the_strike_stated(lex: Lexicon) -> None:
    text = ("Syrian Air Force helicopters dropped bombs on the town of Nawa, killing six civilians and "
            "reportedly injuring more.")
    assert at(text, lex, "Nawa").certainty == "confirmed"


def test_a_hedge_before_the_strike_still_hedges_it(lex: Lexicon) -> None:
    text = "Helicopters reportedly dropped bombs on the town of Nawa, killing six civilians."
    assert at(text, lex, "Nawa").certainty == "claimed"


# -- the narrator's own voice ----------------------------------------------------------------------------

def test_the_narrators_next_sentence_stays_confirmed(lex: Lexicon) -> None:
    text = ("The Observatory said regime forces captured the village of Hawija on Monday. "
            "Government forces also captured the town of Sukhnah on Tuesday.")
    assert at(text, lex, "Sukhnah").certainty == "confirmed"


def test_recently_before_a_past_verb_dates_the_news(lex: Lexicon) -> None:
    text = "The government is waging an offensive in the south, where it recently retook the town of Nasib."
    assert at(text, lex, "Nasib").type == "capture"


def test_recently_after_an_auxiliary_sums_up_what_came_before(lex: Lexicon) -> None:
    text = "Government forces have captured the town of Nasib recently."
    assert not [e for e in events(text, lex) if e.place_name == "Nasib"]
