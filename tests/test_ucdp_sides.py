"""UCDP GED rows (tests/data/real/ucdp_ged_231_car.csv: 16 of UCDP's own rows, CC BY 4.0) give their
groups blocs from what the row says of each side (formats/ucdp.py): a side with a Gleditsch-Ward number
is a government, side B of a state-based conflict without one a rebel group, the sides of a non-state
conflict militias, side B of one-sided violence civilians. Every group stays a side (undirected, never an
actor: the linker matches actors), side A's in a role of its own whose bloc is the event's side: the
government's in a state-based conflict, the perpetrator's in one-sided violence."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, create_store, tallies
from sitroom.db.files import importing, preparing, worker
from sitroom.db.files.formats import ucdp
from sitroom.db.files.formats.common import Context
from sitroom.db.geography import atlas
from sitroom.db.loader import prepare_event, write_events
from sitroom.db.reference import read_reference
from sitroom.db.write.resolve import Resolver

from .test_bulk_import import imported
from .test_tallies import derived

REAL = Path(__file__).parent / "data" / "real"


@pytest.fixture(autouse=True)
def row_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparing, "BATCH", 1)  # each row staged before the next is resolved


def test_ucdp_sides_give_blocs(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    report = imported(path, REAL / "ucdp_ged_231_car.csv")
    assert (report.counts.added, report.bad) == (16, [])
    conn = sqlite3.connect(path)
    blocs = dict(conn.execute("SELECT name, bloc FROM factions"))
    sides = dict(conn.execute("SELECT source_event_id, side FROM events"))
    roles = set(conn.execute("SELECT e.source_event_id, f.name, ef.role FROM event_factions ef "
                             "JOIN events e ON e.id = ef.event JOIN factions f ON f.slug = ef.faction"))
    conn.close()
    assert {name: blocs[name] for name in (
        "Government of Uganda", "Government of Central African Republic", "LRA", "CPC", "FPRC", "MPC",
        "UPC", "anti-Balaka", "Civilians")} == {
        "Government of Uganda": "government",  # gwnoa 500: a state's, fighting abroad
        "Government of Central African Republic": "government", "LRA": "opposition",
        "CPC": "opposition",  # side B of a state-based conflict before it attacks civilians (type 3)
        "FPRC": "militias", "MPC": "militias",  # first met attacking civilians (uncoded), then type 2
        "UPC": "militias", "anti-Balaka": "militias", "Civilians": "civilians"}
    assert {("232614", "FPRC", "side_a"), ("232614", "MPC", "side_a"), ("232614", "Civilians", "side"),
            ("61575", "Government of Uganda", "side_a"), ("61575", "LRA", "side")} <= roles
    assert {role for _, _, role in roles} == {"side_a", "side"}  # never an actor or a target
    assert (sides["61575"], sides["428791"]) == ("government", "government")  # state-based: the government
    assert (sides["425023"], sides["391744"], sides["397576"], sides["232614"]) == (
        "government", "opposition", "militias", "militias")  # one-sided: the perpetrator, not civilians
    assert (sides["232687"], sides["377552"]) == ("militias", "militias")  # non-state: the first group
    conn = sqlite3.connect(path)
    kept = derived(conn)
    with conn:
        tallies.rebuild(conn)
    assert derived(conn) == kept  # sides, keys and tallies as a rebuild makes them
    conn.close()


def _sides_and_tallies(path: Path) -> tuple[dict, list]:
    with sqlite3.connect(path) as conn:
        return (dict(conn.execute("SELECT source_event_id, side FROM events")),
                sorted(conn.execute("SELECT * FROM tallies WHERE n != 0")))


@pytest.mark.parametrize("fork", [False, True])
def test_ucdp_sides_alike_in_bulk_row_by_row_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          fork: bool) -> None:
    """Side A's bloc gives the event its side the same way in a bulk import (in a process of its own or
    not), row by row (the triggers) and in a rebuild; FPRC, met uncoded attacking civilians and coded a
    militia later, puts its earlier event's side right in each."""
    bulk, rows = tmp_path / "bulk.db", tmp_path / "rows.db"
    for path in (bulk, rows):
        create_store(path, bundled=False)
    monkeypatch.setattr(worker, "WORKER_FROM", 0 if fork else 10**9)
    forked: list[bool] = []
    monkeypatch.setattr(importing, "can_fork",
                        lambda lines: forked.append(worker.can_fork(lines)) or forked[-1])
    assert imported(bulk, REAL / "ucdp_ged_231_car.csv").counts.added == 16 and forked == [fork]
    store = Store(rows)
    conn = store.db.conn
    with (REAL / "ucdp_ged_231_car.csv").open(encoding="utf-8", newline="") as f:
        lines = list(csv.DictReader(f))
    with conn:
        resolver, context = Resolver(conn, read_reference(conn)), Context()
        for line in lines:  # each event written before the next row is resolved
            write_events(conn, [prepare_event(ucdp.to_record(line, resolver, context), resolver.ref)])
            resolver.keep()
    store.close()
    sides, counted = _sides_and_tallies(bulk)
    assert (sides, counted) == _sides_and_tallies(rows)
    assert sides["232614"] == "militias" and "" not in sides.values()
    assert {side for _, _, _, _, _, _, side, _ in counted} == {"government", "opposition", "militias"}
    for path in (bulk, rows):
        conn = sqlite3.connect(path)
        kept = derived(conn)
        with conn:
            tallies.rebuild(conn)
        assert derived(conn) == kept  # sides, keys and tallies as a rebuild makes them
        conn.close()


