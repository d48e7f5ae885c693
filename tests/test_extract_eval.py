"""The extraction scorer's conventions (bench/extract_eval.py, bench/reports/README.md "Conventions"),
on hand-made answer and extraction pairs: no report is read and the extractor is not run."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Extraction, Found
from sitroom.db.reports.locate import Location

from .helpers import bench_module

SENTENCE = "Heavy clashes erupted in northern Hama on Monday between the army and the rebels."
OTHER = "The army shelled rebel positions near Kafr Zita."


@pytest.fixture(scope="module")
def devset():
    return bench_module("extract_eval").Devset()


def region_event(region: str = "northern Hama", area: str = "Hama", kind: str = "clashes") -> dict:
    return {"place": None, "place_name": None, "place_known": False, "region": region, "area": area,
            "type": kind, "certainty": "confirmed", "factions": [["saa", "actor"]], "sentence": SENTENCE}


def found(place: str | None, name: str | None, where: Location, kind: str = "clashes",
          sentence: str = SENTENCE, surface: str | None = None) -> Found:
    why = {"place": f"'{surface or name}' → {name}"} if (surface or name) else {}
    return Found(place, kind, "confirmed", "2019-05-06", [("saa", "actor")], sentence, why, name,
                 (name,) if name else (), where)


NOT_LOCATED = Location(None, None, None, "not located")
# Hama city's own point, as the bundled gazetteer gives it
AT_HAMA = Location(35.132, 36.758, 1.0, "GeoNames (bundled gazetteer): Hamah")
NORTH_OF_HAMA = Location(35.35, 36.70, 20.0, "northern countryside of Hama: about 15 km north (approximate)")
IN_IDLIB = Location(35.75, 36.60, 20.0, "southern countryside of Idlib: about 15 km south (approximate)")


def score(devset, events: list[Found], expected: list[dict]) -> dict:
    answers = {"events": expected, "non_events": []}
    return devset.compare(answers, Extraction(events, [], "2019-05-06"))


def test_a_region_matches_its_own_name_even_when_not_located(devset) -> None:
    result = score(devset, [found(None, "northern Hama", NOT_LOCATED)], [region_event()])
    assert (result["matched"], len(result["false_positives"]), result["region_hit"]) == (1, 0, 1)


def test_a_region_matches_an_approximate_location_inside_its_governorate(devset) -> None:
    result = score(devset, [found(None, None, NORTH_OF_HAMA)], [region_event()])
    assert result["matched"] == 1 and result["region_hit"] == 1


def test_a_region_moved_to_the_city_it_is_named_after_does_not_match(devset) -> None:
    moved = found("geonames:170017", "Hama", AT_HAMA, surface="northern Hama")
    result = score(devset, [moved], [region_event()])
    assert result["matched"] == 0 and result["false_positives"] == [moved]
    assert (result["region_hit"], result["region_at_point"]) == (0, 1)


def test_a_region_does_not_match_a_location_in_another_governorate(devset) -> None:
    result = score(devset, [found(None, None, IN_IDLIB)], [region_event()])
    lost = result["regions"] - result["region_hit"] - result["region_at_point"]
    assert result["matched"] == 0 and lost == 1


def test_a_region_needs_the_same_type_and_sentence(devset) -> None:
    wrong_type = found(None, "northern Hama", NORTH_OF_HAMA, kind="airstrike")
    wrong_sentence = found(None, "northern Hama", NORTH_OF_HAMA, sentence=OTHER)
    result = score(devset, [wrong_type, wrong_sentence], [region_event()])
    assert result["matched"] == 0 and len(result["false_positives"]) == 2


def test_a_region_the_store_knows_as_an_area_matches(devset) -> None:
    east_aleppo = Location(36.2, 37.6, 40.0, "the store's gazetteer: East Aleppo")
    event = found("east-aleppo", "East Aleppo", east_aleppo, surface="eastern Aleppo countryside")
    result = score(devset, [event], [region_event("the eastern Aleppo countryside", "Aleppo")])
    assert result["matched"] == 1


def test_a_named_place_still_needs_its_own_name_not_a_region(devset) -> None:
    expected = {**region_event(), "region": None, "area": None, "place_name": "Kafr Zita", "sentence": OTHER}
    near = found(None, None, NORTH_OF_HAMA, sentence=OTHER)
    named = found(None, "Kafr Zita", NOT_LOCATED, sentence=OTHER)
    assert score(devset, [near], [expected])["matched"] == 0
    assert score(devset, [named], [expected])["matched"] == 1


def test_a_region_matches_the_name_it_is_written_around(devset) -> None:
    """'part of Latakia Province' is answered by an event at 'Latakia Province', and an unnamed place's
    wording counts as its name."""
    latakia = found(None, "Latakia Province", NOT_LOCATED)
    said = "an unnamed place: 'the western bank of the Euphrates River' (after the event word)"
    bank = Found(None, "clashes", "confirmed", "2019-05-06", [], SENTENCE, {"place": said},
                 None, (), NOT_LOCATED, unnamed=True)
    assert score(devset, [latakia], [region_event("part of Latakia Province", "Latakia")])["matched"] == 1
    assert score(devset, [bank], [region_event("the western bank of the Euphrates River",
                                               "Deir ez-Zor")])["matched"] == 1
    assert score(devset, [latakia], [region_event("rural Hama", "Hama")])["matched"] == 0


def test_verbose_prints_a_cert_line_for_a_matched_event_of_another_certainty(devset, capsys) -> None:
    claimed = found("geonames:1", "Kafr Zita", NOT_LOCATED, "shelling", OTHER)
    claimed.certainty, claimed.why["certainty"] = "claimed", "'the monitor said' → claimed"
    right = found(None, "northern Hama", NORTH_OF_HAMA)
    expected = [{"place": "geonames:1", "place_name": "Kafr Zita", "place_known": True, "type": "shelling",
                 "certainty": "confirmed", "factions": [["saa", "actor"]], "sentence": OTHER}, region_event()]
    result = score(devset, [claimed, right], expected)
    assert result["matched"] == 2 and result["certainty_right"] == 1
    bench_module("extract_eval").print_details(result)
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert lines == ["cert:   shelling at Kafr Zita: expected confirmed, found claimed "
                     f"('the monitor said' → claimed): {OTHER}"]
