"""Who did what to whom, from the sentence's structure (a small clause analysis, no parser).

- The actor is the subject of the clause that holds the event word (coordinated verbs share it: "A killed
  13 B militants and captured X" → A captured X); a clause without its own subject takes the sentence's.
- A side named after the event word is its target; after "backed by", "with the support of", "along with"
  an ally; after "by" following a passive ("was retaken by A", "to be captured by A"), "came under A
  control" or "fell to A", the actor (and the passive subject, if a side, the target).
- "clashes between A and B": both sides, neither actor nor target. "repelled an attack by A": A attacked.
- "It", "they", "their forces", "Another …" take the actors of the sentence's claimant or of the
  sentence before; "government troops" after named government units are those units.
- Who says it (the attribution) is the claimant, never a party to the happening.
- One side is never both actor and target of one happening: the clause's subject keeps the actor's role.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .cues import TOLL, Cue
from .parties import AIR, FORCE, GENERIC, MEDIA, MONITOR, Party
from .wording import BOUNDARY, Frame

_PREPOSITION = re.compile(r"\b(?:with|against|from|of|between|among|to|for|on|including|at|over|into|"
                          r"towards?|near|held by|by)\s+(?:the\s+)?(?:\w+\s+){0,1}$", re.IGNORECASE)
_ALLY = re.compile(r"\b(?:backed(?: up)? by|supported by|with the support of|along with|alongside|"
                   r"together with|aided by|assisted by|and (?:the )?allied|"
                   # "in cooperation with the allied forces", "with the backing of Russian jets", "under the
                   # cover of Russian airstrikes", "an operation carried out with the FSA": partners
                   r"in (?:close )?(?:cooperation|coordination|collaboration|conjunction|partnership) with|"
                   r"with the (?:backing|participation|cover) of|under (?:the )?cover of|jointly with|"
                   r"(?:carried out|conducted|launched|waged) with|and (?:its|"
                   r"their) allies,?)\s+(?:the\s+)?[\"“‘'(]?(?:\w+\s+)?[\"“‘'(]?$",
                   re.IGNORECASE)
# "militants fighting under the banner of ISIS": the side named is the one acting
_BANNER = re.compile(r"\b(?:under|in) the (?:banner|flag|ranks|command) of\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_BY = re.compile(r"^\s*(?:\w+\s+){0,3}by\s+(?:the\s+)?(?:\w+ing\s+|\w+ed\s+)?$", re.IGNORECASE)
# "shelling by Jaish al-Islam rebels", "airstrikes carried out by the coalition": the agent of the happening
_NOUN_BY = re.compile(r"\s+(?:(?:carried out|conducted|launched|staged|mounted|fired) )?by\s*"
                      r"(?:both\s+|either\s+)?(?:the\s+)?[\"“”‘'(]?\s*", re.IGNORECASE)
_DIED = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:killed|wounded|injured)\b",
                   re.IGNORECASE)
_MEANS = re.compile(r"\b(?:strikes|raids|shelling|bombardment|bombing|fire)\b", re.IGNORECASE)
_REPELLED = re.compile(r"repell?(?:ed|s|ing)?\b", re.IGNORECASE)
# "repelled ISIL's attack", "repelling deadly suicide attacks by …": who repels an attack did not make it
_REPELS_NOUN = re.compile(r"\b(?:repell?(?:ed|s|ing)?|repuls(?:ed|es|ing)|thwart(?:ed|s|ing)|"
                          r"foil(?:ed|s|ing))\s+(?:(?:an?|the|their|its|several|two|three|\d+)\s+)?(?:[\w-]+(?:'s|’s|'|’)?\s+)"
                          r"{0,3}$", re.IGNORECASE)
# "an al-Qaida-linked group", "a jihadist faction": a side the lexicon does not name, heading its clause
_UNNAMED = re.compile(r"^\s*(?:an?|the|another)\s+(?:[\w'’-]+\s+){0,3}(?:group|faction|militia|"
                      r"organi[sz]ation|alliance)s?\s+(?:\w+ly\s+|had\s+|has\s+|have\s+)*$", re.IGNORECASE)
# a word for a side in the clause ("troops were pushing …", "they shelled …"): the discourse's to resolve
_SUBJECT_WORD = re.compile(r"\b(?:they|it|troops|soldiers|forces|fighters|units|army|militants|terrorists|"
                           r"jihadists|rebels|insurgents|gunmen|militias?|group)\b", re.IGNORECASE)
# "the last town outside regime's control": the holder of the place, no party to what happens there
_HOLDER = re.compile(r"\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)
# "ISIL's attack", "the army's new offensive": the side whose happening it is
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)\s+(?:[\w-]+\s+)?$")
# "rebel groups that attacked X": the side the relative pronoun stands for did it
_THAT = re.compile(r"^\s+(?:that|who|which)\s+(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
# "… the SDF, which is backed by the US-led coalition": the ally hangs on the side before it, a target
_ITS_BACKER = re.compile(r"^,?\s+(?:(?:which|who)\s+(?:is|are|was|were)\s+)?$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\bthat\s+)(?:it|they|their forces|its forces|its fighters|"
                              r"the group|another|the militants|the (?:combat|attacking|advancing) forces|"
                              r"(?:the|these|our|its|their) (?:forces|units|troops|soldiers|fighters))\b",
                              re.IGNORECASE)
# "… even as Kyiv mounts a counterattack": the event word's clause has a subject of its own, a name the
# lexicon does not know (a capital for its government): an earlier clause's "its forces" did not do it
_NAMED_SUBJECT = re.compile(r"^\s*(?:even\s+)?(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*\s+"
                            r"(?:\w+ly\s+)?(?:has\s+|had\s+|have\s+|is\s+|was\s+)?(?-i:[a-z]+(?:s|ed))\s",
                            re.IGNORECASE)
# "… captured X in the Donetsk region, where Russian troops have made gains": the side heading a later clause
# (after its conjunction, before its verb: "… since the government's operation began") does that deed,
# not the event word's target
_LATER_SUBJECT = re.compile(r"(?:(?:,|\s[–—])\s*(?:where|while|whereas|as|when|even as)|\s(?:since|until))\s+"
                            r"(?:the\s+)?$", re.IGNORECASE)
GENERIC_GOVERNMENT = re.compile(r"^(?:the )?(?:government|army|syrian|regime|pro-government)\b",
                                re.IGNORECASE)

Role = tuple[Party, str]
PREPOSITION = _PREPOSITION


# "hundreds of opposition fighters … left X": a number of a side heading its clause is that side
_QUANTITY = re.compile(r"(?:^\s*|\b(?:after|as|when|while|since|that|and)\s+)(?:some |about |nearly |around |"
                       r"more than |at least )?(?:hundreds|dozens|thousands|scores|tens|a number|a group|"
                       r"a handful|\d+)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)

_JOIN = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:,|and|,\s*and|as well as|along with|together with|"
                   r"with)?\s*(?:the\s+)?$",
                   re.IGNORECASE)


def _subject(s: str, start: int, end: int, parties: list[Party]) -> list[Role]:
    """The sides in subject position between `start` and `end`: the first side not after a preposition,
    with the sides joined to it ("A, B and C"); allies after "backed by" and the like."""
    out: list[Role] = []
    for p in parties:
        if not start <= p.start < end or p.kind in (MEDIA, MONITOR):
            continue
        before = s[start:p.start]
        if re.search(r"\w\s*\(\s*$", before):
            continue  # "against Daesh (ISIS)": the same side's other name, in brackets
        if any((q.slug or q.name) == (p.slug or p.name) for q, _ in out):
            continue  # "the Syrian Democratic Forces (SDF)": the same side again
        if _BANNER.search(before) and p.kind == FORCE:
            out = [(q, r) for q, r in out if not (r == "actor" and q.kind == GENERIC)] + [(p, "actor")]
        elif _ALLY.search(before):
            out.append((p, "ally"))
        elif any(r == "actor" for _, r in out):
            last = max(q.end for q, r in out if r in ("actor", "target"))
            if _JOIN.match(s[last:p.start]) and p.start > last and out[-1][1] == "actor":
                out.append((p, "actor"))
            elif p.kind != "air":  # "A killed 13 B militants and captured X": B was hit too
                out.append((p, "target"))
        elif not _PREPOSITION.search(before) or _QUANTITY.search(before):
            out.append((p, "actor"))
    return out


_OPENER = re.compile(r"^\s*(?:following|after|before|since|despite|amid|with|in|during|by)\b", re.IGNORECASE)


def _sentence_subject(s: str, body: int, cue: Cue, cues: list[Cue], parties: list[Party]) -> list[Role]:
    """The subject of the nearest clause before the event word that has one (", surrounding X" is done
    by the subject of the clause it hangs on); for an event word in an opening phrase, the main clause's
    ("Following the liberation of A, the SAA and NDF secured B")."""
    bounds = [body, *(m.end() for m in BOUNDARY.finditer(s, body) if m.group() != " and ")]
    clauses = list(zip(bounds, [*bounds[1:], len(s)], strict=True))
    opener = _OPENER.match(s[body:])
    earlier = [c for c in clauses if c[0] <= cue.start][::-1]
    # only an event word inside the opening phrase takes the main clause's subject ("…, the forces retook
    # X; thus tightening the noose around ISIS fighters": no later clause is the subject of "retook")
    later = [c for c in clauses if c[0] > cue.start] if opener and cue.start < clauses[0][1] else []
    for a, b in earlier + later:
        first_cue = min((c.start for c in cues if a <= c.start < b), default=b)
        found = _subject(s, a, min(first_cue, cue.start) if a <= cue.start else first_cue, parties)
        if any(r == "actor" for _, r in found):
            return found
    return []


def _unnamed_subject(s: str, start: int, end: int, parties: list[Party]) -> bool:
    """Whether the clause of the event word has a subject of its own that names no known side ("… after an
    al-Qaida-linked group pulled out"): then the main clause's subject did not do it."""
    words = s[start:end]
    for p in parties:
        if start <= p.start < end:
            words = words.replace(p.text, " ")
    return bool(_UNNAMED.match(words))


def _one_role(out: list[Role], notes: list[str]) -> list[Role]:
    """One side is never both actor and target of one happening: the subject the clause analysis found
    ("Following the liberation of A, the SAA secured B": the SAA, after the word but its main clause's
    subject) outranks a side's position after the event word."""
    actors = {p.slug or p.name for p, r in out if r == "actor"}
    both = sorted(actors & {p.slug or p.name for p, r in out if r == "target"})
    notes += [f"'{k}' read as both actor and target: kept as the actor" for k in both]
    return [(p, r) for p, r in out if not (r == "target" and (p.slug or p.name) in both)]


def _whose(s: str, cue: Cue, own: list[Party], out: list[Role], notes: list[str]) -> list[Role]:
    """The happening's own maker, named on the event word itself, outranks the clause's subject: "ISIL's
    attack", "rebel groups that attacked X"; and who repels an attack is its target ("the army repelled
    ISIL's attack", "repelling suicide attacks by VBIEDs")."""
    maker = [p for p in own if p.end <= cue.start and p.kind in (FORCE, GENERIC)
             and (_POSSESSIVE.match(s[p.end:cue.start]) or _THAT.match(s[p.end:cue.start]))]
    repelled = not _REPELLED.match(cue.word) and _REPELS_NOUN.search(s[:cue.start])
    if repelled:
        out = [(q, "target") if r in ("actor", "ally") and q.start < repelled.start() else (q, r)
               for q, r in out]
        notes.append(f"'{repelled.group().strip()}': who repels the {cue.word} did not make it")
    if maker:
        p = maker[-1]
        out = [(q, "target") if r in ("actor", "ally") and q.start < p.start else (q, r)
               for q, r in out if q is not p] + [(p, "actor")]
        notes.append(f"'{s[p.start:cue.end]}': {p.text} made it")
    return out


def _own_media(cue: Cue, f: Frame, own: list[Party], out: list[Role], notes: list[str]) -> list[Role]:
    """A happening that names no maker, told by one side itself or its own media: a gain ("Albu Kamal is
    liberated", state television declared) is that side's, and so is a fight with its enemy (Amaq: "a suicide
    attack killed 15 SDF members"; "the SDF announced the killing of 33 IS members during battles"); not a
    blast that hit no named enemy (a car bomb in a government town)."""
    voices = [p for p in f.claimants if p.slug and ((p.kind == MEDIA and p.side) or p.kind == FORCE)]
    if len(voices) != 1:
        return out
    p = voices[0]
    hit = [q for q, r in out if r == "target" and q.bloc] + [q for q in own if q.bloc and q.start > p.end]
    # a gain without its taker, in a side's own words, may be its loss ("rebels said the town fell"): only
    # its media's wording ("is liberated") is read as the side's gain
    gain = cue.type in ("capture", "advance") and p.kind == MEDIA
    if gain or (hit and all(q.bloc != p.bloc for q in hit)):
        notes.append(f"no side named: '{p.text}' tells of its own side's happening")
        # a media's side keeps its kind (a voice): not carried as the acting side of the sentences after
        return [(replace(p, name=p.side or p.name), "actor"), *out]
    return out


def roles(s: str, cue: Cue, cues: list[Cue], parties: list[Party], f: Frame,
          previous: list[Role], faction_parent: dict[str, str | None]) -> tuple[list[Role], list[str]]:
    """The sides of the happening the event word `cue` states, with their roles, and the reasons."""
    notes: list[str] = []
    own = [p for p in parties if (not f.span[0] <= p.start < f.span[1] or f.span == (0, 0))
           and not _HOLDER.search(s[:p.start])]
    body = f.span[1] if f.leading else 0
    # " and " between two sides joins a subject ("The SAA and the Russian Air Force took X"), not clauses
    starts = [m.end() for m in BOUNDARY.finditer(s, 0, cue.start) if m.end() > body
              and not (m.group() == " and " and any(p.end == m.start() for p in own))]
    clause = starts[-1] if starts else body
    subject = _subject(s, clause, cue.start, own) if clause < cue.start else []
    if not any(r == "actor" for _, r in subject) and not _unnamed_subject(s, clause, cue.start, own):
        subject = _sentence_subject(s, body, cue, cues, own) + [r for r in subject if r[1] == "ally"]
    # "Backed by X, A …" anywhere in the sentence: X is an ally
    subject += [(p, "ally") for p in own if p.start < cue.start and _ALLY.search(s[:p.start])
                and all(p is not q for q, _ in subject)]
    # "… with the Syrian Army recapturing X": the side right before the event word does it
    right_before = [p for p in own if 0 <= cue.start - p.end <= 2 and p.kind in (FORCE, GENERIC)]
    if right_before and not any(r == "actor" for _, r in subject):
        subject = [(right_before[0], "actor"), *subject]
    out: list[Role] = list(subject)
    after = [p for p in own if p.start >= cue.end and p.kind not in (MEDIA, MONITOR)]
    between = re.search(r"\bbetween\s", s[cue.end:cue.end + 40])
    out += [(p, "target") for p in own if cue.start < p.start < cue.end and p.kind in (FORCE, GENERIC)
            and not cue.word.casefold().startswith("came under")]  # "drove ISIS out of X"
    agent_end = -1  # the end of the last agent after the event word: a side joined to it is one too
    for p in after:
        gap = s[cue.end:p.start]
        if agent_end >= 0 and p.start >= agent_end and _JOIN.match(s[agent_end:p.start]) and \
                p.kind in (FORCE, GENERIC, AIR):  # "raids by both Russian and Syrian warplanes"
            out.append((p, "actor"))
            agent_end = p.end
        elif ((cue.passive or _REPELLED.match(cue.word)) and _BY.search(gap)) or _NOUN_BY.fullmatch(gap) or \
                (cue.word.casefold().startswith("los") and re.search(r"\bto\s+(?:the\s+)?$", gap)) or \
                (cue.word.casefold().startswith(("came under", "fell")) and p.start < cue.end + 20):
            out = [(q, "target") if r == "actor" else (q, r) for q, r in out]
            out.append((p, "actor"))
            agent_end = p.end
            notes.append(f"'{p.text}' is the agent of '{cue.word}'")
        elif between and cue.end + between.end() <= p.start < cue.end + between.end() + 60:
            out.append((p, "side"))
        elif _ALLY.search(s[:p.start]):
            held = [q for q, r in out if r == "target" and q.end <= p.start]
            backer = _ALLY.search(s[:p.start])
            if held and _ITS_BACKER.match(s[held[-1].end:backer.start()]):
                out.append((p, "target"))
                notes.append(f"'{p.text}' backs '{held[-1].text}', the target: on the target's side")
            else:
                out.append((p, "ally"))
        elif _LATER_SUBJECT.search(s[cue.end:p.start]):
            notes.append(f"'{p.text}' heads a later clause: no party to '{cue.word}'")
        elif p.kind in (FORCE, GENERIC) or p.kind == "air":
            out.append((p, "target"))
    # the dead's own happening only: the toll itself or the means it names ("killed … in air strikes"),
    # not another clause's ("five militants were killed as they attacked X": they attacked)
    dead = [m for m in _DIED.finditer(s, 0, cue.end) if m.end() >= cue.end or (
        re.search(r"\b(?:in|by|from|during|under)\b", s[m.end():cue.start])
        and not re.search(r"[;:]|\b(?:as|when|while|after|before|once|and|but|they|it|who|which)\b",
                          s[m.end():cue.start], re.IGNORECASE))]
    if dead:  # "9 ISIS jihadists were killed … in coalition air strikes": the dead were hit, not hitting
        out = [(q, "target") if r == "actor" and q.end <= dead[-1].start() else (q, r) for q, r in out]
    if TOLL.fullmatch(cue.word) and dead:  # the toll is the happening: the strikes' side acted
        means = [p for p, r in out if r == "target" and p.start > cue.end
                 and (p.kind == AIR or _MEANS.search(p.text))]
        if means:
            out = [(q, r) for q, r in out if q is not means[0]] + [(means[0], "actor")]
            notes.append(f"'{cue.word}' by '{means[0].text}': its side acted, the dead were hit")
    if cue.word.casefold().startswith("los"):  # "Daesh lost the towns of …": the loser is the target
        out = [(q, "target") if r == "actor" and q.start < cue.start else (q, r) for q, r in out]
    of = [p for p in after if re.fullmatch(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?", s[cue.end:p.start])]
    if of and cue.type == "withdrawal":  # "after the withdrawal of ISIS fighters": they withdrew
        out = [(q, r) for q, r in out if q.start > cue.start and q is not of[0]] + [(of[0], "actor")]
        notes.append(f"'{cue.word} of {of[0].text}': they withdrew")
    if _REPELLED.match(cue.word):  # who repels an attack is its target, whoever made it
        out = [(q, "target") if r == "actor" and q.start < cue.start else (q, r) for q, r in out]
    held = re.match(r"\s+(?:and\s+)?(?:was\s+|is\s+|now\s+)*under\s+(?:the\s+)?", s[cue.end:])
    if held and cue.type == "capture":  # "X had fallen and was now under government control"
        owners = [p for p in own if cue.end + held.end() <= p.start <= cue.end + held.end() + 2]
        out = [(q, "target") if r == "actor" else (q, r) for q, r in out if q not in owners]
        out += [(p, "actor") for p in owners]
    if cue.word.casefold().startswith("came under"):
        # "came under the control of the Syrian army": the controller follows the cue word when the cue
        # (a capture read from "came under … control") does not hold it
        inside = [p for p in own if cue.start <= p.start < cue.end] or \
            [p for p, r in out if r == "actor" and p.start >= cue.end]
        out = [(q, "target") if r == "actor" and q not in inside else (q, r) for q, r in out] + \
            [(p, "actor") for p in inside if (p, "actor") not in out]
    if between:  # an earlier clause's subject is not a party to "clashes between A and B"
        out = [(q, "side") if r in ("actor", "target") and q.start > cue.end + between.start() else (q, r)
               for q, r in out if not (r == "actor" and q.start < clause)]
        notes.append("'between A and B': both sides, neither the actor")
    own_clause = s[clause:cue.start]
    named_here = _NAMED_SUBJECT.match(own_clause) and not _PRONOUN_SUBJECT.search(own_clause)
    if not any(r == "actor" for _, r in out) and not named_here and \
            (_PRONOUN_SUBJECT.search(s[body:cue.start]) or f.self_claim):
        source = [(p, "actor") for p in f.claimants if p.kind == FORCE] or \
            [(p, r) for p, r in previous if r in ("actor", "ally")]
        if f.claimants:  # "X, fighting along with Y, said its forces …": Y is X's ally
            source += [(p, "ally") for p in parties if f.span[0] <= p.start < f.span[1]
                       and _ALLY.search(s[f.span[0]:p.start])]
        if source:
            out = source + out
            notes.append("the subject refers back to " + ", ".join(p.name for p, _ in source))
    if not any(r == "actor" for _, r in out) and not _SUBJECT_WORD.search(s[body:cue.start]):
        out = _own_media(cue, f, own, out, notes)
    # "the villages were retaken", "X was captured from the YPG": a passive without its agent was done by
    # the side that acted last (not a loss: "lost X" names the loser only)
    if cue.passive and not any(r == "actor" for _, r in out) and not re.match(
            r"los|came under|fell|fallen|had fallen|has fallen", cue.word, re.IGNORECASE):
        hit = {q.slug or q.name for q, r in out if r == "target"}
        source = [(p, r) for p, r in previous if r in ("actor", "ally") and (p.slug or p.name) not in hit]
        if source:
            out = source + out
            notes.append("a passive without its agent: the actors of the report's last happening, " +
                         ", ".join(p.name for p, _ in source))
    # "The villages of A and B were freed." after a lead that names who freed them: no side named at all
    if cue.type == "capture" and not any(r == "actor" for _, r in out) and \
            not any(p.kind in (FORCE, GENERIC, "air") for p in own):
        source = [(p, r) for p, r in previous if r in ("actor", "ally")]
        if source:
            out = source + out
            notes.append("no side named: the actors of the report's last happening, " +
                         ", ".join(p.name for p, _ in source))
    for p, r in list(out):
        if r == "actor" and p.slug and GENERIC_GOVERNMENT.match(p.text):
            units = [(q, rr) for q, rr in previous if rr == "actor" and q.slug
                     and faction_parent.get(q.slug) == p.slug]
            if units:
                out = [x for x in out if x[0] is not p] + units
                notes.append(f"'{p.text}' are the units named before: " + ", ".join(q.name for q, _ in units))
    out = _whose(s, cue, own, out, notes)
    out = _one_role(out, notes)
    claimants = list(f.claimants)
    if f.self_claim:
        claimants += [p for p, r in out if r == "actor"]
    out += [(p, "claimant") for p in claimants]
    seen: set[tuple[str, str]] = set()
    unique: list[Role] = []
    for p, r in out:
        key = (p.slug or p.name, r)
        if key not in seen:
            seen.add(key)
            unique.append((p, r))
    return unique, notes
