"""Which places an event word speaks of: its object and the list that goes with it, a passive verb's
subject, the place a relative clause or 'where' refers to, the area it takes, or its reference."""

from __future__ import annotations

import re

from .cues import AUXILIARY, Cue
from .parties import AIR, FORCE, GENERIC, Party
from .where import WIDE, Spot, siblings
from .wording import CUT

_INSTANCE = re.compile(r"\b(?:including|such as|among them|like)\s+(?:the\s+)?(?:\w+\s+){0,3}$",
                       re.IGNORECASE)
# ", the government forces gained …": a new clause with its own subject
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:forces|troops|army|units|fighters|"
                         r"militants|rebels|SDF|SAA|ISIS|government|militias?)\b|,\s+(?:which|who|that)\s|"
                         # "…, exploiting the regime's focus on Aleppo": a participle's clause is no list item
                         # (", hitting the newly liberated X" names where the happening struck: it is)
                         r",\s+(?!(?:including|excluding|especially|notably|particularly|mainly|hitting|targeting|"
                         r"striking|killing|wounding|injuring|destroying|damaging|affecting|reaching)\b)[a-z]\w+ing\s+"
                         r"(?:the|its|their|his|a|an|to)\b",
                         re.IGNORECASE)
_DESTINATION = re.compile(r"\b(?:to|towards?|into|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_ORIGIN = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?from\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+)?"
                     r"(?:(?:villages?|towns?|city|area|positions?|bases?|direction)\s+(?:of\s+)?)?$",
                     re.IGNORECASE)
# "X, which Syrian troops entered last week": the relative clause's own subject acts on the place before it
_OBJECT_RELATIVE = re.compile(r",?\s+(?:which|that)\s+(?!(?:was|were|is|are|has|have|had|lies|lay|remains|"
                              r"became|used|had been|has been)\b)(?:[\w'.-]+\s+){1,5}", re.IGNORECASE)
# "the western countryside of Daraa witnessed heavy shelling": the place saw what follows
WITNESSED = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:witness(?:ed|es)|saw|sees|experienced|experiences)"
                       r"\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)
_AREA_OBJECT = re.compile(r"\s+(?:the\s+)?(?:area|areas|region|vicinity|surroundings)\s+(?:of|around)\s+"
                          r"(?:the\s+)?", re.IGNORECASE)
# "in Tal al-Jabiya, the surroundings of Nawa city, and …": a list item, the vicinity of one place, not a
# container
_VICINITY_ITEM = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?(?:surroundings|outskirts|vicinity|environs)\s+"
                            r"of\s+(?:the\s+)?(?:(?:city|town) of\s+)?", re.IGNORECASE)
# the words between two verbs that share one object: a conjunction, perhaps a time adverb
_SHARED = re.compile(r"\s*,?\s+(?:and|or)\s+(?:(?:then|later|subsequently|eventually|finally)\s+)?")
_VERB = re.compile(r"\w+(?:ed|ing)|took|retook|overran|struck|fought|drove|hit|won|besieged",
                   re.IGNORECASE)
