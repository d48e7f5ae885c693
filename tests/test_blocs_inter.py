"""A faction the bundled table does not know takes its bloc from ACLED's actor code (inter1/inter2,
numbers before 2024, words since), once; the bundled factions keep theirs (tests/fixtures/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.schema import DATA

FIXTURES = Path(__file__).parent / "fixtures"


def blocs(store: Store) -> dict[str, str]:
    return dict(store.db.execute("SELECT name, bloc FROM factions"))


def test_numeric_codes_give_blocs(fresh: Store) -> None:
    fresh.import_file(FIXTURES / "acled_actor_eras.csv")
    made = blocs(fresh)
    assert made["Taliban"] == "opposition"  # 2: rebel group
    assert made["NRF: National Resistance Front"] == "opposition"
    assert made["Hazara Ethnic Militia (Afghanistan)"] == "militias"  # 4: identity militia
    assert made["Protesters (India)"] == "protesters"  # 6
    assert made["Rioters (India)"] == "protesters"  # 5
    assert made["Civilians (India)"] == "civilians"  # 7
    assert made["Military Forces of Pakistan (2018-)"] == "other"  # 8: external / other forces
    # Coded 3 (political militia) first, 2 (rebel group) on a later row: codes of one rank give the first
    # in bloc order, whichever row came first (write/codes.py; tests/test_trial_governments_and_blocs.py).
    assert made["Unidentified Armed Group (Afghanistan)"] == "opposition"


def test_codes_in_words_give_blocs_and_bundled_factions_keep_theirs(fresh: Store) -> None:
    fresh.import_file(FIXTURES / "acled_2024_inter_words.csv")
    made = blocs(fresh)
    assert made["Military Forces of Somalia (2022-)"] == "government"
    assert made["Military Forces of Somalia"] == "government"  # the force made for its era
    assert made["Al Shabaab"] == "opposition"
    assert made["Macawisley Militia"] == "militias"
    assert made["Habar Gidir Clan Militia (Somalia)"] == "militias"
    assert made["Civilians (Somalia)"] == "civilians"
    assert made["Rioters (Somalia)"] == made["Protesters (Somalia)"] == "protesters"
    assert made["Military Forces of Ethiopia (2018-)"] == "other"
    assert made["Islamic State"] == "isis"  # coded "Rebel group": the bundled table knows better
    assert made["Syrian Arab Army"] == "government"


def test_the_events_sides_follow_the_actors_blocs(fresh: Store) -> None:
    fresh.import_file(FIXTURES / "acled_2024_inter_words.csv")
    sides = dict(fresh.db.execute("SELECT source_event_id, side FROM events"))
    assert sides == {"SOM3001": "government", "SOM3002": "militias", "SOM3003": "militias",
                     "SOM3004": "protesters", "SOM3005": "protesters", "SOM3006": "other", "SYR3007": "isis"}
    # The new blocs are listed with their colours, for the histogram and the map.
    listed = {b.slug: b for b in fresh.blocs()}
    assert {"militias", "protesters", "civilians"} <= listed.keys()


def test_bundled_bloc_colours_are_distinct_okabe_ito() -> None:
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
                 "#000000"}
    bundled = json.loads((DATA / "blocs.json").read_text(encoding="utf-8"))
    colours = [b["colour"] for b in bundled]
    assert len(set(colours)) == len(colours)
    assert all(b["colour"] in okabe_ito for b in bundled if b["slug"] != "isis")  # ISIS: near white


@pytest.mark.parametrize("missing", ["militias", "protesters"])
def test_a_store_made_before_the_blocs_were_bundled_gets_them_whole(fresh: Store, missing: str) -> None:
    fresh.db.execute("DELETE FROM blocs WHERE slug = ?", [missing])
    fresh.db.conn.commit()
    fresh.import_file(FIXTURES / "acled_2024_inter_words.csv")
    name, sort, colour = fresh.db.execute("SELECT name, sort, colour FROM blocs WHERE slug = ?",
                                          [missing]).fetchone()
    bundled = {b["slug"]: b for b in json.loads((DATA / "blocs.json").read_text(encoding="utf-8"))}[missing]
    assert (name, sort, colour) == (bundled["name"], bundled["sort"], bundled["colour"])
