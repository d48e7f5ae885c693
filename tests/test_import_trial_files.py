"""Files as a new user brings them (a trial on real exports): a file cut short inside a quoted field,
semicolon- and tab-separated saves, and R's NA for a missing value. The rows are of ACLED 2022's shape
as R's write.csv and pandas write them."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import create_store
from sitroom.db.files import worker
from sitroom.db.files.formats import FORMATS
from sitroom.db.files.importing import import_file
from sitroom.db.files.reading import CUT_SHORT, header_names
from sitroom.db.write.fingerprints import Fingerprints
from sitroom.db.write.resolve import DEFAULT_MAX_KM
from sitroom.tui.cli import main

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
          "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
          "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
          "fatalities,tags,timestamp")
# As R's write.csv leaves them: NA for every missing cell, quotes only around the notes.
ROWS = (
    'BEN901,30 December 2022,2022,1,Political violence,Violence against civilians,Attack,'
    'Unidentified Armed Group (Benin),NA,3,Civilians (Benin),NA,7,37,Civilian targeting,204,'
    'Western Africa,Benin,Alibori,Karimama,NA,Karimama,12.0677,3.1868,1,Undisclosed Source,'
    'Local partner-Other,"On 30 December 2022, unidentified gunmen killed a herder near Karimama '
    '(Alibori, Benin).",1,NA,1673299200',
    'BEN902,29 December 2022,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Benin),'
    'Students (Benin),6,NA,NA,0,60,NA,204,Western Africa,Benin,Littoral,Cotonou,NA,Cotonou,6.3654,'
    '2.4183,1,La Nouvelle Tribune,National,"On 29 December 2022, students protested in Cotonou '
    '(Littoral) against a rise in fees.",0,crowd size=no report,1673299200',
    'BEN903,28 December 2022,2022,1,Political violence,Battles,Armed clash,Military Forces of Benin (2016-),'
    'NA,1,JNIM: Group for Support of Islam and Muslims,NA,2,12,NA,204,Western Africa,Benin,Atacora,'
    'Tanguieta,NA,Porga,11.0456,0.9742,2,Undisclosed Source,Local partner-Other,"On 28 December 2022, '
    'soldiers clashed with JNIM militants near Porga (Atacora). 2 fatalities.",2,NA,1673299200',
)


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "trial.db"
    create_store(path, bundled=False)
    return path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _events(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT source_event_id FROM events ORDER BY source_event_id")]


def _names(db: Path, table: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute(f"SELECT name FROM {table}")}


# -- a file cut short ------------------------------------------------------------------------------------

def _cut(tmp_path: Path) -> Path:
    whole = "\n".join((HEADER, *ROWS)) + "\n"
    return _write(tmp_path / "trunc.csv", whole[:whole.index("soldiers clashed")])  # inside the notes


def test_a_file_cut_inside_a_quoted_field_names_its_last_row(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    assert main(["import", str(_cut(tmp_path)), "--db", str(db)]) == 1
    said = capsys.readouterr()
    assert "trunc.csv, line 4: the file ends inside a quoted field: cut short?" in said.err
    assert _events(db) == ["BEN901", "BEN902"]


def test_strict_rejects_a_file_cut_inside_a_quoted_field(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    assert main(["import", str(_cut(tmp_path)), "--strict", "--db", str(db)]) == 2
    said = capsys.readouterr()
    assert "line 4: the file ends inside a quoted field: cut short?" in said.err
    assert "--strict: 1 bad rows" in said.err


def test_a_cut_file_prepared_by_a_second_process_names_its_last_row(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "WORKER_FROM", 1)  # the large-file path, on a small file
    db = _store(tmp_path)
    with sqlite3.connect(db, isolation_level=None) as conn:
        report = import_file(conn, _cut(tmp_path))
    assert [(b.line, b.reason) for b in report.bad] == [(4, CUT_SHORT)]
    assert report.counts.added == 2


# -- semicolons and tabs ---------------------------------------------------------------------------------

def _separated(by: str) -> str:
    """The rows as a European Excel (semicolons) or a TSV save writes them: fields separated by `by`,
    quoted only where a field holds it (a notes field holds `by` here)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=by, lineterminator="\r\n")
    for line in (HEADER, *ROWS):
        writer.writerow(next(csv.reader([line.replace("Alibori, Benin", f"Alibori{by} Benin")])))
    return out.getvalue()


@pytest.mark.parametrize(("by", "words", "name"), [(";", "semicolons", "semicolon.csv"),
                                                    ("\t", "tabs", "tab.tsv"), ("|", "pipes", "pipe.txt")])
