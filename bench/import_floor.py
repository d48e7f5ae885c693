"""What SQLite alone needs to write what sitroom stores: the floor under `sitroom import`.

`sqlite3 .import --csv` writes a file's rows as one table of text with no index. A sitroom store holds
more for each event: the events table with its indexes, the event–faction rows, the faction keys, the
monthly tallies, the full-text index and the link queue (DESIGN.md's data model; the 1M-event budgets
are met by reading them). This script imports an ACLED-shaped file with sitroom, then writes the very
same rows into an empty store again with the `sqlite3` shell alone, no Python at all, the way the bulk
import writes them (db/write/bulk.py: triggers and indexes set aside, rows in order, the derived tables
set-based, indexes built at the end, one transaction). The front of each event, its side and its
fingerprint are copied, not computed: the floor is a little lower than any import could reach.

    python bench/import_floor.py             # 100,000 rows
    python bench/import_floor.py --rows 20000
    python bench/import_floor.py --store /tmp/bk/events-1000000.db   # and into (a copy of) a large store

It prints the CPU seconds of each step beside `sqlite3 .import` and `sitroom import` of the same file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import make_acled  # a sibling in bench/
from rich.console import Console
from rich.table import Table

_bench = importlib.import_module("import")  # bench/import.py: its name is a keyword
sitroom, sqlite3_cli, timed = _bench.sitroom, _bench.sqlite3_cli, _bench.timed

DERIVED_FROM = ("events", "event_factions", "event_keys")  # as db/write/bulk.py
COPIED = ("sources", "fronts", "places", "factions")  # what the import adds beside its events
# Steps of the replay, named by the first words of their statements.
STEPS = (("the events table", "INSERT INTO events "), ("event–faction rows", "INSERT INTO event_factions"),
         ("faction keys", "INSERT OR IGNORE INTO event_keys"), ("tallies", "INSERT INTO tallies"),
         ("full-text index", "INSERT INTO events_fts"), ("link queue", "INSERT OR IGNORE INTO link_queue"),
         ("indexes built", "CREATE INDEX"), ("commit", "COMMIT"))


def columns(conn: sqlite3.Connection, table: str) -> str:
    return ", ".join(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))


def replay_script(store: Path, source: Path, large: bool, cache_mib: int = 32) -> str:
    """The statements that write `source`'s events into `store`: a new store (`large` False: its indexes
    set aside and built again at the end) or one larger than the file (indexes kept, rows in date order),
    as db/write/bulk.py decides."""
    conn = sqlite3.connect(store)
    marks = ", ".join("?" * len(DERIVED_FROM))
    triggers = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            f"AND tbl_name IN ({marks})", DERIVED_FROM).fetchall()
    indexes = [] if large else conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})", DERIVED_FROM).fetchall()
    events = columns(conn, "events")
    conn.close()
    bucket = "key, front, event_type, certainty, month, day_precise, side"
    counted = f"ON CONFLICT ({bucket}) DO UPDATE SET n = n + excluded.n"
    lines = [f"ATTACH '{source}' AS src;", f"PRAGMA cache_size = -{cache_mib * 1024};", "BEGIN;",
             *(f'DROP TRIGGER "{name}";' for name, _ in triggers),
             *(f'DROP INDEX "{name}";' for name, _ in indexes),
             *(f"INSERT OR IGNORE INTO {t} SELECT * FROM src.{t};" for t in COPIED),
             ".timer on",
             f"INSERT INTO events (rowid, {events}) SELECT rowid, {events} FROM src.events WHERE true "
             f"ORDER BY {'date, rowid' if large else 'rowid'};",
             "INSERT INTO event_factions (event, faction, role) SELECT event, faction, role "
             "FROM src.event_factions ORDER BY 1, 2, 3;",
             "INSERT OR IGNORE INTO event_keys (event, key, date) SELECT ef.event, a.ancestor, e.date "
             "FROM src.event_factions ef JOIN faction_ancestors a ON a.faction = ef.faction "
             "JOIN src.events e ON e.id = ef.event ORDER BY 1, 2;",
             f"INSERT INTO tallies ({bucket}, n) SELECT '', front, event_type, certainty, "
             "substr(date, 1, 7), date_precision = 'day', side, count(*) FROM src.events "
             f"WHERE happening IS NULL GROUP BY 2, 3, 4, 5, 6, 7 {counted};",
             f"INSERT INTO tallies ({bucket}, n) SELECT k.key, e.front, e.event_type, e.certainty, "
             "substr(e.date, 1, 7), e.date_precision = 'day', e.side, count(*) FROM src.events e "
             "JOIN event_keys k ON k.event = e.id WHERE e.happening IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7 "
             f"{counted};",
             "INSERT INTO events_fts (rowid, summary, excerpt) SELECT rowid, summary, excerpt "
             "FROM src.events ORDER BY rowid;",
             "INSERT OR IGNORE INTO link_queue (id) SELECT id FROM src.events ORDER BY id;",
             *(sql.replace("\n", " ") + ";" for _, sql in indexes),
             ".timer off", *(sql + ";" for _, sql in triggers), ".timer on", "COMMIT;"]
    return "\n".join(lines) + "\n"


def emptied(store: Path) -> None:
    """`store` without events (a new store holds the founding report's): what the replay writes into."""
    conn = sqlite3.connect(store)
    with conn:
        conn.executescript("DELETE FROM link_queue; DELETE FROM event_factions; DELETE FROM event_keys; "
                           "DELETE FROM tallies; DELETE FROM events; "
                           "INSERT INTO events_fts (events_fts) VALUES ('delete-all');")
    conn.execute("VACUUM")
    conn.close()


def steps(output: str, script: str) -> list[tuple[str, float]]:
    """CPU seconds (user + sys) of each step, from the shell's `.timer` lines: one a statement run while
    the timer is on, in the script's order."""
    timing, timed_sql = False, []
    for line in script.splitlines():
        if line.startswith(".timer"):
            timing = line == ".timer on"
        elif timing:
            timed_sql.append(line)
    spent = [float(u) + float(s) for u, s in re.findall(r"user ([\d.]+) sys ([\d.]+)", output)]
    by_step: dict[str, float] = {}
    for sql, cpu in zip(timed_sql, spent, strict=True):
        name = next((name for name, first in STEPS if sql.startswith(first)), "other")
        by_step[name] = by_step.get(name, 0.0) + cpu
    return list(by_step.items())


def replayed(store: Path, source: Path, large: bool,
             cache_mib: int = 32) -> tuple[float, list[tuple[str, float]]]:
    """CPU seconds of writing `source`'s events into `store` with the sqlite3 shell, and of each step."""
    script = replay_script(store, source, large, cache_mib)
    before = os.times()
    done = subprocess.run([sqlite3_cli(), str(store)], input=script, text=True, capture_output=True)
    if done.returncode or done.stderr:
        raise SystemExit(f"the replay into {store} failed: {done.stderr.strip()}")
    out = done.stdout
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system), \
        steps(out, script)


