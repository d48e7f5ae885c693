"""The happenings the linker forms on stores of realistic shapes, pinned (issue 16: the linking pass made
to scale must link exactly as before).

The store: the bundled events and the founding report ingested beside them (areas, a point with no
place, month-dated accounts); real ACLED and UCDP GED rows of June 2017 (tests/data/real/); an
ACLED-shaped file and a UCDP-shaped one telling many of the same happenings (bench/link.py: day-,
week-, month- and year-dated, ranges, places near a place or only a province); and a monitor's
accounts written straight into the store: at areas (a region, a road), at points with no place and a
stated precision, dated to the month or the year. Each is linked as it lands, then the whole store
again under three windows; both ways of gathering pairs and small batches (the queue paged) give the
happenings recorded in tests/data/linking_happenings.json (after each step: how many, how many events
follow a lead, and a digest of every happening's lead and events).

    SITROOM_RECORD_LINKS=1 pytest tests/test_linking_equivalence.py   # write the record again
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, Window, create_store
from sitroom.db.happenings import gathering, link_queued, linking

from .helpers import bench_module
from .test_tallies import assert_consistent

DATA = Path(__file__).parent / "data"
RECORD = DATA / "linking_happenings.json"
SEED = DATA / "000_848b1a6e00f665fa.txt"
REAL = ("three_countries_acled.csv", "ucdp_ged_191_syria.csv", "acled_2019_pandas.csv")
WINDOWS = {"default": Window(), "wide": Window(km=10, days=3), "narrow": Window(km=0.5, days=0)}
# (FEW, BATCH): the other origins read whole, or each queued event's places looked up; the queue in
# one batch or in many.
WAYS = {"read-the-others": (50_000, 5000), "by-place-index": (0, 5000), "small-batches": (0, 97)}
# A monitor's accounts: (id, date, precision, date_end, place, point, precision_km, type).
MONITOR = [
    ("m-desert-june", "2017-06-01", "month", None, "syrian-desert", None, None, "advance"),
    ("m-highway-june", "2017-06-01", "month", None, "salamiyah-resafa-highway", None, None, "capture"),
    ("m-road-day", "2017-06-30", "day", None, "ithriyah-khanasir-road", None, None, "clashes"),
    ("m-east-aleppo", "2017-06-29", "day", None, "east-aleppo", None, None, "advance"),
    ("m-raqqa-2017", "2017-01-01", "year", None, "raqqa", None, None, "clashes"),
    ("m-jobar-range", "2017-06-25", "day", "2017-07-02", "jobar", None, None, "clashes"),
    ("m-hills-khanasir", "2017-06-30", "day", None, None, (35.79, 37.58), 10.0, "advance"),
    ("m-near-jobar", "2017-06-30", "day", None, None, (33.535, 36.34), 2.0, "clashes"),
    ("m-near-raqqa-month", "2017-06-01", "month", None, None, (35.96, 39.02), 5.0, "clashes"),
    ("m-far", "2017-06-30", "day", None, None, (34.9, 36.9), 1.0, "clashes"),
]


def digest(formed: list[list[str]]) -> dict:
    return {"happenings": len(formed), "followers": sum(len(h) - 1 for h in formed),
            "sha256": hashlib.sha256(json.dumps(formed).encode()).hexdigest()}


def happenings(path: Path) -> list[list[str]]:
    """Each happening of more than one event: its lead, then its other events, sorted."""
    conn = sqlite3.connect(path)
    out: dict[str, list[str]] = {}
    for lead, eid in conn.execute("SELECT happening, id FROM events WHERE happening IS NOT NULL"):
        out.setdefault(lead, []).append(eid)
    conn.close()
    return sorted([lead, *sorted(members)] for lead, members in out.items())


def monitor(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO sources (id, title, kind) VALUES ('monitor', 'A monitor', 'report')")
        for eid, date, precision, end, place, point, km, kind in MONITOR:
            lat, lon = point or (None, None)
            conn.execute(
                "INSERT INTO events (id, date, date_precision, date_end, front, place, lat, lon, event_type, "
                "summary, certainty, source, precision_km) VALUES (?, ?, ?, ?, 'other', ?, ?, ?, ?, ?, "
                "'claimed', 'monitor', ?)", (eid, date, precision, end, place, lat, lon, kind, eid, km))
    conn.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    link = bench_module("link")
    return link.write_files(1500, tmp_path_factory.mktemp("files"), start=dt.date(2017, 5, 1), days=100)


@pytest.fixture(scope="module")
def recorded() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def build(path: Path, files: tuple[Path, Path]) -> dict[str, list[list[str]]]:
    """The store above, linked step by step; the happenings after each step."""
    create_store(path)
    out = {}
    store = Store(path)
    try:
        store.ingest(SEED.read_text(encoding="utf-8"))
        for name in REAL:
            store.import_file(DATA / "real" / name)
        out["real files"] = happenings(path)
        for file in files:
            store.import_file(file)
            out[file.name] = happenings(path)
    finally:
        store.close()
    monitor(path)
    conn = sqlite3.connect(path)
    with conn:
        link_queued(conn)
    conn.close()
    out["monitor"] = happenings(path)
    for name, window in WINDOWS.items():
        store = Store(path)
        store.relink(window)
        store.close()
        out[f"relinked, {name}"] = happenings(path)
    assert_consistent(path)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, files: tuple[Path, Path]) -> tuple[Path, dict]:
    """The store built as the linker gathers by default (WAYS' first)."""
    assert WAYS["read-the-others"] == (gathering.FEW, linking.BATCH)
    path = tmp_path_factory.mktemp("built") / "store.db"
    return path, build(path, files)


@pytest.mark.parametrize("way", WAYS)
def test_the_same_happenings_form(tmp_path: Path, files: tuple[Path, Path], recorded: dict, way: str,
                                  monkeypatch, request: pytest.FixtureRequest) -> None:
    few, batch = WAYS[way]
    if (few, batch) == (gathering.FEW, linking.BATCH):
        found = request.getfixturevalue("built")[1]
    else:
        monkeypatch.setattr(gathering, "FEW", few)
        monkeypatch.setattr(linking, "BATCH", batch)
        found = build(tmp_path / "store.db", files)
    assert sum(len(h) - 1 for h in found["ucdp.csv"]) > 500  # many pairs really match
    assert any(h[0].startswith("m-") or any(m.startswith("m-") for m in h) for h in found["monitor"])
    if os.environ.get("SITROOM_RECORD_LINKS"):
        recorded[way] = {step: digest(formed) for step, formed in found.items()}
        RECORD.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert {step: digest(formed) for step, formed in found.items()} == recorded[way]


def test_a_migrated_store_links_as_a_relinked_one(tmp_path: Path, built: tuple[Path, dict]) -> None:
    """Linking every event at once (the upgrade to schema 5) forms what a relink forms."""
    path = tmp_path / "store.db"
    shutil.copy(built[0], path)
    store = Store(path)
    store.relink(Window())
    store.close()
    linked = happenings(path)
    shutil.copy(path, tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("UPDATE events SET happening = NULL WHERE linked_by_hand IS NULL")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    Store(tmp_path / "old.db").close()
    assert happenings(tmp_path / "old.db") == linked
