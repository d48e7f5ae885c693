"""Whether the wording states a happening at all (hypotheticals, intentions, negations, background).
Who says it and how sure (attribution, hedges, rumours, denials) is attribution.py's; its names are
re-exported here for the modules that import them from wording.
"""

from __future__ import annotations

import re

from .attribution import DENIAL, HEDGE, LATER_SOURCE, RUMOUR, Frame, frame
from .cues import Cue
from .purpose import aimed_at

__all__ = ["DENIAL", "HEDGE", "LATER_SOURCE", "RUMOUR", "Frame", "frame"]

_MODAL = re.compile(r"\b(?:may|might|could|would|will|shall|should|can|must|cannot|won't|wouldn't)\b"
                    r"(?:\s+\w+){0,6}\s*$", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}(?:may|might|could|would|will)\b", re.IGNORECASE)
_NOUN_MODAL = re.compile(r"^(?:\s+(?!and\b|but\b|which\b|that\b)[\w'-]+){0,7}\s+"
                         r"(?:may|might|could|would|will)\b", re.IGNORECASE)
_DONE_TIME = re.compile(r"\b(?:on (?:early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                        r"yesterday|earlier today|last night|on \d{1,2} \w+|on \w+ \d{1,2})\b", re.IGNORECASE)
_INTENT = re.compile(r"\b(?:(?P<done>managed|manged|succeeded|able|continu(?:e|es|ed)(?: on)?|began|started|"
                     r"went on|"
                     r"moved on|enabled(?: [\w-]+){1,4}?|allowed(?: [\w-]+){1,4}?|"
                     r"proceeded|claimed|claims|claiming|came|forced|compelled|obliged|"
                     r"used(?: \w+){0,4})\s+|(?P<order>first|"
                     r"second|third|"
                     r"fourth|fifth|last|"
                     r"latest)(?:\s+[\w-]+){0,5}?\s+)?to(?:\s+be)?\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "in preparation for an offensive", "the target is to … liberate X", "aims to continue … and liberate X"
_PURPOSE = re.compile(
    r"(?:\b(?:in preparation for|preparations? for|ahead of|in anticipation of|plans? for)"
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$|\b(?:campaign|offensive|operation|push|bid|drive|efforts?)\s+to\s+(?:\w+ly\s+)?$|"
    r"\b(?:target|aim|goal|plan|objective|intention) "
    r"is to\s[^.;]*$|\b(?:is|are|aims?|plans?|intends?|seeks?|order|wants?|hopes?|expected) "
    r"to\s+\w+(?:\s+[\w-]+){0,6}\s+and\s+$|\bfor\s+(?:a|an|the)\s+(?:final|new|major|large-scale|upcoming|"
    r"expected|planned|future|possible|decisive)\s+$)", re.IGNORECASE)
# "deny any retreats": a blanket denial states no happening ("denied losing X" stays a disputed claim)
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed)|dismiss(?:es|ed)?)\s+(?:any|all)\s+"
                     r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "by this advance", "that attack": a happening told before, named again
# "told DPA that fierce clashes are ongoing": a saying verb's "that" introduces, it does not point back
_SAID_THAT = re.compile(r"\b(?:said|says|told(?:\s+[\w-]+){0,3}|reported|added|stated|announced|claimed|"
                        r"confirmed|saying|adding)\s+that\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:which|who|formed|founded|established|created|set up)\b[^,;]*,")
_ANAPHOR = re.compile(r"\b(?:this|that|these|those|the same|such)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_LISTING = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:are|were|include|included|(?:can be |were |are )?"
                      r"(?:identified|listed|named) as)\s*:", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not(?! only)|never|no|n't|neither|nor|without|fail(?:s|ed)? to|unable to)\b"
                       r"|\b(?:rare|rarely|seldom)\b", re.IGNORECASE)
_RARE = re.compile(r"\b(?:rare|rarely|seldom|never)\b", re.IGNORECASE)
_OPINION = re.compile(r"\b(?:believes?|believed|it appears|appears to|seems?|expect(?:s|ed|ing)?|thought to|"
                      r"possibility|predict(?:s|ed)?|estimates?|fears?|warn(?:s|ed)|hopes?)\b", re.IGNORECASE)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "once more", "once again": a repetition now, not a former state
