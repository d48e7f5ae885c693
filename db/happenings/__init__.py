"""Happenings: the events of different sources that describe the same thing that happened, linked.

Nothing is deleted and every source's event keeps its own date, certainty, wording and sentence. One
event of each happening leads it (events.happening IS NULL); the others name it (events.happening =
the lead's id). Timeline, counts, tallies, histogram and map count leads, so each happening once.
"""

from .editing import HappeningError, join, split
from .linking import Linked, link_queued, read_window, relink, write_window
from .matching import DEFAULT_WINDOW, Window

__all__ = ["DEFAULT_WINDOW", "HappeningError", "Linked", "Window", "join", "link_queued", "read_window",
           "relink", "split", "write_window"]
