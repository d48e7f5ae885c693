"""The detail pane's account of a happening: how sure the sources together are, and each source's own
account (its date, certainty, wording and sentence), literally."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from sitroom.db import FIELD_LIMITS, Account, EventDetail, Faction, bounded

from .render import CERTAINTY_WORDS, certainty, date_label, plural

REVIEWED = {1: "reviewed and accepted by an analyst", 0: "extracted from the report; not reviewed"}


def standing(d: EventDetail, factions: Mapping[str, Faction]) -> Text:
    """The happening's certainty in words: the lead's (the surest account), disputed when one source
    denies what another reports, and how the sources divide."""
    row = d.row
    word = "disputed" if row.disputed else row.certainty
    out = certainty(word)
    out.append("\n")
    out.append(CERTAINTY_WORDS.get(word, word))
    claimants = sorted({factions[c].name if c in factions else c
                        for a in d.accounts if a.certainty == "claimed" for c in a.claimants}
                       or {factions[p.faction].name for p in row.parties
                           if p.role == "claimant" and p.faction in factions})
    if claimants:
        out.append(f" Claimed by {', '.join(claimants)}.")
    if len(d.accounts) > 1:
        tally = Counter(a.certainty for a in d.accounts)
        said = ", ".join(f"{n} {word}" for word, n in tally.most_common())
        out.append(f"\n{plural(len(d.accounts), 'source')} report it: {said}.", style="dim")
    return out


def _one(a: Account) -> Group:
    head = Text(f"{date_label(a.date, a.date_precision, long=True)}  ")
    head.append_text(certainty(a.certainty))
    head.append("  ")
    head.append(a.source.title if a.source else "no source", style="bold")
    body = Text()
    meta = " · ".join(x for x in ((a.source.publisher, a.source.kind, a.source.id) if a.source else ()) if x)
    if a.source_event_id:
        meta = f"{meta} · {a.source_event_id}" if meta else a.source_event_id
    if meta:
        body.append(f"{meta}\n", style="dim")
    body.append(bounded(a.summary, FIELD_LIMITS["summary"]) or "")
    excerpt = bounded(a.excerpt, FIELD_LIMITS["excerpt"])
    if excerpt:
        body.append(f"\n“{excerpt}”", style="italic")
    notes = [n for n in (REVIEWED.get(a.reviewed) if a.reviewed is not None else None,
                         "linked by hand" if a.by_hand else None,
                         "shown for the happening" if a.lead else None) if n]
    if notes:
        body.append(f"\n{'; '.join(notes)}", style="dim")
    return Group(head, Padding(body, (0, 0, 0, 2)))  # the account hangs under its source's line


def accounts(d: EventDetail) -> Group:
    """Each source's account, the one the timeline shows first, a blank line between."""
    parts: list[RenderableType] = []
    for i, a in enumerate(d.accounts):
        if i:
            parts.append(Text(""))
        parts.append(_one(a))
    return Group(*parts)


def reviewed(d: EventDetail) -> Text | None:
    """Whether an analyst reviewed an extracted event (None for a dataset's row or the bundled data)."""
    state = d.accounts[0].reviewed if d.accounts else None
    return Text(REVIEWED[state], style="dim") if state in REVIEWED else None
