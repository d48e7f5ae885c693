"""What a new user's real files (ACLED 2016-2022, UCDP GED 23.1) showed of factions and their blocs:
- one country's government became two factions, ACLED's "Government of Russia" (RUS-Gov) and UCDP's
  "Government of Russia (Soviet Union)" (RUS-Gov2); so did DR Congo's, Yemen's, Serbia's and the
  Philippines' (write/names.py state_key). A store made so is merged on its next import (write/twins.py);
- a faction an earlier import left in "other" (ACLED names Russia's government only as an associated
  actor, with no code) stayed "other" whatever a later import's codes said;
- of two codes of one rank (ACLED codes a group 3 in one row and 2 in another) the first row's won
  (write/codes.py: now the first in bloc order, whatever order the rows come in).
Rows of ACLED 2020's and UCDP GED 23.1's shapes."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import create_store
from sitroom.db.write import names, resolve

from .test_bulk_import import assert_exact, imported
from .test_ucdp_state_sides import HEADER as GED_HEADER
from .test_ucdp_state_sides import ROW as GED_ROW

ACLED = Path(__file__).parent / "fixtures" / "acled_codes_later.csv"
ACLED_HEADER = ACLED.read_text(encoding="utf-8").splitlines()[0].split(",")
UKRAINE = {"country": "Ukraine", "region": "Europe", "admin1": "Donetsk", "admin2": "Bakhmutskyi",
           "location": "Bakhmut", "latitude": "48.5947", "longitude": "38.0008", "iso": "804", "iso3": "UKR"}
AFGHANISTAN = {"country": "Afghanistan", "region": "Caspian", "admin1": "Kunar", "admin2": "Dangam",
               "location": "Dangam", "latitude": "34.9789", "longitude": "71.4262", "iso": "4", "iso3": "AFG"}


def acled(*rows: dict[str, str]) -> str:
    """An ACLED 2020 file of `rows` (each the columns it sets; the rest as an armed clash)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, ACLED_HEADER, lineterminator="\n")
    writer.writeheader()
    for n, row in enumerate(rows, start=1):
        writer.writerow({
            "data_id": str(9100000 + n), "event_id_no_cnty": str(n), "event_date": f"{n} June 2020",
            "year": "2020", "time_precision": "1", "event_type": "Battles", "sub_event_type": "Armed clash",
            "geo_precision": "1", "source": "Ukrinform", "source_scale": "National", "fatalities": "0",
            "timestamp": "1600000000", "notes": f"On {n} June 2020, row {n} of a test.", **UKRAINE, **row})
    return out.getvalue()


def _store(tmp_path: Path, *files: tuple[str, str]) -> Path:
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        report = imported(path, tmp_path / name)
        assert report.bad == []
    return path


def _rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


# ACLED names Russia's government as an associated actor of its forces (no code): "other".
ACLED_RUSSIA = acled({"event_id_cnty": "UKR1", "actor1": "Military Forces of Russia (2000-)",
                      "assoc_actor_1": "Government of Russia (2000-)", "inter1": "8",
                      "actor2": "Military Forces of Ukraine (2019-)", "inter2": "1", "interaction": "18"})
UCDP_RUSSIA = f"{GED_HEADER}\n{GED_ROW}\n"
GOVERNMENTS = ("SELECT name, short, bloc FROM factions WHERE name LIKE 'Government of Russia%' "
               "AND parent IS NULL")


@pytest.mark.parametrize("order", [("acled", "ucdp"), ("ucdp", "acled")])
def test_one_countrys_government_is_one_faction_across_datasets(tmp_path: Path, order: tuple) -> None:
    files = {"acled": ("a.csv", ACLED_RUSSIA), "ucdp": ("g.csv", UCDP_RUSSIA)}
    path = _store(tmp_path, *(files[o] for o in order))
    governments = _rows(path, GOVERNMENTS)
    assert len(governments) == 1 and governments[0][1] == "RUS-Gov"
    # UCDP's side and ACLED's era are of that one government; coded by UCDP as a state's, it governs.
    assert governments[0][2] == "government"
    parties = _rows(path, "SELECT f.name, coalesce(p.name, f.name) FROM event_factions ef "
                          "JOIN factions f ON f.slug = ef.faction LEFT JOIN factions p ON p.slug = f.parent "
                          "WHERE f.name LIKE 'Government of Russia%'")
    assert {family for _, family in parties} == {governments[0][0]}
    assert_exact(path)


