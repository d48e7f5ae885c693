"""Issue 17, round 11: events stated in the genre's wording that the extractor did not find (the tuning
splits' misses: a cue word it lacked, a saying verb's "that", fighting stated only as the scene of a toll,
an aside that dates a side, a progressive read as a passive, a withdrawal with no place after it).
Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


def _found(text: str, lex: Lexicon) -> set[tuple[str, str | None]]:
    return {(f.type, f.place_name) for f in events(text, lex)}


# -- cue words the genre uses ------------------------------------------------------------------------------

def test_strikes_that_hit_a_place_are_airstrikes(lex: Lexicon) -> None:
    assert ("airstrike", "Tal Harir") in _found(
        "One of the strikes hit a bakery in the village of Tal Harir on Monday.", lex)
    assert ("airstrike", "Tal Harir") in _found(
        "The monitor said the bombs that hit the village of Tal Harir killed four civilians.", lex)


def test_plural_bombardments_are_shelling(lex: Lexicon) -> None:
    assert ("shelling", "Tal Harir") in _found("Bombardments have also hit the village of Tal Harir.", lex)


def test_pushing_further_into_and_gaining_territory_are_advances(lex: Lexicon) -> None:
    assert ("advance", "Kafr Ammar") in _found(
        "The SDF pushed further into the village of Kafr Ammar on Monday.", lex)
    assert ("advance", "Kafr Ammar") in _found(
        "Government forces have gained territory on the edge of the village of Kafr Ammar.", lex)


def test_fighters_leaving_a_place_withdraw(lex: Lexicon) -> None:
    assert ("withdrawal", "Douma") in _found(
        "Hundreds of rebel fighters and their families left Douma under a deal on Monday.", lex)
    assert ("withdrawal", "Kafr Ammar neighborhood") in _found(
        "The militants are leaving the Kafr Ammar neighborhood on Monday.", lex)


def test_a_delegation_leaving_a_city_is_no_withdrawal(lex: Lexicon) -> None:
    assert not any(t == "withdrawal" for t, _ in _found(
        "The UN delegation left Douma on Monday after talks.", lex))


# -- wording that hid a stated happening -------------------------------------------------------------------

def test_a_saying_verbs_that_does_not_point_back(lex: Lexicon) -> None:
    assert ("clashes", "Kafr Ammar") in _found(
        "Rebel sources told Reuters that fierce clashes are ongoing in Kafr Ammar.", lex)


def test_fighting_that_a_side_is_amid_is_a_happening(lex: Lexicon) -> None:
    assert ("clashes", "Kafr Ammar") in _found(
        "Now the troops are amid fierce battles with ISIS in the village of Kafr Ammar.", lex)


def test_battles_a_toll_was_taken_during_are_the_happening(lex: Lexicon) -> None:
    assert ("clashes", "Kafr Ammar") in _found(
        "The SDF announced the killing of 20 ISIS members during battles in the village of Kafr Ammar.", lex)


def test_a_caption_during_fighting_is_not_the_happening(lex: Lexicon) -> None:
    assert not _found("Smoke rising after an air strike during fighting in the village of Kafr Ammar.", lex)


def test_an_aside_dating_the_side_does_not_make_the_happening_background(lex: Lexicon) -> None:
    text = ("The alliance, formed last year by recruiting local fighters, fought ISIS in the village of "
            "Kafr Ammar on Saturday.")
    assert ("clashes", "Kafr Ammar") in _found(text, lex)


# -- where the cue's place is ------------------------------------------------------------------------------

def test_was_advancing_is_a_progressive_not_a_passive(lex: Lexicon) -> None:
    text = ("Lebanese TV station al-Mayadeen said the Syrian army was advancing towards the village of "
            "Kafr Ammar.")
    assert ("advance", "Kafr Ammar") in _found(text, lex)


def test_a_withdrawal_after_a_capture_left_the_place_taken(lex: Lexicon) -> None:
    text = ("On Monday, government forces took control of the village of Kafr Ammar after the rebels "
            "pulled out.")
    assert _found(text, lex) >= {("capture", "Kafr Ammar"), ("withdrawal", "Kafr Ammar")}


def test_where_speaks_of_the_place_not_the_area_it_lies_in(lex: Lexicon) -> None:
    text = ("The fighting is concentrated in Kafr Ammar town located in the eastern countryside of Raqqa, "
            "where the SDF managed to advance on Monday.")
    found = _found(text, lex)
    assert not any(t == "advance" and p and "countryside" in p for t, p in found), found
