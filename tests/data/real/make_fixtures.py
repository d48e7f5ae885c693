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
import re
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
    """Old "Remote violence" has no sub-type: the first cue in the notes decides, in this order."""
    for cue, kind in ((r"suicide", "vbied"), (r"\bIEDs?\b|landmines?|roadside bomb", "explosion"),
                      (r"air ?strikes?|warplanes|jets|aircraft", "airstrike"),
                      (r"shell(?:ed|ing|s)?\b|mortars?|rockets?|artillery", "shelling")):
        if re.search(cue, notes, re.IGNORECASE):
            return kind
    return "remote violence"


def acled_certainty(notes: str) -> str:
    # Doubt about the toll alone ("Unconfirmed reports of casualties", "fatalities unknown") is not doubt
    # about the event (README, Certainty): written here by hand, not taken from db/rules.py.
    n = re.sub(r"\b(?:unconfirmed|unverified) (?:reports? of )?(?:casualties|fatalities|deaths)"
               r"|\b(?:casualties|fatalities|deaths) (?:are |were )?(?:unconfirmed|unknown)", " ",
               notes.lower())
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


# ---------------------------------------------------------------------------------------------
# 2. acled_2019_pandas.csv — 2019–2023 layout fetched through the API into pandas, written with
#    DataFrame.to_csv() (leading unnamed index, columns in alphabetical order) and re-saved in a
#    spreadsheet (dates as 9-May-20). Syria, May 2020, numeric inter codes.
# ---------------------------------------------------------------------------------------------
SYR_MIL_OLD = "Military Forces of Syria (2000-)"
HTS = "HTS: Hayat Tahrir al Sham"
IS_SYR = "Islamic State (Syria)"
SDF = "QSD: Syrian Democratic Forces"
CIV_SYR = "Civilians (Syria)"
INTER_TEXT = {"1": "State forces", "2": "Rebel group", "3": "Political militia", "4": "Identity militia",
              "5": "Rioters", "6": "Protesters", "7": "Civilians", "8": "External/Other forces"}


def interaction(i1: str, i2: str, text: bool = False) -> str:
    if not i2 or i2 == "0":
        return f"{INTER_TEXT[i1]} only" if text else i1 + "0"
    lo, hi = sorted([i1, i2])
    return f"{INTER_TEXT[lo]}-{INTER_TEXT[hi]}" if text else lo + hi


def sy19(data_id, n, date, etype, sub, a1, as1, i1, a2, as2, i2, adm1, adm2, adm3, loc, lat, lon, geo,
         src, scale, notes, fat, ts, tp="1"):
    return {"data_id": str(data_id), "iso": "760", "event_id_cnty": f"SYR{n}", "event_id_no_cnty": str(n),
            "event_date": date, "year": "2020", "time_precision": tp, "event_type": etype,
            "sub_event_type": sub, "actor1": a1, "assoc_actor_1": as1, "inter1": i1, "actor2": a2,
            "assoc_actor_2": as2, "inter2": i2, "interaction": interaction(i1, i2), "region": "Middle East",
            "country": "Syria", "admin1": adm1, "admin2": adm2, "admin3": adm3, "location": loc,
            "latitude": lat, "longitude": lon, "geo_precision": geo, "source": src, "source_scale": scale,
            "notes": notes, "fatalities": str(fat), "timestamp": str(ts), "iso3": "SYR"}


SY19_ROWS = [
    sy19(7021843, 81102, "9-May-20", "Battles", "Armed clash", SYR_MIL_OLD, "QDW: National Defense Forces",
         "1", HTS, "", "2", "Hama", "As-Suqaylabiyah", "Madiq Castle", "Kafr Nabudah", "35.4011", "36.5078",
         "1", "SOHR", "Other",
         "On 9 May 2020, regime forces and NDF fighters clashed with HTS near Kafr Nabudah in the northwestern "
         "Hama countryside. 6 fatalities.", 6, 1589815022),
    sy19(7021871, 81130, "10-May-20", "Explosions/Remote violence", "Shelling/artillery/missile attack",
         SYR_MIL_OLD, "", "1", "", "", "0", "Idleb", "Ariha", "Ehsem", "Al Bara", "35.6836", "36.5397", "1",
         "SMART News Agency", "Local partner-Other",
         "On 10 May 2020, regime forces shelled Al Bara in the Jabal al-Zawiya area. No casualties.", 0,
         1589815022),
    sy19(7021902, 81161, "12-May-20", "Battles", "Non-state actor overtakes territory", IS_SYR, "", "2",
         SYR_MIL_OLD, "", "1", "Homs", "Tadmor", "Sukhneh", "Al-Sukhnah", "34.8867", "38.8717", "2", "SOHR",
         "Other",
         "On 12 May 2020, IS fighters reportedly took over several regime positions near As-Sukhnah in the "
         "eastern Homs desert after an attack on a checkpoint. 11 fatalities.", 11, 1590419790),
    sy19(7021955, 81214, "14-May-20", "Explosions/Remote violence", "Remote explosive/landmine/IED",
         "Unidentified Armed Group (Syria)", "", "3", CIV_SYR, "", "7", "Aleppo", "Al Bab", "Al Bab",
         "Al Bab", "36.3705", "37.5157", "1", "Anadolu Agency; SOHR", "Other",
         "On 14 May 2020, an IED planted in a car exploded in a market in Al Bab, killing 2 civilians.", 2,
         1590419790),
    sy19(7021987, 81246, "16-May-20", "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Russia (2000-)", "", "8", "", "", "0", "Idleb", "Jisr-Ash-Shugur",
         "Jisr-Ash-Shugur", "Jisr Ash-Shugur", "35.8126", "36.3193", "2", "Step News Agency", "National",
         "On 16 May 2020, Russian warplanes struck the outskirts of Jisr Ash-Shugur. No casualties.", 0,
         1590419790),
    sy19(7022013, 81272, "18-May-20", "Violence against civilians", "Abduction/forced disappearance", SDF, "",
         "2", CIV_SYR, "", "7", "Deir-ez-Zor", "Deir-ez-Zor", "Thiban", "Thiban", "35.0106", "40.5087", "1",
         "Deir Ezzor 24", "Subnational",
         "On 18 May 2020, SDF members detained two young men in Thiban and took them to a recruitment "
         "centre for conscription.", 0, 1590419790),
    sy19(7022040, 81299, "20-May-20", "Battles", "Government regains territory", SYR_MIL_OLD,
         "Liwa al-Quds", "1", IS_SYR, "", "2", "Deir-ez-Zor", "Al Mayadin", "Mayadin", "Al Mayadin",
         "35.0201", "40.4530", "2", "SANA", "National",
         "On 20 May 2020, regime forces and Liwa al-Quds regained a position in the desert south-west of Al "
         "Mayadin after driving out an IS cell. 3 fatalities.", 3, 1591024590),
    sy19(7022066, 81325, "24-May-20", "Explosions/Remote violence", "Air/drone strike",
         "Global Coalition Against Daesh", SDF, "8", IS_SYR, "", "2", "Deir-ez-Zor", "Deir-ez-Zor", "",
         "Deir-ez-Zor", "35.3359", "40.1408", "3", "SDF Press Centre", "Subnational",
         "Around 24 May 2020 (week of), Coalition aircraft supported an SDF raid on IS cells in the Deir "
         "ez-Zor countryside; 2 IS members were killed.", 2, 1591024590, tp="2"),
    sy19(7022091, 81350, "25-May-20", "Battles", "Armed clash", "Military Forces of Turkey (2016-)",
         "Syrian National Army", "8", SDF, "", "2", "Ar-Raqqa", "Tell Abiad", "Ein Issa", "Ein Issa",
         "36.3854", "", "1", "ANHA", "National",
         "On 25 May 2020, Turkish forces and the SNA clashed with the SDF near Ein Issa.", 0, 1591024590),
]
SY19_HEADER = sorted(ACLED_2019)
write_csv("acled_2019_pandas.csv", SY19_HEADER, SY19_ROWS, newline="\n", index=True)
EXPECTED["acled_2019_pandas.csv"] = {
    "layout": "acled-2019-pandas", "encoding": "utf-8", "rows": len(SY19_ROWS), "events": len(SY19_ROWS) - 1,
    "bad": 1,
    "expect": acled_expect(SY19_ROWS, date_of=d_short, bad={8: "empty longitude"}),
}

