"""The import's fast paths (issue 16) give exactly what the general path gives: text cleaned in one scan
of a row or record, attribute combinations and dates remembered across rows, a batch compared with the
store in one query. Each is checked against the case it must not swallow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.files.importing import import_file
from sitroom.db.files.reading import csv_rows
from sitroom.db.reference import read_reference
from sitroom.db.text import clean_text
from sitroom.db.write.records import RowError, attributes_json, parse_date, parse_id, prepare_event


def test_attribute_combinations_are_remembered_only_as_the_same_values() -> None:
    # 1, 1.0 and True are equal dict keys and values, but not the same attribute.
    assert attributes_json({"inter1": "1"}) == '{"inter1": "1"}'
    assert attributes_json({"inter1": 1}) == '{"inter1": 1}'
    assert attributes_json({"inter1": 1.0}) == '{"inter1": 1.0}'
    with pytest.raises(RowError, match="inter1"):
        attributes_json({"inter1": True})
    assert attributes_json({"inter1": "1"}) == '{"inter1": "1"}'  # from the cache, the same
    # Cleaned as every other field, from the cache too; names that clean to nothing are left out.
    for _ in range(2):
        assert attributes_json({"tags": "a\x1b[31mred\x1b[0m", "\x07": "x", "b  c": " y "}) == \
            '{"b c": "y", "tags": "ared"}'
        assert attributes_json({"tags": ""}) == '{"tags": ""}'
    # Huge values are bounded and never kept.
    long = attributes_json({"notes": "x" * 6000})
    assert long is not None and "characters cut" in json.loads(long)["notes"]


def test_dates_and_ids_read_as_before() -> None:
    assert parse_date(" 2017-06-30 ") == parse_date("2017-06-30") == "2017-06-30"
    with pytest.raises(RowError, match="'2017-02-30' is not a date"):
        parse_date("2017-02-30")
    with pytest.raises(RowError, match="is not a date"):
        parse_date("2017-06-30" + " " * 40 + "x")
    assert parse_id("3f9a0c") == "3f9a0c"
    assert parse_id(" a\tb\x1b[2J ") == "a b"
    assert parse_id(12) == "12"


def _record(**fields: object) -> dict:
    record = {"date": "2017-06-30", "front": "raqqa", "certainty": "confirmed", "source": "swr-2017-06-30",
              "event_type": "clashes", "summary": "Clashes in Raqqa."}
    record.update(fields)
    return record


def test_a_record_is_cleaned_and_checked_field_by_field(store: Store) -> None:
    ref = read_reference(store.db.conn)
    prepared = prepare_event(_record(summary=" Clashes \x1b]52;c;ZXZpbA==\x07in Raqqa.\u202e ",
                                     excerpt="line one\nline two", area=12, admin1=" Raqqa "), ref)
    event = prepared.event
    assert event["summary"] == clean_text(" Clashes \x1b]52;c;ZXZpbA==\x07in Raqqa.\u202e ") == \
        "Clashes in Raqqa."
    assert (event["excerpt"], event["area"], event["admin1"]) == ("line one\nline two", "12", "Raqqa")
    assert len(prepare_event(_record(summary="s" * 3000), ref).event["summary"]) <= 2000
    # The first field in the order of the checks is the one named.
    with pytest.raises(RowError, match=r"^front is not text$"):
        prepare_event(_record(front=["raqqa"], certainty=["x"]), ref)
    with pytest.raises(RowError, match=r"^missing summary$"):
        prepare_event(_record(summary=" \x1b[0m "), ref)


def test_csv_rows_with_controls_or_stray_bytes(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b",a,b\n0, x\x1b[31my , z \n1,\xff,ok\n2,plain,row\n")
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as f:
        rows = list(csv_rows(f, ("a", "b")))
    assert rows[0] == (2, {"a": "xy", "b": "z"})
    assert rows[1][0] == 3 and "byte 0xFF" in str(rows[1][1])
    assert rows[2] == (4, {"a": "plain", "b": "row"})


def test_ids_of_any_text_are_compared_in_one_query(store: Store, tmp_path: Path) -> None:
    # Ids travel to SQLite as one JSON parameter: quotes, backslashes and any script survive the trip.
    ids = ['q"uote', "back\\slash", "دير الزور", "emoji 🛰", "x" * 200]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(_record(id=i, summary=f"Event {n}.")) + "\n"
                            for n, i in enumerate(ids)), encoding="utf-8")
    conn = store.db.conn
    assert import_file(conn, path).counts.added == len(ids)
    again = import_file(conn, path)
    assert (again.counts.added, again.counts.updated, again.counts.unchanged, again.bad) == (0, 0, 5, [])


def test_certainty_without_searches_says_what_the_searches_say() -> None:
    from sitroom.db.rules import certainty_cue, cue_search

    texts = ["On 3 May, SAA shelled Jobar.", "IS CLAIMED the attack.", "Rumours of an advance.",
             "Reportedly 3 killed.", "An UNCONFIRMED report.", "Massacres that claimed the lives of 9.",
             "No confirmed reports of deaths.", "He alleged nothing.", "Allegedly shelled.",
             "The rumor mill.", "Clashes in Jobar — claimed by IS.", "ﬁghters claİmed it", "",
             "claimant", "disclaimer", "rumoured"]
    for text in texts:
        assert certainty_cue(text) == cue_search(text), text


def test_csv_records_split_by_quotes_read_as_the_csv_module_reads_them(tmp_path: Path) -> None:
    # Records are found by counting quotes, parsed only when needed: a quoted field over two lines, an
    # escaped quote, a blank line, a stray quote in an unquoted field, a row with one field short.
    text = ('a,b\n"multi\nline",x\n"say ""hi""",y\n\nst"ray,z\nok,"fine"\nshort\n'
            'st"ray,"two\nlines"\nlast,row\n')
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv_rows(f, ("a", "b")))
    assert rows[:4] == [(3, {"a": "multi\nline", "b": "x"}), (4, {"a": 'say "hi"', "b": "y"}),
                        (6, {"a": 'st"ray', "b": "z"}), (7, {"a": "ok", "b": "fine"})]
    assert rows[4][0] == 8 and "has 1 fields" in str(rows[4][1])
    # The stray quotes of line 6 and 9 pair up with others: still each csv record, on its own line.
    assert rows[5:] == [(10, {"a": 'st"ray', "b": "two\nlines"}), (11, {"a": "last", "b": "row"})]
