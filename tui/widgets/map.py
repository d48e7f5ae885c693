"""The map pane (`m`): the borders and first-level divisions of the countries shown, who holds each
place on the view's date, the latest events under the filter (those known only to an area drawn as
that area), and the selected event.

The app gathers a MapView in a worker (a page of events, the holdings, the areas and the boundaries
of the frame) and hands it here with the store's reference data; the pane builds its layers and draws
them, and redraws on resize, a new selection or the count arriving.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rich.style import Style
from rich.text import Text
from sitroom.db import AreaEvents, BBox, Bloc, Boundaries, EventDetail, EventRow, Faction, Held, Place, Region
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..map_canvas import Frame, Mark, Shade, draw
from ..reference import Reference
from ..render import flow

SELECTED = Style(color="#000000", bgcolor="#F0E442", bold=True)
AREA = Style(color="#E69F00")  # areas events are known only to (orange: apart from the blocs' colours)


@dataclass(frozen=True)
class MapView:
    """What the map shows for one view of the store."""

    date: str | None  # the day the holdings are for (the as-of date, else the last event's)
    holdings: Sequence[Held] = ()
    events: Sequence[EventRow] = ()  # the latest events under the filter, newest first
    total: int | None = None  # how many events the filter passes, when counted
    bbox: BBox | None = None  # what the frame shows: the fronts' areas, else the data's countries
    zoom_label: str = ""  # the country, countries or front shown, for the legend
    fronts: tuple[str, ...] = ()  # zoomed to these fronts: the legend counts their places only
    areas: Sequence[tuple[AreaEvents, Region | None]] = ()  # events known only to an area, and its outline
    boundaries: Boundaries | None = None  # the borders and divisions around the frame
    loaded: bool = True  # False: a placeholder shown until the worker's answer arrives
    elsewhere: int = 0  # events the filter passes outside the frame: not marked, and the legend says so


@dataclass(frozen=True)
class Selected:
    lon: float
    lat: float
    name: str

    @classmethod
    def of(cls, detail: EventDetail) -> Selected | None:
        """Where an event is marked: its own point, else its place's; None if it has neither."""
        place = detail.place
        lon = detail.lon if detail.lon is not None else place.lon if place else None
        lat = detail.lat if detail.lat is not None else place.lat if place else None
        if lon is None or lat is None:
            return None
        return cls(lon, lat, detail.row.place_name or "this event")


def bloc_letters(blocs: Sequence[Bloc]) -> dict[str, str]:
    """One distinct capital per bloc, from its name: the holdings' glyphs, readable without colour. Each
    bloc takes its initial where it is free, the bundled ones first (G, S, I, A as the README says), and
    only then do the rest take another of their letters: a bloc an import made ("Libya 2016-: GNA")
    never takes a letter that means another bloc's initial elsewhere (trial 6: its "I" beside ISIS's)."""
    ordered = sorted(blocs, key=lambda b: b.made_by_import)
    letters: dict[str, str] = {}
    for bloc in ordered:
        initial = next((ch.upper() for ch in bloc.name if ch.isalpha()), "?")
        if initial not in letters.values():
            letters[bloc.slug] = initial
    for bloc in ordered:
        if bloc.slug not in letters:
            taken = set(letters.values())
            letters[bloc.slug] = next((ch.upper() for ch in bloc.name + bloc.slug
                                       if ch.isalpha() and ch.upper() not in taken), "?")
    return {b.slug: letters[b.slug] for b in blocs}


