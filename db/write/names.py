"""How names from files are compared: the same name whatever its spelling.

Three strengths. `name_key` ignores case, accents, hyphens, apostrophes and spacing (exact enough to
match a name anywhere). `place_skeleton` also ignores what transliterations of Arabic disagree on — the
article (al-/as-/ar-), Ain/Ayn/Ein, Tal/Tell, vowels, doubled letters, a final -h — so it may only be
trusted between places a couple of km apart (Ein Terma = Ayn Tarma, Albu Kamal = Albukamal).
`faction_keys` gives a dataset's actor name with and without the local acronym ACLED puts before it ("QSD:
Syrian Democratic Forces"), and a government by its country (`state_key`: UCDP's "Government of Russia
(Soviet Union)" is ACLED's "Government of Russia"). The years ACLED puts after a government's forces are
kept: "Military Forces of Afghanistan (2004-2021)" and "(2021-)" are two governments' forces. `era_parts`
says which force an era-suffixed name is an era or a unit of, for the resolver to relate them. (What the
spellings of one first-level division share, strict enough for a whole country, is
geography.division_key.)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..geography import atlas, name_key

# What a gazetteer or a dataset appends to a place's name to say what kind of place it is.
PLACE_SUFFIX = re.compile(
    r"\s+\(?(town|village|city|district|sub-?district|governorate|province|neighbou?rhood|area|suburb|"
    r"quarter|locality|hamlet|farms?)\)?$", re.IGNORECASE)
# What a dataset appends to a division's name: "Homs Governorate", "Ouaka province".
ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|prefecture|region|state|district|sub-?district|department|county|"
    r"municipality|nahiya|muhafazah)$", re.IGNORECASE)
_ARTICLES = frozenset(["al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "es", "ed", "er",
                       "en", "et", "ez"])
_SPRING = frozenset({"ain", "ayn", "ein", "ayin", "aayn", "en"})
_HILL = frozenset({"tell", "tel", "tal", "tall"})
_VOWELS = re.compile(r"[aeiouyw]")
# Words that tell one division or place from its neighbour (Centre-Est, Centre-Ouest; Mashonaland East,
# West): kept whole by place_skeleton, never stripped of vowels like the rest of a name.
_COMPASS = {w: k for k, words in {"N": "north northern nord norte", "S": "south southern sud sur",
                                  "E": "east eastern est este", "W": "west western ouest oeste",
                                  "C": "central centre center centro", "U": "upper haut haute alto",
                                  "L": "lower bas basse bajo"}.items() for w in words.split()}
# ACLED's era after a state's forces, and the unit after the era: "Police Forces of India (2014-) Border
# Security Force", "Military Forces of Afghanistan (2004-2021)".
_ERA = re.compile(
    r"^(?P<head>(?P<base>\S.*?)\s*\((?P<start>\d{4})\s*-\s*(?P<end>\d{4})?\))(?:\s+(?P<unit>\S.*))?$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9-]{1,9}:\s+(?=\S)")  # ACLED: "QSD: ", "HTS: "


def slugify(name: str) -> str:
    return name_key(name).replace(" ", "-")[:60] or "unnamed"


def without_place_suffix(name: str) -> str:
    """`Jobar neighbourhood` → `Jobar`, `Rasm Ward (locality)` → `Rasm Ward`, `Bangui town` → `Bangui`."""
    return PLACE_SUFFIX.sub("", name.strip(), count=1) or name.strip()


def without_admin_suffix(name: str | None) -> str | None:
    """`Homs Governorate` → `Homs`, `Ouaka province` → `Ouaka`, whatever the case."""
    if not name or not name.strip():
        return None
    return ADMIN_SUFFIX.sub("", name.strip()) or name.strip()


@lru_cache(maxsize=1 << 16)
def place_skeleton(name: str) -> str:
    """What two transliterations of one Arabic place name share (see the module docstring)."""
    words = name_key(without_place_suffix(name)).split()
    compass = "".join(_COMPASS[w] for w in words if w in _COMPASS)
    words = ["ayn" if w in _SPRING else "tal" if w in _HILL else w for w in words
             if w not in _ARTICLES and w not in _COMPASS]
    text = "".join(words) or ("" if compass else name_key(name).replace(" ", ""))
    if len(text) > 5 and text[:2] in ("al", "el"):  # the article written together: Albukamal, Alhasakah
        text = text[2:]
    text = re.sub(r"(?<=[aeiou])h$", "", text)  # Humaymah = Humaima
    skeleton = text[:1] + _VOWELS.sub("", text[1:]) + (f"+{compass}" if compass else "")
    return re.sub(r"(.)\1+", r"\1", skeleton)


def faction_keys(name: str) -> tuple[str, ...]:
    """The keys a dataset's actor name may be known by, most exact first: the name; without ACLED's
    acronym prefix; a country's government by its country (state_key). Never without its era: another
    era is another government's forces."""
    keys = (name_key(name), name_key(_ACRONYM.sub("", name).strip()), state_key(name))
    return tuple(dict.fromkeys(k for k in keys if k))


