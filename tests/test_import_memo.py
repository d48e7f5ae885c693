"""What the ACLED reader keeps of earlier rows (formats/common.py Memo) and reads by column position
(acled.converter) changes nothing: importing real files with it and without it (each row made a dict and
read by name, every name resolved again) gives the same stores, row for row, and the same bad rows."""

from __future__ import annotations

import csv
import sqlite3
import types
from pathlib import Path

import pytest
from sitroom.db import create_store
from sitroom.db.files.formats import FORMATS, acled
from sitroom.db.files.formats.common import Memo

from .real_rows import FILES, REAL
from .test_bulk_import import imported, make_acled

TABLES = ("events", "event_factions", "event_keys", "tallies", "places", "factions", "fronts", "sources",
          "blocs")


class _Forgetful(dict):
    """A memo that keeps nothing: every answer is asked of the resolver again."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Import as before the memo and the converter: rows as dicts, read by name, nothing kept."""
    reader = types.SimpleNamespace(**{name: getattr(acled, name) for name in (
        "KIND", "REQUIRED", "DATE_COLUMNS", "ALIASES", "detect", "merges_repeats", "to_record")})
    monkeypatch.setitem(FORMATS, "acled", reader)

    def forgetful(memo: Memo) -> None:
        memo.sources, memo.points, memo.named = _Forgetful(), _Forgetful(), _Forgetful()

    monkeypatch.setattr(Memo, "__init__", forgetful)


def _nowhere_file(path: Path) -> Path:
    """Rows whose place, front and actor are new to the store, the first of each failing after the
    resolver created them (taken back), the next landing, and rows naming them again."""
    header = make_acled.HEADER
    base = next(make_acled.rows(1, seed=5))

    def row(i: int, **cells: str) -> list:
        out = list(base)
        out[0] = f"NOW{i}"
        for name, value in cells.items():
            out[header.index(name)] = value
        return out

    far = {"location": "Nowhere Town", "admin1": "Nowhere", "latitude": "10.5", "longitude": "10.5"}
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerow(row(1, **far, fatalities="many"))  # place, "other" front created, then taken back
        writer.writerow(row(2, **far, actor1="Brand New Militia"))
        writer.writerow(row(3, **far, actor1="Brand New Militia", fatalities="-1"))
        writer.writerow(row(4, **far, actor2="Brand New Militia"))
        writer.writerow(row(5, source="A Source Never Seen", fatalities="1.5"))
        writer.writerow(row(6, source="A Source Never Seen"))
        for i, values in enumerate(make_acled.rows(300, seed=6)):
            values[0] = f"MORE{i}"
            writer.writerow(values)
        writer.writerow(row(7, **far))
    return path


def _files(tmp_path: Path) -> list[Path]:
    real = [REAL / name for name in (*FILES, "acled_2024_actor_based.csv", "acled_cp1252.csv",
                                     "acled_utf8_bom.csv") if "ucdp" not in name]
    return [*real, _nowhere_file(tmp_path / "nowhere.csv")]


def _import_all(store: Path, files: list[Path]) -> tuple[list, dict[str, list]]:
    reports = [imported(store, file) for file in files]
    conn = sqlite3.connect(store)
    try:
        tables = {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in TABLES}
    finally:
        conn.close()
    said = [(r.rows, r.counts, r.bad, r.new_factions, r.new_places, r.new_fronts, r.merged) for r in reports]
    return said, tables


def test_the_memo_and_the_converter_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path)
    kept_store, plain_store = tmp_path / "kept.db", tmp_path / "plain.db"
    create_store(kept_store)
    create_store(plain_store)
    kept = _import_all(kept_store, files)
    with monkeypatch.context() as patch:
        _plain(patch)
        plain = _import_all(plain_store, files)
    assert kept[0] == plain[0]
    for table in TABLES:
        assert kept[1][table] == plain[1][table], table
    # The synthetic file did what it is for: rows failed after creating, and what they created landed later.
    bad = {b.line for b in kept[0][-1][2]}
    assert {2, 4, 6} <= bad
    assert "Nowhere" in kept[0][-1][4] and "Brand New Militia" in kept[0][-1][3]
