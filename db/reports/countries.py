"""Sides named by their country: "Russia", "Turkish jets", "Russian airstrikes", "along with Russia",
"American warplanes", "Russian and Syrian jets". One table, country → the faction that acts for it, read
by parties.py wherever a sentence's sides are found (so every reader of roles sees the same sides).

A demonym before a weapon or a force ("Russian jets", "Iranian troops") names that side; before a strike
noun ("Russian airstrikes") only the demonym is the side, so the strike stays an event word; a country
alone ("Russia") is a side, except after a word that makes it a place ("the border with Turkey", "fled to
Turkey": parties.py drops those).

The theatre: the countries a report is about, by the countries it names (`named_countries`) and those of
the places it names; the gazetteer and the faction matcher keep to it (a place or an actor of another
country's war is not matched by a near spelling or an acronym).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..geography import name_key

# (country, demonym or other names, faction name, store slug (if the store has it), bloc)
COUNTRIES: list[tuple[str, str, str, str | None, str]] = [
    ("Russia", r"Russian|Moscow's|Moscow", "Russian Aerospace Forces", "russian-aerospace-forces",
     "government"),
    ("United States|USA", r"(?-i:US|U\.S\.)|American|Washington's", "US-led coalition", "us-coalition",
     "sdf-coalition"),
    ("Turkey", r"Turkish|Ankara's", "Turkish Armed Forces", None, "other"),
    ("Iran", r"Iranian|Tehran's", "Iranian forces", None, "government"),
    ("Israel", r"Israeli", "Israel Defense Forces", None, "other"),
    ("Iraq", r"Iraqi", "Iraqi forces", None, "other"),
]
# A country whose ground forces the store holds apart from the side its aircraft stand for: "Russian troops"
# are Russia's armed forces, "Russian jets" its air force (VKS, their unit).
GROUND: dict[str, tuple[str, str]] = {"Russia": ("Russian Armed Forces", "russian-armed-forces")}
_DEMONYMS = "|".join(d for _, d, *_ in COUNTRIES) + "|Syrian"
# a publisher's word for a foreign force: "the Turkish occupation army", "Turkish terror army" are Turkey's
_QUALIFIER = r"(?:occupation |occupying |invading |invasion |terror |terrorist )"
AIR_NOUNS = (r"(?:(?:fighter |military |attack |combat |war)?(?:jets|warplanes|war planes|planes|aircrafts?|"
             r"helicopters|bombers|drones)|air ?force|aviation|air power|air support|air cover)")
FORCE_NOUNS = (r"(?:(?:special |ground |armed |military |regular )?(?:forces|troops|soldiers|army|military|"
               r"units|marines|artillery|tanks|advisers|advisors))")
STRIKES = r"(?:air ?strikes?|air raids?|strikes|bombing|bombardment|raids?|shelling|missiles?)"
# "the border with Turkey", "fled to Turkey", "from Iran": the country is a place there
PLACE_BEFORE = re.compile(r"(?:border(?:s)?(?: with)?|to|into|in|from|across|near|towards?|of|at|inside|"
                          r"and|between)\s+(?:the\s+)?$", re.IGNORECASE)


def descriptors(air: str, force: str) -> list[tuple[str, str, str | None, str | None, str]]:
    """The table as parties.py's descriptors: (pattern, faction name, slug, bloc, kind); kinds `air` and
    `force` are parties.py's own constants."""
    out: list[tuple[str, str, str | None, str | None, str]] = []
    for country, demonym, name, slug, bloc in COUNTRIES:
        led = rf"(?:{demonym})(?:[- ]led(?: coalition)?)?"
        out += [
            (rf"{led} (?:{_QUALIFIER}|army |military )?{AIR_NOUNS}", name, slug, bloc, air),
            # "Russian airstrikes", "Russian and Syrian warplanes": the demonym is the side
            (rf"{led}(?= {STRIKES}\b| and (?:the )?(?:{_DEMONYMS})(?: regime| government)? {AIR_NOUNS})",
             name, slug, bloc, air),
            (rf"(?:the )?{led} {_QUALIFIER}?{FORCE_NOUNS}", *GROUND.get(country, (name, slug)), bloc, force),
            # "Russia's troops", "Turkey's army": the possessive names the same forces as the demonym
            (rf"(?:{country})(?:'s|’s) {_QUALIFIER}?{FORCE_NOUNS}", *GROUND.get(country, (name, slug)), bloc,
             force),
            (rf"(?:{country})(?:'s|’s) {AIR_NOUNS}", name, slug, bloc, air),
            # "the regime and its Russian ally": the country's side
            (rf"(?:(?:its|their|the) )?{led} (?:ally|allies|partners?|backers?)", name, slug, bloc, force),
            (rf"(?:{country})(?!-| (?:{STRIKES}|{AIR_NOUNS}|{FORCE_NOUNS})\b)", name, slug, bloc, force),
        ]
    return out


def bare_country(text: str) -> bool:
    """Whether a side's words are a country's name alone ("Russia"), which a preposition can make a place."""
    return any(re.fullmatch(country, text) for country, *_ in COUNTRIES)


# -- the countries a report is about: its theatre --------------------------------------------------------

@dataclass
class Theatre:
    """The report being read: its own countries (name_keys) and whether it is abroad (about another war than
    the bundled data's). One per lexicon, read by the gazetteer and the faction matcher alike, so the two
    never disagree; set by extract.py (theatre.py works it out), empty outside a report."""

    countries: frozenset[str] = frozenset()
    abroad: bool = False

    def reset(self) -> None:
        """Outside any report: every name read as at home."""
        self.countries, self.abroad = frozenset(), False


class InTheatre:
    """A reader of the lexicon's one Theatre (the gazetteer, the faction matcher): its .report and
    .abroad are the theatre's, so setting either on one reader sets it for both."""

    theatre: Theatre

    @property
    def report(self) -> frozenset[str]:
        """The report's own countries (name_keys): the shared theatre's."""
        return self.theatre.countries

    @report.setter
    def report(self, countries: frozenset[str]) -> None:
        self.theatre.countries = countries

    @property
    def abroad(self) -> bool:
        """Whether the report is about another war than the bundled data's: the shared theatre's."""
        return self.theatre.abroad

    @abroad.setter
    def abroad(self, abroad: bool) -> None:
        self.theatre.abroad = abroad


@lru_cache(maxsize=64)
def _pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])") \
        if ordered else None


def named_countries(text: str, countries: frozenset[str]) -> frozenset[str]:
    """Which of `countries` (as the store writes them: "Syria", "Afghanistan") a text names, by name
    and capitalised ("Syrian" is a demonym, not the country), as name_keys."""
    pattern = _pattern(countries)
    return frozenset(name_key(m.group()) for m in pattern.finditer(text)) if pattern else frozenset()
