"""ACLED's actor-based exports (one row per actor: actor1, assoc_actor_1, inter1 only) in the layout of the
2024 Bangladesh export (tests/fixtures/actor_based_bgd.csv): each row's actor is on the side its code takes
in the event's interaction, its associates with it. A mob's victims and their associate are the target
and the target's ally, not the mob's; an interaction of one code twice says nothing of who acted."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import Store
from sitroom.db.files.importing import import_file

FILE = Path(__file__).parent / "fixtures" / "actor_based_bgd.csv"


def _roles(store: Store) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for event, name, role in store.db.execute(
            "SELECT e.source_event_id, f.name, ef.role FROM event_factions ef "
            "JOIN events e ON e.id = ef.event JOIN factions f ON f.slug = ef.faction").fetchall():
        out.setdefault(event, set()).add((name, role))
    return out


def test_each_actor_on_its_side(fresh: Store) -> None:
    report = import_file(fresh.db.conn, FILE)
    assert (report.counts.added, report.bad) == (3, [])
    roles = _roles(fresh)
    assert roles["BGD99001"] == {("Rioters (Bangladesh)", "actor"), ("Civilians (Bangladesh)", "target"),
                                 ("AL: Bangladesh Awami League", "target_ally")}
    assert roles["BGD99002"] == {("Rioters (Bangladesh)", "side"), ("AL: Bangladesh Awami League", "ally"),
                                 ("BNP: Bangladesh Nationalist Party", "ally")}
    assert roles["BGD99003"] == {("Protesters (Bangladesh)", "actor"), ("Students (Bangladesh)", "ally")}


async def test_the_timeline_and_detail_show_the_sides(tmp_path: Path) -> None:
    from sitroom.db import create_store

    from .helpers import column, detail_text, make_app, settle

    path = tmp_path / "bgd.db"
    create_store(path, bundled=False)
    store = Store(path)
    import_file(store.db.conn, FILE)
    store.close()
    app = make_app(path, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"BGD99001", "enter")
        await settle(pilot)
        sides = [c for c in app.timeline.table.columns]
        shown = detail_text(app)
        assert "AL" in shown and "with target" in shown, shown
        cells = " ".join(" ".join(column(app, str(k.value))) for k in sides)
        assert "Riot-BGD" in cells and "Civ-BGD" in cells, cells
