"""Measure sitroom against its speed budgets (at 1M events: first screen < 1.5 s, a redraw < 100 ms,
memory < 250 MB), on stores of 10k, 100k and 1M events.

    python bench/run.py                 # 10k, 100k and 1M (about 5 minutes on 2 cores)
    python bench/run.py --sizes 10000   # just one size
    python bench/run.py --keep DIR      # keep (and reuse) the generated stores in DIR
    python bench/run.py --import        # then bench/import.py: sitroom vs sqlite3 vs sqlite-utils,
                                        # into the largest store, and a 1,000,000-row file

Each figure is the median of several runs. "timeline" is what a key press waits for before the
timeline redraws; "counts" is the front counts and facets that follow it in a second worker.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Siblings in bench/ (a script's own folder is on its path); sitroom itself is the installed package.
import make_acled  # noqa: E402
import make_events  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from sitroom.db import EventFilter, Store  # noqa: E402
from sitroom.db.files.importing import import_file  # noqa: E402
from sitroom.db.geography import syria  # noqa: E402
from sitroom.tui.map_canvas import Frame, draw  # noqa: E402
from sitroom.tui.widgets.map import MapLayers, MapView  # noqa: E402

RUNS = 5
BROAD = ("two factions (SAA or ISIS)", "search “shelled”")  # counted exactly only in the background
LAUNCH = """
import sys, time, asyncio, resource
began = time.perf_counter()
from sitroom.db import Store
from sitroom.tui.app import SitroomApp
from sitroom.tui.state import StateFile
from textual.worker import WorkerCancelled

async def main():
    app = SitroomApp(Store(sys.argv[1]), StateFile(None))
    async with app.run_test(size=(160, 45)) as pilot:
        while not app.timeline.table.row_count:
            await pilot.pause(0.005)
        drawn = time.perf_counter() - began
        while any(w.is_running for w in app.workers):  # a worker superseded by a newer one is cancelled
            try:
                await app.workers.wait_for_complete()
            except WorkerCancelled:
                pass
        counted = time.perf_counter() - began
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{drawn} {counted} {rss}")