def test_a_store_imported_before_side_a_is_put_right_by_importing_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows imported when side A was a plain side are not unchanged to the next import (the importer's
    version is in their fingerprints): importing the file again gives them side A and a side."""
    from sitroom.db.write import fingerprints

    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    with monkeypatch.context() as before:
        before.setattr(fingerprints, "IMPORTER_VERSION", 2)
        before.setattr(ucdp, "groups", lambda side, role="side", code=None: [
            (name, "side", code) for name in (side or "").split(", ") if name.strip()])
        imported(path, REAL / "ucdp_ged_231_car.csv")
    assert set(_sides_and_tallies(path)[0].values()) == {""}
    again = imported(path, REAL / "ucdp_ged_231_car.csv")
    assert (again.counts.updated, again.counts.unchanged) == (16, 0)
    assert "" not in _sides_and_tallies(path)[0].values()


def test_the_histogram_stacks_ucdp_events_by_side_a(tmp_path: Path) -> None:
    """The browser's "confirmed by side" legend names UCDP's side A blocs, not "no actor named"."""
    from sitroom.tui.widgets.timeline import Histogram

    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    imported(path, REAL / "ucdp_ged_231_car.csv")
    store = Store(path)
    try:
        legend = Histogram.of(store.facets(), tuple(store.blocs())).text(100).plain
    finally:
        store.close()
    assert "no actor named" not in legend
    assert all(word in legend for word in ("Government", "opposition", "Militias")), legend


@pytest.mark.parametrize(("name", "iso3"), [
    ("DR Congo (Zaire)", "COD"), ("Russia (Soviet Union)", "RUS"), ("Yemen (North Yemen)", "YEM"),
    ("Cambodia (Kampuchea)", "KHM"), ("Zimbabwe (Rhodesia)", "ZWE"), ("Madagascar (Malagasy)", "MDG"),
    ("Myanmar (Burma)", "MMR"), ("Serbia (Yugoslavia)", "SRB"), ("Bosnia-Herzegovina", "BIH"),
    ("Macedonia, FYR", "MKD"), ("Kingdom of eSwatini (Swaziland)", "SWZ"), ("Congo", "COG"),
])
def test_ucdp_country_names(name: str, iso3: str) -> None:
    found = atlas().country(name)
    assert found is not None and found.code == iso3


async def test_the_browser_shows_the_dyad_side_a_first(tmp_path: Path) -> None:
    """A UCDP event names no actor: the timeline's Who column shows its dyad, side A first ("Gov · LRA"),
    and the event pane calls side A's faction "side A", not the stored role's name."""
    from .helpers import column, make_app, settle

    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    imported(path, REAL / "ucdp_ged_231_car.csv")
    app = make_app(path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        who = column(app, "who")
        dyads = [w for w in who if " · " in w]
        assert dyads and all("▸" not in w for w in dyads), who
        assert any(w.startswith("UGA-Gov") and w.endswith("LRA") for w in who), who
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "side_a" not in screen
