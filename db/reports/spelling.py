"""One key per Arabic place name, however it was transliterated.

Reports spell the same village many ways: Al-Raqqa / Ar-Raqqah / Raqqa, Ain / Ayn / Ein Tarma,
Tal / Tell / Tall, -iyah / -iya / -iyeh, Husseiniya / Husayniyah. `variant_key` folds the differences that
never tell two places apart (case, accents, apostrophes, the article and its assimilated forms, common
first words, endings, doubled letters); `skeleton` goes further, to the consonants, and is only used for a
name the sentence already presents as a place ("the village of Hamima" = Humaima).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLE = re.compile(r"\b(?:al|el|il|as|ash|es|esh|ar|er|at|ath|et|ad|adh|ed|az|ez|an|en|ul)\b[\s-]+(?=\w)")
# The first words that begin many names: alone, they name no place.
GENERIC_WORDS = {"tal", "ayn", "dayr", "kafr", "jabal", "shaykh", "abu", "umm", "khirbat", "bir", "wadi",
                 "qasr", "rasm", "tall", "khan", "sayd", "mazra", "hay", "jisr", "ras", "marj"}
_FIRST_WORDS = [  # spellings of the same word → one spelling
    (r"\b(?:ain|ayn|ein|ayin|aïn|ayoun|ain)\b", "ayn"),
    (r"\b(?:tal|tel|tell|tall|tul)\b", "tal"),
    (r"\b(?:deir|dayr|dair|der|deyr)\b", "dayr"),
    (r"\b(?:kafr|kfar|kafar|kefr|kafer|kfr|kufr)\b", "kafr"),
    (r"\b(?:jabal|jebel|jabel|jbal|jebal)\b", "jabal"),
    (r"\b(?:sheikh|shaykh|sheik|cheikh|shaikh|shekh)\b", "shaykh"),
    (r"\b(?:abu|abou|abo)\b", "abu"),
    (r"\b(?:umm|um|om|oum)\b", "umm"),
    (r"\b(?:khirbet|khirbat|kherbet|khirbit|kheurbet)\b", "khirbat"),
    (r"\b(?:bir|beer|bi'r)\b", "bir"),
    (r"\b(?:wadi|wady|oued)\b", "wadi"),
    (r"\b(?:qasr|kasr)\b", "qasr"),
]
_ENDINGS = [
    (r"(?:iyyah|iyyeh|iyah|iyeh|iyya|iyye|iya|iye|ieh|ia|ija|iyat)\b", "iya"),
    (r"(?:ah|eh|a|e)\b", "a"),
]


GLOSS = re.compile(r"\b(Tal|Tel|Tell|Tall|Jabal|Jebel|Wadi|Ain|Ayn|Bir|Khirbet|Deir|Kafr|Qasr)\s+"
                    r"\((?:Hill|Mount|Mountain|Valley|Spring|Well|Ruins?|Monastery|Village|Castle|Palace)\)\s+")


# One spelling of the characters that vary between sources, one for one: dashes, apostrophes, spaces, quotes.
_CHARS = str.maketrans({**dict.fromkeys([*range(0x2010, 0x2016), 0x2212], "-"),
                        **dict.fromkeys([0x2018, 0x2019, 0x02BB, 0x02BC, 0x02BF, 0x02BE, 0x60, 0xB4], "'"),
                        0xA0: " ", 0x201C: '"', 0x201D: '"'})


def normalise(text: str) -> str:
    """One spelling of the characters that vary between sources: dashes, apostrophes, spaces. For
    matching only: what is shown is the text as the source wrote it (`normalised` maps back to it)."""
    return GLOSS.sub(r"\1 ", text.translate(_CHARS))  # "Tal (Hill) Kurdi": the gloss is not the name


def normalised(text: str) -> tuple[str, list[int]]:
    """normalise(text), and where each of its characters is in `text` (one more entry: its end). Only the
    glosses change the length; a gloss taken out belongs to the character before it."""
    plain = text.translate(_CHARS)
    out: list[str] = []
    at: list[int] = []
    pos = 0
    for m in GLOSS.finditer(plain):
        out += [plain[pos:m.end(1)], " "]
        at += [*range(pos, m.end(1)), m.end() - 1]
        pos = m.end()
    out.append(plain[pos:])
    at += [*range(pos, len(plain) + 1)]
    return "".join(out), at


def sentence_key(sentence: str) -> str:
    """A sentence as the rules read it (normalised, its white space collapsed): the form in which the
    sentence as the source wrote it and the same sentence stored normalised (by a sitroom that stored
    excerpts so) compare equal."""
    return " ".join(normalise(sentence).split())


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"['\u2019`ʿʾ]", "", text)


@lru_cache(maxsize=1 << 15)
def variant_key(name: str) -> str:
    """The name with every difference that transliteration makes folded away."""
    text = _plain(normalise(name))
    text = re.sub(r"[^\w]+", " ", text)
    for pattern, word in _FIRST_WORDS:
        text = re.sub(pattern, word, text)
    text = _ARTICLE.sub("", text)
    text = text.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ei", "ay")
    text = text.replace("ai", "ay").replace("dj", "j").replace("ch", "sh")
    text = re.sub(r"(\w)\1+", r"\1", text)  # doubled letters: Husseiniya, Raqqa
    for pattern, ending in _ENDINGS:
        text = re.sub(pattern, ending, text)
    return " ".join(text.split())


def same_shape(a: str, b: str) -> bool:
    """Two names whose skeletons agree are one only if they are built alike: as many words, and the
    -iya ending on both or neither ("Hamouriyeh" is not "Hamra", though both are h-m-r)."""
    ka, kb = variant_key(a), variant_key(b)
    return len(ka.split()) == len(kb.split()) and ka.endswith("iya") == kb.endswith("iya")


@lru_cache(maxsize=1 << 15)
def skeleton(name: str) -> str:
    """The consonants of the variant key, in order: 'Hamima' and 'Humaima' both give 'hmm'."""
    key = variant_key(name).replace("q", "k").replace("w", "").replace("y", "")
    return re.sub(r"[aeiou\s]", "", key)