asyncio.run(main())
"""


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def launch(path: Path) -> tuple[float, float, float]:
    """Seconds to the first drawn screen, seconds until the counts are in, peak RSS in MB (medians)."""
    results = []
    for _ in range(3):
        began = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", LAUNCH, str(path)], capture_output=True, text=True,
                             cwd=ROOT, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if out.returncode:
            raise SystemExit(f"launching the browser on {path} failed:\n{out.stderr[-3000:]}")
        startup = time.perf_counter() - began
        drawn, counted, rss = map(float, out.stdout.split())
        # Interpreter start-up happens before `began` in the child; count it by the outside clock.
        overhead = startup - counted
        results.append((drawn + max(0.0, overhead), counted + max(0.0, overhead), rss))
    return tuple(statistics.median(r[i] for r in results) for i in range(3))  # type: ignore[return-value]


def draw_map(store: Store, day: str) -> None:
    """What the map pane does with its layers: marks and legend, then the braille canvas."""
    view = MapView(day, store.holdings(day), store.page(EventFilter(), limit=1000).rows)
    places = {p.id: p for p in store.places()}
    marks, _ = MapLayers(view, places, {f.slug: f for f in store.factions()}, store.blocs()).build()
    draw(syria(), Frame.around(syria().bbox, 70, 26), marks)


def measure(size: int, path: Path) -> list[tuple[str, float, float, str]]:
    """(what, figure, budget, unit) rows for one store."""
    rows: list[tuple[str, float, float, str]] = []
    drawn, counted, rss = launch(path)
    rows.append(("launch → first screen drawn", drawn * 1000, 1500, "ms"))
    rows.append(("launch → counts in", counted * 1000, 1500, "ms"))
    store = Store(path)
    front = store.fronts()[0].slug
    # The filters the timeline's index tests rather than seeks (schema 7): the rarest of each is the
    # most of that index a page reads.
    rarest = lambda fs: min(fs, key=store.count)  # noqa: E731
    small_front = rarest([EventFilter(fronts=[f.slug]) for f in store.fronts()])
    rare_type = rarest([EventFilter(types=[t]) for t in store.event_types()])
    last = store.date_span()[1]
    mid_month = f"{last[:7]}-14"
    views = {
        "front change": EventFilter(fronts=[front]),
        "the front with fewest events": small_front,
        "the rarest event type": rare_type,
        "certainty (rumoured)": EventFilter(certainty=["rumoured"]),
        "faction toggle (SAA and units)": EventFilter(factions=["saa"]),
        "faction toggle (Faylaq al-Rahman)": EventFilter(factions=["faylaq-al-rahman"]),
        "two factions (SAA or ISIS)": EventFilter(factions=["saa", "isis"]),
        "search “shelled”": EventFilter(text="shelled"),
        "search “Humaima”": EventFilter(text="Humaima"),
        "as of a day (mid-month)": EventFilter(until=mid_month),
        "as of a day, SAA": EventFilter(factions=["saa"], until=mid_month),
    }
    for label, f in views.items():
        rows.append((f"{label}: timeline", median_ms(lambda f=f: store.page(f, limit=100)), 100, "ms"))
        exact = lambda f=f: (store.front_counts(f.but(fronts=())), store.facets(f))  # noqa: E731
        if label in BROAD:
            # Where the store estimates, the screen shows the marked estimate first, exact after.
            on_screen = (lambda f=f: store.estimate(f)) if store.estimate(f) else exact
            rows.append((f"{label}: counts on screen (≈ on large stores)", median_ms(on_screen, runs=3),
                         100, "ms"))
            rows.append((f"{label}: exact counts, which follow", median_ms(exact, runs=1),
                         float("nan"), "ms"))
        else:
            rows.append((f"{label}: counts", median_ms(exact, runs=3), 100, "ms"))
    rows.append(("faction toggle in the picker (per-faction counts)", median_ms(
        lambda: store.facets(EventFilter(factions=["saa"]), factions=True), runs=3), 100, "ms"))
    rows.append(("map: layers (1,000 latest events, holdings)", median_ms(
        lambda: (store.page(EventFilter(), limit=1000), store.holdings(last)), runs=3), 100, "ms"))
    rows.append(("map: draw (70 × 26 cells)", median_ms(lambda: draw_map(store, last)), 100, "ms"))
    first = store.page(EventFilter(), limit=100)
    rows.append(("scroll one page (100 rows)",
                 median_ms(lambda: store.page(EventFilter(), first.next, 100)), 100, "ms"))
    rows.append(("open an event", median_ms(lambda: store.event(first.rows[0].id)), 100, "ms"))
    rows.append(("facet counts, no filter",
                 median_ms(lambda: store.facets(EventFilter()), runs=3), 100, "ms"))
    store.close()
    rows.append(("peak memory (RSS), browser", rss, 250, "MB"))
    rows.append(("store size on disk", path.stat().st_size / 1e6, float("nan"), "MB"))
    acled = path.with_suffix(".acled.csv")
    with acled.open("w", newline="", encoding="utf-8") as f:
        import csv

        writer = csv.writer(f)
        writer.writerow(make_acled.HEADER)
        writer.writerows(make_acled.rows(10_000, seed=size))
    store = Store(path)
    began = time.perf_counter()
    import_file(store.db.conn, acled)
    rows.append(("import speed (10,000 ACLED rows)", 10_000 / (time.perf_counter() - began),
                 float("nan"), "rows/s"))
    store.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--keep", type=Path, help="directory to keep and reuse generated stores in")
    parser.add_argument("--import", dest="imports", action="store_true",
                        help="also run bench/import.py (into the largest store, and a 1M-row file)")
    args = parser.parse_args()
    console = Console(width=150)
    work = args.keep or Path(tempfile.mkdtemp(prefix="sitroom-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[int, list[tuple[str, float, float, str]]] = {}
    try:
        for size in args.sizes:
            path = work / f"events-{size}.db"
            if not path.exists():
                console.print(f"making a store of {size:,} events…")
                seconds = make_events.make(size, path)
                console.print(f"  {seconds:.1f} s")
            pristine = work / f"events-{size}.measure.db"
            shutil.copy(path, pristine)  # the import measurement writes into the copy
            console.print(f"measuring {size:,}…")
            results[size] = measure(size, pristine)
            pristine.unlink()
            pristine.with_suffix(".acled.csv").unlink(missing_ok=True)
        if args.imports:
            largest = work / f"events-{max(args.sizes)}.db"
            subprocess.run([sys.executable, str(ROOT / "bench" / "import.py"), "--store", str(largest),
                            "--million"], check=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    table = Table(title=f"sitroom on {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                        f"Python {platform.python_version()}")
    table.add_column("measure")
    for size in results:
        table.add_column(f"{size:,}", justify="right")
    table.add_column("budget", justify="right")
    for i, (label, _, budget, unit) in enumerate(next(iter(results.values()))):
        cells = []
        for size in results:
            value = results[size][i][1]
            shown = f"{value:,.0f} {unit}" if value >= 10 else f"{value:,.1f} {unit}"
            if budget == budget:  # not NaN: there is a budget to hold
                shown += "  ✓" if value < budget else "  ✗"
            cells.append(shown)
        table.add_row(label, *cells, "—" if budget != budget else f"< {budget:,.0f} {unit}")
    console.print(table)


if __name__ == "__main__":
    main()
