"""Russia's armed forces are not its air force (trial 5: 1,000 ACLED Ukraine rows beside the bundled Syrian
war). ACLED's "Military Forces of Russia (2000-)" was an alias of the bundled Russian Aerospace Forces
(VKS): Russia's ground forces showed as the air force, and "... (2000-) Donetsk People's Militia" as a
unit of VKS. Now the force is a bundled faction (RUS-Mil) with VKS as its unit, ACLED's "... (2000-) Air
Force" is VKS, and an older store is put right on its next import (write/restock.py), except what a
user set by hand. Rows: tests/fixtures/acled_ukraine_russia.csv (ACLED's own, see its README)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.files import importing
from sitroom.db.files.importing import import_file

UKRAINE = Path(__file__).parent / "fixtures" / "acled_ukraine_russia.csv"
DATES = "%d/%m/%Y %H:%M:%S"
FORCE, VKS = "russian-armed-forces", "russian-aerospace-forces"
DPM = "Military Forces of Russia (2000-) Donetsk People's Militia"


def _import(path: Path) -> importing.ImportReport:
    store = Store(path)
    try:
        return import_file(store.db.conn, UKRAINE, date_format=DATES)
    finally:
        store.close()


def _factions(path: Path, key: str) -> set[str]:
    """The slugs the event ACLED calls `key` names."""
    with sqlite3.connect(path) as conn:
        return {f for (f,) in conn.execute(
            "SELECT ef.faction FROM event_factions ef JOIN events e ON e.id = ef.event "
            "WHERE e.source_event_id = ?", (key,))}


def _parent(path: Path, name: str) -> str | None:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT parent FROM factions WHERE name = ?", (name,)).fetchone()[0]


def _counts(path: Path) -> tuple[int, int]:
    store = Store(path)
    try:
        return store.count(EventFilter(factions=(VKS,))), store.count(EventFilter(factions=(FORCE,)))
    finally:
        store.close()


def _assert_put_right(path: Path) -> None:
    assert _factions(path, "UKR152053") == {FORCE, "military-forces-of-ukraine-2019"}  # ground battle
    assert _factions(path, "UKR152069") == {VKS}  # the air force's strike on Kyiv
    assert _factions(path, "UKR152047") == {FORCE, VKS, "military-forces-of-ukraine-2019"}  # air support
    assert _parent(path, DPM) == FORCE and _parent(path, "Russian Aerospace Forces") == FORCE
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM factions WHERE name LIKE 'Military Forces of Russia%Air "
                            "Force'").fetchone() == (0,)
    # VKS: the founding report's and the air force's; the force: every one of its units' as well.
    assert _counts(path) == (1 + 2, 1 + 2 + 3)


def test_acled_russian_forces_are_the_force_and_its_air_force_is_vks(db_path: Path) -> None:
    report = _import(db_path)
    assert not report.bad
    _assert_put_right(db_path)
    store = Store(db_path)
    try:
        force = next(f for f in store.factions() if f.slug == FORCE)
        assert (force.name, force.short, force.bloc) == ("Russian Armed Forces", "RUS-Mil", "government")
    finally:
        store.close()


def _as_before(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store as the bundle before the force made it: VKS had ACLED's name, no parent; then the file."""
    with sqlite3.connect(path) as conn:
        [stored] = conn.execute("SELECT aliases FROM factions WHERE slug = ?", (VKS,)).fetchone()
        aliases = [a for a in json.loads(stored) if not a.endswith("Air Force")]
        aliases.append("Military Forces of Russia (2000-)")
        conn.execute("UPDATE factions SET parent = NULL, aliases = ? WHERE slug = ?",
                     (json.dumps(aliases), VKS))
        conn.execute("DELETE FROM faction_ancestors WHERE faction = ? OR ancestor = ?", (FORCE, FORCE))
        conn.execute("DELETE FROM factions WHERE slug = ?", (FORCE,))
    with monkeypatch.context() as patched:
        patched.setattr(importing, "restock_bundled", lambda conn, by_hand: [])
        _import(path)
    assert _factions(path, "UKR152053") == {VKS, "military-forces-of-ukraine-2019"}
    assert _parent(path, DPM) == VKS


def test_an_older_store_is_put_right_when_the_file_is_imported_again(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _as_before(db_path, monkeypatch)
    report = _import(db_path)
    assert not report.bad and report.by_hand == 0
    _assert_put_right(db_path)
    assert _import(db_path).counts.updated == 0  # once: the next import finds nothing to change


def test_a_parent_a_user_set_stays(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _as_before(db_path, monkeypatch)
    store = Store(db_path)
    try:
        [slug] = store.db.execute("SELECT slug FROM factions WHERE name = ?", (DPM,)).fetchone()
        store.set_faction(slug, parent=VKS)  # the user's choice, whatever the bundle now says
    finally:
        store.close()
    report = _import(db_path)
    assert _parent(db_path, DPM) == VKS and report.by_hand == 1
    assert _factions(db_path, "UKR152053") == {FORCE, "military-forces-of-ukraine-2019"}
