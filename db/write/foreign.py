"""A state's forces fighting in another country's war take a bloc of their own there (faction_blocs).

A faction's bloc (factions.bloc) is one for the whole store, and a state's forces are coded "government":
with Ukraine's events beside the bundled Syria data, Russia's forces (the Syrian government's allies)
and Ukraine's army stacked as one side. In a country's war, the forces of another state (their name says
which: "Military Forces of Russia (2000-)", or their parent's does) that fight that country's own state
forces more often than they fight beside them are a side of their own there: the bloc "<state> (foreign
forces)", one per state, so that two foreign states in one war (one with the government, one against) are
never one side. Their bloc elsewhere stays: Russia's forces fight beside Syria's, and stay "Government and
allies" in Syria.

Why not ACLED's inter code 8 ("External/Other Forces") alone: ACLED gives Russia's forces 8 in Syria too,
where they are the government's allies. Forces that meet no state force of the country (strikes on
civilians alone) keep their bloc: nothing in the rows says whose side they are on.

A bloc a user set on the faction (factions.edited) wins in every country: no row is written for it. A row
a user set for one country (rank 2) is never replaced. Run after each import's rows, over the whole store,
so an older store is put right on its next import.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict

from .. import tallies
from ..geography import atlas
from .codes import SET_BY_HAND
from .homes import country_code
from .rivals import RIVAL_SORT, free_colour

STATE = "government"  # the bloc a state's forces are coded in
IMPORTED, BY_HAND = 1, 2  # faction_blocs.rank
# "Military Forces of Russia (2000-) Air Force", "Police Forces of Ukraine (2019-)": the state's name.
_OF_STATE = re.compile(
    r"^(?:military|police) forces of (?:the )?(?P<country>[^()]+?)\s*(?:\(|$)", re.IGNORECASE
)
_CAMP = {"actor": "a", "ally": "a", "side_a": "a", "target": "b", "target_ally": "b", "side": "b"}


def _homes(conn: sqlite3.Connection) -> dict[str, str]:
    """The state forces (bloc "government", not set by hand) with the country they are of, by ISO
    code: their own names' country, else their nearest parent's."""
    hand = SET_BY_HAND.format(field="bloc")
    rows = {
        slug: (name, json.loads(aliases or "[]"), parent)
        for slug, name, aliases, parent in conn.execute(
            f"SELECT slug, name, aliases, parent FROM factions WHERE bloc = ? AND NOT {hand}", (STATE,)
        )
    }
    own: dict[str, str | None] = {}
    for slug, (name, aliases, _) in rows.items():
        found = (_OF_STATE.match(" ".join(n.split())) for n in (name, *aliases))
        code = next((country_code(m["country"]) for m in found if m), None)
        own[slug] = code if code and not code.startswith("?") else None

    def home(slug: str, seen: int = 0) -> str | None:
        if own.get(slug) or seen > 20 or slug not in rows:
            return own.get(slug)
        return home(rows[slug][2], seen + 1) if rows[slug][2] else None

    return {slug: code for slug in rows if (code := home(slug))}


# The events of an import (write/bulk.py's WRITTEN), and those of a state's factions in one country.
_WRITTEN = "SELECT e.id FROM temp.import_changed w CROSS JOIN events e ON e.rowid = w.rowid"
_OF_STATE_IN = (
    "SELECT k.event FROM event_keys k CROSS JOIN events e ON e.id = k.event "
    "WHERE k.key IN (SELECT value FROM json_each(?)) AND e.country = ?"
)
DONE = "foreign_forces"  # settings: the whole store was gone through once


def _sides(
    conn: sqlite3.Connection, homes: dict[str, str], events: str, params: tuple = ()
) -> dict[tuple[str, str], list[int]]:
    """For each (state, country it fights in but is not of, as the events name it) among the `events`
    (a query of their ids): [events beside that country's own state forces, events against them]."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_event: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for event, faction, role, country in conn.execute(
        "SELECT ef.event, ef.faction, ef.role, e.country FROM event_factions ef "
        f"CROSS JOIN events e ON e.id = ef.event WHERE ef.event IN ({events}) "
        "AND ef.faction IN (SELECT value FROM json_each(?)) AND e.country IS NOT NULL",
        (*params, json.dumps(sorted(homes))),
    ):
        by_event[event].append((homes[faction], _CAMP.get(role, ""), country))
    for parties in by_event.values():
        country = parties[0][2]
        code = country_code(country)
        hosts = {camp for home, camp, _ in parties if home == code and camp}
        for state in {home for home, _, _ in parties if home != code}:
            camps = {camp for home, camp, _ in parties if home == state and camp}
            counts[state, country][0] += bool(camps & hosts)
            counts[state, country][1] += bool(camps and hosts and camps != hosts)
    return counts


