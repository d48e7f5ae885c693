"""Capitalised words that name no place: a rank, an agency, a unit or a faction, and the names after them.

where.py reads a place from a capitalised word the wording presents as one; these say when such a word, or
the name after it, is a person's, an office's or an armed group's instead.
"""

from __future__ import annotations

import re

NOT_PLACE = re.compile(
    r"\b(?:General|Brigadier|Colonel|Col|Major|Lieutenant|Lt|Captain|Commander|President|"
    r"Minister|Ministry|Chief|Staff|Defen[cs]e|Civil|Agency|News|Council|Committee|Command|"
    r"Helmets|Observatory|Corps|Division|Brigade|Regiment|Battalion|Media|Press|Radio|Television|"
    r"Reuters|Sputnik|Ambassador|Spokesman|Spokesperson|University|Hospital|Office|Bureau)\b|^[A-Z]{3,}$"
)


# a barracks or site named after a unit: "17th Division Base", "Jonayd Division district", "Tamin Brigade
# region" (a unit's name alone is no place; with a place noun after it, it is one)
UNIT_SITE = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|[A-Z][\w'-]+)\s+(?:[Dd]ivision|[Bb]rigade|[Rr]egiment|"
    r"[Bb]attalion)\s+"
    r"(?:[Bb]ase|[Rr]egion|[Dd]istrict|[Aa]rea|[Hh]eadquarters|[Cc]amp|[Bb]arracks)\b"
)
# "the Army of Conquest", "the Lions of the Caliphate", "the Government of National Accord", "the Sons of
# Iraq": the name after a capitalised unit's or authority's noun and "of" is its own, not a place's
UNIT_OF = re.compile(
    r"\b(?:Army|Armies|Front|Brigades?|Battalions?|Legion|Movement|Lions|Falcons|Knights|"
    r"Soldiers|Guardians|Government|Ministry|Sons|Party|Union|Alliance|Coalition)\s+of\s+(?:the\s+)?$"
)

# "Hay’at Tahir al-Sham", "Ahrar al-Sham", "Liwa al-Quds": a name after a faction's head word is the
# faction's, however misspelt (the parties do not know it), not a place ("al-Sham" is Damascus)
_HEADS = (
    r"(?:Hay[’'‘]?at|Jabhat|Jaysh|Jaish|Harakat|Ahrar|Liwa|Faylaq|Failaq|Kata[’'‘]?ib|Saraya|Tahrir|Tahir)"
)
FACTION_HEAD = re.compile(r"\b" + _HEADS + r"\s+(?:(?:[A-Z]|al-|el-)[\w’'-]*\s+){0,2}$")
# "the positions of Jaysh al-Sham": a name that opens with such a word is the faction's own
FACTION_NAME = re.compile(_HEADS + r"\s")

# "the Syrian-Turkish frontier", "Iraqi-Syrian border": two nations joined name a border, not a place
_NATION = (
    r"(?:Syrian?|Turk(?:ish|ey)|Iraqi?|Jordan(?:ian)?|Lebanon|Lebanese|Israeli?|Russian?|Iran(?:ian)?|Saudi)"
)
NATIONS_JOINED = re.compile(_NATION + r"(?:-" + _NATION + r")+")
