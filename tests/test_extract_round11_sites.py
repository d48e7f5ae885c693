"""Issue 17, round 11b: sites named only by what they are ("a cement factory", "the armament school") are
countable unnamed places of the sentence's area, never points; offsets from a reference are regions.
Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex

__all__ = ["lex"]


def _unnamed(text: str, lex: Lexicon) -> list[str]:
    return [f.why["place"] for f in events(text, lex) if f.unnamed]


# -- sites named by what they are --------------------------------------------------------------------------

def test_a_site_in_a_list_of_named_places_is_an_event_of_its_own(lex: Lexicon) -> None:
    text = ("Army jets bombed ISIS positions in al-Rashid cemetery, brick making factory, al-Hamra "
            "passageway and water pumping station on Monday.")
    found = events(text, lex)
    sites = [f for f in found if f.unnamed]
    assert len(sites) == 2, [(f.place_name, f.why["place"]) for f in found]
    assert all(f.place is None and f.kind == "site" for f in sites)
    assert {f.place_name for f in found if not f.unnamed} >= {"al-Rashid cemetery", "al-Hamra passageway"}


def test_a_site_taken_is_an_unnamed_place_not_located_at_a_point(lex: Lexicon) -> None:
    text = "Rebel fighters took control of the artillery school on Saturday, a monitor said."
    found = [f for f in events(text, lex) if f.type == "capture"]
    assert len(found) == 1 and found[0].unnamed and found[0].place is None, [f.why for f in found]
    assert "the artillery school" in found[0].why["place"]


def test_a_site_is_not_a_summary_of_the_named_places(lex: Lexicon) -> None:
    # two named villages and one factory, all taken by the same side: the factory is not "the two villages"
    text = "Government troops captured the villages of Rasm Haddad and Umm Tuwaynah and a cement factory."
    found = events(text, lex)
    assert any(f.unnamed and "cement factory" in f.why["place"] for f in found), \
        [(f.place_name, f.why["place"]) for f in found]


def test_a_capitalised_site_word_is_not_a_site(lex: Lexicon) -> None:
    text = "The School said on Monday that army shells hit the village of Kafr Zita."
    assert not _unnamed(text, lex)


# -- a relative clause's own happening at the same place -----------------------------------------------------

def test_a_relative_clause_s_earlier_capture_is_a_happening_of_its_own(lex: Lexicon) -> None:
    text = ("The Syrian Army recaptured the town of Maskanah from ISIS militants, who had taken over the "
            "town a week earlier.")
    found = [f for f in events(text, lex) if f.type == "capture"]
    actors = sorted(tuple(slug for slug, r in f.factions if r == "actor") for f in found)
    assert actors == [("isis",), ("saa",)], [(f.place_name, f.factions) for f in found]
    assert len({f.place for f in found}) == 1


def test_the_same_side_in_a_relative_clause_is_not_a_second_happening(lex: Lexicon) -> None:
    text = "The Syrian Army captured the town of Maskanah, which it had besieged for weeks, on Monday."
    assert [f.type for f in events(text, lex)].count("capture") == 1


# -- land placed by its offset from a reference -----------------------------------------------------------

def test_farmland_beside_a_named_village_is_a_region_by_its_offset(lex: Lexicon) -> None:
    text = ("On Monday the Syrian Army took the village of Tal Sawan and nearby farmland south of "
            "Maarat al-Numan.")
    found = events(text, lex)
    land = [f for f in found if f.unnamed]
    assert len(land) == 1 and land[0].type == "capture", [(f.place_name, f.why["place"]) for f in found]
    assert land[0].place is None and land[0].location.lat is not None  # placed from the reference, not at it
    assert "south of" in land[0].location.located_by


def test_directions_from_one_place_are_one_region_each_beside_the_listed_places(lex: Lexicon) -> None:
    text = ("Army jets struck ISIS positions near the village of Kabajib on Sunday. "
            "Army jets also bombed ISIS gathering points north and west of Palmyra, brick making factory and "
            "al-Hamra passageway on Monday.")
    found = [f for f in events(text, lex) if "gathering points" in f.sentence]
    regions = {f.place_name: f for f in found if f.kind == "region"}
    assert set(regions) == {"north of Palmyra", "west of Palmyra"}, [(f.place_name, f.kind) for f in found]
    north, west = regions["north of Palmyra"].location, regions["west of Palmyra"].location
    assert north.lat is not None and west.lat is not None and north.lon is not None and west.lon is not None
    assert north.lat > west.lat and west.lon < north.lon  # each moved its own way from Palmyra
    assert "approximate" in north.located_by
    assert {f.place_name for f in found if f.kind != "region"} >= {"al-Hamra passageway"}


def test_plural_sites_named_by_what_they_are_are_unnamed_places(lex: Lexicon) -> None:
    text = "Rebel fighters stormed the military colleges south of Aleppo on Monday."
    found = [f for f in events(text, lex) if f.unnamed]
    assert found and "the military colleges" in found[0].why["place"], [f.why for f in events(text, lex)]
