"""The places a sentence names, and what each is to the sentence.

A place is found three ways: a gazetteer name ("Resafa", "Ain Tarma"); a name the wording presents as a
place though the gazetteer does not know it ("the villages of A, B and C", "al-Sina'a neighbourhood",
"captured Msheirfeh"); or an unnamed place ("four villages", "2 hills", "the western bank of the
Euphrates"). Each is then an event place, a reference ("20 km south of Raqqa", "near Resafa", "west of
Raqqa city"), a container ("in Hama province") or a frame ("West of Raqqa City, …"). A reference or
container locates the places beside it; it never takes their place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, GazPlace
from .not_places import FACTION_HEAD, FACTION_NAME, NATIONS_JOINED, NOT_PLACE, UNIT_OF, UNIT_SITE
from .parties import Party
from .place_roles import DIRECTION, RANK, WIDE, assign_roles, siblings
from .unnamed import SITE_ONLY, UNNAMED

ARTICLE = r"(?:al|el|as|ash|ar|at|ad|az|an|ath|ed|es|et|ez)-"
# a name may open with an accented capital: Kurdish "Îlan", Turkish "Şehba", "Çobanbey"
_CAP = r"[A-ZÀ-ÖØ-ÞŞĞİ]"
_WORD = r"(?:" + ARTICLE + r")?" + _CAP + r"[\w']*(?:-[\w']+)*"
# "the town of al Hara": a name may begin with its article, unhyphenated
# after its first word a name reads on through its particles, whatever their case or spacing:
# "Tal al-sultan", "al-Maliha al-kabeira", "Rasm al- Mfker", "Rajm al-Abeil al-gharbi"
_TAIL = r"(?:" + ARTICLE + r"\s?[\w']+(?:-[\w']+)*|" + _WORD + r")"
NAME = r"(?:(?:al|el)\s+(?=[A-Z])|Mt\.\s+)?" + _WORD + \
    r"(?:\s+(?:(?:al|el|ad|as|ash|ar|at|az|an|bin|ibn|bani)\s+)?" + _TAIL + r"){0,3}"
# a list item may carry its noun: "Al-Rubaii checkpoint, Tall Ashtara"
# "Al Baryd (post office)": an item may carry a gloss in brackets
# a named site's noun: "al-Maqaber cemetery", "al-Jafrah passageway"
SITE_NOUNS = r"cemetery|cemeteries|passageway|quarry"
_ITEM = NAME + r"(?:\s+(?:checkpoint|hill|dam|base|airport|village|town|mountain|" + SITE_NOUNS + r"))?" \
    r"(?:\s*\([^()]{1,30}\))?" \
    r"(?:,\s+(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?" + NAME + \
    r"(?=,|\s+and\s))?"
# "A, southeast of Daraa, B and C": an item may carry where it lies; that reference is no item
# a later item may open with a lowercase qualifier that is part of its name ("A, old Raqqa and B")
_QUALIFIER = r"(?:old|new|upper|lower|greater|little|small|big)\s+"
_NEXT = r"(?:" + _QUALIFIER + r")?" + _ITEM
_LIST = r"(?P<list>" + _ITEM + r"(?:\s*,\s*(?:and\s+)?" + _NEXT + r"|\s+and\s+" + _NEXT + \
    r"|,?\s+as well as\s+" + _NEXT + r")*)"
PLACE_NOUNS = (r"villages?|towns?|cities|city|neighbou?rhoods?|districts?|settlements?|areas?|hills?|"
               r"localities|locality|suburbs?|farms?|quarters?|regions")
_AFTER_NOUN = re.compile(r"\b(?:(?P<noun>" + PLACE_NOUNS + r"|positions?)\s+(?:of|named|called|including)"
                         r"|including|such as)\s+(?:the\s+)?" + _LIST)
_BEFORE_NOUN = re.compile(_LIST + r"\s+(?P<noun>villages?|towns?|neighbou?rhoods?|districts?|area|city|"
                          r"countryside|desert|provinces?|governorates?|region|airport|air ?base|"
                          r"(?:oil |gas )?fields?|dam|hills?|mountains?|crossing|base|pocket|suburbs?|"
                          + SITE_NOUNS + r")\b")
# "Hay’at Tahrir al-Sham": a word's tail after an apostrophe is no preposition "at"
_AFTER_VERB = re.compile(r"\b(?<![’'‘`])(?:captured|capture|seized|took|taken|retook|retaken|recaptured|"
                         r"liberated|"
                         r"secured|entered|stormed|besieged|surrounded|encircled|shelled|bombarded|"
                         r"struck|hit|lost|loses|losing|"
                         r"pounded|bombed|attacked|targeted|raided|ambushed|overran|reached|"
                         # "…, shelling A, B and C": a gerund's list is the happening's places
                         r"shelling|striking|hitting|pounding|bombing|bombarding|targeting|attacking|raiding|"
                         r"capturing|seizing|retaking|recapturing|liberating|storming|"
                         r"reached|toward|towards|to|into|in|near|around|over|at|outside|of|combed|between|"
                         r"(?:advanced|advancing|marched|marching|closed in|closing in) on)\s+"
                         # "all of the south-western Dahiyat al-Assad district": the part, not the name
                         r"(?:early\s+|the\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+"
                         r"(?=" + ARTICLE + r"?[A-Z]))?|the\s+(?:[\w-]+\s+)?[\w-]+'s\s+)?" + _LIST)
# "a third district, Holok": a place noun and the name in apposition
# "The liberated villages are: A, B and C", "… can be identified as: A, B"
# "eighteen villages which are: A, B, C": the same list after a relative clause
_LISTED = re.compile(r"\b(?:" + PLACE_NOUNS + r")\s+(?:(?:which|that)\s+(?:are|were|include[sd]?)\s*:?|"
                     r"(?:are|were|include|included|(?:can be |were |are )?"
                     r"(?:identified|listed|named) as)\s*:)\s*" + _LIST)
# "shelled the villages A, B and C", "the two towns A and B": a plural noun and its list with no "of"
# (a list of two or more; one capitalised word after the noun may be anything: "the villages ISIS held")
_BARE = re.compile(r"\bthe\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
                   r"(?P<noun>villages|towns|neighbou?rhoods|districts|cities)\s+"
                   r"(?=(?:" + ARTICLE + r")?" + _CAP + r")" + _LIST)
_APPOSITION = re.compile(r"\b(?:village|town|district|neighbou?rhood|city|hill)s?,\s+" + _LIST)
_BACK = re.compile(r"\bthe (city|town|village)\b(?!\s+(?:of|named|called|centre|center)\b|'s)")
# "the rise of Islamist extremists", "Turkish mercenaries": a word before a side's noun qualifies the side
_SIDE_NOUN = re.compile(r"\s+(?:groups?|militants?|fighters?|terrorists?|forces|rebels?|troops|factions?|"
                        r"extremists|mercenaries|insurgents|gangs|radicals|"
                        r"members|units|militias?|jihadists|commanders?|officials?|media|agency)\b",
                        re.IGNORECASE)
_STOP = {"the", "a", "an", "this", "that", "these", "those", "syria", "syrian", "iraq", "iraqi", "turkey",
         "turkish", "jordan", "lebanon", "lebanese", "israel", "russia", "russian", "iran", "iranian",
         "kurdish", "arab", "islamic", "us", "u", "un", "euphrates", "tigris", "levant", "monday", "tuesday",
         "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
         "may", "june", "july", "august", "september", "october", "november", "december", "operation",
         "meanwhile", "moreover", "however", "according", "it", "they", "he", "she", "we", "his", "its",
         "their", "noteworthy", "separately", "in", "on", "at", "early", "late", "both", "all", "read",
         "state", "government", "army", "regime", "there", "here", "today", "yesterday", "one", "two",
         "several", "some", "many", "most", "parts", "new", "more", "other", "another", "each", "every",
         "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens",
         # an adverb capitalised after a stray comma ("Deir Ezzor , Just 18 km remained"); God in a quotation
         "just", "only", "nearly", "almost", "allah", "god"}
_NOUN_TAIL = {"province", "governorate", "countryside"}
_TIME = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
         "yesterday"}
_SUFFIX = re.compile(r"^\s+(?P<noun>city cent(?:re|er)|housing (?:district|project)|"
                     r"industrial (?:zone|city|area)|"
                     r"city|town|village|district|neighbou?rhood|area|"
                     r"countryside|desert|province|governorate|region|pocket|suburbs?|"
                     r"(?P<site>(?:oil |gas )?fields?|oilfields?|gasfields?|airport|(?:military )?air ?base|"
                     r"military airport|dam|crossing|road|highway|canyon|roundabout|hills?|mountains?|bridge|"
                     r"base|station|checkpoint|farms|palace(?: area)?|"
                     # "the Raqqa Post Office", "Idlib Hospital": a building in the city, named after it
                     r"post office|hospital|stadium|square|prison|" + SITE_NOUNS + r")|"
                     r"(?P<cdir>" + DIRECTION + r")(?:ern)? countryside)\b", re.IGNORECASE)


@dataclass
class Spot:
    """A place as a sentence states it."""

    start: int
    end: int
    text: str  # the words
    name: str | None  # the place's name as written; None for an unnamed place ("four villages")
    place: GazPlace | None  # the gazetteer's place, when it knows the name
    kind: str
    role: str = "event"  # event, reference, container, frame
    relation: str = ""  # how it relates to `ref`: "20 km south of", "near", "in", "western countryside of"
    ref: Spot | None = None
    anchor: GazPlace | None = None  # for an area named after a place ("Homs desert"): that place
    bare: str | None = None  # the name without its noun: "al-Romaniya" of "al-Romaniya neighbourhood"
    noun: str = ""  # what the wording calls it ("the town of X": town), whatever the gazetteer says
    notes: list[str] = field(default_factory=list)
    # a place named by what it is and its references ("towns southeast of al-Bab"): those references
    described: tuple[Spot, ...] = ()
    said: str = ""  # a described place's whole description as written: "additional towns southeast of al-Bab"

    @property
    def rank(self) -> int:
        return RANK.get(self.kind, 2)


def _noun_kind(noun: str) -> str:
    noun = noun.casefold().rstrip("s") if noun.casefold() not in ("suburbs", "hills") else noun.casefold()
    noun = {"neighborhood": "neighbourhood", "governorate": "governorate", "province": "province",
            "quarter": "district", "suburbs": "suburbs", "hills": "hill",
            "citie": "city", "localitie": "locality", "air base": "base", "airbase": "base"}.get(noun, noun)
    if "countryside" in noun:
        return "countryside"
    return noun if noun in RANK else "field" if "field" in noun else "locality"


# a title or an institution ("Chief of the General Staff", "Brigadier General X", "according to TASS", "the
# Civil Defense"): a name with one of these words, or one word in capitals, is not a place's
# "Tal (hill) 17", "Hill 45": a height known by its number (a year is no part of a name)
_NUMBERED = re.compile(r"^(?:\s*\([a-z]{1,15}\))?\s+(?!(?:19|20)\d\d\b)\d{1,4}(?=\s*(?:[,;.)]|and\b|$))")


def _names(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The names of a list: "A, B and C" → A, B, C with their offsets."""
    out = []
    for m in re.finditer(r"(?:" + _QUALIFIER + r")?" + NAME, text):
        if re.search(DIRECTION + r"(?:ern)?\s+of\s+(?:the\s+)?$", text[:m.start()], re.IGNORECASE):
            continue  # "A, southeast of Daraa, B": where A lies
        words = m.group().split()
        dropped: list[str] = []
        while words and (words[0].casefold() in _STOP or re.fullmatch(r"(?:Syria|Turkey|Iraq|Lebanon|Jordan|"
                                                                       r"Russia|Israel)'s", words[0])):
            dropped.append(words[0])
            words = words[1:]
        tail = ""
        # "east of Hajin Friday": a day, not a name; "in Daraa Province": the noun says what Daraa is
        while len(words) > 1 and words[-1].casefold() in _TIME | _NOUN_TAIL:
            tail = r"\s+" + re.escape(words[-1]) + tail
            words = words[:-1]
        if any(w[:1].isupper() and w.casefold() not in ("the", "a", "an", "in", "on", "at", "early", "late")
               for w in dropped) and not any(w.endswith("'s") for w in dropped):
            continue  # "the Euphrates River", "the Syrian Army": not a place's name with a word cut off
        if words and re.fullmatch(DIRECTION + "(?:ern)?", " ".join(words), re.IGNORECASE):
            continue  # "Duma, East of Damascus": a direction, not a name
        if words and words[0] != "and" and not re.fullmatch(  # "Rebel-held" qualifies, it names nothing
                r"[\w-]+-(?:held|controlled|backed|led|based|affiliated|linked|run|made|built|supplied|"
                r"manufactured|produced|owned|funded|sponsored|trained|armed)", words[0],
                re.IGNORECASE):
            name = " ".join(words)
            if NOT_PLACE.search(name) or NATIONS_JOINED.fullmatch(words[0]):
                continue
            # the words may stand apart by more than one space (a quotation mark blanked out)
            at = re.search(r"\s+".join(map(re.escape, words)) + r"(?=" + tail + r"$)", m.group())
            if at is None:
                continue
            start = offset + m.start() + at.start()
            out.append((start, offset + m.start() + at.end(), name))
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def find_spots(s: str, gaz: Gazetteer, parties: list[Party], learned: dict[str, str] | None = None,
               recent: list[Spot] | None = None, near: tuple[float, float] | None = None) -> list[Spot]:
    """Every place the sentence states, in order, each with its role. `learned`: names the report already
    presented as places (variant key → name), found again wherever they recur; `recent`: the report's
    places so far, which "the city", "the town", "the village" refer back to."""
    taken = [(p.start, p.end) for p in parties]
    slotted: list[Spot] = []
    kinds: dict[tuple[int, int], str] = {}
    quoted = re.sub(r"[\"“”]", " ", s)  # 'the “Gobelek” village': quotes around a name do not hide it
    quoted = re.sub(r"(?<![\w'])'([A-Z][\w -]{1,40}?)'(?![\w])", r" \1 ", quoted)  # "the 'Zullaqiyat' hill"
    for pattern in (_AFTER_NOUN, _BEFORE_NOUN, _AFTER_VERB, _APPOSITION, _LISTED, _BARE):
        for m in pattern.finditer(quoted):
            if pattern is _BARE and len(_names(m.group("list"), 0)) < 2:
                continue
            noun = m.groupdict().get("noun")
            if pattern is _AFTER_NOUN and noun and not re.match(r"villages?|towns?|cit|neighbou?rhoods?",
                                                                  noun):
                noun = None  # "the areas of X", "positions of X": the noun does not say what X is
            for start, end, name in _names(m.group("list"), m.start("list")):
                if noun:
                    kinds[(start, end)] = _noun_kind(noun)
                if _overlaps((start, end), taken + [(p.start, p.end) for p in slotted]) or \
                        (pattern is _AFTER_VERB and (name.casefold() in _STOP or len(name) < 3)) or \
                        _SIDE_NOUN.match(s[end:]) or UNIT_OF.search(quoted[:start]) or \
                        FACTION_HEAD.search(quoted[:start]) or FACTION_NAME.match(name):
                    continue
                place = gaz.lookup(name, loose=True, near=near)
                slotted.append(Spot(start, end, name, name, place, place.kind if place else "locality"))
    for m in UNIT_SITE.finditer(quoted):
        if not _overlaps((m.start(), m.end()), taken + [(p.start, p.end) for p in slotted]):
            slotted.append(Spot(m.start(), m.end(), m.group(), m.group(), None, "site"))
    spots: list[Spot] = []
    for m in gaz.find(s, near):
        inside = [p for p in slotted if p.start <= m.start and m.end <= p.end]
        if inside and inside[0].place is None and inside[0].text != m.text:
            continue  # part of a longer name the wording gives as a place: "Tal Maleh", not "Tal"
        if not _overlaps((m.start, m.end), taken) and not FACTION_HEAD.search(quoted[:m.start]):
            spots.append(Spot(m.start, m.end, m.text, m.text, m.place, m.place.kind))
    for spot in slotted:
        if not _overlaps((spot.start, spot.end), [(p.start, p.end) for p in spots]):
            spot.notes.append(f"'{spot.name}' is not in the gazetteer" if spot.place is None
                              else f"'{spot.name}' read as {spot.place.name}")
            spots.append(spot)
    for name in (learned or {}).values():
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", s, re.IGNORECASE):
            if not _overlaps((m.start(), m.end()), [(p.start, p.end) for p in spots] + taken):
                spots.append(Spot(m.start(), m.end(), name, name, None, "locality"))
    known = [(p.start, p.end) for p in spots]
    for m in UNNAMED.finditer(s):  # "a dozen ISIS-held villages": a side may qualify an unnamed place
        if not _overlaps((m.start(), m.end()), known):
            kind = "site" if SITE_ONLY.search(m.group()) else "farmland" if "land" in m.group() \
                else _noun_kind(m.group().split()[-1])
            spots.append(Spot(m.start(), m.end(), m.group(), None, None, kind))
    spots.sort(key=lambda p: p.start)
    for spot in spots:
        kind = next((k for (a, b), k in kinds.items() if a <= spot.start and spot.end <= b), None)
        spot.noun = kind or ""
        if kind and RANK.get(kind, 2) >= WIDE and spot.name and not (kind == "area" and spot.place):
            spot.anchor, spot.place, spot.kind, spot.relation = spot.place, None, kind, kind
        elif kind and spot.place is None:
            spot.kind = kind
        elif spot.place is None and spot.name and re.match(r"(?:Eastern|Western|Northern|Southern|Central) ",
                                                           spot.name):
            spot.kind = "region"
        numbered = _NUMBERED.match(s[spot.end:])
        if numbered and spot.place is None and spot.name:  # "Tal (hill) 17": the number is the name's
            spot.end += numbered.end()
            spot.text = spot.name = s[spot.start:spot.end]
        _suffix(s, spot)
        direction = re.search(r"\b(?:" + DIRECTION + r")(?:ern)?\s+$", s[:spot.start], re.IGNORECASE)
        if direction and spot.place is not None and spot.place.kind in ("city", "town", "governorate"):
            # "eastern Deir Ezzor", "northern Janderis district": the part of the area, not the town
            spot.start = direction.start()
            spot.text = spot.name = s[spot.start:spot.end]
            spot.anchor, spot.place = spot.place, None
            spot.kind, spot.relation = "region", direction.group().strip()
        elif direction and spot.place is not None and spot.place.kind in ("village", "locality") and \
                re.fullmatch(r"(?:North|South|East|West)ern\s+", direction.group()) and direction.start() > 0:
            # "Western Ghariyah": a village has no western part to speak of; capitalised mid-sentence, the
            # direction is the name of a village of its own beside it (unknown, located near it)
            spot.start = direction.start()
            spot.text = spot.name = s[spot.start:spot.end]
            spot.anchor, spot.place, spot.relation = spot.place, None, ""
            spot.notes.append(f"'{spot.name}': a village named after {spot.anchor.name}, not it")
        rural = re.search(r"\b(?:(?:" + DIRECTION + r")(?:ern)?\s+)?rural\s+$", s[:spot.start],
                          re.IGNORECASE)
        if rural and spot.place is not None and spot.place.kind in ("city", "town", "governorate"):
            # "in southern rural Hama": Hama's countryside, a container, not the city
            spot.start = rural.start()
            spot.text = spot.name = s[spot.start:spot.end]
            spot.anchor, spot.place = spot.place, None
            spot.kind, spot.relation = "countryside", rural.group().strip()
        provinces = [q for q in spots
                     if q.end <= spot.start and q.kind == "governorate" and q.relation == "province"]
        if spot.name and (re.search(r"\b(?:provinces?|governorates?) of\s+(?:the\s+)?$", s[:spot.start],
                                    re.IGNORECASE) or (provinces and siblings(s, provinces[-1], spot))):
            spot.anchor, spot.place = spot.anchor or spot.place, None  # "the province of Idlib": an area
            spot.kind, spot.relation = "governorate", "province"
        if re.search(r"\bcapital of (?:the )?$", s[:spot.start]) and spot.kind in ("governorate", "province"):
            capital = gaz.capital(spot.place or spot.anchor, spot.name or "")
            if capital is not None:
                spot.notes.append(f"'capital of {spot.text}' → {capital.name}")
                spot.place, spot.anchor, spot.kind, spot.relation = capital, None, capital.kind, ""
                spot.name = spot.bare = capital.name
    for m in _BACK.finditer(s):
        wanted = ("city", "town") if m.group(1) in ("city", "town") else ("village", "locality")
        here = sorted((p for p in spots if p.end <= m.start()), key=lambda p: p.start)[::-1]
        # "the town of X … inside the town": the sentence's own town first, whatever the gazetteer calls it
        named = [p for p in here if p.name and re.search(r"\b" + m.group(1) + r"s? of\s+(?:the\s+)?$",
                                                         s[:p.start], re.IGNORECASE)]
        # else the nearest place of that very kind before it, then of a kind it may stand for
        earlier = [p for p in here + (recent or [])[::-1] if p.name]
        same = named + [p for p in earlier if (p.noun or p.kind) == m.group(1)] + \
            [p for p in earlier if p.kind in wanted]
        if same and not _overlaps((m.start(), m.end()), taken):
            ref = same[0]
            back = Spot(m.start(), m.end(), m.group(), ref.bare or ref.name, ref.place, ref.kind,
                        anchor=ref.anchor)
            back.notes.append(f"'{m.group()}' refers back to {ref.name}")
            spots.append(back)
    spots.sort(key=lambda p: p.start)
    assign_roles(s, spots)
    _local_regions(s, spots)
    return spots


