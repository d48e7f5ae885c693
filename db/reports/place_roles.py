"""What each place a sentence names is to it: the happening's place, a reference ("20 km south of Raqqa",
"near Resafa"), a container ("in Hama province"), a frame ("West of Raqqa City, …") or a modifier ("the
Raqqa offensive"); how wide each kind of place is; and whether two places are one list's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .spelling import variant_key

if TYPE_CHECKING:
    from .where import Spot

DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_REFERENCE = re.compile(
    r"(?:(?P<dist>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>km|kilometers?|kilometres?|miles?)\s+(?:to the\s+)?)?"
    r"(?:(?:to )?the\s+)?(?P<dir>" + DIRECTION + r")(?:ern)?(?: and (?P<dir2>" + DIRECTION + r"))?"
    # "of the ISIS stronghold of X", "of the Kurdish-held X": no other name between ("of Daraa, B" ends there)
    r"\s+of\s+(?:(?:(?-i:[a-z])[\w-]*|(?-i:[A-Z]{2,})|(?:Syrian|Turkish|Kurdish|Iraqi|Russian|Iranian)\b|"
    r"[A-Z]\w*-(?:held|controlled|backed|led|run|occupied)),?\s+){0,4}$"
    r"|(?P<near>\bnear(?: to)?|\bclose to|\badjacent to|\bnext to|\boutside(?: of)?|\baround"
    r"|\b(?:in )?the (?:area|areas|region) "
    r"(?:surrounding|around|of)|\bin the (?:vicinity|surroundings|"
    r"outskirts) of|\bon the outskirts of|\bbetween)\s+(?:[a-z][\w-]*\s+){0,4}$"
    r"|(?P<countryside>\b(?:the\s+)?(?P<cdir>" + DIRECTION + r"(?:ern)?)\s+countryside\s+of\s+(?:the\s+)?$)",
    re.IGNORECASE)
_CONTAINER_BEFORE = re.compile(r"(?:\b(?:in|within|inside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:province|"
                               r"governorate|region|countryside|district) of\s+(?:the\s+)?"
                               r"|\b(?:in|within|inside)\s+(?:the\s+)?"
                               r"(?:(?:" + DIRECTION + r")(?:ern)?\s+)?"
                               r"|\b(?:neighbou?rhoods?|districts?|suburbs?|quarters?|"
                               r"subrub) of\s+(?:the\s+)?"
                               r"|\b(?:of|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:city|town|province|"
                               r"governorate|region|area|countryside) of\s+(?:the\s+)?"
                               r"|\b" + DIRECTION + r"(?:ern)?\s+"
                               # "the village of Alqameya of Afrin": a wider place after a bare "of"
                               r"|^\s+of\s+(?:the\s+)?)$", re.IGNORECASE)
# "A and B belonging to Shirawa": the wording says it holds them, whatever either is called
_BELONGING = re.compile(r"\s+(?:(?:which|that)\s+)?(?:belonging|belongs?|affiliated|attached)\s+to\s+"
                        r"(?:the\s+)?")
_FRAME = re.compile(r"^\s*(?:(?:to the\s+)?" + DIRECTION + r"(?:ern)?\s+of|in)\s+(?:the\s+)?", re.IGNORECASE)
_OF_THE_CITY = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:city|town|province|"
                          r"governorate|region|area|countryside) of\s+(?:the\s+)?")
RANK = {"site": 0, "facility": 0, "garrison": 0, "oil field": 0, "field": 0, "road": 0, "airport": 0,
        "base": 0, "dam": 0, "crossing": 0, "neighbourhood": 1, "district": 1, "village": 2,
        "locality": 2, "hill": 2, "town": 3, "city": 4, "subdistrict": 4, "area": 5, "region": 5,
        "countryside": 5, "desert": 5, "pocket": 5, "suburbs": 5, "governorate": 6, "province": 6}
WIDE = 5  # this rank and above: an area, a place's container rather than a happening's place


def assign_roles(s: str, spots: list[Spot]) -> None:
    """Which places are references, containers or frames, and what each locates."""
    comma = s.find(",")
    frame = _FRAME.match(s)
    for i, spot in enumerate(spots):
        before = s[:spot.start]
        previous = spots[i - 1] if i else None
        ref = _REFERENCE.search(before[-90:])
        if spot.name and (spot.text.endswith(("'s", "’s")) or re.match(r"['’]s\b", s[spot.end:])):
            spot.role, spot.relation = "container", "of"  # "seven of Raqqa's neighbourhoods": the whole
        elif re.match(r"\s+(?:suburbs?|subrub|outskirts)\s+of\b", s[spot.end:]):
            spot.role, spot.relation = "reference", "suburb"  # "the Damascus suburb of Eastern Ghouta"
        elif re.match(r"\s+(?:offensive|operations?|campaign|front|battle|axis|frontline|borders?|"
                      r"direction|pocket|-based|based|agreements?|accords?|deals?|talks|process|peace|"
                      r"summit|conference|memorandum|format|negotiations)\b", s[spot.end:], re.IGNORECASE):
            # "the Raqqa offensive", "a Tabqa-based activist", "the Astana agreement": no happening's place
            spot.role = "modifier"
        elif frame and comma >= 0 and spot.end <= comma:
            spot.role, spot.relation = "frame", frame.group().strip()
        elif ref:
            spot.role = "reference"
            if ref.group("countryside"):
                spot.relation = f"{ref.group('cdir').lower()} countryside of"
            elif ref.group("near"):
                spot.relation = ref.group("near").strip().lower()
            else:
                dirs = ref.group("dir").lower()
                dirs += f" and {ref.group('dir2').lower()}" if ref.group("dir2") else ""
                dist = f"{ref.group('dist')} {ref.group('unit')} " if ref.group("dist") else ""
                spot.relation = f"{dist}{dirs} of"
        elif previous and (previous.role in ("event", "container") or (previous.role == "reference"
                                                                        and previous.name is not None)) and \
                len(s[previous.end:spot.start]) < 40 and \
                _contains(s[previous.end:spot.start], previous, spot) and not _listed(s, spots, i):
            spot.role, spot.relation = "container", "in"
        elif previous and previous.role == "container" and spot.rank >= max(previous.rank, 3) and \
                re.fullmatch(r"\s+in\s+(?:the\s+)?", s[previous.end:spot.start]):
            spot.role, spot.relation = "container", "in"  # "belonging to Jandrisa in Afrin": both hold it
    # each event place is located from the reference or container that follows it, else the one before
    helpers = [p for p in spots if p.role in ("reference", "container")]
    for p in spots:
        if p.role == "event":
            after = [h for h in helpers if h.start > p.start]
            before = [h for h in helpers if h.start < p.start]
            p.ref = (after[:1] or before[-1:] or [None])[0]


def _contains(gap: str, inner: Spot, outer: Spot) -> bool:
    """Whether `outer` holds `inner` ("X in Hama province", "A village northern Janderis district",
    "the village of X in the Jinderes district")."""
    if _BELONGING.fullmatch(gap):
        return True
    if outer.kind in ("district", "subdistrict", "region", "area") and \
            re.fullmatch(r"\s+in\s+(?:the\s+)?", gap):
        return True
    if _OF_THE_CITY.fullmatch(gap):  # "the Qattar district of the eastern city of X": said outright
        return True
    if _named_governorate(gap, inner, outer):
        return True
    if outer.rank <= inner.rank or outer.rank < 3:
        return False
    return bool(_CONTAINER_BEFORE.search(gap)) or (
        outer.rank >= WIDE and bool(re.fullmatch(r"\s*[,–-]\s*(?:the\s+)?", gap)))


def _named_governorate(gap: str, inner: Spot, outer: Spot) -> bool:
    """"the al-Qaryatain city in Homs", "the town of Morek in Hama": a city that gives its name to its
    governorate, after "in" a named town or city, is that governorate (a city is not inside a city)."""
    if outer.kind != "city" or outer.place is None or not outer.place.admin1 or not outer.name or \
            not re.fullmatch(r"\s+in\s+", gap) or inner.name is None or inner.place is outer.place:
        return False
    return variant_key(outer.name) == variant_key(outer.place.admin1)


def _listed(s: str, spots: list[Spot], i: int) -> bool:
    """"A, al-Maqaber region and B": an area between two list commas (or a comma and "and") is one of the
    list's places, not the container of the place before it ("A, Hama countryside" is)."""
    after = spots[i + 1] if i + 1 < len(spots) else None
    comma = i > 0 and bool(re.fullmatch(r"\s*,\s*", s[spots[i - 1].end:spots[i].start]))
    return comma and after is not None and after.name is not None and siblings(s, spots[i], after)


def siblings(s: str, a: Spot, b: Spot) -> bool:
    """Two places of one list ("A, B and C"): nothing but commas and "and" between them."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*as well as)\s*", s[first.end:second.start]))
