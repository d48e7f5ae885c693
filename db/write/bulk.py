"""Writing a whole file of events at once: the import's last step, inside its one transaction.

Row by row, triggers keep the derived tables (db/tallies.py: event_keys, tallies, events.side) and the
full-text index exact; for a file that costs several statements a row. A bulk write sets them aside:

1. open: the triggers on events, event_factions and event_keys are dropped (their SQL kept); so are
   their secondary indexes when the file is larger than the store (built again at the end, in one
   sorted pass each, which costs less than inserting into them row by row).
2. each batch: events already in the store that the batch changes are first taken out of the tallies,
   their faction keys and the full-text index; then the batch's events and parties are staged in
   temporary tables, and its ids noted (with their line, so a row repeating an event of an earlier row
   is named) in another. An event's side is computed as it is staged, from its parties.
3. close: the staged events are upserted in one statement, in the order that touches each page of the
   table and its indexes the fewest times (the whole file's rows sorted, not a batch's: into a large
   store a batch's rows land on as many pages as it has rows); then their parties, sorted. For the
   events added or changed, and only those, the faction keys, the tallies and the full-text index are
   computed set-based (a statement each); indexes and triggers are put back as they were.

All of it is inside the caller's transaction: a rollback (a strict import's bad row, Ctrl-C, a full
disk) takes back the dropped triggers with everything else.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass

from ..rules import SIDE_ROLES_SQL
from ..tallies import SIDE
from .derived import Derived
from .upsert import EVENT_COLUMNS, WriteCounts, read_stored

Row = tuple[int, tuple, tuple[tuple[str, str], ...]]  # (rowid, fields in EVENT_COLUMNS order, parties)
Waiting = tuple[int, Row | None, int, bytes | None]  # (line, the event or None, its rowid, fingerprint)

DERIVED_FROM = ("events", "event_factions", "event_keys")  # the tables whose triggers are set aside
CACHE_KIB = 32 * 1024  # page cache while importing: the indexes of a large store are written all over
SORTING_KIB = 12 * 1024  # page cache (and so each sort's memory) once a file's events are written into a
# store smaller than the file: its page cache full and a sort as large beside it went past 150 MB
_BUCKET = "key, front, event_type, certainty, month, day_precise, side"
# The tally buckets of the events whose rowids are in temporary table {t} that lead a happening (the
# others are not counted, db/tallies.py): key '' (each event once), and
# each of their faction keys; counted a statement each (two smaller sorts than one of both).
_BUCKETS = (
    """SELECT '' AS key, e.front, e.event_type, e.certainty, substr(e.date, 1, 7) AS month,
              e.date_precision = 'day' AS day_precise, e.side
         FROM {t} t CROSS JOIN events e ON e.rowid = t.rowid WHERE e.happening IS NULL""",
    """SELECT k.key, e.front, e.event_type, e.certainty, substr(e.date, 1, 7) AS month,
              e.date_precision = 'day' AS day_precise, e.side
         FROM {t} t CROSS JOIN events e ON e.rowid = t.rowid CROSS JOIN event_keys k ON k.event = e.id
        WHERE e.happening IS NULL""",
)
# An event staged with its side (worked out from its parties, write/derived.py) and the row's
# fingerprint (write/fingerprints.py), or None; the staged events written in one statement.
_COLUMNS = f"rowid, {', '.join(EVENT_COLUMNS)}, row_hash, side"
_STAGE = f"INSERT INTO temp.import_events ({_COLUMNS}) VALUES ({', '.join('?' * (len(EVENT_COLUMNS) + 3))})"
_UPSERT = (
    f"INSERT INTO events ({_COLUMNS}) SELECT {_COLUMNS} FROM temp.import_events WHERE true "
    "ORDER BY {order} "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in (*EVENT_COLUMNS[1:], "row_hash", "side"))
)
# The rowids of the events the last import added or changed, kept after it for what follows it (the
# fronts' reassignment, db/fronts/) until the next import on the connection.
WRITTEN = "temp.import_changed"
_DATE = EVENT_COLUMNS.index("date")
_COUNTRY = EVENT_COLUMNS.index("country")  # a faction's bloc may be another in the event's country
KEPT_INDEXES = ("events_row_hash",)  # kept while the import looks fingerprints up in it
_COUNT = tuple(
    f"INSERT INTO tallies ({_BUCKET}, n) SELECT {_BUCKET}, {{sign}}count(*) FROM ({buckets}) "
    f"WHERE true GROUP BY {_BUCKET} ON CONFLICT ({_BUCKET}) DO UPDATE SET n = n + excluded.n"
    for buckets in _BUCKETS)


class BulkWriter:
    """Prepared events written a batch at a time (see the module docstring), counted in `counts`.
    Rows that repeat an event of an earlier row are collected in `repeats` as (line, reason)."""

    def __init__(self, conn: sqlite3.Connection, counts: WriteCounts, expected: int = 0,
                 looking: bool = True) -> None:
        """`expected`: about how many rows the file holds; `looking`: whether the import looks rows up
        by fingerprint (their index is then never set aside)."""
        self.conn, self.counts, self.expected, self.looking = conn, counts, expected, looking
        # (line, the event or None for a row known unchanged, the event's rowid, its fingerprint)
        self.waiting: list[Waiting] = []
        self.seen = 0  # rows of the file written or skipped so far
        self.repeats: list[tuple[int, str]] = []
        self.cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-max(CACHE_KIB, abs(self.cache))}")
        # Every event of the file, with its line; the events it adds or changes, by rowid; the events of
        # one batch about to change.
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_rows "
                     "(rowid INTEGER PRIMARY KEY, line INTEGER NOT NULL)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_changed (rowid INTEGER PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_batch (rowid INTEGER PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_updated (rowid INTEGER PRIMARY KEY)")
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS import_events (rowid INTEGER PRIMARY KEY, "
                     f"{', '.join(EVENT_COLUMNS)}, row_hash, side)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_parties (event, faction, role, date)")
        for table in ("import_rows", "import_changed", "import_batch", "import_updated", "import_events",
                      "import_parties"):
            conn.execute(f"DELETE FROM temp.{table}")
        marks = ", ".join("?" * len(DERIVED_FROM))
        self.triggers = conn.execute(
            f"SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) "
            "ORDER BY rowid", DERIVED_FROM).fetchall()
        for name, _ in self.triggers:
            conn.execute(f'DROP TRIGGER main."{name}"')
        self.indexes: list[tuple[str, str]] = []
        self.stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        self.derived = Derived(conn)
        self.decided = False  # whether to set the indexes aside: decided when there is first something to
        # write (a re-import that changes nothing keeps them)

    def _set_indexes_aside(self) -> None:
        """When the rest of the file is larger than the store, its indexes are built again at the end."""
        self.decided = True
        if self.expected - self.seen <= self.stored:
            return
        marks = ", ".join("?" * len(DERIVED_FROM))
        kept = KEPT_INDEXES if self.looking else ()
        self.indexes = [(name, sql) for name, sql in self.conn.execute(
            f"SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name IN ({marks}) "
            "AND sql IS NOT NULL ORDER BY rowid", DERIVED_FROM) if name not in kept]
        for name, _ in self.indexes:
            self.conn.execute(f'DROP INDEX main."{name}"')

    def add(self, line: int, row: Row, row_hash: bytes | None = None) -> None:
        """An event (rowid, fields in EVENT_COLUMNS order, ((faction, role), …)) from line `line`."""
        self.waiting.append((line, row, row[0], row_hash))

    def skip(self, rows: list[tuple[int, int]]) -> None:
        """Rows (line, rowid) whose fingerprints say each is the one the event at rowid was written from:
        unchanged."""
        self.waiting.extend([(line, None, rowid, None) for line, rowid in rows])

    def flush(self, at_least: int = 0) -> None:
        """Write what waits, once there are `at_least` events waiting."""
        if not self.waiting or len(self.waiting) < at_least:
            return
        self.seen += len(self.waiting)
        batch, self.waiting = self._first_of_each(self.waiting), []
        conn = self.conn
        # One parameter for the whole batch, taken apart by SQLite: cheaper than a statement a row.
        conn.execute("INSERT INTO temp.import_rows (rowid, line) SELECT json_extract(value, '$[0]'), "
                     "json_extract(value, '$[1]') FROM json_each(?) ORDER BY 1",
                     (json.dumps([(rowid, line) for line, _, rowid, _ in batch]),))
        events = [(row, row_hash) for _, row, _, row_hash in batch if row is not None]
        if not events:  # every row of the batch known unchanged (a re-import)
            self.counts.unchanged += len(batch)
            return
        found = _sort_out(conn, events)
        self.counts.added += len(found.added)
        self.counts.updated += len(found.updated)
        self.counts.unchanged += len(found.same) + sum(row is None for _, row, _, _ in batch)
        # Unchanged, but read under another fingerprint (a stale one, or none yet): the new one kept.
        conn.executemany("UPDATE events SET row_hash = ?2 WHERE rowid = ?1 AND row_hash IS NOT ?2",
                         [(row[0], row_hash) for row, row_hash in found.same])
        if not (found.added or found.updated):
            return
        if not self.decided:
            self._set_indexes_aside()
        if found.updated:
            self._retract([row[0] for row, _ in found.updated])
            conn.executemany("DELETE FROM event_factions WHERE event = ?",
                             [(row[1][0],) for row, _ in found.updated])
            conn.executemany("INSERT INTO temp.import_updated (rowid) VALUES (?)",
                             sorted((row[0],) for row, _ in found.updated))
        changed = sorted([*found.added, *found.updated])
        conn.executemany("INSERT INTO temp.import_parties (event, faction, role, date) VALUES (?, ?, ?, ?)",
                         [(row[1][0], *party, row[1][_DATE]) for row, _ in changed for party in row[2]])
        derived, of = self.derived, self.derived.of
        rows = [(row[0], *row[1], row_hash, of(row[2], row[1][_COUNTRY])[1]) for row, row_hash in changed]
        for row, _ in found.added:  # an updated event's tallies depend on its happening: counted by SQL
            keys, side = of(row[2], row[1][_COUNTRY])
            derived.count(keys, row[1], side)
        conn.executemany(_STAGE, rows)

    def _first_of_each(self, batch: list[Waiting]) -> list[Waiting]:
        """The batch without the rows that repeat an event of an earlier row (noted in `repeats`)."""
        ids = json.dumps([rowid for _, _, rowid, _ in batch])
        earlier: dict[int, int] = dict(self.conn.execute(
            "SELECT rowid, line FROM temp.import_rows WHERE rowid IN (SELECT value FROM json_each(?))",
            (ids,)))
        if not earlier and len({entry[2] for entry in batch}) == len(batch):
            return batch  # nearly always: no event twice
        first = []
        for entry in batch:
            line, eid = entry[0], entry[2]
            if eid in earlier:
                self.repeats.append((line, f"repeats the event on line {earlier[eid]}"))
            else:
                earlier[eid] = line
                first.append(entry)
        return first

    def _retract(self, rowids: list[int]) -> None:
        """Take events about to change out of the tallies, their faction keys and the text index."""
        conn = self.conn
        conn.execute("DELETE FROM temp.import_batch")
        conn.executemany("INSERT OR IGNORE INTO temp.import_batch (rowid) VALUES (?)",
                         sorted((rowid,) for rowid in rowids))
        for count in _COUNT:
            conn.execute(count.format(sign="-", t="temp.import_batch"))
        conn.execute("DELETE FROM event_keys WHERE event IN "
                     "(SELECT e.id FROM temp.import_batch t CROSS JOIN events e ON e.rowid = t.rowid)")
        conn.execute(
            "INSERT INTO events_fts (events_fts, rowid, summary, excerpt) "
            "SELECT 'delete', e.rowid, e.summary, e.excerpt FROM temp.import_batch t "
            "CROSS JOIN events e ON e.rowid = t.rowid ORDER BY t.rowid")

    def close(self) -> None:
        """Write what waits, bring the derived tables and the text index up to date for every event
        added or changed, and put the triggers back."""
        self.flush()
        conn = self.conn
        # Indexes set aside: the table alone is written, in its own order. Indexes kept (a large store):
        # most of them lead with or follow the date (events_date_id, events_front_date_id, …), and
        # rows in date order touch each of their pages once, which costs far more than the table's
        # pages taken out of order (into the 1M store, 7 CPU s per 100k rows against 10.6).
        conn.execute(_UPSERT.format(order="rowid" if self.indexes else "date, rowid"))
        if self.indexes:  # what follows appends to small trees or sorts (a sort holds as much as the
            conn.execute(f"PRAGMA cache_size = {-SORTING_KIB}")  # page cache): less of both, less memory
        conn.execute("INSERT INTO temp.import_changed (rowid) SELECT rowid FROM temp.import_events")
        conn.execute("INSERT OR IGNORE INTO event_factions (event, faction, role) "
                     "SELECT event, faction, role FROM temp.import_parties ORDER BY 1, 2, 3")
        # The staged rows are what was written (an updated event's parties were all replaced): read
        # from them rather than from the store's tables, where they lie scattered.
        conn.execute(
            "INSERT OR IGNORE INTO event_keys (event, key, date) "
            "SELECT p.event, a.ancestor, p.date FROM temp.import_parties p "
            "CROSS JOIN faction_ancestors a ON a.faction = p.faction ORDER BY 1, 2")  # in the key's order
        self.derived.write()
        self._reside()
        for count in _COUNT:
            conn.execute(count.format(sign="", t="temp.import_updated"))
        conn.execute("INSERT INTO events_fts (rowid, summary, excerpt) "
                     "SELECT rowid, summary, excerpt FROM temp.import_events ORDER BY rowid")
        # What the import added or changed is linked to other sources' events (db/happenings/).
        conn.execute("INSERT OR IGNORE INTO link_queue (id) SELECT id FROM temp.import_events ORDER BY id")
        for _, sql in (*self.indexes, *self.triggers):
            conn.execute(sql)
        for table in ("import_rows", "import_batch", "import_updated", "import_events", "import_parties"):
            conn.execute(f"DELETE FROM temp.{table}")
        self.restore()

    def _reside(self) -> None:
        """Events with the side of a faction whose bloc a row changed (an actor code met after the
        faction was made, or one an earlier import left in "other", write/resolve.py): their side again,
        and their tallies moved to it (a changed event is counted after this, by SQL)."""
        stale = self.derived.stale()
        if not stale:
            return
        conn = self.conn
        # The stale events, selected once, by their faction's keys: the file's, and those the store held
        # before (a faction an earlier import left in "other" may take this one's code). A changed
        # event's side is put right apart (it is counted after this, by SQL); an added or untouched
        # one's between taking its tallies off and putting them back.
        conn.execute("DELETE FROM temp.import_batch")
        conn.execute(
            "INSERT OR IGNORE INTO temp.import_batch (rowid) SELECT e.rowid FROM event_keys k "
            "CROSS JOIN event_factions ef ON ef.event = k.event AND ef.faction = k.key "
            f"AND ef.role IN ({SIDE_ROLES_SQL}) "
            "CROSS JOIN events e ON e.id = k.event WHERE k.key IN (SELECT value FROM json_each(?)) "
            "ORDER BY 1",
            (json.dumps(stale),))
        resided = f"UPDATE events SET side = {SIDE.format(x='events.id')} WHERE rowid IN ({{}})"
        changed = "SELECT rowid FROM temp.import_batch WHERE rowid IN (SELECT rowid FROM temp.import_updated)"
        conn.execute(resided.format(changed))
        conn.execute(f"DELETE FROM temp.import_batch WHERE rowid IN ({changed})")
        for count in _COUNT:
            conn.execute(count.format(sign="-", t="temp.import_batch"))
        conn.execute(resided.format("SELECT rowid FROM temp.import_batch"))
        for count in _COUNT:
            conn.execute(count.format(sign="", t="temp.import_batch"))

    def restore(self) -> None:
        """The connection's own page cache again (after close, or after a rollback)."""
        with contextlib.suppress(sqlite3.Error):  # a connection that broke mid-import: its error is
            self.conn.execute(f"PRAGMA cache_size = {self.cache}")  # the one to tell



@dataclass
class _Found:
    """A batch against the store: events new to it, events it holds otherwise, events it holds the same
    (each with its row's fingerprint)."""

    added: list[tuple[Row, bytes | None]]
    updated: list[tuple[Row, bytes | None]]
    same: list[tuple[Row, bytes | None]]


def _sort_out(conn: sqlite3.Connection, batch: list[tuple[Row, bytes | None]]) -> _Found:
    """Which events of `batch` are new to the store, which change an event it holds, which are the same
    (fields and parties): one query each for the whole batch. An event the store holds keeps its rowid
    (one written before rowids were spread may have another than its id gives)."""
    rows, parties = read_stored(conn, [row[1][0] for row, _ in batch])
    stored = {eid: (row[0], row[1:]) for eid, row in rows.items()}
    found = _Found([], [], [])
    for entry in batch:
        row, row_hash = entry
        was = stored.get(row[1][0])
        if was is None:
            found.added.append(entry)
        elif was[1] == row[1] and parties.get(row[1][0], set()) == set(row[2]):
            found.same.append(((was[0], *row[1:]), row_hash))  # under the rowid it has
        else:
            found.updated.append(((was[0], *row[1:]), row_hash))
    return found
