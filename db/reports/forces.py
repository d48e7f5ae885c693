"""Sides named by description, as the genre's publishers name them: by a backer ("Kurdish-led and US-backed
forces", "Iranian-backed militias"), by a pejorative ("Turkish occupation mercenaries"), by a coalition's
own name ("the Army of Conquest"), or by the army's aircraft ("the army aircraft pounded …").

- "X-backed Y" is Y: a named Y is matched as itself elsewhere (parties.py); a Y that is only a word
  ("forces", "militias") is the store's one leading faction of X's bloc other than X, when the store has X
  and its bloc has exactly one such faction ("US-backed forces" → the SDF); otherwise the side is named
  and unknown, with X's bloc only when the store has X. "Kurdish-led … forces" is the SDF (in Syria, the
  only Kurdish-led alliance), when the store has it.
- "X-led coalition" is X's own side: the store's faction for X ("the US-led coalition"), else named and
  unknown ("the Saudi-led coalition": never the store's one coalition, the US-led, by its bare noun). The
  blocs are the store's war's, so a backer the store lacks gives no bloc (Iranian-backed Houthis are not
  Syria's government side).
- "mercenaries" is the publisher's word for the other side's proxies: Turkish-backed groups when the
  sentence itself speaks of Turkey ("the mercenary groups of the Turkish occupation army", "the Turkish
  occupation army and its mercenaries"), otherwise a side no one can name (unknown, like "militants").
- "the army aircraft", "government jets", "regime helicopters": the Syrian army's air force (the bare
  "army" reads as the Syrian army everywhere in parties.py; a country's adjective before it wins).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Faction
from .countries import COUNTRIES

# (pattern, name, store slug, bloc, kind): kinds are parties.py's, passed in to keep the import one-way
_VERB = r"(?:backed|led|supported|sponsored)"
_BACKER = (r"(?:US|U\.S\.?|United States|American|Russian|Russia|Iranian|Iran|Turkish|Turkey|Kurdish|Saudi|"
           r"Qatari)")
BACKED = re.compile(rf"(?<![\w-])(?:the )?(?P<x>{_BACKER})[- ]{_VERB}(?: and (?P<x2>{_BACKER})[- ]{_VERB})? "
                    r"(?P<y>(?:Syrian |Kurdish |Arab |Shiite |Shia |local )?(?:forces|fighters|militias?|"
                    r"troops|groups|factions|alliance|coalition|units|paramilitaries|gunmen))(?![\w-])")
_TURKEY = re.compile(r"\b(?:Turk(?:ish|ey)|Ankara|Erdogan)\b", re.IGNORECASE)
_OCCUPATION = r"(?:occupation |occupying |invading |invasion )?"


def descriptors(air: str, force: str) -> list[tuple[str, str, str | None, str | None, str]]:
    return [
        (r"(?:the )?(?:Syrian )?(?:army|government|regime|Assad(?:'s)?|pro-government|loyalist) (?:fighter )?"
         r"(?:jets|warplanes|war ?planes|aircrafts?|helicopters|helicopter gunships|bombers|planes|aviation)",
         "Syrian Arab Air Force", "saa", "government", air),
        # the mercenaries of a Turkish side, in the words of those they attack (a YPG or SDF statement)
        (rf"(?:the |its |their )?(?:Turkish {_OCCUPATION})?mercenar(?:y (?:groups|factions|gangs)|ies)"
         rf"(?: of (?:the )?Turkish {_OCCUPATION}(?:army|forces|state|military))?", "mercenaries", None, None,
         force),
        (r"(?:the )?Army of Conquest|J(?:a|e)?(?:y|i)sh al-Fat(?:h|ah|eh)", "Jaish al-Fatah", None,
         "opposition", force),
    ]


def qualify(name: str, kind: str, sentence: str, generic: str) -> tuple[str, str]:
    """(name, kind) of a side once the sentence's own words say whose the mercenaries are; undecided,
    they are a word for a side, like "militants" (`generic`: parties.py's kind for those)."""
    if name != "mercenaries":
        return name, kind
    return ("Turkish-backed groups", kind) if _TURKEY.search(sentence) else (name, generic)


def backed(m: re.Match[str], factions: dict[str, Faction], slug_of: Callable[[str], str | None]
           ) -> tuple[str, str | None, str | None]:
    """(name, slug, bloc) of "X-backed Y" where Y is a bare word for a force."""
    backers = [x for x in (m.group("x"), m.group("x2")) if x]
    sdf = slug_of("Syrian Democratic Forces")
    if sdf and "Kurdish" in backers and re.search(r"Kurdish[- ]led", m.group()):
        return factions[sdf].name, sdf, factions[sdf].bloc
    label = re.sub(r"^the ", "", m.group())
    for x in backers:
        slug = _country_slug(x, factions)
        if m.group("y") == "coalition":  # its leader's side: "the Saudi-led coalition" is no one else's
            return (factions[slug].name, slug, factions[slug].bloc) if slug else (label, None, None)
        if not slug:
            continue
        bloc = factions[slug].bloc
        leads = [f.slug for f in factions.values() if f.bloc == bloc and f.parent is None and f.slug != slug]
        if len(leads) == 1:
            return factions[leads[0]].name, leads[0], bloc
        return label, None, bloc
    return label, None, None


def _country_slug(backer: str, factions: dict[str, Faction]) -> str | None:
    for country, demonym, _, slug, _ in COUNTRIES:
        if slug in factions and (re.fullmatch(country, backer) or re.fullmatch(demonym, backer)
                                 or (backer in ("U.S", "United States") and slug == "us-coalition")):
            return slug
    return None
