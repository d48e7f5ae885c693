"""EventFilter: the one description of "which events". It knows nothing of tables.

The TUI, the command line and the exporters all build an EventFilter; none of them writes SQL. The store
compiles it to one parameterised WHERE clause (db/store/plan.py), holding its values against what the
store knows first, so that a typo is a clear error, not an empty screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace


class FilterError(ValueError):
    """A filter that cannot be run, with a message meant for the user."""


def _tuple(values: Iterable[str] | str | None, name: str) -> tuple[str, ...]:
    """The values of one field as a tuple of text (a filter read back from a file may hold anything)."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = (values,)
    if not isinstance(values, Iterable) or isinstance(values, Mapping):
        raise FilterError(f"{name} must be a list of names, not {type(values).__name__}")
    values = tuple(values)
    if not all(isinstance(v, str) for v in values):
        raise FilterError(f"{name} must be names (text)")
    return tuple(dict.fromkeys(values))  # keeps order, drops repeats


def _iso(value: dt.date | str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise FilterError(f"{name} date {value!r} is not a date like 2017-06-30")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name} date {value!r} is not a date like 2017-06-30") from None


@dataclass(frozen=True)
class EventFilter:
    fronts: tuple[str, ...] = ()
    factions: tuple[str, ...] = ()  # a parent faction includes its units
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: str | None = None  # inclusive, ISO date
    until: str | None = None  # inclusive, ISO date
    types: tuple[str, ...] = ()
    certainty: tuple[str, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        for name in ("fronts", "factions", "places", "sources", "types", "certainty"):
            object.__setattr__(self, name, _tuple(getattr(self, name), name))
        object.__setattr__(self, "since", _iso(self.since, "since"))
        object.__setattr__(self, "until", _iso(self.until, "until"))
        if not isinstance(self.text or "", str):
            raise FilterError(f"the search must be text, not {type(self.text).__name__}")
        object.__setattr__(self, "text", self.text or "")

    def but(self, **changes: object) -> EventFilter:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> EventFilter:
        """A filter from its dict (a saved view); FilterError when a field has the wrong shape."""
        if not isinstance(data, Mapping):
            raise FilterError("a filter is a mapping of its fields")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]
