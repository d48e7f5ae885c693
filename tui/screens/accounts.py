"""Which source's account to take out of a happening (`u`): the happening's accounts, one a line."""

from __future__ import annotations

from rich.text import Text
from sitroom.db import Account
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .. import render


def account_line(a: Account) -> Text:
    """One source's account: its date, certainty, source and wording, literally."""
    line = Text(f"{render.date_label(a.date, a.date_precision)}  ")
    line.append_text(render.certainty(a.certainty))
    line.append("  ")
    line.append(a.source.title if a.source else "no source", style="bold")
    if a.source_event_id:
        line.append(f" · {a.source_event_id}", style="dim")
    line.append(f"\n  {a.summary}", style="dim")
    return line


class AccountPicker(ModalScreen[str | None]):
    """Dismissed with the chosen account's event id, or None."""

    BINDINGS = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, accounts: tuple[Account, ...]) -> None:
        super().__init__()
        self.accounts = accounts

    def compose(self) -> ComposeResult:
        with Vertical(id="accounts"):
            yield Static("Take which source's account out of this happening? It will stand alone, and "
                         "automatic linking will leave it so.", id="accounts-help")
            yield OptionList(*(Option(account_line(a), id=a.event) for a in self.accounts),
                             id="account-choices")

    def on_mount(self) -> None:
        self.query_one("#accounts").border_title = "split a happening"
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)
