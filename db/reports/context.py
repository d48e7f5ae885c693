"""What a sentence takes from the ones before it, and happenings stated only by their toll.

- "In another attack, five civilians were killed in X": the same kind of happening as the sentence before
  (an airstrike after an airstrike), by the same sides when this one names none.
- "the two villages", "both towns", "these villages": the places the sentence before listed, when their
  number agrees (never a guess among more or fewer).
- "Russian jets killed six civilians in X": a toll by aircraft or guns, in a sentence that states no other
  happening, is the strike at the toll's place.
- "This was reported by the ministry.": the sentence before is that source's claim.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .cues import TOLL, Cue
from .parties import AIR, Party
from .unnamed import COUNT
from .where import Spot
from .wording import stated

if TYPE_CHECKING:
    from .extract import Found

# "In another attack, …", "In a separate strike, …", "A further raid …"
ANOTHER = re.compile(r"^\W*(?:(?:In|During|With)\s+)?(?:another|a (?:second|separate|similar|further|new))\s+"
                     r"(?:[\w-]+\s+)?(?:attack|strike|raid|assault|incident|bombing|attacks|strikes|raids)\b",
                     re.IGNORECASE)
STRIKES = ("airstrike", "shelling", "attack", "vbied", "explosion")
# a count or "both" is needed: "the aforementioned areas" summarises what was told (unnamed.py), it adds none
_BACK = re.compile(r"^(?:the|both|these|those)\s+(?:(?P<n>[\w-]+)\s+)?"
                   r"(?:villages|towns|cities|areas|neighbou?rhoods|districts|hills|places|positions|sites|"
                   r"locations|settlements)$", re.IGNORECASE)


def carried_type(s: str, cue: Cue, before: str | None) -> str:
    """The type of a generic attack word in "In another attack, …": the kind of the one told before."""
    opener = ANOTHER.match(s)
    if opener and cue.start < opener.end() and cue.type == "attack" and before in STRIKES:
        return before
    return cue.type


def listed(s: str, spot: Spot, before: list[Spot]) -> list[Spot] | None:
    """The places a plural back-reference ("the two villages", "both towns") stands for: those the
    sentence before listed, put where the reference stands; None when it is no such reference or the
    number does not agree."""
    if spot.name is not None or not before:
        return None
    article = (s[max(0, spot.start - 8):spot.start].split() or [""])[-1]
    text = spot.text.strip() if _BACK.match(spot.text.strip()) else f"{article} {spot.text.strip()}"
    m = _BACK.match(text)
    if not m:
        return None
    word = (m.group("n") or "").casefold()
    count = 2 if text.casefold().startswith("both") and not word else COUNT.get(word) or (
        int(word) if word.isdigit() else None)
    if count is None:
        return None
    names = list(dict.fromkeys(p.name for p in before if p.name))
    if count < 2 or len(names) != count:
        return None
    first = {n: next(p for p in before if p.name == n) for n in names}
    return [replace(p, start=spot.start, end=spot.end, role="event", notes=[*p.notes, f"'{spot.text}'"])
            for p in first.values()]


def toll_strike(s: str, parties: list[Party], said: tuple[int, int]) -> list[Cue]:
    """A sentence that states no happening but a toll by aircraft or guns ("Russian jets killed six
    civilians in X", "… killed in X after a raid by Syrian aircraft"): the strike at the toll's place."""
    toll = TOLL.search(s)
    if not toll:
        return []
    air = any(p.kind == AIR for p in parties if not said[0] <= p.start < said[1])
    guns = re.search(r"\b(?:artillery|shells?|mortars?|rockets?|tank fire)\b", s, re.IGNORECASE)
    if not (air or guns):
        return []
    cue = Cue(toll.start(), toll.end(), "airstrike" if air else "shelling", toll.group(), False)
    return stated(s, [cue], None, False)


def attribute(found: list[Found], who: str, sayers: list[Party]) -> None:
    """A sentence that only says who reported the one before: its events are that source's claims."""
    name = sayers[0].name if sayers else \
        re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE) or "a source"
    for e in found:
        if e.certainty == "confirmed":
            e.certainty = "claimed"
            e.why["certainty"] = f"the next sentence attributes it ('… by {who.strip()}') → claimed"
        slug = sayers[0].slug if sayers else None
        e.parties.append((name, slug, "claimant", sayers[0].bloc if sayers else None))
        if slug:
            e.factions.append((slug, "claimant"))
