"""Short labels a reader recognises, on real ACLED actor names of several regions (the 2020 world, 2016
Africa and 2022 Benin exports a user imported): the dataset's own acronym when the name has one (JNIM,
AQAP, CPI (Maoist)), a state's forces by country, else the name's words cut at a word; never a bracket
or a stop cut into a label (the old IslamS(AA, IS(AAB, GSIMAI-GS, C(CPI-Maoist)."""

from __future__ import annotations

import re

import pytest
from sitroom.db.write.names import short_label

REAL_NAMES = {  # ACLED actor names as the files have them → the label in a store without them
    "Islamic State (West Africa) and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": "IS-WA/BH",
    "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)": "JNIM/IS-GS",
    "JNIM: Group for Support of Islam and Muslims": "JNIM",
    "AQIM: Al Qaeda in the Islamic Maghreb": "AQIM",
    "AQAP: Al Qaeda in the Arabian Peninsula": "AQAP",
    "CPI (Maoist): Communist Party of India (Maoist)": "CPI (Maoist)",
    "CPN(M)-NBC: Communist Party of Nepal (Maoist)-Netra Bikram Chand": "CPN(M)-NBC",
    "B-18 (R): Barrio-18 (Revolucionarios)": "B-18 (R)",
    "Islamic State (West Africa)": "IS-WA", "Islamic State (Tripoli)": "IS-Tripoli",
    "Former Government of Bangladesh": "BGD-exGov", "Former Military Forces of Afghanistan": "AFG-exMil",
    "Al Sham Corps": "ShamCorps",  # the article before the words is no "a" between them (was SaC)
    "Mayi Mayi Militia (Nyatura) Jean-Marie Faction": "Mayi Mayi Militia",
}


@pytest.mark.parametrize(("name", "label"), REAL_NAMES.items())
def test_real_actor_names_get_labels_a_reader_recognises(name: str, label: str) -> None:
    assert short_label(name, {"saa", "isis"}) == label


@pytest.mark.parametrize(("name", "taken", "label"), [
    ("Sultan Murad Division", {"smd"}, "Sultan Murad"),  # initials taken: the first words, whole
    ("Soldiers of the Caliphate", {"sc"}, "Soldiers"),  # never ending on "of the"
    ("Peace Companies", {"pc"}, "Peace Companies"),
    ("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
     {"jnim/is-gs"}, "GSIM/IS-GS"),
])
def test_when_the_best_label_is_taken_the_next_is_still_words(name: str, taken: set[str], label: str) -> None:
    assert short_label(name, taken) == label


def test_no_label_of_the_real_names_has_a_bracket_cut_into_it() -> None:
    for name in REAL_NAMES:
        label = short_label(name, set())
        # A bracket only as the dataset's own acronym writes it, whole: CPI (Maoist), B-18 (R).
        assert not re.search(r"\([^)]*$", label), (name, label)


def test_a_groups_part_takes_the_groups_label_and_the_parts_when_the_group_has_it() -> None:
    assert short_label("Taliban - Red Unit", {"taliban"}) == "Taliban-RU"  # was the syllable "Tal"
    assert short_label("Taliban - Red Unit", set()) == "Taliban"
