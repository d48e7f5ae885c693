"""The timeline pane: a day histogram over the events of the selected front, newest first.

Rows arrive a page at a time; when the cursor nears the last loaded row the pane asks for the next page
with a NeedMore message, so only what the user scrolls to is ever fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.text import Text
from sitroom.db import Bloc, Cursor, EventRow, Facets, Faction, Page
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import DataTable, Static

from .. import layout, render

# The columns' widths follow the pane's width (layout.column_widths): every column but the summary
# always shows, and the summary takes what is left, so nothing hides behind a sideways scroll.
LABELS = {"date": "Date", "place": "Place", "who": "Who", "certainty": "Certainty", "type": "Type",
          "summary": "Summary"}
PREFETCH = 20  # rows from the end at which the next page is requested
# The happening `l` marked for linking: a glyph before its place and the whole row in its own colour,
# so it reads as marked with the cursor elsewhere and without colour; the pane's subtitle says it too.
MARK_GLYPH = "⇄ "
MARK_STYLE = "bold #000000 on #E69F00"


@dataclass(frozen=True)
class Heading:
    """The timeline's border title: the front, how many events (None while counting), the as-of day."""

    front: str
    as_of: str | None = None
    total: int | None = None
    estimated: bool = False  # the total is an estimate from a sample; the exact count follows

    def text(self) -> Text:
        if self.total is None:
            count = "counting…"
        elif self.estimated:
            count = f"≈{render.plural(self.total, 'event')}, estimated; counting…"
        else:
            count = render.plural(self.total, "event")
        title = Text(f"{self.front} · {count}")
        if self.as_of:
            title.append(" · as of ")
            title.append(self.as_of, style="bold reverse")
        title.append(" · newest first")
        return title


@dataclass(frozen=True)
class Histogram:
    """What the day histogram draws: events per bucket, stacked by side in the blocs' colours."""

    buckets: Mapping[str, int] = field(default_factory=dict)
    bucket: str = "day"
    undated: int = 0
    sides: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    blocs: tuple[Bloc, ...] = ()
    sample: int = 0
    unconfirmed: Mapping[str, int] = field(default_factory=dict)  # claimed or rumoured, not by side
    counting: bool = False  # the view changed and its counts are not in: no bars of another view

    @classmethod
    def pending(cls, blocs: tuple[Bloc, ...]) -> Histogram:
        return cls(blocs=blocs, counting=True)

    @classmethod
    def of(cls, facets: Facets, blocs: tuple[Bloc, ...]) -> Histogram:
        return cls(facets.buckets, facets.bucket, facets.undated, facets.sides, blocs, facets.sample,
                   facets.unconfirmed)

    def text(self, width: int, rows: int = 3) -> Text:
        if self.counting:  # as tall as the bars, their scale and legend, so the rows below stay put
            return Text("counting…" + "\n" * (rows + 1), style="dim italic")
        return render.histogram(self.buckets, self.bucket, self.undated, width, self.sides, self.blocs,
                                height=rows, sample=self.sample, unconfirmed=self.unconfirmed)


def marked_cells(cells: tuple[Text, ...]) -> tuple[Text, ...]:
    """A row's cells as the row `l` marked shows them: the glyph before the place, all in MARK_STYLE."""
    out = []
    for n, cell in enumerate(cells):
        text = Text(MARK_GLYPH) + cell if n == 1 else cell.copy()
        text.stylize(MARK_STYLE)
        text.no_wrap, text.overflow = True, "ellipsis"
        out.append(text)
    return tuple(out)


class EventTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select_cursor", "Open"),
        # At 80 columns, where the fronts pane is hidden, tab opens it (elsewhere tab is the screen's).
        Binding("tab", "app.tab_fronts", "Fronts", show=False),
        # Rows, not columns: the columns always fit, so there is nothing sideways to go to.
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]


