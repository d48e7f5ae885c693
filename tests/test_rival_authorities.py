"""Rival authorities of one state (write/rivals.py): ACLED's concurrent eras of Yemen's and Libya's forces
(tests/fixtures/rivals_acled.csv, the 2019–2023 export layout) are not one faction nor one bloc; UCDP's
"Government of Yemen (North Yemen)" (rivals_ucdp.csv, GED 23.1 layout) is not put with either; Kenya's
successive eras stay under one force. A store imported into before the rule puts itself right on the
next import."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.files.importing import import_file
from sitroom.db.write.rivals import rival_eras

FIXTURES = Path(__file__).parent / "fixtures"
ACLED, UCDP = FIXTURES / "rivals_acled.csv", FIXTURES / "rivals_ucdp.csv"


def _import(db_path: Path, *files: Path) -> None:
    store = Store(db_path)
    try:
        for file in files:
            import_file(store.db.conn, file)
    finally:
        store.close()


def _faction(conn: sqlite3.Connection, name: str) -> tuple[str, str | None, str]:
    return conn.execute("SELECT slug, parent, bloc FROM factions WHERE name = ?", (name,)).fetchone()


def _ancestors(conn: sqlite3.Connection, slug: str) -> set[str]:
    return {a for (a,) in conn.execute("SELECT ancestor FROM faction_ancestors WHERE faction = ?", (slug,))}


def test_overlapping_eras_are_rivals_successive_are_not() -> None:
    assert rival_eras([(2012, None), (2016, None)]) == {(2012, None), (2016, None)}
    assert rival_eras([(2002, 2013), (2013, None)]) == set()
    # the same era given open by an older export and closed by a newer one: not a rival of its successor
    assert rival_eras([(2004, None), (2004, 2021), (2021, None)]) == set()
    libya = [(2014, None), (2016, 2021), (2021, None)]
    assert rival_eras(libya) == set(libya)


@pytest.mark.parametrize("order", [(ACLED, UCDP), (UCDP, ACLED)])
def test_yemen_and_libya_rivals_apart(db_path: Path, order: tuple[Path, Path]) -> None:
    _import(db_path, *order)
    with sqlite3.connect(db_path) as conn:
        spc, _, spc_bloc = _faction(conn, "Military Forces of Yemen (2016-) Supreme Political Council")
        hadi, hadi_parent, hadi_bloc = _faction(conn, "Military Forces of Yemen (2012-)")
        brigade = _faction(conn, "Military Forces of Yemen (2012-) 170th Air Defence Brigade")
        police_spc = _faction(conn, "Police Forces of Yemen (2016-) Supreme Political Council")
        gov_spc = _faction(conn, "Government of Yemen (2016-) Supreme Political Council")
        assert spc_bloc != hadi_bloc and "government" not in (spc_bloc, hadi_bloc)
        assert brigade[2] == hadi_bloc and police_spc[2] == gov_spc[2] == spc_bloc
        assert not _ancestors(conn, spc) & _ancestors(conn, hadi)  # no faction holds both sides
        assert hadi_parent is None
        blocs = dict(conn.execute("SELECT slug, name FROM blocs"))
        assert blocs[spc_bloc] == "Yemen 2016-: Supreme Political Council"
        assert blocs[hadi_bloc] == "Yemen 2012-"
        haftar = _faction(conn, "Military Forces of Libya (2014-) Haftar Faction")
        gna = _faction(conn, "Military Forces of Libya (2016-) Government of National Accord")
        assert haftar[2] != gna[2] and not _ancestors(conn, haftar[0]) & _ancestors(conn, gna[0])
        # UCDP's government of Yemen holds no ACLED era: its filter is UCDP's events only
        ucdp_gov = conn.execute("SELECT faction FROM event_factions WHERE role = 'side_a'").fetchone()[0]
        below = {f for (f,) in conn.execute(
            "SELECT faction FROM faction_ancestors WHERE ancestor = ?", (ucdp_gov,))}
        assert below == {ucdp_gov}
        # the events' sides follow the blocs
        sides = dict(conn.execute("SELECT source_event_id, side FROM events"))
        assert sides["YEM9001"] == spc_bloc and sides["YEM9002"] == hadi_bloc
        # Kenya's successive governments stay one force's eras
        kenya = [_faction(conn, f"Police Forces of Kenya ({era})") for era in ("2002-2013", "2013-")]
        assert kenya[0][1] == kenya[1][1] is not None and kenya[0][2] == kenya[1][2] == "government"


def test_a_store_merged_before_is_put_right(db_path: Path) -> None:
    _import(db_path, ACLED, UCDP)
    with sqlite3.connect(db_path) as conn:  # as the importer left a store before the rule
        conn.execute("UPDATE factions SET bloc = 'government' WHERE bloc LIKE 'rival-%'")
        base = conn.execute("SELECT slug FROM factions WHERE name = 'Military Forces of Yemen'").fetchone()[0]
        conn.execute("UPDATE factions SET parent = ? WHERE name LIKE 'Military Forces of Yemen (20__-)'",
                     (base,))
    _import(db_path, ACLED)
    with sqlite3.connect(db_path) as conn:
        spc = _faction(conn, "Military Forces of Yemen (2016-) Supreme Political Council")
        hadi = _faction(conn, "Military Forces of Yemen (2012-)")
        assert spc[2] != hadi[2] and hadi[1] is None
        assert not _ancestors(conn, spc[0]) & _ancestors(conn, hadi[0])


def test_a_bloc_a_user_set_is_kept(db_path: Path) -> None:
    _import(db_path, ACLED)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE factions SET bloc = 'opposition' "
                     "WHERE name = 'Military Forces of Yemen (2016-) Supreme Political Council'")
    _import(db_path, ACLED)
    with sqlite3.connect(db_path) as conn:
        assert _faction(conn, "Military Forces of Yemen (2016-) Supreme Political Council")[2] == "opposition"