_LOCATED = re.compile(r"\b(?:located|situated|lies|lying|lie)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_MEANS = re.compile(r"\b(?:armed|using)\b")
_VERBISH = re.compile(r"\b\w+(?:ing|ed)\b")
SIDES = (r"ISIS|ISIL|IS|Daesh|the SAA|the SDF|the (?:remaining )?(?:terrorists|militants|insurgents|rebels|"
         r"jihadists|fighters|extremists)|(?:the |their |its )?(?:forces|troops|positions|defen[cs]es)")


def places_of(cue: Cue, cues: list[Cue], spots: list[Spot], s: str, sides: list[Party] | None = None
              ) -> tuple[list[Spot], str]:
    """The places an event word speaks of, and how they were chosen."""
    # "encircled and attacked X", "surrounding and then taking X": two verbs of one object share its places
    # (verbs only: "carrying out raids and dropping barrel bombs on X" puts the raids nowhere said)
    joined = [c for c in cues if c.start >= cue.end and _SHARED.fullmatch(s[cue.end:c.start])]
    if joined and not cue.passive and not joined[0].passive and _VERB.fullmatch(cue.word) \
            and _VERB.fullmatch(joined[0].word):
        places, how = places_of(joined[0], cues, spots, s, sides)
        return places, f"{how}, the object it shares with '{joined[0].word}'"
    later = [c.start for c in cues if c.start > cue.end]
    stop = min(later, default=len(s))
    cut = CUT.search(s, cue.end)
    stop = min(stop, cut.start()) if cut else stop  # "… that was once used to resupply X": background
    # an unnamed place counts only as the word's own object ("captured four villages"), or in its list
    named = [p for p in spots if p.role == "event" and p.name is not None]
    # ("attacks using drones and tanks on four villages": the means is no new clause)
    events = [p for p in spots if p.role == "event" and (p.name is not None or p.start < cue.end or (
        len(s[cue.end:p.start].split()) <= 6 and not _VERBISH.search(_MEANS.sub("", s[cue.end:p.start])))
        or any(siblings(s, p, q) for q in named))]
    events += [p for p in spots if p.role == "event" and p not in events and any(siblings(s, p, q)
                                                                                for q in events)]
    events.sort(key=lambda p: p.start)
    if cue.type == "withdrawal":  # "withdrew fighters towards Raqqa": where they went is not where it was
        events = [p for p in events if not _DESTINATION.search(s[cue.end:p.start])]
    elif cue.type in ("attack", "advance", "shelling", "airstrike"):  # "began their attack from X": whence
        origins = [p for p in events if p.start >= cue.end and _ORIGIN.match(s[cue.end:p.start])]
        events = [p for p in events if not any(p is q or siblings(s, q, p) for q in origins)]
    chosen = _object(s, cue, [p for p in events if cue.end <= p.start < stop])
    how = "after the event word"
    # "seized the area of Gharz, southeast of Daraa, A and B": the area the word takes is its place's
    area = [p for p in spots if p.role == "reference" and p.name and p.start < stop
            and _AREA_OBJECT.fullmatch(s[cue.end:p.start])]
    chosen = area[:1] + [p for p in chosen if p not in area]
    since = max((c.end for c in cues if c.end <= cue.start), default=0)
    subject = [p for p in events if since <= p.start and p.end <= cue.start]
    # "the villages of A and B were cleared as part of Operation X": a passive verb's patient is its
    # subject; what follows it is an agent, a purpose or a container
    participle = AUXILIARY.search(s[:cue.start]) and not cue.word.casefold().endswith("ing")
    if participle and any(p.name for p in subject) and not any(
            p.name and _DESTINATION.search(s[since:p.start]) for p in subject):
        chosen, how = subject, "before the event word (its subject)"
    elif cue.passive and not chosen:  # "A in X and B in Y were freed": the places are its subject
        chosen = subject
        how = "before the event word (its subject)"
    antecedent = [p for p in spots if p.name and p.end <= cue.start and p.role != "modifier"
                  and _OBJECT_RELATIVE.fullmatch(s[p.end:cue.start])
                  and any(p.end < q.start < cue.start and q.kind in (FORCE, AIR, GENERIC)
                          for q in sides or ())]
    if not chosen and antecedent:  # "X, which Syrian troops entered last week": X
        chosen, how = antecedent[-1:], "the place its relative clause speaks of"
    seen = [p for p in spots if p.name and p.end <= cue.start and p.role != "modifier"
            and WITNESSED.fullmatch(s[p.end:cue.start])]
    if not chosen and seen:  # "the western countryside of Daraa witnessed heavy shelling"
        chosen, how = seen[-1:], "the place that saw it"
    if not chosen:
        refs = [p for p in spots if p.role == "reference" and p.name and cue.end <= p.start < stop
                and not _LOCATED.search(s[:p.start])]  # "a hospital which is located between A and B"
        if refs:  # "700 metres of territory between A and B": both
            chosen = refs[:1] + [p for p in refs[1:] if siblings(s, refs[0], p)
                                 and s[:refs[0].start].rstrip().endswith("between")]
            how = "its reference, approximately"
    if not chosen and cue.type in ("clashes", "vbied", "explosion"):  # "positions near X …, the clashes"
        refs = [p for p in spots if p.role == "reference" and p.name and p.end <= cue.start]
        if refs and not any(p.role == "event" for p in spots):
            finest = min(p.rank for p in refs)
            chosen, how = [p for p in refs if p.rank == finest][-1:], "its reference, approximately"
    if not chosen:  # "In Al-Mayadeen city, the army fought …": the frame is the place
        frames = [p for p in spots if p.role == "frame" and p.name and p.end <= cue.start
                  and not any(q.role == "event" for q in spots)]
        if frames and re.match(r"\s*in\b", s, re.IGNORECASE):
            chosen, how = frames[-1:], "the place the sentence opens with"
    if not chosen:
        before = [p for p in events if p.end <= cue.start]
        where = re.search(r"(?:,\s*|\s)where\s+[^,;]*$", s[:cue.start])
        framed = [p for p in spots if p.end <= cue.start and p.name and where and p.end <= where.start() + 1]
        # "in Abu Hamam town located in the eastern countryside of X, where …": the place, not where it lies
        framed = [p for p in framed if p.role != "reference"] or framed
        if where and framed and not any(where.start() < p.start for p in before):
            chosen, how = framed[-1:], "the place 'where' refers to"
        # an active verb with no place after it takes the one before only when a side is its object
        # ("… while also encircling the remaining terrorists"), not a thing ("destroying their headquarters")
        elif before and (cue.passive or cue.type in ("clashes", "vbied", "explosion")
                         or _left_before(s, cue, before) or re.match(
                r"\s+(?:\w+\s+){0,3}?(?:" + SIDES + r")", s[cue.end:], re.IGNORECASE)):
            last = before[-1]
            chosen = [p for p in before if p is last or siblings(s, p, last)]
            how = "before the event word"
    # "retreated from X before being overrun by the army in the Y countryside": X, not the area
    if chosen and cue.passive and all(p.rank >= WIDE for p in chosen):
        precise = [p for p in events if p.end <= cue.start and p.rank < WIDE and p.name]
        if precise:
            chosen, how = precise[-1:], "before the event word (the area after it is a container)"
    # "several neighbourhoods …, including X": X names the members
    if any(p.name is None for p in chosen) and any(_INSTANCE.search(s[:p.start]) for p in chosen if p.name):
        chosen = [p for p in chosen if p.name is not None]
    precise = [p for p in chosen if p.rank < WIDE]
    if precise:
        finest = min(p.rank for p in precise)
        chosen = [p for p in chosen if (p.rank < WIDE and not (p.rank >= 4 and finest <= 2))
                  or any(siblings(s, p, q) or _VICINITY_ITEM.fullmatch(s[q.end:p.start])
                         for q in precise if q is not p)]
    return chosen, how


def _object(s: str, cue: Cue, after: list[Spot]) -> list[Spot]:
    """The places an event word takes after it: its object and the list that goes with it, not a place
    in a later clause ("establishing control over Hobait, the forces gained access to Khan Shaykhun")."""
    out: list[Spot] = []
    for p in after:
        gap = s[out[-1].end:p.start] if out else ""
        if out and (_NEW_CLAUSE.search(gap) or ";" in gap) and not any(siblings(s, q, p) for q in out):
            break
        out.append(p)
    return out


def _left_before(s: str, cue: Cue, before: list[Spot]) -> bool:
    """"Took control of X after the group pulled out": a withdrawal verb with no place after it, in a
    clause joined to the one naming the place, left that place."""
    return cue.type == "withdrawal" and not cue.word.casefold().startswith("withdrawal") and \
        before[-1].name is not None and bool(re.search(r"\b(?:after|as|when|once|before)\b",
                                                      s[before[-1].end:cue.start]))