def test_semicolon_and_tab_separated_files_are_read(tmp_path: Path, capsys, by: str, words: str,
                                                    name: str) -> None:
    db = _store(tmp_path)
    assert main(["import", str(_write(tmp_path / name, _separated(by))), "--db", str(db)]) == 0
    said = capsys.readouterr().out
    assert f"(acled, fields separated by {words})" in said
    assert _events(db) == ["BEN901", "BEN902", "BEN903"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT summary FROM events WHERE source_event_id = 'BEN901'").fetchone()[0] \
            .endswith(f"(Alibori{by} Benin).")


def test_a_named_format_reads_a_tab_separated_file(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    path = _write(tmp_path / "tab.tsv", _separated("\t"))
    assert main(["import", str(path), "--format", "acled", "--db", str(db)]) == 0
    assert "fields separated by tabs" in capsys.readouterr().out


def test_a_comma_file_is_not_said_to_be_separated(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    assert main(["import", str(_write(tmp_path / "a.csv", "\n".join((HEADER, *ROWS)))), "--db", str(db)]) == 0
    assert "separated" not in capsys.readouterr().out


# -- NA --------------------------------------------------------------------------------------------------

def test_r_na_is_read_as_missing_and_said(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    path = _write(tmp_path / "acled2022_benin_R.csv", "\n".join((HEADER, *ROWS)) + "\n")
    assert main(["import", str(path), "--db", str(db)]) == 0
    said = capsys.readouterr().out
    assert "NA read as empty" in said
    assert " NA," not in said and not said.rstrip().endswith(" NA")
    assert "NA" not in _names(db, "factions") | _names(db, "fronts") | _names(db, "places")
    with sqlite3.connect(db) as conn:
        parties = conn.execute(
            "SELECT f.name, ef.role FROM event_factions ef JOIN factions f ON f.slug = ef.faction "
            "JOIN events e ON e.id = ef.event WHERE e.source_event_id = 'BEN902'").fetchall()
    assert sorted(parties) == [("Protesters (Benin)", "actor"), ("Students (Benin)", "ally")]


def test_nan_and_na_in_a_pandas_file_are_missing_but_not_in_a_column_acled_does_not_define(
        tmp_path: Path) -> None:
    # pandas' to_csv(na_rep="NaN") with a column the user added: an alpha-2 country code, Namibia's NA.
    header = HEADER + ",iso2"
    rows = [row.replace(",NA,", ",NaN,") + ",NA" for row in ROWS]
    db = _store(tmp_path)
    with sqlite3.connect(db, isolation_level=None) as conn:
        report = import_file(conn, _write(tmp_path / "p.csv", "\n".join((header, *rows)) + "\n"))
        attributes = conn.execute("SELECT attributes FROM events WHERE source_event_id = 'BEN903'").fetchone()
    assert report.na_read > 0 and not report.bad
    assert "NaN" not in _names(db, "factions")
    assert '"iso2": "NA"' in attributes[0]
    assert "civilian_targeting" not in attributes[0]


def test_na_read_by_a_second_process_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "WORKER_FROM", 1)
    db = _store(tmp_path)
    with sqlite3.connect(db, isolation_level=None) as conn:
        report = import_file(conn, _write(tmp_path / "r.csv", "\n".join((HEADER, *ROWS)) + "\n"))
    assert report.na_read == 13 and "NA" not in _names(db, "factions")


# -- fingerprints ----------------------------------------------------------------------------------------

def _prints(conn: sqlite3.Connection) -> Fingerprints:
    header = header_names(next(csv.reader([HEADER])), FORMATS["acled"].ALIASES)
    return Fingerprints(conn, "acled", header, (None, DEFAULT_MAX_KM))


def test_a_comma_file_without_na_keeps_the_fingerprints_it_had(tmp_path: Path) -> None:
    rows = [row.replace(",NA", ",") for row in ROWS]
    db = _store(tmp_path)
    with sqlite3.connect(db, isolation_level=None) as conn:
        import_file(conn, _write(tmp_path / "a.csv", "\n".join((HEADER, *rows)) + "\n"))
        stored = conn.execute("SELECT row_hash FROM events WHERE source_event_id = 'BEN901'").fetchone()[0]
        assert stored == _prints(conn).of(rows[0] + "\n")  # the key and text as before semicolons and NA


def test_rows_a_store_read_before_na_was_empty_are_read_again(tmp_path: Path) -> None:
    db = _store(tmp_path)
    path = _write(tmp_path / "r.csv", "\n".join((HEADER, *ROWS)) + "\n")
    with sqlite3.connect(db, isolation_level=None) as conn:
        import_file(conn, path)
        prints = _prints(conn)
        for row in ROWS:  # the fingerprints an import before the NA rule wrote
            conn.execute("UPDATE events SET row_hash = ? WHERE source_event_id = ?",
                         (prints.of(row + "\n"), row.split(",")[0]))
        again = import_file(conn, path)
        assert again.na_read == 13  # every row read again, none skipped as known
        assert import_file(conn, path).na_read == 0  # ... and known from then on


def test_na_in_a_ucdp_file_written_by_r_is_missing(tmp_path: Path) -> None:
    # UCDP GED 23.1's CAR row as R's write.csv leaves it: adm_1, adm_2 and gwnob NA.
    real = Path(__file__).parent / "data" / "real" / "ucdp_ged_231_car.csv"
    header, row = real.read_text(encoding="utf-8").splitlines()[:2]
    row = row.replace(",CAR,,,7.0,", ",CAR,NA,NA,7.0,").removesuffix(",") + ",NA"
    db = _store(tmp_path)
    with sqlite3.connect(db, isolation_level=None) as conn:
        report = import_file(conn, _write(tmp_path / "ged.csv", f"{header}\n{row}\n"))
        attributes = conn.execute("SELECT attributes FROM events").fetchone()[0]
    assert report.na_read == 3 and not report.bad
    assert "gwnob" not in attributes and "adm_2" not in attributes
    assert "NA" not in _names(db, "places") | _names(db, "fronts")


def test_a_file_of_unknown_columns_is_told_how_its_header_was_split(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path / "other.csv", "Datum;Ort;Akteur\n2022-12-30;Karimama;NA\n")
    assert main(["import", str(path), "--db", str(tmp_path / "x.db")]) == 2
    assert "first line (its names separated by semicolons): expected ACLED" in capsys.readouterr().err
    assert main(["import", str(path), "--format", "acled", "--db", str(tmp_path / "x.db")]) == 2
    assert "missing columns (its names separated by semicolons): event_id_cnty" in capsys.readouterr().err
