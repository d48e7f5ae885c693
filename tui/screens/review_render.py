"""What the review screen draws, as Rich Text built from values (never markup): a candidate's row, its
fields in full, a proposed happening, a paragraph of the report with sentences marked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from sitroom.db import ACCEPT, DROP, NEW, Fields, Landed, Proposal, ReviewItem

from ..render import plural

# Every state in colour is also a word (DESIGN.md); Okabe–Ito colours, readable when colour-blind.
VERDICT = {ACCEPT: ("✓ accept", "bold #009E73"), DROP: ("✗ drop  ", "#D55E00"), None: ("· ----- ", "dim")}
CURRENT = "bold black on #E69F00"  # the sentence of the event under the cursor
PICKING = "bold black on #56B4E9"  # the sentence being picked for a new event
OTHER = "underline"  # the sentences other candidates come from
AUTO = "let the linker decide"
APART = "a new happening (kept apart)"


@dataclass
class State:
    """What has been decided about one item so far."""

    verdict: str | None
    fields: Fields
    link: str | None = None  # None: the linker decides; NEW; or a proposal's lead

    def edited(self, item: ReviewItem) -> bool:
        """Changed from what the extractor (or the store) says; an added event is only ever "added"."""
        return self.fields != item.fields and not item.key.startswith("a")


def first_verdict(item: ReviewItem) -> str | None:
    """Where a review starts: a stored accepted event accepted, a candidate dropped before dropped."""
    return ACCEPT if item.reviewed == 1 else DROP if item.dropped else None


def pending(items: Sequence[ReviewItem], states: Mapping[str, State]) -> int:
    """How many decisions differ from what the store holds (a stored accepted event starts accepted)."""
    start = {i.key: first_verdict(i) for i in items}
    return sum(1 for i in items if (s := states[i.key]).verdict != start[i.key]
               or s.edited(i) or s.link is not None or (i.key.startswith("a") and s.verdict))


def sides(fields: Fields, short: Mapping[str, str]) -> str:
    """Who acted ▸ against whom, in the store's short names ("SAA+RuAF ▸ ISIS")."""
    name = [short.get(s, s) for s, _ in fields.factions]
    acted = [n for n, (_, r) in zip(name, fields.factions, strict=True) if r in ("actor", "ally", "side")]
    hit = [n for n, (_, r) in zip(name, fields.factions, strict=True) if r in ("target", "target_ally")]
    words = "+".join(dict.fromkeys(acted)) or "?"
    return f"{words} ▸ {'+'.join(dict.fromkeys(hit))}" if hit else words


def standing(item: ReviewItem, state: State) -> str:
    """Where the item stands in the store, in a word or two."""
    if item.key.startswith("a"):
        return "added"
    if item.stored is None:
        return "dropped" if item.dropped else "new"
    return "reviewed" if item.reviewed == 1 else "unreviewed"


def _cell(text: str, width: int) -> str:
    return (text[:width - 1] + "…" if len(text) > width else text).ljust(width)


def row(item: ReviewItem, state: State, short: Mapping[str, str], width: int) -> Text:
    """One line of the candidate list, `width` cells wide at most: the place and the sides share what
    the fixed columns leave; where little is left, the sides give way (the item's box says them)."""
    word, style = VERDICT[state.verdict]
    f = state.fields
    out = Text(word + " ", style=style, no_wrap=True, overflow="ellipsis")
    place = f.place_name or "(unnamed place)"
    link = "" if state.link is None else "→ new" if state.link == NEW else "→ joined"
    rest = width - 9 - 13 - 10 - 11 - 10  # verdict, type, certainty, standing, what follows
    if rest >= 36:
        wide = rest * 11 // 20
        who = _cell(sides(f, short), rest - wide - 1)
        out.append(f"{_cell(f.event_type, 12)} {_cell(place, wide)} {who} "
                   f"{_cell(f.certainty, 9)} {_cell(standing(item, state), 10)}")
    else:
        out.append(f"{_cell(f.event_type, 12)} {_cell(place, max(12, rest))} {_cell(f.certainty, 9)} "
                   f"{_cell(standing(item, state), 10)}")
    if state.edited(item):
        out.append(" edited", style="italic")
    if link:
        out.append(f" {link}", style="#56B4E9")
    return out


