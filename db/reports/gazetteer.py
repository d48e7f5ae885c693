"""The places a report may name: every place in the store (the bundled ones and those ACLED or UCDP
imports added) and the bundled Syria gazetteer (db/data/gazetteer_syria.json: GeoNames, CC BY 4.0).

A place in the store is known by its id; a place only in the bundled gazetteer by "geonames:<id>" (ingest
adds it to the store when an event is stored there). Names are compared by `variant_key`, so a report's
spelling need not be the gazetteer's; a store place wins over a bundled one of the same name nearby.

A store may hold many countries' places (an ACLED world file): a name is matched within the report's
theatre, the countries of the place it last located (`near`), of the countries the sentence names and the
bundled gazetteer's if it names one of the bundled places (a place's country is its front's, else its
events'). A near spelling (a skeleton match) only within it, and before anything says where the report is
only in the bundled gazetteer's country; an exact name elsewhere only where the sentence names that
country, or while nothing says where the report is. "Jarez" in a Syria report is never Juárez, Mexico: it
stays unknown under its own name.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..geography import name_key
from ..reference import read_reference
from ..schema import bundled_places
from ..write.resolve import km_between
from .countries import InTheatre, Theatre, named_countries
from .divisions import Division, read_divisions, spans
from .spelling import GENERIC_WORDS, normalise, same_shape, skeleton, variant_key

BUNDLED = "gazetteer_syria.json"
HOME = "Syria"  # the bundled gazetteer's country (its places are GeoNames' populated places of Syria)
NAMESAKE_KM = 100.0  # a bundled or loosely matched place farther than this from the report's area is another
# Alternate names GeoNames lists that are also ordinary words or the first word of many names.
_TOO_COMMON = {"khan", "tall", "tell", "deir", "dayr", "kafr", "jabal", "ayn", "ain", "bir", "abu", "umm",
               "hula", "mari", "shin", "sawda", "safir", "balis"}
# A name: capitalised words, with the articles and particles Arabic names carry between them.
TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w']*(?:-[\w']+)*")
_CITY_OF = re.compile(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_CITY = re.compile(r"\s+(?:city|town)\b", re.IGNORECASE)
_NOUN = re.compile(r"\s+(?:province|governorate)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"^(?:(?:al|el|as|ash|ar|at|ad|az|an|ath)-)?[A-Z\u00c0-\u00de]")


@dataclass(frozen=True)
class GazPlace:
    id: str
    name: str
    kind: str  # city, town, village, locality, district, region, governorate, site, road …
    admin1: str | None
    front: str | None
    lat: float | None
    lon: float | None
    precision_km: float | None
    in_store: bool


@dataclass(frozen=True)
class PlaceName:
    """A gazetteer name found in a sentence."""

    start: int
    end: int
    text: str
    place: GazPlace


def _kind(population: int) -> str:
    return "city" if population >= 50_000 else "town" if population >= 5_000 else "village"


@cache
def bundled() -> tuple[tuple[GazPlace, tuple[str, ...]], ...]:
    """The bundled gazetteer's places, each with all its names, read once."""
    raw = json.loads((resources.files("sitroom.db") / "data" / BUNDLED).read_text(encoding="utf-8"))
    out = []
    for gid, name, alternates, lat, lon, admin1, population in raw["places"]:
        names = (name, *(a for a in alternates if len(a) >= 4 and a.casefold() not in _TOO_COMMON))
        out.append((GazPlace(f"geonames:{gid}", name, _kind(population), admin1 or None, None, lat, lon,
                             2.0 if population >= 50_000 else 1.0, False), names))
    return tuple(out)


@cache
def _bundled_keys() -> frozenset[str]:
    """The names of the bundled data's places (the GeoNames gazetteer's and db/data/places.json's): a
    sentence naming one is of the bundled gazetteer's country."""
    curated = bundled_places()
    names = [n for _, names in bundled() for n in names]
    names += [n for p in curated for n in (p["name"], *p["aliases"])]
    return frozenset(variant_key(n) for n in names) - GENERIC_WORDS