@pytest.mark.parametrize(("ucdp", "acled_name"), [
    ("Government of DR Congo (Zaire)", "Government of the Democratic Republic of Congo"),
    ("Government of Philippines", "Government of the Philippines"),
    ("Government of Yemen (North Yemen)", "Government of Yemen")])
def test_other_countries_governments_are_one_across_datasets(ucdp: str, acled_name: str) -> None:
    assert names.state_key(ucdp) == names.state_key(acled_name) is not None
    assert names.state_key(f"{acled_name} (2019-)") is None  # an era is its own faction, under it


def test_a_store_holding_two_of_one_government_is_merged_on_the_next_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as before:  # imports as they were: no key by country
        before.setattr(names, "state_key", lambda name: None)
        before.setattr(resolve, "state_key", lambda name: None)
        path = _store(tmp_path, ("a.csv", ACLED_RUSSIA), ("g.csv", UCDP_RUSSIA))
    # two governments, the second labelled apart (by the row's country since labels are homed)
    assert sorted(r[1] for r in _rows(path, GOVERNMENTS)) == ["RUS-Gov", "RUS-Gov-UKR"]
    (tmp_path / "next.csv").write_text(acled({"event_id_cnty": "AFG1", "actor1": "Taliban", "inter1": "2",
                                              **AFGHANISTAN}), encoding="utf-8")
    report = imported(path, tmp_path / "next.csv")
    assert report.merged_factions == [("Government of Russia (Soviet Union)", "Government of Russia")]
    assert _rows(path, GOVERNMENTS) == [("Government of Russia", "RUS-Gov", "government")]
    aliases = _rows(path, "SELECT aliases FROM factions WHERE short = 'RUS-Gov'")[0][0]
    assert "Government of Russia (Soviet Union)" in aliases  # found by UCDP's name from now on
    events = _rows(path, "SELECT e.source_event_id FROM event_factions ef JOIN events e ON e.id = ef.event "
                         "JOIN faction_ancestors a ON a.faction = ef.faction AND a.ancestor = "
                         "'government-of-russia' ORDER BY 1")
    assert [e for (e,) in events] == ["453579", "UKR1"]  # both datasets' events under it
    assert_exact(path)


def test_a_faction_an_earlier_import_left_other_takes_a_later_imports_code(tmp_path: Path) -> None:
    first = acled({"event_id_cnty": "AFG1", "actor1": "Taliban", "inter1": "2",
                   "actor2": "Unidentified Armed Group (Afghanistan)", "inter2": "", **AFGHANISTAN},
                  {"event_id_cnty": "AFG0", "actor1": "Unidentified Armed Group (Afghanistan)", "inter1": "",
                   "actor2": "Civilians (Afghanistan)", "inter2": "7", **AFGHANISTAN})
    path = _store(tmp_path, ("a.csv", first))
    assert _rows(path, "SELECT bloc FROM factions WHERE short = 'UAG-AFG'") == [("other",)]
    assert _rows(path, "SELECT side FROM events WHERE source_event_id = 'AFG0'") == [("other",)]
    later = acled({"event_id_cnty": "AFG2", "actor1": "Unidentified Armed Group (Afghanistan)",
                   "inter1": "3", "actor2": "Civilians (Afghanistan)", "inter2": "7", **AFGHANISTAN})
    (tmp_path / "b.csv").write_text(later, encoding="utf-8")
    imported(path, tmp_path / "b.csv")
    assert _rows(path, "SELECT bloc FROM factions WHERE short = 'UAG-AFG'") == [("militias",)]
    # The event it acted in before, which this file does not hold, takes the side too.
    assert _rows(path, "SELECT source_event_id, side FROM events ORDER BY 1") == [
        ("AFG0", "militias"), ("AFG1", "opposition"), ("AFG2", "militias")]
    assert_exact(path)


