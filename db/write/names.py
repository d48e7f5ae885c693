"""How names from files are compared: the same name whatever its spelling.

Three strengths. `name_key` ignores case, accents, hyphens, apostrophes and spacing (exact enough to
match a name anywhere). `place_skeleton` also ignores what transliterations of Arabic disagree on — the
article (al-/as-/ar-), Ain/Ayn/Ein, Tal/Tell, vowels, doubled letters, a final -h — so it may only be
trusted between places a couple of km apart (Ein Terma = Ayn Tarma, Albu Kamal = Albukamal).
`faction_keys` gives a dataset's actor name with and without what ACLED adds to it: the years of a
government's forces ("Military Forces of Syria (2000-2024)") and a local acronym ("QSD: Syrian Democratic
Forces").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
_YEARS = re.compile(r"\s*\((\d{4})\s*-\s*(\d{4})?\)\s*$")  # ACLED: "(2000-2024)", "(2000-)"
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9-]{1,9}:\s+(?=\S)")  # ACLED: "QSD: ", "HTS: "


@lru_cache(maxsize=1 << 16)  # the same few names come back on every row of a file
def name_key(name: str) -> str:
    """A spelling-insensitive key: case, accents, hyphens, apostrophes and spacing do not count."""
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2019'`ʿʾ]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


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
    words = ["ayn" if w in _SPRING else "tal" if w in _HILL else w for w in words if w not in _ARTICLES]
    text = "".join(words) or name_key(name).replace(" ", "")
    if len(text) > 5 and text[:2] in ("al", "el"):  # the article written together: Albukamal, Alhasakah
        text = text[2:]
    text = re.sub(r"(?<=[aeiou])h$", "", text)  # Humaymah = Humaima
    skeleton = text[:1] + _VOWELS.sub("", text[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


def faction_keys(name: str) -> tuple[str, ...]:
    """The keys a dataset's actor name may be known by, most exact first: the name; without ACLED's
    years; without its acronym prefix; without both."""
    plain = _YEARS.sub("", name).strip()
    bare = _ACRONYM.sub("", plain).strip()
    keys = (name_key(name), name_key(plain), name_key(_ACRONYM.sub("", name).strip()), name_key(bare))
    return tuple(dict.fromkeys(k for k in keys if k))
