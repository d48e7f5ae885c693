"""The store's tables, indexes and full-text index, created through sqlite-utils.

The schema version lives in SQLite's user_version so that a store written by a newer sitroom is refused
rather than misread.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import sqlite_utils

from . import tallies
from .rules import capture, claimed_capture, crosses_month, period_end
from .schema_steps import DROPPED_IN_7 as DROPPED_IN_7  # read from here by the tests
from .schema_steps import TIMELINE as TIMELINE
from .schema_steps import version_7, version_8, version_9

# 1: blocs, fronts, factions, places, sources, events, event_factions.
# 2: faction_ancestors, event_keys and tallies (see db/tallies.py).
# 3: events.side and tallies by side (the stacked histogram), bloc colours, an index of captures,
#    rowids spread evenly (estimates from a sample).
# 4: what a dataset's row says beyond sitroom's own fields (EVENT_DATASET_COLUMNS): the dataset's event
#    id, type and sub-type, a date range, how precisely the event is located and the area it is located
#    to when it is not a point, admin1 and country as the row names them, the rest of the row (JSON).
#    What defines each front (FRONT_COLUMNS, db/fronts/).
# 5: happenings (db/happenings/): events.happening (NULL: the event leads its happening; else the lead's
#    id), events.linked_by_hand (1: joined or split by hand; the automatic linker leaves it be),
#    events.reviewed (1: an analyst accepted it in `ingest --review`; 0: it landed unreviewed; NULL: a
#    dataset's row or the bundled data), the queue of events to link, and the store's settings. A
#    migrated store's events are linked as it migrates.
#    Each event's row fingerprint and the store's reference generation (db/write/fingerprints.py):
#    a re-import skips the rows it read before, unchanged.
# 6: each event's own stated location precision in km (events.precision_km: an extraction located
#    "east of Khanasir" says how roughly; the linker allows for it), and the reports' own text (reports:
#    what `sitroom review` shows beside the events, whether a person reviewed the report, what a review
#    dropped and what each edited event was extracted as).
# 7: fewer indexes on events, each new event a page write in each (issue 16): the timeline's index
#    (events_date_id) also holds front, type and certainty, so a page filtered on them is read from it in
#    order, rows that fail tested without reading them; the per-front, per-type and per-certainty
#    indexes and event_factions_faction (no query read it) are dropped; event types are listed from an
#    index of their own (events_type: by type and date, so an import in date order appends to it).
# 8: the fields of each faction a user set by hand (factions.edited, JSON: ["bloc", "short"]), which no
#    import changes after (db/store/editing.py).
# 9: the bloc a faction takes in one country's war where it differs from its own (faction_blocs,
#    db/write/foreign.py): an older store has none until its next import.
SCHEMA_VERSION = 9
EVENT_DATASET_COLUMNS: dict[str, type] = {
    "source_event_id": str, "source_type": str, "source_sub_type": str, "date_end": str,
    "location_precision": str, "area": str, "admin1": str, "country": str, "attributes": str,
}
# kind: user | bundled (defined by an area or a list of divisions, in `definition`, JSON) | division |
# country (one of a country's first-level divisions, or its events known only to the country) | other.
FRONT_COLUMNS: dict[str, type] = {"kind": str, "country": str, "admin1": str, "definition": str}
# SQLite's application_id of a sitroom store ("SITR"): set when a store is made, and on the first
# writable open of a store made before it existed. A file without it is a sitroom store only if it has
# sitroom's tables and columns (LEGACY_TABLES).
APPLICATION_ID = 0x53495452
LEGACY_TABLES = {
    "blocs": {"slug", "name", "sort"},
    "fronts": {"slug", "name", "description", "sort", "bbox"},
    "factions": {"slug", "name", "short", "aliases", "parent", "bloc", "colour"},
    "places": {"id", "name", "aliases", "lat", "lon", "admin1", "kind", "front"},
    "sources": {"id", "title", "publisher", "published", "url", "kind"},
    "events": {"id", "date", "date_precision", "front", "place", "event_type", "summary", "certainty",
               "source", "excerpt"},
    "event_factions": {"event", "faction", "role"},
}
FTS_COLUMNS = ("summary", "excerpt")
DATA = resources.files(__package__) / "data"
SAMPLE_SPACE = 1 << 56  # event rowids are spread evenly over 1 … 2**56 (event_rowid)


def bundled_blocs() -> list[dict]:
    """The bundled blocs (data/blocs.json): slug, name, sort and colour of each."""
    return json.loads((DATA / "blocs.json").read_text(encoding="utf-8"))


def bundled_factions() -> list[dict]:
    """The bundled factions (data/factions.json): slug, name, short, parent, bloc, colour, aliases."""
    return json.loads((DATA / "factions.json").read_text(encoding="utf-8"))


def bundled_places() -> list[dict]:
    """The bundled places (data/places.json): id, name, kind, front, admin1, point, aliases."""
    return json.loads((DATA / "places.json").read_text(encoding="utf-8"))


def event_rowid(event_id: str) -> int:
    """An event's rowid, derived from its id: evenly spread and unrelated to date, front or text, so
    the events below any rowid are a fair random sample of the store (Store.estimate reads one)."""
    return int.from_bytes(hashlib.blake2b(event_id.encode(), digest_size=7).digest(), "big") + 1


class SchemaError(RuntimeError):
    """The file is not a sitroom store this version can open."""


def create(db: sqlite_utils.Database) -> None:
    """Create every table and index in an empty database."""
    db.execute("PRAGMA foreign_keys = ON")
    db["blocs"].create({"slug": str, "name": str, "sort": int, "colour": str}, pk="slug",
                       not_null={"name"})
    db["fronts"].create(
        {"slug": str, "name": str, "description": str, "sort": int, "bbox": str},
        pk="slug",
        not_null={"name"},
    )
    db["factions"].create(
        {"slug": str, "name": str, "short": str, "aliases": str, "parent": str, "bloc": str,
         "colour": str, "edited": str},
        pk="slug",
        not_null={"name", "short", "bloc"},
        foreign_keys=[("parent", "factions", "slug"), ("bloc", "blocs", "slug")],
    )
    db["places"].create(
        {"id": str, "name": str, "aliases": str, "lat": float, "lon": float, "precision_km": float,
         "admin1": str, "kind": str, "front": str},
        pk="id",
        not_null={"name"},
        foreign_keys=[("front", "fronts", "slug")],
    )
    db["sources"].create(
        {"id": str, "title": str, "publisher": str, "published": str, "url": str, "kind": str},
        pk="id",
        not_null={"title"},
    )
    db["events"].create(
        {"id": str, "date": str, "date_precision": str, "front": str, "place": str, "lat": float,
         "lon": float, "event_type": str, "summary": str, "certainty": str, "fatalities": int,
         "source": str, "excerpt": str, "side": str, **EVENT_DATASET_COLUMNS, "precision_km": float},
        pk="id",
        not_null={"date", "date_precision", "front", "event_type", "summary", "certainty", "side"},
        defaults={"side": ""},
        foreign_keys=[("front", "fronts", "slug"), ("place", "places", "id"),
                      ("source", "sources", "id")],
    )
    db["event_factions"].create(
        {"event": str, "faction": str, "role": str},
        pk=("event", "faction", "role"),
        foreign_keys=[("event", "events", "id"), ("faction", "factions", "slug")],
    )
    # A place's events in timeline order (a place filter, the linker's candidates), a source's (a
    # source filter, the linker); the timeline's own index is version 7's.
    events = db["events"]
    events.create_index(["place", "date", "id"], index_name="events_place_date_id")
    events.create_index(["source"], index_name="events_source")
    db["factions"].create_index(["parent"], index_name="factions_parent")
    db["places"].create_index(["front"], index_name="places_front")
    events.enable_fts(
        list(FTS_COLUMNS), fts_version="FTS5", create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )
    _happening_columns(db)
    _version_3_extras(db)
    _version_4_extras(db)
    _version_4_fronts(db)
    _version_5_happenings(db)
    _version_5_import(db)
    _version_6(db)
    version_7(db)
    version_9(db)
    tallies.create(db.conn)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def migrate(db: sqlite_utils.Database) -> bool:
    """Bring an older store up to SCHEMA_VERSION, in one transaction. Returns True if it did."""
    found = version(db)
    if found >= SCHEMA_VERSION:
        return False
    with db.conn:
        _happening_columns(db)  # the rules the older steps' indexes are written in name them
        version_8(db)
        version_9(db)  # before any step that rebuilds the tallies: the sides read it
        if found < 9:  # the side triggers again, reading a faction's bloc in the event's country
            tallies.drop_triggers(db.conn)
            tallies.create(db.conn)
        if found < 7:
            version_7(db)  # first: the older steps then write fewer indexes
        if found < 3:
            if "colour" not in db["blocs"].columns_dict:
                db.conn.execute("ALTER TABLE blocs ADD COLUMN colour TEXT")
            if "side" not in db["events"].columns_dict:
                db.conn.execute("ALTER TABLE events ADD COLUMN side TEXT NOT NULL DEFAULT ''")
            for bloc in bundled_blocs():
                db.conn.execute("UPDATE blocs SET colour = ? WHERE slug = ?", (bloc["colour"], bloc["slug"]))
            _version_3_extras(db)
            # Spread the rowids (see event_rowid) and re-index the text under them.
            db.conn.create_function("event_rowid", 1, event_rowid, deterministic=True)
            db.conn.execute("UPDATE events SET rowid = -rowid")  # out of the way of the new ones
            db.conn.execute("UPDATE events SET rowid = event_rowid(id)")
            db.conn.execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
            db.conn.execute("DROP TABLE IF EXISTS tallies")
            tallies.drop_triggers(db.conn)
            tallies.create(db.conn)
            tallies.rebuild(db.conn)
        if found < 4:
            have = db["events"].columns_dict
            for column in EVENT_DATASET_COLUMNS:
                if column not in have:
                    db.conn.execute(f"ALTER TABLE events ADD COLUMN {column} TEXT")
            db.conn.execute("UPDATE events SET admin1 = (SELECT admin1 FROM places WHERE id = events.place) "
                            "WHERE place IS NOT NULL AND admin1 IS NULL")
            _version_4_extras(db)
            _version_4_fronts(db, migrating=True)
        if found < 6:
            _version_6(db)  # before the happenings: their triggers name the new column
        if found < 5:
            _version_5_happenings(db, migrating=True)
            _version_5_import(db)
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return True


def _version_3_extras(db: sqlite_utils.Database) -> None:
    # Setting an event's side must not re-index its text: the full-text trigger fires only when the
    # text changes.
    db.conn.executescript(f"""
        DROP TRIGGER IF EXISTS events_au;
        CREATE TRIGGER events_au AFTER UPDATE OF summary, excerpt ON events BEGIN
          INSERT INTO events_fts (events_fts, rowid, summary, excerpt)
          VALUES ('delete', old.rowid, old.summary, old.excerpt);
          INSERT INTO events_fts (rowid, summary, excerpt) VALUES (new.rowid, new.summary, new.excerpt);
        END;
        CREATE INDEX IF NOT EXISTS events_captures ON events (place, date, id) WHERE {capture()};
    """)


def _version_4_extras(db: sqlite_utils.Database) -> None:
    # A dataset's own id finds its event (`/SYR142301`) and keeps re-imports idempotent.
    db.conn.execute("CREATE INDEX IF NOT EXISTS events_source_event_id ON events (source_event_id) "
                    "WHERE source_event_id IS NOT NULL")
    # Events whose period runs past their month (counts as of a day take them away from the tallies'
    # months), and claimed or rumoured captures (the map marks the latest as claims).
    db.conn.execute(f"CREATE INDEX IF NOT EXISTS events_spans ON events ({period_end()}, date) "
                    f"WHERE {crosses_month()}")
    db.conn.execute("CREATE INDEX IF NOT EXISTS events_capture_claims ON events (place, date, id) "
                    f"WHERE {claimed_capture()}")


def _version_4_fronts(db: sqlite_utils.Database, migrating: bool = False) -> None:
    """The columns saying what defines each front. An older store's bundled fronts get their areas,
    and its events their fronts by today's rules (db/fronts/)."""
    have = db["fronts"].columns_dict
    for column in FRONT_COLUMNS:
        if column not in have:
            db.conn.execute(f"ALTER TABLE fronts ADD COLUMN {column} TEXT")
    if migrating:
        from .fronts import bundled_definitions, reassign  # the rules need the schema: imported late

        for slug, kind, country, definition in bundled_definitions():
            db.conn.execute("UPDATE fronts SET kind = ?, country = ?, definition = ? WHERE slug = ?",
                            (kind, country, definition, slug))
        db.conn.execute("UPDATE fronts SET kind = 'other' WHERE slug = 'other' AND kind IS NULL")
        reassign(db.conn)


