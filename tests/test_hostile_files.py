"""Hostile files and careless commands (issue 13): nothing raw reaches the terminal, nothing the user
did not name is written over, and every failure is one sentence with the right exit code.

Commands run as a user runs them, in a subprocess. Read-only files are made read-only for real: as
root, file modes are not enforced, so the subprocess drops the capability that overrides them. A full
disk is a file-size limit on the subprocess.
"""

from __future__ import annotations

import csv
import ctypes
import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sitroom.db import EventFilter, FilterError, Store

DATA = Path(__file__).parent / "data"
ACLED = DATA / "acled_syria.csv"
REPORT = DATA / "000_848b1a6e00f665fa.txt"
RAW = ("\x1b", "\x07", "\x9b", "\x9d", "\x90", "\u202e", "\u2066")


def _drop_file_override() -> None:
    """As root, give up the capabilities that ignore file modes (CAP_DAC_OVERRIDE, _READ_SEARCH)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability for the test")


def sitroom(*args: str, home: Path, readonly: bool = False, max_file_bytes: int | None = None,
            stdout=subprocess.PIPE, stdin: str | None = None) -> subprocess.CompletedProcess:
    def limits() -> None:
        if readonly:
            _drop_file_override()
        if max_file_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "sitroom.tui.cli", *args], preexec_fn=limits,
                          env=env, stdout=stdout, stderr=subprocess.PIPE, text=True, input=stdin,
                          timeout=120)


def said(result: subprocess.CompletedProcess) -> str:
    return (result.stdout or "") + result.stderr


def assert_clean(text: str) -> None:
    assert not [ch for ch in RAW if ch in text], repr(text[:2000])
    assert "Traceback" not in text, text


def one_sentence(result: subprocess.CompletedProcess) -> str:
    """The failure message: one line on standard error, naming the command."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sitroom"), lines[0]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return path


def event(**fields: object) -> dict:
    base = {"date": "2017-06-30", "front": "raqqa", "summary": "Clashes near the city.",
            "event_type": "clashes", "certainty": "confirmed", "source": "swr-2017-06-30"}
    return {**base, **fields}


