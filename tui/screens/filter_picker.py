"""The filter picker (`f`): factions grouped by bloc, then event types, certainty, places and sources.

Type to narrow, space to toggle, enter or escape to close. Every toggle is posted at once, so the
screen behind updates while the picker is open. Choosing a parent faction includes its units, shown
as [·] beside them. A store may hold thousands of places and sources: the picker lists the few with
the most events in the view, asked of the store (WantRanked), and typing asks again for the names
holding what is typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from rich.table import Table
from rich.text import Text
from sitroom.db import CERTAINTIES, Bloc, EventFilter, Facets, Faction, Ranked
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from .. import render

HELP = "type to narrow · space toggle · ↑↓ move · enter/esc close"
RANKED = 8  # places and sources listed: those with the most events; typing finds the others
FACTIONS_LISTED = 60  # a bloc's factions listed (a world file's "other" bloc holds thousands): typing
# finds the others, and drawing thousands of rows took a second a key
BLOC_WIDTH = 16  # the bloc's name on a faction's row, cut with an ellipsis beyond
WIDE_FROM = 100  # terminal columns from which a faction's row also names its side
ASK_DELAY = 0.15  # seconds of quiet typing before the store is asked for matching names


class NarrowBox(Input):
    """The narrowing box. Space toggles the highlighted choice, handled here in turn with the letters
    typed before it: it acts on the list they narrow, however far behind the drawing is."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space":
            event.stop()
            event.prevent_default()  # not typed into the box
            await self.run_action("screen.toggle")


def own_name(faction: Faction, parent: Faction | None) -> str:
    """The faction's name less its parent's, which "unit of" names: ACLED's "Military Forces of Yemen
    (2016-) Supreme Political Council" under "Military Forces of Yemen (2016-)" reads "Supreme
    Political Council", the words that tell it from its parent's other units."""
    if parent is not None and faction.name.startswith(parent.name):
        rest = faction.name[len(parent.name):].strip(" -:,·")
        if rest:
            return rest
    return faction.name


