"""The rules of the domain that several rooms apply, each written once: the words that lower a report's
certainty, which events change who holds a place, and which bloc an event's side belongs to."""

from __future__ import annotations

import re

# -- certainty: what the wording says about how sure a source is ---------------------------------------

RUMOUR = re.compile(r"\b(?:rumou?r(?:s|ed)?|unconfirmed)\b", re.IGNORECASE)
# "massacres that claimed the lives of 91 civilians" states deaths; it is not a claim.
CLAIM = re.compile(
    r"\b(claim(?:s|ed)?(?! (?:the )?li(?:ves|fe)\b)|reportedly|allegedly|no confirmed reports?)\b",
    re.IGNORECASE)


def certainty_cue(text: str | None) -> tuple[str, str | None]:
    """The certainty the wording of `text` gives (rumours first, then claims, else confirmed) and the
    words that lowered it, if any."""
    cue = (RUMOUR.search(text) or CLAIM.search(text)) if text else None
    if cue is None:
        return "confirmed", None
    return ("rumoured" if cue.re is RUMOUR else "claimed"), cue.group()


def certainty_of(text: str | None) -> str:
    """Lower the certainty where the wording does: rumours, then claims."""
    return certainty_cue(text)[0]


# -- control: only a confirmed capture of the place itself changes its holder --------------------------


def capture(alias: str = "") -> str:
    """SQL true for the events that change who holds a place, over the events table (aliased `alias`).
    The partial index events_captures holds exactly these, so its WHERE and the queries' must agree."""
    prefix = f"{alias}." if alias else ""
    return f"{prefix}event_type = 'capture' AND {prefix}certainty = 'confirmed'"


# -- blocs: an event's parties in a role belong to blocs; when they differ, the first in bloc order ----

# The blocs of an event's parties (aliases ef, f, b), and the order that picks one of them.
PARTY_BLOCS = "event_factions ef JOIN factions f ON f.slug = ef.faction JOIN blocs b ON b.slug = f.bloc"
BLOC_ORDER = "b.sort, b.slug"
SIDE_ROLE = "actor"  # an event's side (events.side) is the bloc of its actors


def bloc_of(event: str, role: str) -> str:
    """SQL for the bloc of event `event`'s parties in `role` (SQL expressions), the first in bloc order;
    no row when it has none."""
    return (f"SELECT f.bloc FROM {PARTY_BLOCS} WHERE ef.event = {event} AND ef.role = {role} "
            f"ORDER BY {BLOC_ORDER} LIMIT 1")
