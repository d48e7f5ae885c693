"""The store's first-level divisions (governorates, provinces) of countries other than the bundled
gazetteer's, as names a report may use for an area: "Marib", "Marib province", "the province of Marib".

A division is known from its front (a front standing for one admin1 of a country) and from the admin1 its
events carry, with their country (UCDP's "Yemen (North Yemen)" is Yemen). It is an area, never a point or
a place row (DESIGN.md: "events known only to a province or country are areas"): its centre is the mean of
its events' points, else its front's box's centre; its precision is half the extent of those points.
Read once per Lexicon, in two queries. The bundled gazetteer's country has its governorates from the
bundled boundaries (locate.governorates), so it is left out here: a Syria report reads as before.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from ..geography import name_key
from ..reference import bbox
from ..write.resolve import km_between
from .spelling import GENERIC_WORDS, normalise, variant_key

ID = "division:"  # the id prefix of a division's GazPlace: never stored (place.id stays null)
MIN_KM = 10.0  # a division's precision is never finer than this, however close its few events lie
# a division named only by a direction or a common word ("North", "Centre", "Capital") is not read as one:
# "North of the city, …" in a Cameroon report is no event in its North region
_WORDS = re.compile(r"(?:(?:far|upper|lower)\s+)?(?:north|south|east|west|centre|center|central|capital|"
                    r"coast|littoral|plateau|lakes?|islands?)(?:\s+(?:east|west))?(?:ern)?", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w']*(?:-[\w']+)*")


@dataclass(frozen=True)
class Division:
    name: str  # the admin1 as the store first writes it
    country: str  # as the store writes it, without a qualifier in brackets
    front: str | None  # the front that stands for it, when there is one
    lat: float | None
    lon: float | None
    precision_km: float
    events: int  # how many of the store's events carry it

    @property
    def id(self) -> str:
        return f"{ID}{self.country}:{self.name}"


def is_division(place: object) -> bool:
    """Whether a GazPlace (or a place found in a sentence) stands for a division: an area, never stored."""
    return getattr(place, "id", "").startswith(ID)


def division_country(place: object) -> str:
    """The country of a division's GazPlace, as its id (Division.id) carries it."""
    return getattr(place, "id", "").removeprefix(ID).split(":")[0]


def _country(raw: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", raw).strip()


def read_divisions(conn: sqlite3.Connection, home: str) -> dict[str, list[Division]]:
    """Every division of the store outside `home`, by the variant key of its name."""
    fronts: dict[tuple[str, str], tuple[str, str, str, tuple[float, float, float, float] | None]] = {}
    for slug, admin1, country, box in conn.execute(
            "SELECT slug, admin1, country, bbox FROM fronts WHERE admin1 IS NOT NULL AND country IS NOT NULL "
            "AND kind = 'division'"):
        fronts.setdefault((name_key(_country(country)), name_key(admin1)), (slug, admin1, _country(country),
                                                                           bbox(box)))
    seen: dict[tuple[str, str], Division] = {}
    for country, admin1, n, lat, lon, south, north, west, east in conn.execute(
            "SELECT country, admin1, count(*), avg(lat), avg(lon), min(lat), max(lat), min(lon), max(lon) "
            "FROM events WHERE admin1 IS NOT NULL AND country IS NOT NULL GROUP BY country, admin1 "
            "ORDER BY min(rowid)"):
        key = (name_key(_country(country)), name_key(admin1))
        had = seen.get(key)
        front = fronts.get(key)
        km = km_between(south, west, north, east) / 2 if lat is not None else 0.0
        if had is not None:  # the same division in another spelling of its country: one, events summed
            seen[key] = Division(had.name, had.country, had.front, had.lat, had.lon,
                                 max(had.precision_km, km), had.events + n)
            continue
        seen[key] = Division(admin1, _country(country), front[0] if front else None, lat, lon,
                             max(MIN_KM, km), n)
    for key, (slug, admin1, country, box) in fronts.items():
        if key not in seen and box is not None:  # a division front no event names yet: its box
            west, south, east, north = box
            seen[key] = Division(admin1, country, slug, (south + north) / 2, (west + east) / 2,
                                 max(MIN_KM, km_between(south, west, north, east) / 2), 0)
    out: dict[str, list[Division]] = {}
    for (country, _), d in seen.items():
        if country != name_key(home) and d.lat is not None and not _WORDS.fullmatch(d.name) and \
                variant_key(d.name) not in GENERIC_WORDS:
            out.setdefault(variant_key(d.name), []).append(d)
    return out


def spans(sentence: str, known: dict[str, list[Division]]) -> list[tuple[int, int, str, list[Division]]]:
    """The runs of up to four capitalised words that name a division: (start, end, text, divisions),
    longest first at each word, not overlapping."""
    tokens = list(_TOKEN.finditer(normalise(sentence)))
    out: list[tuple[int, int, str, list[Division]]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(4, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            text = sentence[start:end]
            if not text[:1].isupper() or re.search(r"[,;:.()]", text):
                continue
            found = known.get(variant_key(text))
            if found:
                out.append((start, end, text, found))
                i += n
                break
        else:
            i += 1
    return out