def _toggle(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return tuple(v for v in values if v != value) if value in values else (*values, value)


class FilterPicker(ModalScreen[None]):
    AUTO_FOCUS = "#narrow"  # keys typed right after `f` land in the narrowing box
    BINDINGS = [
        # Not priority bindings: a key typed ahead (↓ after "islamic") reaches the screen after the
        # letters before it, through the narrowing box, not before them (space: NarrowBox).
        Binding("space", "toggle", "Toggle"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("pageup", "move(-10)", show=False),
        Binding("enter", "close", "Done", priority=True),
        Binding("escape", "close", "Close", priority=True),
    ]

    class Changed(Message):
        def __init__(self, filter: EventFilter) -> None:
            super().__init__()
            self.filter = filter

    class WantRanked(Message):
        """The places and sources to list: the top RANKED by events, their names holding `like`."""

        def __init__(self, like: str) -> None:
            super().__init__()
            self.like = like

    def __init__(self, blocs: list[Bloc], factions: list[Faction], types: list[str],
                 current: EventFilter, facets: Facets | None) -> None:
        super().__init__()
        self.blocs = blocs
        self.factions = factions
        self.by_slug = {f.slug: f for f in factions}
        self._blocs = {b.slug: b for b in blocs}
        self.types = types
        self.filter = current
        self.facets = facets
        # The store's answer for places and sources, and the text it was narrowed by (None: asking).
        self.ranked: dict[str, list[Ranked]] = {}
        self.ranked_like: dict[str, str] = {}
        self._ask_timer: Timer | None = None
        self._names = {f.slug: self._names_of(f) for f in factions}
        # Each faction's family: the faction at the top of its parents (itself when it has none).
        self._root = {f.slug: ([f.slug, *self._ancestors(f)])[-1] for f in factions}
        # The cursor is still in the box: the highlight sits on the first match, which space toggles
        # and ↓ lands on (it does not skip it).
        self._in_box = True  # what typing matches, worked out once
        self._built_for: str | None = None  # the narrowing text the list on show was built for

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield NarrowBox(placeholder="narrow: type a name, short name or alias", id="narrow")
            yield OptionList(id="choices", markup=False)
            yield Static(Text(HELP, style="dim"), id="picker-help")

    def on_mount(self) -> None:
        self.query_one("#picker").border_title = "Filter"
        store, view = getattr(self.app, "store", None), getattr(self.app, "view", None)
        fronts = view.fronts or ((view.front,) if view.front else ()) if view is not None else ()
        if store is not None and fronts and (blocs := store.blocs_in(fronts)):
            self._in_country(blocs)
        self._rebuild()
        self.post_message(self.WantRanked(""))

    @property
    def like(self) -> str:
        """What is typed, as the store is asked to narrow by it."""
        return self.query_one("#narrow", Input).value.strip()

    @property
    def choices(self) -> OptionList:
        return self.query_one("#choices", OptionList)

    def _in_country(self, blocs: Mapping[str, str]) -> None:
        """Each faction grouped, named and found by the bloc it takes in the front's country's war
        (Russia's forces on a Ukraine front: a side of their own, not the Syrian government's allies)."""
        self.factions = [replace(f, bloc=blocs[f.slug]) if f.slug in blocs else f for f in self.factions]
        self.by_slug = {f.slug: f for f in self.factions}
        self._names = {f.slug: self._names_of(f) for f in self.factions}

    # -- building the list ----------------------------------------------------------------------

    def _ancestors(self, faction: Faction) -> list[str]:
        """The faction's parent, its parent's parent, and so on."""
        out: list[str] = []
        parent = faction.parent
        while parent and parent not in out:
            out.append(parent)
            parent = self.by_slug[parent].parent if parent in self.by_slug else None
        return out

    def _names_of(self, faction: Faction) -> tuple[str, ...]:
        """What a faction is found by: its own names, its parents' (typing SAA lists SAA's units, which
        choosing SAA includes) and its bloc's (typing "government" lists the government's side)."""
        bloc = next((b for b in self.blocs if b.slug == faction.bloc), None)
        own = (faction.name, faction.short, faction.slug, *faction.aliases)
        parents = [n for a in self._ancestors(faction) if a in self.by_slug
                   for n in (self.by_slug[a].name, self.by_slug[a].short, a)]
        return tuple(n.casefold() for n in (*own, *parents, *((bloc.name, bloc.slug) if bloc else ())))

    def _included_by_parent(self, faction: Faction) -> bool:
        return any(a in self.filter.factions for a in self._ancestors(faction))

    def _row(self, mark: str, label: Text, count: int | None, estimated: bool = False,
             bloc: Text | None = None) -> Table:
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(width=3, no_wrap=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        if bloc is not None:  # a faction's side, on its row: the list is ordered by events, not blocs
            grid.add_column(max_width=BLOC_WIDTH, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        figure = "" if count is None else f"≈{count:,}" if estimated else f"{count:,}"
        cells = (Text(mark), label, *((bloc,) if bloc is not None else ()),
                 Text(figure, style="dim italic" if estimated else "dim"))
        grid.add_row(*cells)
        return grid

    def _faction_option(self, f: Faction) -> Option:
        chosen = f.slug in self.filter.factions
        mark = "[x]" if chosen else "[·]" if self._included_by_parent(f) else "[ ]"
        label = Text("  " * len(self._ancestors(f)))  # a unit of a unit sits under its parent
        label.append(f.short, style=render.faction_style(f))
        parent = self.by_slug.get(f.parent) if f.parent else None
        label.append(f"  {own_name(f, parent)}")
        if parent is not None:
            label.append(f"  unit of {parent.short}", style="dim")
        counts = self.facets.factions if self.facets else None
        # Until the per-faction counts arrive the column stays empty rather than saying 0.
        count = None if counts is None else counts.get(f.slug, 0)
        bloc = self._blocs.get(f.bloc)
        # Under 100 columns the side's column would cut the name where units differ; the side's colour
        # is on the short name, and the side is on the help screen and the statistics sheet.
        side = Text(bloc.name if bloc else f.bloc, style="dim") if self.app.size.width >= WIDE_FROM else None
        return Option(self._row(mark, label, count, bloc=side), id=f"faction:{f.slug}")

    def _simple_option(self, kind: str, value: str, chosen: bool, counts: Mapping[str, int],
                       label: Text) -> Option:
        return Option(self._row("[x]" if chosen else "[ ]", label, counts.get(value, 0)),
                      id=f"{kind}:{value}")

    def _ranked_options(self, query: str) -> Iterable[Option]:
        chosen = {"place": self.filter.places, "source": self.filter.sources}
        for kind, title in (("place", "Places"), ("source", "Sources")):
            head = Text(title, style="bold underline")
            head.append("  most events first · type to find others", style="dim")
            items = self.ranked.get(kind)
            if items is None:
                yield Option(head, id=f"hdr:{kind}", disabled=True)
                yield Option(Text("    counting…", style="dim italic"), id=f"wait:{kind}", disabled=True)
                continue
            if self.ranked_like.get(kind, "").casefold() != query.strip():  # narrow what is here
                # until the store answers for what is typed
                items = [r for r in items if self._matches(query, r.name) or r.id in chosen[kind]]
            if items:
                yield Option(head, id=f"hdr:{kind}", disabled=True)
            for r in items:
                mark = "[x]" if r.id in chosen[kind] else "[ ]"
                yield Option(self._row(mark, Text(r.name), r.count, r.estimated), id=f"{kind}:{r.id}")

    def _matches(self, query: str, *names: str) -> bool:
        return not query or any(query in n.casefold() for n in names)

    def _ordered(self, members: list[Faction]) -> tuple[list[Faction], list[Faction]]:
        """The matching factions: those whose family (a faction, its units, theirs) has events in the
        view, the family with the busiest member first, then the rest by bloc, a unit under its parent. Until
        the counts arrive, all are the rest."""
        counts = self.facets.factions if self.facets else None
        if counts is None:
            return [], members
        # A family ranks by its busiest member: a parent's count may already hold its units' events,
        # so a sum would count them twice.
        family: dict[str, int] = {}
        for slug, n in counts.items():
            root = self._root.get(slug, slug)
            family[root] = max(family.get(root, 0), n)
        size = {f.slug: family.get(self._root[f.slug], 0) for f in members}
        active = sorted((f for f in members if size[f.slug]), key=lambda f: -size[f.slug])  # stable
        return active, [f for f in members if not size[f.slug]]

    def _section(self, key: str, title: str, members: list[Faction]) -> Iterable[Option]:
        """A heading and the first FACTIONS_LISTED of `members` (a world file's "other" bloc holds
        thousands, and drawing thousands of rows took a second a key), the chosen ones always."""
        if not members:
            return
        yield Option(Text(title, style="bold underline"), id=f"hdr:{key}", disabled=True)
        shown = members
        if len(members) > FACTIONS_LISTED:
            top = {f.slug for f in members[:FACTIONS_LISTED]} | set(self.filter.factions)
            shown = [f for f in members if f.slug in top]
        yield from (self._faction_option(f) for f in shown)
        if len(shown) < len(members):
            yield Option(Text(f"    {len(members) - len(shown):,} more: type to narrow",
                              style="dim italic"), id=f"more:{key}", disabled=True)

    def _options(self, query: str) -> Iterable[Option]:
        members = [f for bloc in self.blocs for f in self.factions
                   if f.bloc == bloc.slug and self._matches(query, *self._names[f.slug])]
        active, rest = self._ordered(members)
        yield from self._section("active", "Factions with events in view, most first", active)
        yield from self._section("rest", "Factions" if self.facets is None or self.facets.factions is None
                                 else "No events in view", rest)
        facets = self.facets
        types = [t for t in self.types if self._matches(query, t)]
        if types:
            yield Option(Text("Event type", style="bold underline"), id="hdr:type", disabled=True)
            for t in types:
                yield self._simple_option("type", t, t in self.filter.types,
                                          facets.types if facets else {}, Text(t))
        certainties = [c for c in CERTAINTIES if self._matches(query, c)]
        if certainties:
            yield Option(Text("Certainty", style="bold underline"), id="hdr:certainty",
                         disabled=True)
            for c in certainties:
                yield self._simple_option("certainty", c, c in self.filter.certainty,
                                          facets.certainty if facets else {}, render.certainty(c))
        yield from self._ranked_options(query)

    def _rebuild(self) -> None:
        choices = self.choices
        keep = self._highlighted_id()
        choices.clear_options()
        self._built_for = self.query_one("#narrow", Input).value
        choices.add_options(list(self._options(self._built_for.strip().casefold())))
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        if keep in ids and not self._in_box:  # in the box, it waits on the first match as listed now
            choices.highlighted = ids.index(keep)
        else:
            enabled = [i for i in range(choices.option_count)
                       if not choices.get_option_at_index(i).disabled]
            choices.highlighted = enabled[0] if enabled else None
            self._in_box = True

    def _highlighted_id(self) -> str | None:
        choices = self.choices
        if choices.highlighted is None:
            return None
        return choices.get_option_at_index(choices.highlighted).id

    def update_facets(self, facets: Facets) -> None:
        self.facets = facets
        self._rebuild()

    def update_ranked(self, by: str, like: str, ranked: list[Ranked]) -> None:
        chosen = self.filter.places if by == "place" else self.filter.sources
        listed = {r.id for r in ranked}
        # An estimate lists the top few only: the chosen ones stay as they were until exact counts.
        ranked = ranked + [r for r in self.ranked.get(by, []) if r.id in chosen and r.id not in listed]
        self.ranked[by] = ranked
        self.ranked_like[by] = like
        self._rebuild()

    # -- actions --------------------------------------------------------------------------------

    def _current(self) -> None:
        """The list for what is typed now: a key typed ahead acts on it, though the box's Changed
        messages (which rebuild it) may still be waiting their turn."""
        if self._built_for != self.query_one("#narrow", Input).value:
            self._rebuild()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._current()
        if self._ask_timer is not None:
            self._ask_timer.stop()
        like = self.like
        self._ask_timer = self.set_timer(ASK_DELAY, lambda: self.post_message(self.WantRanked(like)))

    def action_move(self, step: int) -> None:
        self._current()
        choices = self.choices
        count = choices.option_count
        if not count:
            return
        first_down, self._in_box = self._in_box and step == 1, False
        if first_down and choices.highlighted is not None:
            return  # from the box into the list: onto the first match, where the highlight waits
        index = choices.highlighted if choices.highlighted is not None else -step
        for _ in range(count):
            index = min(max(index + step, 0), count - 1)
            if not choices.get_option_at_index(index).disabled:
                choices.highlighted = index
                return
            if index in (0, count - 1):
                return

    def action_toggle(self) -> None:
        self._current()
        option_id = self._highlighted_id()
        if not option_id:
            return
        kind, _, value = option_id.partition(":")
        f = self.filter
        if kind == "faction":
            faction = self.by_slug[value]
            if value not in f.factions and self._included_by_parent(faction):
                self.notify(f"{faction.name} is already included through its parent; "
                            "unselect the parent to choose units one by one.")
                return
            # Choosing a parent makes choosing its units redundant.
            units = {u.slug for u in self.factions if value in self._ancestors(u)}
            self.filter = f.but(factions=tuple(s for s in _toggle(f.factions, value)
                                               if s not in units))
        elif kind == "type":
            self.filter = f.but(types=_toggle(f.types, value))
        elif kind == "certainty":
            self.filter = f.but(certainty=_toggle(f.certainty, value))
        elif kind == "place":
            self.filter = f.but(places=_toggle(f.places, value))
        elif kind == "source":
            self.filter = f.but(sources=_toggle(f.sources, value))
        self.post_message(self.Changed(self.filter))
        self._rebuild()

    def action_close(self) -> None:
        self.dismiss()
