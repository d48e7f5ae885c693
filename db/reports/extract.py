"""Turning a written situation report into events: rules and the gazetteer, nothing learned.

Each sentence is read on its own (with the sentence before it for "It", "Another" and "Government
troops"). A happening needs a type cue (captured, advanced, VBIED …) and a place the gazetteer knows.
Every field of an extracted event keeps the words that made it, so a user can see why.

The rules, in order:
- places: the longest gazetteer name or alias at each position. Dropped: a place after a relative
  clause ("… that was once used to resupply fighters in Tabaqa"), a hypothetical ("paving the way …"),
  a reference point ("Al-Sabahia village west of Raqqa", "West of Raqqa City, …"), and a governorate or
  region when the sentence names something more precise. "The provincial capital of the X Governorate"
  is X's capital city.
- types: each place takes the nearest cue before it and the cues after it up to the next place; a
  sentence with one place takes every cue. "Advance" gives way to any more definite type at the same
  place; "following … clashes" is background, not a happening. Of two places within 5 km with the same
  type, the more precise one (a site before a town) holds the event.
- factions: named before the first cue, actors; after it, targets; "backed (up) by X", allies; the
  subject of "claimed", claimant too. "It …" and "Another …" take the actors of the sentence before;
  "Government troops" takes the government factions the sentence before named.
- certainty: "rumours" → rumoured; "claimed", "reportedly", "allegedly", "unconfirmed", "no confirmed
  reports" → claimed; otherwise confirmed (the cues of db/rules.py, which the importers use too).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field, replace

from ..models import Faction, Place
from ..reference import read_reference
from ..rules import CLAIM, certainty_cue
from ..write.resolve import km_between, name_key

TYPE_CUES: dict[str, str] = {
    "capture": r"captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|secur(?:e|ed|es|ing)|liberat(?:e|ed|es|ing)|"
               r"retak(?:e|en|es|ing)|retook|took control|regain(?:ed|s)?|recaptur(?:e|ed|es|ing)",
    "advance": r"advanc(?:e|ed|es|ing)|reach(?:ed|es)?|entered|push(?:ed)? (?:into|toward)",
    "attack": r"attack(?:ed|s)?|destroy(?:ed|s)?|ambush(?:ed)?|assault(?:ed)?",
    "clashes": r"clash(?:es|ed)?|fighting|battles?",
    "vbied": r"VBIEDs?|car bombs?|suicide bomb(?:er|ing)?s?",
    "explosion": r"IEDs?|explosions?|landmines?",
    "airstrike": r"air ?strikes?|warplanes (?:struck|bombed)|bombed",
    "shelling": r"shell(?:ed|ing)|artillery",
    "encirclement": r"encircl(?:e|ed|es|ing)|besieg(?:e|ed|ing)|surround(?:ed|ing)",
    "withdrawal": r"withdr(?:aw|ew|awn|awing)|leave (?:their|its) (?:garrisons?|positions?|bases?)|"
                  r"pull(?:ed)? out|retreat(?:ed)?",
}
PRIORITY = ["capture", "vbied", "explosion", "airstrike", "shelling", "attack", "clashes",
            "encirclement", "withdrawal", "advance"]
BACKGROUND = re.compile(r"\b(?:following|after)\b[^,.;]{0,30}$", re.IGNORECASE)
CUT = re.compile(r"\b(?:that was|which|who|paving the way|in order to|so that)\b", re.IGNORECASE)
DIRECTION = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                       r"(?:ern)? of\s*$", re.IGNORECASE)
KIND_WORD = re.compile(r"\s*(?:village|town|city|district|area|neighbou?rhood)?\s*$", re.IGNORECASE)
ALLY = re.compile(r"\b(?:backed(?: up)? by|supported by|with the support of)\s+(?:the\s+)?$",
                  re.IGNORECASE)
BACK_REFERENCE = re.compile(r"^\s*(?:it|they|another|the group)\b", re.IGNORECASE)
CAPITAL = re.compile(r"capital of (?:the )?$", re.IGNORECASE)
GENERIC = {"government troops", "government forces", "pro-government forces", "syrian army"}
SPECIFICITY = {"site": 0, "facility": 0, "garrison": 0, "oil field": 0, "road": 0, "district": 1,
               "village": 2, "locality": 2, "town": 3, "city": 4, "region": 5, "governorate": 6}
_ABBREVIATIONS = re.compile(r"\b(?:[AP]\.M|U\.S|U\.N|St|Dr|Mr|Gen|Lt|Col|No)\.$")
_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2}) (?P<m1>January|February|March|April|May|June|July|August|September|October|"
    r"November|December),? (?P<y1>\d{4})|(?P<m2>January|February|March|April|May|June|July|August|"
    r"September|October|November|December) (?P<d2>\d{1,2}),? (?P<y2>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))\b")
_MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"], 1)}


def normalise(text: str) -> str:
    """One spelling of the characters that vary between sources: dashes and apostrophes."""
    return re.sub(r"[\u2010-\u2015]", "-", text).replace("\u2019", "'").replace("\u2018", "'")


def sentences(text: str) -> list[str]:
    """Sentences, paragraph by paragraph; a line without a full stop (a headline) is one sentence."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for match in re.finditer(r"[.!?](?=\s+[\"“(]?[A-Z0-9])", paragraph):
            if _ABBREVIATIONS.search(paragraph[start:match.end()]):
                continue
            out.append(paragraph[start:match.end()].strip())
            start = match.end()
        if paragraph[start:].strip():
            out.append(paragraph[start:].strip())
    return out


def dates_in(text: str) -> list[str]:
    found = []
    for m in _DATE.finditer(text):
        if m["iso"]:
            found.append(m["iso"])
        else:
            day, month, year = (m["d1"], m["m1"], m["y1"]) if m["d1"] else (m["d2"], m["m2"], m["y2"])
            try:
                found.append(dt.date(int(year), _MONTHS[month], int(day)).isoformat())
            except ValueError:
                continue
    return found


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    id: str  # place id or faction slug


@dataclass
class Found:
    """One extracted happening, with the words behind each field."""

    place: str
    type: str
    certainty: str
    date: str
    factions: list[tuple[str, str]]
    sentence: str
    why: dict[str, str] = field(default_factory=dict)


@dataclass
class Extraction:
    events: list[Found]
    unknown_places: list[tuple[str, str]]  # (name, sentence)
    date: str | None


def _alternation(names: dict[str, str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])",
                      re.IGNORECASE)


