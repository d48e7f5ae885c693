"""`sitroom` with no command opens the browser; `import`, `ingest`, `export` and `fronts` work on a store.

Exit codes: 0 everything was done; 1 done, but bad rows were skipped (import) or the browser could
not open its store; 2 nothing was written (a file or store that cannot be used, a bad filter or front
definition, --strict).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sqlite3
import sys
from pathlib import Path

from sitroom.db import (
    CERTAINTIES,
    DEFAULT_MAX_KM,
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    StoreError,
    default_store_path,
)

from . import export_cmd, factions_cmd, fronts_cmd, import_cmd, ingest_cmd, link_cmd, review_cmd
from .output import failed, shown, warn
from .stores import open_store


def version() -> str:
    """The installed distribution's version (pyproject.toml is the one place it is written)."""
    try:
        return importlib.metadata.version("sitroom")
    except importlib.metadata.PackageNotFoundError:
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sitroom",
        description="A terminal situation room for armed-conflict events. Run `sitroom` alone to open "
                    "the browser on your store; the commands below bring data in and take it out.",
        epilog="Exit codes: 0 done; 1 done with bad rows skipped; 2 nothing written.")
    p.add_argument("--version", action="version", version=f"sitroom {version()}")
    db_help = (f"the store (default: {default_store_path()}, created from the bundled data on first run; "
               "a new path is a new, empty store)")
    p.add_argument("--db", type=Path, default=None, metavar="PATH", help=db_help)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import ACLED CSV, UCDP GED CSV, or sitroom's CSV or JSON Lines")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=sorted(IMPORT_FORMATS),
                     help="default: detected from the header (csv is sitroom's own CSV export)")
    imp.add_argument("--date-format", metavar="FORMAT",
                     help="how dates written with slashes read, e.g. %%d/%%m/%%Y or %%m/%%d/%%Y "
                          "(never guessed)")
    imp.add_argument("--strict", action="store_true", help="any bad row rejects the whole file")
    imp.add_argument("--max-km", type=float, default=DEFAULT_MAX_KM, metavar="KM",
                     help="how far outside a front's area an event may be and still join it "
                          f"(default {DEFAULT_MAX_KM:g})")
    imp.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                     help="the store; a new path creates a store with the reference data and no events")

    ing = sub.add_parser("ingest", help="extract the events of a written report (text or Markdown)")
    ing.add_argument("file", help="the report; - reads standard input")
    ing.add_argument("--date", metavar="YYYY-MM-DD",
                     help="the report's date; it wins over the page's own (the same report stored before "
                          "under another date has its events replaced)")
    ing.add_argument("--source", metavar="TITLE", help="the source's title (default: the first line)")
    ing.add_argument("--dry-run", action="store_true", help="show what would be added; add nothing")
    ing.add_argument("--json", action="store_true", help="JSON Lines: an event a line, then the unknowns")
    ing.add_argument("--why", action="store_true",
                     help="after the table, the words behind each event's fields (a dry run shows them)")
    ing.add_argument("--review", action="store_true",
                     help="decide each event on a screen first: only accepted ones land (needs a terminal)")
    ing.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")

    exp = sub.add_parser("export", help="export the events under a filter")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    exp.add_argument("--output", "-o", type=Path, metavar="FILE",
                     help='the file to write; "-" (or none given) means standard output')
    exp.add_argument("--force", action="store_true", help="replace the output file if it exists")
    exp.add_argument("--bom", action="store_true",
                     help="start a CSV with a UTF-8 byte-order mark, which Excel on Windows needs to show "
                          "non-ASCII names right (sitroom import reads the file either way)")
    exp.add_argument("--front", action="append", default=[], metavar="SLUG")
    exp.add_argument("--faction", action="append", default=[], metavar="SLUG",
                     help="a parent faction includes its units")
    exp.add_argument("--place", action="append", default=[], metavar="ID")
    exp.add_argument("--source", action="append", default=[], metavar="ID",
                     help="a source's id (the detail pane and the filter picker show them)")
    exp.add_argument("--type", action="append", default=[], metavar="TYPE")
    exp.add_argument("--certainty", action="append", default=[], choices=CERTAINTIES)
    exp.add_argument("--since", metavar="YYYY-MM-DD")
    exp.add_argument("--until", metavar="YYYY-MM-DD")
    exp.add_argument("--search", default="", metavar="TEXT")
    exp.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")
    fronts_cmd.add_parser(sub)
    factions_cmd.add_parser(sub)
    link_cmd.add_parser(sub)
    review_cmd.add_parser(sub)
    return p


COMMANDS = {"import": import_cmd.run, "ingest": ingest_cmd.run, "export": export_cmd.run,
            "factions": factions_cmd.run, "fronts": fronts_cmd.run, "link": link_cmd.run,
            "review": review_cmd.run}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = args.command or "browse"
    try:
        if args.command:
            return COMMANDS[args.command](args)
        store = open_store(args.db, create_empty=True)  # a new path: an empty store, and how to fill it
    except StoreError as e:
        if not args.command:
            warn(f"sitroom: {e}")
            return 1
        return failed(command, str(e))
    except sqlite3.Error as e:
        return failed(command, f"the store could not be used ({shown(e)}); nothing was written")
    except OSError as e:
        return failed(command, f"{shown(e.filename or 'a file')}: {e.strerror or e}; nothing was written")
    from ..app import SitroomApp  # imported late: Textual is not needed to report a bad store

    SitroomApp(store).run()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
