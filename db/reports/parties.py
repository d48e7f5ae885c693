"""Who a sentence names: the store's factions by their names, and the extractor's own descriptors
("army units", "regime forces", "Hezbollah", "the Observatory") for what reports call the sides.

Names are matched as names, never as words: an abbreviation ("IS", "FaR", "SAA") only in its own
letter case, so "is" and "so far" name nobody; a longer name in any case, whole words only. A descriptor
maps to a store faction when the store has one of that name, else it is an unknown faction (slug None)
with the bloc the descriptor gives. Sides named by a backer, a pejorative, a coalition's own name or the
army's aircraft are forces.py's; by their country, countries.py's.

Only names a source wrote are matched: a faction's name, its aliases, the name without ACLED's acronym
("STC: Southern Transitional Council"), the bundled factions' curated short names (SAA, YPG, FaR). The
short label an import makes up for the screen ("Tal" for Taliban - Red Unit) is no name, and is never read
in a text. An acronym a source wrote for an imported actor ("STC", "NDS") is matched only in a sentence of
its own war: one naming a country it acts in, or, for an actor of the bundled data's country, any; an
actor of another country's war needs its full name.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import cache

from ..geography import name_key
from ..models import Faction
from ..reference import read_reference
from ..schema import bundled_factions
from . import forces
from .countries import PLACE_BEFORE, InTheatre, Theatre, bare_country, descriptors, named_countries
from .gazetteer import HOME
from .spelling import normalise

FORCE, AIR, MEDIA, MONITOR, GENERIC = "force", "air", "media", "monitor", "generic"
_NOUNS = (r"(?:terrorists?|militants?|fighters?|forces|troops|units|soldiers|gunmen|members|"
          r"jihadists|insurgents|extremists|remnants|cells|positions|ranks|holdouts)")

# (pattern, canonical name, store slug it stands for (if the store has it), bloc, kind); first match wins
# at a position, then the longest.
# The bundled war's own sides, which a bare descriptor ("the government", "rebels") names only at home.
HOME_SIDES = frozenset({"saa", "syrian-opposition"})
DESCRIPTORS: list[tuple[str, str, str | None, str | None, str]] = [
    (r"(?:warplanes of the |the )?Syrian (?:Arab )?Air ?Force(?: \(SyAAF\))?|SyAAF|Syrian (?:military )?"
     r"(?:fighter )?(?:jets|warplanes|war planes|aircraft|helicopters|bombers|air force)|"
     # "Syrian and Russian warplanes": the first demonym shares the second's aircraft
     r"Syrian(?= and (?:the )?(?:Russian|Iranian|Turkish|Iraqi) (?:\w+ )?(?:jets|warplanes|war planes|"
     r"planes|aircraft|helicopters|bombers|air ?forces?|aviation)\b)",
     "Syrian Arab Air Force", "saa", "government", AIR),
    # "the army and the air force", "backed by air force": a state's media names its own air force bare;
    # at home the government's (abroad, parties.py keeps it unknown, as "the army")
    (r"(?:the |(?<=by )|(?<=and ))(?:army |military )?air ?force(?!s|\s+bases?\b)", "Syrian Arab Air Force",
     "saa", "government", AIR),
    (r"Russian (?:Defen[cs]e Ministry|Ministry of Defen[cs]e|military|center for reconciliation"
     r"(?: of opposing sides(?: in Syria)?)?|Reconciliation Cent(?:er|re))", "Russian Defence Ministry",
     "russian-aerospace-forces", "government", MEDIA),
    # aircraft named by their type or kind alone: who flies them is for the sentence to say
    (r"(?:F-1[56]|Su-\d\dM?|MiG-\d\d)s?(?: (?:fighter )?(?:jets|warplanes|bombers|aircraft))?|"
     r"(?:the )?(?:fighter )?jets|(?:the )?warplanes|(?:the )?war planes|"
     r"(?:the )?(?:helicopters|aircraft|bombers|(?:war)?drones|planes)",
     "", None, None, AIR),
    (r"(?:US|U\.S\.?|United States)[- ]led (?:(?:military|global|international) )?coalition"
     r"(?: against (?:the )?(?:IS|ISIS|ISIL|Daesh|Islamic State))?"
     r"(?: (?:air ?strikes|warplanes|jets|aircraft))?|"
     r"(?:US|U\.S\.) coalition(?: air ?strikes)?|coalition (?:air ?strikes|warplanes|jets|aircraft)",
     "US-led coalition", "us-coalition", "sdf-coalition", AIR),
    (r"(?:Free Syrian Army|FSA)(?: " + _NOUNS + ")?", "Free Syrian Army", None, "opposition", FORCE),
    # the Turkey-backed opposition's army since 2017: not the Syrian Arab Army
    (r"(?:the )?(?:so-called )?Syrian National Army(?: \((?:SNA|NSA)\))?|SNA", "Syrian National Army",
     "syrian-opposition", "opposition", FORCE),
    (r"Turkish (?:occupation |occupying |invading )?(?:army|forces|troops|military|soldiers|artillery)|"
     r"Turkish air ?force"
     r"(?: and special ground forces)?|Olive Branch forces", "Turkish Armed Forces", None, "other", FORCE),
    (r"(?:Turkish|Turkey|Ankara)-backed (?:Syrian )?(?:opposition )?(?:terrorists|militants|rebels|factions|"
     r"groups|forces|fighters)|(?:the )?(?:Ankara-backed )?Euphrates Shield(?: Operation)? "
     r"(?:forces|fighters|"
     r"factions|groups|rebels)", "Syrian armed opposition", "syrian-opposition", "opposition", FORCE),
    # "rebel fighters", "Syrian rebel factions": the word qualifies a side, so it names the opposition
    (r"(?:(?:Syrian|armed|allied|moderate) )?(?:rebel|opposition) (?:fighters|factions|groups|forces|"
     r"brigades|units|militias)", "Syrian armed opposition", "syrian-opposition", "opposition", FORCE),
    (r"(?:the )?(?:Kurdish )?(?:YPG|People's (?:Protection|Defen[cs]e) Units)(?: " + _NOUNS + ")?",
     "YPG", None, "sdf-coalition", FORCE),
    (r"(?:PYD/PKK|YPG/PKK|PKK/PYD|PKK/KCK/PYD-YPG|PYD|PKK)(?:-Daesh)?(?: " + _NOUNS + ")?", "YPG", None,
     "sdf-coalition", FORCE),
    (r"(?:the )?Kurdish(?:-led)? (?:forces|factions|fighters|militias?)"
     r"|(?:the )?Kurdish-led (?:coalition|alliance)",
     "Syrian Democratic Forces", "sdf", "sdf-coalition", FORCE),
    (r"(?:the )?Hezbollah media(?: wing)?", "Hezbollah", None, "government", MEDIA),
    (r"(?:Lebanese )?Hezbollah(?: resistance movement)?(?: " + _NOUNS + ")?", "Hezbollah",
     None, "government", FORCE),
    (r"(?:al-Qaeda-affiliated |al-Qaida-linked )?(?:al-)?Nusra(?: Front)?(?: " + _NOUNS + ")?|"
     r"Jabhat (?:al-)?Nusra", "Nusra Front", None, "opposition", FORCE),
    (r"(?:extremist alliance )?(?:Hay'?at )?Tahrir al-Sham|HTS", "Hayat Tahrir al-Sham", None, "opposition",
     FORCE),
    # "Jaysh", "Jaish", "Jeish", "Jish": one word (army), however transliterated
    (r"(?:J(?:a|e)?(?:y|i)?sh al-Islam|Ahrar al-Sham)(?: rebels| " + _NOUNS + ")?", "", None, "opposition",
     FORCE),
    (r"(?:Jabhat )?Fat[ae]h al-Sham(?: Front)?", "Jabhat Fateh al-Sham", None, "opposition", FORCE),
    (r"(?:Syrian |government |regime |pro-government |pro-regime |loyalist )(?:army )?(?:troops|forces|"
     r"soldiers|units|loyalists|militias)|(?:Russia-backed )?Syrian army(?: troops| units)?|"
     r"(?:the )?(?:Syrian )?(?:army|military) (?:units|troops|forces|positions)|(?:the )?Syrian (?:military|"
     r"armed forces)|(?:the )?(?:pro-|al-)?Assad(?:'s)? (?:regime )?"
     r"(?:forces|troops|loyalists|militias|army)|"
     r"(?:the )?(?:Bashar )?(?:al-)?Assad regime|(?:the )?regime"
     r"(?: forces| troops| loyalists)?|(?:the )?army|government offensive|(?:the )?government",
     "Syrian Arab Army", "saa", "government", FORCE),
    # "the pro-government advance": the adjective names the side of the happening it qualifies
    (r"(?:the )?(?:pro-government|pro-regime|pro-Assad|loyalist)(?= (?:\w+ )?(?:advance|offensive|assault|"
     r"attack|push|bombardment|shelling|counter-?attack|counter-?offensive)s?\b)",
     "Syrian Arab Army", "saa", "government", FORCE),
    (r"(?:State media outlet |state news agency |state agency )?SANA(?: reporter)?|Syrian Arab News Agency|"
     r"(?:Syrian )?state (?:media|news agency|television|TV|agency)(?: outlet)?|(?:a )?military source",
     "SANA", "saa", "government", MEDIA),
    (r"Amaq(?: News Agency)?", "Amaq", "isis", "isis", MEDIA),
    (r"(?:the )?(?:Britain-based |UK-based )?Syrian Observatory for Human Rights|SOHR|(?:the )?"
     r"[Oo]bservatory(?: director)?|(?:an opposition |the )?(?:war )?monitor(?:ing group)?",
     "Syrian Observatory for Human Rights", None, None, MONITOR),
    (r"(?:Syrian |local |pro-government |opposition |military |field |Kurdish )*(?:activists|sources)|"
     r"(?:the )?press release|(?:the )?reporter", "", None, None, MONITOR),
    # bare "rebels", "insurgents": the armed opposition (the Conventions), unless a named group is meant
    (r"(?:(?:Syrian|Islamist|moderate|jihadist|armed) )?(?:rebels|insurgents)", "Syrian armed opposition",
     "syrian-opposition", "opposition", FORCE),
    (r"(?:foreign-backed )?(?:Takfiri )?(?:insurgents|rebels|militants|extremists|terrorists|jihadists|"
     r"opposition (?:fighters|groups|factions))(?: and allied opposition groups)?", "", None, None, GENERIC),
]
DESCRIPTORS += descriptors(AIR, FORCE)  # sides named by their country (countries.py)
DESCRIPTORS += forces.descriptors(AIR, FORCE)  # by a pejorative, a coalition's name, the army's aircraft


@dataclass(frozen=True)
class Party:
    """A side as a sentence names it."""

    start: int
    end: int
    text: str
    name: str  # the faction's name (the store's when known)
    slug: str | None  # None: not a faction the store knows
    bloc: str | None
    kind: str  # FORCE, AIR, MEDIA, MONITOR, GENERIC
    side: str = ""  # a side's own media (SANA, Amaq): the name of the side it speaks for


def _is_abbreviation(label: str) -> bool:
    return " " not in label and (len(label) <= 3 or sum(c.isupper() for c in label) >= 2)


_WORD = re.compile(r"[\w-]+")
_ACRONYM = re.compile(r"^(?P<acronym>[A-Z][A-Za-z0-9-]{1,9}):\s+(?=\S)")  # ACLED's "QSD: ", "STC: "


@cache
def curated_shorts() -> dict[str, str]:
    """The bundled factions' short names (db/data/factions.json): chosen by people, names in texts."""
    return {f["slug"]: f["short"] for f in bundled_factions()}


