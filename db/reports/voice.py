"""Who speaks for a whole report, and how far a source's voice runs past its own sentence.

The voice is read from the text's own words, never from its file name or publisher:
- a heading "Statement issued by X" (or "Communiqué of X"): the text is X's statement, so every sentence
  of it with no frame of its own is X's claim, X (the side named in it) the claimant;
- a byline of a side's own medium before the first sentence ("SANA–"): that sentence is the medium's;
- narration in the first person plural ("Our heroic armed forces …", "two of our fighters"), outside a
  quotation: a side speaking of itself, never the narrator's neutral word (claimed, the voice its claimant).

A source's voice runs past its sentence only where the wording carries it:
- after a sentence that resumes a source already named ("It said …", "It added that …", "The report
  added …"), the next sentence of the same paragraph with no frame of its own is still that source's;
- a paragraph closed by "…, the report added." (it, the source, he, she added) was the source's throughout.
Otherwise the next sentence stays the narrator's (attribution.py: three times in four over the tuning texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .attribution import Frame, frame
from .parties import FORCE, MEDIA, Party

if TYPE_CHECKING:
    from .sentences import Sentence

_HEADING = re.compile(r"^\W*(?:an?\s+|the\s+)?(?:(?:official\s+)?statement|communiqu[eé]|press release|"
                      r"announcement|declaration)\s+(?:(?:issued|released|published|made)\s+)?(?:by|of|from)\s+"
                      r"(?P<who>.{3,120}?)\W*$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\bour\s+(?:(?:heroic|brave|valiant|own|armed|military|courageous)\s+){0,3}"
                           r"(?:forces|units|fighters|troops|army|heroes|soldiers|comrades|men)\b",
                           re.IGNORECASE)
# "It said …", "It added that …", "The report added …": a source named before, still speaking
_RESUMED = re.compile(r"^\W*(?:It|They|He|She|The (?:same )?(?:source|report|statement|agency|reporter))\s+"
                      r"(?:also\s+|further\s+)?(?:said|says|added|adds|stated|noted|reported|pointed out)\b")
# "…, the report added.": the paragraph it closes was the source's
_CLOSING = re.compile(r",\s*(?:it|he|she|they|the (?:same )?(?:source|report|statement|agency|reporter))\s+"
                      r"(?:also\s+)?added\W*$", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


@dataclass
class Voice:
    """The report's own voice and the source whose words the sentences are relaying."""

    text: str
    said: list[Sentence]
    find: Callable[[str], list[Party]]
    speaker: list[Party] = field(default_factory=list)  # who the whole text speaks for
    cue: str = ""
    last: Frame | None = None  # the frame of the sentence before
    last_span: tuple[int, int] | None = None
    resumed: bool = False  # the sentence before resumed a source named earlier ("It said …")
    index: dict[int, int] = field(default_factory=dict)  # a sentence's place in `said`

    @classmethod
    def of(cls, text: str, said: list[Sentence], find: Callable[[str], list[Party]]) -> Voice:
        """The voice a report's headings announce, before its first sentence of prose."""
        v = cls(text, said, find)
        for s in said:
            if not s.headline:
                break
            m = _HEADING.match(s.text)
            sides = find(m.group("who")) if m else []
            if m and sides:
                who = re.sub(r"^the\s+", "", m.group("who").strip(), flags=re.IGNORECASE)
                v.speaker = [Party(0, 0, who, who, sides[0].slug, sides[0].bloc, FORCE)]
                v.cue = f"the text is a statement by {who} ('{s.text.strip()}')"
                break
        return v

    def hear(self, sentence: Sentence, f: Frame) -> Frame:
        """The frame of a sentence with the voice it speaks in: the report's, or a source's carried on."""
        out = self._heard(sentence, f)
        self.resumed = f.cue is not None and bool(_RESUMED.match(sentence.text))
        self.last, self.last_span = out, sentence.span
        return out

    def _heard(self, sentence: Sentence, f: Frame) -> Frame:
        if f.cue is not None:  # a frame of its own: whoever it names says it
            return f
        s = sentence.text
        bylined = self.find(sentence.dateline) if sentence.dateline else []
        if bylined and bylined[0].kind == MEDIA and bylined[0].slug:  # "SANA–": a side's medium's own text
            return replace(f, certainty="claimed", cue=f"the byline '{sentence.dateline}'",
                           claimants=[replace(bylined[0], start=0, end=0)])
        # a happening the speaker's words give no other side to was the speaker's own doing ("the
        # liberation of X" in the army's statement, "our forces took X")
        own = not any(p.kind == FORCE for p in self.find(s))
        first = _FIRST_PERSON.search(_QUOTED.sub("", s))
        if first:
            return replace(f, certainty="claimed", claimants=list(self.speaker), self_claim=own,
                           cue=f"'{first.group()}': a side speaking of itself")
        if self.speaker:
            return replace(f, certainty="claimed", cue=self.cue, claimants=list(self.speaker), self_claim=own)
        if self.last is not None and self.last.certainty == "claimed" and self.last.claimants and (
                (self.resumed and self._same_paragraph(sentence)) or self._closed_by_source(sentence)):
            why = "the sentence before resumes its source" if self.resumed else \
                "its paragraph ends '…, the source added'"
            names = ", ".join(p.name for p in self.last.claimants)
            return replace(f, certainty="claimed", cue=f"{why}: {names}", claimants=list(self.last.claimants))
        return f

    def _same_paragraph(self, sentence: Sentence) -> bool:
        if self.last_span is None or sentence.span is None:
            return False
        return not _PARAGRAPH.search(self.text[self.last_span[1]:sentence.span[0]])

    def _closed_by_source(self, sentence: Sentence) -> bool:
        """The paragraph's last sentence, after this one, ends '…, the report added.'"""
        if not self.index:
            self.index = {id(s): i for i, s in enumerate(self.said)}
        at = self.index.get(id(sentence))
        if at is None or sentence.span is None:
            return False
        end = sentence.span
        for s in self.said[at + 1:]:
            if s.span is None or _PARAGRAPH.search(self.text[end[1]:s.span[0]]):
                return False
            end = s.span
            if _CLOSING.search(s.text):
                return frame(s.text, self.find(s.text), []).certainty == "claimed"
        return False
