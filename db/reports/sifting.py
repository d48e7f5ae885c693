"""What a sentence's events, and then the report's, give way to: an advance or clashes beside a more
definite happening at the same place, a wider place beside a precise one, a summary ("two villages") of
places the report names, a wide area holding the same side's precise happening."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .spelling import variant_key
from .where import RANK, WIDE

if TYPE_CHECKING:
    from .extract import Found


def how_taken(e: Found, found: list[Found]) -> bool:
    """Clashes beside a capture in one sentence, or the same side's assault on the place it took ("the
    assault which enabled the forces to oust ISIS from X"), are how the place was taken."""
    def acting(x: Found) -> set[str]:
        return {slug for slug, r in x.factions if r in ("actor", "ally")}

    where = e.place or e.place_name
    same = [c for c in found if c.type == "capture" and (c.place or c.place_name) == where]
    if e.type == "clashes":
        return bool(same) or e.unnamed or e.location.located_by.endswith("(approximate)")
    return e.type == "attack" and any(not acting(e) or acting(e) & acting(c) for c in same)


def prune(found: list[Found]) -> list[Found]:
    """Within a sentence: "advance" gives way to a more definite type at the same place, and of two
    places within 5 km with the same type the more precise holds the event."""
    by_place: dict[str | None, set[str]] = {}
    for e in found:
        by_place.setdefault(e.place or e.place_name, set()).add(e.type)
    # "advance", and "clashes" beside an attack, give way to the more definite type at the same place
    # (the advance is how a place was taken or fought for; beside an encirclement it is another happening)
    def shadowed(e: Found) -> bool:
        types = by_place[e.place or e.place_name]
        return (e.type == "advance" and bool(types & {"capture", "clashes", "attack"})) or \
            (e.type == "clashes" and "attack" in types)

    found = [e for e in found if not shadowed(e)]
    out = []
    for e in found:
        finer = [o for o in found if o is not e and o.type == e.type and o.location.lat is not None
                 and e.location.lat is not None and e.place and o.place
                 and abs(o.location.lat - e.location.lat) + abs(o.location.lon - e.location.lon) < 0.05
                 and RANK.get(o.kind, 2) < RANK.get(e.kind, 2)]
        if finer:
            continue
        out.append(e)
    return out


# "South and East of X, A, B and C": the offsets are extents listed beside the sentence's places, not
# summaries of the report's precise places near them
_OFFSET = re.compile(r"(?:north|south|east|west)\w*(?:-\w+)? of ", re.IGNORECASE)


def _within(inner: Found, area: Found, km: float) -> bool:
    a, b = inner.location, area.location
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return True  # not located: the report's own area
    return abs(a.lat - b.lat) * 111 < km and abs(a.lon - b.lon) * 91 < km


def summaries(events: list[Found]) -> list[Found]:
    """An unnamed place ("two villages") is a summary when the report names at least as many places of
    the same type taken by the same side; a listed place ("A, B as well as several hills") never is. A
    wide area ("eastern Deir Ezzor") is one when the report puts the same side's same happening at a
    precise place inside it."""
    # each event's keys and side once, not once per pair: a long report has thousands of events
    key_of = {id(e): {variant_key(n) for n in e.names} | ({e.place} if e.place else set()) for e in events}
    side_of = {id(e): {bloc or name for name, _, r, bloc in e.parties if r in ("actor", "ally")}
               for e in events}

    def keys(e: Found) -> set[str]:
        return key_of[id(e)]

    def side(e: Found) -> set[str]:
        return side_of[id(e)]

    out: list[Found] = []
    for e in events:
        taken = [o for o in out if o.type == "capture" and keys(o) & keys(e) and side(o) & side(e)]
        if e.type == "advance" and taken and e.read != taken[0].read:
            e.why["place"] += "; already taken by the same side: a detail of that capture, dropped"
            continue
        # a site named by what it is ("cement block making factory") or land ("nearby farmland") is one place,
        # not a count of places to sum up
        if e.unnamed and e.kind not in ("site", "farmland") and "as well as" not in e.read \
                and "aforementioned" not in e.why["place"]:
            named = [o for o in events if not o.unnamed and o.type == e.type and side(o) & side(e)]
            if named and len(named) >= (e.count or 1):
                e.why["place"] += "; a summary of the named places: dropped"
                continue
        # A region listed beside other wide places of its sentence ("Idleb and Hama Governorates … the
        # western countryside of Aleppo") is one of the list, not a summary of a nearby point.
        listed = (_OFFSET.match(e.place_name or "") or e.kind == "region") and \
            any(o is not e and o.read == e.read and RANK.get(o.kind, 2) >= WIDE for o in events)
        if RANK.get(e.kind, 2) >= WIDE and not e.unnamed and not e.direct and not listed and any(
                o is not e and (o.type == e.type or (e.type == "advance" and o.type == "capture"))
                and (side(o) & side(e) or not side(e)) and RANK.get(o.kind, 2) < WIDE
                and _within(o, e, 75.0) for o in events):
            e.why["place"] += "; the same happening is put at a precise place inside it: dropped"
            continue
        out.append(e)
    return out
