"""When a sentence says its happening took place, resolved against the report's date.

Precisions: day (a date or a day named: "on Tuesday", "yesterday", "overnight", "earlier today"), week
("last week", "since Tuesday"), month ("in June", "last month"), year; "report" when the sentence gives
no time and the report's own date stands in.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_M = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?P<m1>{_M}),? (?P<y1>\d{{4}})|(?P<m2>{_M}) (?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,? (?P<y2>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?:on |On )(?:(?P<d3>\d{{1,2}})"
    rf"(?:st|nd|rd|th)? (?P<m3>{_M})|(?P<m4>{_M}) (?P<d4>\d{{1,2}})(?:st|nd|rd|th)?)(?!,? \d{{4}}))\b")
_DAY = "|".join(DAYS)
_WEEKDAY = re.compile(rf"\b(?P<since>since )?(?:(?:on|early on|late on|on early|last|this) )?"
                      rf"(?P<day>{_DAY})\b")
_RELATIVE = re.compile(r"\b(?P<w>yesterday|last night|overnight|earlier today|today|this morning|tonight|"
                       r"last week|this week|last month|over the last 24 hours|over the past 24 hours)\b",
                       re.IGNORECASE)
# "over the last few weeks": a period ending at the report's date, dated to the month most of it lies in
_SPAN = re.compile(r"\b(?:over|during|in|within)\s+the\s+(?:last|past)\s+"
                   r"(?P<n>few|several|couple of|two|three|four)\s+(?P<unit>weeks|days)\b", re.IGNORECASE)
# "in June", "in early December 2017" (a year written: that year's month)
IN_MONTH = re.compile(rf"\bin (?P<part>early |mid-|late )?(?P<m>{_M})(?: (?P<y>\d{{4}}))?\b(?! \d)")


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


def dates_in(text: str) -> list[str]:
    """The full dates a text writes out (day, month and year), as ISO dates."""
    out = []
    for m in _DATE.finditer(text):
        if m["iso"]:
            out.append(m["iso"])
        elif m["d1"] or m["d2"]:
            day = _day(m["y1"], m["m1"], m["d1"]) if m["d1"] else _day(m["y2"], m["m2"], m["d2"])
            if day:
                out.append(day.isoformat())
    return out


def resolve(sentence: str, report: str | None) -> tuple[str, str, str]:
    """(date, precision, why) of the happening a sentence states; the report's date when it says none."""
    base = dt.date.fromisoformat(report) if report else None
    full = dates_in(sentence)
    if full:
        return full[-1], "day", f"'{full[-1]}' written out"
    if base is None:
        return "", "unknown", "no date in the sentence or the report"
    for m in _DATE.finditer(sentence):
        month, day = (m["m3"], m["d3"]) if m["d3"] else (m["m4"], m["d4"])
        if month and day and (found := _day(str(base.year), month, day)):
            if found > base:
                found = _day(str(base.year - 1), month, day) or found
            return found.isoformat(), "day", f"'{m.group().strip()}' in the report's year"
    rel = _RELATIVE.search(sentence)
    if rel:
        word = rel["w"].lower()
        shift, precision = {"yesterday": (1, "day"), "last night": (1, "day"), "last week": (7, "week"),
                            "this week": (0, "week"), "last month": (30, "month")}.get(word, (0, "day"))
        return (base - dt.timedelta(days=shift)).isoformat(), precision, f"'{rel['w']}' from {report}"
    period = _SPAN.search(sentence)
    if period:
        if period["unit"].casefold() == "days":
            day = base - dt.timedelta(days=6)
            return day.isoformat(), "week", f"'{period.group()}': the week up to {report}"
        middle = base - dt.timedelta(days=14)
        return (middle.replace(day=1).isoformat(), "month", f"'{period.group()}': weeks up to {report}, "
                f"mostly in {MONTHS[middle.month - 1]} {middle.year}")
    wd = _WEEKDAY.search(sentence)
    if wd:
        back = (base.weekday() - DAYS.index(wd["day"])) % 7
        if wd.group().startswith("last") and back == 0:
            back = 7
        day = (base - dt.timedelta(days=back)).isoformat()
        if wd["since"]:
            return day, "week", f"'since {wd['day']}': between {day} and {report}"
        return day, "day", f"'{wd.group().strip()}': the last {wd['day']} up to {report}"
    month = IN_MONTH.search(sentence)
    if month:
        index = MONTHS.index(month["m"]) + 1
        year = int(month["y"]) if month["y"] else base.year if index <= base.month else base.year - 1
        return f"{year}-{index:02d}-01", "month", f"'{month.group()}'"
    return report or "", "report", "no time in the sentence: the report's date"
