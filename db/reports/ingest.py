"""`sitroom ingest`: a written report in, extracted events out, landing as one new source.

Where an event lands: a store place keeps its id; a place of the bundled gazetteer (GeoNames) is added to
the store's places through the write path (it is a real place with a point); a place no gazetteer knows,
or an unnamed one, is stored without a place id, at its approximate point (or none), its name and how it
was located written in the summary: an approximation never becomes a place of its own.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..fronts import reassign
from ..happenings.matching import precision_word
from ..reference import Reference, read_reference
from ..text import clean_text
from ..write.records import Prepared, event_id, prepare_event
from ..write.resolve import Resolver
from ..write.upsert import WriteCounts, delete_events, keep_stored_fronts, sort_out, write_events
from .extract import Extraction, Found, Lexicon, dates_in, extract, normalise
from .parties import DESCRIPTORS
from .records import STORED_ROLE, json_lines, summary
from .spelling import sentence_key

MAX_REPORT_BYTES = 2_000_000  # a day's report is kilobytes; a book is not a report
_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}  # else the report's day


class IngestError(ValueError):
    """The report cannot be ingested as asked, with a message meant for the user."""


@dataclass
class IngestReport:
    source_id: str
    title: str
    extraction: Extraction
    prepared: list[Prepared] = field(default_factory=list)
    counts: WriteCounts = field(default_factory=WriteCounts)
    place_names: dict[str, str] = field(default_factory=dict)  # the found places' ids → names
    faction_shorts: dict[str, str] = field(default_factory=dict)  # the found factions' slugs → short
    linked: int = 0  # events linked to a happening another source reports (db/happenings/)
    reviewed: bool = False  # a person reviewed this report: a plain ingest leaves it as they decided
    redated: str | None = None  # the date the same report was stored under before, when it differs
    replaced: int = 0  # events of an earlier reading of it (another date, store or extractor) replaced
    new_factions: list[str] = field(default_factory=list)  # organisations it names that the store gains

    def json_lines(self) -> list[dict[str, Any]]:
        """The dry run's JSON Lines: one object per event, then the unknown places and factions."""
        return json_lines(self.extraction)


# A saved page's address, alone or under a label ("Source: https://…"): it may name the date too.
_ADDRESS = re.compile(r"(?i)^(?:(?:source|url|link|address|retrieved from|from|via)\s*:?\s*)?"
                      r"<?((?:https?://|www\.)\S+?)>?$")
_BYLINE = re.compile(r"(?i)^(?:by|posted by|written by|reported by)\s")  # "by WorldTribune Staff, June 12"


def _title(text: str, date: str) -> str:
    """A headline: the first short line naming the report's date, else the first short line that is
    not a sentence, else the start of the first line. Never a time stamp, a byline or a page's address."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    short = [line for line in lines if len(line) <= 120 and not _stamp(line) and not _ADDRESS.match(line)
             and not _BYLINE.match(line)]
    dated = [line for line in short if date in dates_in(normalise(line))]
    headline = [line for line in short if not line.endswith(".")]
    return (dated or headline or [lines[0][:120] if lines else "report"])[0]


def _address(text: str) -> str | None:
    """The page's address when the report's head gives one on a line of its own (a saved page's
    "Source: https://…"): stored as the source's URL, for `o` to open."""
    head = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    found = next((m.group(1) for line in head if (m := _ADDRESS.match(line))), None)
    return None if found is None else found if found.lower().startswith("http") else f"https://{found}"


_CLOCK = re.compile(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan\w*|feb\w*|"
                    r"mar\w*|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|[ap]\.?m\.?|"
                    r"local|time|gmt|utc|updated|published|posted|last|on|at)\b|[^A-Za-z]+")


def _stamp(line: str) -> bool:
    """A dateline or time stamp ("Monday 4 June 2018 | 5:2 PM Damascus Local Time"): two words or
    fewer once the date and time words are set aside. Not a title."""
    return len(_CLOCK.sub(" ", line).split()) <= 2


def stated_precision(found: Found) -> float | None:
    """How roughly an event is placed, in km, when it is placed only approximately (an unnamed place, or
    a point worked out from a reference: "east of Resafa"); None at a gazetteer's place, which says
    its own."""
    loc = found.location
    if loc.lat is None or loc.precision_km is None:
        return None
    if found.place is not None and not loc.located_by.endswith("(approximate)"):
        return None
    return loc.precision_km


def keep_text(conn: sqlite3.Connection, source_id: str, text: str | None, reviewed: bool = False) -> None:
    """The report's own text (None: not known), to show it again in a later review; whether a person
    reviewed it."""
    conn.execute("INSERT INTO reports (source, text, reviewed) VALUES (?, ?, ?) ON CONFLICT (source) "
                 "DO UPDATE SET text = coalesce(reports.text, excluded.text), "
                 "reviewed = max(coalesce(reports.reviewed, 0), excluded.reviewed)",
                 (source_id, text, int(reviewed)))


