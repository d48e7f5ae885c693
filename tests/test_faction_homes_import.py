"""Through the readers (they give the resolver each row's country): an ACLED Ghana row naming "NDC:
National Democratic Congress" and a UCDP DR Congo row whose side_b is "NDC" make two factions, whichever
file comes first, and importing both again changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.files.importing import import_file

FIXTURES = Path(__file__).parent / "fixtures"
FILES = [FIXTURES / "labels_ghana_acled.csv", FIXTURES / "labels_drc_ucdp.csv"]


def _factions_by_country(path: Path) -> dict[str, set[str]]:
    with sqlite3.connect(path) as conn:
        out: dict[str, set[str]] = {}
        for slug, country in conn.execute(
                "SELECT ef.faction, e.country FROM event_factions ef JOIN events e ON e.id = ef.event"):
            out.setdefault(slug, set()).add(country)
        return out


@pytest.mark.parametrize("order", [FILES, FILES[::-1]])
def test_ndc_of_ghana_and_of_dr_congo(db_path: Path, order: list[Path]) -> None:
    store = Store(db_path)
    try:
        for file in order:
            import_file(store.db.conn, file)
        first = _factions_by_country(db_path)
        for file in order:  # again: the same factions, the same events
            report = import_file(store.db.conn, file)
            assert report.new_factions == []
    finally:
        store.close()
    assert first == _factions_by_country(db_path)
    assert all(len(countries) == 1 for countries in first.values()), first
    with sqlite3.connect(db_path) as conn:
        ndc = dict(conn.execute("SELECT slug, e.country FROM factions f JOIN event_factions ef "
                                "ON ef.faction = f.slug JOIN events e ON e.id = ef.event "
                                "WHERE f.name IN ('NDC', 'NDC: National Democratic Congress')"))
    assert sorted(ndc.values()) == ["DR Congo (Zaire)", "Ghana"]
