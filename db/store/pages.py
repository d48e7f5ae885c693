"""Reading events a page at a time, newest first, with keyset pagination on (date, id): the timeline's
pages and the exporters' records. No caller ever loads a whole table."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..filters import EventFilter
from ..models import ROLES, Cursor, EventRow, Page, Party
from .connection import Line
from .happening import account_record, accounts_of
from .plan import KEYED_FROM, ROW_FROM, after
from .planner import Planner

ROW_COLUMNS = """
    e.id, e.date, e.date_precision, e.front, e.place, coalesce(p.name, e.area) AS place_name, e.event_type,
    e.certainty, e.summary, e.fatalities,
    (SELECT group_concat(ef.role || ':' || ef.faction, ' ')
       FROM event_factions ef WHERE ef.event = e.id) AS parties,
    1 + (SELECT count(*) FROM events f WHERE f.happening = e.id) AS sources,
    e.certainty != 'denied' AND EXISTS (SELECT 1 FROM events f WHERE f.happening = e.id
                                            AND f.certainty = 'denied') AS disputed,
    e.reviewed
"""
_ROLE_ORDER = {role: i for i, role in enumerate(ROLES)}
_RECORD_SELECT = """
SELECT e.id, e.date, e.date_end, e.date_precision, e.front, fr.name AS front_name, e.place,
       p.name AS place_name, coalesce(e.admin1, p.admin1) AS admin1, e.country, e.area,
       e.location_precision, p.kind AS place_kind, e.lat, e.lon, e.precision_km, e.event_type, e.certainty,
       e.fatalities,
       e.summary, e.excerpt, e.source, s.title AS source_title, s.publisher AS source_publisher,
       s.published AS source_published, s.url AS source_url, s.kind AS source_kind, e.source_event_id,
       e.source_type, e.source_sub_type, e.attributes,
       (SELECT json_group_array(json_object('faction', ef.faction, 'role', ef.role, 'name', fa.name,
                                            'short', fa.short, 'parent', fa.parent, 'bloc', fa.bloc,
                                            'colour', fa.colour))
          FROM event_factions ef JOIN factions fa ON fa.slug = ef.faction
         WHERE ef.event = e.id) AS factions
  FROM events e
  LEFT JOIN places p ON p.id = e.place
  LEFT JOIN fronts fr ON fr.slug = e.front
  LEFT JOIN sources s ON s.id = e.source
"""

def _parties(packed: str | None) -> tuple[Party, ...]:
    parties = []
    for item in (packed or "").split():
        role, _, faction = item.partition(":")
        parties.append(Party(faction, role))
    return tuple(sorted(parties, key=lambda p: (_ROLE_ORDER.get(p.role, 9), p.faction)))


def event_row(r: sqlite3.Row) -> EventRow:
    """A timeline row from a query selecting ROW_COLUMNS."""
    return EventRow(
        id=r["id"], date=r["date"], date_precision=r["date_precision"], front=r["front"],
        place=r["place"], place_name=r["place_name"], event_type=r["event_type"],
        certainty=r["certainty"], summary=r["summary"], fatalities=r["fatalities"],
        parties=_parties(r["parties"]), sources=r["sources"], disputed=bool(r["disputed"]),
        reviewed=r["reviewed"],
    )


class Pages:
    def __init__(self, line: Line, planner: Planner) -> None:
        self._rows, self._planner = line.rows, planner

    def page(self, f: EventFilter, cursor: Cursor | None, limit: int) -> Page:
        """Up to `limit` events passing `f`, newest first, starting after `cursor`."""
        c = self._planner.compile(f, for_page=True)
        if c.keys:
            # Each faction's key in event_keys is already in timeline order: walk each, merge, and
            # drop the events two of them share. The union's first `limit` are among each one's first.
            found: dict[str, sqlite3.Row] = {}
            for key in c.keys:
                for row in self._page_rows(KEYED_FROM, f"k.key = ? AND {c.key_dates.sql} AND {c.rest.sql}",
                                           (key, *c.key_dates.params, *c.rest.params),
                                           ("k.date", "k.event"), cursor, limit):
                    found[row["id"]] = row
            rows = sorted(found.values(), key=lambda r: (r["date"], r["id"]), reverse=True)[:limit + 1]
        else:
            rows = self._page_rows(ROW_FROM, c.where, c.params, ("e.date", "e.id"), cursor, limit)
        events = tuple(event_row(r) for r in rows[:limit])
        more = len(rows) > limit
        return Page(events, events[-1].cursor if more and events else None)

    def _page_rows(self, source: str, where: str, params: tuple[object, ...], order: tuple[str, str],
                   cursor: Cursor | None, limit: int) -> list[sqlite3.Row]:
        date, key = order
        if cursor is not None:
            past = after(date, key, (cursor.date, cursor.id))
            where, params = f"{where} AND {past.sql}", params + past.params
        return self._rows(
            f"SELECT {ROW_COLUMNS} FROM {source} WHERE {where} ORDER BY {date} DESC, {key} DESC LIMIT ?",
            (*params, limit + 1),
        )

    def iter_events(self, f: EventFilter, page_size: int) -> Iterator[EventRow]:
        """Every event passing `f`, newest first, read a page at a time."""
        cursor = None
        while True:
            page = self.page(f, cursor, page_size)
            yield from page.rows
            if page.next is None:
                return
            cursor = page.next

    def records(self, f: EventFilter, page_size: int) -> Iterator[dict[str, Any]]:
        """Every event passing `f` as a self-describing record (sitroom's JSON Lines shape, with the
        names of its front, place, source and factions), newest first, a page at a time."""
        c = self._planner.compile(f)
        last: tuple[str, str] | None = None
        while True:
            past = after("e.date", "e.id", last)
            keyset = f" AND {past.sql}" if last else ""
            rows = self._rows(
                f"{_RECORD_SELECT} WHERE {c.where}{keyset} ORDER BY e.date DESC, e.id DESC LIMIT ?",
                (*c.params, *past.params, page_size),
            )
            accounts = accounts_of(self._rows, [r["id"] for r in rows])
            for r in rows:
                record = dict(r)
                record["factions"] = json.loads(record["factions"] or "[]")
                record["attributes"] = json.loads(record["attributes"]) if record["attributes"] else None
                record["sources"] = [account_record(a) for a in accounts.get(r["id"], ())]
                yield record
            if len(rows) < page_size:
                return
            last = (rows[-1]["date"], rows[-1]["id"])
