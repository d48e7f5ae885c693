"""What a researcher found taking data out and back (trial4): every format holds the same events, and a
cell the CSV export quoted against spreadsheet formulas reads back as written, a faction's name too."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.files.exporting import export
from sitroom.db.files.importing import ImportFailed, import_file
from sitroom.db.store import create_store

REAL = Path(__file__).parent / "data" / "real" / "acled_2024.csv"


def test_geojson_holds_the_events_known_only_to_an_area(store: Store) -> None:
    import_file(store.db.conn, REAL)
    out = io.StringIO()
    total = export(store, EventFilter(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    areas = [r for r in rows if not r["lat"]]
    assert areas, "the fixture holds events known only to a province"
    out = io.StringIO()
    assert export(store, EventFilter(), "geojson", out) == total
    features = json.loads(out.getvalue())["features"]
    assert len(features) == total
    unlocated = [f for f in features if f["geometry"] is None]
    assert len(unlocated) == len(areas)
    assert {f["properties"]["location_precision"] for f in unlocated} <= {"province", "country"}


def test_a_quoted_formula_in_a_factions_name_reads_back_as_written(store: Store, tmp_path: Path) -> None:
    line = json.loads((Path(__file__).parent.parent / "db/data/events.jsonl").read_text().splitlines()[0])
    path = tmp_path / "formula.jsonl"
    path.write_text(json.dumps({**line, "date": "2017-07-02",
                                "factions": [{"faction": "=1+2", "name": "=1+2", "role": "actor"}]}))
    import_file(store.db.conn, path)
    exported = tmp_path / "out.csv"
    with exported.open("w", encoding="utf-8", newline="") as f:
        assert export(store, EventFilter(since="2017-07-02"), "csv", f) == 1
    assert "'=1+2" in exported.read_text(encoding="utf-8")  # defused for a spreadsheet
    empty = tmp_path / "empty.db"
    create_store(empty, bundled=False)
    target = Store(empty)
    import_file(target.db.conn, exported)
    names = {f.name for f in target.factions()}
    assert "=1+2" in names and "'=1+2" not in names, names


def test_a_geojson_export_given_to_import_is_named_for_what_it_is(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    with path.open("w", encoding="utf-8") as f:
        export(store, EventFilter(), "geojson", f)
    with pytest.raises(ImportFailed, match="a GeoJSON file, which sitroom exports"):
        import_file(store.db.conn, path)
