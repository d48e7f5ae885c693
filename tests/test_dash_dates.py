"""Dates written with numbers and dashes (`31-12-19`, as a Kenyan ACLED export re-saved by a spreadsheet
writes them) are read like those written with slashes: the order the file shows, never a guess; and a
date no form reads says that --date-format is the way."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sitroom.db.files.formats.dates import DateOrder, DateOrderUnknown
from sitroom.db.files.importing import import_file
from sitroom.db.store import Store, create_store
from sitroom.db.write.records import RowError

REAL = Path(__file__).parent / "data" / "real" / "acled_2024.csv"


def test_a_day_past_twelve_settles_a_dashed_files_order() -> None:
    order = DateOrder()
    assert order.parse("31-12-19", "event_date", 2) == "2019-12-31"
    assert order.parse("05-01-20", "event_date", 3) == "2020-01-05"  # day first, as the file showed
    assert order.parse("2017-06-30", "event_date", 4) == "2017-06-30"  # ISO is still ISO
    assert order.parse("30-Jun-17", "event_date", 5) == "2017-06-30"


def test_a_dashed_date_either_way_asks_for_the_form_with_dashes() -> None:
    with pytest.raises(DateOrderUnknown, match=r"--date-format %d-%m-%y or %m-%d-%y"):
        DateOrder().parse("05-09-17", "event_date", 2)


def test_a_date_no_form_reads_names_date_format() -> None:
    with pytest.raises(RowError, match="--date-format"):
        DateOrder().parse("2017.13", "event_date", 2)


def test_a_file_dated_day_dash_month_imports_whole(tmp_path: Path) -> None:
    with REAL.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    path = tmp_path / "dashed.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        for n, row in enumerate(rows):  # the first day past twelve, then any
            writer.writerow({**row, "event_date": "31-12-19" if n == 0 else f"{n % 28 + 1:02d}-03-20"})
    create_store(tmp_path / "s.db", bundled=False)
    store = Store(tmp_path / "s.db")
    report = import_file(store.db.conn, path)
    # the fixture has one bad toll on purpose; no date is refused
    assert not [b for b in report.bad if "date" in b.reason] and report.counts.added > 1
    dates = {d for (d,) in store.db.conn.execute("SELECT date FROM events")}
    assert "2019-12-31" in dates and "2020-03-02" in dates


@pytest.mark.parametrize(("written", "iso"), [
    ("14/08/2020 00:00:00", "2020-08-14"),  # a real ACLED Ukraine file re-saved with Excel's times
    ("14/08/2020 13:05", "2020-08-14"),
    ("14.08.20 1:05 PM", "2020-08-14"),
])
def test_a_numeric_date_with_a_time_of_day_is_read(written: str, iso: str) -> None:
    order = DateOrder()
    assert order.parse(written, "event_date", 2) == iso
    assert order.parse("10/03/2024 00:00:00", "event_date", 3) == "2024-03-10"  # day first, as shown


def test_the_bad_rows_summary_keeps_the_forms_it_offers(tmp_path: Path) -> None:
    """A thousand rows of one unreadable form are summed up under one reason, and the examples of the
    forms sitroom reads are printed whole, not with their digits put out."""
    with REAL.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    path = tmp_path / "odd.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        for n, row in enumerate(rows):
            writer.writerow({**row, "event_date": f"2020.{n % 9 + 1}"})
    create_store(tmp_path / "s.db", bundled=False)
    report = import_file(Store(tmp_path / "s.db").db.conn, path)
    reasons = [r for r in report.reasons() if "not a date" in r]
    assert reasons == ["event_date … is not a date (2017-06-30, 30 June 2017, 30-Jun-17 …; another form "
                       "needs --date-format)"]
