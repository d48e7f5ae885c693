"""Every bundled front is a polygon drawn round the ground its events describe (the README says so):
none is a box, each holds its own events' places, and its box (the map's frame) holds its outline."""

from __future__ import annotations

import json
from pathlib import Path

from sitroom.db import EventFilter, Store
from sitroom.db.fronts import bundled_front_rows, parse
from sitroom.tui.cli import main


def test_every_bundled_front_is_an_outline_not_a_box(store: Store) -> None:
    places = {p.id: p for p in store.places()}
    events = store.page(EventFilter(), limit=100).rows
    for row in bundled_front_rows():
        area = parse(row["definition"])
        assert area is not None and area.is_area
        ring = area.rings[0]
        assert len(ring) > 5 or len({x for x, _ in ring}) > 2, row["slug"]  # more than four corners
        assert "box" not in area.describe()
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        west, south, east, north = json.loads(row["bbox"])  # the frame holds the whole outline
        assert west <= min(xs) and south <= min(ys) and east >= max(xs) and north >= max(ys)
        for event in (e for e in events if e.front == row["slug"] and e.place):
            place = places[event.place]
            assert area.covers_point(place.lon, place.lat), (row["slug"], place.name)


def test_the_fronts_command_says_polygon_for_raqqa(db_path: Path, capsys) -> None:
    assert main(["fronts", "--db", str(db_path)]) == 0
    raqqa = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("raqqa "))
    assert "bundled polygon, 9 points" in raqqa and "box" not in raqqa
