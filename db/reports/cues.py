"""The words that say what happened: each event type's verbs and nouns.

A partial gain ("took few buildings", "captured positions") is an advance, not a capture: only a place
changing hands is a capture. "Repelled an attack by X" is X's attack. Strikes by an air force are
airstrikes, by artillery shelling; "destroyed" by warplanes is an airstrike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TYPES: dict[str, str] = {
    "capture": r"captur(?:ed|ing)|captures?(?= (?:of|the|a|an|(?-i:[A-Z])|on|over|\w+ (?:villages?|towns?)))|"
               r"re-?captur(?:ed|ing)|re-?captures?(?= (?:of|the|a|an|(?-i:[A-Z])|on|over))|"
               r"seiz(?:e|ed|es|ing)|"
               r"secur(?:e|ed|es|ing)(?! (?:forces|sources|situation))|liberat(?:e|ed|es|ing|ion of)|"
               r"re-?tak(?:e|en|es|ing)|re-?took|(?:took|take|taken|taking|takes|gain(?:ed|s|ing)?|"
               r"regain(?:ed|s|ing)?|"
               r"restor(?:e|ed|es|ing)|impos(?:e|ed|ing)|assum(?:e|ed|ing)|establish(?:ed|es|ing)?|"
               r"reestablish(?:ed|es|ing)?) (?:full )?control|"
               r"restor(?:e|ed|es|ing)(?= (?:the (?:villages?|towns?|city|area|hills?|neighbou?rhoods?|"
               r"districts?)|"
               r"(?-i:[A-Z])))|"
               r"re-?gain(?:ed|s|ing)?|reclaim(?:ed|s|ing)?|(?:took|tak(?:e|es|en|ing)) over|overr?an|"
               r"overrun|"
               # "SDF fighters now control X": a hold stated in the present is the place taken
               r"now (?:fully )?control(?:s|led)?(?= (?:the |(?-i:[A-Z])))|"
               r"(?:seiz(?:e|ed|es|ing)|w(?:i|o)n|winning|took|tak(?:e|es|en|ing)) back|"
               r"(?:came|fell) (?:back )?under (?:\w+(?:-\w+)? ){0,2}control|"
               r"fell to|fell into the hands of|(?:had |has |have )?fallen(?= (?:to|into|and|under))|"
               r"cleared(?= (?:\w+ ){0,4}of| (?:\w+ ){0,8}from)|"
               r"drove (?:\w+ ){0,3}out of|"
               # "restored security and stability to X", "got full control over", "ousted ISIS from"
               r"restor(?:e|ed|es|ing) (?:security|stability)(?: and (?:security|stability))?(?= (?:to|in) )|"
               r"(?:got|gets|getting|wrest(?:ed|ing)?|asserted|asserting) (?:full |complete |total )?control|"
               r"oust(?:ed|ing|s)? (?:[\w'-]+ ){0,4}?(?:from|out of)|"
               r"dislodg(?:e|ed|es|ing) (?:[\w()-]+ ){0,8}(?:from|out of)|"
               r"(?:driv(?:e|es|ing|en)|drove) (?:out )?(?:[\w'-]+ ){0,6}?(?:out of|from)|"
               r"push(?:ed|ing)? (?:them|\w+) out of|expell(?:ed|ing) (?:\w+ ){0,3}from|(?:the )?capture of|"
               r"freed|fre(?:e|es|eing)(?= (?:the|(?-i:[A-Z])))|fall of|"
               r"los(?:t|ing|es|e)(?= (?:the |control |\w+ )?(?:town|village|city|(?-i:[A-Z])|"
               # "lost al-Bab to …": a name that opens with its lowercase article
               r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|et|ath)-(?-i:[A-Z])))|"
               r"(?:took|taken|taking|takes)(?= (?:(?-i:[A-Z])|from |the (?:towns?|villages?|city|"
               r"neighbou?rhoods?|districts?|hills?) of|(?:\w+ ){0,2}(?:buildings|positions|points|hills?|"
               r"villages?|towns?|blocks|farms)))|taken",
    "advance": r"advanc(?:e|ed|es|ing)|expand(?:ed|s|ing)? (?:their |its )?control|reach(?:ed|es|ing)?|"
               r"entered|enter(?:s|ing)|moved (?:into|through)|progress(?:ed|es|ing)? (?:towards?|into|in)|"
               r"link(?:ed|s|ing)? up with|push(?:ed|es|ing)? (?:(?:further|deeper) )?"
               r"(?:into|toward|towards|for|on|deeper|ahead)|met up with|"
               r"gain(?:ed|s|ing)? (?:ground|territory)|"
               r"(?:launch(?:ed|es|ing)?|began|begun|started) (?:\w+ ){0,3}(?:offensive|operation) "
               r"(?:on|against|toward|towards|in)|offensive (?:on|toward|towards)|progress(?:ed)? (?:in|"
               r"toward)|"
               # an advance stated as motion toward or around a place (README, Conventions: ongoing advances)
               # ("…, thus tightening the noose around X": the result of the happening just stated)
               r"clos(?:e|es|ed|ing) in on|"
               # "infiltrated the villages of A and B", "had infiltrated Rajo": ground entered, not yet held
               # (a raid when the infiltrators harm the people there: _RAID)
               r"infiltrat(?:ed|ing)(?= (?:in(?:to)? |in between )?(?:the |(?-i:[A-Z])))|"
               r"approach(?:ed|es|ing)(?= (?:the|a|an|(?-i:[A-Z]))\b)|"
               # "continue to make progress west of X", "made significant progress in X"
               r"(?:mak(?:e|es|ing)|made|achiev(?:e|ed|es|ing)) (?:\w+ ){0,2}?progress|"
               # "marched on X", "continued to march in the regions south of X"; "broke through the lines of
               # ISIS in X": ground gained, the place not yet taken
               r"march(?:ed|es|ing)?(?= (?:on|in|into|toward|towards|through) (?:the |(?-i:[A-Z])))|"
               r"(?:br(?:oke|eak|eaks|eaking|oken)) (?:through )?(?:the |their |its |\w+ )?"
               r"(?:(?:front|defen[cs]e) )?(?:lines|defen[cs]es)|"
               r"(?<!thus )(?<!thereby )tighten(?:ed|s|ing)? (?:the|its|their) "
               r"(?:noose|grip)(?= around| on)",
    "attack": r"attack(?:ed|s|ing)?|counter-?attacks?|counter-?offensives?|"
              # "matched the bombardment with a ground operation in X": troops going in, not guns
              r"ground (?:operations?|incursions?)(?= (?:in|on|against|into|inside|around) )|"
              r"destroy(?:ed|s|ing)?|ambush(?:ed|es|ing)?|"
              # "an operation targeting Nusra hideouts in X": the targets named, not a purpose ("targeting
              # civilians" is a charge, not a place's happening)
              r"targeting(?= (?:\w+ ){0,4}?(?:positions?|hideouts?|gatherings?|bases?|convoys?|headquarters|"
              r"dens|posts|checkpoints?|fortifications|strongholds?|depots?)\b)|"
              r"assault(?:ed|s)?|raid(?:ed|s)?|storm(?:ed|ing)|targeted|repell?(?:ed|s|ing)?|struck|pounded|"
              # "slammed X with air strikes": a striking verb only with its weapons (not "a storm battered X")
              r"sh(?:ot|oot|ooting) down|downed|"
              r"(?:slamm|hammer|batter)ed(?= [^.;,]{0,60}?\bwith (?:\w+ ){0,3}?(?:air ?strikes|raids|"
              r"(?:barrel )?bombs|missiles|rockets|artillery|shells|mortars?|tank fire|strikes)\b)|"
              r"hit(?= (?:\w+ ){0,3}(?:positions?|convoy|base|checkpoint))|"
              # "launched offensives against the regime in A, B and C": several attacks, not one advance
              r"(?:launch(?:ed|es|ing)?|mount(?:ed|ing)?|stag(?:ed|ing)) (?:\w+ ){0,2}?"
              r"offensives(?= (?:against|on) )|"
              r"strik(?:e|es|ing)(?= (?:the |(?-i:[A-Z])|(?:\w+ ){0,2}(?:positions|villages|towns|targets)))",
    # "IS fighting positions", "fighting vehicles": a kind of position or vehicle, not fighting
    "clashes": r"clash(?:es|ed|ing)?|fighting(?! (?:positions?|vehicles?|units?|forces|season|age))|fought|"
               r"battl(?:e|es|ed|ing)|firefights?|skirmish(?:es)?|"
               r"(?:urban |street )?warfare",
    "vbied": r"S?VBIEDs?|car bombs?|(?:suicide )?vehicle[- ]borne improvised explosive devices?|"
             r"suicide (?:car|truck|vehicle)s?(?! bombers?)|suicide (?:car )?bombings?|suicide attacks?|"
             r"suicide (?:car )?bombers?"
             r"(?= (?:\w+ )?(?:blew|detonated|struck|attacked|targeted|hit|exploded))|"
             r"booby-trapped (?:car|vehicle)s?",
    "explosion": r"explosions?|blasts?|exploded|detonated|went off|blew up|(?:IEDs?|landmines?|mines|"
                 r"roadside bombs?|explosive devices?)(?= (?:\w+ ){0,2}(?:exploded|went off|detonated|hit|"
                 r"struck|targeted|killed|wounded|blasts?|explosions?))",
    "airstrike": r"air ?strikes?|air ?raids?|bombed|bombing raids?|"
                 r"(?:strikes|bombs|missiles)(?= (?:that |which )?(?:have |had |also )?hit\b)|"
                 r"aerial (?:bombing|bombardment|strikes?|raids?|attacks?)"
                 r"(?: campaign)?|dropp(?:ed|ing|s) (?:\w+ ){0,2}(?:bombs|missiles)|barrel bombs?",
    "shelling": r"shell(?:ed|ing|s)?|shellfire|artillery (?:fire|shelling|strikes|attacks?)|"
                r"mortar (?:fire|shells|"
                r"rounds|"
                r"attacks?)|rocket (?:fire|attacks?)|"
                r"(?:shells|mortars|mortar rounds)(?= (?:that |which )?(?:have |had |also )?hit\b)|"
                r"bombard(?:ed|ing|ments?|s)?|pounding|"
                # "the army fired on rebel supply routes": guns fired at ground, not at people ("fired on
                # protesters" names a side, parties.py) — by aircraft an airstrike (find_cues)
                r"fir(?:ed|es|ing)(?= (?:on|at|upon) (?:\w+ ){0,3}?(?:positions?|routes?|roads?|villages?|"
                r"towns?|areas?|neighbou?rhoods?|districts?|(?-i:[A-Z])))",
    "encirclement": r"encircl(?:e|ed|es|ing|ement)|besieg(?:e|ed|es|ing)|sieges?|surround(?:ed|ing|s)?|"
                    r"isolat(?:e|ed|es|ing)(?= (?:the (?:city|town|village)|(?-i:[A-Z])))|"
                    r"cut off|cut(?:ting|s)? (?:\w+ ){0,2}(?:supply|communication) (?:lines|routes)",
    "withdrawal": r"withdr(?:aw|ew|awn|awing|awal|aws)|retreat(?:ed|s|ing)?|pull(?:ed|s|ing)? (?:out|back)|"
                  r"(?:abandon(?:ed|s|ing)?|vacat(?:e|ed|es|ing))(?= (?:the|their|its|(?-i:[A-Z])))|"
                  r"leave (?:their|its) (?:garrisons?|positions?|bases?)|evacuat(?:e|ed|ing) (?:their|its)|"
                  # "the fighters … left Douma", "the militants are leaving the X neighborhood"
                  r"(?:left|leaving|leaves)(?= (?:the (?:[\w'’-]+ ){0,3}?(?:neighbou?rhood|district|town|"
                  r"city|village|area)\b|(?-i:[A-Z])))",
}
PRIORITY = ["capture", "vbied", "explosion", "airstrike", "shelling", "attack", "clashes", "encirclement",
            "withdrawal", "advance"]
_CUES = re.compile("|".join(f"(?P<{t}>(?<![\\w-])(?:{p})(?![\\w-]))" for t, p in TYPES.items()))
_CASELESS = re.compile(_CUES.pattern, re.IGNORECASE)
# Strikes: by whom decides the type.
_STRIKES = re.compile(r"(?<![\w-])(?:carried out|conducted|launched) (?:\w+ ){0,3}strikes(?![\w-])",
                      re.IGNORECASE)
_PARTIAL = re.compile(r"^\s*(?:(?:a )?few|some|several|(?:approximately |about |around |nearly )?[\d,.]+|"
                      r"two|three|four|five|six|a number of|many|hundreds of|thousands of|tens of)?\s*"
                      r"(?:buildings|positions|points|streets|"
                      r"blocks|houses|farms|(?:square )?(?:meters|metres|kilometers|kilometres|km) of)\b",
                      re.IGNORECASE)
# "infiltrated the villages of A and B and committed massacres", "… and kidnapped six": an incursion that
# kills or abducts is a raid (an attack), not ground gained
_RAID = re.compile(r"^[^;]{0,200}?\band\s+(?:\w+\s+){0,2}?(?:committ(?:ed|ing)\s+(?:\w+\s+){0,2}?"
                   r"(?:massacres?|atrocities|crimes)|massacr(?:ed|ing)|kill(?:ed|ing)|kidnapp(?:ed|ing)|"
                   r"abduct(?:ed|ing)|execut(?:ed|ing)|slaughter(?:ed|ing)|took\s+(?:\w+\s+){0,4}?hostages?)\b",
                   re.IGNORECASE)
# "seized several heavy weapons from ISIS", "captured large quantities of ammunition": spoils, not ground
_SPOILS = re.compile(r"^\s+(?:[\w,-]+\s+){0,4}?(?:weapons|arms|ammunition|munitions|equipment|vehicles|tanks|"
                     r"rifles|guns|missiles|rockets|drones|documents|caches?|stash(?:es)?|depots?|explosives|"
                     r"hardware|materiel)\b", re.IGNORECASE)
_GLUE = {"a", "an", "the", "their", "its", "his", "heavy", "fierce", "violent", "major", "new", "large",
         "massive", "deadly", "intense", "failed", "successful"}  # between two words of one happening
AUXILIARY = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "the orchards surrounding X", "areas surrounding the airbase": land around a place, not a siege of it
_LAND_BEFORE = re.compile(r"\b(?:orchards|areas?|regions?|hills|farms|farmlands?|fields|villages|towns|"
                          r"neighbou?rhoods|districts|countryside|mountains|lands?)\s+$", re.IGNORECASE)
# the means named after the verb: "… with a barrage of artillery rounds"
_BY_GUNS = re.compile(r"^[^.;]{0,80}?\bwith (?:\w+ ){0,4}?(?:artillery|shells|mortars?|rockets|tank fire)\b",
                      re.IGNORECASE)
_BY_AIR = re.compile(r"^[^.;,]{0,80}?\bwith (?:\w+ ){0,3}?(?:air ?strikes|air ?raids|barrel bombs|"
                     r"(?:aerial|air) (?:bombardment|bombing))\b", re.IGNORECASE)
# "X town was impacted by missile shelling": the happening named after a passive "by" befell the subject
_BEFELL = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?(?:impacted|hit|struck|targeted|"
                     r"affected|attacked)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "was struck by a missile": the weapon of a passive makes it shelling
_BY_WEAPON = re.compile(r"^\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                        r"(?:missiles?|rockets?|shells?|mortars?|artillery|projectiles?)\b", re.IGNORECASE)
PASSIVE_AGENT = re.compile(r"^(?:\s+\w+ly)?(?:\s+(?:launched|carried out|conducted|staged|mounted|made))?"
                           r"\s+by\s+", re.IGNORECASE)


# a happening stated by its toll alone ("Russian jets killed six civilians in X"): who killed says what it was
TOLL = re.compile(r"(?<![\w-])(?:kill(?:ed|s|ing)|left (?:[\w-]+ ){1,5}?(?:dead|killed)|claimed the lives)"
                  r"(?![\w-])", re.IGNORECASE)


_FIGHTERS = re.compile(r"\b(?:fighters|militants|rebels|troops|forces|gunmen|terrorists|jihadists|"
                       r"insurgents)(?:\s+[\w']+){0,5}?\s+(?:(?:have|had|are|were|is|was)\s+)?(?:\w+ly\s+)?$",
                       re.IGNORECASE)


# "the deal which was reached between Russia and Turkey", "reached an agreement": terms, not ground
_ACCORD = ("deal|agreement|accord|truce|ceasefire|cease-fire|settlement|understanding|consensus|"
           "compromise|arrangement|memorandum")
_ACCORD_BEFORE = re.compile(r"\b(?:" + _ACCORD + r")s?\s+(?:(?:which|that)\s+)?"
                            r"(?:(?:was|were|had been|has been|have been|is|are)\s+)?(?:\w+ly\s+)?$",
                            re.IGNORECASE)
_ACCORD_AFTER = re.compile(r"^\s+(?:an?|the|a new|a final|an initial)\s+(?:[\w-]+\s+){0,2}?(?:" + _ACCORD
                           + r")s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str
    word: str
    passive: bool  # "came under X control", "was taken by X": the place or side is the object


def find_cues(s: str, air: bool, artillery: bool, inside: list[tuple[int, int]] | None = None) -> list[Cue]:
    """The event words of a sentence, in order. `air`/`artillery`: the sentence's actor is an air force or
    artillery (their strikes and what they destroy are airstrikes or shelling)."""
    out: list[Cue] = []
    inside = inside or []
    for m in _CASELESS.finditer(s):
        if any(a <= m.start() < b for a, b in inside):
            continue  # "coalition air strikes" names a side here
        kind = next(k for k, v in m.groupdict().items() if v)
        word = m.group()
        if word.casefold() in ("taken", "targeted") and not PASSIVE_AGENT.match(s[m.end():]) and \
                kind != "attack" and not re.match(r"\s+(?:the|an?|over|(?-i:[A-Z]))\b", s[m.end():]):
            continue
        if word.casefold().startswith("reach") and (_ACCORD_BEFORE.search(s[:m.start()])
                                                    or _ACCORD_AFTER.match(s[m.end():])):
            continue
        if kind == "withdrawal" and word.casefold().startswith(("left", "leav")) and not _FIGHTERS.search(
                s[:m.start()]):
            continue  # "the delegation left Damascus": only fighters leaving a place withdraw
        if kind == "encirclement" and word.casefold() == "surrounding" and _LAND_BEFORE.search(s[:m.start()]):
            continue  # "a ground operation in the orchards surrounding Douma": where, not a siege
        if kind == "advance" and word.casefold().startswith("infiltrat") and _RAID.match(s[m.end():]):
            kind = "attack"
        if kind == "capture" and _SPOILS.match(s[m.end():]):
            continue
        if kind == "capture" and _PARTIAL.match(s[m.end():]):
            kind = "advance"  # a partial gain: buildings, positions, points
        if kind == "attack" and air and re.match(r"destroy|attack|target|struck|strik|pound|hit|slam|hammer|"
                                                 r"batter", word, re.IGNORECASE):
            kind = "airstrike"
        elif kind == "attack" and _BY_AIR.match(s[m.end():]):
            kind = "airstrike"  # "pounded X with air strikes": the means named after the verb
        elif kind == "attack" and re.match(r"pound|struck|hit|target|slam|hammer|batter", word,
                                           re.IGNORECASE) and (
                artillery or _BY_GUNS.match(s[m.end():])):
            kind = "shelling"  # "the artillery units pounded X", "pounded X with a barrage of shells"
        if kind == "shelling" and air and word.casefold().startswith("fir"):
            kind = "airstrike"  # "the jets fired on X"
        weapon = _BY_WEAPON.match(s[m.end():]) if kind == "attack" else None
        if weapon:  # "struck by a missile": shelling (aircraft are sides: "struck by warplanes", parties.py)
            kind = "shelling"
        # "was advancing": a progressive, not a passive ("were being shelled" ends in -ed)
        progressive = word.casefold().endswith("ing")
        passive = bool(PASSIVE_AGENT.match(s[m.end():])) or (
            bool(AUXILIARY.search(s[:m.start()])) and not progressive) or \
            word.casefold().startswith(("came under", "fell", "los", "fallen", "had fallen", "has fallen")) \
            or bool(_BEFELL.search(s[:m.start()]))
        out.append(Cue(m.start(), m.end(), kind, word, passive))
    for m in _STRIKES.finditer(s):
        if not any(c.start <= m.end() and m.start() <= c.end for c in out):
            kind = "airstrike" if air or not artillery else "shelling"
            out.append(Cue(m.start(), m.end(), kind, m.group(), False))
    return _merged(sorted(out, key=lambda c: c.start), s)



def _merged(cues: list[Cue], s: str) -> list[Cue]:
    """"An ISIS VBIED targeted …", "repelled a counterattack": adjacent event words state one happening,
    of the more definite type."""
    out: list[Cue] = []
    for c in cues:
        gap = s[out[-1].end:c.start].split() if out else []
        adjectival = bool(gap) and gap[-1].casefold() in ("the", "a", "an") and c.word.endswith("ed")
        if out and len(gap) <= 2 and all(w.casefold() in _GLUE for w in gap) and not adjectival:
            a = out.pop()
            kind = min(a.type, c.type, key=PRIORITY.index)
            c = Cue(a.start, c.end, kind, s[a.start:c.end], c.passive)
        out.append(c)
    return out