@dataclass
class MapLayers:
    """The marks and legend for a MapView, given the reference data to name and colour them."""

    view: MapView
    places: Mapping[str, Place]
    factions: Mapping[str, Faction]
    blocs: Sequence[Bloc]
    selected: Selected | None = None
    frame: Frame | None = None  # what the canvas shows: the legend counts the holdings drawn in it

    def build(self, brief: bool = False) -> tuple[list[Mark], Text]:
        """The marks and the legend; a `brief` legend (a short pane: 80×24) names the frame, the
        holders, how many events are marked and the selected one, and leaves out the by-actor
        counts, the claims and the areas, so the map keeps most of the pane."""
        zoomed = bool(self.view.fronts)
        colour = {b.slug: b.colour for b in self.blocs}
        names = {b.slug: b.name for b in self.blocs}
        letters = bloc_letters(self.blocs)
        marks: list[Mark] = []
        held, claimed = Counter[str](), Counter[str]()
        latest = ""  # the last confirmed capture among those drawn: what the holdings are known from
        for h in self.view.holdings:
            place = self.places.get(h.place)
            if place is None or place.lat is None or place.lon is None:
                continue
            if self.frame is not None and self.frame.cell(place.lon, place.lat) is not None:
                held[h.bloc] += 1  # counted as drawn: the legend never lists what the map leaves off
                latest = max(latest, h.since or "")
                claimed[h.claim_bloc or ""] += 1
            # A capture only claimed since: the claimant's letter in lower case, never a holder's.
            marks.append(Mark(place.lon, place.lat, letters.get(h.claim_bloc, "?").lower(),
                              Style(color=colour.get(h.claim_bloc), italic=True), 2,
                              place.name if zoomed else "") if h.claim_bloc else
                         Mark(place.lon, place.lat, letters.get(h.bloc, "?"),
                              Style(color=colour.get(h.bloc), bold=True), 2,
                              place.name if zoomed else ""))
        by_place: dict[str, Counter[str]] = {}
        by_faction = Counter[str]()
        unsure = 0  # claimed or rumoured: no faction's proven action, counted apart
        for row in self.view.events:
            actor = next(iter([*row.with_role("actor"), *row.with_role("side_a")]), "")
            if row.certainty == "confirmed":
                by_faction[actor] += 1
            else:
                unsure += 1
            if row.place:
                by_place.setdefault(row.place, Counter())[actor] += 1
        for place_id, actors in by_place.items():
            place = self.places.get(place_id)
            if place is None or place.lat is None or place.lon is None:
                continue
            top = actors.most_common(1)[0][0]
            faction = self.factions.get(top)
            glyph = "●" if sum(actors.values()) >= 3 else "•"
            marks.append(Mark(place.lon, place.lat, glyph,
                              Style(color=faction.colour if faction else "#999999"), 1,
                              place.name if zoomed else ""))
        if self.selected and self.on_map:
            marks.append(Mark(self.selected.lon, self.selected.lat, "◉", SELECTED, 3,
                              self.selected.name))

        legend = Text()
        label = self.view.zoom_label or "No events"
        if not self.view.loaded:
            legend.append(f"{self.view.zoom_label or 'All fronts'} · loading the map…", style="dim italic")
            return marks, self._with_selected(legend)
        # The day asked about (the as-of day, else the store's last), and the capture it rests on:
        # "held on" the store's last day read as if each place were seen that day.
        drawn = sum(held.values())
        basis = (f", last capture {latest}" if latest and latest != self.view.date else
                 ", inferred from later captures" if drawn and not latest else "")
        legend.append(f"{label} · held as of {self.view.date or '—'}{basis}: ", style="dim")
        if not any(held[b.slug] for b in self.blocs):
            known = len(self.view.holdings)
            legend.append("no confirmed capture recorded  " if not known else
                          f"none of the {known:,} places with a known holder is on this map  ", style="dim")
        for bloc in self.blocs:
            if held[bloc.slug]:
                legend.append(letters[bloc.slug], Style(color=bloc.colour, bold=True))
                legend.append(f" {names[bloc.slug]} {held[bloc.slug]}  ")
        if sum(claimed.values()) > claimed[""] and not brief:
            legend.append("only claimed since: ", style="dim")
            for bloc in self.blocs:
                if claimed[bloc.slug]:
                    legend.append(letters[bloc.slug].lower(), Style(color=bloc.colour, italic=True))
                    legend.append(f" {names[bloc.slug]} {claimed[bloc.slug]}  ")
        legend.append("\n")
        shown = len(self.view.events)
        total = self.view.total if self.view.total is not None else shown
        of = f" of {total:,}" if self.view.total is not None else ""
        legend.append(f"● latest {shown:,}{of} {'event' if total == 1 else 'events'}", style="dim")
        if brief:
            if self.view.elsewhere:
                legend.append(f"  {self.view.elsewhere:,} more outside this map", style="dim")
            return marks, self._with_selected(legend)
        legend.append(", by actor (confirmed only): ", style="dim")
        for slug, n in by_faction.most_common(5):
            faction = self.factions.get(slug)
            legend.append(faction.short if faction else "no actor",
                          Style(color=faction.colour, bold=True) if faction else Style(dim=True))
            legend.append(f" {n:,}  ")
        if unsure:
            legend.append(f"claimed or rumoured {unsure:,}", style="italic dim")
        if self.view.elsewhere:
            legend.append(f"  {self.view.elsewhere:,} more outside this map (choose a front to see them)",
                          style="dim")
        areas = sum(a.events for a, _ in self.view.areas)
        if areas:
            drawn = sum(a.events for a, region in self.view.areas if region is not None)
            legend.append("\n")
            legend.append("⣿", AREA)
            legend.append(f" {areas:,} known only to a district, province or country", style="dim")
            if drawn < areas:
                legend.append(f" ({areas - drawn:,} not on the map: no outline for the area)", style="dim")
        return marks, self._with_selected(legend)

    def _with_selected(self, legend: Text) -> Text:
        """The legend, with a last line naming the selected event's mark when there is one."""
        if self.selected:
            legend.append("\n")
            legend.append("◉", SELECTED)
            legend.append(f" {self.selected.name}")
            if not self.on_map:
                legend.append(" is off this map", style="dim")
        return legend

    @property
    def on_map(self) -> bool:
        """Whether the selected event's mark falls on the canvas: one off it is named, never drawn."""
        return self.selected is not None and (
            self.frame is None or self.frame.cell(self.selected.lon, self.selected.lat) is not None)

    def shades(self) -> list[Shade]:
        return [Shade(region.rings, AREA) for _, region in self.view.areas if region is not None]


