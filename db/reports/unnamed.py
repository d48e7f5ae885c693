"""Places a sentence leaves unnamed ("four villages", "a string of towns", "the oil field") and the
number their words give."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .where import Spot

_NUMBER = (r"(?:(?:nearly|about|around|some|over|more than|at least)\s+)?(?:\d+|a dozen|a|an|one|two|three|"
           r"four|five|six|seven|eight|nine|ten|dozens of|scores of|"
           r"several|many|some|a number of|hundreds of|thousands of|tens of|"
           r"a string of|a series of|most of the|parts of|large (?:chunks|"
           r"parts)"
           r" of|new|more|other|few|yet another|another)")
# a site named only by what it is ("a large wheat silo complex", "the armament school", a list's "cement block
# making factory", "a major crossing"): one place, unnamed, of the sentence's area; lowercase words only
# describe it (a capitalised word makes it a name of its own)
_SITE_HEAD = (r"factory|factories|silo complex|silos|grain silos?|power (?:company|plant|station)|refinery|"
              r"(?:border )?crossing|(?:military |armament |artillery |infantry )?"
              r"(?:schools?|academy|academies|colleges?)|"
              r"water (?:station|plant)|pumping station|warehouses?|depot")
_SITE_WORD = r"(?!(?:the|a|an|of|in|on|at|to|and|or|from|with|by|near|its|their|his|her)\b)(?-i:[a-z]+)"
SITE = (r"(?:(?:a|an|the)\s+|(?<=, )|(?<=\band ))"
        r"(?:" + _SITE_WORD + r"[- ]){0,3}(?-i:" + _SITE_HEAD + r")(?!\s+(?:of|in|named|called)\s+[A-Z])")
UNNAMED = re.compile(
    r"\b(?:" + _NUMBER + r"\s+(?:(?:new|more|other|strategic|key|nearby|important|small|surrounding|"
    r"sprawling|large|major|big|"
    r"northwestern|northeastern|southwestern|southeastern|northern|southern|eastern|western)\s+)*"
    r"(?:(?:ISIS|IS|rebel|opposition|YPG|SDF|government|regime)[- ](?:held|controlled)\s+)?"
    r"(?:(?:military )?air ?bases?|airbases?|(?:military )?airports?|villages?|towns?|neighbou?rhoods?|"
    r"hills?|areas|farms|settlements|districts|localities|"
    r"heights|hilltops|oil fields?|(?:square )?kilomet(?:er|re)s of (?:territory|land|desert)|"
    r"square (?:kilomet(?:er|re)s|km)|territory|territories|locations|"
    r"sites)"
    r"(?!\s+(?:named|called|including|such as)\b|,\s+including\b)"
    r"|(?:a|the) (?:northwestern|northeastern|southwestern|southeastern|strategic|key) (?:village|town)"
    r"(?!\s+(?:of|named|called)\s)"
    # "villages near the M4 road", "towns along the river": a bare plural placed by what it is near
    r"|(?:(?<=\bon )|(?<=\bin )|(?<=\bof )|(?<=\bto )|(?<=\band ))(?:villages|towns|hills|settlements)"
    r"(?=\s+(?:near|around|along|close to|east of|west of|north of|south of|surrounding)\s)"
    r"|the aforementioned (?:areas|villages|towns|sites|positions|hills|settlements)"
    r"|(?:a|an) (?:large|vast|wide|big|huge|significant) (?:area|region|swathe|swath|stretch|tract)"
    # "nearby farmland northwest of X": land around a place, unnamed (its offset places it)
    r"|(?:(?:the|nearby|surrounding|adjacent)\s+)+(?:farmlands?|agricultural (?:lands?|areas))"
    r"(?!\s+(?:of|in)\s+[A-Z])"
    r"|(?:a|the) (?:main |key |strategic |international )?(?:highway|motorway)(?!\s+(?:of|named|called)\s)"
    r"|a (?:cluster|group|pocket|string|series) of (?:\w+ )?(?:villages|towns|hills|settlements)"
    r"|the (?:(?:eastern|western|northern|southern)(?: and (?:the )?(?:eastern|western))? )?banks? of the "
    r"Euphrates(?: River)?|the (?:oil|gas) field|" + SITE + r")\b", re.IGNORECASE)
SITE_ONLY = re.compile(r"(?:" + _SITE_HEAD + r")$")  # the head that makes an unnamed place a site
# the number an unnamed place's words give ("four villages": 4)
COUNT = {"a cluster": 3, "a group": 3, "a string": 3, "a series": 3, "a number": 3, "dozens": 24,
          "scores": 24, "several": 3, "numerous": 5, "a dozen": 12, "nearly a dozen": 11,
          "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}

_PLURAL_OF = re.compile(r"\bthe\s+(?:(?:surrounding|nearby|countryside)\s+)?(?:villages|towns|farms|hamlets)"
                        r"\s+of\s+$", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:,|,?\s*and|,?\s*as well as)\s*")


def villages_of(s: str, spots: list[Spot]) -> list[Spot]:
    """"the villages of Ain Issa": a plural noun with one name is that place's villages, unnamed and
    around it ("the villages of A and B" names each)."""
    out = []
    for i, p in enumerate(spots):
        lead = _PLURAL_OF.search(s[:p.start])
        listed = any(q.name and _LISTED.fullmatch(s[min(p.end, q.end):max(p.start, q.start)])
                     for q in spots[max(0, i - 1):i + 2] if q is not p)
        if lead and p.name is not None and not listed:
            words = s[lead.start():p.end]
            p = replace(p, start=lead.start(), text=words, name=None, place=None, bare=None, kind="village",
                        relation="", anchor=p.place or p.anchor, notes=[f"'{words}': unnamed places around "
                                                                        f"{p.name}"])
        out.append(p)
    return out
