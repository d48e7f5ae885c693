"""Who says it and who did it. A day named between the sayer and the verb, or before both, leaves the
sentence a claim (a new user's trial on Ukraine reports: "Moscow on Tuesday said its forces had captured
the village of N" and "On Tuesday it said its forces seized …" were stored as confirmed captures); whoever
a place "came under the control of" took it; Russia's troops are its armed forces, its jets its air force."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db.reports.extract import Lexicon, extract


@pytest.fixture
def lex(db_path: Path) -> Lexicon:
    return Lexicon(sqlite3.connect(db_path))


@pytest.mark.parametrize("text", [
    "Damascus on Tuesday said its forces had captured the village of Kafr Nabuda.",
    "Damascus on Tuesday also said its forces had captured the village of Kafr Nabuda.",
    "The ministry spoke on Monday. On Tuesday it said its forces captured the village of Kafr Nabuda.",
    "The ministry spoke on Monday. Late on Tuesday, it said its forces captured the village of Kafr Nabuda.",
])
def test_a_day_beside_the_sayer_keeps_the_claim(lex: Lexicon, text: str) -> None:
    (found,) = extract(text, lex, "2019-05-08").events
    assert found.certainty == "claimed", found.why


def test_a_day_with_no_sayer_is_the_narrator_s(lex: Lexicon) -> None:
    (found,) = extract("On Tuesday the army captured the village of Kafr Nabuda.", lex, "2019-05-08").events
    assert found.certainty == "confirmed"


def test_who_a_place_came_under_the_control_of_took_it(lex: Lexicon) -> None:
    (found,) = extract("The town of Khan Sheikhoun came under the control of the Syrian army on Monday.",
                       lex, "2019-08-20").events
    assert found.type == "capture" and ("saa", "actor") in found.factions


def test_russia_s_troops_are_its_armed_forces_and_its_jets_its_air_force(lex: Lexicon) -> None:
    """Trial 5: every "Russian forces" in a Ukraine report became the Russian Aerospace Forces."""
    found = extract("Russian troops shelled the village of Kafr Nabuda on Friday. Russian jets struck the "
                    "town of Saraqib on Friday.", lex, "2019-05-10").events
    sides = {f.place_name: {s for s, r in f.factions if r == "actor"} for f in found}
    assert sides == {"Kafr Nabuda": {"russian-armed-forces"}, "Saraqib": {"russian-aerospace-forces"}}
