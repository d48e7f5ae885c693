"""The linker's shortcuts against the rules they stand for (issue 16): matching.match decides a pair as
why_not and score do, and gathering never loses a pair the rules would link, under both ways of
reading the candidates, on a store of many origins, places, areas, unplaced points and periods."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, Window, create_store
from sitroom.db.happenings.gathering import FROM, LINK_COLUMNS, LONGEST, Gatherer
from sitroom.db.happenings.linking import linkable
from sitroom.db.happenings.matching import COARSE, FAMILIES, Candidate, days_apart, match, score, why_not

from .helpers import bench_module
from .test_linking_equivalence import monitor

WINDOWS = (Window(), Window(km=10, days=3), Window(km=0.5, days=0), Window(km=100, days=31))
PLACES = [("jobar", 33.529, 36.33), ("ayn-tarma", 33.516, 36.355), ("raqqa", 35.95, 39.01),
          (None, 35.96, 39.0), (None, 33.53, 36.34)]


def random_candidate(rng: random.Random, n: int) -> Candidate:
    place, lat, lon = rng.choice(PLACES)
    if rng.random() < 0.5:  # a point of its own near its place
        lat, lon = lat + rng.uniform(-0.08, 0.08), lon + rng.uniform(-0.08, 0.08)
    start = dt.date(2017, 6, 1) + dt.timedelta(days=rng.randrange(60))
    end = start + dt.timedelta(days=rng.choice((0, 0, 0, 1, 6, 30, 200)))
    blocs = ["government", "isis", "opposition", "sdf-coalition"]
    actors = frozenset(rng.sample(blocs, rng.choice((0, 0, 1, 1, 2))))
    parties = actors | frozenset(rng.sample(blocs, rng.choice((0, 1))))
    return Candidate(f"e{n}", rng.choice(("ACLED", "UCDP", "report-a")), rng.choice([*FAMILIES, "other"]),
                     rng.choice((None, None, *COARSE)), start.isoformat(), end.isoformat(), place, lat, lon,
                     actors, parties, precision=rng.choice((0.0, 0.0, 2.0, 5.0, 10.0, 60.0)))


def test_match_decides_as_why_not_and_score() -> None:
    rng = random.Random(16)
    events = [random_candidate(rng, n) for n in range(400)]
    linked = 0
    for window in WINDOWS:
        for _ in range(20_000):
            a, b = rng.choice(events), rng.choice(events)
            expected = score(a, b) if why_not(a, b, window) is None else None
            assert match(a, b, window) == expected, (a, b, window)
            linked += expected is not None
    assert linked > 1000  # not only refusals


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled events and report, dense ACLED- and UCDP-shaped rows of June 2017 (day, week, month,
    year, ranges; exact, near and province) and the monitor's areas and unplaced points."""
    folder = tmp_path_factory.mktemp("rules")
    acled, ucdp = bench_module("link").write_files(400, folder, start=dt.date(2017, 6, 1), days=40)
    path = folder / "store.db"
    create_store(path)
    s = Store(path)
    s.ingest((Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt").read_text(encoding="utf-8"))
    s.import_file(acled)
    s.import_file(ucdp)
    s.close()
    monitor(path)
    return path


@pytest.mark.parametrize("window", WINDOWS[:3], ids=["default", "wide", "narrow"])
@pytest.mark.parametrize("few", [50_000, 0], ids=["read-the-others", "by-place-index"])
def test_gathering_finds_every_pair_the_rules_link(store: Path, window: Window, few: int,
                                                   monkeypatch) -> None:
    monkeypatch.setattr("sitroom.db.happenings.gathering.FEW", few)
    conn = sqlite3.connect(store)
    rows = conn.execute(f"SELECT {LINK_COLUMNS} FROM {FROM} ORDER BY e.date, e.id").fetchall()
    gather = Gatherer(conn, window)
    gathered = {(q[0], c[0]) for c, near in gather.pairs(rows) for q in near}
    gather.close()
    conn.close()
    events = [linkable(r) for r in rows]
    wanted = set()
    for q in events:
        earliest = (dt.date.fromisoformat(q.start) - dt.timedelta(days=window.days + LONGEST)).isoformat()
        wanted.update((q.id, c.id) for c in events
                      if c.start >= earliest and why_not(q, c, window) is None)
    assert len(wanted) > 300
    assert wanted <= gathered, sorted(wanted - gathered)[:5]
    # And it narrows: no pair of one origin, none too far apart in time.
    by_id = {e.id: e for e in events}
    assert all(by_id[a].origin != by_id[b].origin and days_apart(by_id[a], by_id[b]) <= window.days
               for a, b in gathered)
