"""`sitroom review SOURCE_ID`: a stored report's events, opened again on the review screen; and the
part of `sitroom ingest REPORT --review` that runs the screen. Both need a terminal."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from sitroom.db import Review, ReviewError, Store, StoreError

from .output import failed, say, shown
from .stores import open_store, write_failure


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="review a stored report's events again (accept, drop, edit, link)")
    p.add_argument("source", metavar="SOURCE_ID", help="the report's source id (report-…), as ingest says it")
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")


def in_a_terminal() -> bool:
    """Whether a person can drive the screen: a terminal on both ends, and not a CI job."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


NEEDS_A_TERMINAL = "reviewing needs a terminal to show the screen in; run it in one"


def run_screen(command: str, store: Store, read: Callable[[], Review], about: str = "") -> int:
    """Run the review screen on `store`; say what was written; the exit code (README)."""
    from ..screens.review_app import ReviewApp  # imported late: Textual only when a screen is shown

    app = ReviewApp(store, read)
    try:
        code = app.run()
    finally:
        store.close()
    if app.failure is not None:
        return failed(command, f"{about}: {app.failure}" if about else app.failure)
    done = app.written
    if done is None:
        say("nothing was written.")
        return 2
    say(f"{done.accepted} events reviewed in the store, {done.removed} removed, {done.joined} joined by "
        "hand, "
        f"{done.apart} kept apart (source {shown(done.source_id)}).")
    return code if code in (0, 1) else 0


def run(args: argparse.Namespace) -> int:
    if not in_a_terminal():
        return failed("review", NEEDS_A_TERMINAL)
    store = open_store(args.db)
    try:
        store.review_source(args.source)  # a wrong id is said here, before any screen is drawn
    except (ReviewError, StoreError) as e:
        store.close()
        return failed("review", shown(e))
    except sqlite3.Error as e:
        store.close()
        return failed("review", write_failure(store.path, e))
    return run_screen("review", store, lambda: store.review_source(args.source))
