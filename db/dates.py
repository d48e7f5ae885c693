"""Calendar arithmetic on ISO dates and months ('2017-06-30', '2017-06'): the one place it is done."""

from __future__ import annotations

import datetime as dt


def month_index(month: str) -> int:
    """Months since year 0 of '2017-06' (or of a date '2017-06-30'): consecutive months differ by 1."""
    year, mon = int(month[:4]), int(month[5:7])
    return year * 12 + mon - 1


def month_of_index(index: int) -> str:
    year, mon = divmod(index, 12)
    return f"{year:04d}-{mon + 1:02d}"


def month_after(month: str) -> str:
    return month_of_index(month_index(month) + 1)


def month_before(month: str) -> str:
    return month_of_index(month_index(month) - 1)


def month_end(date: str) -> str:
    """The last day of the month of `date` ('2017-06-12' or '2017-06' → '2017-06-30')."""
    year, mon = int(date[:4]), int(date[5:7])
    following = dt.date(year, 12, 31) if mon == 12 else dt.date(year, mon + 1, 1) - dt.timedelta(days=1)
    return following.isoformat()