_BACKGROUND = re.compile(r"\b(?:previously|formerly|once(?!\s+(?:more|again)\b)|turning points?|milestones?|"
                         r"(?:has|have|had) long|"
                         r"for years|over the past "
                         r"(?:\w+ )?(?:year|years|months|decade)|in recent (?:weeks|months|years)|"
                         r"recently|"
                         r"earlier this year|last year|since the (?:end|start|beginning) of|"
                         r"last " + _MONTH + r"|"
                         r"over the same period|"
                         r"since then|so far this year|since the (?:launch|start|beginning)|"
                         # "in the past 24 hours", "in the past few days": the report's own period
                         r"in the past(?!\s+(?:\d+|few|several|two|three|four|five|six|seven)?\s*"
                         r"(?:hours|days|day|week|night))|"
                         r"a total of|in total|to date|(?:has|have|had) been \w+ing since|"
                         r"since (?:early |late |mid-)?"
                         r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December))\b", re.IGNORECASE)
_EVENT_NOUN = r"(?:the\s+)?(?:liberation|capture|fall|advance|offensive|attack|assault|push)(?:\s+of)?"
# "the capture of the city is imminent": a happening to come
_IMMINENT = re.compile(r"^[^,;.]{0,80}?\b(?:is|are|seems?|appears?)\s+(?:now\s+|very\s+)?(?:imminent|"
                       r"close at hand|only a matter of time)\b", re.IGNORECASE)
# "an AFP journalist entered the city with SDF fighters": a reporter's or a civilian's movement
_NON_COMBATANT = re.compile(r"\b(?:journalists?|reporters?|correspondents?|photographers?|"
                            r"camera ?(?:man|men|crews?)|civilians|residents|families|refugees|"
                            r"displaced(?: people)?|aid convoys?)\s+"
                            r"(?:(?:have|has|had|were|was|also|finally)\s+)*$", re.IGNORECASE)
# "Reports that the SDF retook the hospital are false": the writer denies what the reports say
_FALSE_REPORT = re.compile(r"\b(?:reports?|claims?|rumou?rs?|allegations?)\s+(?P<said>that)\b[^;]*?\s"
                           r"(?P<verdict>(?:is|are|was|were)\s+(?:completely\s+|totally\s+)?(?:false|untrue|"
                           r"baseless|fabricated|unfounded|incorrect|fake))\b", re.IGNORECASE)
# "Since Russia entered the war in September, regime forces made advances …": a period's summary
_SINCE_LEAD = re.compile(r"^\W*Since\s[^;]{0,80}?\b(?:in\s+)?(?:early |late |mid-)?" + _MONTH + r"\b",
                         re.IGNORECASE)
# "driven out in March 2016", "since mid-2014": a stated year before the report's is background
_YEAR = re.compile(r"\b(?:in|since|by|from)\s+(?:(?:early|late|mid)[- ])?(?:" + _MONTH +
                   r"\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d\d)\b")
_CAUSE = re.compile(r"\b(?:after|following|amid)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                    r"several|a few|many)\s+)?(?:weeks|days|months|years|hours)\s+of\s+"
                    r"(?:[\w-]+\s+){0,5}$|"
                    r"\b(?:(?:after|following)(?:\s+\w+ing\s+(?:in|with))?|amid|during|from|"
                    r"(?:killed|wounded|injured|died|dead|lost) in)\s+(?:(?:a|an|the|about|"
                    r"fierce|heavy|violent|deadly|significant|recent|rapid|major|successful|latest|swift|big|"
                    r"intense|weeks? of|days? of|months? of|a week of|some|several|ongoing)\s+)*$",
                    re.IGNORECASE)
# "Under a deal reached …, X was to …": the terms of a deal, not what happened
_CUT = re.compile(r"^\s*Under (?:a|an|the) (?:[\w-]+\s+){0,3}?(?:deal|agreement|accord|memorandum|truce)\b|"
                  r"\b(?:that|which) (?:was|were|is|are|had been|has been) (?:once|long|previously|formerly)|"
                  r"\bpav(?:e|es|ed|ing) the way|\bin order to|\bso (?:as )?to\b|"
                  # what a happening prepares is to come: "lays the ground for further advances"
                  r"\b(?:lay|lays|laid|laying) the (?:ground(?:work)?|foundations?) for|"
                  r"\bset(?:s|ting)? the (?:stage|scene) for|"
                  r"\bopen(?:s|ed|ing)? the (?:way|door|road) (?:for|to)|"
                  # "While the army was busy fighting rebels in X, …": the clause sets the scene
                  r"^\W*(?:While|Whilst)\s[^,;]*\b(?:was|were|is|are|had been|has been)\s[^,;]*$",
                  re.IGNORECASE)
