"""Importing ACLED, UCDP GED and sitroom JSON Lines files; exporting; the round trip."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.files.exporting import export
from sitroom.db.files.importing import ImportFailed, import_file
from sitroom.db.store import create_store
from sitroom.tui.cli import main

DATA = Path(__file__).parent / "data"
ACLED = DATA / "acled_syria.csv"
UCDP = DATA / "ucdp_ged_syria.csv"


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to check that a store did or did not change."""
    conn = sqlite3.connect(path)
    tables = ["blocs", "fronts", "factions", "places", "sources", "events", "event_factions"]
    # Every column but a row's fingerprint: what the store knows of the file it last read a row from.
    columns = {t: ", ".join(c[1] for c in conn.execute(f"PRAGMA table_info({t})") if c[1] != "row_hash")
               for t in tables}
    out = {t: sorted(map(tuple, conn.execute(f"SELECT {columns[t]} FROM {t}"))) for t in tables}
    conn.close()
    return out


def run(store: Store, path: Path, **kwargs):
    return import_file(store.db.conn, path, **kwargs)


def by_key(store: Store, key: str):
    """The imported event whose source row had this ACLED or UCDP id."""
    import hashlib

    event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
    detail = store.event(event_id)
    assert detail is not None, key
    return detail


def test_acled_import_counts_and_bad_rows(store: Store) -> None:
    report = run(store, ACLED)
    assert report.format == "acled"
    assert report.rows == 10
    assert (report.counts.added, report.counts.updated, report.counts.unchanged) == (5, 0, 0)
    assert [(b.line, b.reason) for b in report.bad] == [
        (6, "event_date '31/13/2017' is not a date"),
        (7, "latitude 123.0 is outside the world (±90)"),
        (8, "has 4 fields, the header has 31"),
        (9, "fatalities 'many' is not a number"),
        (11, "is not UTF-8 text (byte 0xE9)"),
    ]
    assert report.exit_code == 1
    assert store.count() == 24 + 5


def test_acled_actors_places_fronts_and_certainty(store: Store) -> None:
    report = run(store, ACLED)
    assert report.new_factions == ["Civilians (Syria)"]  # Hayat Tahrir al-Sham is known (hts)
    assert report.new_places == ["Al-Karama", "Saraqab"]
    assert report.new_fronts == ["Other"]

    humaima = by_key(store, "acled:SYR11001")
    assert humaima.row.place == "humaima"  # "Humaymah" found through the gazetteer's aliases
    assert humaima.row.front == "homs-desert"
    assert [(p.role, f.slug) for p, f in humaima.factions] == [
        ("actor", "saa"), ("ally", "russian-armed-forces"), ("target", "isis")]
    row = humaima.row
    assert (row.event_type, row.fatalities, row.certainty) == ("capture", 12, "confirmed")
    assert humaima.source.title == "SANA; SOHR" and humaima.source.kind == "ACLED"

    ayn = by_key(store, "acled:SYR11002")
    assert ayn.row.place == "ayn-tarma" and ayn.row.certainty == "claimed"
    assert ayn.row.event_type == "shelling"

    karama = by_key(store, "acled:SYR11003")
    assert karama.row.front == "raqqa"  # a new place inside Raqqa's area
    assert (karama.place.lat, karama.place.lon, karama.place.admin1) == (35.96, 39.32, "Ar-Raqqa")
    assert karama.row.date_precision == "week"
    assert {f.slug for _, f in karama.factions} == {"sdf", "us-coalition", "isis"}

    saraqab = by_key(store, "acled:SYR11004")
    assert saraqab.row.front == "other"  # Idlib is far from every bundled front
    tanf = by_key(store, "acled:SYR11008")
    assert tanf.row.certainty == "rumoured" and tanf.row.date_precision == "month"


def test_reimporting_changes_nothing(store: Store) -> None:
    run(store, ACLED)
    before = snapshot(store.path)
    again = run(store, ACLED)
    assert (again.counts.added, again.counts.updated, again.counts.unchanged) == (0, 0, 5)
    assert again.new_factions == [] and again.new_places == []
    assert snapshot(store.path) == before


def test_an_edited_row_updates_its_event(store: Store, tmp_path: Path) -> None:
    run(store, ACLED)
    edited = tmp_path / "edited.csv"
    edited.write_bytes(ACLED.read_bytes().replace(b'",12,', b'",15,', 1))
    report = run(store, edited)
    assert (report.counts.added, report.counts.updated, report.counts.unchanged) == (0, 1, 4)
    assert by_key(store, "acled:SYR11001").row.fatalities == 15


