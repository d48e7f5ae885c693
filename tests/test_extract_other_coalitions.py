"""A bare "coalition" is the bundled US-led one only when nothing names another's leader or name before
it (trial 6: "the Misratan-led Bunyan Marsus coalition" in Libya was read as the US-led coalition, and
its capture stacked under "SDF and US-led coalition"). Sentences written for the test."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import actors, at, lex, roles

__all__ = ["lex"]


@pytest.mark.parametrize(("text", "place", "name"), [
    ("The Misratan-led Bunyan Marsus coalition captured the village of Abu Grein on Friday.", "Abu Grein",
     "Misratan-led Bunyan Marsus coalition"),
    ("The Saudi-led coalition bombed the port of Hodeidah on Friday.", "Hodeidah", "Saudi-led coalition"),
    ("The Arab coalition bombed the town of Zinjibar on Friday.", "Zinjibar", "Arab coalition"),
])
def test_another_wars_coalition_is_unknown_under_its_words(lex: Lexicon, text: str, place: str,
                                                          name: str) -> None:
    e = at(text, lex, place)
    assert "us-coalition" not in actors(e), e.why
    assert name in roles(e).get("actor", set()), e.why


@pytest.mark.parametrize("text", [
    "The coalition bombed the village of al-Susah on Friday.",
    "The US-led coalition bombed the village of al-Susah on Friday.",
    "The international coalition bombed the village of al-Susah on Friday.",
])
def test_the_us_led_coalition_stays_itself(lex: Lexicon, text: str) -> None:
    assert actors(at(text, lex, "al-Susah")) == {"us-coalition"}


def test_the_kurdish_led_coalition_is_the_sdf(lex: Lexicon) -> None:
    e = at("The Kurdish-led coalition advanced towards the village of Hazima on Friday.", lex, "Hazima")
    assert actors(e) == {"sdf"}, e.why
