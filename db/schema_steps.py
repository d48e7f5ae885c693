"""The store's later schema steps (db/schema.py's SCHEMA_VERSION says what each version brought), each
safe to run again: made a module of their own to keep schema.py readable."""

from __future__ import annotations

import sqlite_utils

# The timeline's index: (date, id) orders the pages; front, type and certainty are there to be tested.
TIMELINE = ("date", "id", "front", "event_type", "certainty")
DROPPED_IN_7 = ("events_front_date_id", "events_type_date_id", "events_certainty_date_id",
                "event_factions_faction")


def version_7(db: sqlite_utils.Database) -> None:
    """The index set of version 7 (see SCHEMA_VERSION). A store analysed before (sqlite_stat1) keeps
    what its statistics said of the columns the new indexes lead with."""
    conn = db.conn
    analysed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    stat = (lambda name: conn.execute("SELECT stat FROM sqlite_stat1 WHERE idx = ?", (name,)).fetchone()
            ) if analysed else (lambda name: None)
    timeline, types = stat("events_date_id"), stat("events_type_date_id")
    for name in DROPPED_IN_7:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    if [r[2] for r in conn.execute("PRAGMA index_info(events_date_id)")] != list(TIMELINE):
        conn.execute("DROP INDEX IF EXISTS events_date_id")
        conn.execute(f"CREATE INDEX events_date_id ON events ({', '.join(TIMELINE)})")
        if timeline:  # (rows, rows a date) holds; the id makes each entry unique
            rows, per_date = timeline[0].split()[:2]
            conn.execute("INSERT INTO sqlite_stat1 VALUES ('events', 'events_date_id', ?)",
                         (f"{rows} {per_date} 1 1 1 1",))
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_type'").fetchone():
        # By date within a type: an import's events, written in date order, land in order in it
        # (by type alone, they land by rowid, all over it: twice the cost).
        conn.execute("CREATE INDEX events_type ON events (event_type, date)")
        if types:  # (rows, rows a type, rows a type and day)
            conn.execute("INSERT INTO sqlite_stat1 VALUES ('events', 'events_type', ?)",
                         (" ".join(types[0].split()[:3]),))


def version_8(db: sqlite_utils.Database) -> None:
    """The fields of each faction a user set by hand (db/store/editing.py): none, in an older store."""
    if "edited" not in db["factions"].columns_dict:
        db.conn.execute("ALTER TABLE factions ADD COLUMN edited TEXT")


# The bloc a faction takes in one country's war where it differs from factions.bloc (db/write/foreign.py):
# Russia's forces are the Syrian government's allies in Syria and a side of their own in Ukraine.
# country: as the events name it (events.country); rank: 1 the importer's, 2 a user's (never replaced).
FACTION_BLOCS = """
CREATE TABLE IF NOT EXISTS faction_blocs (
    faction TEXT NOT NULL REFERENCES factions (slug), country TEXT NOT NULL,
    bloc TEXT NOT NULL REFERENCES blocs (slug), rank INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (faction, country)
) WITHOUT ROWID;
"""


def version_9(db: sqlite_utils.Database) -> None:
    """A faction's bloc per country (FACTION_BLOCS): none in an older store until its next import. The
    sides read the events' country, which a store older than 4 gains here, before its tallies are made."""
    db.conn.execute(FACTION_BLOCS)
    if "country" not in db["events"].columns_dict:
        db.conn.execute("ALTER TABLE events ADD COLUMN country TEXT")
