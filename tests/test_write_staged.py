"""The bulk writer stages a file's events and writes them at close, sorted (db/write/bulk.py): by date
into a store larger than the file (its indexes kept), by rowid otherwise; its tallies are written out
whenever too many are held (db/write/derived.py HELD). Each way leaves the derived tables and the
full-text index equal to a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitroom.db.files import preparing
from sitroom.db.write import bulk, derived

from .test_bulk_import import assert_exact, imported, write_acled


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparing, "BATCH", 250)  # several batches even for a small file


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each import's writer kept the store's indexes (and so wrote its events by date)."""
    seen: list[bool] = []
    close = bulk.BulkWriter.close

    def spy(self: bulk.BulkWriter) -> None:
        seen.append(not self.indexes)
        close(self)

    monkeypatch.setattr(bulk.BulkWriter, "close", spy)
    return seen


def _edit(i: int, row: list) -> list:
    if i % 3 == 0:
        row[1] = "02 July 2019"  # another month: the event moves in every date-led index
    if i % 5 == 0:
        row[7], row[10] = "Islamic State (Syria)", "Tiger Forces"  # other parties, another side
    if i % 7 == 0:
        row[27] = f"Reportedly a new account of event {i}."  # other text, other certainty
    return row


def test_new_and_changed_events_into_a_larger_store(db_path: Path, tmp_path: Path, kept: list[bool]) -> None:
    imported(db_path, write_acled(tmp_path / "a.csv", 1500, seed=1))
    # 400 rows: 300 of them change events the store holds, 100 are new; the store is larger than the file.
    rows = write_acled(tmp_path / "b.csv", 1500, seed=1, edit=_edit).read_text(encoding="utf-8").splitlines()
    more = write_acled(tmp_path / "c.csv", 100, seed=9).read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("\n".join([rows[0], *rows[1:301], *more[1:]]) + "\n", encoding="utf-8")
    report = imported(db_path, mixed)
    assert kept == [False, True]  # the first import set the indexes aside, the second kept them
    assert report.counts.added == 100 and report.counts.updated > 150
    assert_exact(db_path)


def test_tallies_written_out_while_importing(empty_store: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(derived, "HELD", 7)  # written out many times in each batch
    imported(empty_store, write_acled(tmp_path / "a.csv", 900, seed=2))
    report = imported(empty_store, write_acled(tmp_path / "b.csv", 900, seed=2, edit=_edit))
    assert report.counts.updated > 400
    imported(empty_store, write_acled(tmp_path / "c.csv", 300, seed=3))
    assert_exact(empty_store)


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    from sitroom.db import create_store

    path = tmp_path / "empty.db"
    create_store(path, bundled=False)
    return path
