"""EventFilter: the one description of "which events", compiled to one parameterised WHERE clause.

The TUI, the command line and the exporters all build an EventFilter; none of them writes SQL. Values
are checked against the store's vocabulary so that a typo is a clear error, not an empty screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .models import CERTAINTIES
from .search import fts_query


class FilterError(ValueError):
    """A filter that cannot be run, with a message meant for the user."""


def _tuple(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(dict.fromkeys(values))  # keeps order, drops repeats


def _iso(value: dt.date | str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise FilterError(f"{name} date {value!r} is not a date like 2017-06-30") from None


@dataclass(frozen=True)
class EventFilter:
    fronts: tuple[str, ...] = ()
    factions: tuple[str, ...] = ()  # a parent faction includes its units
    places: tuple[str, ...] = ()
    since: str | None = None  # inclusive, ISO date
    until: str | None = None  # inclusive, ISO date
    types: tuple[str, ...] = ()
    certainty: tuple[str, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        for name in ("fronts", "factions", "places", "types", "certainty"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))
        object.__setattr__(self, "since", _iso(self.since, "since"))
        object.__setattr__(self, "until", _iso(self.until, "until"))
        object.__setattr__(self, "text", self.text or "")

    def but(self, **changes: object) -> EventFilter:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()

    def to_dict(self) -> dict[str, object]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> EventFilter:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Vocabulary:
    """What a filter may name, read from the store once."""

    fronts: frozenset[str]
    places: frozenset[str]
    types: frozenset[str]
    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # faction -> direct units

    @property
    def factions(self) -> frozenset[str]:
        return frozenset(self.children)

    def with_units(self, slugs: Iterable[str]) -> list[str]:
        """The factions and, recursively, every unit under them."""
        seen: dict[str, None] = {}
        stack = list(slugs)
        while stack:
            slug = stack.pop()
            if slug not in seen:
                seen[slug] = None
                stack.extend(self.children.get(slug, ()))
        return list(seen)


@dataclass(frozen=True)
class Compiled:
    where: str  # an SQL boolean over the events table aliased `e`; "1" when nothing narrows
    params: tuple[object, ...]


def _check(kind: str, values: tuple[str, ...], known: Iterable[str]) -> None:
    unknown = [v for v in values if v not in known]
    if unknown:
        raise FilterError(f"unknown {kind}: {', '.join(map(repr, unknown))}")


def _in(column: str, values: Iterable[str]) -> tuple[str, list[str]]:
    values = list(values)
    return f"{column} IN ({', '.join('?' * len(values))})", values


def compile_filter(f: EventFilter, vocab: Vocabulary) -> Compiled:
    """One WHERE clause and its parameters. Raises FilterError for values the store does not know."""
    _check("front", f.fronts, vocab.fronts)
    _check("faction", f.factions, vocab.factions)
    _check("place", f.places, vocab.places)
    _check("event type", f.types, vocab.types)
    _check("certainty", f.certainty, CERTAINTIES)
    if f.since and f.until and f.since > f.until:
        raise FilterError(f"the date range runs backwards: since {f.since} is after until {f.until}")

    clauses: list[str] = []
    params: list[object] = []

    def add(sql: str, values: Iterable[object] = ()) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.fronts:
        add(*_in("e.front", f.fronts))
    if f.places:
        add(*_in("e.place", f.places))
    if f.types:
        add(*_in("e.event_type", f.types))
    if f.certainty:
        add(*_in("e.certainty", f.certainty))
    if f.since:
        add("e.date >= ?", [f.since])
    if f.until:
        add("e.date <= ?", [f.until])
    if f.factions:
        sql, values = _in("faction", vocab.with_units(f.factions))
        add(f"e.id IN (SELECT event FROM event_factions WHERE {sql})", values)
    match = fts_query(f.text)
    if match:
        add("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", [match])
    return Compiled(" AND ".join(clauses) or "1", tuple(params))