# a line that introduces a quotation: "The statement included:", "The ministry said:", "It read as follows:"
STATEMENT = re.compile(r"\b(?:said|says|stated|states|added|included|includes|read|reads|announced|declared|"
                       r"wrote|writes|follows|following)\s*:\s*[\"“]?$", re.IGNORECASE)
# "Furthermore, in order to expand their areas, the army attacked X": a fronted purpose ends at its comma
_FRONTED_PURPOSE = re.compile(r"^\W*(?:[\w-]+,\s*)?(?:in order|so as) to\b[^,;]*,"
                              r"(?![^,;]*\b(?:in order|so as) to\b)", re.IGNORECASE)
RELATIVE = re.compile(r"\s(?:that|which|who|where|when)\s")
CUT = _CUT
BOUNDARY = re.compile(r"[;:]|,|(?<!all)\sbut\s|\s(?:while|whereas|as|and|after|before)\s|\s[–—]\s")


def word_is_attempt(s: str, at: int) -> bool:
    return bool(re.search(r"\b(?:attempted|attempting|attempts|tried|trying|tries)\s+to\s+(?:\w+ly\s+)?$",
                          s[:at], re.IGNORECASE))


def clause_start(s: str, at: int) -> int:
    """Where the clause holding position `at` begins."""
    starts = [m.end() for m in BOUNDARY.finditer(s, 0, at)]
    return starts[-1] if starts else 0


