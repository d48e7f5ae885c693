"""Issue 17, round 14: who says it, and how sure — sayers the attribution rules did not hear (a side's own
body, a long apposition, an occasion or a day before the verb, a sayer heading a later clause, a side named
by description) and hedges with no claimant. Sentences written for the test; each fails without its rule."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import at, events, lex

__all__ = ["lex"]


def _claimant_slugs(text: str, lex: Lexicon, place: str) -> set[str]:
    return {slug for slug, role in at(text, lex, place).factions if role == "claimant"}


def test_a_sides_own_body_stating_after_a_dateline_is_its_claim(lex: Lexicon) -> None:
    text = (
        "MOREK – The Military Council of Hama stated that two of its fighters were killed in clashes "
        "in Lahaya."
    )
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_a_sayer_with_a_long_apposition_is_still_a_sayer_and_its_city_no_event(lex: Lexicon) -> None:
    text = (
        "Meanwhile, Ahmad Khalil, the spokesman of the revolutionary council of the northern city of "
        "Manbij, said that Turkish forces shelled the village of Lahaya on Tuesday."
    )
    found = events(text, lex)
    assert [(e.place_name, e.certainty) for e in found] == [("Lahaya", "claimed")]


def test_the_occasion_of_a_statement_before_its_sayer(lex: Lexicon) -> None:
    text = (
        "In a statement to the official news agency SANA, a field commander said that army units shelled "
        "the village of Lahaya on Tuesday."
    )
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_a_day_set_off_by_commas_between_the_verb_and_that(lex: Lexicon) -> None:
    text = (
        "The spokesman of the Sham Legion said, today, that "
        "violent battles are taking place in the village of Lahaya."
    )
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_other_sources_heading_a_later_clause_make_it_claimed(lex: Lexicon) -> None:
    text = (
        "The government has issued no statement on the battle; however, other sources said that the army "
        "captured the village of Lahaya on Tuesday."
    )
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_a_side_named_by_description_as_the_sayer_is_the_side_named_before(lex: Lexicon) -> None:
    text = "The SDF are battling ISIS near the village of Lahaya, the force reported on Tuesday, and more."
    assert at(text, lex, "Lahaya").certainty == "claimed"
    assert _claimant_slugs(text, lex, "Lahaya") == {"sdf"}


def test_according_to_their_statement_is_the_sides_own_claim(lex: Lexicon) -> None:
    text = "The Syrian army captured the village of Lahaya on Tuesday, according to their statement."
    assert at(text, lex, "Lahaya").certainty == "claimed"
    assert _claimant_slugs(text, lex, "Lahaya") == {"saa"}


def test_there_have_been_reports_is_a_hedge_with_no_claimant(lex: Lexicon) -> None:
    text = "There have been reports of heavy clashes in the village of Lahaya since Tuesday."
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_no_reports_of_casualties_hedges_nothing(lex: Lexicon) -> None:
    text = "Warplanes struck the village of Lahaya on Tuesday; there were no reports of casualties."
    assert at(text, lex, "Lahaya").certainty == "confirmed"


def test_partisan_sites_reporting_make_it_claimed(lex: Lexicon) -> None:
    text = "Pro-government sites reported that the army repelled an attack on the village of Lahaya."
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_a_toll_claimed_by_the_fighting_is_no_sayer(lex: Lexicon) -> None:
    text = "Clashes between the army and the rebels in the village of Lahaya claimed 30 lives on Tuesday."
    assert at(text, lex, "Lahaya").certainty == "confirmed"


def test_what_a_monitor_documented_is_its_claim_past_its_short_name(lex: Lexicon) -> None:
    text = (
        "The Syrian Observatory for Human Rights (SOHR) documented fierce clashes in the village of Lahaya "
        "on Tuesday."
    )
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_according_to_a_body_that_studies_the_war_or_to_statements(lex: Lexicon) -> None:
    for source in ("the Institute for the Study of War", "statements released in Damascus and Moscow"):
        text = f"The army pulled out of the village of Lahaya on Tuesday, according to {source}."
        assert at(text, lex, "Lahaya").certainty == "claimed", source


def test_amid_reports_that_is_no_sayer_of_the_sentence_before_it(lex: Lexicon) -> None:
    text = "The army took the village of Lahaya on Tuesday amid reports that dozens of families fled."
    assert at(text, lex, "Lahaya").certainty == "confirmed"


def test_a_passive_report_names_no_sayer_and_keeps_its_place(lex: Lexicon) -> None:
    text = "Meanwhile, battles between the rebels and the army were also reported in the village of Lahaya."
    assert at(text, lex, "Lahaya").certainty == "claimed"
    assert _claimant_slugs(text, lex, "Lahaya") == set()  # not the rebels, the subject of "were reported"
