"""`sitroom fronts`: list, add and remove, with the exit codes the README documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.tui.cli import main


def fronts(path: Path) -> list[tuple]:
    """Every front and its events: what a failed command must leave as it was."""
    store = Store(path)
    try:
        return [(fc.front, fc.count) for fc in store.front_counts()]
    finally:
        store.close()


def test_fronts_lists_slugs_counts_and_what_defines_each(db_path: Path, capsys) -> None:
    assert main(["fronts", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    for slug, count in (("raqqa", 6), ("deir-ezzor", 2), ("eastern-damascus", 4)):
        line = next(line for line in out.splitlines() if line.startswith(slug + " "))
        assert f" {count} " in line and "bundled" in line


def test_fronts_add_and_remove(db_path: Path, tmp_path: Path, capsys) -> None:
    drawn = tmp_path / "jobar.geojson"
    drawn.write_text(json.dumps({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [
        [[36.32, 33.52], [36.34, 33.52], [36.34, 33.54], [36.32, 33.54], [36.32, 33.52]]]}}),
        encoding="utf-8")
    assert main(["fronts", "add", "Jobar", "--geojson", str(drawn), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("defined front Jobar (jobar) by polygon from jobar.geojson")
    assert "1 event on it" in out
    store = Store(db_path)
    assert {fc.front.slug: fc.count for fc in store.front_counts()}["jobar"] == 1
    store.close()
    assert main(["fronts", "remove", "jobar", "--db", str(db_path)]) == 0
    assert "removed front Jobar (jobar)" in capsys.readouterr().out
    store = Store(db_path)
    assert {fc.front.slug: fc.count for fc in store.front_counts()}["eastern-damascus"] == 4
    store.close()


@pytest.mark.parametrize(("args", "said"), [
    (["add", "Bad", "--bbox", "1,2"], "sitroom fronts add: --bbox '1,2' is not four numbers"),
    (["add", "Bad", "--geojson", "{dir}/missing.geojson"],
     "sitroom fronts add: missing.geojson: cannot be read"),
    (["add", "Bad", "--geojson", "{dir}/point.geojson"],
     "sitroom fronts add: point.geojson: holds a Point, not a Polygon or MultiPolygon; nothing was changed"),
    (["add", "Raqqa", "--admin1", "Raqqa"], "sitroom fronts add: there is already a front called 'Raqqa'"),
    (["remove", "nosuch"], "sitroom fronts remove: there is no front 'nosuch' (fronts you can remove: raqqa"),
])
def test_bad_input_is_one_sentence_and_exit_2(db_path: Path, tmp_path: Path, capsys, args: list[str],
                                              said: str) -> None:
    (tmp_path / "point.geojson").write_text('{"type": "Point", "coordinates": [36, 35]}', encoding="utf-8")
    before = fronts(db_path)
    code = main(["fronts", *(a.format(dir=tmp_path) for a in args), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(said) and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert fronts(db_path) == before


def test_add_needs_exactly_one_definition(db_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["fronts", "add", "X", "--db", str(db_path)])
    assert exit_.value.code == 2
    assert "one of the arguments --admin1 --bbox --geojson is required" in capsys.readouterr().err
