"""A side of a UCDP row is a state's government, never one of its services: "Government of Russia
(Soviet Union)" (UCDP GED 23.1, Russia - Ukraine; CC BY 4.0) is Russia's government, not the bundled
Russian Aerospace Forces (VKS), which it was an alias of: the row showed as `UKR-Gov · VKS`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitroom.db import create_store

from .test_bulk_import import imported

HEADER = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
    "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,"
    "side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,"
    "where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,"
    "country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
    "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob")
ROW = (
    '453579,UKR-2022-1-14117-3393,2022,1,Clear,1,13243,13243,Russia - Ukraine,14117,14117,Government of '
    'Russia (Soviet Union) - Government of Ukraine,57,57,Government of Russia (Soviet Union),61,61,'
    'Government of Ukraine,1,"""Ukrinform,2022-11-15,Russians killed nine civilians in Ukraine in a day""",'
    "Ukrinform,2022-11-15,Russians killed nine civilians in Ukraine in a day,Deputy Head of the Office of "
    "the President of Ukraine Kyrylo Tymoshenko,4,Donetsk oblast,Donetsk region,Donetsk oblast,,48.14,37.74,"
    "POINT (37.74 48.14),199156,Ukraine,369,Europe,1,1,2022-11-14 00:00:00.000,2022-11-14 00:00:00.000,"
    "0,0,1,0,1,1,1,365,369")


def test_a_ucdp_government_side_is_its_states_government(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    (tmp_path / "ged.csv").write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    report = imported(path, tmp_path / "ged.csv")
    assert (report.counts.added, report.bad) == (1, [])
    with sqlite3.connect(path) as conn:
        sides = set(conn.execute("SELECT f.name, f.short, f.bloc, ef.role FROM event_factions ef "
                                 "JOIN factions f ON f.slug = ef.faction"))
    assert sides == {("Government of Russia (Soviet Union)", "RUS-Gov", "government", "side_a"),
                     ("Government of Ukraine", "UKR-Gov", "government", "side")}