# A country's government as ACLED and UCDP name it: "Government of Russia", "Government of the Philippines",
# UCDP's "Government of Russia (Soviet Union)" (the country now, and then). Not an era ("(2000-)").
_GOVERNMENT = re.compile(r"^government of (?:the )?(?P<country>[^()]+?)(?: \((?P<then>[^()\d]+)\))?$",
                         re.IGNORECASE)


@lru_cache(maxsize=1 << 12)
def state_key(name: str) -> str | None:
    """One key for a country's government whatever a dataset calls the country ("Government of Russia
    (Soviet Union)", "Government of Russia"; "Government of Philippines", "Government of the
    Philippines"): its ISO code, after a NUL no name key holds. None for any other name, or a country the
    atlas does not know."""
    found = _GOVERNMENT.match(" ".join(name.split()))
    if found is None:
        return None
    country = atlas().country(f"{found['country']} ({found['then']})" if found["then"] else found["country"])
    return f"\x00government {country.code}" if country else None


def era_parts(name: str) -> tuple[str, str, str] | None:
    """(the force, its era, the unit) of an era-suffixed ACLED actor, else None. "Police Forces of India
    (2014-)" → ("Police Forces of India", "2014-", ""); "… (2014-) Border Security Force" → ("Police
    Forces of India (2014-)", "2014-", "Border Security Force"): the force is what it belongs to."""
    found = _ERA.match(name.strip())
    if found is None:
        return None
    end = found["end"]
    era = f"{found['start']}-{end[2:] if end and end[:2] == found['start'][:2] else end or ''}"
    unit = (found["unit"] or "").strip()
    return (found["head"] if unit else found["base"]).strip(), era, unit


# A branch's name after its organisation's: "(West Africa)", "-Sahel", "Central Africa Province", "in Libya".
_BRANCH_TAIL = re.compile(r"^(?:\s*\((?!\d{4})[^()]+\)|-\w[\w-]*|\s+(?:in\s+)?\S.*\b(?:province|wilayat?h?)|"
                          r"\s+in\s+\S.*)$", re.IGNORECASE)


def branch_bases(name: str) -> list[str]:
    """The organisation a branch's name names first, longest first: "Islamic State (West Africa)",
    "IS-Sahel", "Islamic State Central Africa Province" → "Islamic State" / "IS" (the resolver takes the
    one a bundled faction goes by). Not a joint attribution ("X and/or Y": either group) nor an era of a
    state's force (era_parts)."""
    text = " ".join(name.split())
    if " and/or " in text.casefold() or era_parts(text):
        return []
    cuts = [m.start() for m in re.finditer(r"[\s(-]", text)]
    bases = (text[:i].strip(" -") for i in reversed(cuts) if i and _BRANCH_TAIL.match(text[i:]))
    return list(dict.fromkeys(bases))


@cache
def bundled_organisations() -> dict[str, str]:
    """The bundled factions (db/data/factions.json) by the name keys of their proper names: name, short
    and the aliases written with a capital ("Islamic State", "IS"; not "coalition", "government forces",
    which name no organisation a branch is named after)."""
    from ..schema import bundled_factions

    out: dict[str, str] = {}
    for f in bundled_factions():
        for label in (f["name"], f["short"], *f.get("aliases", ())):
            if any(ch.isupper() for ch in label):
                out.setdefault(name_key(label), f["slug"])
    return out


# -- short labels for the factions a dataset brings --------------------------------------------------

