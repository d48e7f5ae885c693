"""Background the wording rules (wording.py) let through, read against the report's date.

- An ongoing fight told by when it began: an event word with a relative clause "which started (again)
  in early December 2017" (began, erupted, broke out, resumed, flared up) whose time ended more than
  OLD_DAYS before the report's date. The sentence is that fight's history: its causes ("due to a new
  attack") and its consequences ("far from the violent shelling") are background with it. (A happening
  merely dated in the past is not: reports recap what they count as events with their dates — "had
  besieged … after securing X on December 17" — and those keep their date.)
- Habitual: "is used regularly to shell", "have repeatedly fired": what a side does, not what it did —
  unless the sentence names a day.
- "has since been destroyed": a change since some past time, told as background.
- A standing siege told of a place: "the city that has been encircled by SDF forces", "a town which had
  been besieged": a relative clause saying what state a place is in, not a happening.
- A state that has lasted years: "has been besieged for more than four years".
- A past year framing the sentence: "In August 2014, the groups overran X": an opening time phrase naming a
  year before the report's frames all the sentence tells.
- A relative clause dating the same change: "lost X to insurgents who took over in 2015", "fell to rebels
  that stormed it in 2012": the clause's subject is the side the word names (the pronoun is followed by its
  verb, not by another side's name) and it dates the change to a year before the report's.
- Months or years ago: "began over a year ago after the liberation of X", "after driving rebels from X
  earlier this year": a sentence dated months back outside its relative clauses is history — unless
  it names a day.
- A fight that has gone on for weeks: "have been battling for weeks to reach X", "have been fighting in X for
  the past fifty days": the course of a campaign, not a day's happening — unless the sentence names a day.
- Why an agreement failed: "The deal failed to materialize as the HTS expanded in Idlib and started
  attacks": what follows the failure's "as"/"because" explains it — unless the sentence names a day.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import month_end
from .asides import drop_asides
from .cues import Cue
from .when import IN_MONTH, MONTHS, dates_in, resolve
from .wording import clause_start

OLD_DAYS = 7  # a happening dated more than a week before the report is not its news
_CLAUSE_END = re.compile(r"[;:,]|\s(?:but|while|whereas)\s|\s[–—]\s")
_MS = "|".join(MONTHS)
_ON_DAY = re.compile(
    rf"\bon (?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:{_MS})\b(?!,? \d{{4}})"
    rf"|\bon (?:{_MS}) \d{{1,2}}(?:st|nd|rd|th)?\b(?!,? \d{{4}})"
)
_REPORT_DAYS = re.compile(
    r"\b(?:today|yesterday|overnight|last night|this (?:morning|week)|tonight|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.IGNORECASE,
)
_HABIT = re.compile(
    r"\b(?:regularly|routinely|repeatedly|frequently|habitually|usually)\b|"
    r"\b(?:is|are|was|were)\s+(?:\w+\s+)?used\s+(?:\w+\s+)?to\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:has|have|had)\s+since\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_YEARS = re.compile(
    r"\bfor\s+(?:more than |over |nearly |almost |about |some |at least )?\w+\s+years\b", re.IGNORECASE
)
# "The deal failed to materialize as …": the happenings after it are why it failed
_FAILED = re.compile(
    r"^\W*(?:The|A|That|This|Their|Its)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|truce|"
    r"ceasefire|cease-fire|accord|plan|talks|negotiations)\s+(?:has\s+|had\s+)?(?:failed|collapsed|"
    r"fell apart|broke down|stalled|faltered)\b[^,;]*?\s(?:as|because|since|when)\s",
    re.IGNORECASE,
)
# "fighting which started again in early December 2017": when an ongoing fight began
_BEGAN = re.compile(
    r"\s+(?:which|that)\s+(?:has\s+|had\s+)?(?:started|began|begun|erupted|broke out|resumed|"
    r"flared up|escalated)(?:\s+again)?\s+(?:in|on|since)\s+[^,;]{3,40}",
    re.IGNORECASE,
)
# "In August 2014, …", "In early 2015, …": the sentence's opening time phrase, with a year
_OPENING_YEAR = re.compile(
    rf"^\W*(?:In|By|During)\s+(?:(?:early|late|mid)[- ]?)?(?:(?:{_MS})\s+)?"
    r"(?:\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\b"
)
# "… to insurgents who took over in 2015": the pronoun, its own verb, and a year in the same clause
_DATED_BY = re.compile(
    r"\s(?:who|which|that)\s+(?:had\s+|has\s+|have\s+)?(?:first\s+|later\s+)?"
    r"[a-z]+(?:ed|ok|an|ew|ose|ught|ized|ured)"
    rf"\b[^,;.]{{0,50}}?\bin\s+(?:(?:early|late|mid)[- ]?)?(?:(?:{_MS})\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b"
)
_NUMBER = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
    r"several|many|a few)"
)
# "have been battling for weeks", "for the past fifty days": a perfect progressive lasting over a week
_WEEKS = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:\w+\s+){0,2}?\w+ing\b[^;.]{0,90}?\bfor\s+(?:the\s+)?"
    rf"(?:past\s+|last\s+|more than\s+|over\s+|nearly\s+|almost\s+)?(?:{_NUMBER}\s+)?"
    r"(?P<unit>weeks|months|days)\b",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"\b(?:(?:over|more than|nearly|almost|about|some)\s+)?(?:a|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|several|many|a few|\d+)\s+(?:years?|months?)\s+ago\b|\bearlier\s+this\s+year\b|"
    r"\blast\s+year\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r"\s(?:where|which|who|whom|whose)\s[^;,.]*")
_STANDING = re.compile(
    r"\b(?:that|which)\s+(?:has|have|had)\s+(?:long\s+|already\s+)?been\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_FEW = re.compile(r"\b(?:\d|two|three|four|five|six|seven|a few|several)\s+days$", re.IGNORECASE)


def _ended(text: str, report: dt.date) -> tuple[dt.date, str] | None:
    """The latest day a time written in `text` can end on (a date; a month, its early/mid/late part), and
    the words; None when it writes none."""
    out: list[tuple[dt.date, str]] = []
    out += [(dt.date.fromisoformat(d), d) for d in dates_in(text)]
    for m in _ON_DAY.finditer(text):
        day, _, _ = resolve(m.group(), report.isoformat())
        out.append((dt.date.fromisoformat(day), m.group()))
    for m in IN_MONTH.finditer(text):
        start = dt.date.fromisoformat(resolve(m.group(), report.isoformat())[0])
        part = (m["part"] or "").strip()
        end = (
            start.replace(day=10)
            if part == "early"
            else start.replace(day=20)
            if part == "mid-"
            else dt.date.fromisoformat(month_end(start.isoformat()))
        )
        out.append((end, m.group()))
    return max(out) if out else None


def old_news(s: str, start: int, end: int) -> str | None:
    """Why the event word at s[start:end] is background by the last three rules above, or None."""
    opening = clause_start(s, start)
    cut = _CLAUSE_END.search(s, end)
    clause = s[opening : cut.start() if cut else len(s)]
    lead = s[opening:start]
    if _SINCE.search(lead):
        return f"background ('{_SINCE.search(lead).group().strip()}': a change since some past time)"
    if _STANDING.search(s[:start]) and re.match(
        r"(?:encircled|besieged|surrounded|blockaded)\b", s[start:end]
    ):
        return "background (a relative clause telling a place's standing siege)"
    if (habit := _HABIT.search(lead)) and not _REPORT_DAYS.search(s):
        return f"background ('{habit.group().strip()}': what a side does, not what it did)"
    if years := _YEARS.search(clause):
        return f"background ('{years.group()}': a state that has lasted years)"
    if (failed := _FAILED.match(s)) and start >= failed.end() and not _REPORT_DAYS.search(s):
        return f"background ('{failed.group().strip()} …': why an agreement failed)"
    return None


def _began_long_ago(s: str, cues: list[Cue], report: str | None) -> str | None:
    """Why the sentence is an ongoing fight's history (the first rule of the module docstring), or None."""
    if report is None:
        return None
    day = dt.date.fromisoformat(report)
    for c in cues:
        began = _BEGAN.match(s, c.end)
        if not began or _REPORT_DAYS.search(began.group()):
            continue
        written = _ended(began.group(), day)
        if written and (day - written[0]).days > OLD_DAYS:
            return (
                f"background: '{s[c.start : c.end]} {began.group().strip()}', more than {OLD_DAYS} days "
                f"before the report's {report}"
            )
    return None