# ---------------------------------------------------------------------------------------------
# 3. acled_2024.csv — the current layout (since March 2023) with text inter codes (2024), Syria,
#    August–September 2024, as downloaded in 2025 (hence "(2000-2024)") and re-saved (5-Aug-24).
# ---------------------------------------------------------------------------------------------
SYR_MIL = "Military Forces of Syria (2000-2024)"


def sy24(n, date, dis, etype, sub, a1, as1, i1, a2, as2, i2, civ, adm1, adm2, adm3, loc, lat, lon, geo,
         src, scale, notes, fat, ts, tags="", tp="1"):
    return {"event_id_cnty": f"SYR{n}", "event_date": date, "year": "20" + date[-2:], "time_precision": tp,
            "disorder_type": dis, "event_type": etype, "sub_event_type": sub, "actor1": a1,
            "assoc_actor_1": as1, "inter1": INTER_TEXT[i1], "actor2": a2, "assoc_actor_2": as2,
            "inter2": INTER_TEXT.get(i2, ""), "interaction": interaction(i1, i2, text=True),
            "civilian_targeting": civ, "iso": "760", "region": "Middle East", "country": "Syria",
            "admin1": adm1, "admin2": adm2, "admin3": adm3, "location": loc, "latitude": lat,
            "longitude": lon, "geo_precision": geo, "source": src, "source_scale": scale, "notes": notes,
            "fatalities": str(fat), "tags": tags, "timestamp": str(ts)}


