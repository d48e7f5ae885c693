"""One country's government is one faction, whatever a dataset calls the country.

An import now finds a government by its country (names.state_key): UCDP's "Government of Russia (Soviet
Union)" is ACLED's "Government of Russia". A store imported into before holds both, as two factions
(RUS-Gov, RUS-Gov2): the next import merges them, inside its transaction, before its rows are resolved.
The faction kept is ACLED's: the one ACLED's eras of it hang under, else the one with no "(then)" after
the country, else the first slug; the other's events, units and names become its own, and its bloc when
the kept one's was "other". The derived tables are rebuilt once when anything was merged (a once-only
cost; the reference changed, so the next import reads its rows again once, write/fingerprints.py).
"""

from __future__ import annotations

import json
import sqlite3

from .. import tallies
from .codes import OTHER_BLOC, SET_BY_HAND
from .names import state_key


def fold_faction(conn: sqlite3.Connection, slug: str, into: str) -> None:
    """Faction `slug` made one with `into`: its events' parties and its units become `into`'s, and it is
    gone (its names are the caller's to keep). The caller rebuilds the derived tables."""
    conn.execute("INSERT OR IGNORE INTO event_factions (event, faction, role) "
                 "SELECT event, ?, role FROM event_factions WHERE faction = ?", (into, slug))
    conn.execute("DELETE FROM event_factions WHERE faction = ?", (slug,))
    conn.execute("UPDATE factions SET parent = ? WHERE parent = ?", (into, slug))
    conn.execute("DELETE FROM faction_ancestors WHERE faction = ? OR ancestor = ?", (slug, slug))
    conn.execute("DELETE FROM factions WHERE slug = ?", (slug,))


def merge_governments(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Merge each country's government factions into one; (merged, kept) names, in slug order. A bloc a
    user set on either (factions.edited) is the merged faction's, and stays set by hand."""
    by_state: dict[str, list[tuple[str, str, str, str, bool]]] = {}
    for slug, name, aliases, bloc, hand in conn.execute(
            f"SELECT slug, name, aliases, bloc, {SET_BY_HAND.format(field='bloc')} FROM factions "
            "WHERE name LIKE 'Government of %' ORDER BY slug"):
        if key := state_key(name):
            by_state.setdefault(key, []).append((slug, name, aliases or "[]", bloc, bool(hand)))
    merged: list[tuple[str, str]] = []
    for twins in by_state.values():
        if len(twins) < 2:
            continue
        # ACLED's: the one its eras hang under, else the one with no "(then)", else the first slug.
        parents = {p for (p,) in conn.execute(
            "SELECT DISTINCT parent FROM factions WHERE parent IN (SELECT value FROM json_each(?))",
            (json.dumps([t[0] for t in twins]),))}
        kept = min(twins, key=lambda t: (t[0] not in parents, "(" in t[1], t[0]))
        names, bloc, by_hand = json.loads(kept[2]), kept[3], kept[4]
        for slug, name, aliases, other_bloc, other_by_hand in twins:
            if slug == kept[0]:
                continue
            fold_faction(conn, slug, kept[0])
            names += [n for n in (name, *json.loads(aliases)) if n not in names]
            if not by_hand and (other_by_hand or bloc == OTHER_BLOC):  # a user's bloc, else a code's
                bloc, by_hand = other_bloc, other_by_hand
            merged.append((name, kept[1]))
        mark = by_hand and not kept[4]  # the merged twin's hand-set bloc is now the kept one's
        edited = "json_insert(coalesce(edited, '[]'), '$[#]', 'bloc')" if mark else "edited"
        conn.execute(f"UPDATE factions SET aliases = ?, bloc = ?, edited = {edited} WHERE slug = ?",
                     (json.dumps(names, ensure_ascii=False), bloc, kept[0]))
    if merged:
        tallies.rebuild(conn)
    return merged