def _names(f: Faction) -> tuple[list[str], list[str]]:
    """(the names a source wrote for `f`, the acronyms a source wrote for an imported actor, matched only
    within its war). A short label no source wrote is neither."""
    written = [f.name, *f.aliases]
    names = [*written, *(_ACRONYM.sub("", n) for n in written)]
    acronyms = [m.group("acronym") for n in written if (m := _ACRONYM.match(n))]
    if curated_shorts().get(f.slug) == f.short:
        names.append(f.short)
    elif any(f.short in _WORD.findall(n) for n in written):
        acronyms.append(f.short)  # "(SDF)", "STC: …": the source wrote it
    return names, acronyms


def _wars(conn: sqlite3.Connection, slugs: set[str]) -> dict[str, frozenset[str]]:
    """The countries each faction's events are in, as the store writes them: read with the rest, so the
    lexicon needs no store once made."""
    out: dict[str, set[str]] = {}
    if slugs:
        for slug, country in conn.execute(
                "SELECT ef.faction, e.country FROM event_factions ef JOIN events e ON e.id = ef.event "
                "WHERE ef.faction IN (SELECT value FROM json_each(?)) AND e.country IS NOT NULL "
                "GROUP BY 1, 2", (json.dumps(sorted(slugs)),)):
            out.setdefault(slug, set()).add(country)
    return {slug: frozenset(countries) for slug, countries in out.items()}