def _where_said(located_by: str) -> str | None:
    """The words that place an unnamed event ("east of Khansir"), when the report gives any."""
    words = located_by.removesuffix(" (approximate)").split(":")[0].strip()
    return None if not words or words.startswith(("not located", "the store's gazetteer", "chosen by hand",
                                                  "named by hand")) else words


# The organisations the extractor names by their own names ("Turkish Armed Forces", "Syrian Observatory
# for Human Rights", "Hezbollah"): a store without them gains them as factions when a report names them,
# so an event keeps who acted and who claimed it. A sayer or side as the text words it ("local sources",
# "Captain X", "warplanes") is no faction and stays in the event's `why` only.
ORGANISATIONS = frozenset(name for _, name, _, _, _ in DESCRIPTORS if name[:1].isupper())


def _parties(found: Found, resolver: Resolver) -> list[dict[str, str]]:
    """The event's factions as stored: those the store knows, then the organisations it did not."""
    rows = {(f, STORED_ROLE.get(r, r)): None for f, r in found.factions}
    for name, slug, role, bloc in found.parties:
        if slug is None and name in ORGANISATIONS:
            made = resolver.faction(name, **({"bloc": bloc} if bloc else {}))
            rows.setdefault((made, STORED_ROLE.get(role, role)), None)
    return [{"faction": f, "role": r} for f, r in rows]


def _record(found: Found, lex: Lexicon, resolver: Resolver, source_id: str) -> dict[str, Any]:
    loc = found.location
    km = stated_precision(found)
    place = found.place
    if place is not None and place not in resolver.ref.places:
        p = lex.places[place]
        place = resolver.place(p.name, p.admin1, p.lat, p.lon, kind=p.kind)
    if place is not None:
        front = resolver.ref.places[place].front
    elif loc.front in resolver.ref.fronts:  # an area of a division (locate.division_location): its front
        front = loc.front
    elif loc.lat is not None and loc.lon is not None:
        front = resolver.front_for(loc.lat, loc.lon)
    else:
        front = resolver.front("other", "Other", "Events outside every front's area.")
    return {
        "date": found.date, "date_precision": _PRECISION.get(found.date_precision, "day"), "front": front,
        "place": place, "lat": loc.lat, "lon": loc.lon,
        "location_precision": precision_word(km), "precision_km": km, "event_type": found.type,
        # A place no gazetteer knows keeps the name the report gives it; an unnamed one, where it is
        # ("east of Khansir").
        "area": (found.place_name or _where_said(loc.located_by)) if place is None else None,
        "summary": summary(found, lex), "certainty": found.certainty, "source": source_id,
        # where the place is, as the store knows it: its division, and the country of its front
        "admin1": loc.admin1 or (resolver.ref.places[place].admin1 if place is not None else None),
        "country": loc.country or (lex.gazetteer.country(lex.places[found.place])
                                   if found.place is not None else None),
        "excerpt": found.sentence,
        "factions": _parties(found, resolver),
    }


def prepared_event(found: Found, lex: Lexicon, resolver: Resolver, source_id: str,
                   ref: Reference) -> Prepared:
    """The rows of one event. Its id is made from its sentence as the rules read it (normalised), as
    when sitroom stored excerpts so: a report ingested then and again now updates its events, never
    doubles them; what is stored is the sentence as the report wrote it."""
    p = prepare_event(_record(found, lex, resolver, source_id), ref)
    e = p.event
    eid = event_id(e["source"], e["date"], e["place"], e["event_type"],
                   sentence_key(e["excerpt"]) if e["excerpt"] else None, e["summary"],
                   [(party["faction"], party["role"]) for party in p.parties])
    return Prepared({**e, "id": eid}, [{**party, "event": eid} for party in p.parties])


def own_ids(prepared: list[Prepared]) -> list[Prepared]:
    """The events, each with an id of its own. An event's id has no name for a place no gazetteer
    knows, so the places one sentence lists ("the settlements of A, B and C", none known) would share
    one: each but the last (which keeps the id such an event was stored under before) takes an id with
    its own place. Events that still share an id say the same thing."""
    last = {p.event["id"]: i for i, p in enumerate(prepared)}
    out = []
    for i, p in enumerate(prepared):
        eid = p.event["id"]
        if last[eid] != i:
            e = p.event
            where = json.dumps([eid, e["area"], e["lat"], e["lon"], e["certainty"], e["date"]])
            eid = hashlib.sha1(where.encode("utf-8")).hexdigest()[:16]
            p = Prepared({**e, "id": eid}, [{**party, "event": eid} for party in p.parties])
        out.append(p)
    return out


def once(prepared: list[Prepared]) -> list[Prepared]:
    """Each event once, by id."""
    return list({p.event["id"]: p for p in prepared}.values())


def _prepare(conn: sqlite3.Connection, report: IngestReport, lex: Lexicon, dry_run: bool) -> int:
    """The report's events as rows (report.prepared), each with its own id and its stored front. In a
    dry run on a store that cannot be written, an event whose place (or front) the store does not hold
    yet is not prepared but counted, and the count returned: such an event cannot be stored yet."""
    ref = read_reference(conn)
    ref.sources.add(report.source_id)  # a dry run does not write the source its events would name
    resolver = Resolver(conn, ref)
    unplaced = 0
    for found in report.extraction.events:
        try:
            report.prepared.append(prepared_event(found, lex, resolver, report.source_id, ref))
        except sqlite3.OperationalError:
            if not dry_run:
                raise
            resolver.forget_uncommitted()
            unplaced += 1
            continue
        resolver.keep()
    report.new_factions = list(resolver.created.factions)
    report.prepared = keep_stored_fronts(conn, once(own_ids(report.prepared)))
    return unplaced


