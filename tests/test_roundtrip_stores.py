"""An export read back into a new store is the same events, on the same fronts, with the same sides,
blocs and faction hierarchy (README "What an import keeps"): the store is built by importing real files
(tests/data/real/), exported as CSV and JSON Lines, and each file imported into another new store."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store, create_store
from sitroom.db.files import worker
from sitroom.db.files.exporting import BLOC_COLUMNS, export

REAL = Path(__file__).parent / "data" / "real"
# Era-named forces under an era-less parent no event names (Nigeria, Chad), many divisions of three
# countries (each a front of its own), and UCDP's undirected sides.
FILES = ("acled_2015_upper.csv", "three_countries_acled.csv", "ucdp_ged_231_car.csv")
QUERIES = {
    "events": "SELECT id, date, date_precision, front, side, certainty, fatalities, event_type, place, "
              "source_event_id FROM events ORDER BY id",
    "parties": "SELECT event, faction, role FROM event_factions ORDER BY 1, 2, 3",
    # The factions the events name, and every faction above them.
    "factions": "WITH RECURSIVE named(slug) AS (SELECT faction FROM event_factions UNION "
                "SELECT f.parent FROM factions f JOIN named n ON f.slug = n.slug WHERE f.parent IS NOT NULL) "
                "SELECT slug, name, short, parent, bloc, colour FROM factions WHERE slug IN named ORDER BY 1",
    "fronts": "SELECT slug, name, description, kind, country, admin1 FROM fronts ORDER BY 1",
}


def _new(path: Path) -> Store:
    create_store(path, bundled=False)  # as `sitroom import FILE --db NEW` makes one
    return Store(path)


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("original") / "original.db"
    store = _new(path)
    for name in FILES:
        store.import_file(REAL / name)  # the fixtures' bad rows (a 31 February) are left out
    store.close()
    return path


def _tables(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    out = {name: conn.execute(sql).fetchall() for name, sql in QUERIES.items()}
    conn.close()
    return out


def _exported(path: Path, fmt: str, out: Path) -> Path:
    store = Store(path)
    with out.open("w", encoding="utf-8", newline="") as handle:
        export(store, EventFilter(), fmt, handle)
    store.close()
    return out


def _imported(path: Path, into: Path) -> Path:
    store = _new(into)
    report = store.import_file(path)
    store.close()
    assert not report.bad, report.bad
    return into


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_an_export_read_into_a_new_store_is_the_same_store(original: Path, tmp_path: Path, fmt: str) -> None:
    again = _imported(_exported(original, fmt, tmp_path / f"events.{fmt}"), tmp_path / "again.db")
    before, after = _tables(original), _tables(again)
    assert len(before["events"]) > 40
    # The store was what the round trip must keep: sides of several blocs, units under parents no event
    # names, division fronts.
    assert {e[4] for e in before["events"]} > {"other", "government"}
    assert any(f[3] and f[3] not in {p[1] for p in before["parties"]} for f in before["factions"])
    assert sum(1 for f in before["fronts"] if f[3] == "division") > 10
    for table in QUERIES:
        assert after[table] == before[table], table


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_front_of_the_file_takes_its_events_in_the_new_store(original: Path, tmp_path: Path,
                                                               fmt: str) -> None:
    again = Store(_imported(_exported(original, fmt, tmp_path / f"events.{fmt}"), tmp_path / "again.db"))
    old = Store(original)
    divisions = {f.slug for f in old.fronts() if f.kind == "division"}
    front = max((kv for kv in old.front_totals().items() if kv[0] in divisions), key=lambda kv: kv[1])[0]
    assert old.front_totals()[front] > 1
    assert again.front_totals()[front] == old.front_totals()[front]
    assert sum(1 for _ in again.records(EventFilter(fronts=(front,)))) == old.front_totals()[front]
    # No front is left with no event (the file's, beside a "<division>-<country>" made for its events).
    assert {(f.slug, f.name) for f in again.fronts()} == {(f.slug, f.name) for f in old.fronts()}
    again.close()
    old.close()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_csv_says_each_roles_blocs_in_its_names_order(original: Path, tmp_path: Path) -> None:
    rows = _csv_rows(_exported(original, "csv", tmp_path / "events.csv"))
    conn = sqlite3.connect(original)
    blocs = dict(conn.execute("SELECT name, bloc FROM factions"))
    conn.close()
    checked = 0
    for row in rows:
        for column in ("actors", "targets", "sides_a", "sides"):
            names = [n for n in row[column].split("; ") if n]
            assert row[BLOC_COLUMNS[{"actors": "actor", "targets": "target", "sides_a": "side_a",
                                     "sides": "side"}[column]]] == "; ".join(blocs[n] for n in names)
            checked += len(names)
        details = json.loads(row["faction_details"])
        assert set(details) == {n for c in ("actors", "allies", "targets", "target_allies", "sides_a",
                                            "sides", "claimants") for n in row[c].split("; ") if n}
    assert checked > 50


def test_an_older_csv_without_the_new_columns_imports_as_before(original: Path, tmp_path: Path) -> None:
    rows = _csv_rows(_exported(original, "csv", tmp_path / "events.csv"))
    new = {"front_kind", "front_country", "front_admin1", "faction_details", *BLOC_COLUMNS.values()}
    old = io.StringIO()
    writer = csv.DictWriter(old, [c for c in rows[0] if c not in new], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "old.csv"
    path.write_text(old.getvalue(), encoding="utf-8")
    store = _new(tmp_path / "old.db")
    report = store.import_file(path)
    assert not report.bad
    assert report.counts.added == len(rows)
    # Without the blocs a faction the store does not know is made from its name alone, as before.
    assert {f.bloc for f in store.factions() if f.name == "Civilians (Nigeria)"} == {"other"}
    store.close()


def test_faction_details_that_are_not_json_name_the_row(original: Path, tmp_path: Path) -> None:
    rows = _csv_rows(_exported(original, "csv", tmp_path / "events.csv"))
    rows[0]["faction_details"] = "{not json"
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    store = _new(tmp_path / "bad.db")
    report = store.import_file(path)
    store.close()
    assert [(b.line, b.reason) for b in report.bad] == [
        (2, "faction_details is not the JSON object an export writes")]
    assert report.counts.added == len(rows) - 1


def _with_my_front(original: Path, tmp_path: Path, **definition: str) -> tuple[Path, str, int]:
    """A copy of the original store with a front its user made (`sitroom fronts add`)."""
    path = tmp_path / "mine.db"
    path.write_bytes(original.read_bytes())
    mine = Store(path)
    slug, _ = mine.define_front("North-east Nigeria", **definition)
    count = mine.front_totals()[slug]
    mine.close()
    return path, slug, count


FRONTS = "SELECT slug, name, description, kind, definition, bbox FROM fronts WHERE kind = 'user'"


@pytest.mark.parametrize("fork", [False, True])
@pytest.mark.parametrize("definition", [{"admin1": "Borno"}, {"bbox": "11.5,10.5,14.7,13.7"}])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_users_front_keeps_its_area_in_a_new_store(original: Path, tmp_path: Path, fmt: str,
                                                     definition: dict[str, str], fork: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "WORKER_FROM", 0 if fork else 10**9)  # read in a process of its own
    path, slug, count = _with_my_front(original, tmp_path, **definition)
    assert count > 1
    again = _imported(_exported(path, fmt, tmp_path / f"events.{fmt}"), tmp_path / "again.db")
    conn, before = sqlite3.connect(path), sqlite3.connect(again)
    assert before.execute(FRONTS).fetchall() == conn.execute(FRONTS).fetchall()  # its area, its name
    conn.close()
    before.close()
    assert _tables(again) == _tables(path)  # its events on it, and every other as it was
    store = Store(again)
    assert store.front_totals()[slug] == count
    store.close()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_users_front_carried_once_per_file(original: Path, tmp_path: Path, fmt: str) -> None:
    """A polygon may be large: the area is on the first row of the front's events only."""
    path, slug, count = _with_my_front(original, tmp_path, admin1="Borno")
    out = _exported(path, fmt, tmp_path / f"events.{fmt}")
    rows = _csv_rows(out) if fmt == "csv" else [json.loads(line) for line in out.read_text().splitlines()]
    mine = [r for r in rows if r["front"] == slug]
    assert len(mine) == count and [bool(r.get("front_area")) for r in mine] == [True] + [False] * (count - 1)
    assert json.loads(mine[0]["front_area"]) == {"admin1": ["Borno"]}


