"""The review screen (`sitroom ingest REPORT --review`, `sitroom review SOURCE_ID`): the report's text
beside its candidate events; each event's sentence highlighted as the cursor moves, its fields and the
happenings of other sources it may join (and why) below. Decisions stay on screen until `w` writes
them (Store.land_review, in a worker); only accepted events land."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text
from sitroom.db import (
    ACCEPT,
    DROP,
    NEW,
    Decision,
    Fields,
    Landed,
    Proposal,
    Review,
    ReviewItem,
    Store,
    review_blank,
)
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from . import review_render as draw
from .review_dialogs import ConfirmQuit, ReviewHelp
from .review_edit import ReviewEdit
from .review_render import State
from .review_text import ReportText

NARROW = 100  # columns: below this the panes stack


class ReviewScreen(Screen[None]):
    """Reviews `review`; `reload` reads it again from the store after a write."""

    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("a", "verdict('accept')", "Accept"),
        Binding("d", "verdict('drop')", "Drop"),
        Binding("u", "verdict('')", "Undecide", show=False),
        Binding("e", "edit", "Edit"),
        Binding("n", "add", "Add"),
        Binding("l", "links", "Link"),
        Binding("w", "write", "Write"),
        Binding("A", "accept_rest", "Accept the rest", show=False),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        # Priority: the arrows pick a sentence too, where the text pane would scroll.
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
        Binding("enter", "pick", "Pick this sentence", show=False),
        Binding("escape", "back", "Back", show=False),
    ]

    class Loaded(Message):
        """Proposals for one item as edited."""

        def __init__(self, key: str, fields: Fields, proposals: list[Proposal]) -> None:
            super().__init__()
            self.key, self.fields, self.proposals = key, fields, proposals

    class Written(Message):
        def __init__(self, landed: Landed, review: Review) -> None:
            super().__init__()
            self.landed, self.review = landed, review

    def __init__(self, store: Store, review: Review, reload: Callable[[], Review],
                 short: dict[str, str], names: dict[str, str]) -> None:
        super().__init__()
        self.store, self.reload, self.short, self.names = store, reload, short, names
        self.review = review
        self.items: list[ReviewItem] = []
        self.states: dict[str, State] = {}
        self.links: dict[tuple[str, Fields], list[Proposal]] = {}
        self.picking: int | None = None  # the sentence being picked for a new event
        self.added = 0
        self.width_drawn = 0  # of the rows on screen
        self.written: Landed | None = None  # the last write, until the next decision
        self._take(review)

    def _take(self, review: Review) -> None:
        """Start from `review`: stored accepted events as accepted, the rest undecided."""
        self.review = review
        self.items = list(review.items)
        self.states = {i.key: State(draw.first_verdict(i), i.fields) for i in self.items}
        self.links.clear()

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        with Horizontal(id="review-main"):
            yield ReportText(self.review.text, id="review-text")
            with Vertical(id="review-side"):
                yield OptionList(id="review-list")
                yield Static(id="review-item")
                yield OptionList(id="review-links")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-text").border_title = "Report"
        self.query_one("#review-list").border_title = "Events"
        self.query_one("#review-links").border_title = "Happening"
        self._fill()
        self.query_one("#review-list").focus()
        self._fit(self.app.size.width)

    def on_resize(self) -> None:
        self._fit(self.app.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")
        self._fill()
        self.call_after_refresh(self._fill)  # again once the list has its new width

    def _row_width(self) -> int:
        """The list's width inside its border; before the first layout, what the stylesheet gives it."""
        shown = self.query_one("#review-list", OptionList).scrollable_content_region.width
        width = self.app.size.width
        return shown - 1 if shown > 10 else (width - 4 if width < NARROW else width * 3 // 5 - 4)

    # -- drawing ----------------------------------------------------------------------------------

    @property
    def current(self) -> ReviewItem | None:
        at = self.query_one("#review-list", OptionList).highlighted
        return self.items[at] if at is not None and at < len(self.items) else None

    def unsaved(self) -> int:
        return draw.pending(self.items, self.states)

    def _fill(self) -> None:
        """Redraw the list, keeping the cursor where it was."""
        options = self.query_one("#review-list", OptionList)
        at = options.highlighted
        width = self.width_drawn = self._row_width()
        options.set_options([Option(draw.row(i, self.states[i.key], self.short, width), id=i.key)
                             for i in self.items])
        if self.items:
            options.highlighted = min(at or 0, len(self.items) - 1)
        self._show()

    def _title(self) -> None:
        r = self.review
        verdicts = [self.states[i.key].verdict for i in self.items]
        counts = (f"{len(self.items)} events: {verdicts.count(ACCEPT)} accepted, {verdicts.count(DROP)} "
                  f"dropped, {verdicts.count(None)} undecided")
        pending = self.unsaved()
        status = (f"{pending} unsaved" if pending else "written" if self.written else
                  "in the store" if r.ingested else "nothing written yet")
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(f"{counts} · {status}", style="bold")
        title.append(f" · {r.title} · {r.date} · {r.source_id}")
        self.query_one("#review-title", Static).update(title)

    def _show(self) -> None:
        """The title, the text with the current sentence highlighted, the item and its links."""
        self._title()
        item = self.current
        spans = [i.span for i in self.items if i.span]
        if self.picking is not None:
            mark, style = self.review.sentences[self.picking], draw.PICKING
        else:
            mark, style = (item.span if item else None), draw.CURRENT
        self.query_one(ReportText).mark(mark, spans, style)
        box = self.query_one("#review-item", Static)
        if item is None:
            box.update("")
            self._links(None)
            return
        state = self.states[item.key]
        box.update(draw.fields_text(item, state, self.short))
        self._links(item)

    def _links(self, item: ReviewItem | None) -> None:
        links = self.query_one("#review-links", OptionList)
        if item is None:
            links.clear_options()
            return
        state = self.states[item.key]
        found = self.links.get((item.key, state.fields))
        if found is None:
            links.set_options([Option("looking for happenings it may be one with…", disabled=True)])
            self.run_worker(partial(self._propose, item, state.fields), thread=True, group="links",
                            exclusive=True, exit_on_error=False)
            return
        at = links.highlighted
        width = max(30, links.size.width - 4 or self.app.size.width - 8)
        options = [Option(draw.proposal_text(n, p, state.link == p.lead, width), id=p.lead)
                   for n, p in enumerate(found, 1)]
        if not found:
            options.append(Option("No happening of another source matches it.", disabled=True))
        options += [Option(draw.choice_text(draw.APART, state.link == NEW), id=NEW),
                    Option(draw.choice_text(draw.AUTO + (" (its best match)" if found else ""),
                                            state.link is None), id="auto")]
        links.set_options(options)
        links.highlighted = at if at is not None and at < len(options) else None
        links.border_title = f"Happening · {len(found)} proposed" + (
            "" if state.verdict == ACCEPT else " · applies once accepted")

    def _propose(self, item: ReviewItem, fields: Fields) -> None:
        self.post_message(self.Loaded(item.key, fields, self.store.proposals(item, self.review, fields)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.links[(message.key, message.fields)] = message.proposals
        item = self.current
        if item is not None and item.key == message.key:
            self._links(item)

    @on(OptionList.OptionHighlighted, "#review-list")
    def _moved(self) -> None:
        self._show()

    # -- deciding ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            return self.picking is not None
        # Picking a sentence: only moving, picking, leaving and help.
        return self.picking is None or action in ("move", "back", "quit", "help")

    def _decided(self) -> None:
        self.written = None
        options = self.query_one("#review-list", OptionList)
        if self._row_width() != self.width_drawn:  # the list was laid out anew: every row again
            self._fill()
        elif (item := self.current) is not None and options.highlighted is not None:
            prompt = draw.row(item, self.states[item.key], self.short, self.width_drawn)
            options.replace_option_prompt_at_index(options.highlighted, prompt)
        self._show()

    def action_verdict(self, verdict: str) -> None:
        item = self.current
        if item is None:
            return
        self.states[item.key].verdict = verdict or None
        self._decided()
        if verdict:
            self.action_move(1)

    def action_accept_rest(self) -> None:
        for state in (s for s in self.states.values() if s.verdict is None):
            state.verdict = ACCEPT
        self._fill()

    def action_move(self, step: int) -> None:
        if self.picking is not None:
            self.picking = max(0, min(len(self.review.sentences) - 1, self.picking + step))
            self._show()
            return
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_down() if step > 0 else focused.action_cursor_up()
        elif isinstance(focused, VerticalScroll):
            focused.scroll_relative(y=step, animate=False)

    def action_edit(self) -> None:
        item = self.current
        if item is None:
            return
        state = self.states[item.key]

        def edited(fields: Fields | None) -> None:
            if fields is not None:
                state.fields = fields
                if state.verdict is None and fields != item.fields:  # an edit means keep it, as edited
                    state.verdict = ACCEPT
                self._decided()

        self.app.push_screen(ReviewEdit(self.review, state.fields, item.sentence, self.short, self.names),
                             edited)

    def action_add(self) -> None:
        """Pick a sentence in the text (j/k, enter), then fill the form: a new, accepted event."""
        if not self.review.sentences:
            self.notify("The report has no sentence to add an event for.", severity="warning")
            return
        item = self.current
        start = item.span[0] if item and item.span else 0
        self.picking = next((n for n, s in enumerate(self.review.sentences) if s[1] > start), 0)
        self.query_one("#review-text").border_title = "Report · pick the sentence (j/k, enter; esc cancels)"
        self.query_one("#review-text").focus()
        self.refresh_bindings()
        self._show()

    def action_pick(self) -> None:
        if self.picking is None:
            return
        blank = review_blank(self.review, self.review.sentences[self.picking], self.added)
        self.action_back()

        def added(fields: Fields | None) -> None:
            if fields is None:
                return
            self.added += 1
            at = next((n for n, i in enumerate(self.items) if i.span and blank.span
                       and i.span[0] > blank.span[0]), len(self.items))
            self.items.insert(at, blank)
            self.states[blank.key] = State(ACCEPT, fields)
            self.written = None
            self._fill()
            self.query_one("#review-list", OptionList).highlighted = at

        self.app.push_screen(ReviewEdit(self.review, blank.fields, blank.sentence, self.short, self.names,
                                        title="a new event for this sentence"), added)

    def action_back(self) -> None:
        if self.picking is not None:
            self.picking = None
            self.query_one("#review-text").border_title = "Report"
            self.refresh_bindings()
        self.query_one("#review-list").focus()
        self._show()

    def action_links(self) -> None:
        links = self.query_one("#review-links", OptionList)
        links.focus()
        if links.highlighted is None and links.option_count:
            links.highlighted = next((n for n in range(links.option_count)
                                      if not links.get_option_at_index(n).disabled), None)

    @on(OptionList.OptionSelected, "#review-links")
    def _link_chosen(self, event: OptionList.OptionSelected) -> None:
        item = self.current
        if item is None:
            return
        choice = event.option.id
        state = self.states[item.key]
        state.link = None if choice == "auto" else choice
        state.verdict = ACCEPT if state.verdict is None and state.link else state.verdict  # keep it
        self.query_one("#review-list").focus()
        self._decided()

    # -- writing and leaving ---------------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        return [Decision(i, s.verdict, s.fields if s.fields != i.fields else None, s.link)
                for i in self.items for s in (self.states[i.key],)]

    def action_write(self) -> None:
        if not self.unsaved():
            self.notify("Nothing to write: accept, drop, edit or link an event first.")
            return
        self.notify("Writing…", timeout=2)
        self.run_worker(self._write, thread=True, group="write", exclusive=True, exit_on_error=False)

    def _write(self) -> None:
        landed = self.store.land_review(self.review, self.decisions())
        self.post_message(self.Written(landed, self.reload()))

    @on(Written)
    async def _was_written(self, message: Written) -> None:
        done = message.landed
        self._take(message.review)
        await self.query_one(ReportText).retext(message.review.text)
        self.written = done
        self.app.written = done  # type: ignore[attr-defined]
        self._fill()
        self.notify(draw.landed_text(done), title="written", timeout=8)

    def action_help(self) -> None:
        self.app.push_screen(ReviewHelp())

    def action_quit(self) -> None:
        if not (pending := self.unsaved()):
            self.app.exit()
            return
        def answer(leave: bool | None) -> None:  # True: leave; None: write first; False: stay
            self.app.exit() if leave else self.action_write() if leave is None else None

        self.app.push_screen(ConfirmQuit(pending), answer)

