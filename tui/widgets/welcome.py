"""The first screen of a store with no events: how to bring data in."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static


def welcome_text(store: Path) -> Text:
    path = str(store)
    text = Text()
    text.append("This store holds no events yet.\n", style="bold")
    text.append(f"{path}\n\n", style="dim")
    text.append("Bring data in from a shell:\n\n")
    for command, what in (
        (f"sitroom import FILE --db {path}", "an ACLED or UCDP GED CSV export, or sitroom JSON Lines"),
        (f"sitroom ingest REPORT --db {path}", "the events a written report states (text or Markdown)"),
        (f"sitroom fronts --db {path}", "then: the fronts the events landed on (yours, or each province's)"),
    ):
        text.append(f"  {command}\n", style="bold")
        text.append(f"      {what}\n")
    text.append("\nThis screen gives way to the events as soon as they arrive. ", style="dim")
    text.append("q", style="bold")
    text.append(" quits, ", style="dim")
    text.append("?", style="bold")
    text.append(" is help.", style="dim")
    return text


class Welcome(Static):
    def show_for(self, store: Path) -> None:
        self.update(welcome_text(store))
