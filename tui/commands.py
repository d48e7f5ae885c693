"""Command palette (ctrl+p): jump to any front, faction or place."""

from __future__ import annotations

import heapq
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

if TYPE_CHECKING:
    from .app import SitroomApp


HITS = 50  # matches listed as you type, best first: more than a palette shows at once


class JumpCommands(Provider):
    def _candidates(self) -> list[tuple[str, object, str]]:
        app: SitroomApp = self.app  # type: ignore[assignment]
        out: list[tuple[str, object, str]] = []
        for front in app.ref.listed_fronts:
            out.append((f"Front: {front.name}", partial(app.select_front, front.slug),
                        front.description))
        for f in app.ref.factions:
            out.append((f"Faction: {f.name} ({f.short})", partial(app.only_faction, f.slug),
                        "show only this faction's events (with its units)"))
        for p in app.ref.places:
            where = ", ".join(x for x in (p.kind, p.admin1) if x)
            out.append((f"Place: {p.name}", partial(app.only_place, p.id), where))
        return out

    async def discover(self) -> Hits:
        for text, callback, help_text in self._candidates():
            if not text.startswith("Place:"):
                yield DiscoveryHit(escape(text), callback, help=escape(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        """The best HITS matches only: a world store's thousands of places and factions each matched a
        typed "p", and highlighting and listing every one cost ~0.4 CPU s a key (the palette lagged)."""
        matcher = self.matcher(query)
        candidates = self._candidates()
        scored = ((matcher.match(text), n) for n, (text, _, _) in enumerate(candidates))
        for score, n in heapq.nlargest(HITS, ((s, n) for s, n in scored if s > 0)):
            text, callback, help_text = candidates[n]
            yield Hit(score, matcher.highlight(escape(text)), callback,  # type: ignore[arg-type]
                      help=escape(help_text))
