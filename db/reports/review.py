"""Reviewing a report's events before they land (`sitroom ingest REPORT --review`, `sitroom review ID`).

A `Review` is a report's text and its candidate events (`ReviewItem`): those the extractor finds, and
those the store already holds for that source (a report ingested before, or reviewed before). The
person reviewing decides each one (`Decision`: accept, drop or leave it, edited or not, linked to a
proposed happening, to a new one, or left to the linker) and review_land.py writes them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date as _date
from datetime import timedelta

from ..dates import month_end
from ..happenings.linking import read_window
from ..happenings.matching import FAMILIES, Candidate, Window
from ..happenings.proposals import Proposal, propose
from ..models import CERTAINTIES, PRECISIONS, ROLES
from ..text import clean_text
from .cues import TYPES
from .extract import Found, Lexicon, normalise, sentences
from .ingest import ingest_text
from .sentences import locate
from .spelling import normalised, sentence_key

ACCEPT, DROP = "accept", "drop"
NEW = "new"  # a link choice: a happening of its own, kept apart by hand
EVENT_TYPES = tuple(sorted(set(TYPES) | set(FAMILIES)))


class ReviewError(ValueError):
    """The review cannot be opened or written as asked; the message says why, for the user."""


@dataclass(frozen=True)
class Fields:
    """What a person may change about a candidate event."""

    event_type: str
    certainty: str
    date: str
    date_precision: str
    place: str | None  # a place of the gazetteer (a store id or "geonames:<id>"); None: unknown
    place_name: str | None  # the place's name; for an unknown place, the name it is kept under
    factions: tuple[tuple[str, str], ...]  # (slug, role)


@dataclass(frozen=True)
class ReviewItem:
    """One candidate event: its sentence (and where it is in the text), its fields, and, when the store
    holds it, its id, whether it was reviewed and the happening it is in."""

    key: str  # the stored event's id, else "x<n>" (extracted) or "a<n>" (added by hand)
    sentence: str
    span: tuple[int, int] | None  # of the sentence in Review.text; None when it cannot be found
    fields: Fields
    why: tuple[tuple[str, str], ...] = ()  # the extractor's words behind each field
    stored: str | None = None
    reviewed: int | None = None  # events.reviewed of the stored event
    happening: str | None = None  # the lead of the happening a stored event shares with others
    located_by: str = ""
    lat: float | None = None
    lon: float | None = None
    dropped: bool = False  # an extracted candidate a review of this report dropped before
    # A stored event that is an extracted candidate: that candidate's key (candidate_key), which a drop
    # remembers (the store names a gazetteer's place its own way, the report another).
    origin: list[str | None] | None = None


def candidate_key(sentence: str, fields: Fields) -> list[str | None]:
    """What an extracted candidate is remembered by (reports.dropped, reports.edited): its sentence (as
    the rules read it, so that what a review remembered before sentences were kept as the report wrote
    them still answers), type and place."""
    return [sentence_key(sentence), fields.event_type, fields.place_name]


def remembered(conn: sqlite3.Connection, source_id: str) -> tuple[list[list[str | None]],
                                                                  dict[str, list[str | None]]]:
    """What earlier reviews of a report decided beyond its stored events: the candidates they dropped,
    and each edited event's candidate (by its id), each by candidate_key, whatever form it was kept in."""
    row = conn.execute("SELECT dropped, edited FROM reports WHERE source = ?", (source_id,)).fetchone()
    dropped, edited = row or (None, None)

    def key(k: list[str | None]) -> list[str | None]:
        return [sentence_key(k[0] or ""), *k[1:]]

    return ([key(k) for k in json.loads(dropped)] if dropped else [],
            {e: key(k) for e, k in json.loads(edited).items()} if edited else {})


@dataclass(frozen=True, eq=False)
class Review:
    source_id: str
    title: str
    date: str
    text: str
    items: tuple[ReviewItem, ...]
    sentences: tuple[tuple[int, int], ...]  # every sentence of the text, for adding an event to one
    ingested: bool  # the store holds this source already
    window: Window = field(default_factory=Window)
    lex: Lexicon | None = field(default=None, repr=False)
    found: dict[str, Found] = field(default_factory=dict, repr=False)  # each extracted item's Found
    whole_text: bool = True  # False: the text is the stored events' sentences (a report ingested before
    # its text was kept, schema 6)
    said: tuple[str, ...] = ()  # each of `sentences` as the report wrote it


