"""When two events of different sources describe the same happening: the rules, in Python, over
plain values (the linker gathers the candidates from the store set-based and asks these).

Two events match when all of these hold (xSub's rule of thumb, made explicit):
- they come from different origins: a dataset (ACLED, UCDP) is one origin whatever article a row cites,
  since a dataset has already merged its own reports; any other source is its own origin;
- their types are of one family (ground fighting, strikes from afar, violence against civilians,
  unrest, strategic moves); a dataset's coarse types (UCDP's "state-based violence") fit several;
- their places are within `km` of each other (the same place, or two within the window), once each
  account's roughness is allowed for: an account placed only roughly (an extraction's unnamed "hills
  east of Khanasir", an area such as a region or a road, a dataset's "near" point) may be as far off as
  its precision says; beyond the window itself only accounts of one type link;
- their periods, each widened by `days`, overlap: a day-dated event and a month-dated one link when
  the day falls in that month, so the window widens with the dates' precision;
- their sides are compatible: when both name who acted, those blocs share one; when both name any
  party, those blocs share one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

DATASET_KINDS = frozenset({"ACLED", "UCDP"})  # sources.kind of rows from a dataset: one origin each
GROUND, REMOTE, CIVILIANS, UNREST, STRATEGIC = "ground", "remote", "civilians", "unrest", "strategic"
FAMILIES: dict[str, frozenset[str]] = {
    **{t: frozenset({GROUND}) for t in ("capture", "advance", "withdrawal", "clashes", "encirclement")},
    "attack": frozenset({GROUND, CIVILIANS}),
    **{t: frozenset({REMOTE}) for t in ("airstrike", "shelling", "explosion", "chemical attack")},
    "vbied": frozenset({REMOTE, GROUND}),
    "abduction": frozenset({CIVILIANS}),
    **{t: frozenset({UNREST}) for t in ("protest", "riot", "looting")},
}
# What a dataset's own type says the event may be, where it says more or less than sitroom's type:
# UCDP's fighting between armed sides (1, 2) and one-sided violence (3); ACLED's violence against
# civilians (its "Attack" is on civilians, not on a position).
COARSE: dict[str, frozenset[str]] = {
    "type_of_violence 1": frozenset({GROUND, REMOTE}),
    "type_of_violence 2": frozenset({GROUND, REMOTE}),
    "type_of_violence 3": frozenset({CIVILIANS, REMOTE}),
    "violence against civilians": frozenset({CIVILIANS}),
}
# How far from its point an account may have happened, by events.location_precision (a dataset's own
# word, or an extraction's stated precision, see precision_word), when its place gives none, in km.
# "exact" is what the window's km is for; a country says too little to link by.
PRECISION_KM: dict[str, float] = {"exact": 0.0, "near": 5.0, "district": 25.0, "province": 75.0,
                                  "region": 150.0}
# Places that are areas, not points: an account at one may have happened anywhere in it (its
# precision_km). A village's precision_km says how well its point is known, not where an account there
# happened: two named villages are two places.
AREA_KINDS = ("region", "governorate", "province", "road", "oil field", "country")
# Which event leads a happening: the surest.
CERTAINTY_RANK = {"confirmed": 0, "claimed": 1, "rumoured": 2, "denied": 3}


@dataclass(frozen=True)
class Window:
    """How near two events must be to be one happening: `km` apart at most, and `days` between their
    periods at most (xSub uses 1–5 km and 1–2 days)."""

    km: float = 5.0
    days: int = 1

    def __post_init__(self) -> None:
        if not (0 <= self.km <= 100):
            raise ValueError(f"a matching distance of {self.km:g} km is outside 0–100 km")
        if not (0 <= self.days <= 31):
            raise ValueError(f"a matching window of {self.days} days is outside 0–31 days")


DEFAULT_WINDOW = Window()


@dataclass(frozen=True)
class Candidate:
    """An event as the rules see it."""

    id: str
    origin: str
    event_type: str
    source_type: str | None
    start: str  # ISO dates: the first and last day of its period
    end: str
    place: str | None
    lat: float | None
    lon: float | None
    actors: frozenset[str]  # blocs of those who acted (actor, ally)
    parties: frozenset[str]  # blocs of every party named
    certainty: str = "confirmed"
    happening: str | None = None  # the lead's id when it follows one
    reviewed: int | None = None  # 0: extracted from a report and landed unreviewed
    precision: float = 0.0  # km its true place may be from its point (see PRECISION_KM)


@lru_cache(maxsize=1024)  # a store has few types: the linker asks for each of millions of pairs
def families(event_type: str, source_type: str | None) -> frozenset[str]:
    if source_type and (coarse := COARSE.get(source_type.casefold())):
        return coarse
    return FAMILIES.get(event_type, frozenset({STRATEGIC}))


@lru_cache(maxsize=1 << 16)  # most events of a place share its point: the pairs' distances recur
def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def distance(a: Candidate, b: Candidate) -> float | None:
    """How far apart two events are, in km: 0 at one place; None when either has no point."""
    if a.place is not None and a.place == b.place:
        return 0.0
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return km_between(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def precision_word(km: float | None) -> str | None:
    """The location_precision word an account located to within `km` is stored with."""
    if km is None:
        return None
    return next((word for word, most in PRECISION_KM.items() if km <= max(most, 1.0)), "country")


def reach(a: Candidate, b: Candidate, window: Window) -> float:
    """How far apart two accounts may be placed and still be at one place: the window's km, widened by
    how roughly each is placed."""
    return window.km + a.precision + b.precision


def days_apart(a: Candidate, b: Candidate) -> int:
    """Days between the two periods; 0 when they overlap."""
    if a.end < b.start:
        return (date.fromisoformat(b.start) - date.fromisoformat(a.end)).days
    if b.end < a.start:
        return (date.fromisoformat(a.start) - date.fromisoformat(b.end)).days
    return 0


def why_not(a: Candidate, b: Candidate, window: Window) -> str | None:
    """None when `a` and `b` may be one happening, else the first reason they may not, in words."""
    if a.origin == b.origin:
        return "same source"
    if not families(a.event_type, a.source_type) & families(b.event_type, b.source_type):
        return f"{a.event_type} and {b.event_type} are different kinds of event"
    km = distance(a, b)
    if km is None:
        return "no point to compare"
    if km > reach(a, b, window):
        return "too far apart"
    if km > window.km and a.event_type != b.event_type:
        return f"{km:.0f} km apart, placed only roughly, and of different types"
    if days_apart(a, b) > window.days:
        return "too far apart in time"
    if a.actors and b.actors and not a.actors & b.actors:
        return "different sides acted"
    if a.parties and b.parties and not a.parties & b.parties:
        return "no party in common"
    return None


def match(a: Candidate, b: Candidate, window: Window) -> tuple[float, int, bool] | None:
    """score(a, b) when `a` and `b` may be one happening (why_not is None), else None: why_not's
    rules without the words, the cheapest first, for the linker's many pairs."""
    if a.origin == b.origin or (a.actors and b.actors and a.actors.isdisjoint(b.actors)) or (
            a.parties and b.parties and a.parties.isdisjoint(b.parties)):
        return None
    if not families(a.event_type, a.source_type) & families(b.event_type, b.source_type):
        return None
    km = distance(a, b)
    if km is None or km > reach(a, b, window) or (km > window.km and a.event_type != b.event_type):
        return None
    days = days_apart(a, b)
    return None if days > window.days else (km or 0.0, days, a.event_type != b.event_type)


def score(a: Candidate, b: Candidate) -> tuple[float, int, int]:
    """The better of two matches is the nearer in space, then in time, then the one of the same type."""
    return (distance(a, b) or 0.0, days_apart(a, b), a.event_type != b.event_type)


def lead_rank(c: Candidate) -> tuple[int, bool]:
    """A happening is led by its surest account (its lead's certainty is the happening's), and before
    an extraction nobody reviewed; among equals the lead stays (see elect), so a new source never
    re-codes what the store already shows (a report's "capture" of a city does not replace a
    hand-coded "advance" there)."""
    return CERTAINTY_RANK.get(c.certainty, 9), c.reviewed == 0


def window_start(start: str, days: int, widest: int = 31) -> str:
    """The earliest date a candidate of a period starting `start` may carry: its own window, plus the
    longest period (a month) that may start before it and still overlap."""
    return (date.fromisoformat(start) - timedelta(days=days + widest)).isoformat()


def window_end(end: str, days: int) -> str:
    return (date.fromisoformat(end) + timedelta(days=days)).isoformat()
