"""Knowing that a file's row is the one the store last read, without preparing it again.

Each event an import writes keeps its row's fingerprint (events.row_hash): a keyed hash of the row's
text as read (a CSV record's lines, unparsed), the key made of everything else that decides what
preparing makes of that text — the importer's version, the format, the file's header, the import's
options and the store's *reference generation*. A re-import reads each row's text, hashes it, and looks
the batch up in one query: a row whose fingerprint an event holds is unchanged and is skipped before
anything else is done with it (not even parsed).

The reference generation stands for the factions, places and fronts that names resolve against. It
goes up when they have changed since the last import ended (found by a digest of what the resolver
reads of them, so an edit by any means counts: `sitroom factions set`, a front defined, an alias added
in SQL), which makes every stored fingerprint stale at once: the next import prepares every row again
and writes the new fingerprints. What an import itself adds (new places, factions) is part of what its
rows were prepared against, so the digest is taken again at its end and does not move the generation.

Not fingerprinted (always prepared): unreadable rows, rows of actor-based files (an event is several
rows), and rows whose date is written with slashes or dots (what they mean depends on the other rows).
An event written any other way (an ingest, a bundled load) loses its fingerprint (write/upsert.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence

# Bump when what preparing makes of the same row changes (a reader or a check changed): every stored
# fingerprint is then stale.
IMPORTER_VERSION = 3  # 2: a CSV record's text as read, not its values joined; 3: UCDP side A is side_a
_DIGEST = 16
# What the resolver reads of the reference (write/resolve.py): names, aliases and points of places
# and factions, the fronts with an area. Not what imports and reassignment change on their own (a
# division front, the "other" front's description, a place's front).
_REFERENCE = (
    "SELECT slug, name, short, aliases FROM factions ORDER BY slug",
    "SELECT id, name, aliases, admin1, lat, lon FROM places ORDER BY id",
    "SELECT slug, bbox FROM fronts WHERE bbox IS NOT NULL ORDER BY slug",
)
_LOOKUP_CHUNK = 5_000  # parameters of one look-up (SQLite allows 32,766)


def reference_digest(conn: sqlite3.Connection) -> bytes:
    h = hashlib.blake2b(digest_size=_DIGEST)
    cursor = conn.cursor()
    cursor.row_factory = None
    for sql in _REFERENCE:
        for row in cursor.execute(sql):
            h.update(repr(row).encode("utf-8", "surrogatepass"))
    return h.digest()


def generation(conn: sqlite3.Connection) -> int:
    """The store's reference generation, moved on first if the reference changed since the last import."""
    digest = reference_digest(conn)
    row = conn.execute("SELECT generation, reference FROM import_state WHERE id = 1").fetchone()
    if row is not None and row[1] == digest:
        return int(row[0])
    number = (int(row[0]) if row is not None else 0) + 1
    conn.execute("INSERT INTO import_state (id, generation, reference) VALUES (1, ?, ?) "
                 "ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, "
                 "reference = excluded.reference", (number, digest))
    return number


def settle(conn: sqlite3.Connection) -> None:
    """At the end of an import (inside its transaction): the reference as it left it is the current
    generation's, so its own additions do not make the fingerprints it wrote stale."""
    conn.execute("UPDATE import_state SET reference = ? WHERE id = 1", (reference_digest(conn),))


class Fingerprints:
    """The fingerprints of one file's rows, and which of them the store holds."""

    def __init__(self, conn: sqlite3.Connection, fmt: str, header: Sequence[str] | None,
                 options: tuple) -> None:
        self.conn = conn
        key = repr((IMPORTER_VERSION, generation(conn), fmt, tuple(header or ()), options))
        self.key = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=32).digest()
        self._keyed = hashlib.blake2b(digest_size=_DIGEST, key=self.key)  # copied for each row: cheaper
        # A store none of whose events has a fingerprint has nothing to look up (a new store).
        self.looking = conn.execute(
            "SELECT 1 FROM events WHERE row_hash IS NOT NULL LIMIT 1").fetchone() is not None

    def of(self, text: str) -> bytes:
        h = self._keyed.copy()
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.digest()

    def known(self, hashes: Sequence[bytes | None]) -> dict[bytes, int]:
        """Of `hashes`, those an event holds, with that event's rowid (read from the index alone)."""
        wanted = [h for h in hashes if h is not None]
        found: dict[bytes, int] = {}
        if not self.looking:
            return found
        cursor = self.conn.cursor()
        cursor.row_factory = None
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            part = wanted[start:start + _LOOKUP_CHUNK]
            found.update(cursor.execute(
                f"SELECT row_hash, rowid FROM events WHERE row_hash IN ({', '.join('?' * len(part))})", part))
        return found
