"""Islamic State's provinces, as ACLED names them in several eras and regions, are units of the bundled
Islamic State (ISIS): in its bloc, each its own unit with its own label, so that toggling ISIS selects
every province. Their code (inter1 2, rebels) put them in "Armed opposition" with no relation to ISIS.
A joint attribution ("X and/or Y": either group) is no unit of either."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.write.names import branch_bases

FIXTURES = Path(__file__).parent / "fixtures"
ACLED_HEADER = next(csv.reader((FIXTURES / "acled_admin1_spellings.csv").open(encoding="utf-8")))
PROVINCES = ["Islamic State (West Africa)", "Islamic State (Greater Sahara)", "Islamic State (Sahel)",
             "IS-Sahel", "Islamic State (Afghanistan)", "IS-AFG", "Islamic State (Somalia)",
             "Islamic State Central Africa Province", "Islamic State (Mozambique)", "Islamic State (Tripoli)"]
JOINT = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)"


def _acled(path: Path, actors: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, ACLED_HEADER)
        out.writeheader()
        for n, actor in enumerate(actors, 1):
            out.writerow({"data_id": n, "iso": 0, "event_id_cnty": f"X{n}", "event_id_no_cnty": n,
                          "event_date": f"{n} May 2022", "year": 2022, "time_precision": 1,
                          "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": actor,
                          "inter1": 2, "actor2": "Civilians (Niger)", "inter2": 7, "interaction": 27,
                          "country": "Niger", "admin1": "Tillaberi", "location": f"Place {n}",
                          "latitude": 14.2, "longitude": 1.45, "geo_precision": 1, "source": "Local",
                          "notes": f"Attack number {n}.", "fatalities": 1, "timestamp": 1600000000})
    return path


def test_islamic_state_provinces_are_units_of_isis(fresh: Store, tmp_path: Path) -> None:
    fresh.import_file(_acled(tmp_path / "provinces.csv", [*PROVINCES, JOINT]))
    rows = {name: (parent, bloc, short) for name, parent, bloc, short in fresh.db.execute(
        "SELECT name, parent, bloc, short FROM factions")}
    for name in PROVINCES:
        assert rows[name][:2] == ("isis", "isis"), name
    shorts = [rows[name][2] for name in PROVINCES]
    assert len(set(shorts)) == len(shorts)  # each shown as its own unit
    assert rows[JOINT][0] is None  # either group: no unit of ISIS
    assert fresh.count(EventFilter(factions=("isis",))) == len(PROVINCES)


@pytest.mark.parametrize(("name", "bases"), [
    ("Islamic State (West Africa)", ["Islamic State"]), ("IS-Sahel", ["IS"]),
    ("Islamic State in Libya", ["Islamic State"]),
    ("Military Forces of Syria (2000-)", []),  # an era of a force, not a branch
    ("Islamic State (West Africa) and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", [])])
def test_branch_bases(name: str, bases: list[str]) -> None:
    assert branch_bases(name)[: len(bases)] == bases if bases else branch_bases(name) == []


def test_a_name_of_another_group_that_starts_like_a_bundled_alias_is_no_unit(fresh: Store,
                                                                             tmp_path: Path) -> None:
    # "coalition" and "government forces" are bundled aliases written in lower case: common words.
    fresh.import_file(_acled(tmp_path / "others.csv", ["Coalition (Yemen)", "Civilians (Syria)"]))
    parents = dict(fresh.db.execute("SELECT name, parent FROM factions WHERE name IN "
                                    "('Coalition (Yemen)', 'Civilians (Syria)')"))
    assert parents == {"Coalition (Yemen)": None, "Civilians (Syria)": None}