@dataclass(frozen=True)
class Decision:
    """What was decided about one item. verdict None: undecided (an extracted event does not land; a
    stored one stays as it is). link None: the automatic linker decides; NEW; or a proposal's lead."""

    item: ReviewItem
    verdict: str | None = None
    fields: Fields | None = None  # as edited; None: as the item has them
    link: str | None = None


# -- finding sentences in the text ---------------------------------------------------------------


def _span(norm: str, sentence: str, start: int) -> tuple[int, int] | None:
    """Where `sentence` is in the normalised text, from `start` else from the top. Both sides are compared
    as the rules read them: a sentence stored as the report wrote it and one stored normalised (by an
    older sitroom) are found alike; any run of white space matches one."""
    said = sentence_key(sentence)
    return locate(norm, said, start) or locate(norm, said)


def _spans(text: str, wanted: list[str]) -> list[tuple[int, int] | None]:
    """Where each sentence is in `text` (not its normalised form: the spans mark the text as shown)."""
    (norm, at), pos, out = normalised(text), 0, []
    for sentence in wanted:
        span = _span(norm, sentence, pos)
        out.append((at[span[0]], at[span[1] - 1] + 1) if span else None)
        if span:
            pos = span[0]
    return out


# -- the candidates ------------------------------------------------------------------------------


def _fields(found: Found) -> Fields:
    # The extractor says "report" for a date it took from the report's own: a day, as ingest stores it.
    precision = found.date_precision if found.date_precision in PRECISIONS else "day"
    return Fields(found.type, found.certainty, found.date, precision, found.place,
                  found.place_name, tuple(found.factions))


_AT = re.compile(r"\bat (?P<name>.+?)(?: \[(?P<how>[^\]]*)\])?(?: \((?:claimed|rumoured|denied)\))?$")


def _stored(conn: sqlite3.Connection, source_id: str) -> list[ReviewItem]:
    """The events the store holds for a source, as review items."""
    parties: dict[str, list[tuple[str, str]]] = {}
    for event, faction, role in conn.execute(
            "SELECT ef.event, ef.faction, ef.role FROM event_factions ef JOIN events e ON e.id = ef.event "
            "WHERE e.source = ? ORDER BY ef.rowid", (source_id,)):
        parties.setdefault(event, []).append((faction, role))
    out = []
    for (eid, day, precision, place, name, lat, lon, event_type, summary, certainty, excerpt, reviewed,
         lead, shared) in conn.execute(
            "SELECT e.id, e.date, e.date_precision, e.place, p.name, e.lat, e.lon, e.event_type, e.summary, "
            "e.certainty, e.excerpt, e.reviewed, coalesce(e.happening, e.id), "
            "e.happening IS NOT NULL OR EXISTS (SELECT 1 FROM events f WHERE f.happening = e.id) "
            "FROM events e LEFT JOIN places p ON p.id = e.place WHERE e.source = ? ORDER BY e.date, e.id",
            (source_id,)):
        how = "the store's gazetteer"
        if place is None:  # a place no gazetteer knew: its name and how it was located are in the summary
            at = _AT.search(summary.split(": ", 1)[-1])
            name = at["name"] if at else None
            how = (at["how"] if at and at["how"] else "not located")
            if name and name.startswith("an unnamed place"):
                name = None
        fields = Fields(event_type, certainty, day, precision or "day", place, name,
                        tuple(parties.get(eid, ())))
        out.append(ReviewItem(eid, excerpt or summary, None, fields, stored=eid, reviewed=reviewed,
                              happening=lead if shared else None, located_by=how, lat=lat, lon=lon))
    return out


def _same_sentence(stored: str, found: Found) -> bool:
    """A stored event's sentence is the found one's: as the report wrote it, or as an older sitroom stored
    it (normalised)."""
    return stored == found.sentence or sentence_key(stored) == sentence_key(found.sentence)


def _same(item: ReviewItem, found: Found) -> bool:
    """A stored event is the extracted one as the report states it (not edited in a review)."""
    return (_same_sentence(item.sentence, found) and item.fields.event_type == found.type
            and item.fields.certainty == found.certainty and item.fields.date == found.date
            and item.fields.place == found.place and set(item.fields.factions) == set(found.factions))


