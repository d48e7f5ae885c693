"""The review screen's dialogs: its help (`?`) and the question `q` asks when decisions are not
written."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("Deciding", (
        ("a", "accept the event under the cursor (and move to the next)"),
        ("d", "drop it: it does not land; a stored one is removed from the store"),
        ("u", "undecided again (an extracted event that is undecided does not land)"),
        ("A", "accept every undecided event"),
        ("e", "edit it: type, certainty, date and precision, place, factions and roles"),
        ("n", "add an event the extractor missed: pick its sentence (j/k, enter), then fill the form"),
        ("l", "choose its happening: a proposal, a new happening, or the linker's choice (enter)"),
    )),
    ("Writing", (
        ("w", "write: the accepted events land, marked reviewed; the chosen links are set by hand"),
        ("q", "quit (asks when decisions are not written)"),
    )),
    ("Moving", (
        ("↑ ↓  j k", "the previous / next event; its sentence is highlighted in the report"),
        ("tab", "the next pane (report, events, happening)"),
        ("esc", "back to the events"),
        ("?", "this help"),
    )),
)
LEGEND = (
    ("✓ accept", "accepted: lands when written"),
    ("✗ drop", "dropped: does not land; a stored event is removed"),
    ("· -----", "undecided"),
    ("new", "not in the store"),
    ("dropped", "not in the store: an earlier review dropped it"),
    ("unreviewed", "in the store, landed without review"),
    ("reviewed", "in the store, accepted in a review"),
    ("added", "added by hand for a sentence the extractor missed"),
    ("edited", "changed from what the extractor found"),
    ("→ joined", "a proposed happening, chosen by hand"),
    ("→ new", "a new happening of its own, kept apart by hand"),
)


class ReviewHelp(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close"),
                Binding("j,down", "scroll(1)", "Down", show=False),
                Binding("k,up", "scroll(-1)", "Up", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            # Two tables: the legend's long left column would widen the keys' column.
            for sections in (KEYS, (("Reading the screen", LEGEND),)):
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold #56B4E9", no_wrap=sections is KEYS)
                table.add_column()
                for section, rows in sections:
                    table.add_row(Text(section, style="bold underline"), "")
                    for key, what in rows:
                        table.add_row(Text(key), Text(what))
                    table.add_row("", "")
                yield Static(table)

    def action_scroll(self, lines: int) -> None:
        box = self.query_one("#help", VerticalScroll)
        box.scroll_to(y=box.scroll_y + lines, animate=False)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "sitroom review — keys"

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)


class ConfirmQuit(ModalScreen[bool | None]):
    """True: quit without writing; False: stay; None: stay and write."""

    BINDINGS = [Binding("y", "answer(True)", "Quit without writing"), Binding("w", "write", "Write first"),
                Binding("n,escape", "answer(False)", "Stay")]

    def __init__(self, pending: int) -> None:
        super().__init__()
        self.pending = pending

    def compose(self) -> ComposeResult:
        with Vertical(id="review-confirm"):
            are = "decisions are" if self.pending != 1 else "decision is"
            yield Static(Text(f"{self.pending} {are} not written. Quit without writing them?"))
            yield Static(Text("y quit · w stay and write · n or esc stay", style="dim"))

    def action_answer(self, leave: bool) -> None:
        self.dismiss(leave)

    def action_write(self) -> None:
        self.dismiss(None)  # None: stay, and write
