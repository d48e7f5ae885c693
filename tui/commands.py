"""Command palette (ctrl+p): jump to any front, faction or place."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

if TYPE_CHECKING:
    from .app import SitroomApp


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
        matcher = self.matcher(query)
        for text, callback, help_text in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(text)), callback,  # type: ignore[arg-type]
                          help=escape(help_text))