def _edited_from(item: ReviewItem, found: Found) -> bool:
    """A stored event accepted in a review that was the extracted one before an edit: its sentence, and
    its type or its place (a sentence may state several events)."""
    return (_same_sentence(item.sentence, found) and item.reviewed == 1
            and (item.fields.event_type == found.type or item.fields.place == found.place))


def review_text(conn: sqlite3.Connection, text: str, *, title: str | None = None,
                date: str | None = None) -> Review:
    """A report's candidate events: what the extractor finds in `text`, beside what the store holds
    for it already (a report ingested before). Reads only. IngestError says why it cannot be read."""
    report = ingest_text(conn, text, title=title, date=date, extract_only=True)
    text = clean_text(text) or ""
    lex = Lexicon(conn)
    stored = _stored(conn, report.source_id)
    dropped, edits = remembered(conn, report.source_id)
    free = list(stored)
    items: list[ReviewItem] = []
    found_by_key: dict[str, Found] = {}
    matched: dict[int, ReviewItem] = {}
    for n, found in enumerate(report.extraction.events):  # first what the store holds as extracted
        if (match := next((s for s in free if _same(s, found)), None)) is not None:
            free.remove(match)
            matched[n] = match
    for n, found in enumerate(report.extraction.events):
        # An event edited in a review is still the extracted one it was made from: not offered twice.
        was = candidate_key(found.sentence, _fields(found))
        match = matched.get(n) or next((s for s in free if edits.get(s.key) == was), None) or next(
            (s for s in free if s.key not in edits and _edited_from(s, found)), None)
        if match is not None:
            if match in free:
                free.remove(match)
            items.append(replace(match, why=tuple(found.why.items()), origin=was))
            continue
        key = f"x{n}"
        found_by_key[key] = found
        loc = found.location
        fields = _fields(found)
        items.append(ReviewItem(key, found.sentence, None, fields, tuple(found.why.items()),
                                located_by=loc.located_by, lat=loc.lat, lon=loc.lon,
                                dropped=candidate_key(found.sentence, fields) in dropped))
    items.extend(free)  # stored events the extractor no longer finds (added by hand, or edited)
    return _placed(text, items, Review(
        report.source_id, report.title, report.extraction.date or "", text, (), (),
        bool(stored) or _has_source(conn, report.source_id), read_window(conn), lex, found_by_key))


def _has_source(conn: sqlite3.Connection, source_id: str) -> bool:
    return conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone() is not None


