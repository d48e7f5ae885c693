"""ACLED and UCDP GED files as they really come (tests/data/real/, ground truth in expected.json): every
layout imports, and each event keeps what its row said."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store, create_store
from sitroom.db.files.exporting import export
from sitroom.db.files.importing import ImportFailed, import_file
from sitroom.db.write.resolve import name_key

REAL = Path(__file__).parent / "data" / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
IMPORTED = [name for name, truth in EXPECTED.items() if "expect" in truth and "merged_events" not in truth]
# UCDP's date_prec 2 ("a few days") and 5 ("longer") are kept as a range with sitroom's nearest precision.
PRECISION = {"days": "week", "longer": "year"}


def events_by_id(store: Store) -> dict[str, sqlite3.Row]:
    cursor = store.db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return {r["source_event_id"]: r for r in cursor.execute(
        "SELECT e.*, p.name AS place_name, p.aliases AS place_aliases FROM events e "
        "LEFT JOIN places p ON p.id = e.place")}


def parties(store: Store, event_id: str) -> list[tuple[set[str], str]]:
    """Each party's names (name, short, aliases as keys) and role."""
    out = []
    for name, short, aliases, role in store.db.execute(
            "SELECT f.name, f.short, f.aliases, ef.role FROM event_factions ef "
            "JOIN factions f ON f.slug = ef.faction WHERE ef.event = ?", [event_id]):
        out.append(({name_key(n) for n in (name, short, *json.loads(aliases or "[]"))}, role))
    return out


def same_parties(found: list[tuple[set[str], str]], expected: list[list[str]]) -> bool:
    left = list(found)
    for name, role in expected:
        match = next((p for p in left if p[1] == role and name_key(name) in p[0]), None)
        if match is None:
            return False
        left.remove(match)
    return not left


@pytest.mark.parametrize("name", IMPORTED)
def test_each_layout_imports_whole_and_faithful(fresh: Store, name: str) -> None:
    truth = EXPECTED[name]
    report = import_file(fresh.db.conn, REAL / name)
    assert (report.counts.added, len(report.bad)) == (truth["events"], truth["bad"])
    bad = {b.line: b.reason for b in report.bad}
    found = events_by_id(fresh)
    for row in truth["expect"]:
        if row["status"] == "bad":
            assert bad[row["line"]].casefold().startswith(row["reason"].casefold()), (row, bad)
            assert row["source_event_id"] not in found
            continue
        event = found[row["source_event_id"]]
        where = f"{name} {row['source_event_id']}"
        assert event["event_type"] == row["event_type"], where
        assert (event["source_type"], event["source_sub_type"]) == (
            row["source_type"], row.get("source_sub_type")), where
        assert event["certainty"] == row["certainty"], where
        assert same_parties(parties(fresh, event["id"]), row["factions"]), where
        assert event["date"] == row["date"], where
        assert event["date_end"] == (row["date_end"] if row["date_end"] != row["date"] else None), where
        assert event["date_precision"] == PRECISION.get(row["date_precision"], row["date_precision"]), where
        assert event["location_precision"] == row["location_precision"], where
        assert (event["lat"] is not None) == row["point"], where
        if row["point"]:
            aliases = json.loads(event["place_aliases"] or "[]")
            names = {name_key(event["place_name"]), *map(name_key, aliases)}
            assert name_key(row["place"]) in names or any(
                name_key(row["place"]).startswith(n + " ") for n in names), (where, names)
        else:
            assert event["place"] is None and event["area"] == row.get("area", row["admin1"]), where
        assert (event["admin1"], event["country"]) == (row["admin1"], row["country"]), where
        assert event["fatalities"] == row["fatalities"], where
        attributes = json.loads(event["attributes"] or "{}")
        if "fatalities_low" in row:
            assert (attributes["low"], attributes["high"]) == (row["fatalities_low"], row["fatalities_high"])
            assert {k: attributes[k] for k in row["deaths"]} == row["deaths"]


def test_a_second_import_of_each_file_changes_nothing(fresh: Store) -> None:
    for name in IMPORTED:
        import_file(fresh.db.conn, REAL / name)
    before = fresh.count()
    for name in IMPORTED:
        report = import_file(fresh.db.conn, REAL / name)
        assert report.counts.added == report.counts.updated == 0, name
    assert fresh.count() == before


def test_actor_based_rows_of_one_event_merge(fresh: Store) -> None:
    truth = EXPECTED["acled_2024_actor_based.csv"]
    report = import_file(fresh.db.conn, REAL / "acled_2024_actor_based.csv")
    assert (report.rows, report.counts.added, report.merged) == (truth["rows"], truth["events"], 4)
    [bad] = report.bad
    assert (bad.line, bad.reason) == (8, "repeats SYR142470 of line 6 with another date (2024-08-09, not "
                                         "2024-08-12)")
    found = events_by_id(fresh)
    for merged in truth["merged_events"]:
        event = found[merged["source_event_id"]]
        assert same_parties(parties(fresh, event["id"]), merged["factions"]), merged["source_event_id"]
        assert (event["event_type"], event["fatalities"], event["admin1"]) == (
            merged["event_type"], merged["fatalities"], merged["admin1"])
    assert report.exit_code == 1


@pytest.mark.parametrize("name", ["acled_cp1252.csv", "acled_utf16.csv", "acled_utf8_bom.csv"])
def test_encodings_read_exactly(fresh: Store, name: str) -> None:
    report = import_file(fresh.db.conn, REAL / name)
    assert report.counts.added == 4 and not report.bad
    said = {"acled_cp1252.csv": "Windows-1252", "acled_utf16.csv": "UTF-16"}
    assert report.encoding == said.get(name, "UTF-8")
    found = events_by_id(fresh)
    for key, text in EXPECTED[name]["exact_text"].items():
        event_id, field = key.split(":")
        event = found[f"SYR{event_id}"]
        if field == "location":
            assert event["place_name"] == text or text in json.loads(event["place_aliases"] or "[]")
        else:
            assert text in event["excerpt"]


