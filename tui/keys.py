"""The browser's keys (app.SitroomApp.BINDINGS): what the footer names, in its order, and what only the
help screen lists."""

from __future__ import annotations

from textual.binding import Binding

# Actions the footer names only from 100 columns on. Each has two bindings on one key: the named one,
# which check_action turns off at 80 columns (False: Textual's public way to leave a binding out of the
# footer), and an unnamed one (show=False), which the key then falls through to: it works at any width.
WIDE_ONLY = frozenset({"export"})
FOOTER = "footer"  # the parameter of a WIDE_ONLY action's named binding
# The footer shows these in this order: help and quit first, so no width ever hides them; the
# rarest keys last, where a narrow footer ends (all are on the help screen).
KEYS: list[Binding] = [
    Binding("question_mark", "help", "Help"),
    Binding("q", "quit", "Quit"),
    # The fronts at every size: the pane focused, or at 80 columns shown in the event's place.
    Binding("F", "fronts", "Fronts"),
    Binding("f", "factions", "Filter"),
    Binding("slash", "search", "Search"),
    Binding("x", "clear_filters", "Clear"),
    Binding("m", "toggle_map", "Map"),
    Binding("left_square_bracket", "step_day(-1)", "Day", key_display="[ ]"),
    Binding("right_square_bracket", "step_day(1)", "Day +", show=False),
    Binding("t", "as_of", "As of", show=False),  # on the help screen: the footer fits 80 columns
    Binding("s", "stats", "Stats"),
    Binding("e", f"export('{FOOTER}')", "Export"),
    Binding("e", "export", "Export", show=False),  # at 80 columns, unnamed (WIDE_ONLY)
    *(Binding(str(n), f"jump({n})", f"Front {n}", show=False) for n in range(10)),
    # The habits people bring (habits.py); on the help screen, not in the footer.
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
    Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
    Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
    Binding("n", "next_match(1)", "Next match", show=False),
    Binding("N", "next_match(-1)", "Previous match", show=False),
    Binding("y", "copy_event", "Copy event", show=False),
    Binding("o", "open_source", "Open source", show=False),
    Binding("l", "link", "Link", show=False),
    Binding("u", "unlink", "Split", show=False),
]