class Lexicon:
    """The store's names for places and factions, as patterns."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        ref = read_reference(conn)
        # A place of no stated kind is a locality: neither a site nor a wider area.
        self.places: dict[str, Place] = {pid: replace(p, kind=p.kind or "locality")
                                         for pid, p in ref.places.items()}
        self.factions: dict[str, Faction] = ref.factions
        place_names: dict[str, str] = {}
        for p in self.places.values():
            for label in (p.name, *p.aliases):
                place_names.setdefault(normalise(label).casefold(), p.id)
        faction_names: dict[str, str] = {}
        for f in self.factions.values():
            for label in (f.name, f.short, *f.aliases):
                if len(label) >= 2:
                    faction_names.setdefault(normalise(label).casefold(), f.slug)
        self._place_names, self._faction_names = place_names, faction_names
        self.place_pattern = _alternation(place_names)
        self.faction_pattern = _alternation(faction_names)

    def find(self, pattern: re.Pattern[str], names: dict[str, str], text: str) -> list[Mention]:
        return [Mention(m.start(), m.end(), m.group(), names[m.group().casefold()])
                for m in pattern.finditer(text)]

    def capital(self, governorate: str) -> str | None:
        """The city that shares a governorate's name: Raqqa for the Al-Raqqa Governorate."""
        area = self.places[governorate]
        key = name_key(area.name)
        for pid, p in self.places.items():
            if p.kind == "city" and p.admin1 == area.admin1 and name_key(p.name) in key:
                return pid
        return None


_CUES = re.compile("|".join(f"(?P<{t}>\\b(?:{p})\\b)" for t, p in TYPE_CUES.items()), re.IGNORECASE)
_UNKNOWN = re.compile(r"\b(?:villages?|towns?|city|district|of|in|near|at)\s+((?:[A-Z][\w'-]+\s?){1,3})")


def _places(s: str, lex: Lexicon) -> tuple[list[Mention], list[str]]:
    """The places of one sentence that can hold events, and the reasons others were dropped."""
    notes: list[str] = []
    cut = CUT.search(s)
    limit = cut.start() if cut else len(s)
    kept: list[Mention] = []
    for m in lex.find(lex.place_pattern, lex._place_names, s):
        before = s[:m.start]
        if m.start >= limit:
            notes.append(f"{m.text}: after '{cut.group()}', background")
            continue
        direction = DIRECTION.search(before)
        if direction:
            ahead = before[:direction.start()]
            at_start = not ahead.strip() or ahead.strip().endswith(",") or re.match(r"^\s*\w*\s*$", ahead)
            after_place = kept and KIND_WORD.fullmatch(s[kept[-1].end:direction.start()])
            if at_start or after_place:
                notes.append(f"{m.text}: '{direction.group().strip()} {m.text}' is a reference point")
                continue
        pid = m.id
        if CAPITAL.search(before) and lex.places[pid].kind == "governorate":
            capital = lex.capital(pid)
            if capital:
                notes.append(f"{m.text}: 'capital of' → {lex.places[capital].name}")
                pid = capital
        kept.append(Mention(m.start, m.end, m.text, pid))
    precise = [m for m in kept if lex.places[m.id].kind not in ("governorate", "region")]
    if precise and len(precise) < len(kept):
        notes.extend(f"{m.text}: a wider area than the places beside it" for m in kept if m not in precise)
        kept = precise
    return kept, notes


