"""Issue 17, round 13: the acting side — the maker named on the event word itself, who repels an attack,
a backer of the target, and sides named by an adjective. Sentences written for the test; each fails
without its rule."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import actors, at, events, lex

__all__ = ["lex"]


def _acting(text: str, lex: Lexicon, place: str) -> set[str]:
    return {slug for slug, role in at(text, lex, place).factions if role in ("actor", "ally")}


def test_a_possessive_on_the_attack_names_its_maker_and_the_repeller_is_hit(lex: Lexicon) -> None:
    e = at("Government troops repelled Daesh's attack on the village of Morek on Sunday.", lex, "Morek")
    assert actors(e) == {"isis"}, e.why
    assert ("saa", "target") in e.factions, e.why


def test_the_side_a_relative_pronoun_stands_for_made_the_happening(lex: Lexicon) -> None:
    e = at("The army killed dozens of rebels who attacked the town of Kafr Nabudah on Monday.", lex,
           "Kafr Nabudah")
    assert actors(e) == {"syrian-opposition"}, e.why


def test_who_repels_an_attack_is_not_its_maker(lex: Lexicon) -> None:
    text = "The army repelled two suicide attacks on its positions in the town of Mayadin on Sunday."
    found = [e for e in events(text, lex) if e.type in ("attack", "vbied")]
    assert found and all("saa" not in actors(e) for e in found), [e.why for e in found]


def test_a_backer_of_the_target_is_not_on_the_acting_side(lex: Lexicon) -> None:
    text = ("ISIS advanced towards the village of Bahra, pushing back the SDF, which is backed by the US-led "
            "coalition.")
    assert _acting(text, lex, "Bahra") == {"isis"}


def test_a_pro_government_offensive_is_the_army_s(lex: Lexicon) -> None:
    e = at("The pro-government advance against ISIS towards the town of Deir Hafer is continuing.", lex,
           "Deir Hafer")
    assert actors(e) == {"saa"}, e.why


def test_a_foreign_army_under_a_pejorative_is_not_the_syrian_army(lex: Lexicon) -> None:
    e = at("The Turkish terror army shelled the village of Arima on Wednesday.", lex, "Arima")
    assert "saa" not in actors(e), e.why
    assert "Turkish Armed Forces" in {n for n, _, r, _ in e.parties if r == "actor"}, e.why


def test_a_gain_told_only_by_a_side_s_own_media_is_that_side_s(lex: Lexicon) -> None:
    text = ("Hezbollah fighters advanced on the town of Albu Kamal. Syrian state television declared that "
            "the town of Albu Kamal is liberated.")
    e = next(e for e in events(text, lex) if e.type == "capture")
    assert actors(e) == {"saa"}, e.why


def test_an_attack_on_the_enemy_told_by_a_side_s_media_is_that_side_s_not_a_car_bomb_on_no_one(
        lex: Lexicon) -> None:
    e = at("According to Amaq, a suicide attack killed 15 SDF members near the town of Mansoura.", lex,
           "Mansoura")
    assert actors(e) == {"isis"}, e.why
    e = at("State news agency SANA said a car bomb exploded in the town of Jableh, killing five people.", lex,
           "Jableh")
    assert not actors(e), e.why


def test_the_holder_of_a_place_outside_whose_control_it_lies_is_no_party(lex: Lexicon) -> None:
    e = at("Warplanes struck the town of Nawa, the last town outside the regime's control in the area.", lex,
           "Nawa")
    assert "saa" not in {slug for slug, _ in e.factions}, e.why


def test_by_doing_x_comma_the_subject_of_the_main_clause_did_it(lex: Lexicon) -> None:
    e = at("By securing the town of Maadan, the Syrian Arab Army has cut the road to Raqqa.", lex, "Maadan")
    assert actors(e) == {"saa"}, e.why


def test_a_number_of_a_side_heading_its_clause_is_that_side(lex: Lexicon) -> None:
    text = ("On Friday, evacuations from the town of Douma stopped, days after hundreds of opposition "
            "fighters and their families left the town of Douma.")
    e = next(e for e in events(text, lex) if e.type == "withdrawal")
    assert actors(e) == {"syrian-opposition"}, e.why


def test_a_clause_with_an_unnamed_subject_of_its_own_does_not_take_the_main_clause_s(lex: Lexicon) -> None:
    text = "The army took control of the town of Morek after a jihadist group pulled out."
    e = next(e for e in events(text, lex) if e.type == "withdrawal")
    assert not actors(e), e.why
    assert actors(next(e for e in events(text, lex) if e.type == "capture")) == {"saa"}


def test_a_side_telling_of_its_fight_with_a_named_enemy_made_it_but_not_a_blast_on_no_one(
        lex: Lexicon) -> None:
    e = at("On Saturday, the SDF announced the killing of 33 ISIS members during battles in the town of "
           "Hajin.",
           lex, "Hajin")
    assert actors(e) == {"sdf"}, e.why
    e = at("Hezbollah said a car bomb exploded in the town of Hermel, killing five people.", lex, "Hermel")
    assert not actors(e), e.why
    e = at("Rebels said the town of Morek was captured on Sunday.", lex, "Morek")
    assert "syrian-opposition" not in actors(e), e.why


def test_the_gazetteer_and_the_faction_matcher_read_one_theatre(lex: Lexicon) -> None:
    events("The army captured the village of Morek on Monday.", lex)  # a report sets it
    lex.theatre.abroad, lex.theatre.countries = True, frozenset({"yemen"})
    assert (lex.parties.abroad, lex.gazetteer.abroad) == (True, True)
    assert lex.parties.report == lex.gazetteer.report == frozenset({"yemen"})
    lex.theatre.reset()  # outside a report: one reset for both
    assert not (lex.parties.abroad or lex.gazetteer.abroad or lex.parties.report or lex.gazetteer.report)