def test_the_three_encodings_make_the_same_events(tmp_path: Path) -> None:
    tables = []
    for name in ("acled_cp1252.csv", "acled_utf16.csv", "acled_utf8_bom.csv"):
        path = tmp_path / f"{name}.db"
        create_store(path, bundled=False)
        store = Store(path)
        import_file(store.db.conn, REAL / name)
        tables.append(sorted(map(tuple, store.db.execute("SELECT * FROM events ORDER BY id"))))
        store.close()
    assert tables[0] == tables[1] == tables[2]


def test_ambiguous_dates_are_never_guessed(fresh: Store) -> None:
    truth = EXPECTED["acled_ambiguous_dates.csv"]
    with pytest.raises(ImportFailed) as refused:
        import_file(fresh.db.conn, REAL / "acled_ambiguous_dates.csv")
    assert str(refused.value) == truth["without_date_format"]["reason"]
    assert fresh.count() == 0
    for fmt in ("%d/%m/%Y", "%m/%d/%Y"):
        import_file(fresh.db.conn, REAL / "acled_ambiguous_dates.csv", date_format=fmt)
        dates = [d for (d,) in fresh.db.execute("SELECT date FROM events ORDER BY source_event_id")]
        assert dates == truth[f"with_{fmt}"]


def test_a_date_that_can_be_read_one_way_settles_the_file(fresh: Store, tmp_path: Path) -> None:
    text = (REAL / "acled_ambiguous_dates.csv").read_text(encoding="utf-8").splitlines()
    # A first row that can only be day-first (13 is no month) settles the rest: 05/09 is 5 September.
    text[1] = text[1].replace("05/09/2017", "13/05/2017", 1)
    path = tmp_path / "settled.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    report = import_file(fresh.db.conn, path)
    assert report.counts.added == 4 and not report.bad
    assert sorted(d for (d,) in fresh.db.execute("SELECT date FROM events"))[0] == "2017-05-13"


def test_a_file_of_which_nothing_lands_exits_2(fresh: Store, tmp_path: Path) -> None:
    lines = (REAL / "acled_2024.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "all_bad.csv"
    bad.write_text("\n".join([lines[0], *(line.replace("-24,", "-99x,", 1) for line in lines[1:4])]) + "\n")
    report = import_file(fresh.db.conn, bad)
    assert report.landed == 0 and len(report.bad) == 3 and report.exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_own_export_imports_back_as_the_same_events(fresh: Store, tmp_path: Path, fmt: str) -> None:
    for name in IMPORTED:
        import_file(fresh.db.conn, REAL / name)
    out = io.StringIO()
    assert export(fresh, EventFilter(), fmt, out) == fresh.count()
    path = tmp_path / f"all.{fmt}"
    path.write_text(out.getvalue(), encoding="utf-8")
    copy_path = tmp_path / "copy.db"
    create_store(copy_path, bundled=False)
    copy = Store(copy_path)
    report = import_file(copy.db.conn, path)
    assert report.format == fmt and not report.bad and report.counts.added == fresh.count()
    columns = ("id, date, date_end, date_precision, event_type, certainty, fatalities, summary, excerpt, "
               "source_event_id, source_type, source_sub_type, location_precision, area, admin1, country, "
               "attributes, lat, lon")
    query = f"SELECT {columns} FROM events ORDER BY id"
    assert copy.db.execute(query).fetchall() == fresh.db.execute(query).fetchall()
    party_query = ("SELECT ef.event, f.name, ef.role FROM event_factions ef JOIN factions f "
                   "ON f.slug = ef.faction ORDER BY 1, 2, 3")
    assert copy.db.execute(party_query).fetchall() == fresh.db.execute(party_query).fetchall()
    copy.close()


def test_a_dataset_id_is_found_with_search(fresh: Store) -> None:
    import_file(fresh.db.conn, REAL / "acled_2024.csv")
    for typed in ("SYR142301", "syr142301"):
        [row] = fresh.page(EventFilter(text=typed)).rows
        assert fresh.event(row.id).located.source_event_id == "SYR142301"


async def test_the_detail_pane_shows_what_the_row_said(tmp_path: Path) -> None:
    from .helpers import detail_text, make_app, settle

    path = tmp_path / "ucdp.db"
    create_store(path, bundled=False)
    store = Store(path)
    import_file(store.db.conn, REAL / "ucdp_ged_191_syria.csv")
    store.close()
    app = make_app(path, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"9100008", "enter")
        await settle(pilot)
        shown = detail_text(app)
        # Located only to the province: the area, no point, and the dataset's own words.
        assert "Deir ez-Zor" in shown and "located only to the province" in shown
        assert "event id" in shown and "9100008" in shown and "type_of_violence 2" in shown
        assert "Also at" not in shown  # an area is not a place: no "other events at this place"
        assert "side " in shown and "ISIS" in shown


def test_a_range_is_said_only_where_the_precision_does_not_say_it(fresh: Store) -> None:
    from sitroom.tui.render_located import date_range

    import_file(fresh.db.conn, REAL / "ucdp_ged_191_syria.csv")
    found = events_by_id(fresh)
    said = {key: date_range(fresh.event(found[key]["id"])) for key in ("9100003", "9100008", "9100010",
                                                                         "9100011")}
    # A few days (date_prec 2) and "longer" (5) are ranges; a whole week or month is its precision.
    assert said == {"9100003": "to 2017-02-23", "9100008": None, "9100010": None, "9100011": "to 2017-10-21"}
