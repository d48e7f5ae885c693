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