def rows_of(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# -- 1–3: bytes from a file never reach the terminal or the store raw ------------------------------


def test_1_escapes_in_a_front_slug_are_cleaned_on_the_way_in(db_path: Path, home: Path, tmp_path) -> None:
    osc52 = "raqqa\u001b]52;c;SGVsbG8=\u0007"
    file = jsonl(tmp_path / "f.jsonl", event(front=osc52, front_name="Raq\u001b[31mqa", lat=35.9, lon=39.0),
                 event(front="evil\u001b[31m", front_name="Evil\u009b2J front", summary="Other."))
    result = sitroom("--db", str(db_path), "import", str(file), home=home)
    assert result.returncode == 0, said(result)
    assert_clean(said(result))
    for slug, name in rows_of(db_path, "SELECT slug, name FROM fronts"):
        assert_clean(slug + name)
    fronts = {r[0] for r in rows_of(db_path, "SELECT slug FROM fronts")}
    assert {r[0] for r in rows_of(db_path, "SELECT DISTINCT front FROM events")} <= fronts


def test_2_escapes_in_an_id_never_reach_stdout(db_path: Path, home: Path, tmp_path) -> None:
    file = jsonl(tmp_path / "id.jsonl", event(id="id\u001b[31mX\u001b]8;;http://e\u001b\\", summary="Marker"))
    assert sitroom("--db", str(db_path), "import", str(file), home=home).returncode == 0
    ids = [r[0] for r in rows_of(db_path, "SELECT id FROM events WHERE summary = 'Marker'")]
    assert len(ids) == 1
    assert_clean(ids[0])
    exported = sitroom("--db", str(db_path), "export", "--search", "Marker", home=home)
    assert exported.returncode == 0 and "Marker" in exported.stdout
    assert_clean(said(exported))


def test_3_a_file_name_with_escapes_is_shown_clean(db_path: Path, home: Path, tmp_path) -> None:
    named = tmp_path / "evil\u001b]52;c;SGVsbG8=\u0007\u001b[2J.csv"
    shutil.copy(ACLED, named)
    result = sitroom("--db", str(db_path), "import", str(named), home=home)
    assert result.returncode == 1  # the sample's bad rows are named and skipped
    assert_clean(said(result))
    assert "evil.csv, line 6: event_date" in result.stderr
    missing = sitroom("--db", str(db_path), "import", str(tmp_path / "no\u001b[31mfile.csv"), home=home)
    assert missing.returncode == 2
    assert_clean(said(missing))
    assert "nofile.csv" in one_sentence(missing) or "no" in one_sentence(missing)


# -- 4–5: no command destroys a file it was not asked to write -------------------------------------


def test_4_export_never_writes_onto_the_store(db_path: Path, home: Path) -> None:
    Store(db_path).close()  # in WAL mode, as any store once opened
    before = digest(db_path)
    for target in (db_path, db_path.with_name(db_path.name + "-wal")):
        result = sitroom("--db", str(db_path), "export", "-o", str(target), "--force", home=home)
        assert result.returncode == 2
        assert "store" in one_sentence(result)
    assert digest(db_path) == before
    assert Store(db_path).count() == 24


def test_4_export_never_writes_over_another_database(db_path: Path, home: Path, tmp_path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = digest(other)
    result = sitroom("--db", str(db_path), "export", "-o", str(other), "--force", home=home)
    assert result.returncode == 2 and "database" in one_sentence(result)
    assert digest(other) == before


@pytest.mark.parametrize("bad", [["--faction", "nosuch"], ["--since", "2017-07-01", "--until", "2017-06-01"],
                                 ["--since", "not a date"]])
def test_5_a_refused_export_leaves_the_existing_file(db_path: Path, home: Path, tmp_path, bad) -> None:
    existing = tmp_path / "existing.csv"
    existing.write_text("precious work\n")
    result = sitroom("--db", str(db_path), "export", "-o", str(existing), "--force", *bad, home=home)
    assert result.returncode == 2
    one_sentence(result)
    assert existing.read_text() == "precious work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.csv", "home", "sitroom.db"]


def test_5_an_existing_file_is_replaced_only_with_force(db_path: Path, home: Path, tmp_path) -> None:
    existing = tmp_path / "brief.md"
    existing.write_text("yesterday's brief\n")
    refused = sitroom("--db", str(db_path), "export", "-o", str(existing), "--format", "markdown", home=home)
    assert refused.returncode == 2 and "--force" in one_sentence(refused)
    assert existing.read_text() == "yesterday's brief\n"
    done = sitroom("--db", str(db_path), "export", "-o", str(existing), "--format", "markdown", "--force",
                   home=home)
    assert done.returncode == 0, said(done)
    assert existing.read_text().startswith("# sitroom brief")
    assert oct(existing.stat().st_mode & 0o777) != "0o600"  # an ordinary file, not a temporary one


def test_5_an_export_that_fills_the_disk_leaves_nothing(db_path: Path, home: Path, tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    result = sitroom("--db", str(db_path), "export", "-o", str(target), "--format", "jsonl", home=home,
                     max_file_bytes=3000)
    assert result.returncode == 2, said(result)
    assert_clean(said(result))
    one_sentence(result)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_17_export_to_a_full_standard_output_says_so(db_path: Path, home: Path) -> None:
    with open("/dev/full", "w") as full:
        result = sitroom("--db", str(db_path), "export", home=home, stdout=full)
    assert result.returncode == 2
    message = one_sentence(result)
    assert "standard output" in message and "None" not in message


# -- 6–8: rows of a shape no check foresaw are named rows -----------------------------------------


def _acled_rows(path: Path, fatalities: list[str]) -> Path:
    with ACLED.open(encoding="utf-8", errors="replace") as f:
        header, first = next(csv.reader(f)), None
        for row in csv.reader(f):
            if row and row[header.index("event_id_cnty")] == "SYR11001":
                first = row
    assert first is not None
    column = header.index("fatalities")
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for n, value in enumerate(fatalities):
            row = list(first)
            row[header.index("event_id_cnty")] = f"SYR9{n:04d}"
            row[column] = value
            writer.writerow(row)
    return path


def test_6_absurd_fatalities_are_named_rows(db_path: Path, home: Path, tmp_path) -> None:
    file = _acled_rows(tmp_path / "f.csv", ["3", "1e20", "9223372036854775807", "-4", "12"])
    result = sitroom("--db", str(db_path), "import", str(file), home=home)
    assert result.returncode == 1, said(result)
    assert_clean(said(result))
    for line in (3, 4, 5):
        assert f"line {line}: fatalities" in result.stderr, result.stderr
    assert "events added  " in result.stdout.replace("│", " ") or "2" in result.stdout
    assert rows_of(db_path, "SELECT count(*) FROM events")[0][0] == 26


def test_7_ids_of_other_types(db_path: Path, home: Path, tmp_path) -> None:
    file = jsonl(tmp_path / "ids.jsonl", event(id=12345, summary="Numbered"),
                 event(id=[1, 2], summary="Listed"), event(id={"a": 1}, summary="Object"),
                 event(summary="Plain"))
    result = sitroom("--db", str(db_path), "import", str(file), home=home)
    assert result.returncode == 1, said(result)
    assert "line 2: id" in result.stderr and "line 3: id" in result.stderr
    assert rows_of(db_path, "SELECT id FROM events WHERE summary = 'Numbered'") == [("12345",)]
    assert rows_of(db_path, "SELECT count(*) FROM events WHERE summary = 'Plain'") == [(1,)]


@pytest.mark.parametrize("depth", [100_000, 990])  # past json's own limit; within it, past cleaning's
def test_8_json_nested_too_deep_is_a_named_row(db_path: Path, home: Path, tmp_path, depth: int) -> None:
    deep = "[" * depth + "]" * depth
    file = jsonl(tmp_path / "deep.jsonl", event(summary="Before"), '{"summary": ' + deep + "}",
                 event(summary="After"))
    result = sitroom("--db", str(db_path), "import", str(file), home=home)
    assert result.returncode == 1, said(result)
    assert_clean(said(result))
    assert "line 2:" in result.stderr and "deep" in result.stderr
    assert rows_of(db_path, "SELECT count(*) FROM events WHERE summary IN ('Before', 'After')") == [(2,)]


# -- 9–10: dates at the ends of the calendar -------------------------------------------------------


@pytest.mark.parametrize(("flag", "value", "events"), [
    ("--until", "9999-12-31", 24), ("--since", "9999-12-02", 0), ("--since", "0001-01-01", 24)])
def test_9_dates_at_the_end_of_time(db_path: Path, home: Path, flag: str, value: str, events: int) -> None:
    result = sitroom("--db", str(db_path), "export", "--format", "jsonl", flag, value, home=home)
    assert result.returncode == 0, said(result)
    assert len(result.stdout.splitlines()) == events
    store = Store(db_path)
    f = EventFilter(**{flag.strip("-"): value})
    assert store.facets(f).total == store.count(f) == events
    store.close()


# -- 11–14, 18–19: stores that cannot be written, or are not sitroom's -----------------------------


def _read_only(path: Path) -> None:
    path.chmod(0o444)
    path.parent.chmod(0o555)


def test_11_ingest_and_import_into_a_read_only_store(db_path: Path, home: Path, tmp_path) -> None:
    Store(db_path).close()
    for sidecar in db_path.parent.glob(db_path.name + "-*"):
        sidecar.unlink()
    _read_only(db_path)
    try:
        ingest = sitroom("--db", str(db_path), "ingest", str(REPORT), home=home, readonly=True)
        assert ingest.returncode == 2, said(ingest)
        assert "read-only" in one_sentence(ingest) or "not writable" in one_sentence(ingest)
        imported = sitroom("--db", str(db_path), "import", str(ACLED), home=home, readonly=True)
        assert imported.returncode == 2, said(imported)
        message = one_sentence(imported)
        assert "Nothing was imported" in message and "×" not in message
        exported = sitroom("--db", str(db_path), "export", home=home, readonly=True)
        assert exported.returncode == 0, said(exported)  # reading needs no write
        assert len(exported.stdout.splitlines()) == 25
    finally:
        db_path.parent.chmod(0o755)


def test_12_a_new_store_in_a_read_only_folder(home: Path, tmp_path) -> None:
    folder = tmp_path / "rodir"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = sitroom("import", str(ACLED), "--db", str(folder / "new.db"), home=home, readonly=True)
        assert result.returncode == 2, said(result)
        assert "rodir" in one_sentence(result) and "permission" in one_sentence(result)
    finally:
        folder.chmod(0o755)


def test_13_a_full_disk_when_the_default_store_is_made(home: Path) -> None:
    result = sitroom("export", home=home, max_file_bytes=8192)
    assert result.returncode == 2, said(result)
    assert "full" in one_sentence(result)
    assert not [p for p in home.rglob("*") if p.is_file()]  # no half-written store left behind


def test_13_a_full_disk_during_ingest(db_path: Path, home: Path) -> None:
    Store(db_path).close()
    result = sitroom("--db", str(db_path), "ingest", str(REPORT), home=home,
                     max_file_bytes=40_000)  # room for the shared-memory file, not the write-ahead log
    assert result.returncode == 2, said(result)
    assert "full" in one_sentence(result)
    assert Store(db_path).count() == 24


def test_14_a_home_that_cannot_be_written(home: Path) -> None:
    home.chmod(0o555)
    try:
        for args, code in ((["export"], 2), (["import", str(ACLED)], 2), ([], 1)):
            result = sitroom(*args, home=home, readonly=True)
            assert result.returncode == code, said(result)
            assert "permission" in one_sentence(result), args
    finally:
        home.chmod(0o755)


def test_18_another_programs_database_is_not_touched(home: Path, tmp_path) -> None:
    foreign = tmp_path / "app.db"
    conn = sqlite3.connect(foreign)
    conn.executescript("PRAGMA user_version = 3; CREATE TABLE events (id TEXT, date TEXT);"
                       "CREATE TABLE fronts (slug TEXT); INSERT INTO events VALUES ('a', '2020-01-01');")
    conn.close()
    before = digest(foreign)
    for args in (["export"], ["import", str(ACLED)], ["ingest", str(REPORT)]):
        result = sitroom("--db", str(foreign), *args, home=home)
        assert result.returncode == 2, said(result)
        assert "not a sitroom store" in one_sentence(result)
    assert digest(foreign) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "home", "sitroom.db"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "home"]


def test_19_a_read_only_store_can_still_be_read(db_path: Path, home: Path, tmp_path) -> None:
    # A store as first made (not yet in WAL mode), then one in WAL mode, each read-only in a
    # read-only folder.
    fresh = tmp_path / "fresh" / "s.db"
    fresh.parent.mkdir()
    shutil.copy(db_path, fresh)
    used = tmp_path / "used" / "s.db"
    used.parent.mkdir()
    shutil.copy(db_path, used)
    Store(used).close()
    for sidecar in used.parent.glob("s.db-*"):
        sidecar.unlink()
    for store in (fresh, used):
        _read_only(store)
        try:
            result = sitroom("--db", str(store), "export", "--format", "jsonl", home=home, readonly=True)
            assert result.returncode == 0, said(result)
            assert len(result.stdout.splitlines()) == 24
        finally:
            store.parent.chmod(0o755)


# -- 15–16: names that look like markup, state of the wrong type ----------------------------------


def test_15_a_file_name_that_looks_like_markup(db_path: Path, home: Path, tmp_path) -> None:
    folder = tmp_path / "x["
    folder.mkdir()
    shutil.copy(ACLED, folder / "]y.csv")
    result = sitroom("--db", str(db_path), "import", str(folder / "]y.csv"), home=home)
    assert result.returncode == 1, said(result)
    assert "x[/]y.csv" in said(result)


# -- 20–22: huge fields, huge reports, searches with no words --------------------------------------


def test_20_huge_fields_are_stored_within_their_limit(store: Store, tmp_path) -> None:
    from sitroom.db import FIELD_LIMITS

    file = jsonl(tmp_path / "huge.jsonl", event(summary="S" * 3_000_000, excerpt="E" * 3_000_000))
    report = store.import_file(file)
    assert report.counts.added == 1, report.bad
    [(summary, excerpt)] = store.db.conn.execute(
        "SELECT summary, excerpt FROM events WHERE summary LIKE 'SSS%'").fetchall()
    assert len(summary) <= FIELD_LIMITS["summary"] and summary.endswith("characters cut]")
    assert len(excerpt) <= FIELD_LIMITS["excerpt"] and excerpt.endswith("characters cut]")


def test_21_a_huge_report_says_what_it_added(db_path: Path, home: Path, tmp_path) -> None:
    report = REPORT.read_text(encoding="utf-8")
    repeated = tmp_path / "repeated.txt"
    repeated.write_text("\n\n".join([report] * 40), encoding="utf-8")
    before = rows_of(db_path, "SELECT count(*) FROM events")[0][0]
    result = sitroom("--db", str(db_path), "ingest", str(repeated), home=home)
    assert result.returncode == 0, said(result)
    grown = rows_of(db_path, "SELECT count(*) FROM events")[0][0] - before
    assert f"{grown} events added" in result.stdout, result.stdout[-500:]


def test_21_a_report_too_large_is_refused_in_words(db_path: Path, home: Path, tmp_path) -> None:
    from sitroom.db import MAX_REPORT_BYTES

    huge = tmp_path / "huge.txt"
    huge.write_text("The SAA captured Jobar. " * (MAX_REPORT_BYTES // 24 + 10), encoding="utf-8")
    result = sitroom("--db", str(db_path), "ingest", str(huge), home=home)
    assert result.returncode == 2
    assert "MB" in one_sentence(result)


@pytest.mark.parametrize("text", ["*", "%", "🔥", "-+-", "\u202e"])
def test_22_a_search_without_words_is_refused(store: Store, db_path: Path, home: Path, text: str) -> None:
    with pytest.raises(FilterError, match="no words"):
        store.count(EventFilter(text=text))
    result = sitroom("--db", str(db_path), "export", f"--search={text}", home=home)
    assert result.returncode == 2 and "no words" in one_sentence(result)
    assert result.stdout == ""


def test_a_failed_import_into_a_new_store_leaves_no_store(home: Path, tmp_path) -> None:
    unreadable = tmp_path / "notes.csv"
    unreadable.write_text("a,b\n1,2\n")
    for args in ([], ["--strict"]):
        target = tmp_path / "new.db"
        source = unreadable if not args else ACLED  # the sample has bad rows: --strict rejects it
        result = sitroom("import", str(source), "--db", str(target), *args, home=home)
        assert result.returncode == 2, said(result)
        assert not list(tmp_path.glob("new.db*")), args


@pytest.mark.parametrize("text", ["x" * 5_000, "word " * 1_000, "a" + " " * 4_000 + "b" * 100])
def test_20_a_cut_says_exactly_how_much_it_cut(text: str) -> None:
    from sitroom.db import bounded

    cut = bounded(text, 300)
    kept, note = cut.split("… [")
    assert len(cut) <= 300
    assert int(note.removesuffix(" characters cut]").replace(",", "")) == len(text) - len(kept)
