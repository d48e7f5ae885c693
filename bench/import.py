"""Measure `sitroom import` side by side with SQLite's own loader and sqlite-utils, on the same file in
the same run (the budgets: within 5x of `sqlite3 .import`, ≥ 50,000 rows/s into a new store, ≥ 20,000
rows/s into the 1M store, a re-import of an unchanged file ≥ 100,000 rows/s, < 150 MB for 1M rows).

    python bench/import.py                       # 100k ACLED rows: sqlite3, sqlite-utils, sitroom, re-import
    python bench/import.py --store /tmp/bk/events-1000000.db   # and into (a copy of) the 1M store
    python bench/import.py --million             # and peak memory importing a 1,000,000-row file
    python bench/import.py --skip-linking        # each import without the linking pass after it

Each tool runs in a process of its own, so its peak RSS is its own (sitroom's import prepares a large
file's rows in a second process, db/files/worker.py: its peak RSS is given apart). Beside the wall-clock
time each row shows the CPU seconds the tool's processes spent (user + system): on a shared machine other
work stretches the wall clock, not the CPU time, so the ratio to sqlite3 is given for both. Each sitroom
row is followed by the file's rows alone: the whole call less the fronts' reassignment (db/fronts/, the
last step of the file's transaction) and the linking pass (db/happenings/) after it.
"""

from __future__ import annotations

import argparse
import os
import resource
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
# The seconds of the two steps Store.import_file takes after the file's own transaction are noted
# apart: the fronts' reassignment (db/fronts/) and the linking pass (db/happenings/).
SITROOM = """
import resource, sys, time, types
from sitroom.db import Store
import sitroom.db.store.facade as facade
steps = {"reassign": 0.0, "link_queued": 0.0}
if sys.argv[3] == "skip-linking":  # the events stay queued (the store is a copy, thrown away)
    facade.link_queued = lambda conn: types.SimpleNamespace(linked=0)
def timed(name, fn):
    def step(*args, **kwargs):
        began = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            steps[name] += time.perf_counter() - began
    return step
for name in steps:
    setattr(facade, name, timed(name, getattr(facade, name)))
import sitroom.db.fronts.assign as assign  # the fronts' step, inside the file's transaction (after_import)
assign.reassign = timed("reassign", assign.reassign)
store = Store(sys.argv[1])
began, cpu = time.perf_counter(), time.process_time()
report = store.import_file(sys.argv[2])
took, cpu = time.perf_counter() - began, time.process_time() - cpu
store.close()
c = report.counts
child = resource.getrusage(resource.RUSAGE_CHILDREN)  # the process preparing the rows (db/files/worker.py)
print(took, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, c.added, c.updated, c.unchanged,
      steps["reassign"], steps["link_queued"], child.ru_utime + child.ru_stime, child.ru_maxrss / 1024)
"""
OPEN_STORE = "import sys; from sitroom.db import Store; Store(sys.argv[1]).close()"
NEW_STORE = ("import sys; from pathlib import Path; from sitroom.db import create_store; "
             "create_store(Path(sys.argv[1]))")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the child's user + system) of running `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sqlite3_cli() -> str:
    found = shutil.which("sqlite3")
    if not found:
        raise SystemExit("sqlite3 (the command-line shell) is needed: apt-get install -y sqlite3")
    return found


