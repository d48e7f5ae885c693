"""Landing a review's decisions (db/reports/review.py says what they are) in one transaction: only
accepted events land, marked reviewed = 1; a stored event dropped is deleted (the triggers keep tallies
and happenings exact); the links chosen are set by hand (db/happenings/), the rest linked as usual."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace

from ..fronts import reassign
from ..happenings.editing import HappeningError, join, split
from ..happenings.linking import link_queued
from ..reference import read_reference
from ..write.resolve import Resolver
from ..write.upsert import delete_events, keep_stored_fronts, write_events
from .extract import Found
from .ingest import keep_text, once, own_ids, prepared_event
from .locate import Location
from .review import (
    ACCEPT,
    DROP,
    NEW,
    Decision,
    Fields,
    Review,
    ReviewError,
    ReviewItem,
    candidate_key,
    remembered,
    review_check,
)


@dataclass
class Landed:
    source_id: str
    added: int = 0
    updated: int = 0
    accepted: int = 0  # events marked reviewed = 1
    removed: int = 0  # stored events dropped (or replaced by their edited form)
    joined: int = 0  # linked to a proposal by hand
    apart: int = 0  # kept as a happening of their own by hand
    linked: int = 0  # linked by the automatic linker
    ids: dict[str, str] = field(default_factory=dict)  # item key → the stored event's id


def _found(review: Review, item: ReviewItem, fields: Fields) -> Found:
    """The Found the write path takes, for an item as edited."""
    lex = review.lex
    assert lex is not None
    base = review.found.get(item.key) or Found(
        item.fields.place, item.fields.event_type, item.fields.certainty, item.fields.date,
        list(item.fields.factions), item.sentence, dict(item.why), item.fields.place_name,
        location=Location(item.lat, item.lon, None, item.located_by or "not located"),
        date_precision=item.fields.date_precision)
    if item.stored is not None or item.key.startswith("a"):  # no extractor's parties to keep
        base.parties = []
    location = base.location
    if fields.place != item.fields.place or (item.key.startswith("a") and fields.place):
        p = lex.places.get(fields.place) if fields.place else None
        location = Location(p.lat, p.lon, p.precision_km, f"chosen by hand: {p.name}") if p else Location(
            item.lat, item.lon, None, f"named by hand; {item.located_by or 'not located'}")
    parties = base.parties
    if list(fields.factions) != list(base.factions) or not parties:
        unknown = [p for p in base.parties if p[1] is None]
        parties = [(lex.factions[s].name, s, r, lex.factions[s].bloc) for s, r in fields.factions] + unknown
    return replace(base, type=fields.event_type, certainty=fields.certainty, date=fields.date,
                   date_precision=fields.date_precision, place=fields.place, place_name=fields.place_name,
                   factions=list(fields.factions), parties=parties, location=location)


def _lead(conn: sqlite3.Connection, event: str) -> tuple[str, bool]:
    """The lead of an event's happening, and whether it shares it with another event."""
    lead = conn.execute("SELECT coalesce(happening, id) FROM events WHERE id = ?", (event,)).fetchone()[0]
    others = conn.execute("SELECT 1 FROM events WHERE (id = ? OR happening = ?) AND id != ? LIMIT 1",
                          (lead, lead, event)).fetchone()
    return lead, others is not None


def _link_by_hand(conn: sqlite3.Connection, event: str, link: str, done: Landed) -> None:
    lead, shared = _lead(conn, event)
    if link == NEW:
        if shared:
            split(conn, event)
        conn.execute("UPDATE events SET linked_by_hand = 1 WHERE id = ?", (event,))
        done.apart += 1
        return
    if conn.execute("SELECT 1 FROM events WHERE id = ?", (link,)).fetchone() is None:
        raise ReviewError("a happening chosen for an event is no longer in the store; nothing was written")
    theirs, _ = _lead(conn, link)
    if theirs != lead:
        if shared:
            split(conn, event)
        join(conn, event, theirs)
    conn.execute("UPDATE events SET linked_by_hand = 1 WHERE id = ?", (event,))
    done.joined += 1


