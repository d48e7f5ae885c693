"""The "as of" date prompt (`t`): type a day and the whole screen shows the situation on it."""

from __future__ import annotations

import datetime as dt

from sitroom.db import month_end
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

LATEST = "latest"


def parse_day(text: str) -> str | None:
    """An ISO day from what was typed: 2017-06-30, 2017-06 (its last day) or 2017 (31 December)."""
    text = text.strip()
    try:
        if len(text) == 4:
            return dt.date(int(text), 12, 31).isoformat()
        if len(text) == 7:
            dt.date(int(text[:4]), int(text[5:]), 1)  # a month that does not exist raises here
            return month_end(text)
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


class DatePrompt(ModalScreen[str | None]):
    """Dismissed with an ISO day, LATEST for no as-of date, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str | None, span: tuple[str, str] | None) -> None:
        super().__init__()
        self.current = current
        self.span = span

    def compose(self) -> ComposeResult:
        with Vertical(id="date-prompt"):
            yield Static("Show the situation as of (YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest)")
            yield Input(value=self.current or "", placeholder=self.span[1] if self.span else "2017-06-30",
                        id="date-input")
            yield Static("", id="date-error")

    def on_mount(self) -> None:
        self.query_one("#date-prompt").border_title = "as of"
        if self.span:
            self.query_one("#date-error", Static).update(
                f"events run from {self.span[0]} to {self.span[1]}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.dismiss(LATEST)
            return
        day = parse_day(event.value)
        if day is None:
            self.query_one("#date-error", Static).update(
                f"“{event.value}” is not a date like 2017-06-30")
            return
        self.dismiss(day)

    def action_cancel(self) -> None:
        self.dismiss(None)
