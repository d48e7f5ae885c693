"""`sitroom export --bom`: a CSV that Excel on Windows reads as UTF-8 (it needs the byte-order mark to
show "Ḩayyān" rather than mojibake). Without the option the file is as before, with no mark (csv modules,
pandas and cut would take one as part of the first column's name). sitroom's own import reads either
into the same store."""

from __future__ import annotations

import codecs
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.tui.cli import main

from .test_roundtrip_stores import QUERIES

REAL = Path(__file__).parent / "data" / "real"


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "source.db"
    create_store(path, bundled=False)
    store = Store(path)
    store.import_file(REAL / "ucdp_ged_231_car.csv")  # "Nana-Grébizi province", "AFRICA – …"
    store.close()
    return path


def _tables(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in QUERIES.items()}


def test_a_csv_with_the_mark_imports_as_the_same_store(tmp_path: Path) -> None:
    source = _store(tmp_path)
    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    assert main(["export", "-o", str(plain), "--db", str(source)]) == 0
    assert main(["export", "--bom", "-o", str(marked), "--db", str(source)]) == 0
    assert marked.read_bytes() == codecs.BOM_UTF8 + plain.read_bytes()
    assert not plain.read_bytes().startswith(codecs.BOM_UTF8)
    assert any(ord(c) > 127 for c in plain.read_text(encoding="utf-8"))  # names Excel would garble
    stores = []
    for name, file in (("a.db", plain), ("b.db", marked)):
        create_store(tmp_path / name, bundled=False)
        assert main(["import", str(file), "--db", str(tmp_path / name)]) == 0
        stores.append(_tables(tmp_path / name))
    assert stores[0] == stores[1] and stores[0]["events"]


def test_the_mark_on_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _store(tmp_path)
    capsys.readouterr()
    assert main(["export", "--bom", "--db", str(source)]) == 0
    assert capsys.readouterr().out.startswith("\ufeffid,date,")


def test_the_mark_is_for_csv_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _store(tmp_path)
    out = tmp_path / "events.jsonl"
    assert main(["export", "--bom", "--format", "jsonl", "-o", str(out), "--db", str(source)]) != 0
    assert "--bom is for --format csv" in capsys.readouterr().err and not out.exists()