def _counted(conn: sqlite3.Connection, homes: dict[str, str]) -> dict[tuple[str, str], list[int]] | None:
    """_sides over the whole store the first time; after, over the wars this import's events or a row
    already written name, each counted over all its events (read by the factions' keys)."""
    if conn.execute("SELECT 1 FROM settings WHERE key = ?", (DONE,)).fetchone() is None:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, '1')", (DONE,))
        return _sides(conn, homes, "SELECT id FROM events")
    written = conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'import_changed'").fetchone()
    if not written or not conn.execute("SELECT 1 FROM temp.import_changed LIMIT 1").fetchone():
        return None  # no event written: no war's counts changed (a re-import of a file read before)
    wars = set(_sides(conn, homes, _WRITTEN))
    wars |= {
        (homes[f], c)
        for f, c in conn.execute("SELECT faction, country FROM faction_blocs WHERE rank = ?", (IMPORTED,))
        if f in homes
    }
    counts: dict[tuple[str, str], list[int]] = {}
    for state, country in sorted(wars):
        factions = json.dumps(sorted(f for f, home in homes.items() if home == state))
        counts.update(_sides(conn, homes, _OF_STATE_IN, (factions, country)))
    return counts


def _bloc(conn: sqlite3.Connection, state: str) -> str:
    """The bloc of state `state`'s forces abroad, made if new."""
    slug = f"foreign-{state.lower()}"
    if conn.execute("SELECT 1 FROM blocs WHERE slug = ?", (slug,)).fetchone() is None:
        found = atlas().country(state)
        name = f"{getattr(found, 'name', None) or state} (foreign forces)"
        conn.execute(
            "INSERT INTO blocs (slug, name, sort, colour) VALUES (?, ?, ?, ?)",
            (slug, name, RIVAL_SORT, free_colour(conn)),
        )
    return slug


def place_foreign_forces(conn: sqlite3.Connection) -> list[str]:
    """Write the bloc each state's forces take in each country they fight that country's forces in (see
    the module docstring); the countries whose sides changed, whose events' sides and tallies follow."""
    homes = _homes(conn)
    wanted: dict[tuple[str, str], str] = {}
    counted = _counted(conn, homes)
    if counted is None:
        return []
    for (state, country), (beside, against) in counted.items():
        if against > beside:
            bloc = _bloc(conn, state)
            wanted |= {(slug, country): bloc for slug, home in homes.items() if home == state}
    rows = conn.execute("SELECT faction, country, bloc, rank FROM faction_blocs").fetchall()
    had = {(f, c): b for f, c, b, rank in rows if rank == IMPORTED}
    mine = {(f, c) for f, c, _, rank in rows if rank != IMPORTED}  # a user's: never replaced
    gone = [key for key in had if key not in wanted]
    conn.executemany(
        "DELETE FROM faction_blocs WHERE faction = ? AND country = ? AND rank = ?",
        [(*key, IMPORTED) for key in gone],
    )
    new = [(*key, bloc) for key, bloc in wanted.items() if had.get(key) != bloc and key not in mine]
    conn.executemany(
        "INSERT OR REPLACE INTO faction_blocs (faction, country, bloc, rank) VALUES (?, ?, ?, ?)",
        [(*row, IMPORTED) for row in new],
    )
    moved = [*gone, *((f, c) for f, c, _ in new)]
    if moved:
        _reside(conn, moved)
    return sorted({c for _, c in moved})


def _reside(conn: sqlite3.Connection, moved: list[tuple[str, str]]) -> None:
    """The side of the events of each (faction, country) whose bloc there changed: their tallies follow
    by the update trigger (db/tallies.py), a few buckets each rather than a rebuild of the store's."""
    side = tallies.SIDE.format(x="events.id")
    for country in sorted({c for _, c in moved}):
        factions = json.dumps(sorted({f for f, c in moved if c == country}))
        conn.execute(
            f"UPDATE events SET side = {side} WHERE id IN ({_OF_STATE_IN}) AND side IS NOT {side}",
            (factions, country),
        )
