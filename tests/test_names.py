"""Names from real files: places up to transliteration, factions by every spelling datasets use, labels
that stay unique, and a user's corrections to a faction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitroom.db import EditError, EventFilter, Store
from sitroom.db.files.importing import import_file
from sitroom.db.write.names import faction_keys, place_skeleton
from sitroom.tui.cli import main

from .test_tallies import assert_consistent

REAL = Path(__file__).parent / "data" / "real"


@pytest.mark.parametrize(("one", "other"), [
    ("Ein Terma", "Ayn Tarma"), ("Albu Kamal", "Albukamal"), ("Al-Bukamal", "Albukamal"),
    ("Humaymah", "Humaima"), ("Tell Abyad", "Tal Abyad"), ("Qal’at al-Madiq", "Qalaat al-Madiq"),
    ("Ein Terma suburb", "Ayn Tarma"), ("Al Mayadin", "Mayadeen"),
])
def test_transliterations_share_a_skeleton(one: str, other: str) -> None:
    assert place_skeleton(one) == place_skeleton(other)


@pytest.mark.parametrize(("one", "other"), [("Raqqa", "Deir Ezzor"), ("Jobar", "Jableh"), ("Homs", "Hama")])
def test_different_places_do_not(one: str, other: str) -> None:
    assert place_skeleton(one) != place_skeleton(other)


def test_acled_acronyms_are_not_part_of_a_name_but_eras_are() -> None:
    # Another era is another government's forces (tests/test_acled_actors.py relates them instead).
    assert "military forces of syria" not in faction_keys("Military Forces of Syria (2000-2024)")
    assert "syrian democratic forces" in faction_keys("QSD: Syrian Democratic Forces")
    assert faction_keys("Islamic State (Syria)")[-1] == "islamic state syria"  # a country is kept


def test_a_new_spelling_near_a_known_place_is_that_place(fresh: Store) -> None:
    report = import_file(fresh.db.conn, REAL / "acled_utf8_bom.csv")
    assert "Ein Terma" not in report.new_places
    [(place, aliases)] = fresh.db.execute(
        "SELECT p.id, p.aliases FROM events e JOIN places p ON p.id = e.place WHERE e.source_event_id = ?",
        ["SYR30570"]).fetchall()
    assert place == "ayn-tarma" and "Ein Terma" in json.loads(aliases)


def test_the_same_spelling_far_away_is_a_namesake(fresh: Store, tmp_path: Path) -> None:
    rows = (REAL / "acled_utf8_bom.csv").read_text(encoding="utf-8-sig").splitlines()
    far = [rows[0], *(r.replace("33.5136,36.3583", "35.1000,40.1000") for r in rows[1:] if "Ein Terma," in r)]
    path = tmp_path / "far.csv"
    path.write_text("\n".join(far) + "\n", encoding="utf-8")
    report = import_file(fresh.db.conn, path)
    assert report.new_places == ["Ein Terma"]


def test_every_spelling_datasets_use_finds_the_known_faction(fresh: Store) -> None:
    for name in ("three_countries_acled.csv", "ucdp_ged_191_syria.csv", "acled_2024.csv"):
        import_file(fresh.db.conn, REAL / name)
    slugs = {name: slug for name, slug in fresh.db.execute(
        "SELECT DISTINCT f.name, ef.faction FROM event_factions ef JOIN factions f ON f.slug = ef.faction")}
    for known in ("saa", "sdf", "us-coalition", "isis", "hts", "syrian-opposition", "ndf", "ypg"):
        assert known in slugs.values(), known
    created = {row[0] for row in fresh.db.execute("SELECT name FROM factions")}
    for spelling in ("Military Forces of Syria (2000-2024)", "QSD: Syrian Democratic Forces",
                     "Global Coalition Against Daesh", "Syrian insurgents", "HTS: Hayat Tahrir al Sham"):
        assert spelling not in created, spelling


def test_short_labels_are_unique_in_a_store(fresh: Store) -> None:
    for name in ("three_countries_acled.csv", "acled_2015_upper.csv", "ucdp_ged_231_car.csv"):
        import_file(fresh.db.conn, REAL / name)
    shorts = [s.casefold() for (s,) in fresh.db.execute("SELECT short FROM factions")]
    assert len(shorts) == len(set(shorts))


def test_a_faction_moved_to_another_bloc_moves_its_events(store: Store) -> None:
    before = store.facets(EventFilter()).sides
    faction = store.set_faction("sdf", bloc="isis")
    assert faction.bloc == "isis"
    after = store.facets(EventFilter()).sides
    assert before != after
    isis = [sum(day.get("isis", 0) for day in sides.values()) for sides in (before, after)]
    assert isis[1] > isis[0]
    store.close()
    assert_consistent(store.path)


def test_a_unit_moved_to_another_parent_is_counted_under_it(store: Store) -> None:
    under_saa = store.count(EventFilter(factions=("saa",)))
    tiger = store.count(EventFilter(factions=("tiger-forces",)))
    store.set_faction("tiger-forces", no_parent=True)
    assert store.count(EventFilter(factions=("saa",))) <= under_saa
    store.set_faction("tiger-forces", parent="saa")
    assert store.count(EventFilter(factions=("saa",))) == under_saa
    assert store.count(EventFilter(factions=("tiger-forces",))) == tiger


@pytest.mark.parametrize(("change", "why"), [
    ({"bloc": "nosuch"}, "no bloc 'nosuch'"),
    ({"parent": "tiger-forces"}, "cannot be its own parent"),
    ({"short": "TF"}, "belongs to 'tiger-forces'"),
    ({"short": ""}, "a short must be 1 to 12 characters"),
])
def test_a_change_that_cannot_be_made_is_refused(store: Store, change: dict, why: str) -> None:
    with pytest.raises(EditError, match=why):
        store.set_faction("saa", **change)
    with pytest.raises(EditError, match="no faction 'nosuch'"):
        store.set_faction("nosuch", bloc="isis")


def test_the_factions_command_lists_and_sets(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "factions"]) == 0
    listed = capsys.readouterr().out
    assert "faylaq-al-rahman" in listed and "FaR" in listed and "Blocs: government" in listed
    assert main(["--db", str(db_path), "factions", "set", "faylaq-al-rahman", "--short", "FLR"]) == 0
    assert "(FLR)" in capsys.readouterr().out
    assert main(["--db", str(db_path), "factions", "set", "saa", "--bloc", "nosuch"]) == 2
    assert "no bloc 'nosuch'" in capsys.readouterr().err
