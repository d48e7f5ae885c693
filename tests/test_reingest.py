"""Ingesting a report already stored: the same report again changes nothing, and a dry run counts as the
real run would (a new user's trial: "2 updated" every time, "2 events would be added")."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from sitroom.db.reports.ingest import ingest_text
from sitroom.tui.cli import main

from .test_tallies import assert_consistent

# An unnamed village placed by the words around it ("to the south of Deir Hafer"): its point is in one
# front's box, and the fronts put the event on another; the front an event is stored on is not the one
# its point first gives it. (Al-Masdar News, 2017-03-20, as a trial user ingested it.)
REPORT = ("Syrian Army attempts to encircle ISIS in east Aleppo\nAl-Masdar News, 2017-03-20\n\n"
          "DAMASCUS, SYRIA (5:50 P.M.) \u2013 Another village to the south of the ISIS stronghold of Deir "
          "Hafer was recaptured today by the Syrian Army in an attempt to besiege the terror organization "
          "in a key town in east Aleppo countryside.\n")


def _ingest(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--db", str(db), "ingest", *args]) == 0
    return capsys.readouterr().out.splitlines()[-1]


def test_the_same_report_again_is_already_there(db_path: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")
    first = _ingest(db_path, capsys, str(file))
    assert first.startswith("1 events added, 0 updated, 0 already there")
    assert _ingest(db_path, capsys, str(file)).startswith("0 events added, 0 updated, 1 already there")
    monkeypatch.setattr("sys.stdin", io.StringIO(REPORT))  # the same text read from standard input
    assert _ingest(db_path, capsys, "-").startswith("0 events added, 0 updated, 1 already there")


def test_a_dry_run_counts_as_the_real_run(db_path: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")
    assert _ingest(db_path, capsys, str(file), "--dry-run").startswith(
        "dry run: 1 events would be added, 0 updated, 0 already there; nothing was written")
    _ingest(db_path, capsys, str(file))
    assert _ingest(db_path, capsys, str(file), "--dry-run").startswith(
        "dry run: 0 events would be added, 0 updated, 1 already there")
    longer = tmp_path / "longer.txt"  # another report: a source of its own
    longer.write_text(REPORT + "The SDF captured Tabqa.\n", encoding="utf-8")
    dry = _ingest(db_path, capsys, str(longer), "--dry-run")
    real = _ingest(db_path, capsys, str(longer))
    assert dry.removeprefix("dry run: ").split(";")[0].replace(" would be", "") == real.split(";")[0]


@pytest.mark.parametrize("stdin", [False, True])
def test_a_report_too_large_says_its_size_and_the_limit(db_path: Path, tmp_path: Path, capsys, monkeypatch,
                                                        stdin: bool) -> None:
    text = "The SAA captured Resafa. " * 120_800  # 3,020,000 bytes
    file = tmp_path / "big.txt"
    file.write_text(text, encoding="utf-8")
    if stdin:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["--db", str(db_path), "ingest", "-" if stdin else str(file), "--date", "2017-06-04"]) == 2
    err = capsys.readouterr().err
    assert "the report is 3.02 MB; sitroom reads reports of up to 2 MB (2,000,000 bytes)" in err


def test_the_same_report_re_dated_replaces_its_events(db_path: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")  # the page says 2017-03-20
    _ingest(db_path, capsys, str(file))
    assert main(["--db", str(db_path), "ingest", str(file), "--date", "2017-03-22", "--dry-run"]) == 0
    assert ("dry run: the same report was stored before dated 2017-03-20: its 1 events stored then would "
            "be replaced") in capsys.readouterr().out
    assert main(["--db", str(db_path), "ingest", str(file), "--date", "2017-03-22"]) == 0
    out = capsys.readouterr().out
    assert "1 events added" in out and "its 1 events stored then were replaced" in out
    source = out.split("(source ")[1].split(")")[0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*), min(date), max(date) FROM events WHERE source = ?",
                        (source,)).fetchone() == (1, "2017-03-22", "2017-03-22")
    assert conn.execute("SELECT published FROM sources WHERE id = ?", (source,)).fetchone() == ("2017-03-22",)
    conn.close()
    assert _ingest(db_path, capsys, str(file), "--date", "2017-03-22").startswith(
        "0 events added, 0 updated, 1 already there")
    assert_consistent(db_path)


def test_json_says_the_report_was_re_dated(db_path: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")
    _ingest(db_path, capsys, str(file))
    assert main(["--db", str(db_path), "ingest", str(file), "--date", "2017-03-22", "--json"]) == 0
    assert "stored before dated 2017-03-20: its 1 events stored then were replaced" in capsys.readouterr().err


def test_a_long_report_says_it_takes_a_while(db_path: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "long.txt"
    file.write_text("The SAA captured Resafa.\n\n" + "The weather was mild.\n\n" * 9_000,
                    encoding="utf-8")  # 207,026 bytes
    assert main(["--db", str(db_path), "ingest", str(file), "--date", "2017-06-04", "--dry-run"]) == 0
    assert "long.txt: reading 0.21 MB of report; a report this long takes a while." in capsys.readouterr().err


@pytest.mark.parametrize("read_only", [False, True])
def test_a_dry_run_writes_nothing_even_a_new_place(db_path: Path, read_only: bool) -> None:
    """Deir Hafer is a gazetteer's place the store does not hold: the real run adds it; a dry run adds it
    and takes it back, or, on a store it cannot write, counts its event as new without it."""
    uri = f"file:{db_path}?mode=ro" if read_only else f"file:{db_path}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    places = conn.execute("SELECT count(*) FROM places").fetchone()
    report = ingest_text(conn, "The SAA captured the town of Deir Hafer.", date="2017-03-20", dry_run=True)
    assert (report.counts.added, report.counts.updated, report.counts.unchanged) == (1, 0, 0)
    assert conn.execute("SELECT count(*) FROM places").fetchone() == places and not conn.in_transaction
    conn.close()


# A new user's trial: a report ingested, then an ACLED file of its war imported, then the report again.
# The store now knew its city, so the event had another id, and the first reading's stayed beside it.
UKRAINE = ("Shelling in Kherson\n\nAt least one person was killed in Russian shelling of the southern "
           "city of Kherson on Friday, the regional governor said.\n")
ACLED_KHERSON = (
    "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,"
    "admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\n"
    "9100001,804,UKR1,1,20 September 2023,2023,1,Explosions/Remote violence,Shelling/artillery/missile "
    "attack,Military Forces of Russia (2000-),,8,Civilians (Ukraine),,7,78,Europe,Ukraine,Kherson,"
    "Khersonskyi,Kherson,Kherson,46.6354,32.6169,1,Ukrinform,National,"
    "\"On 20 September 2023, Russian forces shelled Kherson city.\",0,1700000000,UKR\n")


def test_a_report_read_again_once_the_store_knows_its_place_replaces_the_first_reading(
        db_path: Path, tmp_path: Path, capsys) -> None:
    report = tmp_path / "kherson.txt"
    report.write_text(UKRAINE, encoding="utf-8")
    first = _ingest(db_path, capsys, str(report), "--date", "2023-09-22")
    source = first.split("(source ")[1].split(")")[0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT place, area FROM events WHERE source = ?", (source,)).fetchall() == [
        (None, "Kherson")]
    conn.close()
    acled = tmp_path / "acled_kherson.csv"
    acled.write_text(ACLED_KHERSON, encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(acled)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "ingest", str(report), "--date", "2023-09-22", "--dry-run"]) == 0
    assert ("dry run: 1 events stored from an earlier reading of this report would be replaced by these"
            in capsys.readouterr().out)
    assert main(["--db", str(db_path), "ingest", str(report), "--date", "2023-09-22"]) == 0
    out = capsys.readouterr().out
    assert "1 events added" in out
    assert "1 events stored from an earlier reading of this report were replaced by these" in out
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT p.name, e.area FROM events e LEFT JOIN places p ON p.id = e.place "
                        "WHERE e.source = ?", (source,)).fetchall()
    conn.close()
    assert rows == [("Kherson", None)]  # one account of the shelling, at the place the store now knows
    assert _ingest(db_path, capsys, str(report), "--date", "2023-09-22").startswith(
        "0 events added, 0 updated, 1 already there")
    assert_consistent(db_path)
