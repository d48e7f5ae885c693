"""Two defects a new user's real files showed: Natural Earth's stray alias "Paktiya" (among Paktika's names,
though it spells Paktya) sent ACLED's Paktiya to Paktika; and a file holding NA cells marked the
fingerprint of every row whose text held "NA" anywhere ("NATO", "NAF"), so such rows were read again once
after an upgrade for nothing. Rows of ACLED 2022's shape as R's write.csv leaves them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import create_store
from sitroom.db.files.importing import import_file
from sitroom.db.files.missing import holds_na_cell
from sitroom.db.geography import atlas

from .test_import_trial_files import HEADER, ROWS, _prints, _write


@pytest.mark.parametrize(("country", "written", "division"), [
    ("Afghanistan", "Paktiya", "Paktya"), ("Afghanistan", "Paktya", "Paktya"),
    ("Afghanistan", "Paktika", "Paktika"), ("Russia", "Moskovskaya", "Moskovsskaya"),
    ("Russia", "Moskva", "Moskva")])
def test_an_alias_spelling_another_divisions_name_is_that_divisions(country: str, written: str,
                                                                   division: str) -> None:
    found = atlas().region(country, written)
    assert found is not None and found.name == division


@pytest.mark.parametrize(("text", "holds"), [
    ("a,NA,b\n", True), ("NA,b\n", True), ("a,NA\n", True), ("a,NA\r\n", True), ('a,"NaN",b\n', True),
    ("a,N/A,b\n", True), ("a,NATO,b\n", False), ('a,"NATO: North Atlantic Treaty Organization",b\n', False),
    ("a,NAF,b\n", False), ("a,Nan,b\n", False), ('a,"said NA, then",b\n', False)])
def test_an_na_cell_is_a_cell_that_is_exactly_na(text: str, holds: bool) -> None:
    assert holds_na_cell(text) is holds


def test_a_semicolon_files_na_cell_is_found_by_its_delimiter() -> None:
    assert holds_na_cell("a;NA;b\n", ";") and not holds_na_cell("a;NA;b\n", ",")


def test_a_row_naming_nato_beside_na_cells_keeps_its_fingerprint(tmp_path: Path) -> None:
    # BEN902 names no NA cell once its NAs are filled; its notes speak of NATO and the NAF.
    nato = ROWS[1].replace(",NA,", ",,").replace(",NA,", ",,").replace(
        "against a rise in fees.", "against NATO and the NAF.")
    assert not holds_na_cell(nato) and "NATO" in nato
    db = tmp_path / "t.db"
    create_store(db, bundled=False)
    with sqlite3.connect(db, isolation_level=None) as conn:
        import_file(conn, _write(tmp_path / "r.csv", "\n".join((HEADER, ROWS[0], nato, ROWS[2])) + "\n"))
        stored = dict(conn.execute("SELECT source_event_id, row_hash FROM events"))
        prints = _prints(conn)
    assert stored["BEN902"] == prints.of(nato + "\n")  # as a file without NA cells would have it
    assert stored["BEN901"] != prints.of(ROWS[0] + "\n")  # a row with NA cells is marked
