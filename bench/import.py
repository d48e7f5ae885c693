"""Measure `sitroom import` side by side with SQLite's own loader and sqlite-utils, on the same file in
the same run (the budgets: within 5x of `sqlite3 .import`, ≥ 50,000 rows/s into a new store, ≥ 20,000
rows/s into the 1M store, a re-import of an unchanged file ≥ 100,000 rows/s, < 150 MB for 1M rows).

    python bench/import.py                       # 100k ACLED rows: sqlite3, sqlite-utils, sitroom, re-import
    python bench/import.py --store /tmp/bk/events-1000000.db   # and into (a copy of) the 1M store
    python bench/import.py --million             # and peak memory importing a 1,000,000-row file

Each tool runs in a process of its own, so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import make_acled  # a sibling in bench/
from rich.console import Console
from rich.table import Table

BIN = Path(sys.executable).parent
# Runs in a child: import FILE into STORE, print seconds and peak RSS (MB).
SITROOM = """
import resource, sys, time
from sitroom.db import Store
store = Store(sys.argv[1])
began = time.perf_counter()
report = store.import_file(sys.argv[2])
took = time.perf_counter() - began
store.close()
c = report.counts
print(took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, c.added, c.updated, c.unchanged)
"""
NEW_STORE = ("import sys; from pathlib import Path; from sitroom.db import create_store; "
             "create_store(Path(sys.argv[1]))")


def write_acled(path: Path, n: int, seed: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(make_acled.HEADER)
        for i, row in enumerate(make_acled.rows(n, seed=seed)):
            row[0] = f"SYR{seed}-{i}"
            writer.writerow(row)
    return path


def timed(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - began


def sqlite3_cli() -> str:
    found = shutil.which("sqlite3")
    if not found:
        raise SystemExit("sqlite3 (the command-line shell) is needed: apt-get install -y sqlite3")
    return found


def sitroom(store: Path, file: Path) -> tuple[float, float, str]:
    out = subprocess.run([sys.executable, "-c", SITROOM, str(store), str(file)], check=True,
                         capture_output=True, text=True).stdout.split()
    took, rss = float(out[0]), float(out[1])
    return took, rss, f"{int(out[2]):,} added, {int(out[3]):,} updated, {int(out[4]):,} unchanged"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="a large store to import into (a copy of it is used)")
    parser.add_argument("--million", action="store_true", help="also import a 1,000,000-row file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sitroom-import-"))
    rows: list[tuple[str, int, float, str]] = []  # (what, rows, seconds, note)
    try:
        file = write_acled(work / "acled.csv", args.rows, seed=1)
        took = timed([sqlite3_cli(), str(work / "floor.db"), ".import --csv " + str(file) + " events"])
        rows.append(("sqlite3 .import --csv (raw rows, no indexes)", args.rows, took, ""))
        took = timed([str(BIN / "sqlite-utils"), "insert", str(work / "su.db"), "events", str(file), "--csv"])
        rows.append(("sqlite-utils insert --csv", args.rows, took, ""))
        store = work / "new.db"
        subprocess.run([sys.executable, "-c", NEW_STORE, str(store)], check=True)
        took, rss, note = sitroom(store, file)
        rows.append(("sitroom import, new store", args.rows, took, f"{note}; peak RSS {rss:.0f} MB"))
        took, rss, note = sitroom(store, file)
        rows.append(("sitroom import, same file again", args.rows, took, f"{note}; peak RSS {rss:.0f} MB"))
        if args.store:
            big = work / "big.db"
            shutil.copy(args.store, big)  # never written to: the original stays as it is
            more = write_acled(work / "more.csv", args.rows, seed=2)
            took, rss, note = sitroom(big, more)
            rows.append((f"sitroom import into {args.store.name}", args.rows, took,
                         f"{note}; peak RSS {rss:.0f} MB"))
            big.unlink()
        if args.million:
            million = write_acled(work / "million.csv", 1_000_000, seed=3)
            store = work / "million.db"
            subprocess.run([sys.executable, "-c", NEW_STORE, str(store)], check=True)
            took, rss, note = sitroom(store, million)
            rows.append(("sitroom import, 1,000,000-row file", 1_000_000, took,
                         f"{note}; peak RSS {rss:.0f} MB"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor = rows[0][1] / rows[0][2]
    table = Table(title=f"importing {args.rows:,} ACLED-shaped rows, {os.cpu_count()} cores")
    for column in ("tool", "time", "rows/s", "x slower than sqlite3", "note"):
        table.add_column(column, justify="left" if column in ("tool", "note") else "right")
    for what, n, took, note in rows:
        rate = n / took
        table.add_row(what, f"{took:.2f} s", f"{rate:,.0f}", f"{floor / rate:.1f}", note)
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
