"""UCDP Georeferenced Event Dataset (GED) CSV, every version: the 41 columns of the 19.1 Syria set, the
49 of 23.1 (`relid`, `code_status`, `where_description`, `*_dset_id`) and whatever comes between.

UCDP's sides are undirected: side A is not said to have acted. Every group a side lists ("Ahrar al-Sham,
Jabhat Fateh al-Sham, Southern Front") is a party to the event as a side, never an actor or target, in
one-sided violence too: its side A would be an actor, but the linker (db/happenings/matching.py) then asks
the actors' blocs of both accounts to share one, and UCDP's names for a group (IS, Syrian insurgents) are
other factions than ACLED's, often of another bloc: accounts of one happening would no longer link.
Side A's groups are *side_a*, side B's *side*: by UCDP's definition side A is the government (in a
non-state conflict the first organised group, in one-sided violence the perpetrator), and its bloc is the
event's side (db/rules.py SIDE_ROLES) without making it an actor.
UCDP codes an event only when it judges the deaths to have happened, so every event is confirmed.

What a side is, which gives a new faction its bloc (write/resolve.py INTER_BLOCS), is in the row: a side
with a Gleditsch-Ward number (gwnoa, gwnob) is a state's government, as is side A of a state-based
conflict (type 1, in the 19.1 sets that have no gwnoa); side B of a state-based conflict without one is a
rebel group; the sides of a non-state conflict (type 2) are armed groups fighting each other (militias);
side B of one-sided violence is civilians. Side A of one-sided violence without a gwnoa is left uncoded
(the 19.1 sets cannot tell a government from a group there): a later row coding it decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from ...write.names import without_admin_suffix
from ...write.records import RowError, parse_count
from ...write.resolve import Resolver
from ...write.ucdp_sources import title as sources_title
from .common import (
    Context,
    attributes,
    coded,
    first_sentence,
    located,
    parties,
    point,
    required,
)

KIND = "csv"
REQUIRED = ("id", "date_start", "side_a", "side_b", "latitude", "longitude")
DATE_COLUMNS = ("date_start", "date_end")  # read as DateOrder reads them
ALIASES: dict[str, str] = {}
# date_prec: 1 the day, 2 within 2–6 days, 3 the week, 4 the month, 5 longer; the range is kept too.
PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
# where_prec: 1 the place, 2 within 25 km of it, 3 the district, 4 the province, 5 a part of the country,
# 6 the country, 7 the country or beyond (airspace, waters).
WHERE = {"1": "exact", "2": "near", "3": "district", "4": "province", "5": "region", "6": "country",
         "7": "country"}
VIOLENCE = {"1": "clashes", "2": "clashes", "3": "attack"}
PARTS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "high")
_USED = ("id", "date_start", "date_end", "date_prec", "where_prec", "where_coordinates", "adm_1", "country",
         "latitude", "longitude", "side_a", "side_b", "type_of_violence", "source_headline", "best")


def detect(header: list[str]) -> bool:
    return "date_start" in header and "side_a" in header


def groups(side: str | None, role: str = "side", code: str | None = None) -> list[tuple[str | None, ...]]:
    """Each group a side names, in `role` and with the actor `code` (INTER_BLOCS) the row gives it: UCDP
    lists several with ", " (a hyphen is part of a name: `Anti-Balaka - Mokom` is one group)."""
    return [(name, role, code) for name in (side or "").split(", ") if name.strip()]


def sides(row: Mapping[str, str | None], violence: str) -> list[tuple[str | None, ...]]:
    """The parties of a row: each group of side A and of side B, with its role and actor code."""
    state_a, state_b = ((row.get(c) or "").strip() not in ("", "-1") for c in ("gwnoa", "gwnob"))
    side_a, side_b = row.get("side_a"), row.get("side_b")
    if violence == "3":
        return [*groups(side_a, "side_a", "state forces" if state_a else None),
                *groups(side_b, code="civilians")]
    if violence == "2":
        return [*groups(side_a, "side_a", "political militia"), *groups(side_b, code="political militia")]
    return [*groups(side_a, "side_a", "state forces"),
            *groups(side_b, code="state forces" if state_b else "rebel group")]


def to_record(row: Mapping[str, str | None], resolver: Resolver, context: Context) -> dict:
    key = required(row, "id")
    date = context.dates.parse(required(row, "date_start"), "date_start", context.line)
    end_text = (row.get("date_end") or "").strip()
    date_end = context.dates.parse(end_text, "date_end", context.line) if end_text else None
    if date_end is not None and date_end < date:
        raise RowError(f"date_end {date_end} is before date_start {date}")
    precision = coded(row, "date_prec", PRECISION, "1 to 5")
    where = coded(row, "where_prec", WHERE, "1 to 7")
    lat, lon = point(row, "latitude", "longitude")
    area = without_admin_suffix(row.get("adm_2")) if where == "district" else None
    side_a, side_b = required(row, "side_a"), required(row, "side_b")
    headline = (row.get("source_headline") or "").strip()
    best = parse_count(row.get("best"), "best")
    place = (row.get("where_coordinates") or "").strip() or None
    summary = first_sentence(headline) if headline else (
        f"{side_a} – {side_b}" + (f" near {place}" if place and where in ("exact", "near") else "")
        + (f": {best} killed" if best else ""))
    article = (row.get("source_article") or "").strip()
    source_id = "ucdp:" + hashlib.sha1(article.encode("utf-8")).hexdigest()[:12] if article else "ucdp"
    violence = (row.get("type_of_violence") or "1").strip()
    return {
        **located("ucdp", key, resolver, date=date, date_end=date_end, precision=precision,
                  where=where, place=place, admin1=row.get("adm_1"), country=row.get("country"), lat=lat,
                  lon=lon,
                  area=area),
        "event_type": VIOLENCE.get(violence, "clashes"),
        "source_type": f"type_of_violence {violence}",
        "summary": summary,
        "certainty": "confirmed",
        "fatalities": best,
        "source": resolver.source(source_id, title=sources_title(
            article, row.get("source_office") or "", row.get("source_date") or "", headline) or "UCDP GED",
            publisher="UCDP",
            published=(row.get("source_date") or "")[:10] or None, kind="UCDP"),
        "excerpt": headline or None,
        "factions": parties(resolver, sides(row, violence), row.get("country")),
        "attributes": attributes(row, _USED, counts=PARTS),
    }
