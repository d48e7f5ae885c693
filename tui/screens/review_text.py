"""The review screen's report pane: the report's paragraphs, its candidates' sentences underlined and
the current one highlighted. It owns what each paragraph was last drawn with, so that a move redraws
only the one or two paragraphs whose marks changed (each update lays the pane out anew: redrawing every
paragraph on every j/k made the cursor lag on a long report)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from . import review_render as draw

Span = tuple[int, int]
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def paragraphs_of(text: str) -> list[tuple[int, str]]:
    """Each paragraph's start in the text and its lines (one blank line or more parts them)."""
    return [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]


class ReportText(VerticalScroll):
    """The report, paragraph by paragraph (Statics `#para-N`, class `para`)."""

    def __init__(self, text: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.paragraphs = paragraphs_of(text)
        self._drawn: dict[int, object] = {}  # paragraph → the marks it was last drawn with

    def compose_paragraphs(self) -> list[Static]:
        return [Static(id=f"para-{n}", classes="para") for n, _ in enumerate(self.paragraphs)]

    def compose(self) -> ComposeResult:
        yield from self.compose_paragraphs()

    async def retext(self, text: str) -> None:
        """Show another text (a stored report's is its events' sentences: it changes once written)."""
        paragraphs = paragraphs_of(text)
        if paragraphs == self.paragraphs:
            return
        self.paragraphs, self._drawn = paragraphs, {}
        await self.remove_children()
        await self.mount_all(self.compose_paragraphs())

    def mark(self, mark: Span | None, spans: Sequence[Span], style: str) -> None:
        """Underline `spans`, highlight `mark` in `style`, and bring its paragraph to the middle."""
        shown = None
        for n, (start, text) in enumerate(self.paragraphs):
            end = start + len(text)
            key = (tuple(s for s in spans if s[0] < end and s[1] > start),
                   (mark, style) if mark and mark[0] < end and mark[1] > start else None)
            para = self.query_one(f"#para-{n}", Static)
            if self._drawn.get(n) != key:
                self._drawn[n] = key
                para.update(draw.paragraph(text, start, mark, spans, style))
            if mark and start <= mark[0] < end + 1:
                shown = para
        if shown is not None:
            self.scroll_to_center(shown, animate=False)
