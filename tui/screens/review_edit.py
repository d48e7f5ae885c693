"""The edit form of the review screen (`e`, and after `n` picks a sentence): type, certainty, date and
its precision, place (type-ahead over the gazetteer and the store's places, or kept unknown under its
own name) and factions with their roles. Dismissed with the new Fields, or None when cancelled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from sitroom.db import (
    CERTAINTIES,
    EVENT_TYPES,
    PRECISIONS,
    ROLES,
    Fields,
    Review,
    place_choices,
    review_check,
)
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

UNKNOWN = "\x00unknown"  # the option id of "keep it unknown, under the name typed"


def factions_text(factions: Sequence[tuple[str, str]], short: Mapping[str, str]) -> str:
    return ", ".join(f"{short.get(s, s)} {r}" for s, r in factions)


def parse_factions(text: str, names: Mapping[str, str]) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """'SAA actor, ISIS target' → ((saa, actor), (isis, target)); a part without a role is an actor.
    `names` maps each faction's slug, short name and name, folded, to its slug. The error says which
    part is not understood."""
    out: list[tuple[str, str]] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        words = part.split()
        role = words[-1].lower() if words[-1].lower() in ROLES else "actor"
        who = " ".join(words[:-1] if words[-1].lower() in ROLES else words).casefold()
        if who not in names:
            return (), f"no faction is called {who!r} (its short name or slug)"
        out.append((names[who], role))
    return tuple(dict.fromkeys(out)), None


class ReviewEdit(ModalScreen[Fields | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        Binding("down", "place_move(1)", "Next place", show=False),
        Binding("up", "place_move(-1)", "Previous place", show=False),
    ]

    def __init__(self, review: Review, fields: Fields, sentence: str, short: Mapping[str, str],
                 names: Mapping[str, str], title: str = "edit the event") -> None:
        super().__init__()
        self.review, self.fields, self.sentence = review, fields, sentence
        self.short, self.names, self.title_ = short, names, title
        self.place: tuple[str | None, str | None] = (fields.place, fields.place_name)

    def compose(self) -> ComposeResult:
        f = self.fields
        with Vertical(id="review-edit"):
            yield Static(Text(self.sentence, style="italic"), id="edit-sentence")
            for label, name, value, choices in (
                    ("type", "type", f.event_type, EVENT_TYPES), ("certainty", "certainty", f.certainty,
                                                                   CERTAINTIES),
                    ("date", "date", f.date, ()), ("precision", "precision", f.date_precision, PRECISIONS)):
                with Horizontal(classes="edit-row"):
                    yield Label(label, classes="edit-label")
                    yield Input(value, id=f"edit-{name}", select_on_focus=False, compact=True,
                                suggester=SuggestFromList(choices, case_sensitive=False) if choices else None)
            with Horizontal(classes="edit-row"):
                yield Label("place", classes="edit-label")
                yield Input(f.place_name or "", id="edit-place", select_on_focus=False, compact=True,
                            placeholder="type to find a place; or a name to keep it unknown")
            yield OptionList(id="edit-places")
            yield Static(id="edit-place-chosen")
            with Horizontal(classes="edit-row"):
                yield Label("factions", classes="edit-label")
                yield Input(factions_text(f.factions, self.short), id="edit-factions", select_on_focus=False,
                            compact=True,
                            placeholder="SAA actor, ISIS target")
            yield Static(Text(f"roles: {', '.join(ROLES)} · factions: "
                              f"{', '.join(sorted(set(self.short.values())))}", style="dim"), id="edit-hint")
            yield Static(id="edit-error")

    def on_mount(self) -> None:
        self.query_one("#review-edit").border_title = self.title_
        self.query_one("#review-edit").border_subtitle = "enter or ctrl+s saves · esc cancels"
        places = self.query_one("#edit-places", OptionList)
        places.display = False
        places.can_focus = False  # moved from the place box (up, down, enter): tab goes on to factions
        self._show_place()
        self.query_one("#edit-type", Input).focus()

    def _show_place(self) -> None:
        pid, name = self.place
        words = (f"place: {name} (gazetteer: {pid})" if pid else
                 f"place: {name} — kept unknown, under its own name" if name else "place: unnamed, unknown")
        self.query_one("#edit-place-chosen", Static).update(Text(words, style="dim"))

    @on(Input.Changed, "#edit-place")
    def _typed_place(self, event: Input.Changed) -> None:
        found = place_choices(self.review, event.value)
        options = self.query_one("#edit-places", OptionList)
        options.set_options([Option(Text(f"{name}  ({where})" if where else name), id=pid)
                             for pid, name, where in found])
        if event.value.strip():
            options.add_option(Option(Text(f"keep “{event.value.strip()}” as a place no gazetteer knows"),
                                      id=UNKNOWN))
        options.display = bool(event.value.strip()) and self.focused is event.input
        options.highlighted = 0 if options.option_count else None

    @on(Input.Blurred, "#edit-place")
    def _left_place(self) -> None:
        self.query_one("#edit-places", OptionList).display = False

    def action_place_move(self, step: int) -> None:
        options = self.query_one("#edit-places", OptionList)
        if not options.display or not options.option_count:
            self.focus_next() if step > 0 else self.focus_previous()
            return
        options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def _choose_place(self) -> None:
        options = self.query_one("#edit-places", OptionList)
        typed = self.query_one("#edit-place", Input).value.strip()
        if options.highlighted is None or not options.option_count:
            return
        chosen = options.get_option_at_index(options.highlighted).id
        if chosen == UNKNOWN:
            self.place = (None, typed or None)
        else:
            place = self.review.lex.places[chosen] if self.review.lex else None
            self.place = (chosen, place.name if place else typed)
        options.display = False
        with self.query_one("#edit-place", Input).prevent(Input.Changed):
            self.query_one("#edit-place", Input).value = self.place[1] or ""
        self._show_place()
        self.query_one("#edit-factions", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "edit-place" and self.query_one("#edit-places", OptionList).display:
            self._choose_place()
            return
        self.action_save()

    def action_save(self) -> None:
        value = {name: self.query_one(f"#edit-{name}", Input).value.strip()
                 for name in ("type", "certainty", "date", "precision", "place", "factions")}
        factions, error = parse_factions(value["factions"], self.names)
        pid, name = self.place
        if value["place"] != (name or ""):  # typed and not chosen: kept unknown under what was typed
            pid, name = None, value["place"] or None
        fields = Fields(value["type"].lower(), value["certainty"].lower(), value["date"],
                        value["precision"].lower(), pid, name, factions)
        error = error or review_check(fields, self.review)
        if error:
            self.query_one("#edit-error", Static).update(Text(error, style="bold #D55E00"))
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)
