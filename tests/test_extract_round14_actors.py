"""Issue 17, round 14: the acting side — the agent of a nominal happening ("shelling by …", "raids
carried out by both A and B"), joint aircraft ("Syrian and Russian warplanes"), a clause with its own
unknown subject ("even as Kyiv mounts a counterattack"), a later clause's subject, a country's possessive
("Russia's troops") and the bare "air force". Sentences written for the test; each fails without its rule."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import actors, at, events, lex

__all__ = ["lex"]


def _acting(text: str, lex: Lexicon, place: str) -> set[str]:
    return {slug for slug, role in at(text, lex, place).factions if role in ("actor", "ally")}


def test_the_agent_after_by_both_and_the_side_joined_to_it_acted(lex: Lexicon) -> None:
    text = "The town of Saraqib was hit by heavy air raids carried out by both Russian and Syrian warplanes."
    assert _acting(text, lex, "Saraqib") == {"russian-aerospace-forces", "saa"}


def test_the_agent_of_shelling_in_quotes_right_after_by(lex: Lexicon) -> None:
    e = at(
        "Two children were wounded in shelling by“Hayat Tahrir al-Sham” on the town of Mhardeh.",
        lex,
        "Mhardeh",
    )
    assert actors(e) == {"hts"}, e.why


def test_the_first_demonym_shares_the_second_ones_aircraft(lex: Lexicon) -> None:
    e = at("Syrian and Russian jets bombed the town of Kafr Zita overnight.", lex, "Kafr Zita")
    assert actors(e) == {"saa", "russian-aerospace-forces"}, e.why


def test_a_clause_with_its_own_unknown_subject_does_not_borrow_its_forces(lex: Lexicon) -> None:
    # another war: the capital stands for its government, which the lexicon does not know
    text = (
        "The Russian army said its troops had taken the village of Ivanivka, even as Kyiv mounts a "
        "counterattack near the town of Sudzha."
    )
    found = [e for e in events(text, lex) if e.place_name == "Sudzha"]
    assert found and all(not actors(e) for e in found), [e.why for e in found]


def test_a_later_clauses_subject_is_no_target(lex: Lexicon) -> None:
    text = "The army captured the village of Khirbet Ghazaleh, where rebel fighters had held out for weeks."
    e = at(text, lex, "Khirbet Ghazaleh")
    assert actors(e) == {"saa"}, e.why
    assert ("syrian-opposition", "target") not in e.factions, e.why
    text = "Troops took the village of Tell Sukkar, the first gain since the rebels' offensive began."
    e = at(text, lex, "Tell Sukkar")
    assert ("syrian-opposition", "target") not in e.factions, e.why


def test_a_countrys_possessive_names_its_ground_forces(lex: Lexicon) -> None:
    e = at(
        "Russia's troops are pushing towards the town of Chasiv Yar in eastern Ukraine.", lex, "Chasiv Yar"
    )
    assert actors(e) == {"russian-armed-forces"}, e.why


def test_the_bare_air_force_at_home_is_the_governments(lex: Lexicon) -> None:
    text = "In the Homs desert, the air force carried out strikes on ISIS hideouts near the town of Sukhnah."
    e = at(text, lex, "Sukhnah")
    assert actors(e) == {"saa"}, e.why


def test_a_partner_in_cooperation_or_an_operation_carried_out_with_is_an_ally(lex: Lexicon) -> None:
    text = "Government troops, in cooperation with Russian forces, captured the town of Qaryatayn."
    assert _acting(text, lex, "Qaryatayn") == {"saa", "russian-armed-forces"}
    text = "Turkish troops seized the village of Rajo in an offensive conducted with the Free Syrian Army."
    e = at(text, lex, "Rajo")
    assert ("syrian-opposition", "ally") in e.factions, e.why