LABEL_MAX = 10  # characters: the timeline's sides column shows two or three labels side by side
WORDS_MAX = 18  # a label of whole words, when nothing shorter is free, may be longer
_ANY_YEARS = re.compile(r"\s*\((\d{4})\s*-\s*(?:\d{4})?\)")  # "(2000-2024)" wherever it stands
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]{1,8})\)")  # "Syrian Democratic Forces (SDF)"
# ACLED's acronym before the name, brackets and all: "CPI (Maoist): ", "CPN(M)-NBC: ", "B-18 (R): ".
_LABEL_ACRONYM = re.compile(r"^([A-Z][A-Za-z0-9-]*(?: ?\([A-Za-z0-9-]{1,8}\))?(?:-[A-Za-z0-9]+)*):\s+(?=\S)")
_INNER = re.compile(r"\s*\([^()]*\)")  # a bracket inside a name: "Mayi Mayi Militia (Nyatura) ..."
_QUALIFIER = re.compile(r"\s*\(([^()]+)\)\s*$")  # "Civilians (Syria)"
_CAPS = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")  # HTS, FPRC-AK, JTF
_STATE_FORCE = re.compile(
    r"^(former )?(military|police|government|navy|air force)(?: forces)? of (?:the )?(.+)$", re.IGNORECASE)
_FORCE_WORD = {"military": "Mil", "police": "Pol", "government": "Gov", "navy": "Navy", "air force": "AF"}
_FILLER = frozenset({"of", "the", "and", "for", "in", "de", "du", "des", "la", "le", "et"})


_NUMBER = re.compile(r"\d+")  # a unit's number: "170th", "313"


def _initial(word: str) -> str:
    """A word's initial in a label; a number is kept whole (170th Brigade → 170B, not 1B: the 17th would
    read the same)."""
    number = _NUMBER.match(word)
    return number.group() if number else word[:1].upper()


def _initials(words: list[str]) -> str:
    """The initials of the words that are not fillers ("of", "the" …)."""
    return "".join(_initial(w) for w in words if w.casefold() not in _FILLER)


def _syllable(word: str) -> str:
    """A word's first syllable, as people cut words short: Civilians → Civ, Protesters → Prot."""
    for i in range(2, len(word)):
        if word[i].lower() not in "aeiouy" and word[i - 1].lower() in "aeiouy":
            return word[: i + 1]
    return word[:4]


def _country(name: str) -> str | None:
    """The ISO code of the country called `name` (Syria → SYR), if it is one."""
    from ..geography import atlas  # the bundled boundaries, read once, only when a label needs them

    country = atlas().country(name.strip())
    return country.code if country is not None else None


def _code(qualifier: str) -> str:
    """A qualifier as a label writes it: a country's ISO code (Syria → SYR), else itself if short."""
    country = _country(qualifier)
    if country is not None:
        return country
    words = [w for w in re.split(r"[^\w]+", qualifier) if w]
    if len(words) == 1 and len(words[0]) <= 8:  # Tripoli, Sahel: a one-word place reads whole
        return words[0]
    return _initials(words)[:4]


def _country_and_rest(text: str) -> tuple[str, str]:
    """`Syria Military Intelligence` → (SYR, "Military Intelligence"): the longest leading words that
    name a country, and what follows them."""
    words = text.split()
    for n in range(len(words), 0, -1):
        code = _country(" ".join(words[:n]))
        if code is not None:
            return code, " ".join(words[n:])
    return _code(text), ""


def _first_words(raw: list[str]) -> str:
    """A name's first words, cut at a word, within WORDS_MAX (Sultan Murad Division → Sultan Murad), not
    ending on "of", "the" (Soldiers of the Caliphate → Soldiers); its first word alone if longer."""
    out = [raw[0]]
    for word in raw[1:]:
        if len(" ".join([*out, word])) > WORDS_MAX:
            break
        out.append(word)
    while len(out) > 1 and out[-1].casefold() in _FILLER | _ARTICLES:
        out.pop()
    return " ".join(out)


def _word_labels(main: str, qualified: bool = False) -> list[str]:
    """Labels made of a name's words: whole when short (Hezbollah, BokoHaram), the Levant's
    `Liwa al-Quds` → LaQ, the initials (Syrian National Army → SNA, Jabhat Fateh al-Sham → JFS), else its
    first words cut at a word. A name `qualified` (by a country) keeps its words whole only when it is
    one word. Words are letters and digits: a bracket or a stop is never part of a label."""
    raw = [w for w in re.split(r"[^\w'-]+", main) if w.strip("'-")]
    parts = [p for w in raw for p in re.split(r"[-']", w) if p]
    words = [p for p in parts if p.casefold() not in _ARTICLES and p.casefold() not in _FILLER]
    if not words:
        return []
    labels = []
    # An article between two words (Liwa al-Quds, Jaysh al-Islam), not one before them (Al Sham Corps).
    if len(words) == 2 and len(parts) == 3 and parts[1].casefold() in _ARTICLES:
        labels.append(f"{words[0][0].upper()}a{words[1][0].upper()}")
    joined = "".join(w[:1].upper() + w[1:] for w in words)
    if len(joined) <= LABEL_MAX and not (qualified and len(words) > 1):
        labels.append(joined)
    if 2 <= len(words) <= 4:  # more initials than that no reader unpacks
        labels.append("".join(_initial(w) for w in words))
    labels.append(_syllable(words[0]) if qualified else _first_words(raw))
    return labels