HAPPENING_COLUMNS: dict[str, str] = {"happening": "TEXT", "linked_by_hand": "INTEGER", "reviewed": "INTEGER"}
# What decides whether an event is the same happening as another's (db/happenings/matching.py): when
# one of these changes, the event is linked again.
LINKED_BY = ("date", "date_end", "date_precision", "place", "lat", "lon", "precision_km", "event_type",
             "source")


# Queue events to be linked. Not `INSERT OR IGNORE`: inside a trigger the outer statement's conflict
# policy wins, and an upsert's is ABORT.
_QUEUE = ("INSERT INTO link_queue (id) SELECT x.id FROM ({ids}) x "
          "WHERE x.id NOT IN (SELECT id FROM link_queue)")


def _happening_columns(db: sqlite_utils.Database) -> None:
    have = db["events"].columns_dict
    for column, kind in HAPPENING_COLUMNS.items():
        if column not in have:
            db.conn.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")


def _version_5_happenings(db: sqlite_utils.Database, migrating: bool = False) -> None:
    """Happenings: the columns, the followers' index, the queue of events to link (filled by triggers
    as events are written; the bulk writer fills it set-based) and the settings (the matching window).
    A migrated store's events are all linked (a store of one dataset at once: nothing can link)."""
    if migrating:  # captures count once per happening: the partial indexes say so since version 5
        db.conn.execute("DROP INDEX IF EXISTS events_captures")
        db.conn.execute("DROP INDEX IF EXISTS events_capture_claims")
        _version_3_extras(db)
        _version_4_extras(db)
    db.conn.executescript(f"""
        CREATE INDEX IF NOT EXISTS events_happening ON events (happening) WHERE happening IS NOT NULL;
        CREATE TABLE IF NOT EXISTS link_queue (id TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS link_event_insert AFTER INSERT ON events BEGIN
            {_QUEUE.format(ids="SELECT new.id AS id")};
        END;
        CREATE TRIGGER IF NOT EXISTS link_event_update AFTER UPDATE OF {", ".join(LINKED_BY)} ON events
        BEGIN
            {_QUEUE.format(ids="SELECT new.id AS id")};
        END;
        CREATE TRIGGER IF NOT EXISTS link_event_delete BEFORE DELETE ON events BEGIN
            DELETE FROM link_queue WHERE id = old.id;
            {_QUEUE.format(ids="SELECT id FROM events WHERE happening = old.id")};
            UPDATE events SET happening = NULL WHERE happening = old.id;
        END;
    """)
    if migrating:  # the twins an older store holds (a report ingested beside its hand-coded events)
        from .happenings import link_queued  # the linker reads the schema: imported late

        db.conn.execute("INSERT OR IGNORE INTO link_queue (id) SELECT id FROM events")
        link_queued(db.conn)


