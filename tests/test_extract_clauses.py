"""Round 7 of issue 17: the acting side from the clause's structure, lists after a gerund, a named town
inside its container, background. Sentences written for each phenomenon, none copied from the set."""

from __future__ import annotations

from .extract_helpers import events, lex, one, roles

__all__ = ["lex"]


def _sides(text: str, lex, place: str) -> dict[str, set[str]]:
    found = [e for e in events(text, lex) if e.place_name == place]
    assert found, [(e.place_name, e.type) for e in events(text, lex)]
    return roles(found[0])


def test_a_loss_makes_the_loser_the_target_and_names_no_winner(lex) -> None:
    found = events("Daesh lost the villages of Kafr Tibla and Umm Surur on Monday.", lex)
    assert {e.place_name for e in found} == {"Kafr Tibla", "Umm Surur"}
    for e in found:
        assert e.type == "capture"
        assert roles(e) == {"target": {"Islamic State"}}


def test_a_passive_without_its_agent_takes_the_side_that_acted_last(lex) -> None:
    text = ("The SDF stormed the village of Tell Bazan on Monday. "
            "The hamlets of Abu Farrouj and Jarn Aswad were cleared from the YPG's rivals the same day.")
    sides = _sides(text, lex, "Abu Farrouj")
    assert sides.get("actor") == {"Syrian Democratic Forces"}


def test_a_passive_with_its_agent_keeps_the_agent(lex) -> None:
    e = one("The village of Rasm Hilal was captured by the Syrian army on Tuesday.", lex)
    assert roles(e).get("actor") == {"Syrian Arab Army"}


def test_rebel_and_assad_descriptors_name_the_sides(lex) -> None:
    e = one("Rebel fighters seized the village of Tell Qarah after clashes with pro-Assad forces.", lex)
    assert roles(e)["actor"] == {"Syrian armed opposition"}
    assert roles(e)["target"] == {"Syrian Arab Army"}


def test_allied_forces_joined_by_and_allied_are_allies_not_targets(lex) -> None:
    e = one("Syrian rebel factions and allied Turkish troops captured the village of Deir Sawwan.", lex)
    assert roles(e)["actor"] == {"Syrian armed opposition"}
    assert "Turkish Armed Forces" in roles(e)["ally"]


def test_the_withdrawal_of_a_side_is_done_by_that_side(lex) -> None:
    found = events("The SDF entered Gharanij after the withdrawal of ISIS fighters from the town.", lex)
    pulled = [e for e in found if e.type == "withdrawal"]
    assert pulled and all(roles(e).get("actor") == {"Islamic State"} for e in pulled)


def test_clashes_between_two_sides_have_no_actor_from_an_earlier_clause(lex) -> None:
    e = one("The rebels have lost most of the north, except the Qadi Askar district, where heavy clashes "
            "were reported between rebel fighters and the army.", lex)
    assert e.type == "clashes" and "actor" not in roles(e)


def test_a_gerund_takes_every_listed_place(lex) -> None:
    found = events("The SAA hit back, shelling Tell Abyad al-Gharbi, Masrab and Jdeidet Bakara.", lex)
    assert {e.place_name for e in found} == {"Tell Abyad al-Gharbi", "Masrab", "Jdeidet Bakara"}
    assert {e.type for e in found} == {"shelling"}


def test_jets_striking_a_list_are_airstrikes_at_each_place(lex) -> None:
    found = events("MiG-23 jets pounded the area overnight, striking Mount Zawiya's slopes, the villages of "
                   "Kafr Oweid and Sfuhen and the regions of Bara and Ihsim.", lex)
    names = {e.place_name for e in found}
    assert {"Kafr Oweid", "Sfuhen", "Bara", "Ihsim"} <= names
    assert all(e.type == "airstrike" for e in found if e.place_name in ("Kafr Oweid", "Sfuhen"))


def test_a_named_town_in_rural_province_stays_at_the_town(lex) -> None:
    found = events("Fierce clashes raged near the town of Tall Haddiya in northern rural Hama on Sunday.",
                   lex)
    assert [e.place_name for e in found] == ["Tall Haddiya"]


def test_the_town_refers_back_to_the_last_town_named(lex) -> None:
    text = ("Fighting broke out near the town of Kafr Zeita in northern rural Hama. "
            "Activists said rebels destroyed two tanks near the town.")
    later = [e for e in events(text, lex) if "tanks" in e.sentence]
    assert later and later[0].names[0] == "Kafr Zeita"


def test_a_condition_states_no_happening(lex) -> None:
    assert events("If government forces capture all of Douma, the enclave will be split.", lex) == []


def test_background_clauses_state_no_happening(lex) -> None:
    assert events("Key turning points of the war were the liberation of Deir Hafer and Maskanah.", lex) == []
    assert events("The army began its campaign to recapture Tadef in early May.", lex) == []
    found = events("After losing Jarablus, ISIS fired rockets at the Turkish border town of Kilis.", lex)
    assert not any(e.type == "capture" for e in found)


def test_its_troops_are_the_claimants_forces(lex) -> None:
    found = events("According to the regime, its troops have seized the villages of Tell Tuqan and Sarjeb.",
                   lex)
    assert found
    assert all(roles(e)["actor"] == {"Syrian Arab Army"} for e in found)


def test_a_side_named_again_in_brackets_is_not_a_new_subject(lex) -> None:
    found = events("The army units conducted operations against Daesh (ISIS) in an enclave, regaining "
                   "control over the villages of Abu Hayyah and Umm Mil.", lex)
    assert found
    assert all(roles(e)["actor"] == {"Syrian Arab Army"} for e in found)