class Parties(InTheatre):
    """The store's factions and the descriptors, as patterns."""

    def __init__(self, conn: sqlite3.Connection, theatre: Theatre | None = None) -> None:
        self.factions = read_reference(conn).factions
        self.theatre = theatre or Theatre()  # the report being read: the lexicon's, shared with the gazetteer
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        self._scoped: set[str] = set()  # acronyms matched only in a sentence of their faction's war
        named = {f.slug: _names(f) for f in self.factions.values()}
        for f in self.factions.values():
            names, acronyms = named[f.slug]
            for label, scoped in [(n, False) for n in names] + [(a, True) for a in acronyms]:
                label = normalise(label).strip()
                if len(label) < 2 or "(" in label or ":" in label:
                    continue
                if _is_abbreviation(label):
                    if exact.setdefault(label, f.slug) == f.slug and scoped:
                        self._scoped.add(label)
                else:
                    folded.setdefault(label.casefold(), f.slug)
        self._scoped -= {n for names, _ in named.values() for n in names}  # a name too: unscoped
        self._wars = _wars(conn, {exact[a] for a in self._scoped})
        self._exact, self._folded = exact, folded
        tail = r"(?:\s+" + _NOUNS + r")?"
        self._exact_re = _alternation(exact, 0, tail)
        self._folded_re = _alternation(folded, re.IGNORECASE, tail)
        self._descriptors = [(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w]|-\w)", re.IGNORECASE),
                              name, slug, bloc, kind) for p, name, slug, bloc, kind in DESCRIPTORS]

    def _store_slug(self, name: str) -> str | None:
        return self._folded.get(name.casefold()) or self._exact.get(name)

    def _in_war(self, label: str, slug: str, sentence: str) -> bool:
        """Whether an acronym a source wrote may be read here: its faction acts in the bundled data's
        country, in a country the sentence names, or in one the report is about (`report`)."""
        if label not in self._scoped:
            return True
        war = self._wars.get(slug, frozenset())
        return HOME in war or bool(named_countries(sentence, war)) or any(name_key(c) in self.report
                                                                          for c in war)

    def _away(self, slug: str | None, text: str) -> bool:
        """Whether a name of the bundled war's own sides ("the government", "rebels", "government forces")
        stands here for another war's: in a report abroad, unless it says Syria's."""
        return self.abroad and slug in HOME_SIDES and not re.search(HOME, text, re.IGNORECASE)

    @staticmethod
    def _as_written(m: re.Match[str], sentence: str) -> Party:
        """Another war's side named by a descriptor: unknown, under its words with the capitalised name
        before them ("Houthi rebels"), and no bloc (the blocs are the bundled war's)."""
        before = re.search(r"(?:^|(?<=\s))([A-Z][\w'-]+\s)$", sentence[:m.start()])
        start = before.start(1) if before else m.start()
        label = re.sub(r"^(?:the|an?) ", "", sentence[start:m.end()], flags=re.IGNORECASE)
        return Party(start, m.end(), sentence[start:m.end()], label, None, None, FORCE)

    def find(self, sentence: str) -> list[Party]:
        """The sides a sentence names, in order, none overlapping another."""
        found: list[Party] = []
        others: list[Party] = []  # another war's coalition, unless a descriptor names its leader
        for pattern, names in ((self._exact_re, self._exact), (self._folded_re, self._folded)):
            if pattern is None:
                continue
            for m in pattern.finditer(sentence):
                slug = names.get(m.group("name")) or names.get(m.group("name").casefold())
                if slug and (other := _another_coalition(m, sentence)):
                    others.append(other)
                elif slug and self._away(slug, m.group()):
                    found.append(self._as_written(m, sentence))
                elif slug and self._in_war(m.group("name"), slug, sentence):
                    f = self.factions[slug]
                    kind = AIR if re.search(r"air|warplane|jet", m.group(), re.IGNORECASE) else FORCE
                    found.append(Party(m.start(), m.end(), m.group(), f.name, slug, f.bloc, kind))
        for pattern, name, slug, bloc, kind in self._descriptors:
            for m in pattern.finditer(sentence):
                if self._away(slug, m.group()):
                    found.append(self._as_written(m, sentence))
                    continue
                label = name or re.sub(r"^(?:the|an?) ", "", m.group(), flags=re.IGNORECASE)
                known = (slug if slug in self.factions else None) or self._store_slug(label)
                if known and kind != GENERIC:
                    bloc = self.factions[known].bloc
                    label = label if kind in (MEDIA, MONITOR) else self.factions[known].name
                label, how = forces.qualify(label, kind, sentence, GENERIC)
                side = self.factions[known].name if known and kind == MEDIA else ""
                found.append(Party(m.start(), m.end(), m.group(), label, known, bloc, how, side))
        for m in forces.BACKED.finditer(sentence):  # "Kurdish-led and US-backed forces"
            name, slug, bloc = forces.backed(m, self.factions, self._store_slug)
            found.append(Party(m.start(), m.end(), m.group(), name, slug, bloc, FORCE))
        found += [o for o in others if not any(p.slug and p.start < o.end and o.start < p.end for p in found)]
        # "the terrorists' military positions": positions named by their holder are not the army's
        found = [p for p in found if not (p.text.casefold().endswith("positions")
                                          and re.search(r"\w's?\s+$", sentence[:p.start]))]
        # "the border with Turkey", "fled to Turkey": a country alone after such a word is a place
        found = [p for p in found if not (bare_country(p.text) and PLACE_BEFORE.search(sentence[:p.start]))]
        found.sort(key=lambda p: (p.start, -(p.end - p.start)))
        kept: list[Party] = []
        for p in found:
            if kept and p.start < kept[-1].end:
                continue
            kept.append(p)
        return kept


