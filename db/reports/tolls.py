"""Fighting stated only by the fighters it killed: "36 members were killed on Tuesday on the outskirts of X".

context.toll_strike reads a toll by aircraft or guns as the strike; a toll of fighters with no weapon and no
other event word in the sentence is the fighting at the toll's place (a named place only: extract.py keeps
a toll's places to those named). Civilians killed say nothing of what killed them, so they make no event.
"""

from __future__ import annotations

import re

from .cues import Cue
from .wording import stated

# the dead are fighters, killed (a passive: who killed them is not said, or is the other side)
_FIGHTERS_KILLED = re.compile(
    r"(?<!family )(?<!crew )\b(?:members|fighters|soldiers|militants|troops|terrorists|gunmen|insurgents|"
    r"rebels|jihadists|servicemen|personnel|elements|militiamen)\b[^.;:]{0,40}?\b"
    r"(?P<toll>(?:were|was|have been|had been|are|got)\s+(?:\w+ly\s+)?killed)\b",
    re.IGNORECASE,
)
# the rest of the sentence places the toll: "in", "on the outskirts of", "near", "around"
_AT = re.compile(r"^[^.;]*?\b(?:in|on the outskirts of|near|around|at)\s", re.IGNORECASE)


def toll_fight(s: str) -> list[Cue]:
    """The fighting a fighters' toll stands for, or nothing."""
    m = _FIGHTERS_KILLED.search(s)
    if not m or not _AT.match(s[m.end() :]):
        return []
    cue = Cue(m.start("toll"), m.end("toll"), "clashes", m.group("toll"), False)
    return stated(s, [cue], None, False)
