"""What an offensive was launched to do is an intention, and an attribution placed after the clause is a
claim with its claimant (sentences written for the tests)."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex, one

__all__ = ["lex"]


@pytest.mark.parametrize(
    "text",
    [
        # the purpose's verbs, however far from the offensive and however many
        "The army had launched a broad offensive to regain control of the eastern countryside and "
        "secure the road to Palmyra.",
        "Turkish forces began an operation on Tuesday aimed at retaking Manbij.",
        "Rebels launched a campaign last week with the aim of capturing Hama.",
        "The regime mounted an offensive on Sunday seeking to encircle Palmyra and retake Sukhnah.",
    ],
)
def test_the_purpose_of_an_offensive_is_no_happening(lex: Lexicon, text: str) -> None:
    found = [e for e in events(text, lex) if e.type == "capture"]
    assert found == [], [(e.type, e.place_name, e.why) for e in found]


@pytest.mark.parametrize(
    "text",
    [
        # a finite verb joined on, and a verb the offensive made happen, are what the side did
        "The army launched an offensive to retake Palmyra and captured Sukhnah on Sunday.",
        "The operation enabled the army to capture Sukhnah.",
    ],
)
def test_what_an_offensive_did_stays_a_happening(lex: Lexicon, text: str) -> None:
    assert [e.place_name for e in events(text, lex) if e.type == "capture"] == ["Sukhnah"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("At least 12 civilians were killed in Russian airstrikes on Idlib, said the Syrian Observatory "
         "for Human Rights, as regime forces pressed their offensive.", "Observatory"),
        ("Russian jets struck Idlib on Sunday, the monitor said, adding that 12 civilians were killed.",
         "Observatory"),
        ("Russian airstrikes hit Idlib on Sunday, said Rami Abdel Rahman, head of the Britain-based monitor.",
         "Observatory"),
    ],
)
def test_a_postposed_attribution_makes_a_claim(lex: Lexicon, text: str, claimant: str) -> None:
    e = one(text, lex)
    assert e.certainty == "claimed", e.why
    assert any(claimant in name for name, _slug, role, _bloc in e.parties if role == "claimant"), e.parties


def test_the_writers_own_clause_after_the_attribution_keeps_its_sides(lex: Lexicon) -> None:
    e = one("Russian airstrikes killed 12 civilians in Idlib, said the Syrian Observatory for Human Rights, "
            "as regime forces continued their crackdown on extremists.", lex)
    assert e.certainty == "claimed"
    assert ("extremists", "target") in [(name, role) for name, _slug, role, _bloc in e.parties], e.parties
