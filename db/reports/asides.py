"""Sentences and phrases that tell no happening of their own, whatever event words they hold.

- A cause told for a consequence: "schools were suspended as a result of shelling, and … in A, B": the
  event word after "as a result of", "due to", "because of", "owing to" is why something else happened.
  With no name in its own phrase (up to the next comma, "and" or the sentence's end) it is placed nowhere;
  the places the sentence goes on to name are the consequence's.
- A description of a side: a sentence that opens by saying what a side is — "The SDF is supported by the
  coalition and fought them in A, B", "Turkey views the YPG as an extension of the PKK, which has fought
  …" — is its record, not the news; unless it names a day.
- A definition: "The groups fighting the government in Idlib are A, B and C": the event word is a
  participle that picks out the subject of "are"/"include"; the sentence lists who, not what happened.
- A battle by its name: "in the battle for Raqqa", "the foundation in the battle of Albu Kamal", "the battle
  for Aleppo is at its end": "the battle for/of X" names a campaign, the setting of what the sentence
  tells — unless the sentence says it goes on ("the battle for X raged", "… intensified").
- A newsroom's own coverage: "Orient News has been closely following the updates on fighting in A": the
  event word is what the outlet covers, not a happening the sentence reports.
- Civilians moving: "6000 people were reported to have reached X": people who flee or arrive are not a
  side's advance.
"""

from __future__ import annotations

import re

from .cues import Cue

_CAUSE = re.compile(r"\b(?:as\s+a\s+(?:result|consequence)\s+of|due\s+to|because\s+of|owing\s+to)\s+"
                    r"(?:(?:the|a|an|heavy|intense|continued|continuous|renewed|ongoing|\w+ing)\s+){0,3}$",
                    re.IGNORECASE)
_PHRASE_END = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s|$")
_NAME = re.compile(r"\b[A-Z][\w'’-]+")
_SIDE_VERB = (r"(?:is|are)\s+(?:\w+ly\s+)?(?:supported|backed|led|funded|armed|made\s+up|composed|"
              r"considered|designated|deemed|regarded|seen|known)\s+(?:by|of|as|to\s+be)\b|"
              r"(?:views?|considers?|regards?|sees|describes?|designates?)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}"
              r"as\b")
# the sentence's opening clause: a name (a few capitalised words, "the" allowed) and the describing verb
_DESCRIBED = re.compile(r"^\W*(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:\([^)]{1,20}\)\s+)?"
                        r"(?:" + _SIDE_VERB + ")")
_DEFINED = re.compile(r"^\W*The\s+(?:[\w'’-]+\s+){0,3}(?:groups?|factions?|forces|militants|militias?|"
                      r"rebels|fighters|organi[sz]ations?|parties)\s+$", re.IGNORECASE)
_LISTS = re.compile(r"\s(?:are|is|include|includes|were)\s", re.IGNORECASE)
_CIVILIANS = re.compile(r"\b(?:civilians|people|residents|families|refugees|inhabitants|villagers|"
                        r"displaced(?:\s+people)?)\s+(?:(?:were|was|are|is|have|has|had|been|being|reportedly|"
                        r"reported|said|to|also|already|now|still)\s+){0,5}$", re.IGNORECASE)
_THE = re.compile(r"\bthe\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_NAMED = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_GOES_ON = re.compile(r"\s+(?:\w+\s+)?(?:rages?|raged|raging|continues|continued|intensifie[sd]|erupted|"
                      r"began|started|broke out|flared|escalated|resumed)\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:today|yesterday|overnight|last night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                  r"on\s+\d{1,2}\s+[A-Z][a-z]+|on\s+[A-Z][a-z]+\s+\d{1,2})\b")

_COVERAGE = re.compile(r"\b(?:following|covering|monitoring|tracking|reporting on)\s+(?:the\s+)?"
                       r"(?:latest\s+)?(?:updates|developments|news|events)\s+(?:on|of|about|from)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _cause(s: str, cue: Cue) -> str | None:
    lead = _CAUSE.search(s[:cue.start])
    if lead is None:
        return None
    end = _PHRASE_END.search(s, cue.end)
    if _NAME.search(s[cue.end:end.start() if end else len(s)]):
        return None
    return f"'{lead.group().strip()} {s[cue.start:cue.end]}': the cause of what the sentence tells, unplaced"


def aside(s: str, cue: Cue) -> str | None:
    """Why the event word tells no happening by this module's rules, or None."""
    if (why := _cause(s, cue)) is not None:
        return why
    if (said := _DESCRIBED.match(s)) and not _DAY.search(s):
        return f"'{said.group().strip()} …': a description of a side, not the news"
    if _DEFINED.match(s[:cue.start]) and _LISTS.search(s, cue.end):
        return f"'{s[:cue.end].strip()} …': a definition of whom the sentence lists"
    if s[cue.start:cue.end].casefold() == "battle" and _THE.search(s[:cue.start]) and (
            named := _NAMED.match(s, cue.end)) and not _GOES_ON.match(s, named.end()):
        return f"'the {s[cue.start:named.end()]}': a battle by its name, the setting of the sentence"
    if coverage := _COVERAGE.search(s[: cue.start]):
        return f"'{coverage.group().strip()}': what a newsroom covers, not a happening"
    if cue.type == "advance" and (who := _CIVILIANS.search(s[:cue.start])):
        return f"'{who.group().strip()} {s[cue.start:cue.end]}': civilians moving, not a side's advance"
    return None


def drop_asides(s: str, cues: list[Cue]) -> list[Cue]:
    """The event words that are not asides."""
    return [c for c in cues if aside(s, c) is None]