def fields_text(item: ReviewItem, state: State, short: Mapping[str, str]) -> Text:
    """The item under the cursor in full: every field, and the extractor's words behind them."""
    f = state.fields
    out = Text()
    out.append(f"{f.event_type} at {f.place_name or '(unnamed place)'}", style="bold")
    if f.place is None:
        out.append(f"  (not in the gazetteer; {item.located_by or 'not located'})", style="italic")
    out.append(f"\n{f.date} ({f.date_precision}) · {f.certainty} · ")
    out.append(", ".join(f"{short.get(s, s)} {r}" for s, r in f.factions) or "no faction known")
    word, style = VERDICT[state.verdict]
    out.append("\n")
    out.append(word.strip(), style=style)
    out.append(f" · {standing(item, state)}" + (" · edited" if state.edited(item) else ""))
    for key, why in item.why:
        out.append(f"\n{key}: ", style="dim")
        out.append(why)
    return out


def _hanging(text: str, indent: int, width: int) -> Text:
    """`text` wrapped to `width`, every line after the first indented by `indent`: a long line reads
    whole, never cut."""
    out = Text()
    room = max(10, width - indent)
    words, line = text.split(" "), ""
    for word in words:
        while len(word) > room:  # a word longer than the line (a URL): split it
            if line:
                out.append(" " * indent + line + "\n")
                line = ""
            out.append(" " * indent + word[:room] + "\n")
            word = word[room:]
        if line and len(line) + 1 + len(word) > room:
            out.append(" " * indent + line + "\n")
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(" " * indent + line)
    return out


def proposal_text(n: int, p: Proposal, chosen: bool, width: int = 200) -> Text:
    """One proposed happening: which (date, place, type, certainty), why it matches and its sources,
    each part wrapped to `width` under its number, never cut."""
    out = Text("▶ " if chosen else "  ", style="bold #56B4E9")
    out.append(f"{n}. ", style="bold")
    when = p.date[:7] if p.date_precision == "month" else p.date
    out.append(f"{when} {p.place or '(unnamed place)'} · {p.event_type} · {p.certainty}")
    if p.current:
        out.append(" · its happening now", style="italic")
    # Why first: where the box is short (80×24) it is what decides; sources of one title said once.
    titles = Counter(p.sources)
    named = "; ".join(t if n == 1 else f"{t} (×{n})" for t, n in titles.items())
    listed = _hanging(f"{len(p.sources)} source{'s' if len(p.sources) != 1 else ''}: {named}", 5, width)
    listed.stylize("dim")
    out.append("\n")
    out.append_text(_hanging(f"why: {', '.join(p.why)}", 5, width))
    out.append("\n")
    out.append_text(listed)
    return out


def choice_text(label: str, chosen: bool) -> Text:
    out = Text("▶ " if chosen else "  ", style="bold #56B4E9")
    out.append(label)
    return out


def paragraph(text: str, start: int, current: tuple[int, int] | None, others: Sequence[tuple[int, int]],
              style: str = CURRENT) -> Text:
    """The paragraph at `start` of the report, its candidates' sentences underlined and the current one
    (or the one being picked) highlighted."""
    out = Text(text)
    end = start + len(text)
    for a, b in others:
        if a < end and b > start:
            out.stylize(OTHER, max(a, start) - start, min(b, end) - start)
    if current and current[0] < end and current[1] > start:
        out.stylize(style, max(current[0], start) - start, min(current[1], end) - start)
    return out


def landed_text(done: Landed) -> str:
    return (f"{plural(done.accepted, 'event')} reviewed in the store ({done.added} new, "
            f"{done.updated} changed), "
            f"{done.removed} removed; {done.joined} joined by hand, {done.apart} kept apart, {done.linked} "
            "linked by the linker.")