PV = "Political violence"
SY24_ROWS = [
    sy24(142301, "5-Aug-24", PV, "Battles", "Armed clash", IS_SYR, "", "2", SYR_MIL,
         "QDW: National Defense Forces", "1", "", "Homs", "Tadmor", "Sukhneh", "Al-Sukhnah", "34.8867",
         "38.8717", "2", "SOHR", "Other",
         "On 5 August 2024, IS militants attacked a regime and NDF position near Al-Sukhnah in the eastern "
         "Homs desert. 4 regime soldiers were killed.", 4, 1723493288),
    sy24(142355, "7-Aug-24", PV, "Battles", "Non-state actor overtakes territory",
         "Arab Ethnic Militia (Syria)", "Military Forces of Syria (2000-2024); QDW: National Defense Forces",
         "4", SDF, "", "2", "", "Deir-ez-Zor", "Deir-ez-Zor", "Thiban", "Thiban", "35.0106", "40.5087", "1",
         "Deir Ezzor 24; SOHR", "Subnational",
         "On 7 August 2024, tribal fighters backed by regime forces and the NDF crossed the Euphrates and "
         "took over Thiban from the SDF. 9 fatalities.", 9, 1723493288),
    sy24(142371, "8-Aug-24", PV, "Battles", "Non-state actor overtakes territory", SDF, "", "2",
         "Arab Ethnic Militia (Syria)", "", "4", "", "Deir-ez-Zor", "Deir-ez-Zor", "Thiban", "Thiban",
         "35.0106", "40.5087", "1", "SDF Press Centre; SOHR", "Subnational",
         "On 8 August 2024, the SDF regained control of Thiban after the tribal fighters withdrew under "
         "fire. 6 fatalities.", 6, 1723493288),
    sy24(142390, "8-Aug-24", PV, "Explosions/Remote violence", "Shelling/artillery/missile attack", SYR_MIL,
         "", "1", CIV_SYR, "", "7", "Civilian targeting", "Deir-ez-Zor", "Deir-ez-Zor", "Deir-ez-Zor",
         "Theyabiyeh", "35.1747", "40.3217", "1", "SOHR", "Other",
         "On 8 August 2024, regime forces shelled Theyabiyeh on the SDF-held bank of the Euphrates, killing "
         "2 children.", 2, 1723493288),
    sy24(142402, "9-Aug-24", PV, "Battles", "Government regains territory", SYR_MIL,
         "QDW: National Defense Forces", "1", SDF, "", "2", "", "Deir-ez-Zor", "Deir-ez-Zor", "Deir-ez-Zor",
         "Hatla", "35.3667", "40.2167", "1", "SANA", "National",
         "On 9 August 2024, regime forces and the NDF claimed to have regained a hill overlooking Hatla "
         "from the SDF.", 0, 1723493288),
    sy24(142446, "11-Aug-24", PV, "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Russia (2000-)", "", "8", HTS, "", "2", "", "Idleb", "Jisr-Ash-Shugur",
         "Badama", "Badama", "35.8878", "36.2575", "1", "Step News Agency", "National",
         "On 11 August 2024, Russian warplanes struck HTS positions near Badama. No casualties.", 0,
         1724097980),
    sy24(142470, "12-Aug-24", PV, "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Turkey (2016-)", "", "8", SDF, "", "2", "", "Al-Hasakeh", "Al-Qamishli",
         "Al-Qamishli", "Al-Qamishli", "37.0522", "41.2317", "1", "ANHA", "Subnational",
         "On 12 August 2024, a Turkish drone struck an SDF vehicle on the outskirts of Al-Qamishli, killing "
         "2 SDF members.", 2, 1724097980),
    sy24(142488, "13-Aug-24", PV, "Explosions/Remote violence", "Suicide bomb", IS_SYR, "", "2", SDF, "", "2",
         "", "Ar-Raqqa", "Ar-Raqqa", "Karama", "Karama", "35.9372", "39.3200", "1", "SOHR", "Other",
         "On 13 August 2024, an IS suicide bomber reportedly blew himself up at an SDF checkpoint in Karama "
         "east of Raqqa. 3 fatalities including the bomber.", 3, 1724097980),
    sy24(142511, "14-Aug-24", PV, "Explosions/Remote violence", "Remote explosive/landmine/IED",
         "Unidentified Armed Group (Syria)", "", "3", SYR_MIL, "", "1", "", "Dar'a", "Dar'a", "Tafas", "Tafas",
         "32.7356", "35.9883", "1", "Horan Free League", "Local partner-Other",
         "On 14 August 2024, an IED exploded as a regime military vehicle passed near Tafas, killing 3 "
         "soldiers.", 3, 1724097980),
    sy24(142530, "15-Aug-24", PV, "Violence against civilians", "Attack",
         "Unidentified Armed Group (Syria)", "", "3", CIV_SYR, "Former Opposition Rebels (Syria)", "7",
         "Civilian targeting", "Dar'a", "Dar'a", "Dar'a", "Dar'a", "32.6189", "36.1021", "1",
         "Horan Free League", "Local partner-Other",
         "On 15 August 2024, unidentified gunmen shot dead a former opposition fighter who had settled his "
         "status, in Dar'a al-Balad.", 1, 1724097980),
    sy24(142555, "16-Aug-24", "Demonstrations", "Protests", "Peaceful protest", "Protesters (Syria)", "", "6",
         "", "", "", "", "As-Sweida", "As-Sweida", "As-Sweida", "As-Sweida", "32.7094", "36.5695", "1",
         "Suwayda 24", "Subnational",
         "On 16 August 2024, residents gathered in Al-Karama square in As-Sweida city for the weekly "
         "protest calling for political change and the implementation of UNSC Resolution 2254.", 0,
         1724702780, tags="crowd size=hundreds"),
    sy24(142570, "17-Aug-24", "Strategic developments", "Strategic developments", "Arrests",
         "Military Forces of Syria (2000-2024) Military Intelligence", "", "1", CIV_SYR, "", "7", "",
         "Rural Damascus", "Duma", "Duma", "Duma", "33.5711", "36.4019", "1", "Sawt al-Asima", "Subnational",
         "On 17 August 2024, regime Military Intelligence arrested 3 young men in Duma for evading "
         "military service.", 0, 1724702780),
    sy24(142601, "8-Sep-24", PV, "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Israel (2022-)", "", "8", SYR_MIL, "", "1", "", "Hama", "Masyaf", "Masyaf",
         "Masyaf", "35.0653", "36.3422", "2", "SANA; Reuters", "Other",
         "On 8 September 2024, Israeli airstrikes hit military research facilities near Masyaf; regime "
         "media reported 18 killed.", 18, 1726517180),
    sy24(142640, "10-Sep-24", PV, "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Russia (2000-)", "", "8", HTS, "", "2", "", "Idleb", "Idleb", "", "Idleb",
         "35.9306", "36.6339", "3", "Step News Agency", "National",
         "On 10 September 2024, Russian warplanes carried out strikes on several areas of the Idleb "
         "countryside. Unconfirmed reports of casualties among HTS members.", 0, 1726517180),
    sy24(142655, "12-Sep-24", PV, "Battles", "Armed clash", HTS, "", "2", SYR_MIL, "", "1", "", "Aleppo",
         "Jebel Saman", "Daret Azza", "Kafr Amma", "36.1461", "36.8592", "1", "SOHR", "Other",
         "On 12 September 2024, HTS fighters clashed with regime forces on the Kafr Amma front in western "
         "Aleppo. Fatalities unknown.", "unknown", 1726517180),
]
write_csv("acled_2024.csv", ACLED_2024, SY24_ROWS)
EXPECTED["acled_2024.csv"] = {
    "layout": "acled-2024", "encoding": "utf-8", "rows": len(SY24_ROWS), "events": len(SY24_ROWS) - 1,
    "bad": 1,
    "expect": acled_expect(SY24_ROWS, date_of=d_short, bad={14: "fatalities 'unknown' is not a number"}),
}


# ---------------------------------------------------------------------------------------------
# 4. acled_2024_actor_based.csv — the same layout without actor2/assoc_actor_2/inter2: every event
#    repeats on one row per actor (actor1/assoc_actor_1/inter1 name that row's actor); 5 events.
# ---------------------------------------------------------------------------------------------
def actor_rows(ev: dict, parties: list[tuple[str, str, str]]) -> list[dict]:
    out = []
    for actor, assoc, inter in parties:
        r = {k: v for k, v in ev.items() if k in ACLED_ACTOR_BASED}
        r.update(actor1=actor, assoc_actor_1=assoc, inter1=INTER_TEXT[inter])
        out.append(r)
    return out


_ev = {r["event_id_cnty"]: r for r in SY24_ROWS}
AB_EVENTS = [
    ("SYR142301", [(IS_SYR, "", "2"), (SYR_MIL, "QDW: National Defense Forces", "1")]),
    ("SYR142355", [("Arab Ethnic Militia (Syria)", "Military Forces of Syria (2000-2024); QDW: National "
                    "Defense Forces", "4"), (SDF, "", "2")]),
    ("SYR142470", [("Military Forces of Turkey (2016-)", "", "8"), (SDF, "", "2")]),
    ("SYR142555", [("Protesters (Syria)", "", "6")]),
    ("SYR142530", [("Unidentified Armed Group (Syria)", "", "3"),
                   (CIV_SYR, "Former Opposition Rebels (Syria)", "7")]),
]
AB_ROWS = []
for eid, parties_ in AB_EVENTS:
    AB_ROWS += actor_rows(_ev[eid], parties_)
# a repeat that contradicts its event (another date): refused, naming the first line of the event
_bad = dict(AB_ROWS[4]); _bad["event_date"] = "9-Aug-24"
AB_ROWS.insert(6, _bad)
write_csv("acled_2024_actor_based.csv", ACLED_ACTOR_BASED, AB_ROWS)


