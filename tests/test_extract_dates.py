"""Relative dates resolved against the report's date, with their precision."""

from __future__ import annotations

import pytest
from sitroom.db.reports.when import resolve

REPORT = "2017-07-04"  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("The SAA captured Resafa on 28 June 2017.", "2017-06-28", "day"),
        ("The SAA captured Resafa on June 28, 2017.", "2017-06-28", "day"),
        ("On June 28, the SAA captured Resafa.", "2017-06-28", "day"),
        ("On December 30, the SAA captured Resafa.", "2016-12-30", "day"),  # not after the report
        ("The SAA captured Resafa on Sunday.", "2017-07-02", "day"),
        ("The SAA captured Resafa on Tuesday.", "2017-07-04", "day"),  # the report's own day
        ("The SAA said Sunday it captured Resafa.", "2017-07-02", "day"),
        ("The SAA captured Resafa yesterday.", "2017-07-03", "day"),
        ("The SAA captured Resafa overnight.", "2017-07-04", "day"),
        ("Earlier today the SAA captured Resafa.", "2017-07-04", "day"),
        ("The SAA captured Resafa last week.", "2017-06-27", "week"),
        ("The SAA has captured villages since Saturday.", "2017-07-01", "week"),
        ("The SAA captured Resafa in June.", "2017-06-01", "month"),
        ("The SAA captured Resafa.", "2017-07-04", "report"),
    ],
)
def test_relative_dates(sentence: str, date: str, precision: str) -> None:
    assert resolve(sentence, REPORT)[:2] == (date, precision)


def test_without_a_report_date_a_relative_day_is_unknown() -> None:
    assert resolve("The SAA captured Resafa on Sunday.", None)[:2] == ("", "unknown")
    assert resolve("The SAA captured Resafa on 28 June 2017.", None)[:2] == ("2017-06-28", "day")