def test_an_older_file_without_the_area_puts_a_users_fronts_events_by_its_rules(original: Path,
                                                                                tmp_path: Path) -> None:
    """A file exported before `front_area`: the new store puts the user's front's events on its own
    fronts, and makes no front that keeps none of them."""
    path, slug, _ = _with_my_front(original, tmp_path, admin1="Borno")
    rows = _csv_rows(_exported(path, "csv", tmp_path / "events.csv"))
    old = tmp_path / "old.csv"
    with old.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [c for c in rows[0] if c != "front_area"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    again = Store(_imported(old, tmp_path / "again.db"))
    assert slug not in {f.slug for f in again.fronts()}
    assert set(again.front_totals()) | {"homs-desert"} == {f.slug for f in again.fronts()}
    assert sum(again.front_totals().values()) == len(_tables(original)["events"])
    again.close()


def test_an_area_that_is_no_definition_defines_nothing(original: Path, tmp_path: Path) -> None:
    path, slug, _ = _with_my_front(original, tmp_path, admin1="Borno")
    rows = _csv_rows(_exported(path, "csv", tmp_path / "events.csv"))
    for row in rows:
        row["front_area"] = '{"polygon": "not a ring"}' if row["front_area"] else ""
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    again = Store(_imported(bad, tmp_path / "again.db"))
    assert slug not in {f.slug for f in again.fronts()}  # as a file without the area
    again.close()
