"""Dates as datasets and the spreadsheets that re-save them write them.

ACLED has written `2017-06-30`, `30 June 2017` and `01-January-2015`; a spreadsheet re-saves them as
`9-May-20` or `30-Jun-17`, UCDP as `2017-06-30 00:00:00.000`. All of those are read without asking. A
date written with numbers alone (`05/09/2017`, `05.09.17`, `31-12-19`, with or without a time of day
after it: `10/03/2024 00:00:00`) is day-first in some files and
month-first in others: it is never guessed. A date that can only be read one way (`13/05/2017`) settles
the order for the rest of the file; a file whose first such date could be read either way is refused
whole, naming the column and asking for `--date-format`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ...write.records import RowError

NAMED_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %y",
                 "%d-%B-%y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
# A time of day after a date written with numbers, as a spreadsheet re-saves it: "10/03/2024 00:00:00"
_CLOCK = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?$")
_ISO_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


class DateOrderUnknown(ValueError):
    """A file's dates could be day-first or month-first: the whole file waits for --date-format."""


class DateOrder:
    """What the dates of one file have shown: day-first, month-first, or not yet known."""

    def __init__(self, date_format: str | None = None) -> None:
        self.date_format = date_format
        self.day_first: bool | None = None
        # The dates read in one of the unambiguous forms, as written: a file has a few thousand dates,
        # each on many rows, and what they mean depends on nothing else.
        self._named: dict[tuple[str, str], str] = {}

    def parse(self, value: str, column: str, line: int) -> str:
        """`value` as an ISO date, or RowError saying why not (DateOrderUnknown: the file is ambiguous)."""
        found = self._named.get((value, column))
        if found is not None:
            return found
        text = " ".join(value.split())
        if self.date_format:
            try:
                return dt.datetime.strptime(text, self.date_format).date().isoformat()
            except ValueError:
                pass  # a file may still mix in ISO or named dates
        numeric = _NUMERIC.fullmatch(_CLOCK.sub("", text))
        if numeric is None:
            found = named_date(text, column)
            if len(self._named) < 1 << 16:
                self._named[value, column] = found
            return found
        a, b, year = int(numeric[1]), int(numeric[3]), _year(numeric[4])
        readings = {first: _date(year, b, a) if first else _date(year, a, b) for first in (True, False)}
        possible = [first for first, date in readings.items() if date]
        if self.date_format or not possible:
            raise RowError(f"{column} {value!r} is not a date"
                           + (f" in the form {self.date_format}" if self.date_format else ""))
        if self.day_first is None:
            if len(possible) == 2:
                day, month = readings[True], readings[False]
                assert day and month
                sep, y = numeric[2], "%Y" if len(numeric[4]) == 4 else "%y"
                raise DateOrderUnknown(
                    f"{column} {value!r} (line {line}) could be {_either(day, month)}; rerun "
                    f"with --date-format %d{sep}%m{sep}{y} or %m{sep}%d{sep}{y}")
            self.day_first = possible[0]
        date = readings[self.day_first]
        if date is None:
            order = "day/month/year" if self.day_first else "month/day/year"
            raise RowError(f"{column} {value!r} is not a date in this file's order ({order})")
        return date


@lru_cache(maxsize=1 << 14)  # a file has a few thousand distinct dates, each on many rows
def named_date(text: str, column: str) -> str:
    """A date in one of the unambiguous forms (ISO, month named), with or without a time of day."""
    if timed := _ISO_TIME.fullmatch(text):
        text = timed[1]
    for fmt in NAMED_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise RowError(f"{column} {text!r} is not a date (2017-06-30, 30 June 2017, 30-Jun-17 …; "
                   "another form needs --date-format)")


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 69 else 1900) if len(text) == 2 else year


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _either(one: str, other: str) -> str:
    """`5 September or 9 May 2017`."""
    a, b = dt.date.fromisoformat(one), dt.date.fromisoformat(other)
    first = f"{a.day} {a:%B}" if a.year == b.year else f"{a.day} {a:%B %Y}"
    return f"{first} or {b.day} {b:%B %Y}"


def written_with_numbers(text: str) -> bool:
    """Whether a date is written with numbers alone (05/09/2017, 05.09.17, 31-12-19): what it means depends
    on the file."""
    return ("/" in text or "." in text or "-" in text) and \
        _NUMERIC.fullmatch(" ".join(text.split())) is not None