def _supersede(conn: sqlite3.Connection, report: IngestReport, dry_run: bool) -> None:
    """The same report stored before, read otherwise then: under another date (`--date` given one run,
    the page's own the other: the date now wins), or before the store knew a place or faction it names,
    or by an earlier extractor. Its events now replace those of the earlier reading, which are deleted
    (their parties first; the triggers keep tallies and happenings exact), so a report stands once, as
    read today. A dry run counts them and changes nothing. Never a reviewed report's: a plain ingest
    leaves those alone."""
    row = conn.execute("SELECT published FROM sources WHERE id = ?", (report.source_id,)).fetchone()
    if row is None:
        return
    date = report.extraction.date
    if row[0] and row[0] != date:
        report.redated = row[0]
    keep = json.dumps([p.event["id"] for p in report.prepared])
    earlier = [e for (e,) in conn.execute(
        "SELECT id FROM events WHERE source = ? AND id NOT IN (SELECT value FROM json_each(?))",
        (report.source_id, keep))]
    report.replaced = len(earlier)
    if not dry_run:
        delete_events(conn, earlier)
        conn.execute("UPDATE sources SET published = ? WHERE id = ?", (date, report.source_id))


def ingest_text(conn: sqlite3.Connection, text: str, *, title: str | None = None,
                date: str | None = None, dry_run: bool = False, extract_only: bool = False) -> IngestReport:
    """Extract the events of `text`; unless dry_run, store them under one source and put them on their
    fronts (db/fronts/), in one transaction: Ctrl-C before it commits leaves the store as it was. Linking
    them to other sources' happenings is the caller's, after the commit. The same text ingested twice
    adds nothing: its source and event ids are derived from what it says. A dry run counts what the
    real run would add, update and find already there; extract_only only extracts."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_REPORT_BYTES:
        raise IngestError(f"the report is {size / 1e6:.2f} MB; sitroom reads reports of up to "
                          f"{MAX_REPORT_BYTES / 1e6:g} MB: split it into its days or sections")
    text = clean_text(text) or ""  # escape sequences and controls never enter the store or the output
    if not text.strip():  # not a source of its own
        raise IngestError("the report is empty: there is nothing to extract")
    lex = Lexicon(conn)
    extraction = extract(text, lex, date)
    # A text that repeats itself states each happening once.
    unique = {(sentence_key(f.sentence), f.place, f.place_name, f.type, f.certainty, f.date,
               tuple(f.factions)): f for f in extraction.events}
    extraction.events = list(unique.values())
    if extraction.date is None:
        raise IngestError("the report gives no date; say which with --date YYYY-MM-DD")
    title = title or _title(text, extraction.date)
    source_id = "report-" + hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:12]
    report = IngestReport(source_id, title, extraction)
    for found in extraction.events:
        if found.place is not None:
            report.place_names[found.place] = lex.places[found.place].name
        for slug, _ in found.factions:
            report.faction_shorts[slug] = lex.factions[slug].short
    # A person reviewed it (even if they dropped every event): a plain ingest leaves it as they decided.
    report.reviewed = conn.execute(
        "SELECT 1 FROM reports WHERE source = ? AND reviewed = 1 UNION ALL "
        "SELECT 1 FROM events WHERE source = ? AND reviewed = 1 LIMIT 1", (source_id, source_id),
    ).fetchone() is not None
    if extract_only or report.reviewed:
        return report
    # A dry run prepares the events as the real run would and counts them against the store, then
    # takes back what preparing them wrote (a gazetteer's place added to the store's).
    conn.execute("BEGIN" if dry_run else "BEGIN IMMEDIATE")
    try:
        if not dry_run:
            conn.execute("INSERT OR IGNORE INTO sources (id, title, publisher, published, url, kind) "
                         "VALUES (?, ?, NULL, ?, ?, 'report')", (source_id, title, extraction.date,
                                                                   _address(text)))
        unplaced = _prepare(conn, report, lex, dry_run)
        _supersede(conn, report, dry_run)
        if dry_run:
            found = sort_out(conn, report.prepared)
            report.counts = WriteCounts(len(found.added) + unplaced, len(found.updated), found.unchanged)
            conn.rollback()
            return report
        report.counts = write_events(conn, report.prepared)
        if report.counts.added or report.counts.updated:  # onto their fronts, as an import's are
            reassign(conn, [p.event["id"] for p in report.prepared])
        keep_text(conn, source_id, text)
        # Landed without review (`ingest --review` marks what an analyst accepted).
        conn.executemany("UPDATE events SET reviewed = 0 WHERE id = ? AND reviewed IS NULL",
                         [(p.event["id"],) for p in report.prepared])
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return report
