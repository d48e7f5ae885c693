"""`sitroom export`: the events under a filter as CSV, JSON Lines, GeoJSON or a Markdown brief.

The filter is checked before any file is touched; a file is written aside and renamed into place.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys

from sitroom.db import EventFilter, FilterError

from ..files import Refused, check_target, replacing
from .output import Cleaned, failed, shown, warn
from .stores import open_store

BOM = "\ufeff"  # UTF-8's byte-order mark, for Excel (--bom)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        try:
            f = EventFilter(fronts=args.front, factions=args.faction, places=args.place,
                            sources=args.source, types=args.type, certainty=args.certainty, since=args.since,
                            until=args.until, text=args.search)
            store.page(f, limit=1)  # a filter the store cannot run is refused before any writing
        except FilterError as e:
            return failed("export", f"{e}; nothing was written")
        if args.bom and args.format != "csv":
            return failed("export", f"--bom is for --format csv (a {args.format} reader does not expect "
                                    "one); nothing was written")
        # A mark only when asked: most programs that read UTF-8 (csv modules, pandas, cut, cat) take it
        # as part of the first column's name, and standard output is mostly piped to them.
        mark = BOM if args.bom else ""
        if args.output is None or str(args.output) == "-":  # "-": standard output, as for most tools
            return _to_stdout(store, f, args.format, mark)
        name = shown(args.output)
        try:
            check_target(args.output, store=store.path, force=args.force)
        except Refused as e:
            return failed("export", f"{name}: {e}; nothing was written")
        try:
            with replacing(args.output) as handle:
                handle.write(mark)
                count = store.export(f, args.format, handle)
        except OSError as e:
            return failed("export", f"cannot write {name}: {e.strerror or e}; nothing was written")
        except KeyboardInterrupt:
            return failed("export", f"interrupted; {name} was not written")
        warn(f"exported {count:,} events to {name}")
        return 0
    finally:
        store.close()


def _to_stdout(store, f: EventFilter, fmt: str, mark: str = "") -> int:
    try:
        sys.stdout.write(mark)  # past the cleaning, which would drop it as a format character
        store.export(f, fmt, Cleaned(sys.stdout))  # type: ignore[arg-type]
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (head, less) stopped early: not an error. Keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as e:
        reason = "the disk is full" if e.errno == errno.ENOSPC else (e.strerror or str(e))
        # What could not be flushed must not be flushed again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return failed("export", f"cannot write to standard output: {reason}")
    return 0
