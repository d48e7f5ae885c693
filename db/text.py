"""Cleaning text from sources on the way into the store, once.

Sources are written by strangers. Terminal escape sequences (CSI, OSC — hyperlinks, clipboard writes —,
DCS, SOS/PM/APC, their 8-bit C1 forms), other control characters and bidirectional overrides are removed
here, so that nothing read from the store can move the cursor, ring the bell, write the clipboard,
restyle a terminal or read in an order other than it is stored. Rich markup is left as the literal
text it is: nothing in sitroom interprets stored text as markup.

Every field is also bounded (FIELD_LIMITS): a 50 MB "summary" is stored cut, and says so.
"""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI (an unfinished one too)
  | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC, ended by BEL or ST (or unterminated)
  | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                    # other ESC sequences, and a lone ESC
  | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?      # 8-bit OSC
  | [\x90\x98\x9e\x9f][^\x9c]*\x9c?     # 8-bit DCS, SOS, PM, APC
    """,
    re.VERBOSE,
)
# What is left to drop one character at a time: C0 controls but tab and newline, DEL, C1, lone
# surrogates, and the bidirectional embeddings, overrides, isolates and marks.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")

# The most characters a field keeps; what is longer is cut and marked. Summaries are a line or two,
# source sentences a paragraph; a name or id longer than these is not a name.
FIELD_LIMITS = {
    "summary": 2_000,
    "excerpt": 20_000,
    "name": 300,
    "id": 200,
    "title": 1_000,
    "url": 2_000,
    "other": 5_000,
}


def clean_text(value: object, *, single_line: bool = False) -> str | None:
    """`value` as text without escape sequences or control characters; None stays None.
    With single_line, runs of white space (newlines too) become one space."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    # The common case, clean text, costs one scan; isprintable() is the quicker one and is never
    # True for text holding what _CONTROLS removes (it is only False for more, e.g. a newline).
    if not text.isprintable() and _CONTROLS.search(text):
        text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    if single_line:
        text = _SPACES.sub(" ", text)
    return text.strip()


def clean_values(values: list[str]) -> list[str]:
    """[clean_text(v) for v in values], the values of one row: one scan of the whole row when it is
    clean (nearly always), each value cleaned on its own only when something in the row needs it."""
    if not "".join(values).isprintable() and _CONTROLS.search("\n".join(values)):  # as in clean_text
        return [clean_text(v) for v in values]  # type: ignore[misc]
    return [v.strip() for v in values]


def bounded(text: str | None, limit: int) -> str | None:
    """`text` cut to at most `limit` characters, saying how much was cut."""
    if text is None or len(text) <= limit:
        return text
    room = limit
    while True:  # the note's own length moves the cut, and the cut the note's length: settle both
        kept = text[:room].rstrip()
        note = f"… [{len(text) - len(kept):,} characters cut]"
        if len(kept) + len(note) <= limit:
            return kept + note
        room = limit - len(note)
