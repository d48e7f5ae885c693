"""Issue 17, round 14: background told beside the news — a sentence framed by a past year, a relative
clause that dates the same change to a past year, a fight that has gone on for weeks. Sentences written
for the test; each fails without its rule, and each has a stated event beside it that stays."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon
from sitroom.db.reports.sentences import sentences

from .extract_helpers import events, lex

__all__ = ["lex"]


def _places(text: str, lex: Lexicon, date: str = "2018-03-10") -> set[tuple[str | None, str]]:
    return {(e.place_name, e.type) for e in events(text, lex, date)}


# -- a past year framing the sentence --------------------------------------------------------------------


def test_a_sentence_opening_on_a_past_year_is_background(lex: Lexicon) -> None:
    text = "In June 2013, Islamist rebels captured Saraqib after a week of heavy fighting."
    assert not _places(text, lex)


def test_a_sentence_opening_on_the_report_s_year_is_news(lex: Lexicon) -> None:
    text = "In March 2018, Islamist rebels captured Saraqib after a week of heavy fighting."
    assert ("Saraqib", "capture") in _places(text, lex)


# -- a relative clause dating the same change ------------------------------------------------------------


def test_a_relative_clause_dating_the_change_to_a_past_year_is_background(lex: Lexicon) -> None:
    text = "The government lost Jisr al-Shughur to rebel groups who seized it in 2015."
    assert not _places(text, lex)


def test_a_relative_clause_with_another_side_s_past_is_not_the_happening_s(lex: Lexicon) -> None:
    text = "On Friday the army recaptured Saraqib which rebels seized in 2015."
    assert ("Saraqib", "capture") in _places(text, lex)


# -- months or years ago ----------------------------------------------------------------------------------


def test_a_sentence_dated_years_back_is_history(lex: Lexicon) -> None:
    text = "The offensive on Idlib started two years ago after the army captured Saraqib."
    assert not _places(text, lex)


def test_years_ago_in_a_relative_clause_dates_only_that_clause(lex: Lexicon) -> None:
    text = "Coalition jets struck Manbij, where the group held its first parade three years ago."
    assert ("Manbij", "airstrike") in _places(text, lex)


# -- a fight that has gone on for weeks ------------------------------------------------------------------


def test_a_fight_gone_on_for_weeks_is_a_campaign_s_course(lex: Lexicon) -> None:
    text = "Kurdish fighters have been battling Islamic State around Manbij for the past six weeks."
    assert not _places(text, lex)


def test_a_fight_gone_on_for_a_few_days_is_still_news(lex: Lexicon) -> None:
    text = "Kurdish fighters have been battling Islamic State around Manbij for three days."
    assert ("Manbij", "clashes") in _places(text, lex)


# -- a photo credited to its source and day --------------------------------------------------------------


def test_a_line_ending_on_a_source_and_day_in_brackets_is_a_caption(lex: Lexicon) -> None:
    text = (
        "The week in northern Syria.\n\nThe army shelled the hills east of the town of Saraqib with "
        "mortars and rockets after the rebels had advanced on its positions there (Telegram channel "
        "of the group, May 4, 2018)"
    )
    assert not _places(text, lex)


def test_a_sentence_citing_its_source_before_its_stop_is_prose() -> None:
    text = "On Sunday the army shelled rebel positions near Saraqib (Al-Watan, May 4, 2018)."
    assert not sentences(text)[0].headline


# -- a newsroom's own coverage ---------------------------------------------------------------------------


def test_what_a_newsroom_follows_is_not_a_happening(lex: Lexicon) -> None:
    text = "Our channel has been closely covering the developments on fighting around Manbij."
    assert not _places(text, lex)


def test_fighting_a_newsroom_reports_is_still_a_happening(lex: Lexicon) -> None:
    text = "Our correspondent reported fierce fighting around Manbij on Monday."
    assert ("Manbij", "clashes") in _places(text, lex)


# -- a standing siege told of a place --------------------------------------------------------------------


def test_a_relative_clause_telling_a_place_s_siege_is_its_state(lex: Lexicon) -> None:
    text = "Rebels shelled army posts in Manbij, the city that has been encircled by Kurdish fighters."
    assert ("Manbij", "encirclement") not in _places(text, lex)


def test_a_siege_told_as_done_is_a_happening(lex: Lexicon) -> None:
    text = "Kurdish fighters encircled Manbij on Monday."
    assert ("Manbij", "encirclement") in _places(text, lex)
