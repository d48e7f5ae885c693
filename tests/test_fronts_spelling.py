"""One front per first-level division whatever the release spelt it (Banaadir and Banadir), without
folding neighbours whose names differ by a compass word or a vowel (tests/fixtures/README.md)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.geography import atlas, division_key
from sitroom.db.write.names import place_skeleton

FIXTURES = Path(__file__).parent / "fixtures"
SPELLINGS = FIXTURES / "acled_admin1_spellings.csv"


def fronts_of(store: Store) -> dict[str, set[str]]:
    """Each division front's name and the admin1 spellings of its events."""
    out: dict[str, set[str]] = {}
    for name, admin1 in store.db.execute("SELECT f.name, e.admin1 FROM events e JOIN fronts f "
                                         "ON f.slug = e.front WHERE f.kind = 'division'"):
        out.setdefault(name, set()).add(admin1)
    return out


def test_two_releases_spellings_of_a_division_are_one_front(fresh: Store) -> None:
    fresh.import_file(SPELLINGS)
    fronts = fronts_of(fresh)
    # Named as first written (the rows are read in file order), holding both spellings' events.
    assert fronts["Banaadir"] == {"Banaadir", "Banadir"}
    assert fronts["Hiiraan"] == {"Hiiraan", "Hiraan"}
    assert fronts["Ratanakiri"] == {"Ratanakiri", "Ratanakkiri"}
    assert not {"Banadir", "Hiraan", "Ratanakkiri"} & fronts.keys()


def test_a_store_with_one_spelling_takes_the_other_onto_the_same_front(fresh: Store, tmp_path: Path) -> None:
    rows = list(csv.DictReader(SPELLINGS.open(encoding="utf-8")))
    for name, spelt in (("old.csv", ("Banaadir", "Hiiraan", "Ratanakiri")),
                        ("new.csv", ("Banadir", "Hiraan", "Ratanakkiri"))):
        with (tmp_path / name).open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, list(rows[0]))
            writer.writeheader()
            writer.writerows(r for r in rows if r["admin1"] in spelt)
    fresh.import_file(tmp_path / "old.csv")
    before = fresh.db.execute("SELECT count(*) FROM fronts").fetchone()[0]
    report = fresh.import_file(tmp_path / "new.csv")
    assert report.new_fronts == []
    assert fresh.db.execute("SELECT count(*) FROM fronts").fetchone()[0] == before
    assert fronts_of(fresh)["Hiiraan"] == {"Hiiraan", "Hiraan"}


def test_neighbours_named_alike_stay_apart(fresh: Store) -> None:
    fresh.import_file(SPELLINGS)
    fronts = fronts_of(fresh)
    # Burkina Faso's regions are not in the bundled boundaries (its provinces are): the names decide.
    for name in ("Centre-Est", "Centre-Ouest", "Centre-Nord", "Centre", "Mashonaland East",
                 "Mashonaland West", "Bay", "Bari"):
        assert fronts[name] == {name}


@pytest.mark.parametrize(("one", "other"), [("Centre-Est", "Centre-Ouest"), ("Nord-Est", "Nord-Ouest"),
                                            ("Mashonaland East", "Mashonaland West"), ("Nord", "Sud"),
                                            ("Upper East", "Upper West"), ("Western", "Western North")])
def test_compass_words_tell_divisions_apart(one: str, other: str) -> None:
    assert place_skeleton(one) != place_skeleton(other)


def test_on_the_worlds_division_lists_the_loose_key_tells_divisions_apart() -> None:
    """Every country's first-level divisions (the bundled Natural Earth lists): two divisions share a
    division_key only where no spelling can tell them apart, and a name that could be either is not
    guessed."""
    world = atlas()
    shared: dict[tuple[str, str], set[str]] = {}
    for region in world.regions:
        shared.setdefault((region.code, division_key(region.name)), set()).add(region.name)
    clashes = {key: names for key, names in shared.items() if len(names) > 1}
    assert clashes == {("CHN", "shanxi"): {"Shanxi", "Shaanxi"}, ("SVN", "krsko"): {"Krško", "Krsko"}}
    assert world.region("China", "Shan-xi") is None  # Shanxi or Shaanxi: neither is guessed
    assert world.region("China", "Shaanxi").name == "Shaanxi"  # an exact name still is itself


def test_a_spelling_is_found_only_in_the_named_country() -> None:
    world = atlas()
    found = world.region("Somalia", "Banadir")
    assert found is not None and found.name == "Banaadir"
    assert world.region(None, "Banadir") is None  # no country: only exact names, as before
    assert world.region("Kenya", "Banadir") is None
