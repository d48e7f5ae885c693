"""The world's countries and their first-level divisions, for the map and for fronts.

db/data/boundaries.json.gz is made from Natural Earth's public-domain admin-1 polygons by
scripts/make_boundaries.py (every country; divisions simplified to 0.01°, outlines to 0.02°). It is read
once, on first use. Pure Python: a point is found in a division by a ray-casting test over the few
divisions whose box holds it (a grid of 1° cells says which).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import pairwise

DATA = resources.files(__package__) / "data" / "boundaries.json.gz"

Point = tuple[float, float]  # (lon, lat)
BBox = tuple[float, float, float, float]  # (west, south, east, north)
Ring = tuple[Point, ...]
Segment = tuple[Point, Point]

# Natural Earth's country names that no dataset uses, as the countries' own (the data keeps Natural
# Earth's, scripts/make_boundaries.py); the old ones stay names of the country (COUNTRY_ALIASES).
COUNTRY_NAMES = {"USA": "United States of America", "SDS": "South Sudan", "PSX": "Palestine"}
# Names datasets give a country or a territory that Natural Earth spells otherwise or holds as part of
# another (name keys): ACLED's, as its data names all 234 of its countries and territories, and older
# releases' (Swaziland, Macedonia); UCDP's (Gleditsch-Ward names). A territory Natural Earth counts
# as a division of its state is that state (French Guiana, Réunion: France; Caribbean Netherlands: the
# Netherlands, whose divisions Bonaire, Saba and St. Eustatius are; Christmas Island: Australia's Indian
# Ocean Territories); Tokelau, which it does not hold at all, New Zealand, whose territory it is.
COUNTRY_ALIASES = {
    "democratic republic of congo": "democratic republic of the congo",
    "drc": "democratic republic of the congo", "dr congo": "democratic republic of the congo",
    "congo kinshasa": "democratic republic of the congo", "zaire": "democratic republic of the congo",
    "republic of congo": "republic of the congo", "congo": "republic of the congo",
    "congo brazzaville": "republic of the congo",
    "cote divoire": "ivory coast", "russian federation": "russia",
    "state of palestine": "palestine", "west bank": "palestine", "turkiye": "turkey",
    "myanmar burma": "myanmar", "burma": "myanmar", "syrian arab republic": "syria",
    "united states": "united states of america", "usa": "united states of america",
    "czechia": "czech republic", "eswatini": "swaziland",
    "north macedonia": "macedonia", "timor leste": "east timor", "bahamas": "the bahamas",
    "bailiwick of guernsey": "guernsey", "bailiwick of jersey": "jersey",
    "caribbean netherlands": "netherlands", "bonaire sint eustatius and saba": "netherlands",
    "christmas island": "indian ocean territories", "cocos keeling islands": "indian ocean territories",
    "french guiana": "france", "guadeloupe": "france", "martinique": "france", "mayotte": "france",
    "reunion": "france", "tokelau": "new zealand",
    "micronesia": "federated states of micronesia", "serbia": "republic of serbia", "s sudan": "south sudan",
    "tanzania": "united republic of tanzania", "vatican city": "vatican", "holy see": "vatican",
    "virgin islands us": "united states virgin islands", "virgin islands u s": "united states virgin islands",
    "us virgin islands": "united states virgin islands",
    "yemen peoples republic": "yemen", "kingdom of eswatini": "swaziland",
    "bosnia herzegovina": "bosnia and herzegovina", "macedonia fyr": "macedonia",
}
ADMIN1_ALIASES = {  # ACLED and UCDP spellings with nothing in common with Natural Earth's names
    "rural damascus": "rif dimashq", "damascus countryside": "rif dimashq", "ninewa": "ninawa",
    "nineveh": "ninawa", "salah al din": "sala ad din", "salahuddin": "sala ad din",
    "al hasakeh": "hasaka", "hasakeh": "hasaka", "al hasakah": "hasaka", "hasakah": "hasaka",
    "deir ez zor": "dayr az zawr", "deir ezzor": "dayr az zawr", "kirkuk": "at tamim",
    "as sweida": "as suwayda", "sweida": "as suwayda", "suwayda": "as suwayda", "daraa": "dara",
    "dara a": "dara", "lattakia": "lattakia", "latakia": "lattakia", "tartous": "tartus",
    "nabatieh": "an nabatiyah", "nabatiyeh": "an nabatiyah", "north": "north",
    "middle shabelle": "shabeellaha dhexe", "galgaduud": "galguduud",  # ACLED's Somalia
    "meurthe et moselle": "meurhe et moselle", "seine et marne": "seien et marne",  # Natural Earth's typos
}
_ARTICLE = re.compile(r"^(al|ar|as|ad|an|at|az|ash|el|es|ed|en|et) ")


# Letters that NFKD does not take apart and casefold leaves alone, as the Latin letters a name written
# without them uses (Diyarbakır/Diyarbakir, Łódź/Lodz, Tromsø/Tromso, Đà Nẵng/Da Nang, Þórshöfn/Thorshofn,
# Færøerne/Faeroerne, Ħamrun/Hamrun); ß becomes ss in casefold already.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                          "œ": "oe", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ĸ": "k"})


@lru_cache(maxsize=1 << 16)  # the same few names come back on every row of a file
def name_key(name: str) -> str:
    """A spelling-insensitive key: case, accents, hyphens, apostrophes and spacing do not count, nor
    letters a name is also written without (_LETTERS)."""
    text = unicodedata.normalize("NFKD", name).casefold().translate(_LETTERS)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2019\u02bb\u02bc'`ʿʾ]", "", text)  # apostrophes, ʻokina and ʼ among them
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def division_key(name: str) -> str:
    """What spellings of one division share, strict enough for a whole country: case, accents,
    punctuation, spacing and doubled letters do not count (Banaadir = Banadir, Hiiraan = Hiraan,
    Ratanakiri = Ratanakkiri); vowels do (Adana is not Aydin, Centre-Est not Centre-Ouest)."""
    return re.sub(r"(.)\1+", r"\1", name_key(name).replace(" ", ""))


# Words that spell one division two ways across datasets and eras ("North Darfur", "Northern Darfur";
# "Centre", "Center", "Central"), and the type words an atlas alias may end in ("... Province").
_VARIANT_WORDS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
                  "center": "centre", "central": "centre"}
_KIND_WORDS = frozenset({"province", "region", "state", "governorate", "department", "prefecture"})


@lru_cache(maxsize=1 << 14)
def variant_key(name: str) -> str:
    """division_key, looser by the ways one division's name is written across datasets and eras, and no
    further: "&"/"and", "North"/"Northern", y/i (Paktia, Paktya; Oromia, Oromiya), a dropped h (Pakhtunkhwa,
    Pakhtunkwa), a plural s inside the name (Haut-Bassins, Hauts-Bassins). A vowel still counts: Hunan is
    not Henan, Adana not Aydin, Paktia not Paktika (one letter apart, as Paktia and Paktya are, so no
    edit-distance threshold tells them apart). On every country's list of divisions it joins no two that
    division_key keeps apart (tests/test_fronts_variants.py)."""
    words = [_VARIANT_WORDS.get(w, w) for w in name_key(name).split() if w != "and"]
    words = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words[:-1]] + words[-1:]
    return re.sub(r"(.)\1+", r"\1", "".join(words).replace("y", "i").replace("h", ""))


def _keys(name: str) -> list[str]:
    key = name_key(name)
    key = ADMIN1_ALIASES.get(key, key)
    bare = _ARTICLE.sub("", key)
    return list(dict.fromkeys((key, bare, ADMIN1_ALIASES.get(bare, bare))))


def _decode(flat: Sequence[int]) -> Ring:
    points, x, y = [], 0, 0
    for i in range(0, len(flat) - 1, 2):
        x, y = x + flat[i], y + flat[i + 1]
        points.append((x / 1000, y / 1000))
    return tuple(points)


def inside(rings: Iterable[Ring], lon: float, lat: float) -> bool:
    """Whether the point is inside the rings (even-odd: a hole's ring takes its inside away)."""
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in pairwise(ring):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def bbox_of(rings: Iterable[Ring]) -> BBox:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return (min(xs), min(ys), max(xs), max(ys))


def in_box(box: BBox, lon: float, lat: float) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def _box(segment: Segment) -> BBox:
    (x1, y1), (x2, y2) = segment
    return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def overlaps(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@dataclass(frozen=True, eq=False)  # compared by identity: there is one of each
class Region:
    """A country, or one of its first-level divisions (`country` is then its country's ISO code)."""

    name: str
    code: str  # ISO 3166 alpha-3 of the country (a division: of its country)
    flat: Sequence[Sequence[int]]  # the rings as stored (see _decode), decoded on first use
    bbox: BBox
    aliases: tuple[str, ...] = ()

    @cached_property
    def rings(self) -> tuple[Ring, ...]:
        return tuple(_decode(r) for r in self.flat)

    def contains(self, lon: float, lat: float) -> bool:
        return in_box(self.bbox, lon, lat) and inside(self.rings, lon, lat)

    @cached_property
    def segments(self) -> list[Segment]:
        """Its outline: the edges of its rings that only one ring has (a country's rings are its
        divisions', so the edges they share inside it cancel out)."""
        seen: dict[Segment, int] = {}
        for ring in self.rings:
            for a, b in pairwise(ring):
                if a != b:
                    key = (a, b) if a <= b else (b, a)
                    seen[key] = seen.get(key, 0) + 1
        return [edge for edge, n in seen.items() if n == 1]


@dataclass(frozen=True)
class Boundaries:
    """What the map draws in one frame: country outlines (`border`) and division edges."""

    governorates: tuple[Region, ...]
    border: tuple[Segment, ...]
    source: str

    @cached_property
    def bbox(self) -> BBox:
        xs = [x for a, b in self.border for x in (a[0], b[0])]
        ys = [y for a, b in self.border for y in (a[1], b[1])]
        return (min(xs), min(ys), max(xs), max(ys))

    @cached_property
    def segments(self) -> list[Segment]:
        """Every edge of every division, each shared edge once."""
        seen: set[Segment] = set()
        for region in self.governorates:
            for a, b in region.segments:
                seen.add((a, b) if a <= b else (b, a))
        return list(seen)


class Atlas:
    """Every country and division, found by name or by point."""

    CELL = 1.0  # degrees: the grid that says which divisions a point may be in

    def __init__(self, data: dict) -> None:
        self.source: str = data["source"]
        self.regions = tuple(
            Region(r["name"], r["country"], r["rings"], tuple(r["bbox"]),
                   tuple(r["aliases"]))
            for r in data["regions"])
        flats: dict[str, list] = {}
        for r in data["regions"]:
            flats.setdefault(r["country"], []).extend(r["rings"])
        # A country is the rings of its divisions: even-odd, the edges they share cancel out.
        self.countries = tuple(
            Region(COUNTRY_NAMES.get(c["iso3"], c["name"]), c["iso3"], flats.get(c["iso3"], []),
                   tuple(c["bbox"])) for c in data["countries"])
        self._by_code = {c.code: c for c in self.countries}
        self._country_keys = {name_key(c.name): c for c in self.countries}
        self._country_keys.update({c.code.casefold(): c for c in self.countries})
        self._divisions: dict[str, list[Region]] = {}
        for region in self.regions:
            self._divisions.setdefault(region.code, []).append(region)
        self._region_keys: dict[str, dict[str, Region]] = {}  # per country, made on first use
        self._loose_keys: dict[str, dict[str, Region | None]] = {}  # by division_key; None: two share it
        self._variant_keys: dict[str, dict[str, Region | None]] = {}  # by variant_key; likewise
        self._grid: dict[tuple[int, int], list[Region]] = {}
        for region in self.regions:
            west, south, east, north = region.bbox
            for gx in range(math.floor(west), math.floor(east) + 1):
                for gy in range(math.floor(south), math.floor(north) + 1):
                    self._grid.setdefault((gx, gy), []).append(region)

    def country(self, name: str | None) -> Region | None:
        """The country called `name` (its name, a common other name, or its ISO alpha-3 code)."""
        if not name:
            return None
        key = name_key(name)
        found = self._country_keys.get(COUNTRY_ALIASES.get(key, key))
        if found is None and "(" in name:  # UCDP's "DR Congo (Zaire)", "Russia (Soviet Union)": now (then)
            outside = name_key(name.split("(", 1)[0])
            found = self._country_keys.get(COUNTRY_ALIASES.get(outside, outside))
        return found

    def by_code(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def _names(self, code: str) -> dict[str, Region]:
        """A country's divisions by every name key they go by; a division's own name first:
        "Damascus" is Dimashq, though Rif Dimashq's other names include it. An alias that spells another
        division's own name (variant_key) is that division's, not a name of this one: Natural Earth lists
        "Paktiya" (Paktya) among Paktika's, "Moskovskaya" (the oblast) among Moskva's."""
        if code not in self._region_keys:
            keys: dict[str, Region] = {}
            country = name_key(self._by_code[code].name) if code in self._by_code else ""
            named: dict[str, Region | None] = {}  # two divisions whose names share a key: neither's
            for r in self._divisions.get(code, ()):
                named[variant_key(r.name)] = r if named.get(variant_key(r.name), r) is r else None
            for primary in (True, False):
                for region in self._divisions.get(code, ()):
                    for alias in (region.name,) if primary else region.aliases:
                        if not primary and named.get(variant_key(alias)) not in (None, region):
                            continue
                        for key in _keys(alias):
                            keys.setdefault(key, region)
                            keys.setdefault(f"{key} {country}", region)  # "North" is "North Lebanon"
            self._region_keys[code] = keys
        return self._region_keys[code]

    def region(self, country: str | None, admin1: str | None) -> Region | None:
        """The division called `admin1` of `country` (any country when None: then only if one
        division of the world goes by that name)."""
        if not admin1:
            return None
        where = self.country(country) if country else None
        if country and where is None:
            return None
        codes = [where.code] if where is not None else list(self._divisions)
        for key in _keys(admin1):
            found = {r.code: r for code in codes
                     for r in (self._names(code).get(key),
                               self._names(code).get(f"{key} {name_key(self._by_code[code].name)}"))
                     if r is not None and code in self._by_code}
            if len(found) == 1:
                return next(iter(found.values()))
        # A spelling of another release (Banadir for Banaadir): the division of the country that alone
        # has its division_key. Never across countries: a country must be named.
        if where is None:
            return None
        return (self._loose(where.code).get(division_key(admin1))
                or self._variants(where.code).get(variant_key(admin1)))

    def _loose(self, code: str) -> dict[str, Region | None]:
        if code not in self._loose_keys:
            keys: dict[str, Region | None] = {}
            for region in self._divisions.get(code, ()):
                for alias in (region.name, *region.aliases):
                    key = division_key(alias)
                    keys[key] = region if keys.get(key, region) is region else None
            self._loose_keys[code] = keys
        return self._loose_keys[code]

    def _variants(self, code: str) -> dict[str, Region | None]:
        """A country's divisions by the variant_key of their names; then of their aliases, then of their
        aliases without a closing type word ("Khyber Pakhtunkhwa Province"), each only for keys the
        tier before left free: a division's own name first (Paktya's, not Paktika's stray alias Paktiya).
        Two divisions of one tier sharing a key: neither is guessed."""
        if code not in self._variant_keys:
            regions = self._divisions.get(code, ())
            tiers: list[list[tuple[str, Region]]] = [[(r.name, r) for r in regions],
                                                     [(a, r) for r in regions for a in r.aliases], []]
            for alias, region in tiers[1]:
                words = name_key(alias).split()
                if len(words) > 1 and words[-1] in _KIND_WORDS:
                    tiers[2].append((" ".join(words[:-1]), region))
            keys: dict[str, Region | None] = {}
            for tier in tiers:
                found: dict[str, Region | None] = {}
                for name, region in tier:
                    key = variant_key(name)
                    found[key] = region if found.get(key, region) is region else None
                keys.update((k, v) for k, v in found.items() if k not in keys)
            self._variant_keys[code] = keys
        return self._variant_keys[code]

    def locate(self, lon: float, lat: float) -> tuple[Region | None, Region | None]:
        """(country, division) holding the point; (None, None) at sea or off the map."""
        for region in self._grid.get((math.floor(lon), math.floor(lat)), ()):
            if region.contains(lon, lat):
                return self._by_code.get(region.code), region
        return None, None

    def boundaries(self, frame: BBox, focus: Iterable[str] = ()) -> Boundaries:
        """What a map of `frame` draws: the outline of every country in it, and the divisions of the
        countries in `focus` (ISO codes), or of every country in the frame when it is small."""
        shown = [c for c in self.countries if overlaps(c.bbox, frame)]
        codes = set(focus) or {c.code for c in shown}
        divisions = tuple(r for r in self.regions if r.code in codes and overlaps(r.bbox, frame))
        # Only the edges near the frame: a country that spans the globe has thousands elsewhere.
        border = tuple(s for c in shown for s in c.segments if overlaps(_box(s), frame))
        return Boundaries(divisions, border, self.source)


@cache
def atlas() -> Atlas:
    return Atlas(json.loads(gzip.decompress(DATA.read_bytes()).decode("utf-8")))


@cache
def syria() -> Boundaries:
    """Syria's border and governorates (the bundled data's country)."""
    country = atlas().country("Syria")
    assert country is not None
    return Boundaries(tuple(r for r in atlas().regions if r.code == country.code),
                      tuple(country.segments), atlas().source)