def sitroom(store: Path, file: Path, link: bool = True) -> list[tuple[float, float, str]]:
    """Wall-clock and CPU seconds (both processes) of importing `file` into `store`, the whole call and
    the file's rows alone (without the fronts' reassignment, the last step of the file's transaction, and
    the linking pass after it)."""
    out = subprocess.run([sys.executable, "-c", SITROOM, str(store), str(file),
                          "link" if link else "skip-linking"], check=True, capture_output=True,
                         text=True).stdout.split()
    took, cpu, rss, fronts, linking, child_cpu, child_rss = (float(out[i]) for i in (0, 1, 2, 6, 7, 8, 9))
    counts = f"{int(out[3]):,} added, {int(out[4]):,} updated, {int(out[5]):,} unchanged"
    rss_note = f"peak RSS {rss:.0f} MB" + (f" (preparing process {child_rss:.0f} MB)" if child_cpu else "")
    # The steps after the transaction run in this process alone: their CPU is about their time.
    alone = (took - fronts - linking, cpu + child_cpu - fronts - linking,
             f"the file's transaction less its fronts step; {rss_note}"
             + (f"; preparing process {child_cpu:.2f} CPU s" if child_cpu else ""))
    whole = (took, cpu + child_cpu, f"{counts}; with fronts {fronts:.2f} s, "
             + (f"linking {linking:.2f} s" if link else "linking left out (queued)"))
    return [whole, alone]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="a large store to import into (a copy of it is used)")
    parser.add_argument("--million", action="store_true", help="also import a 1,000,000-row file")
    parser.add_argument("--skip-linking", action="store_true",
                        help="leave out the linking pass after each import (db/happenings/): the events stay "
                             "queued")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sitroom-import-"))
    rows: list[tuple[str, int, float, float, str]] = []  # (what, rows, seconds, CPU seconds, note)
    try:
        file = make_acled.write_file(work / "acled.csv", args.rows, seed=1)
        took, cpu = timed([sqlite3_cli(), str(work / "floor.db"), ".import --csv " + str(file) + " events"])
        rows.append(("sqlite3 .import --csv (raw rows, no indexes)", args.rows, took, cpu, ""))
        took, cpu = timed([str(BIN / "sqlite-utils"), "insert", str(work / "su.db"), "events", str(file),
                           "--csv"])
        rows.append(("sqlite-utils insert --csv", args.rows, took, cpu, ""))
        store = work / "new.db"
        subprocess.run([sys.executable, "-c", NEW_STORE, str(store)], check=True)
        link = not args.skip_linking
        for what, measured in zip(("sitroom import, new store", "  the import alone"),
                                  sitroom(store, file, link), strict=True):
            rows.append((what, args.rows, *measured))
        for what, measured in zip(("sitroom import, same file again", "  the import alone"),
                                  sitroom(store, file, link), strict=True):
            rows.append((what, args.rows, *measured))
        if args.store:
            big = work / "big.db"
            shutil.copy(args.store, big)  # never written to: the original stays as it is
            more = make_acled.write_file(work / "more.csv", args.rows, seed=2)
            subprocess.run([sys.executable, "-c", OPEN_STORE, str(big)], check=True)  # migrated first
            for what, measured in zip((f"sitroom import into {args.store.name}", "  the import alone"),
                                      sitroom(big, more, link), strict=True):
                rows.append((what, args.rows, *measured))
            big.unlink()
        if args.million:
            million = make_acled.write_file(work / "million.csv", 1_000_000, seed=3)
            store = work / "million.db"
            subprocess.run([sys.executable, "-c", NEW_STORE, str(store)], check=True)
            for what, measured in zip(("sitroom import, 1,000,000-row file", "  the import alone"),
                                      sitroom(store, million, link), strict=True):
                rows.append((what, 1_000_000, *measured))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor, floor_cpu = rows[0][1] / rows[0][2], rows[0][1] / rows[0][3]
    load = ", load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    table = Table(title=f"importing {args.rows:,} ACLED-shaped rows, {os.cpu_count()} cores{load}")
    for column in ("tool", "time", "rows/s", "× sqlite3", "CPU", "rows/CPU s", "× sqlite3 (CPU)", "note"):
        table.add_column(column, justify="left" if column in ("tool", "note") else "right")
    for what, n, took, cpu, note in rows:
        rate, cpu_rate = n / took, n / cpu
        table.add_row(what, f"{took:.2f} s", f"{rate:,.0f}", f"{floor / rate:.1f}", f"{cpu:.2f} s",
                      f"{cpu_rate:,.0f}", f"{floor_cpu / cpu_rate:.1f}", note)
    Console(width=200).print(table)
    print("budgets: new store ≥ 50,000 rows/s (within 5× of sqlite3); into the 1M store ≥ 20,000 rows/s; "
          "the same file again ≥ 100,000 rows/s; a 1,000,000-row file under 150 MB peak RSS")


if __name__ == "__main__":
    main()
