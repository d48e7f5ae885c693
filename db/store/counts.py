"""Counting the events under a filter: from the monthly tallies on a large store (their whole months,
plus the events of the part-months a date range cuts), else from the events themselves, to the day.
Grouped in SQL: the few hundred groups a pane shows, never a whole cube. Runs on the counts line, which
interrupt_counts() can cut short."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..models import Facets
from .connection import Line
from .memo import Memo
from .plan import KEYED_COUNT_FROM, Compiled

TALLY_FROM = 20_000  # events: from here on counts come from the monthly tallies
# Each dimension counts can be grouped by: (over `tallies t`, over `events e`). {bucket} is the
# histogram's unit over events: the day, or the month where tallies answer the whole months.
DIMS = {
    "front": ("t.front", "e.front"),
    "type": ("t.event_type", "e.event_type"),
    "certainty": ("t.certainty", "e.certainty"),
    "bucket": ("t.month", "{bucket}"),
    "month": ("t.month", "substr(e.date, 1, 7)"),
    "side": ("t.side", "e.side"),
}


# What `ranked` can rank: the events' column, the table naming its values, the name column and the
# columns that typing narrows on.
RANKABLE = {"place": ("e.place", "places", "name", ("name", "aliases")),
            "source": ("e.source", "sources", "title", ("title", "publisher"))}


@dataclass(frozen=True)
class Ranked:
    """One place or source and how many events under a filter it has."""

    id: str
    name: str
    count: int
    estimated: bool = False  # scaled up from a sample of the events; the exact count follows


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Counts:
    def __init__(self, line: Line, memo: Memo) -> None:
        self.rows, self._memo = line.rows, memo

    def size(self) -> int:
        """How many events the store holds (from the tallies: cheap at any size)."""
        return self._memo.get(("size",), lambda: self.rows(
            "SELECT sum(n) FROM tallies WHERE key = ''")[0][0] or 0)

    def large(self) -> bool:
        return self.size() >= TALLY_FROM

    def use_tallies(self, c: Compiled) -> bool:
        """Tallies answer counts on large stores; small ones are counted directly, to the day."""
        return c.tally is not None and self.large()

    def cube(self, c: Compiled, dims: Sequence[str], *, precise: bool = False) -> tuple[Counter[tuple], str]:
        """Counts of the events passing `c` (only those dated to the day, with precise=True), grouped
        by `dims` (names in DIMS), and the unit of the "bucket" dimension: a month when the tallies
        answer, else a day."""
        cube: Counter[tuple] = Counter()

        def add(sql: str, params: Sequence[object], sign: int = 1) -> None:
            for *key, n in self.rows(sql, params):
                cube[tuple(key)] += sign * n

        if not self.use_tallies(c):
            exprs = ", ".join(DIMS[d][1].replace("{bucket}", "e.date") for d in dims)
            day = " AND e.date_precision = 'day'" if precise else ""
            add(f"SELECT {exprs}, count(*) FROM events e WHERE {c.where}{day} GROUP BY {exprs}", c.params)
            return cube, "day"
        assert c.tally is not None
        exprs = ", ".join(DIMS[d][0] for d in dims)
        day = " AND t.day_precise = 1" if precise else ""
        add(f"SELECT {exprs}, sum(t.n) FROM tallies t WHERE t.key = ? AND {c.tally.sql}{day} "
            f"GROUP BY {exprs}", (c.tally_key, *c.tally.params))
        exprs = ", ".join(DIMS[d][1].replace("{bucket}", "substr(e.date, 1, 7)") for d in dims)
        day = " AND e.date_precision = 'day'" if precise else ""
        for source, where, params in self._edge_sources(c):
            add(f"SELECT {exprs}, count(*) FROM {source} WHERE {where}{day} GROUP BY {exprs}", params)
        if c.spill:  # counted in their months, not over by the filter's last day
            add(f"SELECT {exprs}, count(*) FROM events e WHERE {c.spill.sql}{day} GROUP BY {exprs}",
                c.spill.params, -1)
        return +cube, "month"

    @staticmethod
    def _edge_sources(c: Compiled) -> Iterator[tuple[str, str, tuple[object, ...]]]:
        """(FROM, WHERE, params) for the events of each part-month a date range starts or ends in,
        read in date order from the index that serves the filter."""
        for since, until in c.edges:
            if c.tally_key:
                yield (KEYED_COUNT_FROM, f"k.key = ? AND k.date BETWEEN ? AND ? AND {c.rest.sql}",
                       (c.tally_key, since, until, *c.rest.params))
            else:
                yield ("events e", f"e.date BETWEEN ? AND ? AND {c.where}", (since, until, *c.params))

    def grouped(self, c: Compiled, dim: str) -> dict[str, int]:
        """Counts of the events passing `c`, by one dimension."""
        cube, _ = self.cube(c, (dim,))
        return {key[0]: n for key, n in cube.items()}

    def factions(self, c: Compiled) -> dict[str, int]:
        """Each faction's events (with its units') among those passing `c` bar its factions."""
        counts: Counter[str] = Counter()
        if self.use_tallies(c):
            assert c.tally is not None
            rows = self.rows(
                f"SELECT t.key, sum(t.n) FROM tallies t WHERE t.key != '' AND {c.tally.sql} GROUP BY 1",
                c.tally.params)
            for since, until in c.edges:
                rows += self.rows(
                    f"SELECT k.key, count(*) FROM {KEYED_COUNT_FROM} WHERE k.date BETWEEN ? AND ? "
                    f"AND {c.rest.sql} GROUP BY 1", (since, until, *c.rest.params))
            if c.spill_rest:  # see cube()
                rows += [(key, -n) for key, n in self.rows(
                    "SELECT k.key, count(*) FROM events e CROSS JOIN event_keys k ON k.event = e.id "
                    f"WHERE {c.spill_rest.sql} GROUP BY 1", c.spill_rest.params)]
        else:
            rows = self.rows(
                f"SELECT k.key, count(*) FROM {KEYED_COUNT_FROM} WHERE {c.rest.sql} GROUP BY 1",
                c.rest.params)
        for key, n in rows:
            counts[key] += n
        return dict(+counts)

    def factions_within(self, c: Compiled) -> dict[str, int]:
        """Each faction's events (with its units') among those passing the whole of `c`, its
        factions included: who else is in the events of the view."""
        rows = self.rows(f"SELECT k.key, count(*) FROM event_keys k WHERE k.key != '' AND k.event IN "
                         f"(SELECT e.id FROM events e WHERE {c.where}) GROUP BY 1", c.params)
        return {key: n for key, n in rows if n}

    def ranked(self, c: Compiled, by: str, limit: int, like: str = "",
               keep: Sequence[str] = (), scale: float = 0) -> list[Ranked]:
        """The `limit` places or sources (`by`) with the most events passing `c`, those whose name
        holds `like` when given, then each of `keep` that is not among them (with its count, 0 too).
        Grouped before the names are joined, so a large store is read once, from the column's index."""
        column, table, name, searched = RANKABLE[by]
        narrow = " OR ".join(f"{s} LIKE ? ESCAPE '\\'" for s in searched)
        narrow = f" AND {column} IN (SELECT id FROM {table} WHERE {narrow})" if like else ""
        top = self.rows(
            f"SELECT g.id, x.{name}, g.n FROM (SELECT {column} AS id, count(*) AS n FROM events e "
            f"WHERE {c.where}{narrow} AND {column} IS NOT NULL GROUP BY 1) g "
            f"JOIN {table} x ON x.id = g.id ORDER BY g.n DESC, x.{name} LIMIT ?",
            (*c.params, *((_like(like),) * len(searched) if like else ()), limit))
        if scale:  # `c` reads a sample: its counts scaled up, estimates
            return [Ranked(r[0], r[1], round(r[2] * scale), estimated=True) for r in top]
        out = [Ranked(r[0], r[1], r[2]) for r in top]
        missing = [k for k in dict.fromkeys(keep) if k not in {r.id for r in out}]
        if missing:
            marks = ", ".join("?" * len(missing))
            counted = dict(self.rows(f"SELECT {column}, count(*) FROM events e WHERE {c.where} AND "
                                     f"{column} IN ({marks}) GROUP BY 1", (*c.params, *missing)))
            names = dict(self.rows(f"SELECT id, {name} FROM {table} WHERE id IN ({marks})", missing))
            out += [Ranked(k, names.get(k, k), counted.get(k, 0)) for k in missing]
        return out

    def facets(self, c: Compiled, *, factions: bool = False) -> Facets:
        summary, _ = self.cube(c, ("front", "type", "certainty"))
        histogram, bucket = self.cube(c, ("bucket", "side", "certainty"), precise=True)
        return facets_of(summary, histogram, bucket, self.factions(c) if factions else None)


