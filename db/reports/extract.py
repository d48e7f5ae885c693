"""Turning a written situation report into events: rules and gazetteers, nothing learned.

Each sentence (headlines, captions and datelines set aside: sentences.py) is read for its sides
(parties.py), places (where.py), event words (cues.py), attribution and modality (wording.py) and time
(when.py). Each event word that states a happening — not a hypothetical, intention, negation, opinion or
background — takes the places in its scope: those after it up to the next event word, else the one
before it ("… came under regime control"), else a lone reference ("attacked the SAA east of Resafa",
approximately). One event per listed place; a wider place beside a precise one is its container; a
governorate alone is too vague for a happening. Roles come from the clause (roles.py), the acting side a
sentence does not name from the sentences before it (discourse.py). A sentence's
unnamed places ("four villages") that a report's named events of the same type and side account for are
its summary, not more events. Every field keeps the words that made it (`why`).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from .background import drop_old
from .context import ANOTHER, attribute, carried_type, listed, toll_strike
from .countries import Theatre
from .cue_places import WITNESSED, places_of
from .cues import PRIORITY, Cue, find_cues
from .discourse import Discourse
from .gains import hills_near, is_territory, part_of, span, whole_of
from .gazetteer import Gazetteer, GazPlace
from .locate import Location, locate
from .parties import AIR, FORCE, GENERIC, MEDIA, MONITOR, Parties, Party
from .regions import region_location, regions
from .report_date import report_date as read_date
from .roles import Role, roles
from .sentences import sentences
from .sifting import how_taken, prune, summaries
from .spelling import normalise, variant_key
from .theatre import report_theatre
from .tolls import toll_fight
from .unnamed import COUNT, villages_of
from .voice import Voice
from .when import dates_in, resolve
from .where import WIDE, Spot, find_spots
from .wording import CUT, LATER_SOURCE, STATEMENT, frame, stated_or_toll

__all__ = ["Extraction", "Found", "Lexicon", "dates_in", "extract", "normalise", "sentences"]
# the side's weapon named before the event word: "the army tanks targeted X", "mortar units pounded X" fire
# shells (a striking verb after them is shelling)
_GUNS = re.compile(r"\b(?:artillery|tanks?|mortars?|howitzers?|rocket launchers?|missile units?|"
                   r"rocket (?:units?|batteries))\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n\s*\n")
_ATTEMPT = re.compile(r"\b(?:attempted|attempting|attempts|tried|trying|tries)\s+to\s+(?:\w+ly\s+)?$",
                      re.IGNORECASE)
# "the jets pounded …": strikes are airstrikes when the side right before them flies
_STRIKE_WORD = re.compile(r"pound|struck|strik|hit|destroy|target|bomb|slam|hammer|batter", re.IGNORECASE)
_AGENT = re.compile(r"\s+(?:was\s+|were\s+)?(?:\w+ed\s+)?by\s+(?:the\s+)?", re.IGNORECASE)
# "advancing in the Maskanah countryside", "captured a large area east of X": the place is the word's own
_DIRECT = re.compile(r"\s*(?:(?:in|into|on|toward|towards|to|through|across|over|of|against)\s+)?(?:the\s+)?")


class Lexicon:
    """What the extractor knows: the store's places and factions, the bundled gazetteer, descriptors."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.theatre = Theatre()  # the report being read, one for both matchers
        self.gazetteer = Gazetteer(conn, self.theatre)
        self.parties = Parties(conn, self.theatre)
        self.factions = self.parties.factions
        self.places = self.gazetteer.places
        self.parents = {slug: f.parent for slug, f in self.factions.items()}


@dataclass
class Found:
    """One extracted happening, with the words behind each field."""

    place: str | None  # the gazetteer's id (a store id or "geonames:<id>"); None for a place it lacks
    type: str
    certainty: str
    date: str
    factions: list[tuple[str, str]]  # (slug, role) of the factions the store knows
    sentence: str  # as the report wrote it: what is stored and shown
    why: dict[str, str] = field(default_factory=dict)
    place_name: str | None = None  # as the sentence names it; None for an unnamed place
    names: tuple[str, ...] = ()  # every name the place answers to
    location: Location = field(default_factory=lambda: Location(None, None, None, "not located"))
    date_precision: str = "day"
    # (name, slug, role, bloc) of every side named, known to the store or not
    parties: list[tuple[str, str | None, str, str | None]] = field(default_factory=list)
    unnamed: bool = False
    kind: str = "locality"
    count: int | None = None  # "four villages": 4
    direct: bool = False  # the place is the event word's own object or goal, no noun between them
    read: str = ""  # the sentence as the rules read it (normalised: spelling.sentence_key)


