"""UCDP Georeferenced Event Dataset (GED) CSV."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from ...rules import certainty_of
from ...write.records import RowError, parse_count, parse_date
from ...write.resolve import Resolver
from .common import first_sentence, located, parties, point, required

KIND = "csv"
REQUIRED = ("id", "date_start", "side_a", "side_b", "latitude", "longitude")
# date_prec: 1 the day, 2 within 2–6 days, 3 the week, 4 the month, 5 longer.
PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
VIOLENCE = {"1": "clashes", "2": "clashes", "3": "attack"}


def detect(header: list[str]) -> bool:
    return "date_start" in header and "side_a" in header


def to_record(row: Mapping[str, str | None], resolver: Resolver) -> dict:
    key = required(row, "id")
    date = parse_date(required(row, "date_start")[:10])
    precision_code = (row.get("date_prec") or "1").strip()
    if precision_code not in PRECISION:
        raise RowError(f"date_prec {precision_code!r} is not 1 to 5")
    lat, lon = point(row, "latitude", "longitude")
    admin1 = (row.get("adm_1") or "").strip() or None
    if admin1:
        admin1 = admin1.removesuffix(" governorate").removesuffix(" province").strip()
    where = (row.get("where_coordinates") or "").strip() or admin1 or f"{lat:.3f}, {lon:.3f}"
    side_a, side_b = required(row, "side_a"), required(row, "side_b")
    text = (row.get("source_headline") or row.get("source_original") or "").strip()
    best = parse_count(row.get("best"), "best")
    violence = (row.get("type_of_violence") or "1").strip()
    summary = first_sentence(text) if text else (
        f"{side_a} against {side_b} near {where}" + (f": {best} killed" if best else ""))
    article = (row.get("source_article") or "").strip()
    source_id = "ucdp:" + hashlib.sha1(article.encode("utf-8")).hexdigest()[:12] if article else "ucdp"
    return {
        **located("ucdp", key, date, PRECISION[precision_code], resolver, where, admin1, lat, lon),
        "event_type": VIOLENCE.get(violence, "clashes"),
        "summary": summary,
        "certainty": certainty_of(text),
        "fatalities": best,
        "source": resolver.source(source_id, title=article[:200] or "UCDP GED", publisher="UCDP",
                                  published=(row.get("source_date") or "")[:10] or None, kind="UCDP"),
        "excerpt": text or None,
        "factions": parties(resolver, [(side_a, "actor"), (side_b, "target")]),
    }
