"""Opening stores that are missing, damaged or from another version: a clear StoreError."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, StoreError
from sitroom.db.schema import SCHEMA_VERSION
from sitroom.tui.cli import main


def test_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "absent.db")


def test_not_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the events you are looking for\n" * 100)
    with pytest.raises(StoreError, match="cannot be opened as a sitroom store"):
        Store(path)


def test_a_sqlite_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a sitroom store"):
        Store(path)


def test_a_store_from_a_newer_sitroom(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer sitroom"):
        Store(db_path)


def test_create_makes_the_bundled_store_once(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sitroom.db"
    store = Store.open(path, create=True)
    assert store.count() == 24
    store.close()
    again = Store.open(path, create=True)  # opened, not rebuilt
    assert again.count() == 24
    again.close()
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".sitroom-")] == []


def test_the_command_reports_a_bad_store_without_a_traceback(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"\x00\xff" * 512)
    assert main(["--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "sitroom:" in err and "Traceback" not in err


REAL = Path(__file__).parent / "data" / "real"
SEED = Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt"


def _all_bad(tmp_path: Path) -> Path:
    """An ACLED file (its real header) whose one row has a date that does not exist."""
    header = (REAL / "acled_2024.csv").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "all_bad.csv"
    path.write_text(header + "\nX1,31-Feb-24,2024,1,,Battles,Armed clash,Islamic State (Syria),,,,,,,,760,,"
                    "Syria,Homs,,,X,34.8,38.8,1,S,,n,0,,1\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [
    ["ingest", "{dir}/empty.txt"],  # an empty report: nothing to extract
    ["ingest", "{dir}/missing.txt"],
    ["ingest", str(SEED), "--dry-run"],  # writes nothing, so keeps nothing
    ["import", "{dir}/all_bad.csv"],  # every row bad: nothing landed
    ["import", "{dir}/all_bad.csv", "--strict"],
    ["import", str(REAL / "acled_ambiguous_dates.csv")],  # refused before any row
    ["import", "{dir}/missing.csv"],
])
def test_a_command_that_writes_nothing_leaves_no_new_store(tmp_path: Path, capsys, args: list[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    _all_bad(tmp_path)
    new = tmp_path / "new.db"
    main([*(a.format(dir=tmp_path) for a in args), "--db", str(new)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all_bad.csv", "empty.txt"]
    assert "created a new store" not in capsys.readouterr().err


def test_a_command_that_writes_keeps_the_new_store_and_says_so(tmp_path: Path, capsys) -> None:
    new = tmp_path / "new.db"
    assert main(["ingest", str(SEED), "--db", str(new)]) == 0
    assert new.exists() and f"created a new store at {new}" in capsys.readouterr().err
    assert sqlite3.connect(new).execute("SELECT count(*) FROM events").fetchone() == (24,)


def _dump(path: Path) -> list[tuple]:
    """What a store holds (its bookkeeping aside: a pending link queue may be worked off on the way)."""
    conn = sqlite3.connect(path)
    try:
        return [row for table in ("events", "event_factions", "factions", "places", "fronts", "sources")
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    finally:
        conn.close()


def test_a_failure_leaves_an_existing_store_as_it_was(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    before = _dump(db_path)
    assert main(["ingest", str(tmp_path / "empty.txt"), "--db", str(db_path)]) == 2
    assert main(["import", str(_all_bad(tmp_path)), "--db", str(db_path)]) == 2
    assert db_path.exists() and _dump(db_path) == before


def test_a_store_in_a_folder_that_does_not_exist_is_refused_not_made(tmp_path: Path, capsys) -> None:
    # trial4: a mistyped folder in --db had silently become a new folder tree holding a new store
    target = tmp_path / "nope" / "dir" / "s.db"
    assert main(["--db", str(target), "import", str(REAL / "acled_2024.csv")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert not (tmp_path / "nope").exists()