@dataclass
class Extraction:
    events: list[Found]
    unknown_places: list[tuple[str, str]]  # (name, sentence as the report wrote it)
    date: str | None
    unknown_factions: list[tuple[str, str]] = field(default_factory=list)
    date_from: str = "given"  # where the report's date came from (report_date.py)



# "…, who had taken over the city two days ago": a relative clause's own happening
_RELATIVE = re.compile(r",\s*(?:who|which)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _relative_actors(s: str, cue: Cue, cues: list[Cue], parties: list[Party]) -> list[Party]:
    """The sides a relative clause's "who" stands for: those named after the main clause's event word and
    before the clause's comma ("took X from Turkish troops and their allies, who had taken over …")."""
    rel = _RELATIVE.search(s[:cue.start])
    if rel is None:
        return []
    main = max((c.end for c in cues if c.end <= rel.start()), default=None)
    return [p for p in parties if main is not None and main <= p.start and p.end <= rel.start()
            and p.kind not in (MEDIA, MONITOR)]


def _another_hand(who: list[Party], had: Found) -> bool:
    """The same type at the same place is another happening when a relative clause tells it of other
    hands than the main clause's."""
    theirs = {name for name, _, r, _ in had.parties if r in ("actor", "ally")}
    return bool(who) and not {p.name for p in who} & theirs

def _areas(s: str, spot: Spot, spots: list[Spot]) -> list[Spot]:
    """The governorates or regions a stretch of territory lies in: the wide named places after it in its
    clause ("… over the last few weeks in the Homs and Deir Ezzor governorates")."""
    cut = CUT.search(s, spot.end)
    end = cut.start() if cut else len(s)
    return [p for p in spots
            if p.name and p.rank >= WIDE and spot.end < p.start < end and p.role != "modifier"]


def _where(spot: Spot) -> tuple[str | None, str | None, tuple[str, ...]]:
    place: GazPlace | None = spot.place
    names = tuple(n for n in (spot.name, spot.bare, place.name if place else None,
                              spot.anchor.name if spot.anchor and spot.name else None) if n)
    return (place.id if place else None), spot.name, names


def extract(text: str, lex: Lexicon, report_date: str | None = None) -> Extraction:
    """Every happening the text states, by the rules in this module's docstring."""
    said = sentences(text)
    # the date given always wins; else the page's own (report_date.py)
    date, date_from = (report_date, "given") if report_date else read_date(text, said)
    # the report's countries scope every sentence's names, its first before any place is located
    lex.theatre.countries = frozenset()
    lex.theatre.countries = report_theatre(said, lex.gazetteer)  # sets lex.theatre.abroad too
    year = int(date[:4]) if date else None
    events: list[Found] = []
    unknown_places: list[tuple[str, str]] = []
    unknown_factions: list[tuple[str, str]] = []
    learned: dict[str, str] = {}
    previous: list[Role] = []
    said_by: list[Party] = []
    last_place: tuple[GazPlace, str] | None = None
    last_place_at = 0  # where the sentence that named it ends
    recent: list[Spot] = []
    last_found: list[Found] = []
    before_kind: str | None = None
    before_spots: list[Spot] = []
    statement: list[Party] | None = None  # who speaks in a quotation introduced by "The statement read:"
    last_parties: list[Party] = []
    talk = Discourse()  # who acts when a sentence names no side
    voice = Voice.of(text, said, lex.parties.find)  # who the report speaks for (voice.py)
    for sentence in said:
        talk.start(text, sentence.span)
        if STATEMENT.search(sentence.text):  # "The statement included:": what follows is its sayer's
            statement = (lex.parties.find(sentence.text) or last_parties)[:1]
            continue
        if sentence.headline:
            talk.heard_headline(lex.parties.find(sentence.text))
            continue
        s, shown = sentence.text, sentence.literal  # the rules read `s`; what is stored and shown: `shown`
        parties = last_parties = lex.parties.find(s)
        if (later := LATER_SOURCE.match(s)) and last_found:  # "This was reported by the ministry."
            attribute(last_found, later.group("who") or "", lex.parties.find(later.group("who") or ""))
            continue
        point = last_place[0] if last_place else None
        # a place no gazetteer knows falls back to the last place only within its paragraph: a digest's
        # next paragraph is often another front ("Douma" after a Deir Ezzor paragraph is not near it)
        fallback = last_place if not _PARAGRAPH.search(text[last_place_at:sentence.span[0]]) else None
        near = (point.lat, point.lon) if point and point.lat is not None and point.lon is not None else None
        spots = villages_of(s, regions(s, find_spots(s, lex.gazetteer, parties, learned, recent, near)))
        for p in spots:  # "al-Dawoudia" … "al-Dawoudiya": one place; it answers to the first spelling too
            said = p.bare or p.name
            first = learned.get(variant_key(said)) if said and p.place is None else None
            if first and first != said:
                p.notes.append(f"'{said}' is '{first}' spelt another way")
                p.bare = first
        f = frame(s, parties, said_by)
        if statement is not None:
            if f.certainty == "confirmed":
                f.certainty, f.cue, f.claimants = "claimed", "a quoted statement", list(statement)
            statement = None if sentence.closes_quote else statement
        f = voice.hear(sentence, f)
        # a place inside the attribution ("… TV said in a broadcast from Khan Sheykhoun") is where it was said
        spots = [p for p in spots if f.span == (0, 0) or not f.span[0] <= p.start < f.span[1]
                 or p.role == "frame"]
        names = [(p.start, p.end) for p in parties]
        first = find_cues(s, False, False, names)
        head = first[0].start if first else len(s)
        air = any(p.kind == AIR for p in parties if p.start < head and not f.span[0] <= p.start < f.span[1])
        cues = find_cues(s, air, bool(_GUNS.search(s[:head])), names)
        # a word inside a leading attribution describes the sayer ("…, a faction fighting under X's umbrella,
        # said that …"): it states no happening
        cues = [c for c in cues if not (f.leading and f.span[0] <= c.start < f.span[1])]
        when, precision, when_why = resolve(s, date)
        if precision == "report" and date_from != "given":
            when_why += f" ({date}: {date_from})"
        chosen: dict[tuple[str, str], Found] = {}
        sentence_roles: list[Role] = []
        told: list[tuple[Role, str]] = []
        # "attempted to regain X": the attempt was an attack on X, whatever came of it
        cues = [Cue(c.start, c.end, "attack", f"attempted to {c.word}", c.passive)
                if c.type in ("capture", "advance") and _ATTEMPT.search(s[:c.start]) else c for c in cues]
        # an attack by aircraft is an airstrike: "the jets pounded …", "a raid (conducted) by Syrian aircraft"
        cues = [Cue(c.start, c.end, "airstrike", c.word, c.passive)
                if c.type == "attack" and ((_STRIKE_WORD.match(c.word) and any(
                    p.kind == AIR and 0 <= c.start - p.end <= 12 and not re.search(r"[,;]", s[p.end:c.start])
                    for p in parties)) or any(p.kind == AIR and _AGENT.fullmatch(s[c.end:p.start])
                                             for p in parties)) else c for c in cues]
        happening, by_toll = stated_or_toll(s, cues, year, f.certainty == "rumoured")
        happening = drop_old(s, happening, date, cues)  # background read against the report's date
        if not happening:
            happening = toll_strike(s, parties, f.span) or toll_fight(s)
            by_toll = bool(happening)
        for cue in happening:
            places, how = places_of(cue, happening, spots, s, parties)
            places = whole_of(s, places, spots)
            # "the two villages": the places the sentence before listed (a toll over them restates it)
            places = [q for p in places for q in ((not by_toll and listed(s, p, before_spots)) or [p])]
            cue = Cue(cue.start, cue.end, carried_type(s, cue, before_kind), cue.word, cue.passive)
            if by_toll:  # "killed in battles over the two villages": a toll alone needs a place by name
                places = [p for p in places if p.name]
            if places and all(p.rank >= 6 for p in places):
                continue  # "in the Hama province": a governorate is not a happening's place
            sides, notes = roles(s, cue, cues, parties, f, previous, lex.parents)
            if ANOTHER.match(s) and not any(r == "actor" for _, r in sides):  # "In another attack, …"
                sides, notes = previous + sides, [*notes, "'another': the sides of the happening before"]
            sides, carried = talk.carry(s, cue, sides, parties, f.span, [(p.start, p.end) for p in spots],
                                        f.self_claim or bool(f.claimants and f.claimants[0].kind == FORCE),
                                        [r for r, _ in told])
            notes = [*notes, carried] if carried else notes
            who = _relative_actors(s, cue, happening, parties)
            if who:  # "…, who had taken over the city": the side before the comma did it
                sides = [(p, "actor") for p in who]
                notes = [*notes, f"'{s[_RELATIVE.search(s[:cue.start]).start():cue.start].strip(', ')}': "
                                 "the side before the comma"]
            sentence_roles = sentence_roles or sides
            told += [(r, cue.type) for r in sides]
            for spot in places:
                pid, name, names = _where(spot)
                kind, where, partial = cue.type, region_location(spot) or locate(spot, fallback), None
                if kind == "capture":  # only a place taken whole changes hands (gains.py)
                    partial = part_of(s, cue.end, spot) or (
                        "hills near a place" if hills_near(s, spot)
                        else "a stretch of territory" if is_territory(spot) else None)
                    kind = "advance" if partial else kind
                if is_territory(spot) and (areas := _areas(s, spot, spots)):
                    where, region, area_names = span(areas, lex.gazetteer)
                    if region is not None:
                        pid, name, names = region.id, region.name, (region.name, area_names)
                known = "a first-level division, an area" if where.admin1 else "not in the gazetteer"
                key = (pid or name or spot.text, kind)
                if key in chosen and not _another_hand(who, chosen[key]):
                    continue
                key = (*key, cue.start) if key in chosen else key
                why = {"type": f"'{cue.word}' → {cue.type}" + (f"; '{partial}': a partial gain → advance"
                                                               if partial else ""),
                       "place": (f"'{name}' → {spot.place.name if spot.place else known}"
                                 if name else f"an unnamed place: '{spot.said or spot.text}'") + f" ({how})",
                       "located": where.located_by,
                       "certainty": f"'{f.cue}' → {f.certainty}" if f.cue else "no doubt in the wording "
                                                                               "→ confirmed",
                       "factions": "; ".join([f"{p.text} → {p.name} ({r})" for p, r in sides] + notes)
                       or "none named",
                       "date": when_why}
                if f.denied_by:
                    why["certainty"] += "; disputed: denied by " + ", ".join(p.name for p in f.denied_by)
                words = spot.text.casefold().split()
                count = (COUNT.get(" ".join(words[:3])) or COUNT.get(" ".join(words[:2]))
                         or COUNT.get(words[0])) if name is None else None
                number = re.search(r"\b\d+\b", " ".join(words[:3]))  # "some 15 villages": 15
                if count is None and name is None and number:
                    count = int(number.group())
                chosen[key] = Found(
                    pid, kind, f.certainty, when, [(p.slug, r) for p, r in sides if p.slug], shown, why, name,
                    names, where, precision, [(p.name, p.slug, r, p.bloc) for p, r in sides],
                    name is None and pid is None, spot.kind, count,
                    bool(_DIRECT.fullmatch(s[cue.end:spot.start]) if spot.start >= cue.end
                         else WITNESSED.fullmatch(s[spot.end:cue.start])), s)
        found = sorted(prune(list(chosen.values())), key=lambda e: PRIORITY.index(e.type))
        last_found = found
        if found:
            before_kind = found[0].type
            before_spots = [sp for sp in spots if sp.name and any(e.place_name == sp.name for e in found)]
        if any(e.type == "capture" for e in found):  # fighting that took a place is how it was taken
            found = [e for e in found if not how_taken(e, found)]
        events.extend(found)
        for p in spots:  # a name the wording gave as a place is known as one for the rest of the report
            if p.name and p.place is None and p.anchor is None and p.role == "event" and (
                    any(e.place_name == p.name for e in found) or p.kind != "locality"):
                learned.setdefault(variant_key(p.bare or p.name), p.bare or p.name)
        unknown_places += [(e.place_name, shown) for e in found if e.place is None and e.place_name
                           and not e.location.admin1]  # a division is known: an area, not a lost place
        for e in found:
            unknown_factions += [(n, shown) for n, slug, r, _ in e.parties
                                 if slug is None and r != "claimant"]
        recent = (recent + [p for p in spots if p.name and p.role != "modifier"])[-20:]
        for spot in spots:
            if spot.place is not None and spot.role in ("event", "container") and spot.place.lat is not None:
                last_place = (spot.place, f"the report's last place, {spot.place.name}")
                last_place_at = sentence.span[1]
        acting = [(p, r) for p, r in sentence_roles
                  if r in ("actor", "ally") and p.kind in (FORCE, AIR, GENERIC)]
        if acting:
            previous = acting
        talk.heard(told, parties, bool(found))
        if f.claimants:
            said_by = f.claimants
    return Extraction(summaries(events), list(dict.fromkeys(unknown_places)), date,
                      list(dict.fromkeys(unknown_factions)), date_from)
