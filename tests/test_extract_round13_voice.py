"""Issue 17, round 13: who is speaking — for the whole report (a side's statement, its medium's byline, "our
forces") and for a sentence past its own attribution. Sentences written for the test; each fails without
its rule."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import at, lex, roles

__all__ = ["lex"]


def _claimant_slugs(text: str, lex: Lexicon, place: str) -> set[str]:
    return {slug for slug, role in at(text, lex, place).factions if role == "claimant"}


# -- the report's own voice --------------------------------------------------------------------------------

STATEMENT = ("Statement issued by the General Command of the Army\n\n"
             "Units of the armed forces completed the liberation of the town of Morek on Tuesday.\n\n"
             "The operation also restored security to the village of Kafr Zita.\n")


def test_a_text_headed_as_a_sides_statement_is_that_sides_claim_sentence_after_sentence(lex: Lexicon) -> None:
    for place in ("Morek", "Kafr Zita"):
        e = at(STATEMENT, lex, place)
        assert e.certainty == "claimed", e.why
        assert _claimant_slugs(STATEMENT, lex, place) == {"saa"}


def test_a_statement_heading_needs_a_side_it_can_name(lex: Lexicon) -> None:
    text = "Statement issued by the committee\n\nArmy units captured the town of Morek on Tuesday.\n"
    assert at(text, lex, "Morek").certainty == "confirmed"


def test_the_first_person_plural_outside_a_quotation_is_a_side_speaking_of_itself(lex: Lexicon) -> None:
    text = "Our brave fighters liberated the village of Kafr Zita on Tuesday after fierce clashes."
    e = at(text, lex, "Kafr Zita")
    assert e.certainty == "claimed", e.why


def test_our_forces_inside_a_quotation_is_the_quoted_mans_not_the_reports(lex: Lexicon) -> None:
    text = 'The army took the village of Kafr Zita on Tuesday, "a day of glory for our forces".'
    assert at(text, lex, "Kafr Zita").certainty == "confirmed"


def test_a_byline_of_a_sides_medium_makes_its_sentence_that_mediums_claim(lex: Lexicon) -> None:
    text = "SANA– Army units restored security to the town of Morek on Tuesday after clashes with terrorists."
    e = at(text, lex, "Morek")
    assert e.certainty == "claimed", e.why
    assert "SANA" in roles(e).get("claimant", set())


# -- a source's voice past its own sentence ----------------------------------------------------------------

def test_after_it_said_the_next_sentence_of_the_paragraph_is_still_the_sources(lex: Lexicon) -> None:
    text = ("State news agency SANA said the army shelled the town of Morek on Friday. It said troops hit "
            "militant positions near Kafr Zita. Soldiers also targeted the village of Lahaya, destroying two "
            "tanks.")
    e = at(text, lex, "Lahaya")
    assert e.certainty == "claimed", e.why


def test_after_it_said_a_new_paragraph_is_the_narrators_again(lex: Lexicon) -> None:
    text = ("State news agency SANA said the army shelled the town of Morek on Friday. It said troops hit "
            "militant positions near Kafr Zita.\n\nSoldiers also targeted the village of Lahaya, destroying "
            "two tanks.")
    assert at(text, lex, "Lahaya").certainty == "confirmed"


def test_a_paragraph_closed_by_the_report_added_was_the_sources_throughout(lex: Lexicon) -> None:
    text = ("State news agency SANA said the army captured the town of Morek on Friday.\n\n"
            "Over the week, troops took the villages of Lahaya and Kafr Zita. Now they are fighting near "
            "Latamneh, the report added.")
    for place in ("Lahaya", "Kafr Zita"):
        assert at(text, lex, place).certainty == "claimed", at(text, lex, place).why


def test_a_sentence_after_a_named_sayers_one_stays_the_narrators(lex: Lexicon) -> None:
    text = ("State news agency SANA said the army shelled the town of Morek on Friday. Soldiers targeted "
            "the village of Lahaya, destroying two tanks.")
    assert at(text, lex, "Lahaya").certainty == "confirmed"


# -- reporting verbs and hedges, missed or over-read -------------------------------------------------------

def test_a_monitor_named_again_by_description_is_still_the_sayer(lex: Lexicon) -> None:
    text = ("The Syrian Observatory for Human Rights said fighting raged near Hama on Friday. The UK-based "
            "group said the army regained control over the village of Kafr Zita.")
    e = at(text, lex, "Kafr Zita")
    assert e.certainty == "claimed", e.why
    assert "Syrian Observatory for Human Rights" in roles(e).get("claimant", set())


def test_reports_coming_through_are_reports_nobody_is_named_for(lex: Lexicon) -> None:
    text = "Reports are coming through of heavy clashes between the army and rebels in the village of Lahaya."
    assert at(text, lex, "Lahaya").certainty == "claimed"


def test_claiming_a_target_or_the_lives_of_people_is_no_claim(lex: Lexicon) -> None:
    for text in ("Militants mounted an assault on the town of Morek that may have aimed at claiming a soft "
                 "target.",
                 "Air strikes hit the town of Morek on Monday, claiming the lives of six civilians."):
        assert at(text, lex, "Morek").certainty == "confirmed", at(text, lex, "Morek").why


def test_a_side_that_claims_a_capture_still_claims_it(lex: Lexicon) -> None:
    text = "The rebels claimed the capture of the town of Morek on Monday."
    assert at(text, lex, "Morek").certainty == "claimed"
