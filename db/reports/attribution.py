"""Who says what a sentence says, and how sure: attribution ("X said", "according to X", "…, said X"),
hedges, rumours and denials (split out of wording.py, which keeps whether a happening happened at all).

Certainty: a rumour (or "unconfirmed reports") is rumoured; a happening a side, a monitor or "sources"
report ("X said", "according to X", "Amaq reported", "activists reported") or a hedge ("reportedly",
"allegedly" however spelt, "purportedly") is claimed, the sides that say it its claimants; otherwise
confirmed. A denial ("X denied losing Y") leaves the happening claimed (disputed: the denier is named in
`why`), never confirmed. The extractor's own cue list: db/rules.py's is the importers', and reports need more.

An attribution's reach is its sentence, whichever clause follows it ("…, X said, while …"); a quotation closed
before its sayer is the sayer's even when the verb is not one of ours; "quoted X as saying" makes both
sayers claimants; "the source said" is the source named before. The next sentence stays the narrator's:
over the tuning texts, a sentence with no frame of its own after a claim is stated flatly three times in four
(31 of 37 in round 13). The exceptions the wording marks, and the report's own voice, are voice.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .parties import FORCE, MEDIA, MONITOR, Party

# not "… clashes which claimed 96 lives": a toll, no sayer
_REPORTING = (r"(?:said|says|say|announced|announces|declared|declares|reported|reports|"
              r"(?:claimed|claims)(?![^.;]{0,30}\blives\b)|"
              r"stated|states|added|confirmed|insisted|alleged|published|posted|quoted|cited|noted|affirmed|"
              r"indicated|mentioned|asserted|revealed|stressed|pointed out|"
              r"told [\w'-]+(?: [\w'-]+){0,4}?)")
_WHEN = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)" \
        r"(?:\s*\([^)]*\))?|\s+in\s+a\s+(?:statement|press release|report|video)|\s+on\s+its\s+\w+(?: \w+)?)*"
# "SOHR, a Britain-based war monitor, said …": the sayer may carry an apposition
# "Sputnik further said": an adverb between the sayer and the verb
_ADVERB = r"(?:\s+(?:further|also|later|earlier|again|then|additionally|separately|previously))?"
# "The website of Sputnik quoted Ali Maqsoud, a military expert, as saying that …": both say it
_QUOTED_AS = (r"(?:(?<=quoted)\s+(?P<quoted>[^;]{2,120}?)\s+as\s+"
              r"(?:saying|reporting|stating|claiming|telling\s+\w+))?")
# "Moscow on Tuesday said …", "On Tuesday it said …": the day may stand before the verb or the sayer
_DAY = r"(?:(?:late |early |earlier |later )?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|" \
       r"Sunday)|today|yesterday|overnight)"
# "MANBIJ – X stated …": a dateline before the sayer; "In a statement to SANA, a military source said …": the
# occasion of the saying before its sayer
_OPENING = (r"[A-Z][A-Z'’ .-]{2,30}\s*[–—-]+\s*|In\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?(?:statement|"
            r"press release|interview|briefing|announcement)\b[^,;]{0,80},\s+")
_LEADING = re.compile(r"^(?:" + _OPENING + r")?(?:[A-Z][\w ]{2,30},\s+|" + _DAY.replace("on\\s+", "[Oo]n\\s+")
                      + r",?\s+)?"
                      # "X, the spokesman of the military council of the city of Y, said": a long apposition
                      r"(?P<who>[^,;]{2,120}?(?:,\s[^,;]{2,100},)?)" + r"(?:\s+" + _DAY + r")?" + _ADVERB +
                      # "… fell to the army amid reports that …": "reports" after these is a noun, no verb
                      r"(?<!\bamid)(?<!\bdespite)(?<!\bafter)(?<!\bwith)(?<!\bof)(?<!\bthe)(?<!\bfollowing)"
                      r"\s+" + _REPORTING + _QUOTED_AS + _WHEN
                      # "X said, today, that …": the day set off by commas
                      + r"(?:,\s*" + _DAY + r",)?" + r"(?:\s+that)?\s*:?\s+(?=\S)")
# "…, said the Observatory, as regime forces pressed on": a postposed attribution may be followed by a
# clause of the writer's own, and its sayer by an apposition ("said Rami Abdel Rahman, head of the monitor")
_GO_ON = r",\s+(?:as|while|amid|adding|saying|noting|referring|but)\b"
_AFTER_SAYER = r"(?:\s*[.]?\s*$|(?=" + _GO_ON + "))"
# "…, rescuers and a monitor said, after a night of …": any clause after "X said," is the writer's (not after
# "said X,": "…, said the rebels had taken A and B, which …" is no sayer)
_AFTER_VERB = r"(?:\s*[.]?\s*$|(?=,\s))"
_CLOSE = r"(?:,[\"”]?|[\"”],?)"  # '…," X said', '…", X said', '…" X said'
_TRAILING = re.compile(_CLOSE + r"\s*(?P<who>[^,;]{2,120}?(?:,\s[^,;\"”]{2,80},)?)\s+(?:said|says|reported|"
                       r"reports|added|claimed|"
                       r"announced|stated|told [^,.;]{1,60}?)" + _WHEN
                       + r"(?:\s+(?:in|from|at|during|on)\s[^,;]{0,80})?" + _AFTER_VERB
                       + r"|" + _CLOSE + r"\s*(?:said|says|reported|according to)"
                       r"\s+(?P<who2>[^,;]{2,120}?(?:(?!" + _GO_ON + r"),\s[^,;]{2,60}?)?)" + _AFTER_SAYER)
_AS = re.compile(r"\bas\s+(?P<who>[^,;]{2,60}?)\s+(?:earlier\s+|had\s+|previously\s+|also\s+)?"
                 r"(?:reported|said|announced|claimed|stated)\b")
# ", Abdul Rahman said, while …", ", Ankara claimed, halting …"
_MIDDLE = re.compile(r",\s*(?P<who>[^,;]{2,80}?)\s+(?:told|said|says|reported|claimed|added|stated|insisted|"
                     r"alleged|announced)(?:\s[^,;]{0,60}?)?,")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,;.]+(?:\.[^,;.\s][^,;.]*)?)", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:it|they|he|she|the group|the (?:press release|statement)|the militants|"
                      # "The source said …": the source the report named before
                      r"the (?:same )?(?:source|sources|report)|"
                      # "The Britain-based group said …": the monitor named before, by description
                      r"the (?:[\w-]+-based|[\w-]+-led|same|monitoring|rights) group|"
                      r"the (?:militant )?group's? [\w ]+)$", re.IGNORECASE)
# "The SDF are fighting ISIS …, the force reported": a side named by description, or "according to their
# statement": the side the sentence named before, speaking of itself
_DESCRIBED = re.compile(r"^(?:the (?:force|forces|coalition|alliance|campaign|militia|army|movement)|"
                        r"(?:their|its) (?:own )?(?:statement|announcement|account|report|media office))$",
                        re.IGNORECASE)
# "X did not release any statement; however, other sources said that …": a sayer heading a later clause
_CLAUSE = re.compile(r"(?:;|,)\s*(?:(?:however|but|yet|while|meanwhile)\b,?\s*)?"
                     r"(?P<who>(?:[\w-]+\s+){0,3}?(?:sources|reports|activists|witnesses|residents))\s+"
                     r"(?:have\s+|had\s+)?(?:said|mentioned|indicated|reported|confirmed|claimed|stated)\b"
                     r"(?:\s+that)?", re.IGNORECASE)
# "the battles … were also reported in X": a passive, nobody named says it (HEDGE's)
_AUXILIARY = re.compile(r"\b(?:was|were|been|be|is|are)(?:\s+(?:also|further|later|earlier|again|then|"
                        r"previously|\w+ly))?$", re.IGNORECASE)
_SAYER = re.compile(r"\b(?:sources?|activists?|media|agency|monitor|reporters?|reports?|officials?|"
                    r"spokes\w+|"
                    r"statements?|websites?|sites?|broadcaster|radio|watchdog|rescuers|medics|paramedics|experts?|"
                    r"analysts?|"
                    r"news|press|times|post|television|TV|channel|outlet|newspaper|daily|network|ministry|"
                    r"observatory|commanders?|correspondents?|fighters|witnesses|residents|"
                    # a person named with a rank or office: "Captain X said", "Observatory head X said"
                    r"captain|colonel|col\.|general|gen\.|major|lieutenant|lt\.|brigadier|sergeant|"
                    r"sheikh|mayor|governor|minister|director|head|chief|leader|"
                    # a side's own body speaking: "The Military Council of Manbij stated that …"
                    r"council|command|committee|administration|operations room|campaign|coalition|"
                    r"alliance|"
                    # "according to the Institute for the Study of War": a body that studies the war
                    r"institute|organi[sz]ation|think[- ]tank)\b",
                    re.IGNORECASE)
# "the Observatory documented the death of …", "… where the monitor recorded raids on X": what a monitor
# or medium says it observed is its claim, wherever in the sentence it says so
# "The Syrian Observatory for Human Rights (SOHR) documented …": its short name may stand between
_OBSERVED = re.compile(r"^(?:\s*\([^()]{1,15}\))?\s+(?:(?:also|has|have|had|was|were)\s+)*"
                       r"(?:monitored|documented|recorded|observed|counted|verified|registered|tallied)\b",
                       re.IGNORECASE)
# a sayer named by a proper name alone: "Abdul Rahman", "Ankara", "Sputnik" (not "The army")
_NAME = re.compile(r"(?:the\s+)?[A-Z][\w'’.-]+(?:\s+(?:al-|bin\s+|ibn\s+|de\s+)?[A-Z][\w'’.-]+){0,3}")
# a quotation whose opening mark the sentence does not hold ("… Daraa\", the monitor's head said"): someone's
# words; four words at least, so a quoted name ("Gobelek\" village) is none
_QUOTATION = re.compile(r"^(?P<words>[^\"“”]+?\w)(?P<end>[.,!?]?[\"”])(?=[\s,.]|$)")
# a participle clause of a toll after the happening: ", killing six civilians and reportedly injuring more"
_TOLL_CLAUSE = re.compile(r",\s+(?:killing|wounding|injuring|leaving|causing)\b[^;]*$", re.IGNORECASE)
# Unconfirmed, unverified reports nobody is named for are rumours, as in the importers (db/rules.py).
RUMOUR = re.compile(r"\b(?:rumou?r(?:s|ed)?|unconfirmed|unverified)\b", re.IGNORECASE)
HEDGE = re.compile(r"\b(?:it (?:was|has been|is) (?:reported|claimed|said|alleged)|reportedly|"
                   # "twelve airstrikes were reported in X": reported by nobody named
                   r"(?:was|were|has been|have been|had been)\s+(?:also\s+)?reported(?!\s+(?:by|that)\b)|"
                   r"al+e?g+e?d+e?ly|"
                   r"alegedly|purportedly|"
                   # "there have been reports of clashes in X" (not "there were no reports of casualties")
                   r"there (?:have been|has been|are|were|is) (?:also |now )?(?!no\b)(?:[\w-]+ )?reports?\b|"
                   r"no confirmed "
                   # "reports are coming through of clashes in X": reports nobody is named for
                   r"reports?|reports (?:are|were|have been|keep) coming (?:in|through|out)|"
                   r"(?:is|are|was|were) said to|"
                   # not "claimed the lives of", "aimed at claiming a soft target": a toll, a seizure
                   # nor "claimed at least 96 lives"
                   r"claim(?:s|ed|ing)?(?!\s+(?:the\s+)?lives\b|\s+an?\s+(?:[\w-]+\s+)?target\b|"
                   r"\s+(?:at least |more than |over |some |nearly |about )?[\w,-]+\s+lives\b))\b",
                   re.IGNORECASE)
DENIAL = re.compile(r"(?P<who>[^,;]{2,80}?)\s+(?:denied|denies|deny|refuted|rejected (?:reports|claims))\b")


@dataclass
class Frame:
    """Who states what a sentence says, and how sure it is."""

    certainty: str = "confirmed"
    cue: str | None = None  # the words that lowered it
    claimants: list[Party] = field(default_factory=list)
    self_claim: bool = False  # "it said", "the group said": the actor says it
    denied_by: list[Party] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # the attribution's own words, not the report's content
    leading: bool = False  # "X said (that) …": the content follows the attribution


# "This was reported by the ministry.": a sentence that only says who reported the one before
# "The claim was made by the group's media wing.": the same, the sentence before being a claim
LATER_SOURCE = re.compile(r"^(?:This|That|It|These|The (?:news|report|information|claims?|announcement))\s+"
                           r"(?:was|were|has been|have been|is)\s+(?:reported|announced|stated|said|claimed|"
                           r"confirmed|made|issued|published|released|posted|carried)\b"
                           r"(?:\s+(?:by|in|at|on)\s+(?P<who>[^.]+))?\.?$", re.IGNORECASE)


def frame(s: str, parties: list[Party], previous: list[Party]) -> Frame:
    """The attribution, hedges, rumours and denial of a sentence."""
    f = Frame(span=(0, 0))
    matches = [(m, m.group("who") or "") for m in (_LEADING.match(s),) if m]
    said_as = _AS.search(s)
    matches += [(said_as, said_as.group("who"))] if said_as else \
        [(m, m.group("who") or m.group("who2") or "") for m in (_TRAILING.search(s),) if m]
    matches += [(m, m.group("who")) for m in _ACCORDING.finditer(s)]
    matches += [(m, m.group("who")) for m in _MIDDLE.finditer(s)]
    matches += [(m, m.group("who")) for m in _CLAUSE.finditer(s)]
    for m, who in matches:
        group = "who" if m.groupdict().get("who") is not None else "who2"
        a, b = m.span(group) if m.groupdict().get(group) is not None else m.span()
        inside = [p for p in parties if a <= p.start and p.end <= b]
        # a medium or monitor, else the head of the phrase ("X, which …, said")
        sources = [p for p in inside if p.kind in (MEDIA, MONITOR)] or _head(s, inside)
        # "… were also reported in X" (not "ISIS is reported to have tried …": the actor, read as before)
        if m.re in (_LEADING, _TRAILING) and _AUXILIARY.search(who.strip()) and \
                not re.match(r"to\s", s[m.end():].lstrip()):
            continue
        pronoun = _PRONOUN.match(who.strip())
        if not sources and _DESCRIBED.match(who.strip()):  # the side named before it in the sentence
            sources = [p for p in parties if p.kind == FORCE and p.end <= m.start()][:1]
            f.self_claim = f.self_claim or bool(sources)
            pronoun = pronoun or (None if sources else _DESCRIBED.match(who.strip()))
        # a quotation closed before "X said" is X's statement, whoever X is; otherwise an unknown
        # subject is no sayer: "The SAA captured X, killing …" is not a report of it
        quoted = re.match(r",[\"”]", m.group()) is not None
        named = _NAME.fullmatch(who.strip()) is not None  # "Abdul Rahman said", "Ankara claimed"
        if not sources and not pronoun and not _SAYER.search(who) and not quoted and not named:
            continue
        if not sources and not pronoun:  # a source the lexicon does not know: "Al-Masdar News reports"
            name = _bare(who)
            sources = [Party(m.start(), m.start() + len(name), name, name, None, None, MONITOR)]
        f.certainty, f.cue = "claimed", m.group().strip(" ,")
        if f.span == (0, 0):  # a leading attribution starts at its sayer, not at the phrase before it
            f.span = (a if m.re is _LEADING else m.start(), m.end())
            f.leading = m.re is _LEADING
        if pronoun and not sources:
            f.claimants = f.claimants or list(previous)
            if previous and re.match(r"the (?:same )?(?:source|report)", who.strip(), re.IGNORECASE):
                f.cue += f": {', '.join(p.name for p in previous)}, named before"  # `why` says which
            # "It also claimed to destroy a tank": who claims to have done it did it
            f.self_claim = f.self_claim or not previous or who.strip().casefold().startswith(
                ("the group", "the press", "the statement")) or bool(re.match(r"\s*to\s", s[m.end():]))
        f.claimants += [p for p in sources if p.name not in {c.name for c in f.claimants}]
        if m.groupdict().get("quoted"):  # "quoted X as saying": X says it too
            f.claimants += [q for q in _said_by(s, m, "quoted", parties)
                            if q.name not in {c.name for c in f.claimants}]
    opened = _QUOTATION.match(s)
    if f.cue is None and opened and len(opened.group("words").split()) >= 4:  # '… Daraa", X's head said'
        last = opened.group("words").split()[-1]
        f.certainty, f.cue = "claimed", f"a quotation ('…{last}{opened.group('end')}')"
        f.claimants = [p for p in parties
                       if p.start >= opened.end() and p.kind in (MEDIA, MONITOR, FORCE)][:1]
    for p in parties:
        seen = _OBSERVED.match(s[p.end:]) if p.kind in (MEDIA, MONITOR) else None
        if seen and not f.span[0] <= p.start < f.span[1]:
            f.certainty, f.cue = "claimed", f.cue or f"{p.text}{seen.group()}"
            f.claimants += [p] if p not in f.claimants else []
    hedge = HEDGE.search(s)
    if hedge and _TOLL_CLAUSE.search(s[:hedge.start()]) and not HEDGE.search(s, hedge.end()):
        hedge = None  # "…, killing six and reportedly injuring more": the toll's hedge, not the strike's
    if hedge and f.cue is None:
        f.certainty, f.cue = "claimed", hedge.group()
        if re.match(r"claim", hedge.group(), re.IGNORECASE):
            f.claimants = [p for p in parties if p.end <= hedge.start()][-1:]
            f.self_claim = not f.claimants
    denial = DENIAL.search(s)
    if denial:
        f.denied_by = [p for p in parties if denial.start() <= p.start and p.end <= denial.end()]
        f.certainty, f.cue = "claimed", f.cue or denial.group().strip()
    rumour = RUMOUR.search(s)
    if rumour:
        f.certainty, f.cue = "rumoured", rumour.group()
    return f


def _said_by(s: str, m: re.Match[str], group: str, parties: list[Party]) -> list[Party]:
    """The sides in a sayer's words, else the words as a source of their own ("Ali Maqsoud, an expert")."""
    a, b = m.span(group)
    inside = [p for p in parties if a <= p.start and p.end <= b]
    if inside and not s[a:inside[0].start].strip():  # "Syrian military sources": the side speaks
        return _head(s, inside)
    name = _bare(m.group(group))  # "Ali Maqsoud, a Syrian military expert": a man, not the army
    return [Party(a, a + len(name), name, name, None, None, MONITOR)]


def _bare(who: str) -> str:
    """A sayer's words as its name: no article, no quotation mark or comma left over."""
    return re.sub(r"^(?:the|a|an)\s+", "", who.strip(" ,\"“”"), flags=re.IGNORECASE)


def _head(s: str, inside: list[Party]) -> list[Party]:
    """The first side of an attribution and those joined to it ("Turkey and allied rebel factions said")."""
    out = inside[:1]
    for p in inside[1:]:
        if not re.fullmatch(r"\s*(?:,|,?\s*and|as well as)\s*(?:the\s+)?", s[out[-1].end:p.start]):
            break
        out.append(p)
    return out