def review_source(conn: sqlite3.Connection, source_id: str) -> Review:
    """A stored report's events, for a second look, beside its text and what the extractor finds in it
    (a candidate dropped before is offered again). A report ingested before its text was kept (schema
    6): the events' sentences stand for it, in the order of the events."""
    row = conn.execute("SELECT title, published, kind FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        raise ReviewError(f"there is no source {source_id!r} (`sitroom export --format jsonl` names them)")
    title, published, kind = row
    if kind != "report":
        raise ReviewError(f"{source_id!r} is a {kind or 'dataset'} source: only a report's events are "
                          "reviewed")
    kept = conn.execute("SELECT text FROM reports WHERE source = ? AND text IS NOT NULL",
                        (source_id,)).fetchone()
    if kept is not None:
        review = review_text(conn, kept[0], title=title, date=published or None)
        if review.source_id == source_id:
            return review
    items = _stored(conn, source_id)
    text = "\n\n".join(dict.fromkeys(i.sentence for i in items))
    return _placed(text, items, Review(source_id, title or source_id, published or "", text, (), (), True,
                                       read_window(conn), Lexicon(conn), {}, whole_text=False))


def _placed(text: str, items: list[ReviewItem], review: Review) -> Review:
    """The review with each item's sentence found in the text, the items in the text's order."""
    spans = _spans(text, [i.sentence for i in items])
    placed = [replace(i, span=s) for i, s in zip(items, spans, strict=True)]
    order = {id(i): n for n, i in enumerate(placed)}
    placed.sort(key=lambda i: (i.span[0] if i.span else len(text), order[id(i)]))
    every = [(s.span, s.literal) for s in sentences(text) if s.span is not None]
    return replace(review, items=tuple(placed), sentences=tuple(span for span, _ in every),
                   said=tuple(said for _, said in every))


def review_blank(review: Review, span: tuple[int, int], n: int) -> ReviewItem:
    """A new item for the sentence at `span` that the extractor missed: the report's date, the first
    place the gazetteer finds in the sentence (the edit form follows)."""
    # as the report wrote it (a bulleted list: its items joined, as the extractor reads it)
    said = dict(zip(review.sentences, review.said, strict=False))
    sentence = said.get(span) or review.text[span[0]:span[1]].strip()
    place = None
    if review.lex is not None and (names := review.lex.gazetteer.find(sentence)):
        place = names[0].place
    fields = Fields("clashes", "confirmed", review.date, "day", place.id if place else None,
                    place.name if place else None, ())
    return ReviewItem(f"a{n}", sentence, span, fields, (("added", "by hand"),),
                      located_by=f"chosen by hand: {place.name}" if place else "not located",
                      lat=place.lat if place else None, lon=place.lon if place else None)


# -- proposals and choices ------------------------------------------------------------------------


def period_end(day: str, precision: str) -> str:
    if precision == "week":
        return (_date.fromisoformat(day) + timedelta(days=6)).isoformat()
    if precision == "month":
        return month_end(day)
    if precision == "year":
        return f"{day[:4]}-12-31"
    return day


def _point(review: Review, item: ReviewItem, fields: Fields) -> tuple[float | None, float | None]:
    p = review.lex.places.get(fields.place) if fields.place and review.lex else None
    if p is not None and p.lat is not None:
        return p.lat, p.lon
    return item.lat, item.lon


def proposals(conn: sqlite3.Connection, review: Review, item: ReviewItem,
              fields: Fields | None = None) -> list[Proposal]:
    """The happenings of other sources `item` (as edited, `fields`) may be one with, best first."""
    fields = fields or item.fields
    lex = review.lex
    blocs = {slug: f.bloc for slug, f in lex.factions.items()} if lex else {}
    acted = frozenset(blocs[s] for s, r in fields.factions if r in ("actor", "ally") and s in blocs)
    named = frozenset(blocs[s] for s, _ in fields.factions if s in blocs)
    lat, lon = _point(review, item, fields)
    place = fields.place if fields.place and not fields.place.startswith("geonames:") else None
    me = Candidate(item.stored or item.key, review.source_id, fields.event_type, None, fields.date,
                   period_end(fields.date, fields.date_precision), place, lat, lon, acted, named,
                   fields.certainty, None, 1)
    return propose(conn, me, review.window, current=item.happening)


def place_choices(review: Review, like: str, limit: int = 8) -> list[tuple[str, str, str]]:
    """The gazetteer's places whose names start with (then contain) what was typed: (id, name, where),
    the store's first."""
    if review.lex is None or not like.strip():
        return []
    want = normalise(like).casefold().strip()
    starts, holds = [], []
    for p in review.lex.places.values():
        name = p.name.casefold()
        if name.startswith(want):
            starts.append(p)
        elif want in name:
            holds.append(p)
    chosen = sorted(starts, key=lambda p: (not p.in_store, p.name))
    chosen += sorted(holds, key=lambda p: (not p.in_store, p.name))
    return [(p.id, p.name, ", ".join(x for x in (p.kind, p.admin1) if x)) for p in chosen[:limit]]


def review_check(fields: Fields, review: Review) -> str | None:
    """None when `fields` can be written, else why not, in words."""
    if fields.event_type not in EVENT_TYPES:
        return f"{fields.event_type!r} is not an event type"
    if fields.certainty not in CERTAINTIES:
        return f"certainty is one of {', '.join(CERTAINTIES)}"
    if fields.date_precision not in PRECISIONS:
        return f"precision is one of {', '.join(PRECISIONS)}"
    try:
        _date.fromisoformat(fields.date)
    except ValueError:
        return f"{fields.date!r} is not a date like 2017-06-30"
    if fields.place is not None and review.lex is not None and fields.place not in review.lex.places:
        return f"there is no place {fields.place!r}"
    for slug, role in fields.factions:
        if review.lex is not None and slug not in review.lex.factions:
            return f"there is no faction {slug!r}"
        if role not in ROLES:
            return f"a role is one of {', '.join(ROLES)}"
    return None
