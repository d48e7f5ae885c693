"""The report's own date, read off the page when the user gives none, and the date stamps glued to its text.

Pages carry their date in many shapes: a stamp line ("Sun Apr 10, 2016 17:49:14", "11.06.2017 12:42",
"Updated 12:43 GMT, 15.03.2017", "15 March 2017 | 10:21", "Publish Date : 15 July 2018 - 21:36"), a
stamp glued to the first sentence (" date 2018-01-10 After liberating …"), a wire's dateline ("DAMASCUS,
May 13 (Xinhua) --"). The rule, in order:
1. the first reporting sentence's dateline when it names a day and month: the day the story was filed,
   which its "on Monday" is written against (its year from the page's stamp, else the text's dates);
2. the first full date in the page's head (the lines before the first reporting sentence, and that
   sentence's own stamp), a stamp marked "updated" only when no other is there;
3. the latest full date the text writes out anywhere;
else none (`sitroom ingest` then asks for --date). The date given always wins (extract.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .when import MONTHS, dates_in

if TYPE_CHECKING:
    from .sentences import Sentence

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+"
_TIME = r"\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|AMT|[Ll]ocal [Tt]ime))?"
_DAY_FIRST = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
_MONTH_FIRST = rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
_NUMERIC = r"(?P<iso>\d{4}-\d\d-\d\d)|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})"
_DATE = rf"(?:{_WEEKDAY})?(?:{_DAY_FIRST}|{_MONTH_FIRST}|{_NUMERIC})"
_ONE_DATE = re.compile(rf"\b{_DATE}\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated?|modified|edited)\b", re.IGNORECASE)
# a page's stamp before the first words of a sentence: a label, a time, the date, a time, a separator
STAMP = re.compile(
    rf"^\s*(?:(?:date|updated|last updated|published|posted|publish(?:ed)? date|publication date)"
    rf"(?:\s+(?:on|in|at))?\s*:?\s*)?(?:{_TIME}\s*[,|–-]?\s*)?{_DATE}(?:\s*[,|–-]?\s*{_TIME})?\s*[|;,–-]?\s+"
    r"(?=[\"“‘']?[A-Z])", re.IGNORECASE)
# "DAMASCUS, May 13 (Xinhua) --", "BEIRUT, Feb. 9 –": the dateline's day and month
_FILED = re.compile(rf"\b(?:(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))\b"
                    r"(?!,?\s*\d{4})", re.IGNORECASE)
_CLOCK = re.compile(_TIME)


def _month(word: str) -> int:
    word = word.rstrip(".").casefold()[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.casefold().startswith(word))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def page_dates(line: str) -> list[str]:
    """The full dates a line of a page writes, in any of its shapes ("Sun Apr 10, 2016", "15.03.2017"),
    as ISO dates."""
    out = []
    for m in _ONE_DATE.finditer(line):
        if m["iso"]:
            day = m["iso"] if _iso(*map(int, m["iso"].split("-"))) else None
        elif m["d3"]:  # numeric dates on these pages are day first ("11.06.2017")
            day = _iso(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        elif m["d1"]:
            day = _iso(int(m["y1"]), _month(m["m1"]), int(m["d1"]))
        else:
            day = _iso(int(m["y2"]), _month(m["m2"]), int(m["d2"]))
        if day:
            out.append(day)
    return out


def _stamp_line(line: str) -> bool:
    """A line that is a date stamp, perhaps with a byline or place ("Li Jiayao / 2019-05-14 02:05:58"),
    not a caption or headline that mentions a date ("A picture taken on July 16, 2017 shows …")."""
    rest = _CLOCK.sub(" ", _ONE_DATE.sub(" ", line))
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 8


def _filed(dateline: str, year_of: str | None) -> str | None:
    """The day a dateline names ("DAMASCUS, May 13 (Xinhua) --"), in the year of the page's date, or the
    year before when the day would fall more than a day after it."""
    m = _FILED.search(dateline)
    if not m or year_of is None:
        return None
    month, day = _month(m["m"] or m["m2"]), int(m["d"] or m["d2"])
    base = dt.date.fromisoformat(year_of)
    found = _iso(base.year, month, day)
    if found and dt.date.fromisoformat(found) > base + dt.timedelta(days=1):
        found = _iso(base.year - 1, month, day)
    return found


def report_date(text: str, said: list[Sentence]) -> tuple[str | None, str]:
    """The report's date read off the page, and where it came from (the module docstring's rule)."""
    head: list[tuple[str, str]] = []  # (date, the words it was read from)
    updated: list[tuple[str, str]] = []
    dateline = ""
    for s in said:
        lines = [s.literal or s.text] if s.headline else [s.dateline]
        for line in (x for x in lines if STAMP.match(x) or _stamp_line(x)):
            for day in page_dates(line):
                (updated if _UPDATED.search(line) else head).append((day, line.strip()))
        if not s.headline:
            dateline = s.dateline
            break
    every = dates_in(" ".join(text.split()))
    anchor = (head or updated or [(max(every), "")] if every else head or updated)
    if dateline and (filed := _filed(dateline, anchor[0][0] if anchor else None)):
        return filed, f"the dateline '{dateline}'"
    if head or updated:
        day, words = (head or updated)[0]
        return day, f"the page's date stamp '{words[:60]}'"
    if every:
        return max(every), "the latest date the text writes out"
    return None, "none on the page"
