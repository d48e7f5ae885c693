"""Issue 17, round 11: the places of unseen reports. Local sites named after a unit or by their noun,
heights known by number, an unknown "region" in a list, and words that are not places (a unit's name
after "Army of", a qualifier before "extremists"). Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


def _places(text: str, lex: Lexicon) -> set[str]:
    return {f.place_name for f in events(text, lex) if f.place_name}


# -- sites named after a unit: the barracks is a place, the unit's name alone is not ------------------------

def test_a_base_named_after_a_division_is_a_place(lex: Lexicon) -> None:
    text = "Heavy fighting broke out between the army and ISIS around the 45th Division Base on Monday."
    assert "45th Division Base" in _places(text, lex)


def test_a_region_named_after_a_brigade_is_a_place_under_its_own_name(lex: Lexicon) -> None:
    text = "Army warplanes struck ISIS positions in the Khalid Brigade region, killing several militants."
    found = [f for f in events(text, lex) if f.place_name == "Khalid Brigade region"]
    assert found and found[0].place is None, _places(text, lex)


def test_a_site_s_area_is_the_site(lex: Lexicon) -> None:
    text = "Clashes erupted between the SDF and ISIS in the 45th Division Base area on Monday."
    assert "45th Division Base" in _places(text, lex)


# -- a named site's noun carries a list on ---------------------------------------------------------------

def test_a_list_of_sites_with_their_nouns_gives_one_event_each(lex: Lexicon) -> None:
    text = ("Army jets bombed ISIS gathering points near the airport, al-Rashid cemetery, "
            "al-Hamra passageway and al-Sawda mountain on Monday.")
    assert {"al-Rashid cemetery", "al-Hamra passageway"} <= _places(text, lex)


def test_a_height_known_by_its_number_keeps_its_number(lex: Lexicon) -> None:
    text = "Army jets pounded ISIS positions in al-Kanaes and Tal (hill) 42, killing several militants."
    places = _places(text, lex)
    assert "Tal (hill) 42" in places and "Tal" not in places


# -- an unknown "region" in a list is one of the list's places ---------------------------------------------

def test_an_unknown_region_listed_with_sites_is_a_site_like_them(lex: Lexicon) -> None:
    text = ("Army jets pounded ISIS positions in al-Mazbala, al-Warda region and al-Sawda mountain, "
            "killing several militants.")
    assert {"al-Mazbala", "al-Warda region", "al-Sawda mountain"} <= _places(text, lex)


def test_an_unknown_region_after_a_list_comma_is_not_the_container_of_the_place_before(lex: Lexicon) -> None:
    text = ("Army jets pounded ISIS positions in al-Hamra and al-Shuhada neighborhoods, Tal (hill) 42, "
            "al-Warda region and Khalid Brigade region, killing several militants.")
    assert {"Tal (hill) 42", "al-Warda region", "Khalid Brigade region"} <= _places(text, lex)


# -- words that are not places ---------------------------------------------------------------------------

def test_the_name_after_army_of_is_a_unit_s(lex: Lexicon) -> None:
    text = "Fierce clashes broke out between the army and the Army of Victory on Monday."
    assert "Victory" not in _places(text, lex)


def test_a_word_before_extremists_qualifies_the_side(lex: Lexicon) -> None:
    text = "The offensive captured the town of Kafr Ammar after the retreat of Salafist extremists."
    places = _places(text, lex)
    assert "Salafist" not in places and "Kafr Ammar" in places


# -- what holds a place: "belonging to X", "the village of A of X", and what holds X ------------------------

def test_the_place_a_list_belongs_to_holds_it(lex: Lexicon) -> None:
    text = "On Monday, militants shelled the villages of Tal Barin and Tel Baz belonging to Mashkan."
    assert _places(text, lex) == {"Tal Barin", "Tel Baz"}


def test_a_place_after_a_bare_of_holds_the_village_before_it(lex: Lexicon) -> None:
    text = "On Monday, militants attacked the village of Qastal Jindo of Afrin."
    assert _places(text, lex) == {"Qastal Jindo"}


def test_the_place_a_container_lies_in_holds_it_too(lex: Lexicon) -> None:
    text = ("On Monday, militants shelled the villages of Tal Barin and Tel Baz belonging to Jandairis "
            "in Afrin.")
    assert _places(text, lex) == {"Tal Barin", "Tel Baz"}


# -- a loose spelling match is made by the spelling that matches -------------------------------------------

def test_an_unknown_village_is_not_moved_to_a_place_whose_other_spelling_has_its_shape(lex: Lexicon) -> None:
    # the bundled Kinnsibba is also spelt "Kensiya" (k-n-s, like al-Kanaes, but an -iya name): its other
    # spellings, of another skeleton, do not make "Kensiya" the same shape as "al-Kanaes"
    found = [f for f in events("Militants shelled the village of al-Kanaes on Monday.", lex)]
    assert [(f.place, f.place_name) for f in found] == [(None, "al-Kanaes")]


# -- "Western X" before a village is a village of its own ---------------------------------------------------

def test_a_capitalised_direction_before_a_village_names_a_village_of_its_own(lex: Lexicon) -> None:
    # the bundled gazetteer knows Ghariyah, a village in Daraa: "Western Ghariyah" is another village
    found = events("On Monday, Western Ghariyah was shelled by the army.", lex)
    assert [(f.place, f.place_name) for f in found] == [(None, "Western Ghariyah")]


def test_a_number_word_before_a_place_noun_is_no_name(lex: Lexicon) -> None:
    text = "Five towns were entered by the army on Monday, among them the town of Kafr Ammar."
    assert "Five" not in _places(text, lex)
