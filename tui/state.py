"""What the browser remembers between launches: the last front and filter, per store."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitroom.db import EventFilter


@dataclass(frozen=True)
class ViewState:
    front: str | None = None  # None is "all fronts"
    filter: EventFilter = field(default_factory=EventFilter)
    as_of: str | None = None  # show the situation on this day (ISO); None is the latest. Not remembered.
    fronts: tuple[str, ...] = ()  # fronts chosen together (space): shown instead of `front` when any

    def but(self, **changes: object) -> ViewState:
        return replace(self, **changes)  # type: ignore[arg-type]

    def count_filter(self) -> EventFilter:
        """The user's filter up to the as-of date: what the front counts count."""
        if self.as_of and (self.filter.until is None or self.as_of < self.filter.until):
            return self.filter.but(until=self.as_of)
        return self.filter

    def timeline_filter(self) -> EventFilter:
        """The filter the timeline shows: the user's filter up to the as-of date, narrowed to the
        selected front."""
        f = self.count_filter()
        if self.fronts:
            return f.but(fronts=self.fronts)
        return f.but(fronts=(self.front,)) if self.front else f

    def toggled(self, slug: str | None) -> ViewState:
        """`slug` added to the fronts shown together, or taken out; None clears them."""
        if slug is None:
            return self.but(fronts=())
        if slug in self.fronts:
            return self.but(fronts=tuple(f for f in self.fronts if f != slug))
        start = self.fronts or ((self.front,) if self.front else ())
        return self.but(fronts=(*start, slug) if slug not in start else start)


class StateFile:
    """A small JSON file mapping each store's path to its last ViewState."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def _all(self) -> dict[str, dict]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # a damaged state file is forgotten, not fatal
        return data if isinstance(data, dict) else {}

    def load(self, store_path: Path) -> ViewState:
        entry = self._all().get(str(store_path.resolve()))
        if not isinstance(entry, dict):
            return ViewState()
        front, fronts = entry.get("front"), entry.get("fronts")
        try:
            return ViewState(front if isinstance(front, str) else None,
                             EventFilter.from_dict(entry.get("filter") or {}),
                             fronts=tuple(f for f in fronts if isinstance(f, str))
                             if isinstance(fronts, list) else ())
        except (TypeError, ValueError):  # FilterError too: a field of the wrong shape
            return ViewState()

    def save(self, store_path: Path, state: ViewState) -> None:
        if self.path is None:
            return
        data = self._all()
        data[str(store_path.resolve())] = {"front": state.front, "fronts": list(state.fronts),
                                           "filter": state.filter.to_dict()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # remembering is a convenience; failing to must not stop the browser
