"""The rules of the domain that several rooms apply, each written once: the words that lower a report's
certainty, when an event is over, which events change who holds a place, and which bloc an event's side
belongs to."""

from __future__ import annotations

import re

# -- certainty: what the wording says about how sure a source is ---------------------------------------

RUMOUR = re.compile(r"\b(?:rumou?r(?:s|ed)?|unconfirmed)\b", re.IGNORECASE)
# "Unconfirmed reports of casualties", "fatalities unverified": only the toll is in doubt, not the event.
_TOLL = r"(?:casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|dead|injur(?:y|ies|ed)|wounded|killed|losses)"
TOLL_DOUBT = re.compile(
    rf"\b(?:(?:unconfirmed|unverified)\s+(?:(?:reports?|numbers?|count)\s+of\s+)?(?:\w+\s+)?{_TOLL}"
    rf"|{_TOLL}\s+(?:(?:are|were|is|was|remain(?:s|ed)?)\s+)?(?:unconfirmed|unverified|unknown))\b",
    re.IGNORECASE)
# "massacres that claimed the lives of 91 civilians" states deaths; it is not a claim.
CLAIM = re.compile(
    r"\b(claim(?:s|ed)?(?! (?:the )?li(?:ves|fe)\b)|reportedly|allegedly|no confirmed reports?)\b",
    re.IGNORECASE)


# Every word that can lower a certainty (RUMOUR, CLAIM) holds one of these, in lower case: kept beside
# the patterns so that a new cue word is added to both.
_CUE_WORDS = ("rumo", "unconfirmed", "claim", "reportedly", "allegedly", "no confirmed report")


def certainty_cue(text: str | None) -> tuple[str, str | None]:
    """The certainty the wording of `text` gives (rumours first, then claims, else confirmed) and the
    words that lowered it, if any. Plain ASCII text with no cue word (nearly every dataset row) is
    confirmed without the searches: in ASCII, lower() is exactly the case-folding they match with."""
    if text and text.isascii():
        lowered = text.lower()
        if not any(word in lowered for word in _CUE_WORDS):
            return "confirmed", None
    return cue_search(text)


def cue_search(text: str | None) -> tuple[str, str | None]:
    """certainty_cue by the patterns alone, for every text."""
    if text:
        text = TOLL_DOUBT.sub(" ", text)
    cue = (RUMOUR.search(text) or CLAIM.search(text)) if text else None
    if cue is None:
        return "confirmed", None
    return ("rumoured" if cue.re is RUMOUR else "claimed"), cue.group()


def certainty_of(text: str | None) -> str:
    """Lower the certainty where the wording does: rumours, then claims."""
    return certainty_cue(text)[0]


# -- time: an event has happened by a day only once the period it is dated to is over -----------------


def period_end(alias: str = "") -> str:
    """SQL for the last day of an event's period (over the events table aliased `alias`): the end of
    the range the source gives, else the end of the week, month or year it is dated to (its date is
    the period's first day), else its day. As of a day, only events whose period is over count."""
    p = f"{alias}." if alias else ""
    return (f"coalesce({p}date_end, CASE {p}date_precision WHEN 'day' THEN {p}date "
            f"WHEN 'week' THEN date({p}date, '+6 days') "
            f"WHEN 'month' THEN date({p}date, 'start of month', '+1 month', '-1 day') "
            f"WHEN 'year' THEN date({p}date, 'start of year', '+1 year', '-1 day') ELSE {p}date END)")


def crosses_month(alias: str = "") -> str:
    """SQL true for the events whose period runs past the end of the month they start in: the monthly
    tallies file them under a month that is over before they are. The partial index events_spans
    holds exactly these (by period_end), so its WHERE and the queries' must be this text."""
    p = f"{alias}." if alias else ""
    return f"substr({period_end(alias)}, 1, 7) > substr({p}date, 1, 7)"


# -- control: only a confirmed capture of the place itself changes its holder --------------------------


def capture(alias: str = "") -> str:
    """SQL true for the events that change who holds a place, over the events table (aliased `alias`).
    The partial index events_captures holds exactly these, so its WHERE and the queries' must agree.
    A gain short of the place itself ("chunks of the city", "hills east of") is an `advance`, not a
    capture: the events' type says so, and the bundled data is coded that way."""
    prefix = f"{alias}." if alias else ""
    # A happening's lead carries the surest certainty any of its sources gives (db/happenings/).
    return f"{prefix}event_type = 'capture' AND {prefix}certainty = 'confirmed' AND {prefix}happening IS NULL"


def claimed_capture(alias: str = "") -> str:
    """SQL true for captures a party claims or a rumour reports: shown as claims, never a change of
    hands. The partial index events_capture_claims holds exactly these."""
    prefix = f"{alias}." if alias else ""
    return (f"{prefix}event_type = 'capture' AND {prefix}certainty != 'confirmed' "
            f"AND {prefix}happening IS NULL")


# -- blocs: an event's parties in a role belong to blocs; when they differ, the first in bloc order ----

# The blocs of an event's parties (aliases ef, pe: the event, f, fb, b), and the order that picks one of
# them. A faction's bloc is the one it takes in the event's country where it has one there (faction_blocs:
# Russia's forces are the Syrian government's allies in Syria, a side of their own in Ukraine), else its own.
PARTY_BLOC = "coalesce(fb.bloc, f.bloc)"
PARTY_BLOCS = ("event_factions ef JOIN events pe ON pe.id = ef.event JOIN factions f ON f.slug = ef.faction "
               "LEFT JOIN faction_blocs fb ON fb.faction = ef.faction AND fb.country = pe.country "
               f"JOIN blocs b ON b.slug = {PARTY_BLOC}")
BLOC_ORDER = "b.sort, b.slug"
# An event's side (events.side) is the bloc of its actors; an undirected event (UCDP's) names none, and
# its side is then the bloc of its side A (the government, the first organised group, or the perpetrator
# of one-sided violence). Side A is a role of its own, not an actor: the linker matches actors' blocs
# across sources, and UCDP's names for a group are often factions of another bloc than ACLED's.
SIDE_ROLES = ("actor", "side_a")  # in precedence: an actor's bloc wins over a side A's
SIDE_ROLES_SQL = ", ".join(f"'{r}'" for r in SIDE_ROLES)
# Orders an event's side parties (aliases ef, b): precedence of role, then bloc order.
SIDE_ORDER = f"ef.role != '{SIDE_ROLES[0]}', {BLOC_ORDER}"


def bloc_of(event: str, role: str) -> str:
    """SQL for the bloc of event `event`'s parties in `role` (SQL expressions), the first in bloc order;
    no row when it has none."""
    return (f"SELECT {PARTY_BLOC} FROM {PARTY_BLOCS} WHERE ef.event = {event} AND ef.role = {role} "
            f"ORDER BY {BLOC_ORDER} LIMIT 1")


def side_of(event: str) -> str:
    """SQL for the side of event `event` (an SQL expression): its actors' bloc, else its side A's, the
    first in bloc order; no row when it has neither."""
    return (f"SELECT {PARTY_BLOC} FROM {PARTY_BLOCS} WHERE ef.event = {event} "
            f"AND ef.role IN ({SIDE_ROLES_SQL}) ORDER BY {SIDE_ORDER} LIMIT 1")