def actor_based_expect() -> dict:
    first_line, events, exp = {}, {}, []
    for i, r in enumerate(AB_ROWS):
        line, eid = i + 2, r["event_id_cnty"]
        if eid in first_line and r["event_date"] != AB_ROWS[first_line[eid] - 2]["event_date"]:
            exp.append({"line": line, "source_event_id": eid, "status": "bad",
                        "reason": f"repeats {eid} of line {first_line[eid]} with another event_date "
                                  f"({r['event_date']!r}, not "
                                  f"{AB_ROWS[first_line[eid] - 2]['event_date']!r})"})
            continue
        first_line.setdefault(eid, line)
        events.setdefault(eid, []).append(line)
        exp.append({"line": line, "source_event_id": eid, "status": "merged" if len(events[eid]) > 1 else "ok"})
    merged = []
    for eid, lines in events.items():
        src = _ev[eid]
        facs = []
        for ln in lines:
            r = AB_ROWS[ln - 2]
            # the row's code is the interaction's first (the actor) or second (the target); both: a side
            first, _, second = r["interaction"].removesuffix(" only").partition("-")
            role, ally = (("actor", "ally") if r["inter1"] == first != second else
                          ("target", "target_ally") if r["inter1"] == second != first else ("side", "ally"))
            facs.append([r["actor1"], role])
            facs += [[n, ally] for n in split_names(r["assoc_actor_1"], ";")]
        notes = src["notes"]
        merged.append({"source_event_id": eid, "lines": lines,
                       "event_type": ACLED_TYPE[src["sub_event_type"]], "source_type": src["event_type"],
                       "source_sub_type": src["sub_event_type"], "certainty": acled_certainty(notes),
                       "factions": facs, "date": d_short(src["event_date"]),
                       "location_precision": {"1": "exact", "2": "near", "3": "province"}[src["geo_precision"]],
                       "point": src["geo_precision"] in ("1", "2"), "admin1": src["admin1"],
                       "fatalities": int(src["fatalities"])})
    return {"layout": "acled-2024-actor-based", "encoding": "utf-8", "rows": len(AB_ROWS),
            "events": len(events), "bad": 1, "expect": exp, "merged_events": merged}


EXPECTED["acled_2024_actor_based.csv"] = actor_based_expect()

# ---------------------------------------------------------------------------------------------
# 5. Encodings and spreadsheet dates: the 2019–2023 export layout (no index), four small files
# ---------------------------------------------------------------------------------------------
ENC_ROWS = [
    sy19(4107701, 30551, "30-Jun-17", "Battles", "Government regains territory", SYR_MIL_OLD,
         "Liwa al-Quds; Tiger Forces", "1", IS_SYR, "", "2", "Homs", "Tadmor", "Sukhneh", "Humaymah",
         "34.2000", "39.8500", "1", "SANA", "National",
         "On 30 June 2017, regime forces with Liwa al-Quds and the Tiger Forces regained Humaymah from IS "
         "– the last IS position on the Homs–Deir ez-Zor road west of T2.", 12, 1552577983),
    sy19(4107720, 30570, "30-Jun-17", "Explosions/Remote violence", "Shelling/artillery/missile attack",
         "Faylaq al-Rahman", "", "2", SYR_MIL_OLD, "", "1", "Rural Damascus", "Duma", "Ein Terma",
         "Ein Terma", "33.5136", "36.3583", "1", "Faylaq al-Rahman", "Other",
         "On 30 June 2017, Faylaq al-Rahman claimed it destroyed a regime bulldozer with an ATGM near "
         "“Ein Terma”.", 0, 1552577983),
    sy19(4107733, 30583, "29-Jun-17", "Battles", "Armed clash", SYR_MIL_OLD, "", "1", HTS, "", "2", "Hama",
         "As-Suqaylabiyah", "Madiq Castle", "Qal’at al-Madiq", "35.4131", "36.3875", "1", "SOHR", "Other",
         "On 29 June 2017, regime forces clashed with HTS west of Qal’at al-Madiq (Hama – countryside). "
         "No fatalities.", 0, 1552577983),
    sy19(4107750, 30600, "28-Jun-17", "Battles", "Non-state actor overtakes territory", SDF,
         "Global Coalition Against Daesh", "2", IS_SYR, "", "2", "Ar-Raqqa", "Ar-Raqqa", "Ar-Raqqa", "Raqqa",
         "35.9528", "39.0079", "1", "SDF Press Centre", "Subnational",
         "On 28 June 2017, the SDF backed by coalition airstrikes took Al-Qadisiyah neighbourhood in Raqqa "
         "city from IS. 14 fatalities.", 14, 1552577983),
]
for r in ENC_ROWS:
    r["year"] = "2017"
enc_expect = acled_expect(ENC_ROWS, date_of=d_short)
write_csv("acled_cp1252.csv", ACLED_2019, ENC_ROWS, encoding="cp1252")
write_csv("acled_utf16.csv", ACLED_2019, ENC_ROWS, encoding="utf-16")          # BOM + UTF-16LE
write_csv("acled_utf8_bom.csv", ACLED_2019, ENC_ROWS, encoding="utf-8-sig")
for name, enc in (("acled_cp1252.csv", "cp1252"), ("acled_utf16.csv", "utf-16 (BOM FF FE)"),
                  ("acled_utf8_bom.csv", "utf-8 with BOM")):
    EXPECTED[name] = {"layout": "acled-2019", "encoding": enc, "rows": 4, "events": 4, "bad": 0,
                      "expect": enc_expect,
                      "exact_text": {"30570:location": "Ein Terma", "30583:location": "Qal’at al-Madiq",
                                     "30583:notes_contains": "(Hama – countryside)",
                                     "30570:notes_contains": "“Ein Terma”"}}

AMB_ROWS = [dict(r) for r in ENC_ROWS]
for r, d in zip(AMB_ROWS, ("05/09/2017", "06/09/2017", "09/06/2017", "11/08/2017")):
    r["event_date"] = d
write_csv("acled_ambiguous_dates.csv", ACLED_2019, AMB_ROWS)
EXPECTED["acled_ambiguous_dates.csv"] = {
    "layout": "acled-2019", "encoding": "utf-8", "rows": 4,
    "without_date_format": {"exit": 2, "events_written": 0,
                            "reason": "event_date '05/09/2017' (line 2) could be 5 September or 9 May 2017; "
                                      "rerun with --date-format %d/%m/%Y or %m/%d/%Y"},
    "with_%d/%m/%Y": ["2017-09-05", "2017-09-06", "2017-06-09", "2017-08-11"],
    "with_%m/%d/%Y": ["2017-05-09", "2017-06-09", "2017-09-06", "2017-11-08"],
}