def not_a_happening(s: str, start: int, end: int, kind: str, report_year: int | None,
                    rumour: bool) -> str | None:
    """Why the event word at s[start:end] states no happening (hypothetical, intention, negation,
    opinion, background), or None when it does."""
    clause = s[clause_start(s, start):start]
    near = s[max(0, start - 60):start]
    cut = _CUT.search(s[:start])
    if cut and not _FRONTED_PURPOSE.match(s[:start]):
        return f"after '{cut.group()}': background"
    if _IMMINENT.match(s[end:]) and re.fullmatch(_EVENT_NOUN, s[start:end], re.IGNORECASE):
        return f"to come ('{_IMMINENT.match(s[end:]).group().strip()}')"
    false = _FALSE_REPORT.search(s)
    if false and false.start("said") <= start < false.start("verdict"):
        return f"denied by the writer ('{false.group('verdict')}')"
    modal = _MODAL.search(clause) or _MODAL_AFTER.match(s[end:]) or (
        # "The liberation of X from ISIS will free up …": an event noun that is a future's subject
        re.fullmatch(r"(?:the\s+)?(?:liberation|capture|fall|advance|offensive|attack|assault|push)(?:\s+of)?",
                     s[start:end],
                     re.IGNORECASE) and _NOUN_MODAL.match(s[end:]))
    # "If Syrian forces capture all of east Aleppo, …": a condition states nothing that happened
    modal = modal or re.search(r"(?:^|[,;:]\s*|\bthat\s+)(?:if|unless|even if)\s[^,;]*$", s[:start],
                               re.IGNORECASE)
    if modal and not rumour:
        if re.search(r"\bcould\b", modal.group(), re.IGNORECASE) and _DONE_TIME.search(s):
            pass  # "could capture on Saturday": managed to
        else:
            return f"hypothetical ('{modal.group().strip()}')"
    if re.match(r"los|fall", s[start:end], re.IGNORECASE) and re.fullmatch(
            r"\W*(?:After|Since|Following|Having)\s+(?:the\s+)?", s[:start], re.IGNORECASE):
        return "background: a loss restated as the occasion of what follows ('After losing X, …')"
    if kind == "advance" and _NON_COMBATANT.search(near):
        return f"'{_NON_COMBATANT.search(near).group().strip()}' moved: no side advanced"
    if _DENIED.search(near):
        return f"denied ('{_DENIED.search(near).group().strip()}')"
    if _ANAPHOR.search(near) and not _SAID_THAT.search(near) and re.fullmatch(
            r"advance|attack|assault|offensive|operation|capture|liberation|push|battle|fighting|clashes",
            s[start:end], re.IGNORECASE):
        return f"'{_ANAPHOR.search(near).group().strip()} {s[start:end]}' names a happening told before"
    if re.search(r"\b(?:the|a|an|its|their|newly|recently|already)\s+(?:\w+ly\s+)?$", near,
                 re.IGNORECASE) and \
            re.fullmatch(r"\w+ed", s[start:end]) and not _LISTING.match(s[end:]):
        return f"'{s[start:end]}' describes, it does not report"
    side_noun = re.match(r"\s+(?:forces|troops|units|fighters|militants|army|columns?)\b", s[end:],
                         re.IGNORECASE)
    if side_noun and re.fullmatch(r"\w+ing", s[start:end]) and \
            re.search(r"\b(?:the|its|their|an?)\s+$", near, re.IGNORECASE):
        return f"'the {s[start:end]} forces' names a side, it does not report"
    if re.fullmatch(r"surrounding", s[start:end], re.IGNORECASE) and re.search(
            r"\b(?:areas?|regions?|villages?|towns?|countryside|the|in)\s+$", near, re.IGNORECASE):
        return "'surrounding' locates here ('the area surrounding X')"
    if re.search(r"\bthe\s+(?:\w+\s+)?$", near, re.IGNORECASE) and re.match(
            r"\s+(?:came|comes|was|were|is|are|has|have|had|marks?|marked|closed|opened|follows?|followed)\b",
            s[end:]) and re.fullmatch(r"\w+s|capture|advance|offensive|attack|assault", s[start:end]):
        return f"'the {s[start:end]}' names a happening told elsewhere"
    intent = _INTENT.search(near)
    if word_is_attempt(s, start):
        intent = None  # "attempted to regain X": the attempt happened (the extractor makes it an attack)
    if intent and not intent.group("done") and not intent.group("order") and not rumour:
        return f"intention ('{intent.group().strip()} …')"
    purpose = _PURPOSE.search(s[max(0, start - 120):start]) or aimed_at(s, start, end)
    if purpose and not rumour:
        return f"intention ('{purpose.group().strip()}')"
    if re.fullmatch(r"surrounded|encircled|besieged", s[start:end], re.IGNORECASE) and \
            re.search(r"\b(?:pocket|enclave|area|region|territory)\s+$", near, re.IGNORECASE):
        return "'a pocket surrounded by …' describes a state"
    if re.fullmatch(r"surrounded|encircled|besieged|boxed in", s[start:end], re.IGNORECASE) and re.match(
            r"\s+(?:on all sides\s+)?by\s+(?:[\w-]+\s+){0,3}?(?:territory|territories|areas|lands?|"
            r"mountains|hills|desert|regions?)\b", s[end:], re.IGNORECASE):
        return "'encircled by … territory' describes a state"
    after = BOUNDARY.search(s, end)
    rest = s[end:end + 80]
    if re.search(r"\bsearch(?:ed|es|ing)?\b", s[start:]) and \
            re.search(r"\b(?:houses|homes|buildings)\b", rest):
        return "a search of houses, not fighting"
    negation = _NEGATION.search(clause) or _RARE.search(s[start:after.start() if after else len(s)])
    if negation:
        return f"negation ('{negation.group()}')"
    if _OPINION.search(clause):
        return f"opinion or expectation ('{_OPINION.search(clause).group()}')"
    after = BOUNDARY.search(s, end) or None
    relative = RELATIVE.search(s, end)
    if relative and (after is None or relative.start() < after.start()):
        after = relative
    region = s[:after.start() if after else len(s)]  # up to the end of the event word's clause
    # "The alliance, formed last year by …, fought …": an aside on the side dates the side, not the happening
    region = _ASIDE.sub(lambda m: " " * len(m.group()) if m.end() <= start else m.group(), region)
    year = next((int(y) for y in _YEAR.findall(region) if report_year and int(y) < report_year), None)
    background = _BACKGROUND.search(region) or _SINCE_LEAD.match(region)
    if year:
        return f"background (in {year})"
    if background and not _recent_news(s, background, start) and not _still_on(s, background):
        return f"background ('{background.group()}')"
    nominal = kind == "clashes" or (kind in ("airstrike", "shelling")
                                    and not re.search(r"(?:ed|ing)$", s[start:end])) or \
        bool(re.fullmatch(r"advances|offensives?|attacks|assaults", s[start:end], re.IGNORECASE))
    if nominal and _CAUSE.search(near):
        if re.search(r"\b(?:killed|wounded|injured|died|dead|lost) in\s+(?:\w+\s+){0,2}$", near,
                     re.IGNORECASE):
            return TOLL_ONLY  # "six soldiers were killed in clashes": the fighting, unless told otherwise
        # "they are amid fierce battles in X", "announced the killing of 33 … during battles in X": the
        # fighting, when nothing else happened (not a caption's "smoke rising … during fighting")
        amid = re.search(r"\b(?:is|are|was|were)\s+(?:now\s+|still\s+)?amid\s+(?:\w+\s+){0,2}$", near,
                         re.IGNORECASE)
        during = re.search(r"\bduring\s+(?:\w+\s+){0,2}$", near, re.IGNORECASE) and \
            re.search(r"\bkill(?:ed|ing)\b", s[:start])
        if kind == "clashes" and (amid or during):
            return TOLL_ONLY
        return "how another happening came about ('after … clashes'), not another happening"
    return None


