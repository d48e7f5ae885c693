"""Forms of a region a report writes that the gazetteer's spots do not make one by themselves
(bench/reports/README.md, Conventions: region-level events):

- "the eastern province of Deir Ezzor", "the central province of Hama": a governorate described by where
  it lies in the country; the whole governorate, not a part of it;
- "eastern Damascus province", "southern Idlib provinces": a direction and a governorate (the direction
  inside the gazetteer's name, or before a governorate that ends a list);
- "Idleb and Hama Governorates", "Hama and Idlib provinces": one governorate noun for the list; each
  name is a governorate;
- "Hama Southern villages": a governorate, a direction and a noun of land.

"Idlib province" alone is left as it was (a governorate is no happening's place, extract.py): made a
region, it gave more events the answers do not code (frames, background) than it found.

Each becomes a region spot (kind "region") under the words as written, anchored to nothing: it is located
inside its governorate by regions.region_location, never at the city the governorate is named after. A
city named alone stays the city.
"""

from __future__ import annotations

import re

from .locate import governorates
from .spelling import skeleton
from .where import Spot

DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?"
# "the eastern province of": the governorate's place in the country
_PROVINCE_OF = re.compile(r"\bthe\s+(?P<dir>" + DIR + r")\s+(?:province|governorate)\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_DIR_BEFORE = re.compile(r"(?<![\w-])(?P<dir>" + DIR + r")\s+$", re.IGNORECASE)
_LEADING_DIR = re.compile(r"^(?P<dir>" + DIR + r")\s+", re.IGNORECASE)
_PLURAL = re.compile(r"^\s*(?:provinces|governorates)\b", re.IGNORECASE)
_PLURAL_IN_NAME = re.compile(r"\s+(?:provinces|governorates)$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*as well as|,?\s*or)\s*(?:in\s+)?(?:the\s+)?", re.IGNORECASE)
# "Hama Southern villages": a governorate, a direction, a noun of land
_LAND_AFTER = re.compile(r"^\s+(?P<noun>villages|countryside|areas|parts|regions|towns)\b", re.IGNORECASE)
_FILLER = re.compile(r"\b(?:" + DIR + r"|provinces?|governorates?|countryside|rural|the|of|al-|ar-|"
                     r"villages|towns|areas|parts|regions|side)\b",
                     re.IGNORECASE)
PROVINCE_OF = re.compile(r"^the\s+" + DIR + r"\s+(?:province|governorate)\s+of\s+", re.IGNORECASE)


def governorate_named(words: str) -> str | None:
    """The governorate's name in a region's words ("eastern Damascus province" → "Damascus"), or None when
    the words name no governorate."""
    clean = " ".join(_FILLER.sub(" ", re.sub(r"['’]s\b", " ", words)).split())
    return clean if clean and skeleton(clean) in governorates() else None


def _region(s: str, start: int, end: int, p: Spot, relation: str, role: str | None = None) -> Spot:
    spot = Spot(start, end, s[start:end], s[start:end], None, "region", role=role or p.role,
                relation=relation)
    spot.ref = p.ref
    spot.notes.append(f"a region: '{spot.name}' in {governorate_named(spot.name or '')}")
    return spot


def _province(p: Spot) -> bool:
    """A spot that names a governorate with its noun or as one: never a city's point."""
    return p.name is not None and p.kind in ("governorate", "province") and \
        governorate_named(p.name) is not None


def forms(s: str, spots: list[Spot]) -> list[Spot]:
    """The sentence's spots with each form above made one region spot."""
    out: list[Spot] = []
    for p in spots:
        before = s[:p.start]
        if p.name is None or p.role not in ("event", "container") or (
                _OF_BEFORE.search(before) and not _PROVINCE_OF.search(before)):
            # "the countryside of Idlib province": regions.py's extent of it
            out.append(p)
            continue
        if _province(p) and (m := _PROVINCE_OF.search(before)):  # "the eastern province of Deir Ezzor"
            out.append(_region(s, m.start(), p.end, p, "province"))
        elif _province(p) and (m := _LEADING_DIR.match(p.name)):  # "eastern Damascus province"
            out.append(_region(s, p.start, p.end, p, m.group("dir").casefold()))
        elif _province(p) and (m := _DIR_BEFORE.search(before)) and p.relation != "province":
            # "northern Hama and southern Idlib provinces": the direction before the list's last name
            listed = bool(out) and bool(_LIST_GAP.fullmatch(s[out[-1].end:m.start()]))
            out.append(_region(s, m.start(), p.end, p, m.group("dir").casefold(),
                               "event" if listed and out[-1].role == "event" else None))
        elif (m := _LAND_AFTER.match(s[p.end:])) and \
                (d := re.search(r"\s(" + DIR + r")$", p.name, re.IGNORECASE)) and \
                governorate_named(p.name[:d.start()]):  # "Hama Southern villages"
            out.append(_region(s, p.start, p.end + m.end(), p, d.group(1).casefold()))
        elif (_PLURAL_IN_NAME.search(p.name) or _PLURAL.match(s[p.end:])) and _of_reference(s, out, p):
            p.role = "reference"  # "near the northern countryside of Hama and Idlib provinces": both are
            out.append(p)  # the reference's
        elif _PLURAL_IN_NAME.search(p.name) and governorate_named(p.name):  # "… and Hama Governorates"
            out.append(_region(s, p.start, p.end, p, "province"))
            _listed_before(s, out, p.start)
        elif _PLURAL.match(s[p.end:]) and governorate_named(p.name) and p.kind != "region":
            out.append(_region(s, p.start, p.end, p, "province"))  # "Hama and Idlib provinces"
            _listed_before(s, out, p.start)
        else:
            out.append(p)
    return out


def _of_reference(s: str, out: list[Spot], p: Spot) -> bool:
    """Whether the list a plural governorate noun closes follows a reference ("near the countryside of
    Hama and Idlib provinces"): the list's names are that reference's, not the happening's places."""
    previous = next((q for q in reversed(out) if q.name), None)
    return previous is not None and previous.role == "reference" and \
        bool(_LIST_GAP.fullmatch(s[previous.end:p.start]))


def _listed_before(s: str, out: list[Spot], at: int) -> None:
    """The names listed before a plural governorate noun ("Idleb and Hama Governorates"): each a
    governorate region too, in place."""
    end = at
    for k in range(len(out) - 2, -1, -1):
        q = out[k]
        if not (q.name and _LIST_GAP.fullmatch(s[q.end:end]) and governorate_named(q.name)) or \
                q.kind == "region":
            break
        out[k] = _region(s, q.start, q.end, q, "province")
        end = q.start
