"""Issue 17, round 12: places named by what they are and where they lie ("towns southeast of X", "villages
in northern Hama province", "a checkpoint between A and B", "the road linking A to B") are the happening's
place, unnamed and under their own words, located approximately from the reference and never at it.
Sentences written for the test."""

from __future__ import annotations

import json
from pathlib import Path

from sitroom.db.reports.extract import Found, Lexicon
from sitroom.db.reports.regions import regions
from sitroom.db.reports.where import Spot, find_spots
from sitroom.tui.cli import main

from .extract_helpers import events, lex

__all__ = ["lex"]


def _only(text: str, lex: Lexicon, kind: str) -> Found:
    found = [f for f in events(text, lex) if f.type == kind]
    assert len(found) == 1, [(f.place, f.place_name, f.type, f.location.located_by)
                             for f in events(text, lex)]
    return found[0]


def _described(found: Found, words: str) -> None:
    """Unnamed, no gazetteer id, its location led by the description and marked approximate."""
    assert found.place is None and found.place_name is None and found.unnamed, (found.place, found.place_name)
    assert found.location.located_by.startswith(f"{words}: "), found.location.located_by
    assert "approximate" in found.location.located_by


def test_towns_in_a_direction_of_a_city_are_not_the_city(lex: Lexicon) -> None:
    found = _only("Government troops took several towns from ISIS northeast of Palmyra on Monday.", lex,
                  "capture")
    _described(found, "several towns northeast of Palmyra")  # whom they were taken from is no part of it
    assert "10 km northeast of" in found.location.located_by and found.location.precision_km == 10.0


def test_a_stated_distance_sets_the_offset_and_its_precision(lex: Lexicon) -> None:
    found = _only("The rebels overran two villages 20 km west of Palmyra on Monday.", lex, "capture")
    _described(found, "two villages 20 km west of Palmyra")
    assert "about 20 km west of" in found.location.located_by and found.location.precision_km == 5.0


def test_villages_in_a_region_lie_in_the_region_not_at_its_city(lex: Lexicon) -> None:
    found = _only("The militants pulled out of villages in southern Idlib province on Monday.", lex,
                  "withdrawal")
    _described(found, "villages in southern Idlib province")
    assert "(approximate, a region)" in found.location.located_by


def test_towns_in_a_governorate_are_at_its_centre_approximately(lex: Lexicon) -> None:
    found = _only("The jihadists seized towns in Homs province in March.", lex, "capture")
    _described(found, "towns in Homs province")
    assert found.location.precision_km == 60.0 and "governorate's centre" in found.location.located_by


def test_a_checkpoint_between_two_towns_is_one_place_midway(lex: Lexicon) -> None:
    found = [f for f in events("A suicide bomber struck an army checkpoint between Palmyra and Sukhnah on "
                               "Monday.", lex)]
    assert len(found) == 1, [(f.place_name, f.type) for f in found]
    _described(found[0], "an army checkpoint between Palmyra and Sukhnah")
    assert "midway between Palmyra and Sukhnah" in found[0].location.located_by


def test_a_road_linking_two_cities_is_the_place_not_either_city(lex: Lexicon) -> None:
    found = events("ISIS fighters attacked army convoys on the road linking Palmyra to Sukhnah on Monday.",
                   lex)
    assert len(found) == 1, [(f.place_name, f.type) for f in found]
    _described(found[0], "the road linking Palmyra to Sukhnah")


def test_farms_near_a_town_are_located_around_it(lex: Lexicon) -> None:
    found = events("The army captured farms near Palmyra on Monday.", lex)
    assert len(found) == 1, [(f.place_name, f.type) for f in found]
    _described(found[0], "farms near Palmyra")
    assert found[0].location.precision_km == 5.0


def test_a_positions_vicinity_stays_the_reference(lex: Lexicon) -> None:
    """Where a side sits ("ISIS positions near X") is X's vicinity: the happening is at X."""
    found = _only("Army jets bombed ISIS positions near Palmyra on Monday.", lex, "airstrike")
    assert found.place_name == "Palmyra"


def _spots(s: str, lex: Lexicon) -> list[Spot]:
    return regions(s, find_spots(s, lex.gazetteer, lex.parties.find(s)))


def test_a_named_place_keeps_its_noun_and_reference(lex: Lexicon) -> None:
    """"X strategic town south of Y", "X, a town south of Y": the noun is X's, no place of its own."""
    for s in ("The army restored control over Qasr Hamdan strategic town south of Palmyra.",
              "The army captured Kafr Zita, a town north of Hama, on Monday."):
        assert not [p.said for p in _spots(s, lex) if p.said], s


def test_a_names_own_noun_is_no_description(lex: Lexicon) -> None:
    """A capitalised word right before the noun makes it a name's noun, found as a place or not."""
    s = "Clashes spread across the Wadi Sakar regions between Palmyra and Sukhnah on Monday."
    assert not [p.said for p in _spots(s, lex) if p.said]


def test_hills_east_of_a_town_stay_a_partial_gain(lex: Lexicon) -> None:
    found = _only("The army captured several hills east of Palmyra on Monday.", lex, "advance")
    _described(found, "several hills east of Palmyra")


def test_dry_run_json_keeps_the_issue_keys_for_a_described_place(tmp_path: Path, capsys) -> None:
    from sitroom.db import create_store

    db = tmp_path / "sitroom.db"
    create_store(db)
    path = tmp_path / "report.txt"
    path.write_text("Government troops took several towns northeast of Palmyra on Monday.", encoding="utf-8")
    assert main(["--db", str(db), "ingest", str(path), "--dry-run", "--json", "--date", "2017-07-04"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [list(line) for line in lines[:-1]] == [["sentence", "date", "date_precision", "type", "certainty",
                                                    "place", "factions", "why"]]
    place = lines[0]["place"]
    assert list(place) == ["name", "id", "lat", "lon", "precision_km", "located_by"]
    assert place["id"] is None and place["name"] is None and place["lat"] is not None
    assert place["located_by"].startswith("several towns northeast of Palmyra: ")
    assert lines[-1] == {"unknown_places": [], "unknown_factions": []}
