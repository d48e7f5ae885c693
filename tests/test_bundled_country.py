"""The bundled events are in Syria, and the store says so from the start: the JSON Lines export (and the
CSV) give every one its country, without the exporter guessing it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sitroom.tui.cli import main


def test_every_bundled_event_exports_with_its_country(db_path: Path, tmp_path: Path) -> None:
    assert main(["export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"), "--db", str(db_path)]) == 0
    rows = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 24 and {r["country"] for r in rows} == {"Syria"}
    assert all(r["admin1"] for r in rows)  # from each event's place, as before
    assert main(["export", "-o", str(tmp_path / "all.csv"), "--db", str(db_path)]) == 0
    with (tmp_path / "all.csv").open(encoding="utf-8") as handle:
        assert {r["country"] for r in csv.DictReader(handle)} == {"Syria"}
