"""Short labels an older import made without a unit's number: "Military Forces of Yemen (2012-) 170th Air
Defence Brigade" was YEM-1ADB, its 17th Infantry Brigade YEM-1IB (write/names.py now keeps the number
whole: YEM-170ADB). On the next import such a faction takes the label the rule now makes, when no other
faction has it; a label that holds the name's numbers (one a user set, or made since) is kept."""

from __future__ import annotations

import re
import sqlite3

from .codes import SET_BY_HAND
from .names import short_label

_NUMBER = re.compile(r"(?<![\d(])(\d+)(?:st|nd|rd|th)?\b")  # a unit's number, not an era's years "(2012-"


def relabel_numbered(conn: sqlite3.Connection, by_hand: set[str] | None = None) -> list[tuple[str, str]]:
    """Relabel the factions whose label lacks a number their name gives; (old, new) labels. A label a
    user set (`factions set --short`) is theirs, numbers or not: such a faction is added to `by_hand`."""
    rows = conn.execute(f"SELECT slug, name, short, {SET_BY_HAND.format(field='short')} FROM factions "
                        "WHERE name GLOB '*[0-9]*'").fetchall()
    taken = {s.casefold() for (s,) in conn.execute("SELECT short FROM factions")}
    changed: list[tuple[str, str]] = []
    for slug, name, short, hand in rows:
        numbers = [n for n in _NUMBER.findall(re.sub(r"\(\d{4}\s*-\s*\d{0,4}\)", "", name)) if len(n) > 1]
        if not numbers or all(n in short for n in numbers):
            continue
        label = short_label(name, taken - {short.casefold()})
        if label == short or not all(n in label for n in numbers):
            continue
        if hand:
            if by_hand is not None:
                by_hand.add(slug)
            continue
        conn.execute("UPDATE factions SET short = ? WHERE slug = ?", (label, slug))
        taken.discard(short.casefold())
        taken.add(label.casefold())
        changed.append((short, label))
    return changed
