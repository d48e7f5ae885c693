"""Two small defects left from last session's review: the store raised one of two twin exceptions for
Ctrl-C while linking (LinkingInterrupted for a file, a twin class for a report, now removed), which meant
the same; and a row that failed after creating a source left it counted in `created.sources`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.files.importing import LinkingInterrupted
from sitroom.db.reference import read_reference
from sitroom.db.store import facade
from sitroom.db.write.resolve import Resolver

from .test_ingest_interrupted import DATE, REPORT
from .test_trial_governments_and_blocs import AFGHANISTAN, acled


def _interrupted(conn: sqlite3.Connection) -> object:
    raise KeyboardInterrupt


def test_ctrl_c_while_linking_a_file_or_a_report_is_one_exception(db_path: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facade, "link_queued", _interrupted)
    file = tmp_path / "a.csv"
    file.write_text(acled({"event_id_cnty": "AFG1", "actor1": "Taliban", "inter1": "2", **AFGHANISTAN}),
                    encoding="utf-8")
    store = Store(db_path)
    try:
        with pytest.raises(LinkingInterrupted) as imported:
            store.import_file(file)
        with pytest.raises(LinkingInterrupted) as ingested:
            store.ingest(REPORT, date=DATE)
    finally:
        store.close()
    assert imported.value.report.counts.added == 1  # each carries what landed
    assert ingested.value.report.counts.added == 3


def test_a_failed_row_takes_back_the_source_it_counted(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        resolver = Resolver(conn, read_reference(conn))
        resolver.source("acled:kept", title="Kept")
        resolver.keep()
        resolver.source("acled:failed", title="Failed")
        resolver.forget_uncommitted()  # the row failed after making its source
        assert resolver.created.sources == 1
        kept = {r[0] for r in conn.execute("SELECT id FROM sources WHERE id LIKE 'acled:%'")}
        assert kept == {"acled:kept"}
        conn.rollback()
    finally:
        conn.close()
