"""`sitroom ingest` reads prose: a dataset given to it by mistake (trial 6: an ACLED CSV, whose rows
it read as 77 sentences' events) is refused in one sentence naming the file, what it is and the
command that reads it, and the store is left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import dataset_format
from sitroom.tui.cli.main import main

ACLED = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
         "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
         "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
         "notes,fatalities,tags,timestamp\n"
         'LBY1,2016-06-11,2016,1,Political violence,Battles,Armed clash,Military Forces of Libya,,1,'
         'Islamic State (Libya),,2,12,,434,Northern Africa,Libya,Surt,Surt,,Sirte,31.2,16.6,1,'
         'Libya Herald,National,"Forces said they entered the city.",3,,1\n')
UCDP = ("id,relid,year,active_year,type_of_violence,conflict_name,side_a,side_b,where_prec,latitude,"
        "longitude,country,date_start,date_end,best\n1,LBY-1,2016,1,1,Libya,Government of Libya,IS,1,"
        "31.2,16.6,Libya,2016-06-11,2016-06-11,3\n")
# An older ACLED layout re-saved by pandas: an unnamed index column, lowercase, ally_actor_1.
ACLED_OLD = (",data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
             "actor1,ally_actor_1,inter1,actor2,ally_actor_2,inter2,interaction,region,country,admin1,"
             "location,latitude,longitude,geo_precision,source,notes,fatalities\n")


@pytest.mark.parametrize(("text", "kind", "words"), [
    (ACLED, "acled", "an ACLED dataset"),
    (ACLED_OLD, "acled", "an ACLED dataset"),
    (UCDP, "ucdp", "a UCDP GED dataset"),
    ('{"id": "x", "date": "2016-06-11", "event_type": "capture"}\n', "jsonl", "a sitroom JSON Lines dataset"),
])
def test_a_dataset_is_refused_with_the_command_that_reads_it(db_path: Path, tmp_path: Path, capsys,
                                                            text: str, kind: str, words: str) -> None:
    assert dataset_format(text) == kind
    file = tmp_path / "rows.csv"
    file.write_text(text, encoding="utf-8")
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM events").fetchone()
    for dry in ([], ["--dry-run"], ["--dry-run", "--json"]):
        assert main(["ingest", str(file), "--db", str(db_path), *dry]) == 2
        err = " ".join(capsys.readouterr().err.split())
        assert f"rows.csv is {words}, not a written report: import it with `sitroom import" in err
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM events").fetchone() == before


@pytest.mark.parametrize("text", [
    "DAMASCUS, June 11 (Xinhua) -- The army captured Sirte, a city of 80,000, on Saturday.\n",
    "Date, place, who: the notes of a correspondent.\nThe army entered Sirte on 11 June 2016.\n",
    "{Updated} The army entered Sirte on 11 June 2016.\n",
    "",
])
def test_prose_is_not_a_dataset(text: str) -> None:
    assert dataset_format(text) is None
