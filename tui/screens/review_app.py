"""The app `sitroom ingest --review` and `sitroom review` run: it reads the review in a worker (a long
report takes a moment to extract; the screen says so meanwhile), then shows the review screen. Its
return value is the exit code: 0 written, 1 written with extracted events left undecided (they did not
land), 2 nothing written."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from rich.text import Text
from sitroom.db import IngestError, Landed, Review, ReviewError, Store, StoreError
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerCancelled, WorkerState

from .review import ReviewScreen


class ReviewApp(App[int]):
    CSS_PATH = "../sitroom.tcss"
    TITLE = "sitroom review"
    BINDINGS = [Binding("q", "quit_now", "Quit", show=False)]

    class Ready(Message):
        def __init__(self, review: Review, short: dict[str, str], names: dict[str, str]) -> None:
            super().__init__()
            self.review, self.short, self.names = review, short, names

    def __init__(self, store: Store, read: Callable[[], Review]) -> None:
        super().__init__()
        self.store, self.read = store, read
        self.written: Landed | None = None
        self.failure: str | None = None  # why the review could not be read, for the command line

    def compose(self) -> ComposeResult:
        yield Static(Text("Reading the report…"), id="review-wait")
        yield Footer()

    def on_mount(self) -> None:
        self.run_worker(self._read, thread=True, group="read", exit_on_error=False)

    def _read(self) -> None:
        review = self.read()
        factions = self.store.factions()
        short = {f.slug: f.short for f in factions}
        names = {k.casefold(): f.slug for f in factions for k in (f.slug, f.short, f.name)}
        self.post_message(self.Ready(review, short, names))

    @on(Ready)
    def _review_ready(self, message: Ready) -> None:
        self.push_screen(ReviewScreen(self.store, message.review, self.read, message.short, message.names))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failure is said in words: reading ends the app (the command line says why); a write that
        failed leaves the decisions on screen to try again."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        words = str(error) if isinstance(error, (IngestError, ReviewError, StoreError)) else (
            f"{type(error).__name__}: {error}")
        if event.worker.group == "read":
            self.failure = words
            self.exit(2)
        else:
            self.notify(words, title="not written", severity="error", timeout=10)

    def action_quit_now(self) -> None:  # before the review is on screen there is nothing to lose
        self.exit()

    def exit(self, result: int | None = None, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        if result is None:
            result = self.exit_code_now()
        super().exit(result, *args, **kwargs)  # type: ignore[arg-type]

    def exit_code_now(self) -> int:
        if self.written is None:
            return 2
        screen = next((s for s in self.screen_stack if isinstance(s, ReviewScreen)), None)
        undecided = screen is not None and any(
            screen.states[i.key].verdict is None and i.stored is None for i in screen.items)
        return 1 if undecided else 0

    async def settled(self) -> None:
        """Until no worker is running and their messages are handled (tests)."""
        while True:
            await asyncio.sleep(0.01)
            running = [w for w in self.workers if not w.is_finished]
            if not running:
                await asyncio.sleep(0.02)
                if not any(not w.is_finished for w in self.workers):
                    return
            else:
                # A proposal's worker replaced by a newer one (exclusive group) ends cancelled: expected.
                with contextlib.suppress(WorkerCancelled):
                    await self.workers.wait_for_complete(running)
