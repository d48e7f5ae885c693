"""Measure the linking pass: imports whose rows really match another origin's, and linking a whole store.

    python bench/link.py files 100000 /tmp/link            # acled.csv and an overlapping ucdp.csv there
    python bench/link.py import STORE FILE [FILE ...]       # each file in turn into a copy of STORE
    python bench/link.py relink STORE                       # every event of (a copy of) STORE linked again

The ACLED-shaped rows are bench/make_acled.py's (its places, actors and types), some dated to the week or
the month, some placed only near a place or to a province. The UCDP-shaped file tells a share of the same
happenings as a second origin would: the same place a kilometre or two off, the same day or one apart,
a few dated to a range, the month or the year, a few placed only roughly; and some happenings of its own.

Each import or relink runs in a process of its own: it prints wall-clock and CPU seconds (user + system),
peak RSS and the linking pass's own seconds, so alternate A/B runs on a shared machine compare CPU time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("make_acled", Path(__file__).with_name("make_acled.py"))
assert _SPEC is not None and _SPEC.loader is not None
make_acled = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_acled)

ACLED_HEADER: list[str] = make_acled.HEADER
UCDP_HEADER = ["id", "year", "type_of_violence", "side_a", "side_b", "source_article", "source_headline",
               "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "country",
               "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
               "deaths_unknown", "low", "best", "high"]
_COL = {name: i for i, name in enumerate(ACLED_HEADER)}


def acled_rows(n: int, seed: int = 2017, start: dt.date | None = None, days: int | None = None) -> list[list]:
    """make_acled's rows, with a share dated to the month and placed near a place or to a province;
    with `start` and `days`, their dates spread over those days only (a dense store, for tests)."""
    rng = random.Random(seed + 1)
    out = []
    for row in make_acled.rows(n, seed=seed):
        if start is not None and days:
            day = start + dt.timedelta(days=rng.randrange(days))
            row[_COL["event_date"]], row[_COL["year"]] = day.strftime("%d %B %Y"), day.year
        roll = rng.random()
        if roll < 0.05:
            row[_COL["time_precision"]] = "3"
        row[_COL["geo_precision"]] = "2" if 0.05 <= roll < 0.15 else "3" if roll >= 0.98 else "1"
        out.append(row)
    return out


def _period(day: dt.date, prec: str) -> tuple[dt.date, dt.date]:
    if prec == "2":  # within 2–6 days
        return day, day + dt.timedelta(days=3)
    if prec == "4":
        first = day.replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if prec == "5":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


def ucdp_rows(acled: list[list], seed: int = 2018, share: float = 0.6, own: float = 0.1) -> list[dict]:
    """UCDP-shaped rows telling `share` of the ACLED rows' happenings again, and `own` as many others."""
    rng = random.Random(seed)
    out = []
    for i, row in enumerate(acled):
        told = rng.random() < share
        if not told and rng.random() >= own:
            continue
        if not told:  # a happening of its own: another row's place on another day
            row = acled[rng.randrange(len(acled))]
        day = dt.datetime.strptime(row[_COL["event_date"]], "%d %B %Y").date()
        day += dt.timedelta(days=rng.choice((0, 0, 0, 0, 1, -1, 2)) if told else rng.randrange(-40, 40))
        prec = rng.choices(("1", "2", "4", "5"), (85, 5, 7, 3))[0]
        first, last = _period(day, prec)
        where = rng.choices(("1", "2", "4"), (80, 15, 5))[0]
        jitter = 0.02 if where == "1" else 0.05
        actor1, actor2 = row[_COL["actor1"]], row[_COL["actor2"]] or "Civilians (Syria)"
        violence = "3" if actor2.startswith("Civilians") else "1"
        out.append({
            "id": str(700000 + i), "year": str(first.year), "type_of_violence": violence,
            "side_a": actor1, "side_b": actor2, "source_article": f"SOHR,{first},Fighting",
            "source_headline": f"Fighting in {row[_COL['location']]}", "where_prec": where,
            "where_coordinates": row[_COL["location"]], "adm_1": f"{row[_COL['admin1']]} governorate",
            "latitude": f"{float(row[_COL['latitude']]) + rng.uniform(-jitter, jitter):.4f}",
            "longitude": f"{float(row[_COL['longitude']]) + rng.uniform(-jitter, jitter):.4f}",
            "country": "Syria", "date_prec": prec, "date_start": first.isoformat(),
            "date_end": last.isoformat(), "best": str(rng.choice((0, 1, 2, 5))), "low": "0", "high": "9"})
    return out


def write_files(n: int, folder: Path, start: dt.date | None = None, days: int | None = None,
                seed: int = 2017) -> tuple[Path, Path]:
    """An ACLED-shaped file of `n` rows and a UCDP-shaped one overlapping it, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    acled = acled_rows(n, seed, start, days)
    with (folder / "acled.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(ACLED_HEADER)
        writer.writerows(acled)
    with (folder / "ucdp.csv").open("w", newline="", encoding="utf-8") as f:
        dicts = csv.DictWriter(f, UCDP_HEADER)
        dicts.writeheader()
        dicts.writerows([{k: r.get(k, "") for k in UCDP_HEADER} for r in ucdp_rows(acled, seed + 1)])
    return folder / "acled.csv", folder / "ucdp.csv"


# Runs in a child: import FILE into STORE (or relink it), print seconds, CPU seconds, peak RSS (MB),
# the linking pass's seconds and how many events it linked.
CHILD = """
import resource, sys, time
from sitroom.db import Store
import sitroom.db.store.facade as facade
from sitroom.db.happenings import linking
spent = [0.0]
def timed(fn):
    def step(*args, **kwargs):
        began = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - began
    return step
facade.link_queued = timed(facade.link_queued)
linking.link_queued = timed(linking.link_queued)
store = Store(sys.argv[1])
began, cpu = time.perf_counter(), time.process_time()
if sys.argv[2] == "--relink":
    linked = store.relink().linked
else:
    linked = store.import_file(sys.argv[2]).linked
took, cpu = time.perf_counter() - began, time.process_time() - cpu
store.close()
print(took, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, spent[0], linked)
"""


def child(store: Path, what: str) -> str:
    out = subprocess.run([sys.executable, "-c", CHILD, str(store), what], check=True, capture_output=True,
                         text=True).stdout.split()
    took, cpu, rss, linking, linked = float(out[0]), float(out[1]), float(out[2]), float(out[3]), int(out[4])
    return (f"{took:7.1f} s wall, {cpu:7.1f} s CPU, peak RSS {rss:5.0f} MB, linking {linking:6.1f} s, "
            f"{linked:,} linked")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    files = sub.add_parser("files", help="write acled.csv and an overlapping ucdp.csv")
    files.add_argument("rows", type=int)
    files.add_argument("folder", type=Path)
    imports = sub.add_parser("import", help="import each file in turn into a copy of STORE")
    imports.add_argument("store", type=Path)
    imports.add_argument("files", type=Path, nargs="+")
    relinks = sub.add_parser("relink", help="link every event of a copy of STORE again")
    relinks.add_argument("store", type=Path)
    args = parser.parse_args()
    if args.command == "files":
        acled, ucdp = write_files(args.rows, args.folder)
        print(f"wrote {acled} and {ucdp}")
        return
    work = Path(tempfile.mkdtemp(prefix="sitroom-link-", dir=args.store.parent))
    try:
        copy = work / "store.db"
        shutil.copy(args.store, copy)  # never written to: the original stays as it is
        for what in (["--relink"] if args.command == "relink" else [str(f) for f in args.files]):
            print(f"{Path(what).name:>12}: {child(copy, what)}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