def _version_5_import(db: sqlite_utils.Database) -> None:
    """A re-import skips the rows it read before unchanged (db/write/fingerprints.py): each event keeps
    its row's fingerprint, found by an index; the store keeps its reference generation."""
    if "row_hash" not in db["events"].columns_dict:
        db.conn.execute("ALTER TABLE events ADD COLUMN row_hash BLOB")
    db.conn.execute("CREATE INDEX IF NOT EXISTS events_row_hash ON events (row_hash) "
                    "WHERE row_hash IS NOT NULL")
    db.conn.execute("CREATE TABLE IF NOT EXISTS import_state (id INTEGER PRIMARY KEY CHECK (id = 1), "
                    "generation INTEGER NOT NULL, reference BLOB NOT NULL)")


def _version_6(db: sqlite_utils.Database) -> None:
    """Events' own location precision, the reports' text and review; the queue's update trigger names
    the new column."""
    if "precision_km" not in db["events"].columns_dict:
        db.conn.execute("ALTER TABLE events ADD COLUMN precision_km REAL")
        db.conn.execute("DROP TRIGGER IF EXISTS link_event_update")  # made again naming precision_km
    db.conn.executescript("""
        CREATE TABLE IF NOT EXISTS reports (
            source TEXT PRIMARY KEY REFERENCES sources (id),
            text TEXT,  -- NULL: ingested before version 6, when the text was not kept
            reviewed INTEGER,
            dropped TEXT,  -- JSON: [sentence, type, place name] of each candidate a review dropped
            edited TEXT  -- JSON: {event id: [sentence, type, place name] it was extracted as}
        ) WITHOUT ROWID;
    """)
    if db["link_queue"].exists():  # a store of version 5: its trigger again, naming precision_km
        db.conn.execute(f"CREATE TRIGGER IF NOT EXISTS link_event_update AFTER UPDATE OF "
                        f"{', '.join(LINKED_BY)} ON events BEGIN "
                        f"{_QUEUE.format(ids='SELECT new.id AS id')}; END")


def version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def marked(db: sqlite_utils.Database) -> bool:
    return db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def check(db: sqlite_utils.Database) -> None:
    """Raise SchemaError unless `db` is a sitroom store of a version this code reads. Reads only: a
    file that is not a store is left exactly as it was."""
    application = db.execute("PRAGMA application_id").fetchone()[0]
    found = version(db)
    if application not in (0, APPLICATION_ID) or found < 1:
        raise SchemaError("this file is not a sitroom store")
    if application == 0:  # made before the marker: sitroom's tables, each with sitroom's columns
        tables = {name: {c[1] for c in db.execute(f"PRAGMA table_info([{name}])")} for name in LEGACY_TABLES}
        if any(not columns <= tables[name] for name, columns in LEGACY_TABLES.items()):
            raise SchemaError("this file is not a sitroom store")
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"this store was written by a newer sitroom (schema {found}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade sitroom to open it"
        )


def mark(db: sqlite_utils.Database) -> None:
    """Set the marker on a store made before it existed (check() has recognised it)."""
    if not marked(db):
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
