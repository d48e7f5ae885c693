"""A happening's accounts: each source's event linked into it, as that source gives it. One query
serves the detail pane (one happening) and the exporters (a page of happenings at once)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from ..models import Account, Source
from .connection import Line

# Every account of the happenings led by the events of a JSON array of ids (given twice): the lead's
# first, then by date.
_ACCOUNTS = """
SELECT coalesce(e.happening, e.id) AS lead_id, e.id, e.date, e.date_precision, e.certainty, e.summary,
       e.excerpt, e.source_event_id, e.reviewed, e.happening IS NULL AS lead, e.linked_by_hand,
       (SELECT group_concat(ef.faction, ' ') FROM event_factions ef
         WHERE ef.event = e.id AND ef.role = 'claimant') AS claimants,
       s.id AS sid, s.title, s.publisher, s.published, s.url, s.kind
  FROM events e LEFT JOIN sources s ON s.id = e.source
 WHERE e.id IN (SELECT value FROM json_each(?)) OR e.happening IN (SELECT value FROM json_each(?))
 ORDER BY lead_id, e.happening IS NOT NULL, e.date, e.id
"""


def lead_of(line: Line, event_id: str) -> str | None:
    rows = line.rows("SELECT coalesce(happening, id) FROM events WHERE id = ?", [event_id])
    return rows[0][0] if rows else None


def accounts_of(rows: Callable[..., list], leads: Sequence[str]) -> dict[str, list[Account]]:
    """Each of `leads`' happenings' accounts, the lead's first, then by date."""
    out: dict[str, list[Account]] = {}
    ids = json.dumps(list(leads))
    for r in rows(_ACCOUNTS, (ids, ids)):
        source = Source(r["sid"], r["title"], r["publisher"], r["published"], r["url"], r["kind"]) \
            if r["sid"] else None
        out.setdefault(r["lead_id"], []).append(Account(
            r["id"], source, r["date"], r["date_precision"], r["certainty"], r["summary"], r["excerpt"],
            r["source_event_id"], tuple(sorted((r["claimants"] or "").split())), r["reviewed"],
            bool(r["lead"]), bool(r["linked_by_hand"])))
    return out


def accounts(line: Line, event_id: str) -> tuple[Account, ...]:
    """Every source's account of `event_id`'s happening, the lead's first, then by date."""
    lead = lead_of(line, event_id)
    return tuple(accounts_of(line.rows, [lead]).get(lead, ())) if lead else ()


def account_record(a: Account) -> dict[str, object]:
    """An account as the JSON Lines export writes it in a happening's `sources`."""
    return {"event": a.event, "source": a.source.id if a.source else None,
            "title": a.source.title if a.source else None, "certainty": a.certainty, "date": a.date,
            "excerpt": a.excerpt, "source_event_id": a.source_event_id, "reviewed": a.reviewed}