class Timeline(Vertical):
    heading: var[Heading | None] = var(None, init=False)
    histogram: var[Histogram] = var(Histogram, init=False)
    short: var[bool] = var(False, init=False)  # few rows: the histogram's bars are one row high

    class NeedMore(Message):
        def __init__(self, after: Cursor) -> None:
            super().__init__()
            self.after = after

    class EventHighlighted(Message):
        def __init__(self, event_id: str | None) -> None:
            super().__init__()
            self.event_id = event_id

    class EventOpened(Message):
        def __init__(self, event_id: str) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.next: Cursor | None = None
        self.waiting = False  # a NeedMore is out and unanswered
        self.widths: dict[str, int] = {}
        self.marked: str | None = None  # the event `l` marked, to link with the next
        self._unmarked: tuple[Text, ...] = ()  # the marked row's own cells, to put back
        self.rows: dict[str, EventRow] = {}  # the rows on show, by event id: the detail's first lines

    def compose(self) -> ComposeResult:
        yield Static(id="histogram")
        yield EventTable(id="events", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give the columns the widths the pane's width allows; the rows and cursor stay."""
        widths = layout.column_widths(self.size.width)
        if widths == self.widths:
            return
        self.widths = widths
        table = self.table
        rows = [(key.value, table.get_row(key)) for key in table.rows]
        cursor = table.cursor_row
        table.clear(columns=True)
        for key, label in LABELS.items():
            table.add_column(label, key=key, width=widths[key])
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if rows:
            table.move_cursor(row=cursor, animate=False, scroll=True)

    @property
    def table(self) -> EventTable:
        return self.query_one(EventTable)

    @property
    def event_ids(self) -> list[str]:
        return [str(k.value) for k in self.table.rows]

    @property
    def current(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)

    def show(self, page: Page, factions: Mapping[str, Faction], keep: str | None = None) -> str | None:
        """Replace the rows with the first page, keeping the cursor on `keep` if it is there; return
        the event the cursor is on."""
        table = self.table
        table.clear()
        self.rows = {}
        self.next, self.waiting = page.next, False
        self._add(page.rows, factions)
        ids = self.event_ids
        row = ids.index(keep) if keep in ids else 0
        if ids:
            table.move_cursor(row=row, animate=False, scroll=True)
        return ids[row] if ids else None

    def extend(self, page: Page, factions: Mapping[str, Faction]) -> None:
        self.next, self.waiting = page.next, False
        self._add(page.rows, factions)

    def _add(self, rows: tuple[EventRow, ...], factions: Mapping[str, Faction]) -> None:
        table = self.table
        for row in rows:
            self.rows[row.id] = row
            cells = render.event_cells(row, factions)
            if row.id == self.marked:
                self._unmarked, cells = cells, marked_cells(cells)
            table.add_row(*cells, key=row.id)

    def mark(self, event_id: str | None) -> None:
        """Mark the row of `event_id` as the one `l` will link (None: no row). The pane's subtitle
        names it, and stays while the row is scrolled away or filtered out."""
        table = self.table
        ids = set(self.event_ids)
        if self.marked in ids and self._unmarked:
            self._set_cells(self.marked, self._unmarked)
        self.marked, self._unmarked, subtitle = event_id, (), None
        if event_id in ids:
            self._unmarked = tuple(table.get_row(event_id))
            self._set_cells(event_id, marked_cells(self._unmarked))
            date, place = self._unmarked[0].plain, self._unmarked[1].plain
            subtitle = Text.assemble((f"{MARK_GLYPH}marked", MARK_STYLE),
                                     f" {place} {date} · l on another links · l on it cancels")
        self.border_subtitle = subtitle

    def _set_cells(self, event_id: str, cells: tuple[Text, ...]) -> None:
        for key, cell in zip(LABELS, cells, strict=True):
            self.table.update_cell(event_id, key, cell)

    def watch_heading(self, heading: Heading | None) -> None:
        self.border_title = heading.text() if heading else None

    def watch_histogram(self) -> None:
        width = max(10, self.size.width - 2)
        self.query_one("#histogram", Static).update(self.histogram.text(width, 1 if self.short else 3))

    def watch_short(self) -> None:
        self.watch_histogram()

    def on_resize(self) -> None:
        self.fit_columns()
        self.watch_histogram()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.EventHighlighted(str(event.row_key.value)))
        if (
            self.next is not None
            and not self.waiting
            and event.cursor_row >= self.table.row_count - PREFETCH
        ):
            self.waiting = True
            self.post_message(self.NeedMore(self.next))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.EventOpened(str(event.row_key.value)))
