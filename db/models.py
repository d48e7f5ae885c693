"""Plain values the store hands out. They hold data only; nothing here touches SQLite."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# As a source states it: as fact, as a party's claim, as a rumour, or as a party's denial. A happening two
# sources contradict on (a claim or a report and a denial) is shown as disputed.
CERTAINTIES = ("confirmed", "claimed", "rumoured", "denied")
# ACLED's actor1/actor2 read as actor/target, their associated actors as ally/target_ally; a "side" is a
# party to an undirected event (UCDP's side_a/side_b, an actor-based ACLED row whose interaction names
# one code twice): it is credited with no action. These are the roles a report's event may be given (in
# review, by hand).
ROLES = ("actor", "ally", "target", "target_ally", "side", "claimant")
# A dataset's events may also name "side_a", the first of an undirected event's sides (UCDP's side A: the
# government, the first organised group, or the perpetrator of one-sided violence): a side too, whose bloc
# is the event's side (events.side) when no actor is named, but not an actor (the linker matches actors,
# db/rules.py). Every role a stored event's party may have:
STORED_ROLES = ("actor", "ally", "target", "target_ally", "side_a", "side", "claimant")
PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Bloc:
    slug: str
    name: str
    sort: int
    colour: str = "#999999"

    @property
    def made_by_import(self) -> bool:
        """A rival authority's bloc (write/rivals.py) or a foreign state's forces' (write/foreign.py),
        not one of the bundled ones the README names."""
        return self.slug.startswith(("rival-", "foreign-"))


@dataclass(frozen=True)
class Front:
    slug: str
    name: str
    description: str
    sort: int
    bbox: tuple[float, float, float, float] | None = None  # (west, south, east, north)
    kind: str = ""  # user | bundled | division | country | other ('' for a front an import named)
    country: str | None = None  # the country it is in, when known: the fronts pane groups by it
    defined_by: str = ""  # what puts events on it, in words ("divisions: Idlib, Hama", "box …")
    admin1: str | None = None  # a division's front: the division, as the events name it
    definition: str | None = None  # a user's or bundled front's area or divisions, stored (fronts/areas.py)


@dataclass(frozen=True)
class FrontCount:
    """A front and how many of its events pass a filter."""

    front: Front
    count: int  # fronts with none count too: 0


@dataclass(frozen=True)
class Faction:
    """A faction: `parent` is the faction it is a unit of, `bloc` the allies it sides with."""

    slug: str
    name: str
    short: str
    parent: str | None
    bloc: str
    colour: str
    aliases: tuple[str, ...] = ()
    edited: frozenset[str] = frozenset()  # the fields a user set by hand, which no import changes


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    admin1: str | None
    front: str | None
    lat: float | None
    lon: float | None
    precision_km: float | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    kind: str


@dataclass(frozen=True)
class Account:
    """One source's account of a happening: its own event, as that source gives it."""

    event: str
    source: Source | None
    date: str
    date_precision: str
    certainty: str
    summary: str
    excerpt: str | None
    source_event_id: str | None
    claimants: tuple[str, ...] = ()
    reviewed: int | None = None
    lead: bool = False  # the event the timeline shows for the happening
    by_hand: bool = False  # linked or split by hand


@dataclass(frozen=True)
class Party:
    """A faction's part in one event."""

    faction: str
    role: str  # one of ROLES


@dataclass(frozen=True)
class Cursor:
    """Where a timeline page ends: the (date, id) of its last row, newest-first order."""

    date: str
    id: str


@dataclass(frozen=True)
class EventRow:
    """One line of the timeline."""

    id: str
    date: str
    date_precision: str
    front: str
    place: str | None
    place_name: str | None
    event_type: str
    certainty: str
    summary: str
    fatalities: int | None
    parties: tuple[Party, ...]
    sources: int = 1  # how many sources' events this happening links (db/happenings/)
    disputed: bool = False  # one of them denies what another states or claims
    reviewed: int | None = None  # 1 accepted in a review, 0 landed unreviewed, None a dataset's or bundled

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.date, self.id)

    def with_role(self, role: str) -> tuple[str, ...]:
        return tuple(p.faction for p in self.parties if p.role == role)


@dataclass(frozen=True)
class Page:
    rows: tuple[EventRow, ...]
    next: Cursor | None  # None when this page is the last


@dataclass(frozen=True)
class Located:
    """Where and when a dataset's row put an event, and the rest of what the row said."""

    source_event_id: str | None = None  # the dataset's own id (ACLED event_id_cnty, UCDP id)
    source_type: str | None = None  # the dataset's own type and sub-type
    source_sub_type: str | None = None
    date_end: str | None = None  # the last day of a range (UCDP date_start … date_end)
    location_precision: str | None = None  # exact, near, district, province, region, country
    area: str | None = None  # the area an event is located to when it is not a point
    admin1: str | None = None
    country: str | None = None
    attributes: tuple[tuple[str, str | int | float], ...] = ()  # the rest of the row, by column name
    precision_km: float | None = None  # how roughly an extraction placed it, when only approximately


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    excerpt: str | None
    lat: float | None
    lon: float | None
    place: Place | None
    source: Source | None
    factions: tuple[tuple[Party, Faction], ...]
    same_place: tuple[EventRow, ...] = field(default=())
    control: tuple[Any, ...] = field(default=())  # the place's Handovers (store/control.py), oldest first
    located: Located = field(default_factory=Located)
    accounts: tuple[Account, ...] = ()  # every source's account of the happening, the lead's first


@dataclass(frozen=True)
class Facets:
    """Counts of events under one filter, grouped several ways."""

    total: int
    factions: dict[str, int] | None  # each faction (with its units) in the view, whatever factions it
    # filters; None when not asked for (only the filter picker shows them)
    fronts: dict[str, int]
    types: dict[str, int]
    certainty: dict[str, int]
    buckets: dict[str, int]  # events dated to the day, per day ('2017-06-30') or per month ('2017-06')
    bucket: str  # "day" or "month"
    undated: int  # events dated only to the week, month or year: in no bucket
    # The histogram's stacks: bucket -> acting bloc -> confirmed events; claimed and rumoured events
    # are no side's proven action, so they stand apart: bucket -> claimed or rumoured events.
    sides: dict[str, dict[str, int]] = field(default_factory=dict)
    unconfirmed: dict[str, int] = field(default_factory=dict)
    sample: int = 0  # 0 for exact counts; N when estimated from a 1/N sample of the events
