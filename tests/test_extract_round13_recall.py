"""Issue 17, round 13: events stated and not found (the tuning splits' misses): "once more" read as a
former state, a loss of control told as "fell back under the control of", two verbs joined by "and" that
share one object, "infiltrated" and "artillery attack" missing from the cue words. Sentences written for
the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


def _found(text: str, lex: Lexicon) -> set[tuple[str, str | None]]:
    return {(f.type, f.place_name) for f in events(text, lex)}


def test_once_more_is_a_repetition_not_background(lex: Lexicon) -> None:
    assert ("capture", "Kafr Ammar") in _found(
        "Government troops once more pushed east, taking the village of Kafr Ammar on Monday.", lex)
    assert ("capture", "Kafr Ammar") in _found(
        "The rebels took the village of Kafr Ammar once again on Monday.", lex)


def test_falling_back_under_control_is_a_capture(lex: Lexicon) -> None:
    assert ("capture", "Kafr Ammar") in _found(
        "The village of Kafr Ammar fell back under the control of government forces on Monday.", lex)


def test_two_joined_verbs_share_their_object(lex: Lexicon) -> None:
    assert {("encirclement", "Kafr Ammar"), ("attack", "Kafr Ammar")} <= _found(
        "On Monday government forces encircled and attacked the village of Kafr Ammar.", lex)
    assert {("encirclement", "Kafr Ammar"), ("capture", "Kafr Ammar")} <= _found(
        "Government forces pushed north on Monday, surrounding and then taking the village of Kafr Ammar.",
        lex)


def test_infiltrating_a_place_is_an_advance(lex: Lexicon) -> None:
    assert {("advance", "Kafr Ammar"), ("advance", "Tal Harir")} <= _found(
        "The rebels succeeded overnight in infiltrating the villages of Kafr Ammar and Tal Harir.", lex)


def test_an_artillery_attack_is_shelling(lex: Lexicon) -> None:
    assert ("shelling", "Kafr Ammar") in _found(
        "The army launched a heavy artillery attack on rebel positions in the village of Kafr Ammar.", lex)