def _remember(conn: sqlite3.Connection, review: Review, decisions: list[Decision],
              ids: dict[str, str]) -> None:
    """The candidates dropped, to offer them as dropped next time; and which extraction each edited
    event was made from, so a later review pairs them exactly."""
    before, edits = remembered(conn, review.source_id)

    def key(item: ReviewItem) -> list[str | None]:
        return item.origin or candidate_key(item.sentence, item.fields)

    undone = [key(d.item) for d in decisions if d.verdict == ACCEPT]
    dropped = [k for k in before if k not in undone]
    for d in decisions:
        if d.verdict == DROP and not d.item.key.startswith("a") and (k := key(d.item)) not in dropped:
            dropped.append(k)
    for d in decisions:
        was = review.found.get(d.item.key)
        if d.verdict == ACCEPT and d.fields is not None and was is not None and d.item.key in ids:
            edits[ids[d.item.key]] = candidate_key(was.sentence, d.item.fields)
        elif d.item.stored and d.item.stored in edits and d.fields is not None and d.item.key in ids:
            edits[ids[d.item.key]] = edits.pop(d.item.stored)  # edited again: its new id, the same origin
    live = {e for (e,) in conn.execute("SELECT id FROM events WHERE source = ?", (review.source_id,))}
    edits = {e: k for e, k in edits.items() if e in live}
    conn.execute("UPDATE reports SET dropped = ?, edited = ? WHERE source = ?",
                 (json.dumps(dropped, ensure_ascii=False) if dropped else None,
                  json.dumps(edits, ensure_ascii=False) if edits else None, review.source_id))


def land(conn: sqlite3.Connection, review: Review, decisions: list[Decision]) -> Landed:
    """Write the decisions in one transaction (see the module docstring); nothing on failure."""
    done = Landed(review.source_id)
    for d in decisions:
        if d.verdict == ACCEPT and (why := review_check(d.fields or d.item.fields, review)):
            raise ReviewError(f"{d.item.sentence[:60]!r}: {why}; nothing was written")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO sources (id, title, publisher, published, url, kind) "
                     "VALUES (?, ?, NULL, ?, NULL, 'report')", (review.source_id, review.title, review.date))
        ref = read_reference(conn)
        resolver = Resolver(conn, ref)
        prepared, items, gone = [], [], []
        for d in decisions:
            item, fields = d.item, d.fields or d.item.fields
            if d.verdict == DROP and item.stored:
                gone.append(item.stored)
            if d.verdict != ACCEPT:
                continue
            if item.stored and fields == item.fields:
                done.ids[item.key] = item.stored  # as stored: it stays, reviewed now
                continue
            found = _found(review, item, fields)
            p = prepared_event(found, review.lex, resolver, review.source_id, ref)  # type: ignore[arg-type]
            resolver.keep()
            prepared.append(p)
            items.append(item)
        prepared = own_ids(prepared)
        for item, p in zip(items, prepared, strict=True):
            done.ids[item.key] = p.event["id"]
            if item.stored and item.stored != p.event["id"]:
                gone.append(item.stored)  # edited: its new form replaces it
        for event in dict.fromkeys(gone):
            if event not in done.ids.values():
                delete_events(conn, [event])
                done.removed += 1
        unique = keep_stored_fronts(conn, once(prepared))
        counts = write_events(conn, unique)
        # Reviewed, even when every event was dropped; the text unless only its sentences were known.
        keep_text(conn, review.source_id, review.text if review.whole_text else None, reviewed=True)
        _remember(conn, review, decisions, done.ids)
        done.added, done.updated = counts.added, counts.updated
        accepted = sorted(set(done.ids.values()))
        done.accepted = len(accepted)
        conn.executemany("UPDATE events SET reviewed = 1 WHERE id = ?", [(e,) for e in accepted])
        if unique:
            reassign(conn, [p.event["id"] for p in unique])
        for d in decisions:
            if d.verdict == ACCEPT and d.link is not None:
                _link_by_hand(conn, done.ids[d.item.key], d.link, done)
        done.linked = link_queued(conn).linked
        conn.commit()
    except HappeningError as e:
        conn.rollback()
        raise ReviewError(f"{e}; nothing was written") from None
    except BaseException:
        conn.rollback()
        raise
    return done