def _past_year(s: str, cues: list[Cue], report: str | None) -> list[Cue]:
    """The event words not framed or dated by a year before the report's (the docstring's second and third
    rules)."""
    if report is None or _REPORT_DAYS.search(s):
        return cues
    year = int(report[:4])
    opening = _OPENING_YEAR.match(s)
    if opening and int(opening["y"]) < year:
        return []
    keep = []
    for c in cues:
        cut = _CLAUSE_END.search(s, c.end)
        dated = _DATED_BY.search(s[: cut.start() if cut else len(s)], c.end)
        if dated is not None and int(dated["y"]) < year:
            continue
        keep.append(c)
    return keep


def _long_ago(s: str) -> bool:
    """Whether the sentence dates what it tells months or years back (the docstring's fifth rule); a
    relative clause ("… villages where ISIS killed dozens 3 years ago") dates only its own words."""
    if _REPORT_DAYS.search(s):
        return False
    return bool(_AGO.search(_RELATIVE_CLAUSE.sub(" ", s)))


def _for_weeks(s: str) -> str | None:
    """Why the sentence tells a campaign's course (the docstring's fourth rule), or None."""
    weeks = _WEEKS.search(s)
    if weeks is None or _REPORT_DAYS.search(s) or _FEW.search(s[: weeks.end()]):
        return None
    return f"background ('{weeks.group().strip()}': a fight that has gone on for weeks)"


def drop_old(s: str, cues: list[Cue], report: str | None, every: list[Cue]) -> list[Cue]:
    """The event words that are not background by this module's rules (`every`: all the sentence's event
    words, the ones the wording rules set aside too: "fighting which started …" may be one of them)."""
    if _began_long_ago(s, every, report) or _for_weeks(s):
        return []
    if _long_ago(s):
        return []
    cues = _past_year(s, cues, report)
    # asides.py: causes, descriptions, definitions and civilians moving tell no happening of their own
    return drop_asides(s, [c for c in cues if old_news(s, c.start, c.end) is None])
