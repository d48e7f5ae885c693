"""Issue 17, round 14: what type a happening is — raids stated as infiltrations, fire and marches, tolls of
fighters, the weapon named before the verb, and spoils that are not ground. Sentences written for the test;
each fails without its rule."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import at, events, lex

__all__ = ["lex"]


def _types(text: str, lex: Lexicon) -> set[tuple[str, str | None]]:
    return {(e.type, e.place_name) for e in events(text, lex)}


def test_an_infiltration_that_kills_is_a_raid(lex: Lexicon) -> None:
    text = "Jihadist cells infiltrated the village of Morek at dawn and killed eleven shepherds."
    assert at(text, lex, "Morek").type == "attack"
    assert at("Jihadist cells infiltrated the village of Morek at dawn.", lex, "Morek").type == "advance"


def test_fighting_still_going_on_since_is_news(lex: Lexicon) -> None:
    text = "Heavy fighting has been ongoing since then around the town of Hajin."
    assert ("clashes", "Hajin") in _types(text, lex)


def test_firing_on_ground_is_shelling_and_by_jets_an_airstrike(lex: Lexicon) -> None:
    assert (
        at("Government troops fired on rebel positions in the town of Morek.", lex, "Morek").type
        == "shelling"
    )
    assert at("Russian jets fired on the town of Morek on Sunday.", lex, "Morek").type == "airstrike"


def test_marching_on_a_place_is_an_advance(lex: Lexicon) -> None:
    assert at("Government troops marched on the town of Morek on Sunday.", lex, "Morek").type == "advance"


def test_breaking_through_the_lines_is_an_advance(lex: Lexicon) -> None:
    text = "Kurdish fighters broke through the defences of ISIS in the town of Hajin on Monday."
    assert at(text, lex, "Hajin").type == "advance"


def test_a_counteroffensive_is_an_attack(lex: Lexicon) -> None:
    text = "The rebels launched a counteroffensive on the village of Morek on Sunday."
    assert at(text, lex, "Morek").type == "attack"


def test_fighters_killed_at_a_place_are_the_fighting_there(lex: Lexicon) -> None:
    assert ("clashes", "Morek") in _types(
        "Twelve soldiers were killed on Monday near the town of Morek.", lex
    )
    assert not events("Seven civilians were killed on Monday in the town of Morek.", lex)


def test_tanks_that_target_a_place_shell_it(lex: Lexicon) -> None:
    text = "The army tanks meanwhile targeted rebel positions in the town of Morek."
    assert at(text, lex, "Morek").type == "shelling"


def test_a_ground_operation_is_an_attack(lex: Lexicon) -> None:
    text = "Government troops followed the shelling with a ground operation in the town of Morek on Friday."
    assert ("attack", "Morek") in _types(text, lex)


def test_seized_weapons_are_spoils_not_a_capture(lex: Lexicon) -> None:
    text = "The rebels seized several heavy weapons from the army in the town of Morek."
    assert not any(e.type == "capture" for e in events(text, lex))


def test_making_progress_is_an_advance(lex: Lexicon) -> None:
    text = "Government troops made significant progress near the town of Morek on Monday."
    assert at(text, lex, "Morek").type == "advance"


def test_an_operation_targeting_positions_is_an_attack(lex: Lexicon) -> None:
    text = (
        "The army carried out an operation targeting Nusra hideouts in the village of Morek, killing dozens."
    )
    assert at(text, lex, "Morek").type == "attack"


def test_continuing_to_advance_is_an_ongoing_advance_not_an_intention(lex: Lexicon) -> None:
    assert at("Government troops continue to advance near the town of Morek.", lex, "Morek").type == "advance"
