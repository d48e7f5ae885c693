"""Linking by hand (issue 18): `l` marks a happening, then `l` on another joins the two; `u` takes
one source's account out of the highlighted happening. A mixin of SitroomApp (app.py); the store's
writes run in a worker, and the screen reloads from the store when they are done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.db import HappeningError, Store

from .loading import Notice
from .screens import AccountPicker

if TYPE_CHECKING:
    from .app import SitroomApp

    _Base = SitroomApp
else:
    _Base = object


class Linking(_Base):
    def action_link(self) -> None:
        """`l`: mark the highlighted happening (the timeline shows the mark), cancel the mark on it, or
        join it with the marked one."""
        current, marked = self.timeline.current, self.timeline.marked
        if current is None:
            return
        if marked is None:
            self.timeline.mark(current)
            self.notify("Marked (⇄). Move to the event that reports the same happening and press l to "
                        "link them; l here again cancels.", title="Link")
        elif marked == current:
            self.timeline.mark(None)
            self.notify("Link cancelled.", title="Link")
        else:
            self.timeline.mark(None)
            self._start("links", self._edit_links, "join_events", marked, current)

    def action_unlink(self) -> None:
        shown = self.detail.shown
        if shown is None or shown.row.id != self.timeline.current:
            return  # its detail is on its way: the key does nothing rather than act on another event
        if len(shown.accounts) < 2:
            self.notify("Only one source reports this happening: there is nothing to split.",
                        title="Split", severity="warning")
            return

        def chosen(event_id: str | None) -> None:
            if event_id:
                self._start("links", self._edit_links, "split_event", event_id)

        self.push_screen(AccountPicker(shown.accounts), chosen)

    def _edit_links(self, how: str, *ids: str) -> None:
        """In a worker: change the links, say what happened, and show the store as it now is."""
        store: Store = self.store
        try:
            lead = getattr(store, how)(*ids)
        except HappeningError as err:
            self.post_message(Notice(str(err), title="Link", severity="warning"))
            return
        joined = store.event(lead) if how == "join_events" else None
        sources = len(joined.accounts) if joined else 1
        words = (f"Linked: one happening, {sources} sources." if how == "join_events"
                 else "Split: that account stands alone now.")
        self.post_message(Notice(words, title="Link"))
        self.loader.reference(changed=True)
        self.call_from_thread(self._forget_detail)

    def _forget_detail(self) -> None:
        self.detail.event_id = None  # the counts and accounts it shows have changed: fetch it again
        self.show_event(self.timeline.current)
