"""ACLED's event types and sub-event types in sitroom's words.

ACLED's taxonomy changed in 2019: before, EVENT_TYPE alone said what happened ("Battle-Government
regains territory", "Remote violence"); since, `sub_event_type` does ("Government regains territory",
"Air/drone strike"). Both map here; the dataset's own terms are kept beside sitroom's on every event.
"""

from __future__ import annotations

import re

# sub_event_type (2019 on) or EVENT_TYPE (before 2019), casefolded → sitroom's event type.
TYPES = {
    # territory changes hands: a capture by actor1
    "government regains territory": "capture",
    "non-state actor overtakes territory": "capture",
    "battle-government regains territory": "capture",
    "battle-non-state actor overtakes territory": "capture",
    "battle-non-state actors overtake territory": "capture",
    "battle-non-state actor(s) overtake(s) territory": "capture",
    "non-violent transfer of territory": "capture",
    # fighting with no change
    "armed clash": "clashes",
    "battle-no change of territory": "clashes",
    # remote violence
    "air/drone strike": "airstrike",
    "shelling/artillery/missile attack": "shelling",
    "suicide bomb": "vbied",
    "remote explosive/landmine/ied": "explosion",
    "grenade": "explosion",
    "chemical weapon": "chemical attack",
    # violence against civilians
    "violence against civilians": "attack",
    "attack": "attack",
    "sexual violence": "attack",
    "abduction/forced disappearance": "abduction",
    # demonstrations
    "riots/protests": "protest",
    "peaceful protest": "protest",
    "protest with intervention": "protest",
    "excessive force against protesters": "protest",
    "violent demonstration": "riot",
    "mob violence": "riot",
    # strategic developments
    "strategic development": "strategic development",
    "headquarters or base established": "base established",
    "agreement": "agreement",
    "arrests": "arrests",
    "change to group/activity": "change to group/activity",
    "disrupted weapons use": "disrupted weapons use",
    "looting/property destruction": "looting",
    "other": "other",
}
# "Remote violence" before 2019 had no sub-type: the notes say which kind, first match wins.
_REMOTE = (
    (re.compile(r"\bsuicide\b", re.I), "vbied"),
    (re.compile(r"\b(IEDs?|landmines?|mines?|roadside bombs?|explosive devices?)\b", re.I), "explosion"),
    (re.compile(r"\b(air ?strikes?|air raids?|warplanes?|jets?|aircraft|helicopters?|drones?|bombers?)\b",
                re.I), "airstrike"),
    (re.compile(r"\b(shell(s|ed|ing)?|mortars?|rockets?|artillery|missiles?)\b", re.I), "shelling"),
)


def sitroom_type(event_type: str, sub_event_type: str | None, notes: str) -> str:
    """sitroom's type for an ACLED row: from the sub-event type when there is one, else the event type;
    old "Remote violence" from what the notes describe; an unknown term as ACLED wrote it."""
    term = (sub_event_type or event_type).strip()
    key = " ".join(term.split()).casefold()
    if key == "remote violence" or (not sub_event_type and key == "explosions/remote violence"):
        for pattern, kind in _REMOTE:
            if pattern.search(notes):
                return kind
        return "remote violence"
    return TYPES.get(key, key)