# Words that name a coalition's leader or itself: "Saudi-led", "Misratan-led Bunyan Marsus", "Arab".
_COALITION_OWNER = re.compile(r"((?:(?:[A-Z][\w'’-]*|[\w'’]+-led)\s+){1,4})$")
# Capitalised words that open a sentence or date it, not a coalition's name ("On Friday coalition jets").
_NOT_OWNER = re.compile(r"^(?:(?:The|A|An|On|In|At|By|As|Then|Yesterday|Today|Overnight|Earlier|Later|"
                        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b\s*)+")
# Leaders whose coalition the descriptors above name: the US (the bundled alias) and the Kurds (the SDF).
_KNOWN_LEADER = re.compile(r"^(?:US|U\.S\.?|United States|American|Global|International|Kurdish)\b",
                           re.IGNORECASE)


def _another_coalition(m: re.Match[str], sentence: str) -> Party | None:
    """A bare "coalition" is the US-led one (the bundled data's alias) only when nothing names another's
    leader or name before it: "the Saudi-led coalition", "the Misratan-led Bunyan Marsus coalition" are
    other wars' coalitions, unknown, under their words."""
    if m.group("name").casefold() != "coalition":
        return None
    owner = _COALITION_OWNER.search(sentence[:m.start()])
    if owner is None:
        return None
    words = _NOT_OWNER.sub("", owner.group(1)).strip()
    if not words or _KNOWN_LEADER.match(words):
        return None
    start = owner.start(1) + owner.group(1).index(words)
    text = sentence[start:m.end()]
    return Party(start, m.end(), text, text, None, None, FORCE)


def _alternation(names: dict[str, str], flags: int, tail: str) -> re.Pattern[str] | None:
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?P<name>" + "|".join(re.escape(n) for n in ordered) + r")" + tail
                      + r"(?![\w]|-\w)", flags)