class _Canvas(Static):
    """The braille canvas: drawn again whenever its size changes (the legend under it may have grown
    or shrunk a line since the pane last drew)."""

    def on_resize(self) -> None:
        pane = self.parent
        if isinstance(pane, MapPane):
            pane.call_after_refresh(pane.redraw)


class MapPane(Vertical):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = MapView(None, loaded=False)
        self.selected: Selected | None = None
        self.reference = Reference()

    def compose(self) -> ComposeResult:
        yield _Canvas(id="map-canvas")
        yield Static(id="map-legend")

    def show(self, view: MapView, reference: Reference) -> None:
        self.view = view
        self.reference = reference
        self.redraw()

    def count(self, total: int) -> None:
        """The filter's event count, once known: the legend says "latest N of total"."""
        if self.display and self.view.total is None:
            self.view = replace(self.view, total=total)
            self.redraw()

    def select(self, selected: Selected | None) -> None:
        if selected != self.selected:
            self.selected = selected
            self.redraw()

    def redraw(self) -> None:
        if not self.display:
            return
        canvas = self.query_one("#map-canvas", Static)
        cols, rows = canvas.size.width, canvas.size.height
        if cols < 4 or rows < 2:
            return
        ref = self.reference
        boundaries, box = self.view.boundaries, self.view.bbox
        frame = None if boundaries is None or box is None else Frame.around(box, cols, rows)
        layers = MapLayers(self.view, ref.places_by_id, ref.by_slug, ref.blocs, selected=self.selected,
                           frame=frame)
        marks, legend = layers.build()
        laid = flow(legend, cols)  # entries kept whole
        if len(laid.plain.splitlines()) * 2 > self.content_size.height:  # the legend would take the map
            marks, legend = layers.build(brief=True)
            laid = flow(legend, cols)
        self.query_one("#map-legend", Static).update(laid)
        if boundaries is None or frame is None:  # still loading, or nothing to show
            canvas.update("")
            return
        canvas.update(draw(boundaries, frame, marks, layers.shades()))

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw)
