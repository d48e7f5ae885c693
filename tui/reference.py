"""The store's small tables (blocs, fronts, factions, places, event types, date span), read once at
start and again when another process writes to the store. The panes name and colour things from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sitroom.db import Bloc, Faction, Front, Place, Store


@dataclass(frozen=True)
class Reference:
    blocs: list[Bloc] = field(default_factory=list)
    fronts: list[Front] = field(default_factory=list)
    factions: list[Faction] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    span: tuple[str, str] | None = None  # the first and last event dates
    totals: dict[str, int] = field(default_factory=dict)  # events per front, under no filter

    @classmethod
    def read(cls, store: Store) -> Reference:
        s = store
        return cls(s.blocs(), s.fronts(), s.factions(), s.places(), s.event_types(), s.date_span(),
                   s.front_totals())

    @property
    def listed_fronts(self) -> list[Front]:
        """The fronts with events: the ones the pane lists and the palette reaches."""
        return [f for f in self.fronts if self.totals.get(f.slug, 0) > 0]

    def view_name(self, front: str | None, fronts: tuple[str, ...] = ()) -> str:
        """What the timeline shows: a front, several ("Raqqa + Idleb"), or all fronts."""
        if not fronts:
            return self.front_name(front)
        names = [self.front_name(f) for f in fronts]
        return " + ".join(names) if len(names) <= 2 else f"{names[0]} + {len(names) - 1} more fronts"

    @cached_property
    def by_slug(self) -> dict[str, Faction]:
        return {f.slug: f for f in self.factions}

    @cached_property
    def places_by_id(self) -> dict[str, Place]:
        return {p.id: p for p in self.places}

    def front(self, slug: str | None) -> Front | None:
        return next((f for f in self.fronts if f.slug == slug), None)

    def front_name(self, slug: str | None) -> str:
        front = self.front(slug)
        return front.name if front else "All fronts"

    @property
    def last_day(self) -> str | None:
        return self.span[1] if self.span else None
