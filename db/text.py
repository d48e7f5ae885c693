"""Cleaning text from sources on the way into the store.

Sources are written by strangers. Terminal escape sequences and control characters are removed here,
once, so that nothing read from the store can move the cursor, ring the bell or restyle a terminal.
Rich markup is left as the literal text it is: the TUI never interprets stored text as markup.
"""

from __future__ import annotations

import re
import unicodedata

# CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ESC sequences, and the 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC, ended by BEL or ST (or unterminated)
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC
  | \x1b[@-Z\\-_]                      # two-byte sequences
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?     # 8-bit OSC
    """,
    re.VERBOSE,
)
_KEEP = {"\n", "\t"}
# Bidirectional overrides and isolates can make text read in an order other than it is stored.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str | None, *, single_line: bool = False) -> str | None:
    """`value` without escape sequences or control characters; None stays None."""
    if value is None:
        return None
    text = _BIDI_CONTROLS.sub("", _ESCAPES.sub("", str(value)))
    text = "".join(
        ch for ch in text if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cs")
    )
    if single_line:
        text = " ".join(text.split())
    return text.strip()
