"""Derived tables that keep counting and faction filtering fast on large stores, kept exact by
triggers so no writer can forget them.

- faction_ancestors(faction, ancestor): each faction with itself and every parent above it.
- event_keys(key, event, date): an event under each faction it names and each of their ancestors, once.
  Filtering on a parent (SAA) is one key, read in timeline order from one index.
- tallies(key, front, event_type, certainty, month, day_precise, side, n): event counts per month; key ''
  is every event, other keys are factions as in event_keys. Counts under a filter without text or place
  are sums over a few thousand rows instead of a pass over the events.
- Only the events that lead a happening (events.happening IS NULL, db/happenings/) are counted: an
  event another source also reports is one happening, counted once.
- events.side: the bloc of the event's actor (the first bloc in bloc order when actors of several blocs
  act together; '' when the source names no actor), kept by triggers on event_factions. The histogram
  stacks by it.
"""

from __future__ import annotations

import sqlite3

from .rules import PARTY_BLOC, PARTY_BLOCS, SIDE_ORDER, SIDE_ROLES_SQL, side_of

TABLES = """
CREATE TABLE IF NOT EXISTS faction_ancestors (
    faction TEXT NOT NULL, ancestor TEXT NOT NULL, PRIMARY KEY (faction, ancestor)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS event_keys (
    event TEXT NOT NULL, key TEXT NOT NULL, date TEXT NOT NULL, PRIMARY KEY (event, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_keys_key_date ON event_keys (key, date, event);
CREATE TABLE IF NOT EXISTS tallies (
    key TEXT NOT NULL, front TEXT NOT NULL, event_type TEXT NOT NULL, certainty TEXT NOT NULL,
    month TEXT NOT NULL, day_precise INTEGER NOT NULL, side TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, front, event_type, certainty, month, day_precise, side)
) WITHOUT ROWID;
"""

_BUCKET = "key, front, event_type, certainty, month, day_precise, side"

# The side of event {x}: its actors' bloc, else its side A's, the first in bloc order ('' when it names
# neither).
SIDE = f"coalesce(({side_of('{x}')}), '')"

# One bucket of tallies for the event `{e}` under key `{k}`, changed by `{d}` (+1 or -1).
_BUMP = """
INSERT INTO tallies ({b}, n)
SELECT {k}, {e}.front, {e}.event_type, {e}.certainty, substr({e}.date, 1, 7),
       {e}.date_precision = 'day', {e}.side, {d} WHERE {e}.happening IS NULL
ON CONFLICT ({b}) DO UPDATE SET n = n + ({d});
"""

TRIGGERS = f"""
CREATE TRIGGER IF NOT EXISTS tally_event_insert AFTER INSERT ON events BEGIN
    {_BUMP.format(k="''", e="new", d="1", b=_BUCKET)}
END;
CREATE TRIGGER IF NOT EXISTS tally_event_delete BEFORE DELETE ON events BEGIN
    DELETE FROM event_keys WHERE event = old.id;
    {_BUMP.format(k="''", e="old", d="-1", b=_BUCKET)}
END;
CREATE TRIGGER IF NOT EXISTS tally_event_update
AFTER UPDATE OF front, event_type, certainty, date, date_precision, side, happening ON events BEGIN
    {_BUMP.format(k="''", e="old", d="-1", b=_BUCKET)}
    {_BUMP.format(k="''", e="new", d="1", b=_BUCKET)}
    INSERT INTO tallies ({_BUCKET}, n)
    SELECT k.key, x.front, x.event_type, x.certainty, x.month, x.day_precise, x.side, x.d
      FROM event_keys k,
           (SELECT old.front AS front, old.event_type AS event_type, old.certainty AS certainty,
                   substr(old.date, 1, 7) AS month, old.date_precision = 'day' AS day_precise,
                   old.side AS side, -1 AS d WHERE old.happening IS NULL
            UNION ALL
            SELECT new.front, new.event_type, new.certainty, substr(new.date, 1, 7),
                   new.date_precision = 'day', new.side, 1 WHERE new.happening IS NULL) x
     WHERE k.event = new.id AND true
    ON CONFLICT ({_BUCKET}) DO UPDATE SET n = n + excluded.n;
    UPDATE event_keys SET date = new.date WHERE event = new.id AND date != new.date;
END;
CREATE TRIGGER IF NOT EXISTS keys_party_insert AFTER INSERT ON event_factions BEGIN
    INSERT OR IGNORE INTO event_keys (event, key, date)
    SELECT new.event, a.ancestor, e.date
      FROM faction_ancestors a JOIN events e ON e.id = new.event
     WHERE a.faction = new.faction;
END;
CREATE TRIGGER IF NOT EXISTS keys_party_delete AFTER DELETE ON event_factions BEGIN
    DELETE FROM event_keys
     WHERE event = old.event
       AND key NOT IN (SELECT a.ancestor FROM event_factions ef
                         JOIN faction_ancestors a ON a.faction = ef.faction
                        WHERE ef.event = old.event);
END;
CREATE TRIGGER IF NOT EXISTS tally_key_insert AFTER INSERT ON event_keys BEGIN
    INSERT INTO tallies ({_BUCKET}, n)
    SELECT new.key, e.front, e.event_type, e.certainty, substr(e.date, 1, 7),
           e.date_precision = 'day', e.side, 1
      FROM events e WHERE e.id = new.event AND e.happening IS NULL
    ON CONFLICT ({_BUCKET}) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS tally_key_delete AFTER DELETE ON event_keys BEGIN
    INSERT INTO tallies ({_BUCKET}, n)
    SELECT old.key, e.front, e.event_type, e.certainty, substr(e.date, 1, 7),
           e.date_precision = 'day', e.side, -1
      FROM events e WHERE e.id = old.event AND e.happening IS NULL
    ON CONFLICT ({_BUCKET}) DO UPDATE SET n = n - 1;
END;
CREATE TRIGGER IF NOT EXISTS side_party_insert AFTER INSERT ON event_factions
WHEN new.role IN ({SIDE_ROLES_SQL}) BEGIN
    UPDATE events SET side = {SIDE.format(x="new.event")}
     WHERE id = new.event AND side IS NOT {SIDE.format(x="new.event")};
END;
CREATE TRIGGER IF NOT EXISTS side_party_delete AFTER DELETE ON event_factions
WHEN old.role IN ({SIDE_ROLES_SQL}) BEGIN
    UPDATE events SET side = {SIDE.format(x="old.event")}
     WHERE id = old.event AND side IS NOT {SIDE.format(x="old.event")};
END;
CREATE TRIGGER IF NOT EXISTS ancestors_faction_insert AFTER INSERT ON factions BEGIN
    INSERT OR IGNORE INTO faction_ancestors (faction, ancestor)
    SELECT new.slug, new.slug
    UNION ALL
    SELECT new.slug, a.ancestor FROM faction_ancestors a WHERE a.faction = new.parent;
END;
"""


