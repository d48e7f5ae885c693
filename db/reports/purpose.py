"""What an offensive is launched to do: its purpose states no happening.

"The regime launched a wide offensive to regain control of the countryside and secure a route …",
"an operation aimed at retaking X", "a push in a bid to take X", "a campaign with the aim of capturing X":
every verb of the purpose, however far from the offensive and however many are joined by "and", is an
intention. A finite verb joined on ("… to retake X and captured Y on Sunday") is what the side did.
"""

from __future__ import annotations

import re

# the words between the offensive and its purpose ("an offensive on Tuesday to …") never hold a verb that
# says the purpose was met ("the operation enabled the army to …": wording's _INTENT reads that as done)
_GAP = (r"(?:\s+(?!(?:and|but|which|who|that|enabled|allowed|helped|managed|succeeded|led|forced|saw)\b)"
        r"[\w'-]+){0,8}?")
_AIMED = re.compile(
    r"\b(?:campaigns?|offensives?|operations?|push|bid|drive|efforts?|assaults?)\b" + _GAP +
    r"\s+(?:to|aim(?:s|ed|ing)?\s+to|(?P<noun>aim(?:s|ed|ing)?\s+at|with\s+the\s+aim\s+of)|seek(?:s|ing)?\s+to|"
    r"in\s+a\s+bid\s+to|in\s+order\s+to|meant\s+to|intended\s+to|designed\s+to)"
    # a verb follows, not a destination ("the push to the east of X")
    r"\s+(?:(?!(?:the|a|an|its|their|this|that|these|those|east|west|north|south)\b)(?-i:[a-z])[^.;:,]*)?$",
    re.IGNORECASE)
_PAST = re.compile(r"\w+(?:ed|ing)|took|retook|overran|drove|won|fought|struck|shot|hit|fell|came|entered",
                   re.IGNORECASE)
# "… and captured Y", "… and has taken Y": the sentence turns back to what happened
_DONE_AFTER = re.compile(r"\band\s+(?:\w+ly\s+)?(?:has|have|had|was|were|\w+ed|took|retook|overran|won|"
                         r"drove|seized|fought)\b|"
                         # "the campaign to eliminate ISIS began …": a finite verb ends the purpose
                         r"\b(?:began|begun|started|ended|is|are|was|were|has|have|had)\b", re.IGNORECASE)
# "to tighten their siege", "the monumental liberation of X": a noun is no verb of the purpose
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def aimed_at(s: str, start: int, end: int) -> re.Match[str] | None:
    """The purpose phrase ("offensive to regain … and"), when the event word at s[start:end] is a verb of
    what an offensive, operation or campaign was launched to do; else None."""
    words = s[start:end].split()
    m = _AIMED.search(s[max(0, start - 200):start])
    if not words or not m or _DONE_AFTER.search(m.group()) or _NOUN_BEFORE.search(m.group()):
        return None
    # "aimed at retaking", "with the aim of capturing": after these the purpose's verbs end in -ing
    if _PAST.fullmatch(words[0]) and not (m.group("noun") and words[0].casefold().endswith("ing")):
        return None
    return m
