"""A faction a user set by hand (`sitroom factions set`: factions.edited) keeps what they set through
every later import of real ACLED rows: a bloc a later row's actor code would upgrade (write/recoding.py),
a rival era's bloc and parent (write/rivals.py), a unit's label (write/relabel.py). The import says how
many such factions it left alone. An older store gains the column as it opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.files import preparing, worker
from sitroom.db.files.importing import ImportReport, import_file
from sitroom.db.schema import SCHEMA_VERSION
from sitroom.db.write import names, resolve
from sitroom.tui.cli import main

from .test_trial_governments_and_blocs import ACLED_RUSSIA, AFGHANISTAN, UCDP_RUSSIA, _store, acled

FIXTURES = Path(__file__).parent / "fixtures"
CODES_LATER, RIVALS = FIXTURES / "acled_codes_later.csv", FIXTURES / "rivals_acled.csv"
MUSLIM = "Muslim Group (India)"  # an associated actor (no code) in IND41, coded 4 (a militia) in IND42
SPC = "Military Forces of Yemen (2016-) Supreme Political Council"
HADI = "Military Forces of Yemen (2012-)"
BRIGADE = "Military Forces of Yemen (2012-) 170th Air Defence Brigade"


def _import(path: Path, file: Path) -> ImportReport:
    store = Store(path)
    try:
        return import_file(store.db.conn, file)
    finally:
        store.close()


def _set(path: Path, name: str, **fields: str) -> None:
    store = Store(path)
    try:
        [slug] = store.db.execute("SELECT slug FROM factions WHERE name = ?", (name,)).fetchone()
        store.set_faction(slug, **fields)
    finally:
        store.close()


def _row(path: Path, name: str, column: str) -> str | None:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {column} FROM factions WHERE name = ?", (name,)).fetchone()[0]


def _first_row(tmp_path: Path) -> Path:
    header, first = CODES_LATER.read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "first.csv"
    path.write_text(f"{header}\n{first}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fork", [False, True])
def test_other_set_by_hand_is_not_upgraded_by_a_later_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           fork: bool) -> None:
    monkeypatch.setattr(preparing, "BATCH", 1)
    monkeypatch.setattr(worker, "WORKER_FROM", 0 if fork else 10**9)
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    _import(path, _first_row(tmp_path))
    assert _row(path, MUSLIM, "bloc") == "other"  # no code yet: what an import knows nothing of
    _set(path, MUSLIM, bloc="other")  # the user says so
    report = _import(path, CODES_LATER)
    assert (report.counts.added, report.bad) == (4, [])
    assert _row(path, MUSLIM, "bloc") == "other" and report.by_hand == 1
    assert _row(path, "Hindu Group (India)", "bloc") == "militias"  # not set by hand: upgraded
    with sqlite3.connect(path) as conn:  # the event it leads is on the user's side
        side = conn.execute("SELECT side FROM events WHERE source_event_id = 'IND42'").fetchone()
    assert side == ("other",)


def test_without_a_hand_edit_the_code_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    _import(path, _first_row(tmp_path))
    report = _import(path, CODES_LATER)
    assert _row(path, MUSLIM, "bloc") == "militias" and report.by_hand == 0


def test_a_rival_eras_bloc_and_parent_set_by_hand_stay(db_path: Path) -> None:
    _import(db_path, RIVALS)
    assert (_row(db_path, SPC, "bloc") or "").startswith("rival-")
    _set(db_path, SPC, bloc="government")  # a user who reads the Sanaa forces as the state's
    _set(db_path, HADI, parent="military-forces-of-yemen")
    report = _import(db_path, RIVALS)
    assert _row(db_path, SPC, "bloc") == "government"
    assert _row(db_path, HADI, "parent") == "military-forces-of-yemen"
    assert report.by_hand == 2


def test_a_units_label_set_by_hand_stays(db_path: Path) -> None:
    _import(db_path, RIVALS)
    _set(db_path, BRIGADE, short="YEM-ADB")  # no number: relabel.py would make it YEM-170ADB
    report = _import(db_path, RIVALS)
    assert _row(db_path, BRIGADE, "short") == "YEM-ADB" and report.by_hand == 1
    assert _row(db_path, BRIGADE, "edited") == '["short"]'


def test_the_import_says_how_many_it_left(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _import(db_path, RIVALS)
    _set(db_path, BRIGADE, short="YEM-ADB")
    assert main(["import", str(RIVALS), "--db", str(db_path)]) == 0
    assert "factions you set by hand, left as you set them: 1" in capsys.readouterr().out


def test_an_older_store_gains_the_column(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("ALTER TABLE factions DROP COLUMN edited")
        conn.execute("PRAGMA user_version = 7")
    _import(db_path, RIVALS)
    _set(db_path, BRIGADE, short="YEM-ADB")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 9
    assert _row(db_path, BRIGADE, "edited") == '["short"]'



@pytest.mark.parametrize(("chosen", "bloc"), [("Government of Russia", "other"),
                                             ("Government of Russia (Soviet Union)", "militias")])
def test_a_bloc_set_by_hand_survives_a_merge_of_governments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            chosen: str, bloc: str) -> None:
    with monkeypatch.context() as before:  # a store made before governments were keyed by country
        before.setattr(names, "state_key", lambda name: None)
        before.setattr(resolve, "state_key", lambda name: None)
        path = _store(tmp_path, ("a.csv", ACLED_RUSSIA), ("g.csv", UCDP_RUSSIA))
    # ACLED's (kept) is "other", UCDP's (merged) "government": the user sets one of them
    _set(path, chosen, bloc=bloc)
    (tmp_path / "next.csv").write_text(acled({"event_id_cnty": "AFG1", "actor1": "Taliban", "inter1": "2",
                                              **AFGHANISTAN}), encoding="utf-8")
    _import(path, tmp_path / "next.csv")
    assert _row(path, "Government of Russia", "bloc") == bloc
    assert _row(path, "Government of Russia", "edited") == '["bloc"]'
