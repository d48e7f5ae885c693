"""Write a store of N synthetic events that look like the real ones, for the benchmark.

    python bench/make_events.py 1000000 /tmp/sitroom-1m.db

The store starts from the bundled data (real fronts, places, factions), then adds N events over ten
years with a realistic skew: a few fronts, places and factions carry most events, activity rises and
falls, most events are confirmed, some are claims and a few rumours.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from sitroom.db import create_store, tallies  # noqa: E402
from sitroom.db.schema import event_rowid  # noqa: E402
from sitroom.db.write.upsert import EVENT_COLUMNS  # noqa: E402

TYPES = [("clashes", 40), ("shelling", 22), ("airstrike", 14), ("attack", 10), ("capture", 6),
         ("advance", 4), ("vbied", 2), ("encirclement", 1), ("withdrawal", 1)]
CERTAINTY = [("confirmed", 85), ("claimed", 12), ("rumoured", 3)]
PRECISION = [("day", 80), ("week", 12), ("month", 8)]
WORDS = (
    "forces", "shelled", "positions", "near", "the", "village", "after", "clashes", "overnight;",
    "local", "sources", "reported", "casualties", "while", "front", "line", "moved", "toward",
    "highway", "and", "river", "crossing",
)


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


def generate(conn: sqlite3.Connection, n: int, seed: int = 30_06_2017) -> None:
    rng = random.Random(seed)
    places = conn.execute("SELECT id, name, front, lat, lon FROM places WHERE kind NOT IN "
                          "('governorate', 'region')").fetchall()
    rng.shuffle(places)
    place_w = zipf_weights(len(places))
    factions = [r[0] for r in conn.execute("SELECT slug FROM factions")]
    rng.shuffle(factions)
    faction_w = zipf_weights(len(factions), 0.9)
    types, type_w = zip(*TYPES, strict=True)
    certs, cert_w = zip(*CERTAINTY, strict=True)
    precs, prec_w = zip(*PRECISION, strict=True)
    start = dt.date(2014, 1, 1)
    conn.execute("INSERT OR IGNORE INTO sources (id, title, publisher, published, url, kind) VALUES "
                 "('synthetic', 'Synthetic benchmark events', 'sitroom bench', NULL, NULL, 'synthetic')")
    batch_events, batch_parties = [], []

    def flush() -> None:
        columns = EVENT_COLUMNS[:13]  # sitroom's own fields; the dataset's columns stay empty
        conn.executemany(f"INSERT INTO events (rowid, {', '.join(columns)}) VALUES "
                         f"(?, {', '.join('?' * len(columns))})",
                         [(event_rowid(e[0]), *e) for e in batch_events])
        conn.executemany("INSERT OR IGNORE INTO event_factions VALUES (?,?,?)", batch_parties)
        batch_events.clear()
        batch_parties.clear()

    for i in range(n):
        pid, pname, front, lat, lon = rng.choices(places, place_w)[0]
        # Activity rises to a peak in the third year and decays: a triangular spread of days.
        date = start + dt.timedelta(days=int(rng.triangular(0, 3650, 800)))
        etype = rng.choices(types, type_w)[0]
        actor, target = rng.choices(factions, faction_w, k=2)
        words = " ".join(rng.choices(WORDS, k=12))
        summary = f"{etype.capitalize()} at {pname}: {words}"
        eid = hashlib.sha1(f"synthetic:{i}".encode()).hexdigest()[:16]
        batch_events.append((eid, date.isoformat(), rng.choices(precs, prec_w)[0], front, pid,
                             lat, lon, etype, summary, rng.choices(certs, cert_w)[0],
                             rng.choice((0, 0, 0, 1, 2, 3, 7)), "synthetic", f"{summary}."))
        batch_parties.append((eid, actor, "actor"))
        if target != actor:
            batch_parties.append((eid, target, "target"))
        if len(batch_events) >= 20_000:
            flush()
    flush()


def make(n: int, path: Path) -> float:
    """Create the store; returns seconds taken."""
    began = time.perf_counter()
    path.unlink(missing_ok=True)
    create_store(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    with conn:
        tallies.drop_triggers(conn)  # a bulk load: count once at the end instead of row by row
        generate(conn, n)
        tallies.rebuild(conn)
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - began


if __name__ == "__main__":
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    seconds = make(n, out)
    print(f"wrote {n:,} events to {out} in {seconds:.1f} s ({out.stat().st_size / 1e6:.0f} MB)")
