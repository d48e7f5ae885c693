"""Places a sentence names by what they are and where they lie, not by a name: "additional towns southeast
of al-Bab", "villages in northern Hama province", "an SDF position between Hajin and Al-Bahra", "farms
near Duma", "the highway connecting Deir al-Zor city to Palmyra".

The generic noun and its reference are one place, unnamed, under the sentence's own words: the
happening is there, never at the reference (bench/reports/README.md: "four villages near X" is an
unnamed place; the issue: "never moved silently to the reference"). The reference only locates it,
approximately, the way the words say: a direction, a region it lies in, the stretch between two places,
the vicinity of one, the road between two; "not located" when the reference has no point.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from .locate import BEARING, Location, offset, province_centre
from .place_roles import DIRECTION, WIDE
from .where import Spot

# the generic nouns a description is built on; "area(s)" alone is left to regions.py (an extent of land)
_HEAD = (r"villages?|towns?|hamlets|settlements|neighbou?rhoods|localities|farms|farmlands?|hills|hilltops|"
         r"heights|positions?|posts?|outposts?|checkpoints?|bases|regions|sites")
_ROAD = r"highway|motorway|road|roads"
# what may qualify the noun: a count, an article, a few describing words ("an SDF position", "additional
# towns", "a key military road", "rebel-held villages"); never a verb or a preposition
_DET = r"(?:a|an|the|some|several|many|more|other|additional|further|new|nearby|\d+|two|three|four|" \
       r"five|six|seven|eight|nine|ten|dozens of|a number of|a dozen)"
_ADJ = r"(?:army|regime|government|rebel|opposition|enemy|small|key|strategic|main|major|important|" \
       r"surrounding|neighbou?ring|nearby|remaining|" \
       r"military|international|frontline|forward|advanced|abandoned|(?-i:[A-Z]{2,5})|[\w]+-(?:held|" \
       r"controlled|run|occupied))"
_LEAD = r"(?<![\w'-])(?:" + _DET + r"\s+)?(?:" + _ADJ + r"\s+){0,3}"
_GENERIC = re.compile(_LEAD + r"(?P<head>" + _HEAD + r")(?![\w-])", re.IGNORECASE)
_ROAD_HEAD = re.compile(_LEAD + r"(?P<head>" + _ROAD + r")(?![\w-])", re.IGNORECASE)
# how the noun is tied to its reference; `rel` is what the location reads
_OFFSET = re.compile(r"(?P<origin>\s+from\s+(?:the\s+)?[A-Z][\w-]*)?\s+"
                     r"(?:(?P<dist>\d+(?:\.\d+)?)\s*(?P<unit>km|kilomet(?:er|re)s?|miles?)\s+)?"
                     r"(?:to\s+the\s+)?(?P<dir>" + DIRECTION + r")(?:ern)?\s+of\s+"
                     r"(?:the\s+)?(?:(?:[a-z]+\s+){0,2}(?:town|city|village|capital)\s+of\s+(?:the\s+)?)?$",
                     re.IGNORECASE)
_IN = re.compile(r"\s+(?:in|inside|within|across)\s+(?:the\s+)?$", re.IGNORECASE)
_NEAR = re.compile(r"\s+(?P<near>near|around|close to|outside|on the outskirts of|in the vicinity of)\s+"
                   r"(?:the\s+)?(?:(?:town|city|village)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\s+(?:the\s+)?(?:(?:town|city|village)s?\s+of\s+)?$", re.IGNORECASE)
_LINKING = re.compile(r"\s+(?:connecting|linking|joining|between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|to|with)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
_KIND = {"village": "village", "town": "town", "hamlet": "village", "settlement": "village",
         "farm": "farmland", "farmland": "farmland", "hill": "hill", "hilltop": "hill", "height": "hill",
         "position": "site", "post": "site", "outpost": "site", "checkpoint": "site", "base": "base",
         "region": "region", "site": "site", "highway": "road", "motorway": "road", "road": "road",
         "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "localitie": "locality"}
_MARK = "a described place"
_SIDES = ("position", "post", "outpost")  # where a side sits, not a place of its own
_POSTS = (*_SIDES, "checkpoint", "base")


def _kind(head: str) -> str:
    word = head.casefold()
    word = word[:-1] if word.endswith("s") and word[:-1] in _KIND else word
    return _KIND.get(word, _KIND.get(word.rstrip("s"), "locality"))


def _next(spots: list[Spot], at: int) -> Spot | None:
    return next((q for q in spots if q.start >= at and q.name), None)


def _tie(s: str, m: re.Match[str], spots: list[Spot], road: bool) -> tuple[str, list[Spot], str] | None:
    """How the noun at `m` is placed by the spots after it, which spots place it, and the words between
    that are no part of the place ("towns from ISIS southeast of X": whom they were taken from); None
    when it is not placed (a noun with no reference is some other rule's: "four villages")."""
    first = _next(spots, m.end())
    if first is None:
        return None
    gap = s[m.end():first.start]
    second = _next(spots, first.end)
    pair = second is not None and bool(_AND.fullmatch(s[first.end:second.start]))
    if road:
        if pair and _LINKING.fullmatch(gap):
            return "along", [first, second], ""
        return None
    if _BETWEEN.fullmatch(gap) and pair and second is not None and s[first.end:second.start].strip() == "and":
        return "between", [first, second], ""  # "an SDF position between A and B": neither is it
    if m.group("head").casefold().rstrip("s") in _SIDES:
        return None  # "attacked army positions east of X": where a side sits is told by X (the founding
    if (d := _OFFSET.fullmatch(gap)) is not None:  # report's convention, "the SAA east of Resafa")
        dist = f"{d.group('dist')} {d.group('unit')} " if d.group("dist") else ""
        return f"{dist}{d.group('dir').casefold().replace('-', '')} of", [first], d.group("origin") or ""
    if m.group("head").casefold().rstrip("s") in _POSTS:
        return None  # "a checkpoint near X", "bases in the X region": a site in X's own vicinity is X
    if (n := _NEAR.fullmatch(gap)) is not None:
        return n.group("near").casefold(), [first], ""
    if _IN.fullmatch(gap) and (first.rank >= WIDE or first.kind in ("region", "countryside")):
        return "in", [first], ""  # "villages in northern Hama province"; "positions in Raqqa" is Raqqa's
    return None


def described(s: str, spots: list[Spot]) -> list[Spot]:
    """The sentence's places with each description-plus-reference made one unnamed event place; the
    places it names become its references."""
    out = list(spots)
    for pattern, road in ((_GENERIC, False), (_ROAD_HEAD, True)):
        for m in pattern.finditer(s):
            if any(q.start <= m.start("head") < q.end and (q.name or q.kind == "region") for q in out):
                continue  # inside a name ("Tal Abyad villages") or an extent regions.py made
            if any(q.name and re.fullmatch(r"\s*,?\s*", s[q.end:m.start()]) for q in out
                   if q.end <= m.start()):
                continue  # "al-Husseiniya strategic town north of the city", "X, a town near Y": X's noun
            if m.start() == m.start("head") and re.search(r"(?<![.:;]\s)\b[A-Z][\w'’-]*\s+$", s[:m.start()]):
                continue  # "the Old Customs and Tal Sakar regions between A and B": a name's own noun
            tie = _tie(s, m, out, road)
            if tie is None:
                continue
            relation, refs, aside = tie
            end = refs[-1].end
            if any(q.role == "modifier" for q in refs):
                continue  # "towns near the Raqqa offensive": no reference
            words = s[m.start():end].replace(aside, "", 1) if aside else s[m.start():end]
            inner = [q for q in out if m.start() <= q.start and q.end <= end and q not in refs]
            out = [q for q in out if q not in inner]
            # the spot is its noun phrase, its references after it, as for any unnamed place ("hills east of
            # X": gains.hills_near reads them there); the whole description leads its location's words
            place = Spot(m.start(), m.end(), m.group(), None, None, _kind(m.group("head")), relation=relation)
            place.said = words
            place.ref, place.described = refs[0], tuple(refs)
            place.notes.append(f"'{words}': {_MARK}, {relation} {' and '.join(q.name or '' for q in refs)}")
            for q in refs:  # the reference locates the place; it is no happening's place of its own
                q.role, q.relation = "reference", relation
            out.append(place)
    out.sort(key=lambda q: q.start)
    return out


def _point(spot: Spot) -> tuple[float, float, str] | None:
    p = spot.place or spot.anchor
    if p is None or p.lat is None or p.lon is None:
        return None
    return p.lat, p.lon, p.name


def described_location(spot: Spot, region: Callable[[Spot], Location | None]) -> Location | None:
    """Where a described place lies, approximately, from its references and the relation the words give;
    None for any other spot."""
    refs = spot.described
    if not refs:
        return None
    words, rel = spot.said or spot.text, spot.relation
    names = " and ".join(q.name or "" for q in refs)
    points = [pt for q in refs if (pt := _point(q)) is not None]
    if rel == "in":
        inside = region(refs[0])
        if inside is not None:
            how = inside.located_by.split(": ", 1)[-1]
            return Location(inside.lat, inside.lon, inside.precision_km, f"{words}: in {names}, {how}")
        if (centre := province_centre(names)) is not None:
            return Location(*centre, 60.0, f"{words}: in {names}, the governorate's centre (approximate, "
                                           f"{_MARK})")
        if points:
            lat, lon, name = points[0]
            return Location(lat, lon, 30.0, f"{words}: in {names}, around {name} (approximate, {_MARK})")
    elif rel in ("between", "along") and len(points) == 1:
        lat, lon, name = points[0]  # the other end is unknown: near the one that is located
        return Location(lat, lon, 10.0, f"{words}: {rel} {names}; only {name} is located, within about "
                                        f"10 km of it (approximate, {_MARK})")
    elif rel in ("between", "along") and len(points) == 2:
        (a, b, _), (c, d, _) = points
        half = _km(a, b, c, d) / 2
        return Location(round((a + c) / 2, 4), round((b + d) / 2, 4), round(max(2.0, half), 1),
                        f"{words}: midway between {names}, within about {max(2.0, half):.0f} km "
                        f"(approximate, {_MARK})")
    elif points and (d := re.match(r"(?:(\d+(?:\.\d+)?) (km|kilomet\w*|miles?) )?(\w+) of$", rel)) and \
            d.group(3) in BEARING:
        lat, lon, name = points[0]
        km = float(d.group(1)) * (1.609 if d.group(2).startswith("mile") else 1) if d.group(1) else 10.0
        there = offset(lat, lon, BEARING[d.group(3)], km)
        prec = max(2.0, km / 4) if d.group(1) else 10.0
        return Location(*there, prec, f"{words}: about {km:.0f} km {d.group(3)} of {name} "
                                      f"(approximate, {_MARK})")
    elif points:
        lat, lon, name = points[0]
        return Location(lat, lon, 5.0, f"{words}: {rel} {name}, within about 5 km (approximate, {_MARK})")
    return Location(None, None, None, f"{words}: {rel} {names}: not located")


def _km(a: float, b: float, c: float, d: float) -> float:
    """The distance between two points, on a sphere."""
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))