def _local_regions(s: str, spots: list[Spot]) -> None:
    """"A, al-Maqaber region and B mountain": an unknown "region" or "area" listed among precise places is a
    local site like them (a list's places are of one scale), not an extent of land around them."""
    chain: list[Spot] = []
    for spot in [*spots, None]:
        if spot is not None and chain and siblings(s, chain[-1], spot):
            chain.append(spot)
            continue
        if any(q.name and q.role == "event" and q.rank < WIDE for q in chain):
            for q in chain:
                if q.kind in ("region", "area") and q.role == "event" and q.name and q.place is None \
                        and q.anchor is None:
                    q.kind, q.relation = "locality", ""
        chain = [spot] if spot is not None else []


def _suffix(s: str, spot: Spot) -> None:
    """"Raqqa city" and "Duma district" are Raqqa and Duma; "Homs desert", "Hama province", "Afrin city
    centre", "Deir Ezzor eastern countryside" are areas named after a place, not the place itself."""
    m = _SUFFIX.match(s[spot.end:])
    if not m or spot.name is None:
        return
    noun = m.group("noun").casefold()
    if spot.kind == "site" and spot.place is None and noun == "area":
        return  # "the 17th Division Base area": the site itself
    kind = "district" if "centre" in noun or "center" in noun else _noun_kind(noun)
    if m.group("site"):  # "Al-Umar oil field", "Jirah airport": a site of its own, named after the place
        spot.bare = spot.name
        spot.text = spot.name = s[spot.start:spot.end + m.end()]
        spot.end = spot.start + len(spot.text)
        spot.anchor, spot.place = spot.place or spot.anchor, None
        spot.kind = "oil field" if "field" in noun else "site"
        return
    spot.bare = spot.name
    spot.text = spot.name = s[spot.start:spot.end + m.end()]
    spot.end = spot.start + len(spot.text)
    if kind in ("city", "town", "village", "neighbourhood") or (kind == "district" and "cent" not in noun) \
            or (kind == "area" and spot.place is not None):
        # "Jobar district" in the store is a quarter; "Duma district", "Sharan district" elsewhere are the
        # administrative area around a town: as wide as a city, a container of its villages
        if spot.place is not None and spot.place.in_store:
            spot.kind = spot.place.kind
        else:
            quarter = noun.startswith(("housing", "industrial"))
            spot.kind = "subdistrict" if kind == "district" and not quarter else kind
    else:
        spot.anchor, spot.place = spot.place, None
        spot.kind, spot.relation = kind, noun
