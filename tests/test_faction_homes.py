"""A faction matched by its short label, or by a name without ACLED's acronym, only for a row of one of
its countries (write/homes.py): UCDP's "NDC" (Nduma Defence of Congo, DR Congo) is not ACLED's Ghanaian
"NDC: National Democratic Congress", whose short label an import made "NDC"; an organisation named two
ways in one country is one faction; a bundled (transnational) faction matches in any country."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitroom.db import Store
from sitroom.db.files.importing import import_file
from sitroom.db.reference import read_reference
from sitroom.db.write.names import short_label
from sitroom.db.write.resolve import Resolver

FIXTURES = Path(__file__).parent / "fixtures"
GHANA = "NDC: National Democratic Congress"


def _import(path: Path, file: Path) -> None:
    store = Store(path)
    try:
        import_file(store.db.conn, file)
    finally:
        store.close()


def _slug(path: Path, name: str) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT slug FROM factions WHERE name = ?", (name,)).fetchone()[0]


def test_a_label_of_another_country_is_another_faction(db_path: Path) -> None:
    _import(db_path, FIXTURES / "labels_ghana_acled.csv")
    ghana = _slug(db_path, GHANA)
    conn = sqlite3.connect(db_path)
    try:
        resolver = Resolver(conn, read_reference(conn))
        assert resolver.ref.factions[ghana].short == "NDC"
        congo = resolver.faction("NDC", "rebel groups", country="DR Congo (Zaire)")  # UCDP's side_b
        assert congo != ghana
        assert resolver.ref.factions[congo].short == "NDC-COD"  # its label says where, not a number
        assert resolver.faction("NDC", country="DR Congo (Zaire)") == congo
        assert resolver.faction("NDC", country="Ghana") == ghana  # the label in its own country
        assert resolver.faction(GHANA, country="Togo") == ghana  # its name, anywhere
        conn.commit()
        again = Resolver(conn, read_reference(conn))  # the next import: its name, the same faction
        assert again.faction("NDC", "rebel groups", country="DR Congo (Zaire)") == congo
        assert again.faction(GHANA, "3", country="Ghana") == ghana
    finally:
        conn.close()


def test_one_organisation_named_two_ways_in_one_country(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        resolver = Resolver(conn, read_reference(conn))
        russia = resolver.faction("Left Front", "6", country="Russia")
        assert resolver.faction("LF: Left Front", "6", country="Russia") == russia
        assert resolver.faction("LF: Left Front", "6", country="India") != russia  # India's Left Front
    finally:
        conn.close()


def test_a_faction_with_no_country_matches_everywhere(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        resolver = Resolver(conn, read_reference(conn))
        assert resolver.faction("IS", "2", country="Mozambique") == "isis"  # bundled: transnational
        assert resolver.faction("IS", "2", country="Syria") == "isis"
        made = resolver.faction("Left Front", "6")  # a row of no country: nothing to hold it to
        assert resolver.faction("LF: Left Front", country="India") == made
    finally:
        conn.close()


def test_short_label_qualified_by_country_before_a_number() -> None:
    assert short_label("NDC", {"ndc"}, "COD") == "NDC-COD"
    assert short_label("NDC", {"ndc", "ndc-cod"}, "COD") == "NDC2"
    assert short_label("NDC", {"ndc"}) == "NDC2"
