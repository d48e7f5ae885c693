"""The countries a whole report is about, read before its sentences are: the gazetteer and the faction
matcher scope names to them (the lexicon's one countries.Theatre, which both read), so a report's first
sentence, before any place is located, is read in the report's war like the rest.

A country is the report's when its own words name it (world.py: a country's name, capital or a name only
its war has anywhere; a demonym in the headline or dateline), whatever the store holds; when its headline
names it (as the store writes it) or a place in it; or when two or more different places the report names
lie in it (one name in the body alone may be a namesake abroad: "Al Husayniyah" is a town of Yemen and a
village of Deir ez-Zor).

A report whose words name countries but not the bundled gazetteer's is abroad (Gazetteer.abroad): its
names are not matched to the bundled gazetteer's namesakes ("Sanaa" is an alternate name of a Syrian
village), unless it names the bundled country's places more often than it names the other country (a Raqqa
report that compares the battle with Mosul's once), or two of those places lie within NAMESAKE_KM of each
other (one war's places are near one another; a foreign war's namesakes are scattered: a Rudaw report
datelined Erbil about Raqqa and Tabqa is still Syria's).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from ..geography import name_key
from ..write.resolve import km_between
from .countries import named_countries
from .world import worded_countries

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, GazPlace
    from .sentences import Sentence

CORROBORATED = 2  # different places in one country that make it the report's


def report_theatre(said: list[Sentence], gaz: Gazetteer) -> frozenset[str]:
    """The report's countries as name_keys (gazetteer.py compares them so); empty when nothing says. Sets
    `gaz.abroad` for the report as a side effect (the bundled gazetteer's country is not the report's)."""
    from .gazetteer import HOME, NAMESAKE_KM

    worded: Counter[str] = Counter()
    for s in said:
        worded += worded_countries(s.text, leading=s.headline) + worded_countries(s.dateline, leading=True)
    gaz.abroad = False  # every name read as before while the report's places are counted
    named: set[str] = set()
    places: dict[str, set[str]] = defaultdict(set)
    home: dict[str, GazPlace] = {}
    at_home = 0  # how often the report names a place of HOME
    for s in said:
        if s.headline:
            named |= named_countries(s.text, gaz.countries)
        for m in gaz.find(s.text):
            country = gaz.country(m.place)
            if country:  # a headline's place is what the report is about: it counts twice
                places[name_key(country)].update([m.place.id, "headline"] if s.headline else [m.place.id])
            if gaz.is_home(m.place):
                at_home += 1
                if m.place.lat is not None and m.place.lon is not None:
                    home[m.place.id] = m.place
    near_one_another = any(km_between(a.lat, a.lon, b.lat, b.lon) <= NAMESAKE_KM
                           for a, b in combinations(home.values(), 2))
    gaz.abroad = bool(worded) and name_key(HOME) not in worded and max(worded.values()) >= at_home \
        and not near_one_another
    corroborated = {c for c, ids in places.items() if len(ids) >= CORROBORATED}
    if gaz.abroad:
        corroborated.discard(name_key(HOME))
    return frozenset(named | set(worded) | corroborated)
