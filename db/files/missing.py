"""What a file written by R or pandas means by `NA`: nothing.

R writes a missing value as `NA` (write.csv, readr's write_csv) and a number that is not one as `NaN`;
pandas writes its `na_rep` (often "NA", "NaN" or "N/A"; empty by default). Read as text, such a cell
would become a faction called "NA", a place, a front.

The rule: in a column ACLED or UCDP GED defines, a cell that is exactly NA, NaN or N/A is empty. Those
columns hold names (actors, places, admin levels, sources), numbers, dates, codes of digits and free
text, none of which has NA as a value: ACLED's `iso` and UCDP's country ids are numbers, never the
alpha-2 "NA" of Namibia. Kept as written:
- a column the dataset does not define (one a user added, such as an alpha-2 country code, where NA is
  Namibia): it is kept in the event's attributes as the row gave it;
- sitroom's own CSV: its exporter writes a missing value as an empty cell, so a NA in it is a value it
  was given (a faction named "NA" round-trips);
- JSON Lines: JSON has null for missing, so "NA" there is a string someone wrote.
Matching is exact (case and all): "Nan" is a province of Thailand, "Na" a name.
"""

from __future__ import annotations

import re
from functools import cache

NA = frozenset({"NA", "NaN", "N/A"})

ACLED_COLUMNS = frozenset({
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", "iso3", "gwno", "population_1km", "population_2km", "population_5km",
    "population_best",
})
UCDP_COLUMNS = frozenset({
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
})
_DEFINED = {"acled": ACLED_COLUMNS, "ucdp": UCDP_COLUMNS}


def na_positions(fmt: str, header: list[str]) -> tuple[int, ...]:
    """Where in a row of `fmt` with `header` (names as header_names() gives them) NA means empty."""
    defined = _DEFINED.get(fmt, frozenset())
    return tuple(i for i, name in enumerate(header) if name in defined)


def may_hold_na(text: str) -> bool:
    """Whether a row's text may hold a NA cell: the cheap test before its values are looked at."""
    return "NA" in text or "NaN" in text or "N/A" in text


@cache
def _cell(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    return re.compile(rf'(?:^|{d})"?(?:NA|NaN|N/A)"?(?={d}|\r?\n|$)')


def holds_na_cell(text: str, delimiter: str = ",") -> bool:
    """Whether a record's text (as read, delimited by `delimiter`) has a cell that is exactly NA, NaN or
    N/A: "NATO" or "NAF" inside a name is no NA cell."""
    return may_hold_na(text) and _cell(delimiter).search(text) is not None
