"""Matching the names in imported rows to the store's factions, places and fronts.

Actors are matched through the alias table; a name no faction knows becomes a new faction, and is
reported: in the bloc its dataset's actor code says (ACLED's inter1/inter2, INTER_BLOCS), else "other",
and, when a later row of the import gives it a code that says more (code_rank), in that code's bloc;
an era-suffixed ACLED actor as an era or unit of its force (names.era_parts), made if new. Places are
matched through the gazetteer's names and aliases, or added with the row's coordinates. A new place is
put on the front whose area holds it, else the nearest front within `max_km`, else an "other" front.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Faction, Front, Place
from ..reference import Reference
from ..schema import bundled_factions
from ..text import clean_text
from .codes import INTER_BLOCS, OTHER_BLOC, code_rank
from .homes import Homes, country_code
from .names import (
    branch_bases,
    bundled_organisations,
    era_parts,
    faction_keys,
    name_key,
    place_skeleton,
    short_label,
    slugify,
    state_key,
    without_place_suffix,
)
from .recoding import Recoding

OTHER_FRONT = "other"
DEFAULT_MAX_KM = 25.0  # how far outside a front's area a new place may lie and still join it
# A gazetteer place of the same name this close to a row's point is that place; farther, a namesake
# (villages across Syria share names). A question of identity, not of fronts: not max_km.
SAME_PLACE_KM = 25.0
# A name that matches a known place only up to transliteration (names.place_skeleton) is that place
# when this close: "Ein Terma" 0.4 km from Ayn Tarma.
TRANSLITERATED_KM = 3.0
__all__ = ["DEFAULT_MAX_KM", "Resolver", "km_between", "name_key", "slugify"]


def _clean(value: str | None) -> str:
    return clean_text(value, single_line=True) or ""


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class Created:
    factions: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    fronts: list[str] = field(default_factory=list)
    sources: int = 0
    by_hand: set[str] = field(default_factory=set)  # factions a user set whose bloc a code would change


class Resolver(Recoding):
    """Finds or creates the rows an imported event refers to, inside the caller's transaction.

    What a row creates is written inside a savepoint, opened only when the row first creates something:
    keep() releases it, forget_uncommitted() rolls it back. A row that only names what exists costs no
    statement at all: the names are matched in memory, and the answers for names already seen are kept.
    """

    def __init__(self, conn: sqlite3.Connection, ref: Reference, max_km: float = DEFAULT_MAX_KM) -> None:
        self.conn = conn
        self.ref = ref
        self.max_km = max_km
        self.created = Created()
        self._undo: list[Callable[[], None]] = []  # cache changes since the last keep()
        # A faction by its names (a row of any country matches them), and by its short label, which
        # matches a row only of one of its countries (write/homes.py).
        self._factions: dict[str, str] = {}
        self._labels: dict[str, list[str]] = {}
        for f in ref.factions.values():
            for label in (f.slug, f.name, *f.aliases):
                self._factions.setdefault(name_key(label), f.slug)
            self._labels.setdefault(name_key(f.short), []).append(f.slug)
            if state := state_key(f.name):  # one country's government, whatever a dataset calls it
                self._factions.setdefault(state, f.slug)
        self._places: dict[str, list[str]] = {}
        self._skeletons: dict[str, list[str]] = {}
        for place in ref.places.values():
            for label in (place.id, place.name, *place.aliases):
                self._places.setdefault(name_key(label), []).append(place.id)
                self._skeletons.setdefault(place_skeleton(label), []).append(place.id)
        self._shorts = {f.short.casefold() for f in ref.factions.values()}
        self._fronts = [(f.slug, f.bbox) for f in ref.fronts.values() if f.bbox]
        self._seen_factions: dict[str, str] = {}  # a label as written → its slug
        self._seen_places: dict[tuple[str, str | None], str] = {}  # (name, admin1) → the place by admin1
        self._savepoint = False
        # The factions this import made whose bloc an actor code gave or may still give (not one given
        # by a bundled table or a file's own bloc), with the rank of that code (code_rank); and the
        # units made on their force's side (names.era_parts), which follow it.
        # A faction an earlier import left in "other" (no code, or only external) is ranked as nothing
        # known: a code this import gives it says more (not a bundled faction's bloc, which a table gave).
        bundled = {f["slug"] for f in bundled_factions()}
        self._homes = Homes(lambda: self.conn, bundled)
        self._ranks: dict[str, int] = {f.slug: 0 for f in ref.factions.values()
                                       if f.bloc == OTHER_BLOC and f.slug not in bundled}
        self._units: dict[str, list[str]] = {}

    def _writing(self) -> None:
        """About to create something for the current row: open its savepoint, once."""
        if not self._savepoint:
            self.conn.execute("SAVEPOINT row")
            self._savepoint = True

    # -- factions -------------------------------------------------------------------------------

    def faction(self, label: str, inter: str | None = None, country: str | None = None,
                **known: str | None) -> str:
        """The slug of the faction called `label` (a slug, name, short name or alias), created if new;
        `known` may give the new faction's slug, name, short, parent, bloc and colour, `inter` the
        dataset's code for the actor (INTER_BLOCS), which gives its bloc when `known` does not, `country`
        the row's country, which a faction matched by a label must be of (write/homes.py)."""
        code = country_code(country)
        if not known and (slug := self._seen_factions.get((label, code))):
            return self._recode(slug, inter) if slug in self._ranks else slug
        # Names from a file are cleaned once, here, before they are matched or stored.
        name = _clean(label)
        known = {k: _clean(v) if isinstance(v, str) else v for k, v in known.items()}
        key = name_key(name)
        if not key:
            raise ValueError("empty faction name")
        found = self._match(name, code)
        if found:
            self._homes.note(found, self.ref.factions[found].name, code)
            if not known and len(self._seen_factions) < 100_000:
                self._seen_factions[label, code] = found
            return self._recode(found, inter) if found in self._ranks and not known else found
        parent, bloc = known.get("parent"), known.get("bloc")
        era = era_parts(name) if not parent else None
        if not parent and not era:  # a branch of a bundled organisation (Islamic State (West Africa))
            orgs = bundled_organisations()
            parent = next((orgs[k] for b in branch_bases(name) if (k := name_key(b)) in orgs
                           and orgs[k] in self.ref.factions), None)
            bloc = bloc or (self.ref.factions[parent].bloc if parent else None)
        if era:  # made first: a unit's foreign key needs its parent, and "IND-Pol" goes to the force
            parent = self.faction(era[0], inter, country, **({"bloc": bloc} if bloc else {}))
            if era[2]:  # a unit is on its force's side
                bloc = bloc or self.ref.factions[parent].bloc
        rank = None if bloc else code_rank(inter)
        if era and era[2] and not known.get("bloc"):
            rank = self._ranks.get(parent)  # a unit is ranked as its force, and follows it
        bloc = bloc or INTER_BLOCS.get(name_key(inter or "")) or OTHER_BLOC
        self._writing()
        slug = slugify(known.get("slug") or name)
        while slug in self.ref.factions:
            slug += "-x"
        self._ensure_bloc(bloc)
        row = {
            "slug": slug, "name": known.get("name") or name.strip(),
            "short": self._short(known.get("short"), name, code), "aliases": json.dumps([name.strip()]),
            "parent": parent if parent in self.ref.factions else None, "bloc": bloc,
            "colour": known.get("colour") or "#9E9E9E",
        }
        self.conn.execute(
            "INSERT INTO factions (slug, name, short, aliases, parent, bloc, colour) "
            "VALUES (:slug, :name, :short, :aliases, :parent, :bloc, :colour)", row)
        self.ref.factions[slug] = Faction(slug, row["name"], row["short"], row["parent"], bloc, row["colour"],
                                          (name.strip(),))
        self._factions[key] = slug
        self._homes.note(slug, row["name"], code)
        if state := state_key(name):
            self._factions.setdefault(state, slug)
        self._shorts.add(row["short"].casefold())
        self.created.factions.append(row["name"])
        if rank is not None:
            self._ranks[slug] = rank
            if era and era[2]:
                self._units.setdefault(parent, []).append(slug)
        self._undo.append(lambda: (self.ref.factions.pop(slug, None), self._factions.pop(key, None),
                                   self._homes.forget(slug),
                                   self._shorts.discard(row["short"].casefold()),
                                   self._ranks.pop(slug, None), self._unit_gone(parent, slug),
                                   self.created.factions.pop()))
        return slug

    def _match(self, name: str, code: str | None) -> str | None:
        """The faction a row of country `code` means by `name`: one of its countries' by its name, short
        label, or name without ACLED's acronym ("LF: Left Front" is not Russia's "Left Front"); else the
        faction that has the name, wherever it is (UCDP's "LRA" in Uganda, Sudan and DR Congo). A bare
        "NDC" in Ghana is Ghana's NDC, though the DR Congo faction UCDP's rows made is called "NDC"."""
        whole, state = name_key(name), state_key(name)
        named = None
        for key in faction_keys(name):
            if slug := self._factions.get(key):
                if key == state or self._admits(slug, code):
                    return slug
                named = named or (slug if key == whole else None)
            if slug := next((s for s in self._labels.get(key, ()) if self._admits(s, code)), None):
                return slug
        return named

    def _admits(self, slug: str, code: str | None) -> bool:
        return self._homes.admits(slug, self.ref.factions[slug].name, code)

    def _short(self, given: str | None, name: str, country: str | None = None) -> str:
        """A new faction's short label: the one a file gives if no other faction has it, else one made
        from the name that none has (qualified by the row's country before it is numbered)."""
        if given and given.casefold() not in self._shorts:
            return given
        return short_label(name, self._shorts, country if country and country[:1] != "?" else None)

    # -- places and fronts ----------------------------------------------------------------------

    def place(self, name: str, admin1: str | None, lat: float | None, lon: float | None,
              kind: str | None = None, place_id: str | None = None, front: str | None = None) -> str:
        """The id of the gazetteer place called `name`, or a new place at (lat, lon)."""
        if place_id and place_id in self.ref.places:
            return place_id
        seen = (name, admin1)
        if not place_id and (found := self._seen_places.get(seen)):
            return found
        name, admin1, kind = _clean(name), _clean(admin1) or None, _clean(kind) or None
        clean = without_place_suffix(name) if name else ""
        candidates = self._places.get(name_key(clean), []) or self._places.get(name_key(name), [])
        if candidates:
            known = self.ref.places
            same_admin = [c for c in candidates
                          if admin1 and name_key(known[c].admin1 or "") == name_key(admin1)]
            if same_admin:  # the same answer whatever the point: kept for the next row
                if not place_id and len(self._seen_places) < 100_000:
                    self._seen_places[seen] = same_admin[0]
                return same_admin[0]
            near = [c for c in candidates
                    if lat is None or known[c].lat is None
                    or km_between(lat, lon, known[c].lat, known[c].lon) < SAME_PLACE_KM]
            if near:
                return near[0]
        elif lat is not None and lon is not None and (spelt := self._transliterated(clean, lat, lon)):
            return spelt
        if lat is None or lon is None:
            raise ValueError(f"unknown place {name!r} and no coordinates to add it with")
        new_id = place_id or slugify(f"{clean} {admin1}" if admin1 else clean)
        while new_id in self.ref.places:
            new_id += "-x"
        row = {"id": new_id, "name": clean or name, "aliases": json.dumps([name] if clean != name else []),
               "lat": lat, "lon": lon, "precision_km": None, "admin1": admin1, "kind": kind or "locality",
               "front": front or self.front_for(lat, lon)}
        self._writing()
        self.conn.execute(
            "INSERT INTO places (id, name, aliases, lat, lon, precision_km, admin1, kind, front) "
            "VALUES (:id, :name, :aliases, :lat, :lon, :precision_km, :admin1, :kind, :front)", row)
        self.ref.places[new_id] = Place(new_id, row["name"], row["kind"], admin1, row["front"], lat, lon,
                                        None, tuple(json.loads(row["aliases"])))
        self._places.setdefault(name_key(row["name"]), []).append(new_id)
        self._skeletons.setdefault(place_skeleton(row["name"]), []).append(new_id)
        self.created.places.append(row["name"])
        self._undo.append(lambda: (self.ref.places.pop(new_id, None),
                                   self._places[name_key(row["name"])].remove(new_id),
                                   self._skeletons[place_skeleton(row["name"])].remove(new_id),
                                   self.created.places.pop()))
        return new_id

    def _transliterated(self, name: str, lat: float, lon: float) -> str | None:
        """The known place within TRANSLITERATED_KM whose name is `name` up to transliteration; the new
        spelling becomes one of its aliases (shown and searched like the others)."""
        known = self.ref.places
        near = sorted((km_between(lat, lon, known[c].lat, known[c].lon), c)
                      for c in self._skeletons.get(place_skeleton(name), [])
                      if known[c].lat is not None and known[c].lon is not None)
        if not near or near[0][0] > TRANSLITERATED_KM:
            return None
        place_id = near[0][1]
        before = known[place_id]
        self._writing()
        aliases = (*before.aliases, name)
        self.conn.execute("UPDATE places SET aliases = ? WHERE id = ?",
                          (json.dumps(list(aliases), ensure_ascii=False), place_id))
        known[place_id] = Place(before.id, before.name, before.kind, before.admin1, before.front, before.lat,
                                before.lon, before.precision_km, aliases)
        self._places.setdefault(name_key(name), []).append(place_id)
        self._undo.append(lambda: (known.__setitem__(place_id, before),
                                   self._places[name_key(name)].remove(place_id)))
        return place_id

    def front_for(self, lat: float, lon: float) -> str:
        """The front whose area holds the point (the smallest, if several), else the nearest within
        max_km, else the "other" front."""
        inside = [(abs((b[2] - b[0]) * (b[3] - b[1])), slug) for slug, b in self._fronts
                  if b[0] <= lon <= b[2] and b[1] <= lat <= b[3]]
        if inside:
            return min(inside)[1]
        nearest = [
            (km_between(lat, lon, min(max(lat, b[1]), b[3]), min(max(lon, b[0]), b[2])), slug)
            for slug, b in self._fronts
        ]
        if nearest and min(nearest)[0] <= self.max_km:
            return min(nearest)[1]
        return self.front(OTHER_FRONT, "Other", "Events outside every front's area.")

    def front(self, slug: str, name: str | None = None, description: str | None = None) -> str:
        name, description = _clean(name) or None, _clean(description) or None
        if slug not in self.ref.fronts:
            self._writing()
            self.conn.execute(
                "INSERT INTO fronts (slug, name, description, sort, bbox) VALUES (?, ?, ?, 99, NULL)",
                (slug, name or slug, description or ""))
            self.ref.fronts[slug] = Front(slug, name or slug, description or "", 99)
            self.created.fronts.append(name or slug)
            self._undo.append(lambda: (self.ref.fronts.pop(slug, None), self.created.fronts.pop()))
        return slug

    # -- sources --------------------------------------------------------------------------------

    def source(self, source_id: str, title: str, publisher: str | None = None,
               published: str | None = None, url: str | None = None, kind: str = "report") -> str:
        if source_id in self.ref.sources:
            return source_id
        title, publisher, url = _clean(title) or "untitled", _clean(publisher) or None, _clean(url) or None
        self._writing()
        self.conn.execute(
            "INSERT INTO sources (id, title, publisher, published, url, kind) VALUES (?, ?, ?, ?, ?, ?)",
            (source_id, title, publisher, published, url, kind))
        self.ref.sources.add(source_id)
        self.created.sources += 1
        self._undo.append(lambda: (self.ref.sources.discard(source_id),
                                   setattr(self.created, "sources", self.created.sources - 1)))
        return source_id

    # -- rows that fail after creating something ------------------------------------------------

    def keep(self) -> None:
        """The current row landed: what it created stays."""
        self._undo.clear()
        if self._savepoint:
            self.conn.execute("RELEASE row")
            self._savepoint = False

    def forget_uncommitted(self) -> None:
        """The current row failed: roll back what it created, and forget it."""
        if self._savepoint:
            self.conn.execute("ROLLBACK TO row")
            self.conn.execute("RELEASE row")
            self._savepoint = False
        if self._undo:
            self._seen_factions.clear()
            self._seen_places.clear()
        while self._undo:
            self._undo.pop()()
