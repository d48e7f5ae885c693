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
- A state that has lasted years: "has been besieged for more than four years".
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
_ON_DAY = re.compile(rf"\bon (?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:{_MS})\b(?!,? \d{{4}})"
                     rf"|\bon (?:{_MS}) \d{{1,2}}(?:st|nd|rd|th)?\b(?!,? \d{{4}})")
_REPORT_DAYS = re.compile(r"\b(?:today|yesterday|overnight|last night|this (?:morning|week)|tonight|"
                          r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.IGNORECASE)
_HABIT = re.compile(r"\b(?:regularly|routinely|repeatedly|frequently|habitually|usually)\b|"
                    r"\b(?:is|are|was|were)\s+(?:\w+\s+)?used\s+(?:\w+\s+)?to\s+(?:\w+\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:has|have|had)\s+since\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_YEARS = re.compile(r"\bfor\s+(?:more than |over |nearly |almost |about |some |at least )?\w+\s+years\b",
                    re.IGNORECASE)
# "The deal failed to materialize as …": the happenings after it are why it failed
_FAILED = re.compile(r"^\W*(?:The|A|That|This|Their|Its)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|truce|"
                     r"ceasefire|cease-fire|accord|plan|talks|negotiations)\s+(?:has\s+|had\s+)?(?:failed|collapsed|"
                     r"fell apart|broke down|stalled|faltered)\b[^,;]*?\s(?:as|because|since|when)\s",
                     re.IGNORECASE)
# "fighting which started again in early December 2017": when an ongoing fight began
_BEGAN = re.compile(r"\s+(?:which|that)\s+(?:has\s+|had\s+)?(?:started|began|begun|erupted|broke out|resumed|"
                    r"flared up|escalated)(?:\s+again)?\s+(?:in|on|since)\s+[^,;]{3,40}", re.IGNORECASE)


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
        end = start.replace(day=10) if part == "early" else start.replace(day=20) if part == "mid-" \
            else dt.date.fromisoformat(month_end(start.isoformat()))
        out.append((end, m.group()))
    return max(out) if out else None


def old_news(s: str, start: int, end: int) -> str | None:
    """Why the event word at s[start:end] is background by the last three rules above, or None."""
    opening = clause_start(s, start)
    cut = _CLAUSE_END.search(s, end)
    clause = s[opening:cut.start() if cut else len(s)]
    lead = s[opening:start]
    if _SINCE.search(lead):
        return f"background ('{_SINCE.search(lead).group().strip()}': a change since some past time)"
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
            return (f"background: '{s[c.start:c.end]} {began.group().strip()}', more than {OLD_DAYS} days "
                    f"before the report's {report}")
    return None

def drop_old(s: str, cues: list[Cue], report: str | None, every: list[Cue]) -> list[Cue]:
    """The event words that are not background by this module's rules (`every`: all the sentence's event
    words, the ones the wording rules set aside too: "fighting which started …" may be one of them)."""
    if _began_long_ago(s, every, report):
        return []
    # asides.py: causes, descriptions, definitions and civilians moving tell no happening of their own
    return drop_asides(s, [c for c in cues if old_news(s, c.start, c.end) is None])