def create(conn: sqlite3.Connection) -> None:
    """Create the derived tables and their triggers (in an empty or a version-1 store)."""
    conn.executescript(TABLES)
    _script(conn, TRIGGERS)


TRIGGER_NAMES = ("tally_event_insert", "tally_event_delete", "tally_event_update", "keys_party_insert",
                 "keys_party_delete", "tally_key_insert", "tally_key_delete", "side_party_insert",
                 "side_party_delete", "ancestors_faction_insert")


def drop_triggers(conn: sqlite3.Connection) -> None:
    """For a bulk load that calls rebuild() afterwards, which puts them back."""
    for name in TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def _script(conn: sqlite3.Connection, script: str) -> None:
    """`script`'s statements one by one, inside the transaction open on `conn`: executescript would
    commit it first (an import's rows half-written when Ctrl-C comes after)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill the derived tables from factions, events and event_factions, from scratch, inside the
    caller's transaction."""
    _script(
        conn,
        """
        DELETE FROM faction_ancestors;
        DELETE FROM event_keys;
        DELETE FROM tallies;
        WITH RECURSIVE up(faction, ancestor) AS (
            SELECT slug, slug FROM factions
            UNION SELECT up.faction, f.parent FROM up JOIN factions f ON f.slug = up.ancestor
             WHERE f.parent IS NOT NULL
        )
        INSERT INTO faction_ancestors SELECT faction, ancestor FROM up;
        """
    )
    # Filled with the triggers off, then counted in one pass: much faster than row by row.
    drop_triggers(conn)
    conn.execute(
        "INSERT OR IGNORE INTO event_keys (event, key, date) "
        "SELECT ef.event, a.ancestor, e.date FROM event_factions ef "
        "JOIN faction_ancestors a ON a.faction = ef.faction JOIN events e ON e.id = ef.event"
    )
    conn.execute("UPDATE events SET side = ''")
    # SIDE for every event at once: the first of each event's side blocs, by a window over all of them.
    conn.execute(
        "UPDATE events SET side = s.bloc FROM ("
        f"  SELECT ef.event AS event, {PARTY_BLOC} AS bloc,"
        f"         row_number() OVER (PARTITION BY ef.event ORDER BY {SIDE_ORDER}) AS r"
        f"    FROM {PARTY_BLOCS} WHERE ef.role IN ({SIDE_ROLES_SQL})) s "
        "WHERE s.event = events.id AND s.r = 1"
    )
    conn.execute(
        f"INSERT INTO tallies ({_BUCKET}, n) SELECT '', front, event_type, certainty, substr(date, 1, 7), "
        "date_precision = 'day', side, count(*) FROM events WHERE happening IS NULL GROUP BY 2, 3, 4, 5, 6, 7"
    )
    conn.execute(
        f"INSERT INTO tallies ({_BUCKET}, n) SELECT k.key, e.front, e.event_type, e.certainty, "
        "substr(e.date, 1, 7), e.date_precision = 'day', e.side, count(*) "
        "FROM event_keys k JOIN events e ON e.id = k.event WHERE e.happening IS NULL "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )
    _script(conn, TRIGGERS)