# "fighting has been ongoing since then", "clashes have raged since": a happening still going on is news
_STILL_ON = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:ongoing|continu(?:ed|ing)|rag(?:ed|ing)|under\s?way|"
                       r"going\s+on|persisted)\s+(?:since\b.*)?$", re.IGNORECASE)


def _still_on(s: str, background: re.Match[str]) -> bool:
    """ "fighting has been ongoing since then": the happening goes on at the report's time (not "had")."""
    return bool(_STILL_ON.search(s[:background.start()]) or _STILL_ON.fullmatch(background.group())
                or _STILL_ON.search(s[:background.end()]))


def _recent_news(s: str, background: re.Match[str], start: int) -> bool:
    """ "where it recently retook a major crossing": "recently" before a verb in the simple past dates news;
    after an auxiliary ("have made advances recently", "was recently killed") it sums up what came before."""
    return background.group().casefold() == "recently" and background.end() <= start and \
        not s[background.end():start].strip() and \
        not re.search(r"\b(?:has|have|had|was|were|is|are|been)\s+$", s[:background.start()], re.IGNORECASE)


# "After ousting ISIS from X, the SDF will move …": a clause leading into a future is itself to come
_LEAD_IN = re.compile(r"^\s*(?:After|Before|Once|Upon)\s+[\w-]+ing\b[^,;]*,"
                      r"(?=\s+(?:[\w'-]+\s+){0,6}?(?:will|would|is expected to|are expected to|plans? to|"
                      r"intends? to)\b)")


TOLL_ONLY = "the toll of a happening ('killed in clashes')"


def stated(s: str, cues: list[Cue], year: int | None, rumour: bool) -> list[Cue]:
    return stated_or_toll(s, cues, year, rumour)[0]


def stated_or_toll(s: str, cues: list[Cue], year: int | None, rumour: bool) -> tuple[list[Cue], bool]:
    """The event words that state a happening. Verbs joined by "and" share their modality ("will be
    liberated and cleared"), and a lead-in clause shares its main clause's future. Fighting named only as
    where a toll came from ("killed in clashes in X") is the happening when the sentence states no other
    (then the flag is True: only a named place can hold it)."""
    lead = _LEAD_IN.match(s)
    out: list[Cue] = []
    tolls: list[Cue] = []
    for i, c in enumerate(cues):
        if lead and c.end <= lead.end():
            continue
        joined = i > 0 and re.fullmatch(r"\s+and\s+(?:\w+ly\s+)?", s[cues[i - 1].end:c.start])
        if joined and cues[i - 1] not in out:
            continue
        why = not_a_happening(s, c.start, c.end, c.type, year, rumour)
        if not why:
            out.append(c)
        elif why == TOLL_ONLY:
            tolls.append(c)
    return (out, False) if out else (tolls[:1], bool(tolls))
