"""Query plans: no timeline page or event lookup the TUI can ask for makes SQLite read the whole events
table, and single-value filters read their rows already in timeline order (no sort of the matches)."""

from __future__ import annotations

import pytest

from db import EventFilter, Store
from db.filters import compile_filter
from db.store import _ROW_COLUMNS, _ROW_FROM

# One of each filter the TUI builds: a front (fronts pane), a faction (picker), a type and a
# certainty (picker), a place (command palette), a search (/), and several at once.
FILTERS = {
    "nothing": EventFilter(),
    "front": EventFilter(fronts=["raqqa"]),
    "faction": EventFilter(factions=["faylaq-al-rahman"]),
    "parent faction": EventFilter(factions=["saa"]),
    "type": EventFilter(types=["capture"]),
    "certainty": EventFilter(certainty=["claimed"]),
    "place": EventFilter(places=["jobar"]),
    "search": EventFilter(text="VBIED"),
    "front and certainty": EventFilter(fronts=["eastern-damascus"], certainty=["claimed"]),
    "front, faction and search": EventFilter(fronts=["raqqa"], factions=["sdf"], text="village"),
}
IN_ORDER = {"nothing", "front", "type", "certainty", "place"}


def plan(store: Store, sql: str, params: tuple) -> list[str]:
    return [row[3] for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def full_scans(steps: list[str]) -> list[str]:
    """Steps that read a table from end to end: 'SCAN e' with no index to walk."""
    return [s for s in steps if s.startswith("SCAN") and "USING" not in s and "VIRTUAL TABLE" not in s]


@pytest.mark.parametrize("name", FILTERS)
def test_timeline_pages_never_scan_the_events_table(store: Store, name: str) -> None:
    compiled = compile_filter(FILTERS[name], store.vocabulary)
    keyset = " AND (e.date < ? OR (e.date = ? AND e.id < ?))"
    for where, params in ((compiled.where, compiled.params),
                          (compiled.where + keyset, (*compiled.params, "2017-06-30", "2017-06-30", "f"))):
        steps = plan(store, f"SELECT {_ROW_COLUMNS} FROM {_ROW_FROM} WHERE {where} "
                            "ORDER BY e.date DESC, e.id DESC LIMIT ?", (*params, 101))
        assert not full_scans(steps), steps
        if name in IN_ORDER:
            assert not [s for s in steps if "TEMP B-TREE" in s], steps


def test_opening_an_event_uses_its_key(store: Store) -> None:
    steps = plan(store, f"SELECT {_ROW_COLUMNS} FROM {_ROW_FROM} WHERE e.id = ?", ("x",))
    assert not full_scans(steps)
    assert any("events" in s or " e " in s for s in steps if s.startswith("SEARCH"))