def new_store(path: Path) -> Path:
    """A new store without the founding report's events: it will hold a file's events alone."""
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from sitroom.db "
                    "import create_store; create_store(Path(sys.argv[1]))", str(path)], check=True)
    emptied(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="also the floor into (a copy of) this large store")
    parser.add_argument("--cache-mib", type=int, default=32, help="SQLite's page cache for the replay into "
                        "the large store (the import's own is 32 MiB, db/write/bulk.py)")
    args = parser.parse_args()
    n = args.rows
    work = Path(tempfile.mkdtemp(prefix="sitroom-floor-"))
    table = Table(title=f"{n:,} ACLED-shaped rows, CPU seconds, {os.cpu_count()} cores")
    for column in ("what", "CPU", "rows/CPU s", "× sqlite3 .import"):
        table.add_column(column, justify="left" if column == "what" else "right")

    def row(what: str, cpu: float, rate: bool = True) -> None:
        table.add_row(what, f"{cpu:.2f} s", f"{n / cpu:,.0f}" if rate else "",
                      f"{cpu / raw_cpu:.1f}" if rate else "")

    try:
        file = make_acled.write_file(work / "acled.csv", n, seed=1)
        raw_took, raw_cpu = timed([sqlite3_cli(), str(work / "raw.db"), ".import --csv " + str(file) + " e"])
        row("sqlite3 .import --csv (raw text rows, no index)", raw_cpu)
        new = new_store(work / "new.db")
        whole, alone = sitroom(new, file, link=False)
        empty = new_store(work / "empty.db")
        floor, spent = replayed(empty, new, large=False)
        row("sitroom's store written by SQLite alone (the floor)", floor)
        for name, cpu in spent:
            row(f"  {name}", cpu, rate=False)
        row("sitroom import, new store (both processes)", alone[1])
        row("  … with its fronts", whole[1])
        if args.store:
            more = make_acled.write_file(work / "more.csv", n, seed=2)
            source = new_store(work / "more.db")
            sitroom(source, more, link=False)
            big = work / "big.db"
            shutil.copy(args.store, big)  # never written to: the original stays as it is
            subprocess.run([sys.executable, "-c", "import sys; from sitroom.db import Store; "
                            "Store(sys.argv[1]).close()", str(big)], check=True)  # migrated first
            floor, spent = replayed(big, source, large=True, cache_mib=args.cache_mib)
            row(f"into {args.store.name}, by SQLite alone (the floor, {args.cache_mib} MiB cache)", floor)
            for name, cpu in spent:
                row(f"  {name}", cpu, rate=False)
            big.unlink()
            shutil.copy(args.store, big)
            whole, alone = sitroom(big, more, link=False)
            row(f"sitroom import into {args.store.name} (both processes)", alone[1])
            row("  … with its fronts", whole[1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    Console(width=140).print(table)
    print(f"sqlite3 .import took {raw_took:.2f} s. The budgets: within 5× of it into a new store (≥ 50,000 "
          "rows/s), ≥ 20,000 rows/s into the 1M store.")


if __name__ == "__main__":
    main()