def test_strict_rejects_the_whole_file_and_leaves_the_store_untouched(store: Store) -> None:
    before = snapshot(store.path)
    report = run(store, ACLED, strict=True)
    assert report.rejected and report.exit_code == 2
    assert len(report.bad) == 5
    assert snapshot(store.path) == before


def test_a_missing_column_rejects_the_file(store: Store, tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(ACLED.read_bytes().decode("utf-8", "replace"))))
    drop = rows[0].index("latitude")
    broken = tmp_path / "no_latitude.csv"
    with broken.open("w", newline="") as f:
        csv.writer(f).writerows([r[:drop] + r[drop + 1:] for r in rows[:3]])
    before = snapshot(store.path)
    with pytest.raises(ImportFailed, match="missing column: latitude"):
        run(store, broken)
    assert snapshot(store.path) == before


def test_unknown_format_and_unreadable_file(store: Store, tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(ImportFailed, match="cannot tell the format"):
        run(store, odd)
    with pytest.raises(ImportFailed, match="cannot read"):
        run(store, tmp_path / "absent.csv")


def test_ucdp_import(store: Store) -> None:
    report = run(store, UCDP)
    assert report.format == "ucdp"
    assert report.counts.added == 2
    assert [(b.line, b.reason) for b in report.bad] == [
        (4, "date_start 'June 30' is not a date (2017-06-30, 30 June 2017, 30-Jun-17 …; "
         "another form needs --date-format)"),
        (5, "empty side_a")]
    humaima = by_key(store, "ucdp:210001")
    assert humaima.row.place == "humaima"  # "Humaymah village"
    # UCDP's sides are undirected: neither is the actor; side A (the government) gives the event its side.
    assert sorted((p.role, f.slug) for p, f in humaima.factions) == [("side", "isis"), ("side_a", "saa")]
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT side FROM events WHERE id = ?", (humaima.row.id,)).fetchone() == (
            "government",)
    assert (humaima.row.fatalities, humaima.row.event_type) == (14, "clashes")
    raqqa = by_key(store, "ucdp:210002")
    assert raqqa.row.place == "raqqa" and raqqa.row.date_precision == "month"
    assert raqqa.row.front == "raqqa"


def test_jsonl_bad_lines(store: Store, tmp_path: Path) -> None:
    good = json.loads((Path(__file__).parent.parent / "db/data/events.jsonl").read_text().splitlines()[0])
    lines = [
        json.dumps({**good, "summary": "A re-dated copy", "date": "2017-07-01"}),
        "{not json",
        "[1, 2]",
        json.dumps({**good, "certainty": "probable"}),
        json.dumps({**good, "factions": 5}),
        json.dumps({**good, "place": "atlantis"}),
        json.dumps({**good, "factions": [{"faction": "saa", "role": "spectator"}]}),
    ]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = run(store, path)
    assert report.counts.added == 1
    reasons = {b.line: b.reason for b in report.bad}
    assert reasons[2].startswith("is not valid JSON")
    assert reasons[3] == "is not a JSON object"
    assert reasons[4] == "certainty 'probable' is not one of confirmed, claimed, rumoured, denied"
    assert reasons[5].startswith("cannot be read (TypeError")
    assert reasons[6] == "unknown place 'atlantis' and no coordinates to add it with"
    assert reasons[7] == ("role 'spectator' is not one of actor, ally, target, target_ally, side_a, side, "
                          "claimant")


def test_round_trip_into_an_empty_store(store: Store, tmp_path: Path) -> None:
    exported = tmp_path / "all.jsonl"
    with exported.open("w") as f:
        assert export(store, EventFilter(), "jsonl", f) == 24
    empty = tmp_path / "empty.db"
    create_store(empty, bundled=False)
    target = Store(empty)
    report = run(target, exported)
    assert report.counts.added == 24 and not report.bad
    original, copy = snapshot(store.path), snapshot(empty)
    assert copy["events"] == original["events"]
    assert copy["event_factions"] == original["event_factions"]
    assert {r[0] for r in copy["places"]} <= {r[0] for r in original["places"]}
    assert [(r.place_name, r.parties) for r in target.iter_events()] == [
        (r.place_name, r.parties) for r in store.iter_events()]
    assert {r[:2] for r in copy["fronts"]} == {r[:2] for r in original["fronts"]}  # slug and name


