"""Who says what a sentence says, and how sure: attribution ("X said", "according to X", "…, said X"),
hedges, rumours and denials (split out of wording.py, which keeps whether a happening happened at all).

Certainty: a rumour (or "unconfirmed reports") is rumoured; a happening a side, a monitor or "sources"
report ("X said", "according to X", "Amaq reported", "activists reported") or a hedge ("reportedly",
"allegedly" however spelt, "purportedly") is claimed, the sides that say it its claimants; otherwise
confirmed. A denial ("X denied losing Y") leaves the happening claimed (disputed: the denier is named in
`why`), never confirmed. The extractor's own cue list: db/rules.py's is the importers', and reports need more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .parties import MEDIA, MONITOR, Party

_REPORTING = (r"(?:said|says|say|announced|announces|declared|declares|reported|reports|claimed|claims|"
              r"stated|states|added|confirmed|insisted|alleged|published|posted|quoted|cited|noted|affirmed|"
              r"indicated|mentioned|asserted|revealed|stressed|pointed out|"
              r"told [\w'-]+(?: [\w'-]+){0,4}?)")
_WHEN = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)" \
        r"(?:\s*\([^)]*\))?|\s+in\s+a\s+(?:statement|press release|report|video)|\s+on\s+its\s+\w+(?: \w+)?)*"
# "SOHR, a Britain-based war monitor, said …": the sayer may carry an apposition
_LEADING = re.compile(r"^(?:[A-Z][\w ]{2,30},\s+)?(?P<who>[^,;]{2,120}?(?:,\s[^,;]{2,60},)?)"
                      r"\s+" + _REPORTING + _WHEN + r"(?:\s+that)?\s+(?=\S)")
# "…, said the Observatory, as regime forces pressed on": a postposed attribution may be followed by a
# clause of the writer's own, and its sayer by an apposition ("said Rami Abdel Rahman, head of the monitor")
_GO_ON = r",\s+(?:as|while|amid|adding|saying|noting|referring|but)\b"
_AFTER_SAYER = r"(?:\s*[.]?\s*$|(?=" + _GO_ON + "))"
_TRAILING = re.compile(r",[\"”]?\s*(?P<who>[^,;]{2,120}?)\s+(?:said|says|reported|reports|added|claimed|"
                       r"announced|stated|told [^,.;]{1,60}?)" + _WHEN
                       + r"(?:\s+(?:in|from|at|during|on)\s[^,;]{0,80})?" + _AFTER_SAYER
                       + r"|,[\"”]?\s*(?:said|says|reported|according to)"
                       r"\s+(?P<who2>[^,;]{2,120}?(?:(?!" + _GO_ON + r"),\s[^,;]{2,60}?)?)" + _AFTER_SAYER)
_AS = re.compile(r"\bas\s+(?P<who>[^,;]{2,60}?)\s+(?:earlier\s+|had\s+|previously\s+|also\s+)?"
                 r"(?:reported|said|announced|claimed|stated)\b")
_MIDDLE = re.compile(r",\s*(?P<who>[^,;]{2,80}?)\s+(?:told|said|reported)\s[^,;]{0,60}?,")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,;.]+(?:\.[^,;.\s][^,;.]*)?)", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:it|they|he|she|the group|the (?:press release|statement)|the militants|"
                      r"the (?:militant )?group's? [\w ]+)$", re.IGNORECASE)
_SAYER = re.compile(r"\b(?:sources?|activists?|media|agency|monitor|reporters?|reports?|officials?|spokes\w+|"
                    r"statement|"
                    r"news|press|times|post|television|TV|channel|outlet|newspaper|daily|network|ministry|"
                    r"observatory|commanders?|correspondents?|fighters|witnesses|residents|"
                    # a person named with a rank or office: "Captain X said", "Observatory head X said"
                    r"captain|colonel|col\.|general|gen\.|major|lieutenant|lt\.|brigadier|sergeant|"
                    r"sheikh|mayor|governor|minister|director|head|chief|leader)\b", re.IGNORECASE)
# "the Observatory documented the death of …", "… where the monitor recorded raids on X": what a monitor
# or medium says it observed is its claim, wherever in the sentence it says so
_OBSERVED = re.compile(r"^\s+(?:(?:also|has|have|had|was|were)\s+)*(?:monitored|documented|recorded|"
                       r"observed|counted|verified|registered|tallied)\b", re.IGNORECASE)
# Unconfirmed, unverified reports nobody is named for are rumours, as in the importers (db/rules.py).
RUMOUR = re.compile(r"\b(?:rumou?r(?:s|ed)?|unconfirmed|unverified)\b", re.IGNORECASE)
HEDGE = re.compile(r"\b(?:it (?:was|has been|is) (?:reported|claimed|said|alleged)|reportedly|"
                   r"al+e?g+e?d+e?ly|"
                   r"alegedly|purportedly|"
                   r"no confirmed "
                   r"reports?|(?:is|are|was|were) said to|claim(?:s|ed|ing)?)\b", re.IGNORECASE)
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
LATER_SOURCE = re.compile(r"^(?:This|That|It|These|The (?:news|report|information))\s+(?:was|were|has been|"
                           r"have been|is)\s+(?:reported|announced|stated|said|claimed|confirmed)\b"
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
    for m, who in matches:
        group = "who" if m.groupdict().get("who") is not None else "who2"
        a, b = m.span(group) if m.groupdict().get(group) is not None else m.span()
        inside = [p for p in parties if a <= p.start and p.end <= b]
        # a medium or monitor, else the head of the phrase ("X, which …, said")
        sources = [p for p in inside if p.kind in (MEDIA, MONITOR)] or _head(s, inside)
        pronoun = _PRONOUN.match(who.strip())
        # a quotation closed before "X said" is X's statement, whoever X is; otherwise an unknown
        # subject is no sayer: "The SAA captured X, killing …" is not a report of it
        quoted = re.match(r",[\"”]", m.group()) is not None
        if not sources and not pronoun and not _SAYER.search(who) and not quoted:
            continue
        if not sources and not pronoun:  # a source the lexicon does not know: "Al-Masdar News reports"
            name = re.sub(r"^(?:the|a|an)\s+", "", who.strip(), flags=re.IGNORECASE)
            sources = [Party(m.start(), m.start() + len(name), name, name, None, None, MONITOR)]
        f.certainty, f.cue = "claimed", m.group().strip(" ,")
        if f.span == (0, 0):  # a leading attribution starts at its sayer, not at the phrase before it
            f.span = (a if m.re is _LEADING else m.start(), m.end())
            f.leading = m.re is _LEADING
        if pronoun and not sources:
            f.claimants = f.claimants or list(previous)
            f.self_claim = f.self_claim or not previous or who.strip().casefold().startswith(
                ("the group", "the press", "the statement"))
        f.claimants += [p for p in sources if p not in f.claimants]
    for p in parties:
        seen = _OBSERVED.match(s[p.end:]) if p.kind in (MEDIA, MONITOR) else None
        if seen and not f.span[0] <= p.start < f.span[1]:
            f.certainty, f.cue = "claimed", f.cue or f"{p.text}{seen.group()}"
            f.claimants += [p] if p not in f.claimants else []
    hedge = HEDGE.search(s)
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


def _head(s: str, inside: list[Party]) -> list[Party]:
    """The first side of an attribution and those joined to it ("Turkey and allied rebel factions said")."""
    out = inside[:1]
    for p in inside[1:]:
        if not re.fullmatch(r"\s*(?:,|,?\s*and|as well as)\s*(?:the\s+)?", s[out[-1].end:p.start]):
            break
        out.append(p)
    return out
