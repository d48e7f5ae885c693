"""What a dataset's actor code says a new faction is, and which of the codes its rows give it wins.

ACLED's actor codes (inter1/inter2: numbers before 2024, words since, as name keys) and UCDP's sides as
the UCDP reader codes them (files/formats/ucdp.py) give a faction the resolver makes its bloc
(write/resolve.py). How much a code says of what an actor is (code_rank): none (an associated actor's,
or a code INTER_BLOCS lacks), external/other (ACLED gives it to state forces outside their country and to
international forces: where, not what), a kind of group, state forces (given only in the force's own
country). A faction's bloc is the one its highest-ranked codes say. Among codes of that rank (ACLED codes
one group 2 in one row and 3 in another), the first in bloc order (blocs.json: the armed opposition before
militias, militias before protesters, protesters before civilians: the most organised armed reading any
row gives it), so the bloc does not depend on which row came first. Not the most frequent: the readers
answer a repeated actor from a memo without asking the resolver again (files/formats/common.py Memo).
"""

from __future__ import annotations

from ..schema import bundled_blocs
from .names import name_key

OTHER_BLOC = "other"
# The bloc an actor the faction table does not know is put in: state forces with the governments, rebels
# with the armed opposition, militias (political or communal) apart from both, rioters with protesters
# (crowds, not armed groups), civilians apart (mostly targets), external forces in "other" (whose side
# they are on is not in the code).
INTER_BLOCS = {
    "1": "government", "state forces": "government", "2": "opposition", "rebel group": "opposition",
    "rebel groups": "opposition", "3": "militias", "political militia": "militias",
    "political militias": "militias", "4": "militias", "identity militia": "militias",
    "identity militias": "militias", "5": "protesters", "rioters": "protesters", "6": "protesters",
    "protesters": "protesters", "7": "civilians", "civilians": "civilians", "8": OTHER_BLOC,
    "external other forces": OTHER_BLOC,
}
# SQL: the faction row's {field} a user set by hand (db/store/editing.py), which no import changes.
SET_BY_HAND = "'{field}' IN (SELECT value FROM json_each(coalesce(factions.edited, '[]')))"
_STATE = "government"
_ORDER = {b["slug"]: (b["sort"], b["slug"]) for b in bundled_blocs()}


def code_bloc(inter: str | None) -> str | None:
    """The bloc an actor code says, None for no code or one INTER_BLOCS lacks."""
    return INTER_BLOCS.get(name_key(inter or ""))


def code_rank(inter: str | None) -> int:
    bloc = code_bloc(inter)
    return 0 if bloc is None else 1 if bloc == OTHER_BLOC else 3 if bloc == _STATE else 2


def stronger(bloc: str, than: str) -> bool:
    """Whether a code's `bloc` wins over `than`, given by a code of the same rank: it comes first in bloc
    order. A max over a fixed order, so the same whatever order the rows come in, and the same however
    often a row repeats (the readers' memo answers a repeated actor without asking again)."""
    return _ORDER.get(bloc, (99, bloc)) < _ORDER.get(than, (99, than))
