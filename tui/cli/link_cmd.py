"""`sitroom link`: how near events of different sources must be to be one happening, and linking the
whole store again under a new window (`--km`, `--days`); links set by hand in the browser stay."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitroom.db import StoreError, Window

from .output import failed, say
from .stores import open_store


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    link = sub.add_parser("link", help="show the window that links sources' events into happenings; "
                                       "--km/--days link the whole store again under another")
    link.add_argument("--km", type=float, metavar="KM", help="at most this far apart (0–100; default 5)")
    link.add_argument("--days", type=int, metavar="N",
                      help="at most this many days between their dates (0–31; default 1)")
    link.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        window = store.link_window()
        if args.km is None and args.days is None:
            say(f"events of different sources are one happening within {window.km:g} km and "
                f"{window.days} day(s) of each other (change it with --km and --days)")
            return 0
        try:
            wanted = Window(window.km if args.km is None else args.km,
                            window.days if args.days is None else args.days)
        except ValueError as e:
            return failed("link", f"{e}; nothing was changed")
        done = store.relink(wanted)
        say(f"linked again within {wanted.km:g} km and {wanted.days} day(s): {done.linked:,} of "
            f"{done.checked:,} events are another source's account of a happening")
        return 0
    except StoreError as e:
        return failed("link", str(e))
    finally:
        store.close()