def facets_of(summary: Counter[tuple], histogram: Counter[tuple], bucket: str,
              factions: dict[str, int] | None, sample: int = 0) -> Facets:
    """Facets from counts by (front, type, certainty) and by (bucket, side, certainty) of day-dated
    events: only confirmed events are stacked by side, the rest are counted apart."""
    fronts: Counter[str] = Counter()
    types: Counter[str] = Counter()
    certainty: Counter[str] = Counter()
    for (front, event_type, sure), n in summary.items():
        fronts[front] += n
        types[event_type] += n
        certainty[sure] += n
    buckets: Counter[str] = Counter()
    sides: dict[str, Counter[str]] = {}
    unconfirmed: Counter[str] = Counter()
    for (when, side, sure), n in histogram.items():
        buckets[when] += n
        if sure == "confirmed":
            sides.setdefault(when, Counter())[side] += n
        else:
            unconfirmed[when] += n
    total = sum(certainty.values())
    return Facets(
        total=total,
        factions=factions,
        fronts=dict(fronts),
        types=dict(types),
        certainty=dict(certainty),
        buckets=dict(buckets),
        bucket=bucket,
        undated=max(0, total - sum(buckets.values())),
        sides={when: dict(by_side) for when, by_side in sides.items()},
        unconfirmed=dict(unconfirmed),
        sample=sample,
    )
