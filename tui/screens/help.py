"""The help screen (`?`): every key, in one place."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("Moving", (
        ("↑ ↓  j k", "move in the focused pane"),
        ("g  G", "first / last row (the last loaded: more load as you go)"),
        ("ctrl+d  ctrl+u", "half a page down / up"),
        ("tab  shift+tab", "next / previous pane"),
        ("F", "the fronts: under 100 columns they open in the event's place (tab too); enter or esc returns"),
        ("space", "in the fronts: add the highlighted front to the fronts shown together, or take it out ✓"),
        ("0", "all fronts (and no fronts chosen together)"),
        ("1 – 9", "jump to a front"),
        ("enter", "open the highlighted event full-screen (esc to return)"),
    )),
    ("The event", (
        ("j k", "opened full-screen: the next / previous event (↑ ↓ scroll it)"),
        ("y", "copy it: date, place, sides, certainty, summary, source sentence, source, URL"),
        ("o", "open its source's web address in your browser (http and https only)"),
        ("l", "link: mark this happening (⇄), then l on another that reports the same to join them"),
        ("u", "split: take one source's account out of this happening (it then stands alone)"),
    )),
    ("Filtering", (
        ("f", "filter by faction, event type, certainty, place and source"),
        ("/", "search the text as you type (enter keeps it, esc drops it)"),
        ("n  N", "the next / previous event the search matches"),
        ("s", "statistics: counts by faction, type, certainty, front, month (enter filters)"),
        ("x", "clear every filter: factions, types, certainty, places, sources, search, dates and the as-of "
              "date (the fronts shown stay: 0 is all fronts)"),
        ("e", "export what the timeline shows to a CSV file in the working directory"),
    )),
    ("Time and place", (
        ("[  ]", "as of one day earlier / later: timeline, counts and map show that day"),
        ("t", "type the as-of date (empty: back to the latest)"),
        ("m", "show or hide the map: who holds what on that day, the latest events"),
    )),
    ("Reviewing a report", (
        ("sitroom ingest REPORT --review", "a report's candidate events beside its text, before they land"),
        ("sitroom review SOURCE_ID", "a stored report's events again (its id: the event's Source line)"),
        ("a d e n l w", "there: accept, drop, edit, add for a sentence, choose the happening, write"),
    )),
    ("Everything else", (
        ("ctrl+p", "command palette: jump to a front, faction or place"),
        ("?", "this help"),
        ("q", "quit (the front and filter are remembered)"),
    )),
)

LEGEND = (
    ("● confirmed", "the source reports it as fact"),
    ("◐ claimed", "a party says it happened; not confirmed"),
    ("○ rumoured", "reported only as a rumour"),
    ("⊘ denied  ◑ disputed", "a party denies it · one source denies what another reports"),
    ("×2", "a happening two sources report: counted once (enter lists each source's account)"),
    ("SAA ▸ ISIS", "who acted ▸ against whom; A+B acted together"),
    ("UKR-Mil'19", "a force of one era: from 2019 on (AFG-Mil'04-21: 2004 to 2021)"),
    ("~name", "not a place of the gazetteer: an area, or a place only the source names"),
    ("[x] [·] [ ]", "chosen · included through its parent · not chosen"),
    ("G S I A", "on the map: a place held by Government, SDF, ISIS, Armed opposition"),
    ("● •  ◉", "on the map: 3+ / 1–2 of the latest events there · the selected event"),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        # A modal screen hides the app's keys: these are the app's, moving in the help.
        Binding("g", "app.first", "Top", show=False),
        Binding("G", "app.last", "Bottom", show=False),
        Binding("ctrl+d", "app.half_page(1)", "Half page down", show=False),
        Binding("ctrl+u", "app.half_page(-1)", "Half page up", show=False),
    ]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold #56B4E9", no_wrap=True)
        table.add_column()
        for section, rows in KEYS:
            table.add_row(Text(section, style="bold underline"), "")
            for key, what in rows:
                table.add_row(Text(key), Text(what))
            table.add_row("", "")
        table.add_row(Text("Reading the screen", style="bold underline"), "")
        for key, what in LEGEND:
            table.add_row(Text(key), Text(what))
        with VerticalScroll(id="help"):
            yield Static(table)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "sitroom — keys"

    def action_scroll(self, lines: int) -> None:
        help_ = self.query_one("#help", VerticalScroll)
        help_.scroll_to(y=help_.scroll_y + lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