def _group(code: str, n: int) -> dict[str, str]:
    return {"event_id_cnty": f"AFG{n}", "actor1": "Unidentified Armed Group (Afghanistan)", "inter1": code,
            "actor2": "Civilians (Afghanistan)", "inter2": "7", **AFGHANISTAN}


@pytest.mark.parametrize(("codes", "bloc"), [
    (("3", "2"), "opposition"), (("2", "3"), "opposition"),  # the first in bloc order, either way
    (("3", "3", "2"), "opposition"), (("2", "3", "3"), "opposition"),  # however often the other comes
    (("6", "4"), "militias"), (("4", "6"), "militias"),
    (("7", "6"), "protesters"), (("6", "7"), "protesters"),
    (("8", "3"), "militias"), (("3", "8"), "militias"),  # 8 (external) is of a lower rank
])
def test_codes_of_one_rank_give_the_first_bloc_in_order_whatever_the_rows_order(tmp_path: Path, codes: tuple,
                                                                         bloc: str) -> None:
    path = _store(tmp_path, ("a.csv", acled(*(_group(c, n) for n, c in enumerate(codes, start=1)))))
    assert _rows(path, "SELECT bloc FROM factions WHERE short = 'UAG-AFG'") == [(bloc,)]
    assert {s for (s,) in _rows(path, "SELECT side FROM events")} == {bloc}
    assert_exact(path)


@pytest.mark.parametrize("changed_first", [True, False])
def test_a_changed_event_of_a_faction_a_later_row_recodes_takes_its_side(tmp_path: Path,
                                                                         changed_first: bool) -> None:
    """write/bulk.py _reside: an event the import changes (not adds) and one it adds, both staged with the
    faction's old bloc, take the new one; the tallies equal a rebuild's."""
    uag = {"actor1": "Unidentified Armed Group (Afghanistan)", "inter1": "",
           "actor2": "Civilians (Afghanistan)",
           "inter2": "7", **AFGHANISTAN}
    path = _store(tmp_path, ("a.csv", acled({"event_id_cnty": "AFG1", **uag})))
    assert _rows(path, "SELECT side FROM events") == [("other",)]
    changed = {"event_id_cnty": "AFG1", **uag, "fatalities": "3"}
    coded = {"event_id_cnty": "AFG2", **uag, "inter1": "3"}
    (tmp_path / "b.csv").write_text(acled(*((changed, coded) if changed_first else (coded, changed))),
                                    encoding="utf-8")
    report = imported(path, tmp_path / "b.csv")
    assert (report.counts.added, report.counts.updated) == (1, 1)
    assert _rows(path, "SELECT source_event_id, side FROM events ORDER BY 1") == [("AFG1", "militias"),
                                                                                 ("AFG2", "militias")]
    assert_exact(path)


def test_the_government_kept_is_the_one_acleds_eras_hang_under(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # UCDP's "Government of Philippines" sorts first; ACLED's "(2016-)" is an era of "... the Philippines".
    ucdp = GED_ROW.replace("Government of Russia (Soviet Union)", "Government of Philippines")
    era = acled({"event_id_cnty": "PHL1", "actor1": "Government of the Philippines (2016-)", "inter1": "1",
                 "actor2": "NPA: New People's Army", "inter2": "2", **AFGHANISTAN})
    with monkeypatch.context() as before:
        before.setattr(names, "state_key", lambda name: None)
        before.setattr(resolve, "state_key", lambda name: None)
        path = _store(tmp_path, ("g.csv", f"{GED_HEADER}\n{ucdp}\n"), ("a.csv", era))
    (tmp_path / "next.csv").write_text(acled({"event_id_cnty": "AFG1", "actor1": "Taliban", "inter1": "2",
                                              **AFGHANISTAN}), encoding="utf-8")
    report = imported(path, tmp_path / "next.csv")
    assert report.merged_factions == [("Government of Philippines", "Government of the Philippines")]
    assert_exact(path)
