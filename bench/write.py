"""The writing side of `sitroom import`, A/B: the same file into copies of one store, by two versions
of the code in the same run, each step's CPU seconds apart.

    python bench/write.py --store /tmp/bk/events-1000000.db --tree /tmp/write/base --tree .
    python bench/write.py --tree /tmp/write/base --tree .        # into a new store
    python bench/write.py --store … --tree . --profile /tmp/write/p   # and a cProfile of each import

A tree is a directory holding a `db/` folder (a checkout of sitroom, e.g. `git archive main db | tar -x`):
its code is imported as sitroom.db in the child. The store is copied (to --work) for each run and the
copy thrown away: the original is never written. The linking pass (db/happenings/) is left out: the
events stay queued, as `bench/import.py --skip-linking` leaves them.

Each row: CPU seconds (user + system, the importing process and the one preparing rows) of the file's
transaction, of the fronts' reassignment after it, and the importing process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import make_acled  # a sibling in bench/

CHILD = """
import cProfile, resource, sys, types
sys.path.insert(0, sys.argv[1])
import sitroom.db.store.facade as facade
from sitroom.db import Store
assert facade.__file__.startswith(sys.argv[1]), facade.__file__
facade.link_queued = lambda conn: types.SimpleNamespace(linked=0)
spent = {"reassign": 0.0}
def cpu():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
reassign = facade.reassign
def timed(*args, **kwargs):
    began = cpu()
    try:
        return reassign(*args, **kwargs)
    finally:
        spent["reassign"] += cpu() - began
facade.reassign = timed
try:  # the fronts' step inside the file's transaction (fronts/assign.py after_import); older trees lack it
    import sitroom.db.fronts.assign as assign
    if hasattr(assign, "after_import"):
        assign.reassign = timed
except ImportError:
    pass
if sys.argv[5]:  # the CPU seconds of each statement, by its first words, to stderr at the end
    import collections, time
    from sitroom.db.store.connection import TracedConnection
    by_sql = collections.Counter()
    def timing(method):
        def run(self, sql, parameters=(), /):
            began = time.process_time()
            try:
                return method(self, sql, parameters)
            finally:
                by_sql[" ".join(sql.split())[:100]] += time.process_time() - began
        return run
    TracedConnection.execute = timing(TracedConnection.execute)
    TracedConnection.executemany = timing(TracedConnection.executemany)
store = Store(sys.argv[2])
profile = cProfile.Profile() if sys.argv[4] else None
began = cpu()
if profile:
    profile.enable()
report = store.import_file(sys.argv[3])
if profile:
    profile.disable()
    profile.dump_stats(sys.argv[4])
took = cpu() - began
store.close()
if sys.argv[5]:
    for sql, seconds in by_sql.most_common(25):
        print(f"{seconds:7.2f}  {sql}", file=sys.stderr)
c = report.counts
print(took - spent["reassign"], spent["reassign"], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      c.added, c.updated, c.unchanged, len(report.bad))
"""
NEW_STORE = "import sys; sys.path.insert(0, sys.argv[1]); from sitroom.db import create_store; " \
            "from pathlib import Path; create_store(Path(sys.argv[2]))"
OPEN_STORE = "import sys; sys.path.insert(0, sys.argv[1]); from sitroom.db import Store; " \
             "Store(sys.argv[2]).close()"


def shim(tree: Path, work: Path, n: int) -> Path:
    """A directory whose `sitroom/db` is the tree's db/ (first on sys.path in the child)."""
    root = work / f"tree{n}"
    (root / "sitroom").mkdir(parents=True, exist_ok=True)
    link = root / "sitroom" / "db"
    if not link.exists():
        link.symlink_to(tree.resolve() / "db")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="a store to import into (copied each run); else a new one")
    parser.add_argument("--tree", type=Path, action="append", required=True)
    parser.add_argument("--rounds", type=int, default=1, help="A, B, A, B … this many times")
    parser.add_argument("--again", action="store_true", help="also import the same file a second time")
    parser.add_argument("--profile", type=Path, help="a cProfile of each import: PREFIX-<tree>-<round>")
    parser.add_argument("--statements", action="store_true", help="each statement's CPU seconds (stderr)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/write"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=args.work))
    try:
        file = make_acled.write_file(work / "acled.csv", args.rows, seed=2)
        roots = [shim(tree, work, i) for i, tree in enumerate(args.tree)]
        for r in range(args.rounds):
            for i, (tree, root) in enumerate(zip(args.tree, roots, strict=True)):
                store = work / "store.db"
                for leftover in work.glob("store.db*"):
                    leftover.unlink()
                if args.store:
                    shutil.copy(args.store, store)
                    subprocess.run([sys.executable, "-c", OPEN_STORE, str(root), str(store)], check=True)
                else:
                    subprocess.run([sys.executable, "-c", NEW_STORE, str(root), str(store)], check=True)
                for attempt in ("first", "again")[: 2 if args.again else 1]:
                    prof = f"{args.profile}-{i}-{r}-{attempt}" if args.profile else ""
                    out = subprocess.run([sys.executable, "-c", CHILD, str(root), str(store), str(file), prof,
                                          "1" if args.statements else ""],
                                         check=True, capture_output=True, text=True)
                    if args.statements:
                        print(out.stderr, flush=True)
                    out = out.stdout.split()
                    tx, fronts, rss = (float(x) for x in out[:3])
                    print(f"{tree}  round {r} {attempt:5}: transaction {tx:6.2f} CPU s, "
                          f"fronts {fronts:5.2f} CPU s, total {args.rows / (tx + fronts):8,.0f} rows/CPU s, "
                          f"peak RSS {rss:4.0f} MB; {out[3]} added, {out[4]} updated, {out[5]} unchanged, "
                          f"{out[6]} bad", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
