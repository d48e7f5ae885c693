"""ACLED CSV exports of every era: 2015–2018 (UPPERCASE, `ALLY_ACTOR_1`, no sub-event type), 2019–2023
(`data_id`, `iso`, numeric inter codes, often re-saved by pandas with an index column first), 2024 on
(`disorder_type`, `civilian_targeting`, `tags`, text inter codes), and "actor-based" exports that repeat
an event on one row per actor (no `actor2`): the importer merges those rows into one event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from operator import itemgetter

from ...geography import name_key
from ...rules import certainty_of
from ...write.records import RowError, parse_coordinate, parse_count
from ...write.resolve import Resolver, slugify
from .acled_types import sitroom_type
from .common import Context, first_sentence, located, rest_columns

KIND = "csv"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude")
DATE_COLUMNS = ("event_date",)  # read as DateOrder reads them
ALIASES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
PRECISION = {"1": "day", "2": "week", "3": "month"}
WHERE = {"1": "exact", "2": "near", "3": "province"}
_USED = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
         "assoc_actor_1", "actor2", "assoc_actor_2", "location", "latitude", "longitude", "geo_precision",
         "admin1", "country", "notes", "fatalities", "source")


def detect(header: list[str]) -> bool:
    return "event_id_cnty" in header and "actor1" in header


def merges_repeats(row: Mapping[str, str | None]) -> bool:
    """An actor-based export names one actor a row: consecutive rows of one event are one event."""
    return "actor2" not in row


def to_record(row: Mapping[str, str | None], resolver: Resolver, context: Context) -> dict:
    return converter(tuple(row))([*row.values()], resolver, context)


# The columns a row's record is made from, as converter() reads them (the order of its unpacking).
_READ = ("event_id_cnty", "event_date", "time_precision", "geo_precision", "latitude", "longitude",
         "location", "event_type", "sub_event_type", "notes", "actor1", "actor2", "source", "assoc_actor_1",
         "assoc_actor_2", "admin1", "country", "fatalities", "inter1", "inter2", "interaction")
Convert = Callable[[list, Resolver, Context], dict]


@lru_cache(maxsize=16)  # a file's header, the same on every row
def converter(header: tuple[str, ...]) -> Convert:
    """to_record for the rows of a file with `header`, given as their values in its order: which
    column holds what is found once, not on every row; a column the file lacks reads as None."""
    at = {name: i for i, name in enumerate(header) if name}
    lacking = len(header)  # the None each row is given after its values
    read = itemgetter(*(at.get(name, lacking) for name in _READ))
    rest = tuple((name, at[name]) for name in rest_columns(tuple(at), _USED))
    actor_based = "actor2" not in at

    def convert(values: list, resolver: Resolver, context: Context) -> dict:
        """The record of one row (its values in the header's order)."""
        (key, date, time_precision, geo_precision, lat, lon, location, source_type, sub, notes, actor1,
         actor2, source_name, assoc1, assoc2, admin1, country, fatalities, inter1,
         inter2, interaction) = read([*values, None])
        key = _required(key, "event_id_cnty")
        date = context.dates.parse(_required(date, "event_date"), "event_date", context.line)
        precision = _coded(time_precision, "time_precision", PRECISION)
        where = _coded(geo_precision, "geo_precision", WHERE)
        lat = parse_coordinate(_required(lat, "latitude"), "latitude", 90)
        lon = parse_coordinate(_required(lon, "longitude"), "longitude", 180)
        location = (location or "").strip() or None
        source_type = _required(source_type, "event_type")
        sub = (sub or "").strip() or None
        notes = (notes or "").strip()
        actor1, actor2 = _required(actor1, "actor1"), (actor2 or "").strip()
        summary = first_sentence(notes) if notes else (
            f"{sub or source_type}: {actor1}{' against ' + actor2 if actor2 else ''}"
            + (f" in {location}" if location else ""))
        memo = context.memo
        source_name = (source_name or "").strip()
        source = memo.sources.get(source_name)
        if source is None:
            source = memo.sources[source_name] = resolver.source(
                f"acled:{slugify(source_name)}" if source_name else "acled",
                title=source_name or "ACLED", publisher=source_name or "ACLED", kind="ACLED")
        # The actor codes (inter1/inter2) are the main actors' only: the resolver's bloc for a new faction.
        named = (_actor_based(actor1, assoc1, inter1, interaction) if actor_based else
                 ((actor1, "actor", inter1), (assoc1, "ally"), (actor2, "target", inter2),
                  (assoc2, "target_ally")))
        attributes: dict[str, object] = {}
        for name, i in rest:
            value = values[i]
            if value is not None and (text := value.strip() if type(value) is str else str(value).strip()):
                attributes[name] = text
        return {
            **located("acled", key, resolver, date=date, date_end=None, precision=precision,
                      where=where, place=location, admin1=admin1, country=country, lat=lat, lon=lon,
                      memo=memo),
            "event_type": sitroom_type(source_type, sub, notes),
            "source_type": source_type,
            "source_sub_type": sub,
            "summary": summary,
            "certainty": certainty_of(notes),
            "fatalities": parse_count(fatalities, "fatalities"),
            "source": source,
            "excerpt": notes or None,
            "factions": memo.parties(resolver, named, country),
            "attributes": attributes,
        }

    return convert


def _actor_based(actor: str, assoc: str | None, inter: str | None,
                 interaction: str | None) -> tuple[tuple[str | None, ...], ...]:
    """The parties of an actor-based row: its actor and associates, on the side its code takes in the
    event's interaction ("Rioters-Civilians", "57": the first the actor, the second the target; "Protesters
    only", "60": an actor alone). Both sides of one code ("Rioters-Rioters"), or no interaction: sides,
    for the row does not say which acted."""
    first, second = _interaction(interaction)
    code = name_key(inter or "")
    role, ally = "side", "ally"
    if code and first and code != second and (code == first or not second):
        role = "actor"
    elif code and second and code == second != first:
        role, ally = "target", "target_ally"
    return (actor, role, inter), (assoc, ally)


@lru_cache(maxsize=256)
def _interaction(text: str | None) -> tuple[str, str]:
    """The two actor codes an interaction names, as name keys ("" for none): "Rioters-Civilians" →
    (rioters, civilians), "Protesters only" → (protesters, ""), "57" → (5, 7), "60" → (6, "")."""
    text = (text or "").strip()
    if text.isdigit() and len(text) == 2:
        return text[0], "" if text[1] == "0" else text[1]
    if text.casefold().endswith(" only"):
        return name_key(text[:-5]), ""
    first, _, second = text.partition("-")
    return name_key(first), name_key(second)


def _required(value: str | None, column: str) -> str:
    value = (value or "").strip()
    if not value:
        raise RowError(f"empty {column}")
    return value


def _coded(value: str | None, column: str, meanings: Mapping[str, str]) -> str:
    """What a coded column (1 when empty) means."""
    code = (value or "1").strip()
    if code not in meanings:
        raise RowError(f"{column} {code!r} is not 1, 2 or 3")
    return meanings[code]
