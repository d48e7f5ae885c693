"""Estimates from a fixed random sample: what a large store shows at once for the filters whose exact
counts take long (a search matching much of it, several factions at once, a source holding much of
it), until the exact figures come.
Event rowids are spread evenly (schema.event_rowid), so the events below a rowid are a fair sample."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from .. import schema
from ..filters import EventFilter
from ..models import Facets, Front, FrontCount
from .counts import Counts, facets_of
from .memo import Memo
from .planner import Planner

SAMPLE_EVENTS = 16_000  # about how many events an estimate reads: 1/2, 1/4 … of the store


def sample(counts: Counts, memo: Memo) -> tuple[int, int, float] | None:
    """The fixed sample of a large store: (1/share of the events, the rowid they are below, the
    scale from the sample's counts to the store's); None when the sample is empty."""
    size = counts.size()
    share = 2 ** max(1, round(math.log2(max(size, 1) / SAMPLE_EVENTS)))
    below = schema.SAMPLE_SPACE // share
    sampled = memo.get(("sampled", share), lambda: counts.rows(
        "SELECT count(*) FROM events WHERE rowid < ?", (below,))[0][0])
    return (share, below, size / sampled) if sampled else None


def estimate(f: EventFilter, planner: Planner, counts: Counts, memo: Memo,
             fronts: Callable[[], list[Front]]) -> tuple[list[FrontCount], Facets] | None:
    """Front counts (ignoring the fronts of `f`) and facets estimated from the sample, marked with
    Facets.sample; None when the exact counts are quick."""
    c = planner.compile(f)
    broad_source = bool(f.sources) and not planner.sources_rare(f.sources)
    if (not counts.large() or counts.use_tallies(c)
            or not (planner.text_mode(f.text) == "walk" or len(f.factions) > 1 or broad_source)):
        return None
    drawn = sample(counts, memo)
    if drawn is None:
        return None
    share, below, scale = drawn
    sc = planner.compile(f.but(fronts=()), sample_below=below)
    rows = counts.rows(
        "SELECT e.front, e.event_type, e.certainty, substr(e.date, 1, 7), e.date_precision = 'day', "
        f"e.side, count(*) FROM events e WHERE {sc.where} GROUP BY 1, 2, 3, 4, 5, 6", sc.params)
    by_front: Counter[str] = Counter()
    summary: Counter[tuple] = Counter()
    histogram: Counter[tuple] = Counter()
    for front, event_type, sure, month, precise, side, n in rows:
        by_front[front] += n
        if not f.fronts or front in f.fronts:
            summary[(front, event_type, sure)] += n
            if precise:
                histogram[(month, side, sure)] += n
    scaled = lambda counter: Counter({k: round(n * scale) for k, n in counter.items()})  # noqa: E731
    front_counts = [FrontCount(fr, round(by_front.get(fr.slug, 0) * scale)) for fr in fronts()]
    return front_counts, facets_of(scaled(summary), scaled(histogram), "month", None, share)
