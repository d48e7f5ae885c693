"""Writes the real-layout fixtures in this folder and expected.json, their ground truth.

Run from anywhere: python3 tests/data/real/make_fixtures.py
Every CSV here is produced by this script; edit the rows below, never the CSVs by hand.
ACLED rows are written for sitroom (ACLED's terms forbid redistributing its rows); the UCDP GED 23.1
rows are UCDP's own (CC BY 4.0, see README.md); the UCDP GED 19.1 Syria rows are written for sitroom.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# Headers, exactly as the sources publish them (provenance in README.md)
# ---------------------------------------------------------------------------------------------
ACLED_2015 = ("GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,"
              "ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,"
              "LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES").split(",")
ACLED_2019 = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
              "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,"
              "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
              "notes,fatalities,timestamp,iso3").split(",")
ACLED_2024 = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
              "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
              "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
              "notes,fatalities,tags,timestamp").split(",")
ACLED_ACTOR_BASED = [c for c in ACLED_2024 if c not in ("actor2", "assoc_actor_2", "inter2")]
UCDP_191_SYRIA = ("id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,"
                  "side_a_new_id,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,"
                  "source_office,source_date,source_headline,source_original,where_prec,where_coordinates,"
                  "adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,"
                  "event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,"
                  "deaths_unknown,low,best,high").split(",")
UCDP_231 = ("id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
            "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
            "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,"
            "source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,"
            "latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,"
            "date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,"
            "gwnob").split(",")
assert len(ACLED_2015) == 25 and len(ACLED_2019) == 31 and len(ACLED_2024) == 31
assert len(ACLED_ACTOR_BASED) == 28 and len(UCDP_191_SYRIA) == 41 and len(UCDP_231) == 49

# ---------------------------------------------------------------------------------------------
# sitroom's reading of the sources' vocabularies (README.md states and explains each)
# ---------------------------------------------------------------------------------------------
ACLED_TYPE = {
    # ACLED before 2019 (one EVENT_TYPE, no sub-event type)
    "Battle-Government regains territory": "capture",
    "Battle-Non-state actor overtakes territory": "capture",
    "Battle-No change of territory": "clashes",
    "Non-violent transfer of territory": "capture",
    "Headquarters or base established": "base established",
    "Violence against civilians": "attack",
    "Riots/Protests": "protest",
    "Strategic development": "strategic development",
    # "Remote violence" is refined from NOTES, see remote_violence()
    # ACLED 2019+ sub-event types
    "Government regains territory": "capture",
    "Non-state actor overtakes territory": "capture",
    "Armed clash": "clashes",
    "Air/drone strike": "airstrike",
    "Shelling/artillery/missile attack": "shelling",
    "Suicide bomb": "vbied",
    "Remote explosive/landmine/IED": "explosion",
    "Grenade": "explosion",
    "Chemical weapon": "chemical attack",
    "Attack": "attack",
    "Abduction/forced disappearance": "abduction",
    "Sexual violence": "attack",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "riot",
    "Mob violence": "riot",
    "Agreement": "agreement",
    "Arrests": "arrests",
    "Change to group/activity": "change to group/activity",
    "Disrupted weapons use": "disrupted weapons use",
    "Looting/property destruction": "looting",
    "Other": "other",
}
UCDP_TYPE = {"1": "clashes", "2": "clashes", "3": "attack"}


def remote_violence(notes: str) -> str:
    n = notes.lower()
    for cue, kind in (("suicide", "vbied"), ("ied", "explosion"), ("landmine", "explosion"),
                      ("air strike", "airstrike"), ("airstrike", "airstrike"), ("jets", "airstrike"),
                      ("shell", "shelling"), ("mortar", "shelling"), ("rocket", "shelling")):
        if cue in n:
            return kind
    return "remote violence"


def acled_certainty(notes: str) -> str:
    n = notes.lower()
    if any(w in n for w in ("rumour", "rumor", "unconfirmed")):
        return "rumoured"
    if any(w in n for w in ("claimed", "claims", "reportedly", "allegedly")):
        return "claimed"
    return "confirmed"


def split_names(cell: str, sep: str) -> list[str]:
    return [p.strip() for p in cell.split(sep) if p.strip()]


def write_csv(name: str, header: list[str], rows: list[dict], encoding: str = "utf-8",
              newline: str = "\r\n", index: bool = False) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(([""] if index else []) + header)
    for i, r in enumerate(rows):
        unknown = set(r) - set(header)
        assert not unknown, (name, unknown)
        w.writerow(([str(i)] if index else []) + [r.get(h, "") for h in header])
    (HERE / name).write_bytes(buf.getvalue().encode(encoding))


EXPECTED: dict[str, dict] = {}


def acled_expect(rows: list[dict], *, up: bool = False, date_of=None, bad: dict | None = None,
                 source_type_cols=("event_type", "sub_event_type")) -> list[dict]:
    """Per-row expectations for dyadic ACLED rows (bad: {row index: reason})."""
    g = (lambda r, k: r.get(k.upper(), "")) if up else (lambda r, k: r.get(k, ""))
    out = []
    for i, r in enumerate(rows):
        e = {"line": i + 2, "source_event_id": g(r, "event_id_cnty")}
        if bad and i in bad:
            e.update(status="bad", reason=bad[i])
            out.append(e)
            continue
        etype, sub = g(r, "event_type"), g(r, "sub_event_type")
        notes = g(r, "notes")
        kind = ACLED_TYPE.get(sub) if sub else (
            remote_violence(notes) if etype == "Remote violence" else ACLED_TYPE[etype])
        assert kind, (etype, sub)
        sep = ";"
        factions = [[g(r, "actor1"), "actor"]]
        ally1 = g(r, "ally_actor_1") if up else g(r, "assoc_actor_1")
        ally2 = g(r, "ally_actor_2") if up else g(r, "assoc_actor_2")
        factions += [[n, "ally"] for n in split_names(ally1, sep)]
        if g(r, "actor2"):
            factions.append([g(r, "actor2"), "target"])
        factions += [[n, "target_ally"] for n in split_names(ally2, sep)]
        geo = g(r, "geo_precision")
        e.update(
            status="ok",
            event_type=kind,
            source_type=etype,
            source_sub_type=sub or None,
            certainty=acled_certainty(notes),
            factions=factions,
            date=date_of(g(r, "event_date")),
            date_end=None,
            date_precision={"1": "day", "2": "week", "3": "month"}[g(r, "time_precision")],
            location_precision={"1": "exact", "2": "near", "3": "province"}[geo],
            point=geo in ("1", "2"),
            place=g(r, "location") if geo in ("1", "2") else None,
            admin1=g(r, "admin1"),
            country=g(r, "country"),
            front_admin1=g(r, "admin1"),
            fatalities=int(g(r, "fatalities")),
        )
        out.append(e)
    return out


MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
MON3 = {m[:3]: i for m, i in MONTHS.items()}


def d_full(v: str) -> str:          # 01-January-2015, 30 June 2017
    d, m, y = v.replace(" ", "-").split("-")
    return f"{int(y):04d}-{MONTHS[m]:02d}-{int(d):02d}"


def d_short(v: str) -> str:         # 9-May-20, 5-Aug-24 (spreadsheet re-save)
    d, m, y = v.split("-")
    return f"20{y}-{MON3[m]:02d}-{int(d):02d}"


# ---------------------------------------------------------------------------------------------
# 1. acled_2015_upper.csv — ACLED Version 6-era UPPERCASE layout, Nigeria, January–March 2015
# ---------------------------------------------------------------------------------------------
BH = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
NGA_MIL = "Military Forces of Nigeria (2010-2015)"
NGA_CIV = "Civilians (Nigeria)"


def ng(n, date, etype, a1, al1, i1, a2, al2, i2, adm1, adm2, loc, lat, lon, geo, src, notes, fat, tp="1"):
    inter = "".join(sorted([i1, i2])) if i2 != "0" else i1 + "0"
    return {"GWNO": "475", "EVENT_ID_CNTY": f"NIG{n}", "EVENT_ID_NO_CNTY": str(n), "EVENT_DATE": date,
            "YEAR": "2015", "TIME_PRECISION": tp, "EVENT_TYPE": etype, "ACTOR1": a1, "ALLY_ACTOR_1": al1,
            "INTER1": i1, "ACTOR2": a2, "ALLY_ACTOR_2": al2, "INTER2": i2, "INTERACTION": inter,
            "COUNTRY": "Nigeria", "ADMIN1": adm1, "ADMIN2": adm2, "ADMIN3": "", "LOCATION": loc,
            "LATITUDE": lat, "LONGITUDE": lon, "GEO_PRECISION": geo, "SOURCE": src, "NOTES": notes,
            "FATALITIES": str(fat)}


NG_ROWS = [
    ng(6201, "03-January-2015", "Battle-Non-state actor overtakes territory", BH, "", "2", NGA_MIL,
       "MNJTF: Multinational Joint Task Force", "1", "Borno", "Kukawa", "Baga", "13.1167", "13.8333", "1",
       "Reuters; Premium Times",
       "Boko Haram fighters overran the Multinational Joint Task Force base at Baga after heavy fighting; "
       "troops withdrew and the town fell under Boko Haram control. At least 16 soldiers were killed.", 16),
    ng(6204, "07-January-2015", "Violence against civilians", BH, "", "2", NGA_CIV, "", "7", "Borno",
       "Kukawa", "Doron Baga", "13.2333", "13.9500", "2", "Amnesty International; Vanguard",
       "Boko Haram militants killed civilians in Doron Baga and surrounding fishing villages over several "
       "days and burned houses. Local officials reportedly put the toll in the hundreds; 150 is coded.",
       150, "2"),
    ng(6215, "10-January-2015", "Remote violence", BH, "", "2", NGA_CIV, "", "7", "Borno", "Maiduguri",
       "Maiduguri", "11.8469", "13.1571", "1", "BBC News",
       "A girl carrying explosives blew herself up at the Monday Market in Maiduguri in a suicide attack "
       "attributed to Boko Haram, killing 19 people and the bomber.", 20),
    ng(6230, "25-January-2015", "Battle-No change of territory", BH, "", "2", NGA_MIL,
       "Civilian JTF; Vigilante Militia (Nigeria)", "1", "Borno", "Maiduguri", "Maiduguri", "11.8469",
       "13.1571", "1", "Premium Times",
       "Boko Haram attacked Maiduguri from the east; soldiers backed by Civilian JTF members and vigilantes "
       "repelled the assault after hours of fighting. 53 fatalities across both sides.", 53),
    ng(6241, "07-February-2015", "Strategic development", "Government of Nigeria (2010-2015)", "", "1", "",
       "", "0", "Federal Capital Territory", "Municipal Area Council", "Abuja", "9.0579", "7.4951", "1",
       "Reuters", "INEC postponed the presidential and National Assembly elections by six weeks to 28 March, "
       "citing the security situation in the northeast.", 0),
    ng(6244, "08-February-2015", "Riots/Protests", "Protesters (Nigeria)", "APC: All Progressives Congress",
       "6", "", "", "0", "Lagos", "Lagos Island", "Lagos", "6.4531", "3.3958", "1", "Vanguard",
       "Supporters of the APC marched in Lagos to protest the postponement of the general elections.", 0),
    ng(6250, "22-February-2015", "Remote violence", NGA_MIL, "", "1", BH, "", "2", "Borno", "Maiduguri",
       "Maiduguri", "11.8469", "13.1571", "3", "Daily Trust",
       "Nigerian Air Force jets carried out air strikes on Boko Haram positions in several parts of Borno "
       "state. The military claimed dozens of militants were killed; no figure is coded.", 0),
    ng(6262, "09-March-2015", "Battle-Government regains territory", "Military Forces of Chad (1990-)",
       "Military Forces of Niger (2011-)", "8", BH, "", "2", "Borno", "Mobbar", "Damasak", "13.1058",
       "12.5086", "1", "AFP; Reuters",
       "Chadian and Nigerien troops retook Damasak from Boko Haram after two days of fighting. The Chadian "
       "military claimed some 200 militants were killed; 10 fatalities are coded.", 10),
    ng(6266, "16-March-2015", "Battle-Government regains territory", NGA_MIL, "Civilian JTF", "1", BH, "",
       "2", "Borno", "Bama", "Bama", "11.5221", "13.6856", "1", "Reuters",
       "Nigerian troops backed by Civilian JTF recaptured Bama from Boko Haram, which had held the town "
       "since September 2014.", 0),
    ng(6270, "18-March-2015", "Non-violent transfer of territory", "Military Forces of Chad (1990-)", "",
       "8", BH, "", "2", "Borno", "Marte", "Marte", "12.3667", "13.8333", "1", "AFP",
       "Boko Haram fighters abandoned Marte ahead of advancing Chadian troops, who entered the town "
       "without a fight.", 0),
    ng(6281, "31-February-2015", "Violence against civilians", "Fulani Ethnic Militia (Nigeria)", "", "4",
       NGA_CIV, "Berom Ethnic Group (Nigeria)", "7", "Plateau", "Riyom", "Riyom", "9.6395", "8.7631", "1",
       "Daily Trust", "Fulani gunmen attacked Berom villagers near Riyom, killing 4.", 4),
    ng(6290, "28-March-2015", "Violence against civilians", "Fulani Ethnic Militia (Nigeria)", "", "4",
       NGA_CIV, "Berom Ethnic Group (Nigeria)", "7", "Plateau", "Riyom", "Riyom", "9.6395", "8.7631", "2",
       "Daily Trust", "Unconfirmed reports said Fulani gunmen attacked Berom villagers near Riyom on the "
       "eve of the elections; 5 people were killed.", 5),
]
write_csv("acled_2015_upper.csv", ACLED_2015, NG_ROWS)
EXPECTED["acled_2015_upper.csv"] = {
    "layout": "acled-2015-upper", "encoding": "utf-8", "rows": len(NG_ROWS),
    "events": len(NG_ROWS) - 1, "bad": 1,
    "expect": acled_expect(NG_ROWS, up=True, date_of=lambda v: d_full(v) if not v.startswith("31-Feb") else None,
                           bad={10: "EVENT_DATE '31-February-2015' is not a date"}),
}
