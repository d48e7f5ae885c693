"""A happening's accounts: each source's event linked into it, as that source gives it."""

from __future__ import annotations

from ..models import Account, Source
from .connection import Line

_ACCOUNTS = """
SELECT e.id, e.date, e.date_precision, e.certainty, e.summary, e.excerpt, e.source_event_id, e.reviewed,
       e.happening IS NULL AS lead, e.linked_by_hand,
       (SELECT group_concat(ef.faction, ' ') FROM event_factions ef
         WHERE ef.event = e.id AND ef.role = 'claimant') AS claimants,
       s.id AS sid, s.title, s.publisher, s.published, s.url, s.kind
  FROM events e LEFT JOIN sources s ON s.id = e.source
 WHERE e.id = :lead OR e.happening = :lead
 ORDER BY e.happening IS NOT NULL, e.date, e.id
"""


def lead_of(line: Line, event_id: str) -> str | None:
    rows = line.rows("SELECT coalesce(happening, id) FROM events WHERE id = ?", [event_id])
    return rows[0][0] if rows else None


def accounts(line: Line, event_id: str) -> tuple[Account, ...]:
    """Every source's account of `event_id`'s happening, the lead's first, then by date."""
    lead = lead_of(line, event_id)
    if lead is None:
        return ()
    out = []
    for r in line.rows(_ACCOUNTS, {"lead": lead}):
        source = Source(r["sid"], r["title"], r["publisher"], r["published"], r["url"], r["kind"]) \
            if r["sid"] else None
        out.append(Account(r["id"], source, r["date"], r["date_precision"], r["certainty"], r["summary"],
                           r["excerpt"], r["source_event_id"], tuple(sorted((r["claimants"] or "").split())),
                           r["reviewed"], bool(r["lead"]), bool(r["linked_by_hand"])))
    return tuple(out)
