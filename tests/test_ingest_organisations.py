"""Who acted and who claimed it survive being stored: an organisation the extractor names by its own name
("Turkish Armed Forces", the Syrian Observatory for Human Rights) and the store lacks becomes a faction
of the store. A new user's trial: the dry run said "Turkish Armed Forces; claimant Syrian Observatory for
Human Rights", and after the ingest the event's factions were empty in every export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.tui.cli import main

REPORT = ("Fighting near Jindayris\n\nThe Syrian Observatory for Human Rights said Turkish troops shelled "
          "Jindayris on Monday.\n\nLocal sources said the Turkish army also struck Rajo.\n")


def _parties(db: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return set(conn.execute(
            "SELECT coalesce(p.name, e.area), ef.faction, ef.role FROM events e "
            "JOIN event_factions ef ON ef.event = e.id LEFT JOIN places p ON p.id = e.place "
            "WHERE e.source LIKE 'report-%'"))
    finally:
        conn.close()


def test_an_organisation_the_store_lacks_is_stored_with_its_role(db_path: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert main(["--db", str(db_path), "ingest", str(report), "--date", "2018-01-29"]) == 0
    out = capsys.readouterr().out
    assert "new factions (2): Turkish Armed Forces, Syrian Observatory for Human Rights" in out
    parties = _parties(db_path)
    assert ("Jindayris", "turkish-armed-forces", "actor") in parties
    assert ("Jindayris", "syrian-observatory-for-human-rights", "claimant") in parties
    # A sayer as the text words it ("local sources") is no faction.
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM factions WHERE name LIKE '%sources%'").fetchone() == (0,)
    conn.close()
    # The export says it too, and the same report again finds its events stored as they were.
    assert main(["--db", str(db_path), "export", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    ours = [r for r in rows if r["source_kind"] == "report" and r["place_name"] == "Jindayris"]
    assert ours and {f["faction"] for f in ours[0]["factions"]} >= {"turkish-armed-forces",
                                                                    "syrian-observatory-for-human-rights"}
    assert main(["--db", str(db_path), "ingest", str(report), "--date", "2018-01-29"]) == 0
    again = capsys.readouterr().out
    assert "new factions" not in again and "0 events added, 0 updated" in again


def test_a_dry_run_names_the_factions_it_would_add_and_adds_none(db_path: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert main(["--db", str(db_path), "ingest", str(report), "--date", "2018-01-29", "--dry-run"]) == 0
    assert "new factions (2, if written): Turkish Armed Forces" in capsys.readouterr().out
    conn = sqlite3.connect(db_path)
    made = conn.execute("SELECT count(*) FROM factions WHERE slug = 'turkish-armed-forces'").fetchone()
    assert made == (0,)
    conn.close()


def test_a_located_event_says_its_division_and_country(db_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """As an imported event does: the export's country column was empty for every report event."""
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert main(["--db", str(db_path), "ingest", str(report), "--date", "2018-01-29"]) == 0
    conn = sqlite3.connect(db_path)
    rows = set(conn.execute("SELECT p.name, e.admin1, e.country FROM events e "
                            "JOIN places p ON p.id = e.place WHERE e.source LIKE 'report-%'"))
    conn.close()
    assert ("Jindayris", "Aleppo", "Syria") in rows