def test_export_formats_follow_the_filter(store: Store) -> None:
    f = EventFilter(factions=["faylaq-al-rahman"])
    out = io.StringIO()
    assert export(store, f, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["place_name"] for r in rows} == {"Ayn Tarma", "Jobar"}
    assert {r["certainty"] for r in rows} == {"claimed"}
    assert rows[0]["claimants"] == "Faylaq al-Rahman" and rows[0]["targets"] == "Syrian Arab Army"

    out = io.StringIO()
    assert export(store, EventFilter(fronts=["raqqa"]), "geojson", out) == 6
    geo = json.loads(out.getvalue())
    assert len(geo["features"]) == 6
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 38.8 < lon < 39.4 and 35.7 < lat < 36.1

    out = io.StringIO()
    assert export(store, EventFilter(), "markdown", out) == 24
    brief = out.getvalue()
    for front in ("Raqqa (6 events)", "Eastern Damascus (4 events)", "East Aleppo–Resafa (9 events)"):
        assert f"## {front}" in brief
    assert "> Faylaq al\\-Rahman claimed" not in brief  # hyphens are not escaped, only markup
    assert "*claimed*" in brief


def test_csv_export_defuses_formulas(store: Store, tmp_path: Path) -> None:
    line = json.loads((Path(__file__).parent.parent / "db/data/events.jsonl").read_text().splitlines()[0])
    path = tmp_path / "formula.jsonl"
    path.write_text(json.dumps({**line, "summary": "=HYPERLINK(\"http://evil\")", "date": "2017-07-02"}))
    run(store, path)
    out = io.StringIO()
    export(store, EventFilter(since="2017-07-02"), "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["summary"] == "'=HYPERLINK(\"http://evil\")"


def test_cli_import_and_export(db_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["import", str(ACLED), "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "events added" in captured.out and "line 8: has 4 fields" in captured.err
    assert main(["import", str(ACLED), "--db", str(db_path), "--strict"]) == 2
    assert "whole file was rejected" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "absent.csv"), "--db", str(db_path)]) == 2
    out = tmp_path / "brief.md"
    assert main(["--db", str(db_path), "export", "--format", "markdown", "--front", "eastern-damascus",
                 "--certainty", "claimed", "-o", str(out)]) == 0
    assert out.read_text().count("\n- **") == 3  # the report's two claims and ACLED's SYR11002
    assert main(["--db", str(db_path), "export", "--faction", "nobody"]) == 2
    assert "unknown faction: 'nobody'" in capsys.readouterr().err
    assert main(["--db", str(db_path), "export", "--since", "2017-07-01", "--until", "2017-06-01"]) == 2
    capsys.readouterr()
    # A source: the founding report's 24 events, not ACLED's.
    assert main(["--db", str(db_path), "export", "--source", "swr-2017-06-30", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.count("\n") == 24
    assert main(["--db", str(db_path), "export", "--source", "nosuch"]) == 2
    assert "unknown source: 'nosuch'" in capsys.readouterr().err


def test_a_locked_store_is_reported_not_raised(db_path: Path, capsys, monkeypatch) -> None:
    opened = Store.open
    monkeypatch.setattr(Store, "open", lambda path, **kw: _traced(opened(path, **kw), _locked))
    assert main(["import", str(ACLED), "--db", str(db_path)]) == 2
    assert "could not be written (database is locked)" in capsys.readouterr().err


def _traced(store: Store, tracer) -> Store:
    store.tracer = tracer
    return store


def _locked(sql: str, params) -> None:
    """A tracer that finds the store locked by another writer as the import begins its transaction."""
    if sql.startswith("BEGIN"):
        raise sqlite3.OperationalError("database is locked")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_precision_km_round_trips_and_is_checked(store: Store, tmp_path: Path, fmt: str) -> None:
    # An event's own location precision (schema 6: an extraction's "east of Khanasir") is written by
    # the import's writer itself, exported and read back.
    with store.db.conn:
        store.db.conn.execute("UPDATE events SET precision_km = 7.5 WHERE rowid IN "
                              "(SELECT rowid FROM events ORDER BY id LIMIT 3)")
    exported = tmp_path / f"all.{fmt}"
    with exported.open("w", newline="") as f:
        export(store, EventFilter(), fmt, f)
    empty = tmp_path / "empty.db"
    create_store(empty, bundled=False)
    report = run(Store(empty), exported)
    assert report.counts.added == 24 and not report.bad
    conn = sqlite3.connect(empty)
    assert conn.execute("SELECT count(*), min(precision_km) FROM events WHERE precision_km IS NOT NULL"
                        ).fetchone() == (3, 7.5)
    conn.close()
    bad = tmp_path / "bad.jsonl"
    line = exported.read_text().splitlines()[0] if fmt == "jsonl" else None
    if line:
        record = json.loads(line)
        bad.write_text("\n".join(json.dumps({**record, "id": f"x{i}", "precision_km": v})
                                 for i, v in enumerate((-1, "far", 3))) + "\n")
        report = run(Store(empty), bad)
        assert [b.reason for b in report.bad] == ["precision_km -1 is not a distance (0 to 20,000 km)",
                                                  "precision_km 'far' is not a number"]