def _qualified(base: str, code: str) -> str:
    """`base` with its qualifier, cut to fit: Civilians + SYR → Civ-SYR, UAG + LBN → UAG-LBN."""
    if len(base) + 1 + len(code) > LABEL_MAX and not base.isupper():
        base = _syllable(base)
    return f"{base}-{code}"


def label_candidates(name: str) -> list[str]:
    """The short labels a faction called `name` may take, best first (short_label picks the first no
    other faction has). Made from the name's own words, never from a count: an analyst reads them. An
    era of a force is its force's label and the era: IND-Pol 2014-, AFG-Mil 2004-21."""
    if " and/or " in name:  # a joint attribution, either group: both labels ("JNIM/IS-GS")
        one, _, other = name.partition(" and/or ")
        joint = [f"{a}/{b}" for a in label_candidates(one)[:2] for b in label_candidates(other)]
        return list(dict.fromkeys([*(j for j in joint if len(j) <= LABEL_MAX), *joint]))
    era = era_parts(name)
    if era and not era[2]:
        return [f"{label} {era[1]}" for label in label_candidates(era[0])]
    years = _ANY_YEARS.findall(name)
    acronym = _LABEL_ACRONYM.match(name)
    text = _LABEL_ACRONYM.sub("", " ".join(_ANY_YEARS.sub(" ", name).split()))
    labels: list[str] = [acronym.group(0).rstrip(": \t")] if acronym else []
    labels += _PAREN_ACRONYM.findall(text)
    text = _PAREN_ACRONYM.sub("", text).strip()
    main, _, after = text.partition(" - ")  # "Anti-Balaka - Mokom", "Boko Haram - Jamaatu Ahli …"
    qualifier = _QUALIFIER.search(main)
    code = _code(qualifier.group(1)) if qualifier else ""
    main = _QUALIFIER.sub("", main).strip() if qualifier else main.strip()
    main = _INNER.sub("", main).strip() or main
    if not code and after and len(after.split()) == 1 and len(after) <= 6:
        code = after.strip()
    force = _STATE_FORCE.match(main)
    if force:  # a state's forces: its country's code and what they are (NGA-Mil, IRQ-Pol, SYR-MI)
        country, rest = _country_and_rest(force.group(3))
        unit = _initials(rest.split())
        # ACLED's "Former Government of Iraq": the fallen government's people (IRQ-exGov)
        label = f"{country}-{'ex' if force.group(1) else ''}{unit or _FORCE_WORD[force.group(2).casefold()]}"
        return [label, *(f"{label}{y[-2:]}" for y in years[:1])]  # the second era: ISR-Mil22
    words = main.split()
    caps = [w for w in words if _CAPS.match(w) and sum(c.isupper() for c in w) >= 2]
    if caps:
        before = words[: words.index(caps[0])]
        initials = _initials(before)
        labels += [initials + caps[0], (_syllable(before[0]) if before else "") + caps[0], caps[0]]
    made = _word_labels(main, qualified=bool(code))
    labels += [_qualified(b, code) for b in made] if code else made
    if after and not code:  # "Taliban - Red Unit", its group's label taken: the group's and the part's
        labels += [_qualified(b, _code(after)) for b in made]
    if not labels:
        labels.append(_syllable(name_key(name).replace(" ", "")) or "X")
    return list(dict.fromkeys(label for label in labels if label))


def short_label(name: str, taken: set[str], country: str | None = None) -> str:
    """A short label for a new faction called `name` that no other faction has (`taken`: the store's
    labels, casefolded): the first free one of label_candidates, else the first with the ISO code of
    the country it was named in (another country's organisation of the same label: NDC-COD), else the
    first with a number."""
    candidates = label_candidates(name)
    for label in candidates:
        if label.casefold() not in taken:
            return label
    first = candidates[0]
    if country and f"{first}-{country}".casefold() not in taken:
        return f"{first}-{country}"
    n = 2
    while f"{first}{n}".casefold() in taken:
        n += 1
    return f"{first}{n}"
