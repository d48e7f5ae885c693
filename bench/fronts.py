"""Measure putting events on their fronts (db/fronts/assign.py) on a large store.

    python bench/make_events.py 1000000 /tmp/sitroom-1m.db    # once (about 4 minutes)
    python bench/fronts.py /tmp/sitroom-1m.db                 # changes the store's fronts, then undoes them

Each step is one transaction: the first reassignment of a store made before the rules (its events on
the fronts their places had), a reassignment with nothing to move, defining a front over a division
and a box over a busy area (the events they cover move onto them), removing both (they move back).
After each step the per-front tallies are checked against a count of the events.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from sitroom.db import Store


def exact(path: Path) -> bool:
    """The tallies' events per front equal the events' own count per front."""
    conn = sqlite3.connect(path)
    tallied = dict(conn.execute(
        "SELECT front, sum(n) FROM tallies WHERE key = '' GROUP BY front HAVING sum(n)"))
    counted = dict(conn.execute("SELECT front, count(*) FROM events GROUP BY front"))
    conn.close()
    return tallied == counted


def main(path: Path) -> None:
    store = Store(path)
    events = store.count()
    print(f"{events:,} events in {path}")

    def step(what: str, run) -> None:
        began = time.perf_counter()
        moved = run()
        seconds = time.perf_counter() - began
        print(f"{what:<58} {seconds:7.2f} s  {moved.moved:>9,} moved  tallies exact: {exact(path)}")

    step("reassign (the first time: fronts from the rules)", store.reassign_fronts)
    step("reassign again (nothing moves)", store.reassign_fronts)
    division, _ = store.define_front("Bench: Homs governorate", admin1="Homs")
    store.remove_front(division)
    step("define a front by division (Homs)",
         lambda: store.define_front("Bench: Homs governorate", admin1="Homs")[1])
    step("define a box over Raqqa and Tabqa", lambda: store.define_front("Bench: Raqqa–Tabqa",
                                                                       bbox="38.4,35.7,39.3,36.1")[1])
    for slug in ("bench-homs-governorate", "bench-raqqa-tabqa"):
        step(f"remove {slug}", lambda slug=slug: store.remove_front(slug)[1])
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
