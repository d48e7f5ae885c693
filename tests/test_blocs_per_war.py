"""A faction's bloc per war (faction_blocs): two wars in one store are not one side.

Trial 5: 1,000 ACLED Ukraine rows beside the bundled Syria data stacked Russia's forces (the Syrian
government's allies, "Government and allies") and Ukraine's army as one side. Now a state's forces that
fight another country's own forces take a bloc of their own in that country ("Russia (foreign forces)"),
their bloc in Syria stays, a user's bloc wins, and the picker on a Ukraine front groups them apart.
Rows: tests/fixtures/acled_two_wars.csv, written in ACLED's shape with invented values (ACLED's terms
forbid redistributing its rows)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitroom.db import Store
from sitroom.tui.screens import FilterPicker

from .helpers import make_app, settle

ROWS = Path(__file__).parent / "fixtures" / "acled_two_wars.csv"
DATES = "%d/%m/%Y %H:%M:%S"
FORCE, VKS, FOREIGN = "russian-armed-forces", "russian-aerospace-forces", "foreign-rus"
# The side triggers of a schema-8 store: a faction's one bloc.
_V8_SIDE = ("coalesce((SELECT f.bloc FROM event_factions ef JOIN factions f ON f.slug = ef.faction "
            "JOIN blocs b ON b.slug = f.bloc WHERE ef.event = {x}.event AND ef.role IN ('actor', 'side_a') "
            "ORDER BY ef.role != 'actor', b.sort, b.slug LIMIT 1), '')")


def _import(path: Path) -> None:
    store = Store(path)
    try:
        store.import_file(ROWS, date_format=DATES)  # the rows and their fronts
    finally:
        store.close()


def _sides(path: Path, country: str) -> dict[str, int]:
    """The histogram's sides on the fronts of `country`: the tallies of every event."""
    with sqlite3.connect(path) as conn:
        return dict(conn.execute(
            "SELECT t.side, sum(t.n) FROM tallies t JOIN fronts f ON f.slug = t.front "
            "WHERE t.key = '' AND f.country = ? GROUP BY 1 HAVING sum(t.n) > 0", (country,)))


def _side(path: Path, key: str) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT side FROM events WHERE source_event_id = ?", (key,)).fetchone()[0]


def test_russia_is_a_side_of_its_own_in_ukraine_and_the_governments_ally_in_syria(db_path: Path) -> None:
    syria = _sides(db_path, "Syria")
    _import(db_path)
    ukraine = _sides(db_path, "Ukraine")
    # Russia's three attacks (ground, the air force, on civilians) apart from Ukraine's two.
    assert ukraine == {FOREIGN: 4, "government": 2, "protesters": 1}
    assert _side(db_path, "UKR900002") == FOREIGN  # its strike on civilians too: its bloc in this war
    assert _sides(db_path, "Syria") == syria and syria["government"] > 0
    with sqlite3.connect(db_path) as conn:
        blocs = dict(conn.execute("SELECT faction, bloc FROM faction_blocs WHERE country = 'Ukraine'"))
        assert blocs[FORCE] == blocs[VKS] == FOREIGN
        assert "military-forces-of-ukraine-2019" not in blocs  # the country's own forces
        own = conn.execute("SELECT bloc FROM factions WHERE slug = ?", (FORCE,)).fetchone()[0]
        assert own == "government"  # its bloc everywhere else
        assert conn.execute("SELECT name FROM blocs WHERE slug = ?", (FOREIGN,)).fetchone()[0] == \
            "Russia (foreign forces)"


def test_a_second_import_keeps_the_sides_and_counts_by_the_countrys_bloc(db_path: Path) -> None:
    _import(db_path)
    first = _sides(db_path, "Ukraine")
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM import_state")  # read every row again: the bulk writer's sides
        conn.execute("UPDATE events SET row_hash = NULL")
    _import(db_path)
    assert _sides(db_path, "Ukraine") == first


def test_a_users_bloc_wins_everywhere_and_one_for_a_country_stays(db_path: Path) -> None:
    _import(db_path)
    store = Store(db_path)
    try:
        store.set_faction("military-forces-of-russia-2000-donetsk-peoples-militia", bloc="militias",
                          country="Ukraine")
        store.set_faction(VKS, bloc="opposition")  # everywhere: the import's row for Ukraine goes
    finally:
        store.close()
    _import(db_path)  # an import after: neither is undone
    assert _side(db_path, "UKR900003") == "opposition"
    assert _side(db_path, "UKR900001") == FOREIGN
    with sqlite3.connect(db_path) as conn:
        rows = set(conn.execute("SELECT faction, bloc, rank FROM faction_blocs"))
    assert ("military-forces-of-russia-2000-donetsk-peoples-militia", "militias", 2) in rows
    assert not any(f == VKS for f, _, _ in rows)


def test_a_schema_8_store_migrates_and_is_put_right_on_its_next_import(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        for name, x in (("side_party_insert", "new"), ("side_party_delete", "old")):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
            head, _, _ = sql.partition("UPDATE events SET side = ")
            conn.execute(f"DROP TRIGGER {name}")
            side = _V8_SIDE.format(x=x)
            conn.execute(f"{head}UPDATE events SET side = {side} WHERE id = {x}.event "
                         f"AND side IS NOT {side}; END")
        conn.execute("DROP TABLE faction_blocs")
        conn.execute("PRAGMA user_version = 8")
    _import(db_path)  # opening migrates: the table, and the triggers that read it
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 9
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'side_party_insert'").fetchone()[0]
        assert "faction_blocs" in sql
    assert _sides(db_path, "Ukraine") == {FOREIGN: 4, "government": 2, "protesters": 1}


async def test_the_picker_on_a_ukraine_front_groups_russia_apart(db_path: Path) -> None:
    _import(db_path)
    with sqlite3.connect(db_path) as conn:
        donetsk = conn.execute("SELECT slug FROM fronts WHERE country = 'Ukraine' AND admin1 = 'Donetsk'"
                               ).fetchone()[0]
        syria = conn.execute("SELECT slug FROM fronts WHERE country = 'Syria' LIMIT 1").fetchone()[0]
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        for front, russia in ((donetsk, FOREIGN), (syria, "government")):
            app.select_front(front)
            await settle(pilot)
            await pilot.press("f")
            await settle(pilot)
            picker = app.screen
            assert isinstance(picker, FilterPicker)
            assert picker.by_slug[FORCE].bloc == picker.by_slug[VKS].bloc == russia
            assert picker.by_slug["military-forces-of-ukraine-2019"].bloc == "government"
            assert picker.by_slug["saa"].bloc == "government"
            await pilot.press("escape")
            await settle(pilot)


def test_factions_set_country_from_the_command_line(db_path: Path, capsys) -> None:
    from sitroom.tui.cli.main import main

    _import(db_path)
    assert main(["--db", str(db_path), "factions", "set", VKS, "--bloc", "opposition",
                 "--country", "Ukraine"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "in Ukraine: opposition; elsewhere, bloc government" in said
    assert _side(db_path, "UKR900003") == "opposition"  # the air force's event in Ukraine
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT bloc FROM factions WHERE slug = ?", (VKS,)).fetchone()[0] == "government"
    # a country no event names is refused, and nothing changes
    assert main(["--db", str(db_path), "factions", "set", VKS, "--bloc", "militias",
                 "--country", "Narnia"]) == 2
    assert "no events in 'Narnia'" in capsys.readouterr().err
    assert _side(db_path, "UKR900003") == "opposition"