class Gazetteer(InTheatre):
    """Names → places, for finding the places a sentence names."""

    def __init__(self, conn: sqlite3.Connection, theatre: Theatre | None = None) -> None:
        ref = read_reference(conn)
        self.theatre = theatre or Theatre()  # the report being read: the lexicon's, shared with Parties
        self.places: dict[str, GazPlace] = {}
        self._keys: dict[str, list[str]] = {}
        self._skeletons: dict[str, list[str]] = {}
        self._spellings: dict[str, list[str]] = {}  # id → every name it answers to
        self._lower: set[str] = set()  # store names written in lower case ("eastern Damascus")
        self._countries: dict[str, str | None] = {}  # id → the country its front or its events give
        self._at: dict[tuple[float, float], str] = {}  # a point → the place there, for `near`
        self._home: set[str] = set()  # store places that are also bundled ones (of HOME)
        self.countries = frozenset(f.country for f in ref.fronts.values() if f.country) | {HOME}
        for p in ref.places.values():
            place = GazPlace(p.id, p.name, p.kind or "locality", p.admin1, p.front, p.lat, p.lon,
                             p.precision_km, True)
            self._add(place, (p.name, *p.aliases))
            self._lower.update(variant_key(a) for a in (p.name, *p.aliases) if a[:1].islower())
            front = ref.fronts.get(p.front) if p.front else None
            if front and front.country:
                self._countries[p.id] = front.country
            if p.lat is not None and p.lon is not None:
                self._at.setdefault((p.lat, p.lon), p.id)
        self.divisions = read_divisions(conn, HOME)  # other countries' governorates: areas, no place rows
        for pid, country in conn.execute(  # a place no front places in a country: its events say
                "SELECT place, country FROM events WHERE place IN (SELECT id FROM places WHERE front IS "
                "NULL OR front NOT IN (SELECT slug FROM fronts WHERE country IS NOT NULL)) AND country IS "
                "NOT NULL GROUP BY place"):
            self._countries[pid] = country
        for place, names in bundled():
            same = [self.places[i] for n in names for i in self._keys.get(variant_key(n), [])]
            here = [s for s in same if s.lat is None or km_between(s.lat, s.lon, place.lat, place.lon) < 25]
            if here:  # the store already has it, under its own id: in the bundled gazetteer's country too,
                self._home.update(s.id for s in here)  # whatever its front says (a border front's)
                for s in here:  # and it answers to the bundled place's names still: storing "Dayr Hafir"
                    self._add(s, names)  # (an event landed there) must not unlearn "Deir Hafer"
                continue
            self._add(place, names)

    def _add(self, place: GazPlace, names: tuple[str, ...]) -> None:
        self.places[place.id] = place
        if not place.in_store:
            self._countries[place.id] = HOME
            if place.lat is not None and place.lon is not None:
                self._at.setdefault((place.lat, place.lon), place.id)
        self._spellings.setdefault(place.id, []).extend(names)
        for name in names:
            key = variant_key(name)
            if key in GENERIC_WORDS:
                continue
            if key and place.id not in self._keys.setdefault(key, []):
                self._keys[key].append(place.id)
            bones = skeleton(name)
            if len(bones) >= 3 and place.id not in self._skeletons.setdefault(bones, []):
                self._skeletons[bones].append(place.id)

    def _theatre(self, near: tuple[float, float] | None, sentence: str = "",
                 keys: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
        """The countries (name_keys) the report is about, as far as one call can tell: the report's own
        (`report`, set for the whole report), that of its last located place, those the sentence names,
        and the bundled gazetteer's if the sentence names one of the bundled data's places (`keys`, the
        gazetteer names found in it)."""
        codes = set(self.report) | (set(named_countries(sentence, self.countries)) if sentence else set())
        if near is not None and near in self._at:
            codes.add(name_key(self.country(self.places[self._at[near]]) or ""))
        if keys & _bundled_keys() and not self.abroad:
            codes.add(name_key(HOME))
        return frozenset(codes - {""})

    def _spans(self, sentence: str) -> dict[int, list[tuple[int, int, int, str, str]]]:
        """Every run of up to six words that is a gazetteer name, by its first word: (words, start, end,
        text, key), longest first."""
        tokens = list(TOKEN.finditer(normalise(sentence)))
        out: dict[int, list[tuple[int, int, int, str, str]]] = {}
        for i in range(len(tokens)):
            for n in range(min(6, len(tokens) - i), 0, -1):
                start, end = tokens[i].start(), tokens[i + n - 1].end()
                text = sentence[start:end]
                if re.search(r"[,;:.()]", text):
                    continue
                key = variant_key(text)
                if key in self._keys and (_CAPITALISED.match(text) or key in self._lower):
                    out.setdefault(i, []).append((n, start, end, text, key))
        return out

    def _default_theatre(self, near: tuple[float, float] | None) -> frozenset[str]:
        """The theatre of a name looked up without its sentence: its last located place's country, else the
        bundled gazetteer's (`find`, which sees the sentence, reads a name written exactly anywhere while
        nothing says where the report is)."""
        return self._theatre(near) or frozenset({name_key(HOME)})

    def is_home(self, place: GazPlace) -> bool:
        """Whether a place is in the bundled gazetteer's country (a bundled place, or a store place that is
        also one)."""
        return place.id in self._home or self.country(place) == HOME

    def country(self, place: GazPlace) -> str | None:
        """The country a place is in, as the store writes it: its front's, else its events' (a place an
        import has not yet put on a front); a bundled place is in the bundled gazetteer's."""
        return self._countries.get(place.id)

    def _in_theatre(self, places: list[GazPlace], exact: bool, theatre: frozenset[str],
                    near: tuple[float, float] | None, sentence: str) -> list[GazPlace]:
        """The places a name may be within the theatre: a place across a border within NAMESAKE_KM of
        the report's last located place counts as in it (a border town, a simplified border)."""
        def inside(p: GazPlace) -> bool:
            country = self.country(p)
            if country and (name_key(country) in theatre or
                            (sentence and named_countries(sentence, frozenset({country})))):
                return True  # its country is the report's, or one the sentence names
            if p.id in self._home and name_key(HOME) in theatre:
                return True
            return near is not None and p.lat is not None and p.lon is not None and \
                km_between(near[0], near[1], p.lat, p.lon) <= NAMESAKE_KM
        if theatre:
            return [p for p in places if inside(p)]
        if exact:
            return places  # nothing says yet where the report is: a name written exactly is that place
        return [] if self.abroad else [p for p in places if self.country(p) == HOME]

    def lookup(self, name: str, *, loose: bool = False, near: tuple[float, float] | None = None,
               theatre: frozenset[str] | None = None, sentence: str = "") -> GazPlace | None:
        """The place called `name`: a store place first, then the bundled one nearest `near` (the
        report's last located place), within the `theatre` (by default `_default_theatre`). `loose`
        also compares consonant skeletons, for a name the text already presents as a place; a loose or
        bundled match far from `near` is a namesake, not it."""
        ids = self._keys.get(variant_key(name), [])
        exact = bool(ids)
        if not ids and loose:
            bones = skeleton(name)
            ids = [i for i in self._skeletons.get(bones, []) if len(bones) >= 3
                   and variant_key(self.places[i].name)[:1] == variant_key(name)[:1]
                   and any(skeleton(n) == bones and same_shape(n, name) for n in self._spellings[i])]
            if len({self.places[i].name for i in ids}) > 1:
                return None  # two different places answer: not a match, a guess
        places = self._in_theatre([self.places[i] for i in ids], exact,
                                  self._default_theatre(near) if theatre is None else theatre, near, sentence)
        if near is not None:
            def km(p: GazPlace) -> float:
                return km_between(near[0], near[1], p.lat, p.lon) if p.lat is not None else 0.0
            # A city the gazetteer has one place of, written as it is, has no namesake to be taken for:
            # "lost Palmyra" after a sentence on Deir ez-Zor is Palmyra.
            only_city = exact and len(ids) == 1 and places[:1] and places[0].kind == "city"
            places = [p for p in places if (exact and p.in_store) or only_city or km(p) <= NAMESAKE_KM]
            places.sort(key=lambda p: (not p.in_store, km(p)))
        else:
            places.sort(key=lambda p: not p.in_store)
        return places[0] if places else None

    def capital(self, area: GazPlace | None, name: str) -> GazPlace | None:
        """The city a governorate is named after: Raqqa for the Al-Raqqa Governorate."""
        words = re.sub(r"\b(?:governorate|province)\b", "", area.name if area else name, flags=re.IGNORECASE)
        key = variant_key(words)
        cities = [p for p in self.places.values()
                  if p.kind in ("city", "town") and variant_key(p.name) == key]
        return sorted(cities, key=lambda p: not p.in_store)[0] if cities else None

    def find(self, sentence: str, near: tuple[float, float] | None = None) -> list[PlaceName]:
        """The gazetteer names in a sentence, longest first, not overlapping, in the sentence's theatre."""
        spans = self._spans(sentence)
        theatre = self._theatre(near, sentence, {c[4] for runs in spans.values() for c in runs})
        found: list[PlaceName] = []
        i, last = 0, max(spans, default=-1)
        while i <= last:
            for n, start, end, text, _ in spans.get(i, []):
                place = self.lookup(text, near=near, theatre=theatre, sentence=sentence)
                if place is not None:
                    found.append(PlaceName(start, end, text, place))
                    i += n
                    break
            else:
                i += 1
        return found + self._divisions(sentence, theatre, found)

    def _divisions(self, sentence: str, theatre: frozenset[str], found: list[PlaceName]) -> list[PlaceName]:
        """The store's divisions the sentence names, of the sentence's theatre only (a Syria report never
        finds Yemen's), where no place's name is: each as an area GazPlace (kind "governorate", its
        id Division.id, never stored; regions.py makes it a region spot)."""
        out = []
        for start, end, _, divisions in spans(sentence, self.divisions) if theatre else ():
            if any(start < m.end and m.start < end for m in found) or _CITY_OF.search(sentence[:start]) or \
                    _CITY.match(sentence[end:]):
                continue  # "the city of Marib", "Marib city": the town the division is named after
            inside = [d for d in divisions if name_key(d.country) in theatre]
            if len(inside) == 1:  # two divisions of one name in the theatre: a guess, not a match
                # "Marib province" is the division, whole: its noun must not make it an area named after
                # a place (where.py's suffix rule), which would lose the division
                noun = _NOUN.match(sentence[end:])
                end = end + noun.end() if noun else end
                out.append(PlaceName(start, end, sentence[start:end], _division_place(inside[0])))
        return out


def _division_place(d: Division) -> GazPlace:
    return GazPlace(d.id, d.name, "governorate", d.name, d.front, d.lat, d.lon, d.precision_km, False)
