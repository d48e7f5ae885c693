"""The acting side when a sentence names none: wire stories name the actor once and then narrate.

- A pronoun or a definite generic in subject position ("they", "it", "the troops", "troops", "the
  militants", "the rebels", "the fighters") takes the last named faction that fits it: "they"/"it" the last
  actor; "the militants", "the terrorists", "the jihadists" the last named side outside the government
  bloc; "the rebels", "insurgents" the last named opposition side; "the troops", "soldiers", "the fighters"
  the last named actor. A generic side the store does not know ("the militants") is replaced the same way.
- A sentence that names no acting side and states a capture, an advance, an encirclement, an attack,
  shelling or an airstrike takes the actor of the sentence before; failing that, the side that dominates
  the paragraph's happenings so far; then the lead's; then the headline's. Never when the sentence before
  named two sides fighting ("clashes between A and B") or told a happening by a side the rules do not
  know ("the Turkish occupation aircrafts …"); an airstrike only from a side that flies; and never when the
  words before the event word hold a subject of their own the rules do not know.
- The certainty is the sentence's own (its attribution, or the one carried over by wording.frame).
- `why` says where the side came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .cues import Cue
from .parties import AIR, FORCE, GENERIC, Party
from .roles import PREPOSITION, Role

# the words the rule reads in subject position, and the faction each may stand for
_PRONOUN = r"(?:they|it)"
# bare "militants" take no side (the Conventions): only the definite one points back
_HOSTILE = r"the\s+(?:militants|terrorists|jihadists|extremists|gunmen|takfiris)"
_REBELS = r"(?:the\s+)?(?:rebels|insurgents|rebel fighters|opposition fighters)"
_TROOPS = (r"(?:the\s+)?(?:troops|soldiers|fighters|(?:attacking|advancing|combat|allied|assault)\s+forces|"
           r"army units|units)|(?:the|its|their)\s+forces")
_GENERIC = re.compile(rf"\b(?:(?P<pronoun>{_PRONOUN})|(?P<hostile>{_HOSTILE})|(?P<rebels>{_REBELS})|"
                      rf"(?P<troops>{_TROOPS}))\b", re.IGNORECASE)
# a word that may be a subject the store does not know ("the Turkish occupation has launched …")
_NAME = re.compile(r"(?<![.,;:!?\"“(]\s)(?<!^)\b[A-Z][\w'’-]+")
_CALENDAR = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
                       r"July|August|September|October|November|December")
# a subject of its own, or a weapon as the subject ("mortars shelled the villages"): whoever fired is
# not said, so the last actor is not carried to it
_OWN_SUBJECT = re.compile(r"\b(?:forces|troops|army|aircrafts?|jets|planes|warplanes|drones|occupation|"
                          r"militias?|group|fighters|mercenaries|units|soldiers|gunmen|militants|"
                          r"mortars?|shells|rockets|missiles|projectiles|bombs)\b",
                          re.IGNORECASE)
# "lost al-Bab, Syria to Turkish-backed Operation Euphrates Shield": the loss names who won it
_LOST_TO = re.compile(r"^[^.;]{0,60}?\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?-i:[A-Z])", re.IGNORECASE)
CARRIED = ("capture", "advance", "encirclement", "attack", "shelling", "airstrike")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass
class Discourse:
    """What the report has said so far about who acts: its headline's sides, its lead's and its current
    paragraph's actors, the sentence before, and every side named, in order."""

    headline: list[Party] = field(default_factory=list)
    lead: list[Role] = field(default_factory=list)
    paragraph: Counter[str] = field(default_factory=Counter)
    named: list[Role] = field(default_factory=list)  # every side named with a slug, in order
    before: list[Role] = field(default_factory=list)  # the sentence before's roles
    fought: bool = False  # the sentence before named two sides fighting
    unknown: bool = False  # the sentence before told a happening by a side the rules do not know
    air: list[Role] = field(default_factory=list)  # the actors of the last airstrike told
    first: bool = True  # no reporting paragraph yet: this one is the lead
    end: int = -1  # where the sentence before ended in the text
    _by_key: dict[str, Party] = field(default_factory=dict)

    def heard_headline(self, parties: list[Party]) -> None:
        self.headline += [p for p in parties if p.slug and p.kind in (FORCE, AIR)]

    def start(self, text: str, span: tuple[int, int] | None) -> None:
        """A new sentence: a blank line before it opens a paragraph (the first one's actors are the lead)."""
        if span is None:
            return
        if self.end >= 0 and _PARAGRAPH.search(text[self.end:span[0]]):
            if self.paragraph and not self.lead:
                self.lead = [(self._by_key[k], "actor") for k, _ in self.paragraph.most_common(1)]
            self.paragraph = Counter()
        self.end = span[1]

    def heard(self, roles: list[tuple[Role, str]], parties: list[Party], happened: bool) -> None:
        """The sentence just read: its roles (with the type of their happening), the sides it named, and
        whether it told a happening."""
        self.before = [r for r, _ in roles]
        self.unknown = happened and not any(r == "actor" and p.slug for p, r in self.before)
        kinds = {t for _, t in roles}
        sides = {_key(p) for (p, r) in self.before if r in ("actor", "target", "side") and p.slug}
        self.fought = any(r == "side" for _, r in self.before) or ("clashes" in kinds and len(sides) > 1)
        for p, r in self.before:
            if r == "actor" and p.slug:
                self.paragraph[_key(p)] += 1
                self._by_key[_key(p)] = p
        air = [(p, r) for (p, r), t in roles if t == "airstrike" and r in ("actor", "ally") and p.kind == AIR
               and p.slug]
        self.air = air or self.air
        roled = {id(p): r for (p, r) in self.before}
        self.named += [(p, roled.get(id(p), "named")) for p in parties if p.slug and p.kind in (FORCE, AIR)]

    def carry(self, s: str, cue: Cue, sides: list[Role], parties: list[Party], said: tuple[int, int],
              places: list[tuple[int, int]], claimed: bool, told: list[Role]
              ) -> tuple[list[Role], str | None]:
        """`sides` with the actor the discourse gives when the sentence names none; and why. `places`:
        the spans of the sentence's places; `claimed`: a side speaks for itself ("it said it …"); `told`:
        the roles of the sentence's happenings read so far."""
        if any(r == "actor" and (p.slug or p.kind != GENERIC) for p, r in sides):
            return sides, None
        generic = self._generic(s, cue, parties, said)
        if generic and not (claimed and generic[1] == "pronoun"):  # "X said it …": X itself
            word, kind, end = generic
            owner = [p for p in parties if p.slug and re.fullmatch(r"\s+of\s+(?:the\s+)?", s[end:p.start])]
            # "Units of the SDF": the SDF's
            fits = owner[0] if owner else self._fits(kind, cue, parties, told)
            if fits:
                unslugged = [p for p, r in sides if r == "actor" and not p.slug]
                kept = [(p, r) for p, r in sides if p not in unslugged]
                return [(fits, "actor"), *kept], f"'{word}' → the last named side that fits: {fits.name}"
        if cue.word.casefold().startswith("los") and _LOST_TO.match(s[cue.end:]):
            return sides, None  # "ISIS lost X to Operation Euphrates Shield": the winner is named, if unknown
        own = [p for p in parties if not said[0] <= p.start < said[1] and p.kind in (FORCE, AIR, GENERIC)]
        if cue.type not in CARRIED or any(r in ("actor", "ally", "side") for p, r in sides if p in own) \
                or any(p.kind == GENERIC and not p.slug for p in own) \
                or self._own_subject(s, cue, [*places, *((p.start, p.end) for p in parties), said]):
            return sides, None
        hit = {_key(p) for p, r in sides if r == "target"}
        for source, where in self._sources(cue):
            actors = [(p, r) for p, r in source if r in ("actor", "ally") and p.slug and _key(p) not in hit]
            if actors:
                return actors + sides, f"actor from {where}: " + ", ".join(p.name for p, _ in actors)
        return sides, None

    @staticmethod
    def _own_subject(s: str, cue: Cue, spans: list[tuple[int, int]]) -> bool:
        """The words before the event word hold a subject the rules do not know: a name that is no place
        and no side, or a word for a force."""
        text = list(s[:cue.start])
        for a, b in spans:
            text[a:b] = " " * (min(b, cue.start) - a) if a < cue.start else text[a:b]
        before = "".join(text)
        return bool(_OWN_SUBJECT.search(before) or any(not _CALENDAR.fullmatch(m.group())
                                                       for m in _NAME.finditer(before)))

    def _sources(self, cue: Cue) -> list[tuple[list[Role], str]]:
        if self.fought or self.unknown:  # the last actor is no side the rules know: none to jump back to
            return []
        if cue.type == "airstrike":  # only a side that flies struck from the air
            return [(self.air, "the last airstrike told")]
        dominant = self.paragraph.most_common(2)
        paragraph = [(self._by_key[dominant[0][0]], "actor")] if dominant and (
            len(dominant) == 1 or dominant[0][1] > dominant[1][1]) else []
        return [(self.before, "the previous sentence"), (paragraph, "the paragraph"), (self.lead, "the lead"),
                ([(p, "actor") for p in self.headline[:1]], "the headline")]

    def _generic(self, s: str, cue: Cue, parties: list[Party], said: tuple[int, int]
                 ) -> tuple[str, str, int] | None:
        """The pronoun or generic in the subject of the event word's clause, which kind it is, its end."""
        found = None
        for m in _GENERIC.finditer(s, 0, cue.start):
            if said[0] <= m.start() < said[1] or PREPOSITION.search(s[:m.start()]):
                continue
            opening = not s[:m.start()].strip()  # "Units of the SDF, an alliance of …, encircled X"
            between = s[m.end():cue.start]
            if not opening and re.search(r"[,;]|\b(?:which|who|that)\b", between) and not re.match(
                    r"\s*(?:have|has|had|were|was|are|is)?\s*(?:also\s+)?$", between):
                continue  # a subject of another clause
            if any(p.start <= m.start() < p.end or m.start() <= p.start < m.end() for p in parties if p.slug):
                continue  # "SDF fighters": named, not generic
            if any(m.end() <= p.start < cue.start and p.slug and not PREPOSITION.search(s[:p.start])
                   and not s[:p.start].rstrip().endswith("(") for p in parties):
                continue  # a named side nearer the word is its subject
            found = (m.group(), next(k for k, v in m.groupdict().items() if v), m.end())
        return found

    def _fits(self, kind: str, cue: Cue, parties: list[Party], told: list[Role]) -> Party | None:
        # the sentence's own sides before the word: in the roles its earlier happenings gave them
        roled = {id(p): r for p, r in told}
        earlier = [(p, roled.get(id(p), "named")) for p in parties if p.slug and p.end <= cue.start
                   and p.kind in (FORCE, AIR)]
        for p, r in reversed(self.named + earlier):
            if kind == "hostile" and p.bloc != "government":
                return p
            if kind == "rebels" and p.bloc == "opposition":
                return p
            if kind in ("pronoun", "troops") and r in ("actor", "named") and p.kind == FORCE:
                return p
        return None


def _key(p: Party) -> str:
    return p.slug or p.name