# ---------------------------------------------------------------------------------------------
# UCDP helpers
# ---------------------------------------------------------------------------------------------
def priogrid(lat: float, lon: float) -> int:
    return int((lat + 90) // 0.5) * 720 + int((lon + 180) // 0.5) + 1


WHERE = {"1": ("exact", True), "2": ("near", True), "3": ("district", False), "4": ("province", False),
         "5": ("region", False), "6": ("country", False), "7": ("country", False)}
DATE_PREC = {"1": "day", "2": "days", "3": "week", "4": "month", "5": "longer"}


def strip_admin(v: str) -> str:
    for suffix in (" governorate", " province", " prefecture", " district", " region"):
        if v.lower().endswith(suffix):
            return v[: -len(suffix)]
    return v


def ucdp_expect(rows: list[dict], bad: dict | None = None) -> list[dict]:
    out = []
    for i, r in enumerate(rows):
        e = {"line": None, "source_event_id": r["id"]}
        if bad and i in bad:
            e.update(status="bad", reason=bad[i]); out.append(e); continue
        prec, is_point = WHERE[r["where_prec"]]
        adm1 = strip_admin(r["adm_1"]) if r["adm_1"] else None
        # Side A (the government, the first group, the perpetrator) is a role of its own: its bloc is
        # the event's side; side B's groups are sides.
        facs = [[n, "side_a"] for n in split_names(r["side_a"], ",")] + \
               [[n, "side"] for n in split_names(r["side_b"], ",")]
        parts = {k: int(r[k]) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")}
        assert sum(parts.values()) == int(r["best"]), r["id"]
        e.update(status="ok", event_type=UCDP_TYPE[r["type_of_violence"]],
                 source_type=f"type_of_violence {r['type_of_violence']}", certainty="confirmed",
                 factions=facs, date=r["date_start"][:10], date_end=r["date_end"][:10],
                 date_precision=DATE_PREC[r["date_prec"]], location_precision=prec, point=is_point,
                 place=r["where_coordinates"] if is_point else None, admin1=adm1,
                 area=None if is_point else {"district": strip_admin(r["adm_2"] or ""), "province": adm1,
                                             "region": adm1 or r["country"]}.get(prec, r["country"]),
                 country=r["country"], front_admin1=adm1 or f"{r['country']} (country-wide)",
                 fatalities=int(r["best"]), fatalities_low=int(r["low"]), fatalities_high=int(r["high"]),
                 deaths=parts)
        out.append(e)
    return out


# ---------------------------------------------------------------------------------------------
# 6a. ucdp_ged_191_syria.csv — the 41 columns of UCDP GED Syria 652.1601.1911 (the 19.1 Syria
#     release). Rows written for sitroom in UCDP's shapes; only the ids 299/11973/118/4456 are UCDP's.
# ---------------------------------------------------------------------------------------------
def sy_ged(i, tv, conf_id, conf, dyad_id, dyad, sa_id, sa, sb_id, sb, office, sdate, headline, original,
           wp, wc, adm1, adm2, lat, lon, clarity, dp, ds, de, da, db, dc, du, low, high, nsrc=1):
    best = da + db + dc + du
    return {"id": str(i), "year": ds[:4], "active_year": "1", "type_of_violence": tv,
            "conflict_new_id": str(conf_id), "conflict_name": conf, "dyad_new_id": str(dyad_id),
            "dyad_name": dyad, "side_a_new_id": str(sa_id), "side_a": sa, "side_b_new_id": str(sb_id),
            "gwnob": "", "side_b": sb, "number_of_sources": str(nsrc),
            "source_article": f'"{office},{sdate},{headline}"', "source_office": office, "source_date": sdate,
            "source_headline": headline, "source_original": original, "where_prec": wp,
            "where_coordinates": wc, "adm_1": adm1, "adm_2": adm2, "latitude": f"{lat:.5f}",
            "longitude": f"{lon:.5f}", "geom_wkt": f"POINT ({lon:.6f} {lat:.6f})",
            "priogrid_gid": str(priogrid(lat, lon)), "country": "Syria", "country_id": "652",
            "region": "Middle East", "event_clarity": clarity, "date_prec": dp, "date_start": ds,
            "date_end": de, "deaths_a": str(da), "deaths_b": str(db), "deaths_civilians": str(dc),
            "deaths_unknown": str(du), "low": str(low), "best": str(best), "high": str(high)}


GOV_INS = (1, 299, "Syria: Government", 11973, "Government of Syria - Syrian insurgents", 118,
           "Government of Syria", 4456, "Syrian insurgents")
GOV_IS = (1, 299, "Syria: Government", 11990, "Government of Syria - IS", 118, "Government of Syria", 234, "IS")
IS_SDF = (2, 14077, "IS - SDF", 15290, "IS - SDF", 234, "IS", 6279, "SDF")
OPP_IS = (2, 13976, "Ahrar al-Sham, Jabhat Fateh al-Sham, Southern Front - IS", 15146,
          "Ahrar al-Sham, Jabhat Fateh al-Sham, Southern Front - IS", 6390,
          "Ahrar al-Sham, Jabhat Fateh al-Sham, Southern Front", 234, "IS")
JAI_HTS = (2, 14301, "Jaysh al-Islam - HTS, Rahman Corps", 15532, "Jaysh al-Islam - HTS, Rahman Corps", 5621,
           "Jaysh al-Islam", 7025, "HTS, Rahman Corps")
IS_CIV = (3, 13904, "IS - Civilians", 14302, "IS - Civilians", 234, "IS", 1, "Civilians")
GOV_CIV = (3, 13901, "Government of Syria - Civilians", 14299, "Government of Syria - Civilians", 118,
           "Government of Syria", 1, "Civilians")


def tv_args(t):
    return dict(zip(("tv", "conf_id", "conf", "dyad_id", "dyad", "sa_id", "sa", "sb_id", "sb"),
                    (str(t[0]),) + t[1:]))


SY_GED = [
    sy_ged(i=9100001, **tv_args(GOV_INS), office="SOHR", sdate="2017-06-30",
           headline="Violent clashes continue in Jobar and Ein Terma amid mutual shelling",
           original="SOHR", wp="1", wc="Jobar neighbourhood", adm1="Damascus Governorate",
           adm2="Damascus district", lat=33.5333, lon=36.3333, clarity="1", dp="1", ds="2017-06-30",
           de="2017-06-30", da=3, db=5, dc=0, du=0, low=8, high=8),
    sy_ged(i=9100002, **tv_args(GOV_CIV), office="SNHR", sdate="2017-04-05",
           headline="SNHR documents massacres that claimed the lives of 91 civilians in Khan Shaykhun",
           original="SNHR", wp="1", wc="Khan Shaykhun town", adm1="Idlib Governorate",
           adm2="Ma'arrat an Nu'man district", lat=35.4419, lon=36.6466, clarity="1", dp="1",
           ds="2017-04-04", de="2017-04-04", da=0, db=0, dc=89, du=0, low=74, high=92, nsrc=3),
    sy_ged(i=9100003, **tv_args(OPP_IS), office="Enab Baladi", sdate="2017-02-24",
           headline="Opposition factions repel Jaish Khalid attack on Tasil", original="Enab Baladi",
           wp="2", wc="Tasil town", adm1="Daraa Governorate", adm2="Daraa district", lat=32.8336,
           lon=35.9681, clarity="1", dp="2", ds="2017-02-20", de="2017-02-23", da=11, db=17, dc=2, du=0,
           low=30, high=41),
    sy_ged(i=9100004, **tv_args(JAI_HTS), office="SOHR", sdate="2017-04-29",
           headline="Dozens killed as Jaysh al-Islam storms HTS and Faylaq al-Rahman positions in Ghouta",
           original="SOHR", wp="1", wc="Arbin town", adm1="Rif Dimashq Governorate",
           adm2="Markaz Rif Dimashq district", lat=33.5436, lon=36.3619, clarity="1", dp="1",
           ds="2017-04-28", de="2017-04-28", da=14, db=24, dc=0, du=0, low=38, high=38),
    sy_ged(i=9100005, **tv_args(GOV_IS), office="AFP", sdate="2017-03-02",
           headline="Syrian army retakes Palmyra from IS with Russian support", original="Syrian army statement",
           wp="1", wc="Tadmur town", adm1="Homs Governorate", adm2="Tadmur district", lat=34.5600,
           lon=38.2800, clarity="1", dp="1", ds="2017-03-02", de="2017-03-02", da=4, db=12, dc=0, du=0,
           low=16, high=25),
    sy_ged(i=9100006, **tv_args(IS_SDF), office="Reuters", sdate="2017-06-13",
           headline="U.S.-backed forces push into Raqqa's old city as fighting rages", original="SDF",
           wp="2", wc="Ar Raqqah town", adm1="Ar Raqqah Governorate", adm2="Ar Raqqah district",
           lat=35.9528, lon=39.0079, clarity="2", dp="3", ds="2017-06-06", de="2017-06-12", da=28, db=17,
           dc=0, du=0, low=30, high=60, nsrc=4),
    sy_ged(i=9100007, **tv_args(GOV_IS), office="SANA", sdate="2017-09-19",
           headline="Army units advance in Mayadin countryside", original="SANA", wp="3",
           wc="Al Mayadin district", adm1="Deir ez-Zor Governorate", adm2="Al Mayadin district",
           lat=34.9000, lon=40.5000, clarity="1", dp="3", ds="2017-09-13", de="2017-09-19", da=6, db=21,
           dc=0, du=0, low=27, high=27),
    sy_ged(i=9100008, **tv_args(IS_SDF), office="ANHA", sdate="2017-10-02",
           headline="SDF: 31 IS mercenaries killed in Deir ez-Zor countryside in one week", original="SDF",
           wp="4", wc="Deir ez-Zor governorate", adm1="Deir ez-Zor Governorate", adm2="", lat=35.0000,
           lon=40.5000, clarity="2", dp="3", ds="2017-09-25", de="2017-10-01", da=31, db=0, dc=0, du=0,
           low=31, high=31),
    sy_ged(i=9100009, **tv_args(GOV_INS), office="SOHR", sdate="2017-05-20",
           headline="Renewed clashes and shelling in northern Hama countryside", original="SOHR", wp="5",
           wc="Northern Hamah Governorate", adm1="Hama Governorate", adm2="", lat=35.4000, lon=36.6000,
           clarity="1", dp="2", ds="2017-05-18", de="2017-05-20", da=4, db=9, dc=1, du=0, low=14, high=14),
    sy_ged(i=9100010, **tv_args(GOV_INS), office="SNHR", sdate="2017-06-01",
           headline="Monthly death toll: 1,019 civilians killed in May 2017", original="SNHR", wp="6",
           wc="Syria", adm1="", adm2="", lat=35.0000, lon=38.0000, clarity="2", dp="4", ds="2017-05-01",
           de="2017-05-31", da=0, db=0, dc=0, du=12, low=12, high=12),
    sy_ged(i=9100011, **tv_args(IS_CIV), office="SOHR", sdate="2017-10-23",
           headline="Massacres that claimed the lives of 128 civilians in Al-Qaryatayn before IS withdrew",
           original="SOHR; Homs governor", wp="1", wc="Al Qaryatayn town", adm1="Homs Governorate",
           adm2="Homs district", lat=34.2292, lon=37.2406, clarity="1", dp="5", ds="2017-10-01",
           de="2017-10-21", da=0, db=0, dc=116, du=0, low=67, high=128, nsrc=2),
    sy_ged(i=9100012, **tv_args(GOV_IS), office="AFP", sdate="2017-08-06",
           headline="Syrian troops, allies take Al-Sukhnah from IS", original="Syrian army statement",
           wp="1", wc="As Sukhnah town", adm1="Homs Governorate", adm2="Tadmur district", lat=34.8867,
           lon=38.8717, clarity="1", dp="5", ds="2017-03-05", de="2017-03-01", da=2, db=8, dc=0, du=0,
           low=10, high=10),
]
write_csv("ucdp_ged_191_syria.csv", UCDP_191_SYRIA, SY_GED)
_exp = ucdp_expect(SY_GED, bad={11: "date_end 2017-03-01 is before date_start 2017-03-05"})
for i, e in enumerate(_exp):
    e["line"] = i + 2
EXPECTED["ucdp_ged_191_syria.csv"] = {"layout": "ucdp-ged-191-syria", "encoding": "utf-8",
                                      "rows": len(SY_GED), "events": len(SY_GED) - 1, "bad": 1,
                                      "expect": _exp}


# ---------------------------------------------------------------------------------------------
# 6b. ucdp_ged_231_car.csv — UCDP GED 23.1, Central African Republic: 16 of UCDP's own rows
#     (CC BY 4.0), taken from the GeoJSON copy in github.com/optgeo/ucdp-23.1-482. That copy lost
#     relid (coerced to 0) and split latitude/longitude into the geometry; relid is therefore
#     rebuilt here as CAF-<year>-<type>-<dyad_dset_id>-<id> (NOT UCDP's value) and geom_wkt from
#     the coordinates. Everything else is byte-for-byte UCDP's text.
# ---------------------------------------------------------------------------------------------
def car_rows() -> list[dict]:
    src = HERE / "_ucdp_231_car_source.json"
    feats = json.loads(src.read_text(encoding="utf-8"))
    rows = []
    for f in feats:
        p = dict(f["properties"])
        lon, lat = f["geometry"]["coordinates"]
        r = {k: ("" if p.get(k) is None else str(p.get(k))) for k in UCDP_231 if k in p}
        r["relid"] = f"CAF-{p['year']}-{p['type_of_violence']}-{p['dyad_dset_id']}-{p['id']}"
        r["latitude"], r["longitude"] = repr(float(lat)), repr(float(lon))
        r["geom_wkt"] = f"POINT ({float(lon)} {float(lat)})"
        for k in ("date_start", "date_end"):
            r[k] = p[k].replace("T", " ") + ".000"
        rows.append(r)
    return rows


CAR_ROWS = car_rows()
write_csv("ucdp_ged_231_car.csv", UCDP_231, CAR_ROWS)
_exp = ucdp_expect(CAR_ROWS)
for i, e in enumerate(_exp):
    e["line"] = None      # several rows hold line breaks inside quoted fields: count records, not lines
    e["record"] = i + 1
EXPECTED["ucdp_ged_231_car.csv"] = {"layout": "ucdp-ged-231", "encoding": "utf-8", "rows": len(CAR_ROWS),
                                    "events": len(CAR_ROWS), "bad": 0, "expect": _exp,
                                    "relid_is_reconstructed": True}


# ---------------------------------------------------------------------------------------------
# 7. three_countries_acled.csv — the 2019–2023 export layout as downloaded (dates "30 June 2017"),
#    Syria, Iraq and Lebanon, June–August 2017: 28 events across 20 first-level divisions.
# ---------------------------------------------------------------------------------------------
COUNTRY = {"SYR": ("Syria", "760"), "IRQ": ("Iraq", "368"), "LBN": ("Lebanon", "422")}
IS_IRQ = "Islamic State (Iraq)"
IRQ_MIL = "Military Forces of Iraq (2014-)"
PMF = "PMF: Popular Mobilization Forces"
LBN_MIL = "Military Forces of Lebanon (2016-)"


def tc(iso3, n, date, etype, sub, a1, as1, i1, a2, as2, i2, adm1, adm2, loc, lat, lon, notes, fat, geo="1",
       src="", scale="National"):
    country, iso = COUNTRY[iso3]
    r = sy19(5000000 + n, n, date, etype, sub, a1, as1, i1, a2, as2, i2, adm1, adm2, "", loc, lat, lon, geo,
             src or "SOHR", scale, notes, fat, 1552577983)
    r.update(event_id_cnty=f"{iso3}{n}", year="2017", country=country, iso=iso, iso3=iso3)
    return r


B, E, V, S = "Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"
TC_ROWS = [
    # Syria
    tc("SYR", 30411, "30 June 2017", B, "Armed clash", SDF, "Global Coalition Against Daesh", "2", IS_SYR, "",
       "2", "Ar-Raqqa", "Ar-Raqqa", "Raqqa", "35.9528", "39.0079",
       "On 30 June 2017, the SDF clashed with IS in the old city of Raqqa. 9 fatalities.", 9),
    tc("SYR", 30420, "29 June 2017", B, "Government regains territory", SYR_MIL_OLD, "Tiger Forces", "1",
       IS_SYR, "", "2", "Ar-Raqqa", "Ar-Raqqa", "Resafa", "35.6280", "38.7566",
       "On 29 June 2017, regime forces led by the Tiger Forces regained Resafa from IS.", 7),
    tc("SYR", 30433, "28 June 2017", B, "Armed clash", SYR_MIL_OLD, "Liwa al-Quds", "1", IS_SYR, "", "2",
       "Deir-ez-Zor", "Deir-ez-Zor", "Deir-ez-Zor", "35.3359", "40.1408",
       "On 28 June 2017, regime forces and Liwa al-Quds clashed with IS around the Panorama roundabout in "
       "Deir-ez-Zor city. 5 fatalities.", 5),
    tc("SYR", 30447, "27 June 2017", E, "Air/drone strike", "Military Forces of Russia (2000-)", "", "8",
       IS_SYR, "", "2", "Homs", "Tadmor", "Al-Sukhnah", "34.8867", "38.8717",
       "On 27 June 2017, Russian warplanes struck IS positions around Al-Sukhnah. No casualties reported.", 0),
    tc("SYR", 30455, "26 June 2017", B, "Armed clash", "Faylaq al-Rahman", "", "2", SYR_MIL_OLD, "", "1",
       "Damascus", "Damascus", "Jobar", "33.5333", "36.3333",
       "On 26 June 2017, Faylaq al-Rahman fighters clashed with regime forces in Jobar. 4 fatalities.", 4),
    tc("SYR", 30462, "25 June 2017", E, "Shelling/artillery/missile attack", SYR_MIL_OLD, "", "1",
       CIV_SYR, "", "7", "Rural Damascus", "Duma", "Ein Terma", "33.5136", "36.3583",
       "On 25 June 2017, regime forces shelled Ein Terma, killing 2 civilians.", 2),
    tc("SYR", 30470, "24 June 2017", B, "Armed clash", SYR_MIL_OLD, "", "1", HTS, "", "2", "Hama",
       "As-Suqaylabiyah", "Kafr Nabudah", "35.4011", "36.5078",
       "On 24 June 2017, regime forces clashed with HTS near Kafr Nabudah. 3 fatalities.", 3),
    tc("SYR", 30481, "23 June 2017", E, "Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)",
       "", "3", HTS, "", "2", "Idleb", "Idleb", "Idleb", "35.9306", "36.6339",
       "On 23 June 2017, an IED targeted an HTS vehicle in Idleb city. 2 fatalities.", 2),
    tc("SYR", 30490, "22 June 2017", B, "Armed clash", "Military Forces of Turkey (2016-)",
       "Syrian National Army", "8", "YPG: Peoples Protection Units", "", "2", "Aleppo", "Afrin", "Afrin",
       "36.5116", "36.8693",
       "On 22 June 2017, Turkish forces and allied rebels exchanged fire with the YPG around Afrin.", 0),
    tc("SYR", 30501, "21 June 2017", E, "Shelling/artillery/missile attack", SYR_MIL_OLD, "", "1", "", "", "0",
       "Dar'a", "Dar'a", "Dar'a", "32.6189", "36.1021",
       "On 21 June 2017, regime forces shelled the Dar'a al-Balad area. No casualties reported.", 0),
    # Iraq
    tc("IRQ", 11250, "29 June 2017", B, "Government regains territory", IRQ_MIL, "Global Coalition Against "
       "Daesh", "1", IS_IRQ, "", "2", "Ninewa", "Mosul", "Mosul", "36.3350", "43.1189",
       "On 29 June 2017, Iraqi forces backed by coalition air support regained the al-Nuri mosque area in "
       "Mosul's Old City from IS. 21 fatalities.", 21, src="Reuters; Shafaq News"),
    tc("IRQ", 11262, "30 June 2017", B, "Armed clash", IRQ_MIL, "", "1", IS_IRQ, "", "2", "Ninewa", "Mosul",
       "Mosul", "36.3350", "43.1189",
       "On 30 June 2017, Iraqi CTS troops clashed with IS in the last pockets of the Old City of Mosul. "
       "12 fatalities.", 12, src="Shafaq News"),
    tc("IRQ", 11301, "20 August 2017", B, "Armed clash", PMF, "", "3", IS_IRQ, "", "2", "Ninewa", "Telafar",
       "Tal Afar", "36.3765", "42.4495",
       "On 20 August 2017, PMF units clashed with IS on the western approaches of Tal Afar as the offensive "
       "began. 8 fatalities.", 8),
    tc("IRQ", 11288, "15 August 2017", E, "Air/drone strike", "Global Coalition Against Daesh", "", "8",
       IS_IRQ, "", "2", "Anbar", "Al-Kaim", "Al Qaim", "34.3690", "41.0940",
       "On 15 August 2017, coalition aircraft struck IS positions near Al Qaim. IS members were reportedly "
       "killed; 0 coded.", 0, src="Coalition press release", scale="International"),
    tc("IRQ", 11270, "2 July 2017", E, "Remote explosive/landmine/IED", IS_IRQ, "", "2", CIV_IRQ := "Civilians (Iraq)",
       "", "7", "Anbar", "Ramadi", "Ramadi", "33.4258", "43.2999",
       "On 2 July 2017, an IED planted by IS exploded in Ramadi, killing 3 civilians.", 3),
    tc("IRQ", 11276, "5 July 2017", E, "Suicide bomb", IS_IRQ, "", "2", CIV_IRQ, "", "7", "Baghdad",
       "Al-Resafa", "Baghdad - Al-Resafa", "33.3406", "44.4009",
       "On 5 July 2017, a suicide bomber blew himself up at a market in eastern Baghdad, killing 5.", 5),
    tc("IRQ", 11282, "8 July 2017", B, "Armed clash", PMF, "", "3", IS_IRQ, "", "2", "Salah al-Din",
       "Tikrit", "Tikrit", "34.6071", "43.6782",
       "On 8 July 2017, PMF fighters clashed with an IS cell west of Tikrit. 2 fatalities.", 2, geo="2"),
    tc("IRQ", 11294, "10 July 2017", V, "Attack", IS_IRQ, "", "2", CIV_IRQ, "", "7", "Diyala", "Baquba",
       "Baquba", "33.7466", "44.6437",
       "On 10 July 2017, IS gunmen killed a village mukhtar near Baquba.", 1, geo="2"),
    tc("IRQ", 11297, "12 July 2017", E, "Shelling/artillery/missile attack", IS_IRQ, "", "2", IRQ_MIL, "", "1",
       "Kirkuk", "Hawiga", "Hawija", "35.3262", "43.7661",
       "On 12 July 2017, IS fired mortars at army positions south of Hawija. No casualties.", 0),
    # Lebanon
    tc("LBN", 2101, "21 July 2017", B, "Armed clash", "Hezbollah", "Military Forces of Syria (2000-)", "3",
       HTS, "", "2", "Baalbek-Hermel", "Baalbek", "Arsal", "34.1794", "36.4203",
       "On 21 July 2017, Hezbollah launched an offensive against HTS in the outskirts of Arsal, backed by "
       "Syrian regime forces. 19 fatalities.", 19, src="Naharnet; Reuters"),
    tc("LBN", 2110, "26 July 2017", B, "Non-state actor overtakes territory", "Hezbollah", "", "3", HTS, "",
       "2", "Baalbek-Hermel", "Baalbek", "Arsal", "34.1794", "36.4203",
       "On 26 July 2017, Hezbollah claimed to have taken the last HTS positions in the Arsal outskirts.", 0,
       src="Al-Manar"),
    tc("LBN", 2131, "19 August 2017", B, "Armed clash", LBN_MIL, "", "1", "Islamic State (Lebanon)", "", "2",
       "Baalbek-Hermel", "Baalbek", "Ras Baalbek", "34.2578", "36.4200",
       "On 19 August 2017, the Lebanese army launched its offensive against IS in the Ras Baalbek outskirts. "
       "10 fatalities.", 10, src="NNA; Reuters"),
    tc("LBN", 2140, "20 August 2017", E, "Shelling/artillery/missile attack", LBN_MIL, "", "1",
       "Islamic State (Lebanon)", "", "2", "Baalbek-Hermel", "Hermel", "Al Qaa", "34.3442", "36.4756",
       "On 20 August 2017, the Lebanese army shelled IS positions in the Al Qaa outskirts.", 0, geo="2"),
    tc("LBN", 2152, "22 August 2017", B, "Government regains territory", LBN_MIL, "", "1",
       "Islamic State (Lebanon)", "", "2", "Baalbek-Hermel", "Hermel", "Al Qaa", "34.3442", "36.4756",
       "On 22 August 2017, the Lebanese army regained hilltops in the Al Qaa outskirts from IS.", 0, geo="2"),
    tc("LBN", 2166, "18 July 2017", V, "Attack", "Unidentified Armed Group (Lebanon)", "", "3",
       "Civilians (Lebanon)", "Palestinian Refugees (Lebanon)", "7", "South", "Saida", "Ain al-Hilweh",
       "33.5442", "35.3847",
       "On 18 July 2017, gunmen shot and wounded a man in Ain al-Hilweh camp. No fatalities.", 0,
       src="NNA", scale="National"),
    tc("LBN", 2175, "7 August 2017", "Protests", "Peaceful protest", "Protesters (Lebanon)", "", "6", "", "",
       "0", "Beirut", "Beirut", "Beirut", "33.8938", "35.5018",
       "On 7 August 2017, public sector employees demonstrated in Riad al-Solh square over the salary "
       "scale.", 0, src="Daily Star"),
    tc("LBN", 2180, "9 August 2017", S, "Arrests", LBN_MIL, "", "1", "Civilians (Lebanon)", "", "7",
       "North", "Tripoli", "Tripoli", "34.4367", "35.8497",
       "On 9 August 2017, the Lebanese army arrested a man in Tripoli suspected of links to IS.", 0,
       src="NNA"),
    tc("LBN", 2188, "12 August 2017", E, "Air/drone strike", "Military Forces of Israel (2009-)", "", "8", "",
       "", "0", "Nabatieh", "Marjaayoun", "Kfar Kila", "33.2825", "35.5600",
       "On 12 August 2017, an Israeli drone flew over Kfar Kila and dropped a stun grenade; no casualties.",
       0),
]
write_csv("three_countries_acled.csv", ACLED_2019, TC_ROWS)
_tc = acled_expect(TC_ROWS, date_of=d_full)
EXPECTED["three_countries_acled.csv"] = {
    "layout": "acled-2019", "encoding": "utf-8", "rows": len(TC_ROWS), "events": len(TC_ROWS), "bad": 0,
    "expect": _tc,
    "fronts_by_admin1": {c: sorted({e["front_admin1"] for e in _tc if e["country"] == c})
                         for c in ("Syria", "Iraq", "Lebanon")},
}

(HERE / "expected.json").write_text(json.dumps(EXPECTED, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
