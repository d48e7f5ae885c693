"""The countries a report's own words name, whatever the store holds: a country by its name, its capital or
a name only its war has ("Houthi" is Yemen's; "Sanaa", "Hodeidah" are Yemen's cities), and by its
demonym where the report says where it is (the headline, the dateline: "Yemeni officials: …"), unless
it names a side there ("Turkish forces capture …"). Body demonyms are mostly foreign actors
("Turkish-backed", "Russian jets"), not the war's country, so they do not count there.

theatre.py reads this before any sentence: a report that names Yemen and never Syria does not have its
names matched to the bundled Syria gazetteer's namesakes ("Sanaa" is also an alternate name of a Syrian
village).
"""

from __future__ import annotations

import re
from collections import Counter

from ..geography import name_key

# (country as ACLED and UCDP write it, demonyms, capital and names only that war has)
WORLD: list[tuple[str, str, str]] = [
    ("Syria", r"Syrians?", r"Damascus|Aleppo|Assad"),
    ("Iraq", r"Iraqis?", r"Baghdad|Mosul|Peshmerga|Kurdistan Region"),
    ("Yemen", r"Yemenis?", r"Sanaa|Sana'a|Hodeidah?|Hudaydah|Aden|Houthis?|Ansar Allah"),
    ("Libya", r"Libyans?", r"Tripoli|Benghazi|Misrata|Haftar"),
    ("Ukraine", r"Ukrainians?", r"Kyiv|Kiev|Donetsk|Luhansk|Donbas(?:s)?"),
    ("Afghanistan", r"Afghans?", r"Kabul|Taliban|Kandahar"),
    ("Somalia", r"Somalis?", r"Mogadishu|al-Shabaab|Al Shabaab"),
    ("Lebanon", r"Lebanese", r"Beirut"),
    ("Israel", r"Israelis?", r"Jerusalem|Tel Aviv"),
    ("Palestine", r"Palestinians?", r"Gaza|West Bank|Ramallah|Hamas"),
    ("Turkey", r"Turks?", r"Ankara"),
    ("Iran", r"Iranians?", r"Tehran"),
    ("Saudi Arabia", r"Saudis?", r"Riyadh"),
    ("Egypt", r"Egyptians?", r"Cairo|Sinai"),
    ("Jordan", r"Jordanians?", r"Amman"),
    ("Sudan", r"Sudanese", r"Khartoum|Darfur"),
    ("South Sudan", r"South Sudanese", r"Juba"),
    ("Nigeria", r"Nigerians?", r"Abuja|Boko Haram|Maiduguri"),
    ("Mali", r"Malians?", r"Bamako"),
    ("Burkina Faso", r"Burkinabe", r"Ouagadougou"),
    ("Niger", r"Nigeriens?", r"Niamey"),
    ("Democratic Republic of Congo", r"Congolese", r"Kinshasa|Goma"),
    ("Ethiopia", r"Ethiopians?", r"Addis Ababa|Tigray"),
    ("Myanmar", r"Burmese", r"Naypyidaw|Yangon|Rakhine"),
    ("Pakistan", r"Pakistanis?", r"Islamabad|Karachi"),
    ("Russia", r"Russians?", r"Moscow|Kremlin"),
    ("Mozambique", r"Mozambicans?", r"Maputo|Cabo Delgado"),
    ("Cameroon", r"Cameroonians?", r"Yaounde"),
    ("Central African Republic", r"Central Africans?", r"Bangui"),
]


# a demonym before a force, a weapon or "-backed" names a side, not where the report is ("Turkish forces")
_ACTOR = (r"(?![\w]|[- ](?:backed|led|supported|sponsored|forces|troops|soldiers|army|military|jets|"
          r"warplanes|aircraft|drones|artillery|air|strikes|airstrikes|militias?|fighters|rebels|coalition)\b)")


def _alternation(words: list[str]) -> re.Pattern[str]:
    named = "|".join(f"(?P<c{i}>{w})" for i, w in enumerate(words))
    return re.compile(r"(?<![\w-])(?:" + named + r")" + _ACTOR)


_ANYWHERE = _alternation([f"{country}|{names}" for country, _, names in WORLD])
_LEADING = _alternation([f"{country}|{demonyms}|{names}" for country, demonyms, names in WORLD])


_BORDER_BEFORE = re.compile(r"\bborders?\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"(?:'s)?(?:[- ]\w+)?\s+(?:border|frontier)\b", re.IGNORECASE)


def worded_countries(text: str, *, leading: bool = False) -> Counter[str]:
    """How often a text names each country (name_keys); `leading`: a headline or a dateline, whose
    demonyms say where the report is ("Yemeni officials: …")."""
    out: Counter[str] = Counter()
    for m in (_LEADING if leading else _ANYWHERE).finditer(text):
        if _BORDER_BEFORE.search(text[:m.start()]) or _BORDER_AFTER.match(text[m.end():]):
            continue  # "near the border with Turkey", "the Turkish-Syrian border": a neighbour, not the war
        group = next(g for g, v in m.groupdict().items() if v)
        out[name_key(WORLD[int(group[1:])][0])] += 1
    return out
