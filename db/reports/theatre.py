"""The countries a whole report is about, read before its sentences are: the gazetteer and the faction
matcher scope names to them (gazetteer.Gazetteer.report, parties.Parties.report), so a report's first
sentence, before any place is located, is read in the report's war like the rest.

A country is the report's when its headline names it or a place in it, or when two or more different
places the report names lie in it (one name in the body alone may be a namesake abroad: "Al Husayniyah"
is a town of Yemen and a village of Deir ez-Zor).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..geography import name_key
from .countries import named_countries

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .sentences import Sentence

CORROBORATED = 2  # different places in one country that make it the report's


def report_theatre(said: list[Sentence], gaz: Gazetteer) -> frozenset[str]:
    """The report's countries as name_keys (gazetteer.py compares them so); empty when nothing says."""
    named: set[str] = set()
    places: dict[str, set[str]] = defaultdict(set)
    for s in said:
        if s.headline:
            named |= named_countries(s.text, gaz.countries)
        for m in gaz.find(s.text):
            country = gaz.country(m.place)
            if country:  # a headline's place is what the report is about: it counts twice
                places[name_key(country)].update([m.place.id, "headline"] if s.headline else [m.place.id])
    return frozenset(named | {c for c, ids in places.items() if len(ids) >= CORROBORATED})