def _types_by_place(s: str, places: list[Mention]) -> dict[int, dict[str, str]]:
    """For each place (by index), the event types it takes and the cue words behind each."""
    cues = []
    for m in _CUES.finditer(s):
        kind = next(k for k, v in m.groupdict().items() if v)
        if kind == "clashes" and BACKGROUND.search(s[:m.start()]):
            continue  # "following a week of clashes": how it came about, not another happening
        cues.append((m.start(), kind, m.group()))
    out: dict[int, dict[str, str]] = {}
    for i, place in enumerate(places):
        if len(places) == 1:
            chosen = cues
        else:
            before = [c for c in cues if c[0] < place.start]
            nxt = places[i + 1].start if i + 1 < len(places) else len(s)
            chosen = before[-1:] + [c for c in cues if place.end <= c[0] < nxt]
        types = {kind: word for _, kind, word in chosen}
        if len(types) > 1:
            types.pop("advance", None)
        if types:
            out[i] = types
    return out


def _roles(s: str, lex: Lexicon, first_cue: int | None, previous: list[tuple[str, str]],
           claimed: bool) -> tuple[list[tuple[str, str]], list[str]]:
    found = lex.find(lex.faction_pattern, lex._faction_names, s)
    roles: list[tuple[str, str]] = []
    notes: list[str] = []
    for m in found:
        if m.text.casefold() in GENERIC and previous:
            same = [(f, r) for f, r in previous
                    if r == "actor" and lex.factions[f].bloc == lex.factions[m.id].bloc]
            if same:
                roles.extend(same)
                notes.append(f"'{m.text}' refers back to "
                             + ", ".join(lex.factions[f].name for f, _ in same))
                continue
        if ALLY.search(s[:m.start]):
            role = "ally"
        elif first_cue is not None and m.start > first_cue:
            role = "target"
        else:
            role = "actor"
        roles.append((m.id, role))
        notes.append(f"{m.text} → {lex.factions[m.id].short} ({role})")
    if not any(r == "actor" for _, r in roles) and BACK_REFERENCE.search(s) and previous:
        inherited = [(f, r) for f, r in previous if r in ("actor", "claimant")]
        roles = inherited + roles
        notes.append(f"'{BACK_REFERENCE.search(s).group().strip()}' refers back to "
                     + ", ".join(lex.factions[f].name for f, _ in inherited))
    if claimed:
        roles += [(f, "claimant") for f, r in roles if r == "actor"]
    return list(dict.fromkeys(roles)), notes


def extract(text: str, lex: Lexicon, report_date: str | None = None) -> Extraction:
    """Every happening the text states, by the rules in this module's docstring."""
    text = normalise(text)
    date = report_date or max(dates_in(text), default=None)
    events: list[Found] = []
    unknown_places: list[tuple[str, str]] = []
    previous: list[tuple[str, str]] = []
    for s in sentences(text):
        places, place_notes = _places(s, lex)
        cue = _CUES.search(s)
        claimed = bool(CLAIM.search(s))
        certainty, doubt = certainty_cue(s)
        roles, faction_notes = _roles(s, lex, cue.start() if cue else None, previous, claimed)
        if cue:
            known = {(m.start, m.end) for m in lex.find(lex.place_pattern, lex._place_names, s)}
            for m in _UNKNOWN.finditer(s):
                name = m.group(1).strip()
                inside = any(a <= m.start(1) < b for a, b in known)
                if not inside and not lex.faction_pattern.fullmatch(name) and name_key(name) not in (
                    "the", "syria", "iraq", "jordan"
                ):
                    unknown_places.append((name, s))
        typed = _types_by_place(s, places)
        chosen: dict[tuple[str, str], tuple[Mention, str]] = {}
        for i, types in typed.items():
            for kind, word in types.items():
                chosen[(places[i].id, kind)] = (places[i], word)
        # Of two places near each other with the same type, the more precise one holds the event.
        for (pid, kind), (m, _) in list(chosen.items()):
            for (other, other_kind), _ in list(chosen.items()):
                if other == pid or other_kind != kind or (pid, kind) not in chosen:
                    continue
                a, b = lex.places[pid], lex.places[other]
                if km_between(a.lat, a.lon, b.lat, b.lon) <= 5 and \
                        SPECIFICITY.get(a.kind, 2) > SPECIFICITY.get(b.kind, 2):
                    del chosen[(pid, kind)]
                    place_notes.append(f"{m.text}: {b.name} is the more precise place")
        sentence_date = max(dates_in(s), default=None) or date
        for (pid, kind), (m, word) in chosen.items():
            why = {"type": f"'{word}' → {kind}", "place": f"'{m.text}' → {lex.places[pid].name}",
                   "certainty": (f"'{doubt}' → {certainty}" if doubt
                                 else "no doubt in the wording → confirmed"),
                   "factions": "; ".join(faction_notes) or "none named"}
            if place_notes:
                why["places"] = "; ".join(place_notes)
            events.append(Found(pid, kind, certainty, sentence_date or "", list(roles), s, why))
        if roles:
            previous = roles
    return Extraction(events, list(dict.fromkeys(unknown_places)), date)
