"""Turn what a user typed into a safe FTS5 query.

Users type words, not FTS5 syntax. Every word is quoted, so quotes, AND/OR/NOT/NEAR, asterisks, colons
and parentheses in the input are just text and can never make SQLite raise. The last word matches as a
prefix so that results can follow the typing.
"""

from __future__ import annotations

import re

MAX_TERMS = 16
MAX_TERM_LENGTH = 64
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(text: str) -> list[str]:
    """The words of `text` that a search will look for, in order."""
    return [w[:MAX_TERM_LENGTH] for w in _WORD.findall(text or "")][:MAX_TERMS]


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression for `text`, or None when it holds no word at all."""
    words = terms(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix_last:
        quoted[-1] += "*"
    return " ".join(quoted)
