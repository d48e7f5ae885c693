"""A report's text as the sentences that can state a happening: split, datelines and bylines taken off,
headlines, captions and links to other articles set aside (they summarise; they do not report)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .report_date import STAMP as _PAGE_STAMP
from .spelling import GLOSS, normalised

_ABBREVIATIONS = re.compile(r"\b(?:[AP]\.M|U\.S|U\.N|St|Dr|Mr|Mrs|Gen|Lt|Col|No|Maj|Brig|Mt|approx|Jan|Feb|"
                            r"Aug|Sept?|Oct|Nov|Dec)\.$")
_END = re.compile(r"[.!?][\"')\]]*$|[.!?][\"')\]]*\s+\S{1,4}$")  # a stop, perhaps before a signature ("SF")
# "BEIRUT —", "BEIRUT, LEBANON (10:45 P.M.) –", "Aleppo (Qasioun) –", "DAMASCUS, 2 July –", "Alwaght-",
# "(AFP) -": a place in capitals, a bracketed agency or time, or one word glued to its dash.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z' .]*(?:-[A-Z][A-Z' .]*)*(?:,\s*[A-Z][\w' .]*?)?\s*(?:\([^)]{1,40}\))?"
    r"|[A-Z][\w' ]{0,30}\([^)]{1,40}\)"
    r"|\([^)]{1,40}\)|[A-Z]\w+(?=-\s)|[A-Z][\w ]{0,20},\s*\d{1,2}\s+[A-Z][a-z]+)\s*[-–—]+\s+"
    r"|^\s*[A-Z]{3,}(?:,\s*[A-Z]{3,})*\s*\([^)]{1,80}\)\s+(?=[A-Z])"  # "DAMASCUS (Sputnik - 14 Aug) The …"
    r"|^\s*[A-Z]{3,}(?:,\s*[A-Z]{3,})*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\([^)]{1,40}\)\s*:\s+")
# "BEIRUT, July 10, (Agencies): …"
_LINK = re.compile(r"^\s*(?:READ MORE|Read more|RELATED|Related|Watch|WATCH|See also|Click)\b")
# "Meanwhile, the town of X was recaptured …": a line that opens as prose continues the text, stop or not
_PROSE = re.compile(r"^(?:Meanwhile|Moreover|However|Furthermore|Separately|Elsewhere|Earlier|Later|"
                    r"In addition|Additionally|Also),\s+[a-z]")
# "… killed in airstrikes on the town of X as": a sentence cut off mid-clause, not a title
_CUT_OFF = re.compile(r"\s(?:and|or|as|of|the|a|an|to|in|on|at|by|for|with|from|that|which|who|while|but|"
                      r"were|was|had|has|have)$")
# "… [Rodi Said/Reuters]", "… (AFP, Omar Haj Qadour)", "… (Photo by AFP)": a photo's caption and credit
_AGENCY = r"(?:AFP|Reuters|AP|EPA|Getty(?: Images)?|Anadolu(?: Agency)?|SANA|dpa|Xinhua)"
_CAPTION = re.compile(r"\[[^\]]*/[^\]]*\]\s*$|"
                      r"\((?:" + _AGENCY + r"|[Pp]hoto)\b[^()]{0,60}\)\.?\s*$|"
                      r"\([^()]{0,40}/\s*" + _AGENCY + r"[^()]{0,20}\)\.?\s*$|"
                      r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}\s*/\s*" + _AGENCY + r"\s*$|"
                      # "… 2017. REUTERS/Stringer": the agency's credit before the photographer's name
                      r"\b(?:" + _AGENCY + r"|REUTERS)\s*/\s*[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}\s*$|"
                      # "… rides in a vehicle in southwestern Aleppo, Syria August 5, 2016.": a wire photo's
                      # caption ends on its place, country and date, with no comma before the month
                      r",\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+"
                      r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)\s+\d{1,2},\s+\d{4}\.?\s*$|"
                      # "Syrian tanks near X (El-Mehwar, June 16, 2018)": a photo credited to its source and
                      # day, with no stop after it (a sentence citing its source ends on one)
                      r"\([^()]{2,80},\s+(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)\s+\d{1,2},\s+\d{4}\)\s*$|"
                      # "A picture taken on July 16 … shows smoke rising …": a caption written as prose
                      r"^(?:An?|This|The)\s+(?:file\s+)?(?:picture|photo(?:graph)?|image)\s+(?:was\s+)?"
                      r"(?:taken|shows?)\b")
# a credit glued to the next caption ("… 2016Jane Doe/AFPSmoke rises …"): each caption on its own line
_GLUED_CREDIT = re.compile(r"(?<=/)(" + _AGENCY + r")(?=[A-Z][a-z])")
# layout that is not prose: a rule line ("-----") between a page header and the text, a field label
# ("Title :", "Text :"), a date or agency stamp before the first words ("04 Jul 2017; AGENCY:",
# "date 2017-07-04", "DAMASCUS:")
_RULE = re.compile(r"\s*[-=_*~]{5,}\s*")
_TITLE = re.compile(r"^\s*(?:Title|Headline|Subject)\s*:\s*", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:Text|Body|Content|Story|Details)\s*:\s*(?=\S)", re.IGNORECASE)
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_STAMP = re.compile(r"^\s*(?:date\s+\d{4}-\d\d-\d\d|(?:\d{1,2}\s+" + _MON + r"|" + _MON + r"\s+\d{1,2},?)\s+"
                    r"\d{4}\s*[;,]?(?:\s*[A-Z][A-Za-z0-9]{1,20}\s*:)?|[A-Z]{3,}(?:,\s*[A-Z]{3,})*\s*:)\s+"
                    r"(?=[\"“]?[A-Z])")


@dataclass(frozen=True)
class Sentence:
    text: str  # as the rules read it: normalised (spelling.py), its white space collapsed
    dateline: str  # what was taken off the front ("BEIRUT —"), as the report wrote it, or ""
    headline: bool  # a title, caption, link or other line that does not report
    closes_quote: bool = False  # the last sentence of a paragraph that ends a quotation
    literal: str = ""  # the same words as the report wrote them (a bulleted list: its items joined)
    span: tuple[int, int] | None = None  # of the sentence in the text (a list: the whole list)


def _is_headline(line: str, first: bool = False) -> bool:
    """A line that is not prose: no full stop and short (or the text's first line), or most of its
    words capitalised."""
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    if _LINK.match(line) or _CAPTION.search(line):
        return True
    if _END.search(line) or _PROSE.match(line) or (_CUT_OFF.search(line) and len(words) >= 8):
        return False
    return first or len(words) <= 20 or capitalised / max(1, len(words)) >= 0.6


def split(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    # "… pro-government sources.Al-Shula was …": a stop glued to the next sentence still ends one
    for match in re.finditer(r"[.!?][\"')\]]*(?=\s+[\"“(]?[A-Z0-9])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])",
                             paragraph):
        if _ABBREVIATIONS.search(paragraph[start:match.start() + 1]):
            continue
        out.append(paragraph[start:match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


# "Syrian Forces Encircle Militants in Hama: ReportSyrian troops seized …": a title glued to its lead
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]+\s+[a-z])")


def _glued_title(paragraph: str) -> int | None:
    """Where the lead starts when the paragraph opens with a title glued to it (no space, no stop between):
    four or more words, most of them capitalised, before a run of prose that ends with a stop."""
    m = _GLUED.search(paragraph)
    if m is None:
        return None
    title, rest = paragraph[:m.start()].split(), paragraph[m.start():]
    capitalised = sum(1 for w in title if w[:1].isupper() or not w[:1].isalpha())
    if len(title) >= 4 and capitalised / len(title) >= 0.6 and len(rest.split()) >= 8 and _END.search(rest):
        return m.start()
    return None


_BULLET = re.compile(r"^\s*(?:[•·*▪‣◦-]|\d{1,2}[.)])\s+(?P<item>.+?)\s*$")
_ITEM_NOTE = re.compile(r"\s*\([^)]*\)|[;,.]+$|[;,]?\s+and$")


@dataclass(frozen=True)
class _Block:
    """A line, or a line ending in a colon with the bulleted lines under it: as the rules read it, as the
    report wrote it, and where it is in the text."""

    text: str
    literal: str
    start: int
    end: int
    whole: bool  # the literal is the text's own from start to end (not joined from a list)


# an item's note, in the report's own words: its glosses ("Tal (Hill) Abyad") are no note, they stay
_NOTE_NOT_GLOSS = re.compile(f"(?P<gloss>{GLOSS.pattern})|{_ITEM_NOTE.pattern}")


def _joined(header: str, items: list[str], literal: bool = False) -> str:
    items = [(_NOTE_NOT_GLOSS.sub(lambda m: m["gloss"] or "", item) if literal else _ITEM_NOTE.sub("", item))
             .strip(" ;,.") for item in items]
    return f"{header.rstrip()} {', '.join(items[:-1])}{' and ' if len(items) > 1 else ''}{items[-1]}."


def _lines(norm: str) -> list[tuple[int, int]]:
    """The text's lines, as spans: a rule line ("-----") breaks one like a newline, and so does a credit
    glued to the next caption ("… 2016Jane Doe/AFPSmoke rises …")."""
    cuts = sorted([(m.start(), -m.end()) for m in _RULE.finditer(norm)]
                  + [(m.start(), -m.end()) for m in re.finditer("\n", norm)]
                  + [(m.end(), -m.end()) for m in _GLUED_CREDIT.finditer(norm)])  # the widest first
    out, pos = [], 0
    for start, end in ((start, -end) for start, end in cuts):
        if start < pos:  # a newline inside a rule line's span
            continue
        out.append((pos, start))
        pos = end
    out.append((pos, len(norm)))
    return out


def _blocks(text: str, norm: str, at: list[int]) -> list[_Block]:
    """A line ending in a colon and the bulleted lines under it are one sentence ("The liberated villages
    are: A, B and C."): an item's own note in brackets and its "; and" are dropped."""
    def original(start: int, end: int) -> tuple[int, int]:  # a span of norm in text
        return (at[start], at[end - 1] + 1) if end > start else (at[start], at[start])

    lines = _lines(norm)
    out: list[_Block] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = norm[start:end]
        j = i + 1
        while j < len(lines) and not norm[slice(*lines[j])].strip():
            j += 1
        items: list[tuple[int, int]] = []
        while line.rstrip().endswith(":") and j < len(lines) and (
                m := _BULLET.match(norm[slice(*lines[j])])):
            items.append((lines[j][0] + m.start("item"), lines[j][0] + m.end("item")))
            j += 1
            while j < len(lines) and not norm[slice(*lines[j])].strip():
                j += 1
        if items:
            said = _joined(text[slice(*original(start, end))], [text[slice(*original(*s))] for s in items],
                           literal=True)
            out.append(_Block(_joined(line, [norm[slice(*s)] for s in items]), said,
                              at[start], original(*items[-1])[1], False))
            i = j
        else:
            lo, hi = original(start, end)
            out.append(_Block(line, text[lo:hi], lo, hi, True))
            i += 1
    return out


def locate(norm: str, said: str, pos: int = 0) -> tuple[int, int] | None:
    """Where the words of `said` (one space between them) are in `norm` from `pos`, any run of white space
    standing for one space. (Without a regex: one compiled for each sentence costs more than the rules.)"""
    words = said.split()
    if not words:
        return None
    if (at := norm.find(" ".join(words), pos)) >= 0:
        return at, at + len(" ".join(words))
    start = norm.find(words[0], pos)
    while start >= 0:
        end = start + len(words[0])
        for word in words[1:]:
            gap = end
            while gap < len(norm) and norm[gap].isspace():
                gap += 1
            if gap == end or not norm.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return start, end
        start = norm.find(words[0], start + 1)
    return None


def _find(block: _Block, said: str, norm: str, at: list[int], pos: int) -> tuple[str, tuple[int, int], int]:
    """The words of `said` (a sentence as the rules read it) as the block wrote them, their span in the
    text, and where the search for the block's next sentence starts."""
    found = locate(norm, said, pos)
    if found is None:  # not expected: the rules' words are the block's, normalised; show them as read
        return said, (block.start, block.end), pos
    lo, hi = at[found[0]], at[found[1] - 1] + 1
    span = (block.start + lo, block.start + hi) if block.whole else (block.start, block.end)
    return block.literal[lo:hi], span, found[1]


def sentences(text: str) -> list[Sentence]:
    """The report's sentences in order, paragraph by paragraph. The rules read the text normalised
    (spelling.normalise); each sentence keeps its words as the text has them too (`literal`, `span`)."""
    out: list[Sentence] = []
    norm, at = normalised(text)
    for block in _blocks(text, norm, at):
        raw = " ".join(block.text.split())
        paragraph = raw.strip('"“” ')
        if not paragraph:
            continue
        titled = _TITLE.match(paragraph)
        headline = bool(titled) or _is_headline(paragraph, first=not out)
        dateline = ""
        stamp = _STAMP.match(paragraph) or _PAGE_STAMP.match(paragraph)
        if stamp and len(paragraph) > stamp.end() + 20 and not headline:
            dateline, paragraph = stamp.group().strip(), paragraph[stamp.end():]
        match = _DATELINE.match(paragraph)
        if match and len(paragraph) > match.end() + 20:
            dateline, paragraph = match.group().strip(), paragraph[match.end():]
        said_norm, said_at = normalised(block.literal)
        pos = 0
        if not headline and not dateline and (lead := _glued_title(paragraph)):
            literal, span, pos = _find(block, paragraph[:lead], said_norm, said_at, pos)
            out.append(Sentence(paragraph[:lead], "", True, False, literal, span))
            paragraph = paragraph[lead:]
        parts = split(paragraph)
        if dateline:  # as the report wrote it too; the first sentence is after it
            dateline, _, pos = _find(block, dateline, said_norm, said_at, pos)
        for i, s in enumerate(parts):
            s = _LABEL.sub("", s)
            literal, span, pos = _find(block, s, said_norm, said_at, pos)
            out.append(Sentence(s, dateline if i == 0 else "", headline,
                                i == len(parts) - 1 and raw.endswith(('"', "”")), literal, span))
    return out
