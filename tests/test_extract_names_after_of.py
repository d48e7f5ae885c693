"""A name after an authority's or a unit's noun and "of" is its own, not a place (trial 6: "forces of
the Government of National Accord" gave a shelling at a place called "National Accord"). Sentences
written for the test."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


@pytest.mark.parametrize(("text", "wrong"), [
    ("Fighting went on in Abu Grein on Saturday, with forces of the Government of National Accord "
     "shelling ISIS positions.", "National Accord"),
    ("Clashes went on in Tarmiyah on Saturday, with fighters of the Sons of Anbar shelling ISIS "
     "positions.", "Anbar"),
    ("Clashes went on in Kafr Nabl on Saturday, with fighters of the Union of Revolutionaries shelling "
     "regime positions.", "Revolutionaries"),
])
def test_the_name_after_government_of_is_no_place(lex: Lexicon, text: str, wrong: str) -> None:
    places = {e.place_name for e in events(text, lex)}
    assert wrong not in places and places, places
