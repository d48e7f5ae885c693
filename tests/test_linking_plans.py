"""Query plans of the linker's own SQL (issue 16): every statement a linking pass runs finds its rows by
an index (a candidate's place and dates, a source, an event's id, a lead's followers, an event's
parties), under both ways of gathering pairs, so a pass costs what its queue wants, not what the store
holds. The only whole reads are of the queue itself and of the temporary tables the pass writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.happenings import link_queued

from .helpers import bench_module

SEED = Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt"
# Read whole on purpose: the queue (once, to order it), the pass's temporary tables, a JSON list of ids,
# and once a pass the places (a grid of them, gathering.Places) and the sources (their origins).
WHOLE = ("SCAN q", "SCAN link_queue", "SCAN n", "SCAN link_order", "SCAN link_leads", "SCAN json_each",
         "SCAN CONSTANT ROW", "SCAN places", "SCAN sources")
# Once a pass: how many events each source has (which way to gather), from the source index alone.
COUNTS = "SCAN events USING COVERING INDEX events_source"


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with a report and an ACLED- and a UCDP-shaped file that tell many of the same happenings,
    all queued to be linked again."""
    folder = tmp_path_factory.mktemp("plans")
    acled, ucdp = bench_module("link").write_files(300, folder, start=dt.date(2017, 6, 1), days=30)
    path = folder / "store.db"
    create_store(path)
    store = Store(path)
    store.ingest(SEED.read_text(encoding="utf-8"))
    store.import_file(acled)
    store.import_file(ucdp)
    store.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE events SET happening = NULL")
        conn.execute("INSERT OR IGNORE INTO link_queue (id) SELECT id FROM events")
    conn.close()
    return path


def plans(conn: sqlite3.Connection, statements: list[str]) -> dict[str, list[str]]:
    return {sql: [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")] for sql in statements}


@pytest.mark.parametrize("few", [50_000, 0], ids=["read-the-others", "by-place-index"])
def test_every_statement_of_a_linking_pass_uses_an_index(linked: Path, few: int, monkeypatch) -> None:
    monkeypatch.setattr("sitroom.db.happenings.gathering.FEW", few)
    from sitroom.db.happenings import gathering

    conn = sqlite3.connect(linked)
    statements: list[str] = []
    seen: dict[str, list[str]] = {}
    close = gathering.Gatherer.close

    def explained(self) -> None:  # while the pass's temporary tables are still there
        seen.update(plans(conn, [s for s in dict.fromkeys(statements) if s.lstrip().upper().startswith(
            ("SELECT", "INSERT", "UPDATE", "DELETE"))]))
        statements.clear()
        close(self)

    monkeypatch.setattr(gathering.Gatherer, "close", explained)
    conn.set_trace_callback(statements.append)
    done = link_queued(conn)
    conn.set_trace_callback(None)
    seen.update(plans(conn, [s for s in dict.fromkeys(statements) if s.lstrip().upper().startswith(
        ("SELECT", "UPDATE")) and "temp." not in s]))  # electing the leads: the tables are gone
    conn.rollback()
    conn.close()
    assert done.linked > 100
    gathered = [sql for sql in seen if "JOIN sources s" in sql and "e.date" in sql]
    assert gathered, list(seen)
    for sql, steps in seen.items():
        whole = [s for s in steps if s.startswith("SCAN") and not s.startswith(WHOLE) and s != COUNTS]
        assert not whole, (sql[:300], steps)
    by_index = [" ".join(steps) for sql, steps in seen.items() if sql in gathered]
    wanted = ("INDEX events_source (source=?)" if few
              else "INDEX events_place_date_id (place=? AND date>? AND date<?)")
    assert any(wanted in steps for steps in by_index), by_index
