"""The `sitroom` command: browse a store, import events into it, export events from it."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sqlite3
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text
from sitroom.db import (
    DEFAULT_MAX_KM,
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    EventFilter,
    FilterError,
    ImportFailed,
    ImportReport,
    IngestError,
    RowError,
    Store,
    StoreError,
    create_store,
    default_store_path,
    parse_date,
)

PROGRESS_FROM = 5000  # rows; smaller files import too fast to need a bar
SHOW_BAD = 20

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def version() -> str:
    """The installed distribution's version (pyproject.toml is the one place it is written)."""
    try:
        return importlib.metadata.version("sitroom")
    except importlib.metadata.PackageNotFoundError:
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sitroom",
                                description="A terminal situation room for armed-conflict events.")
    p.add_argument("--version", action="version", version=f"sitroom {version()}")
    db_help = (f"the store (default: {default_store_path()}, created from the bundled data on first run)")
    p.add_argument("--db", type=Path, default=None, metavar="PATH", help=db_help)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import ACLED CSV, UCDP GED CSV or sitroom JSON Lines")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=sorted(IMPORT_FORMATS), help="default: detected from the header")
    imp.add_argument("--strict", action="store_true", help="any bad row rejects the whole file")
    imp.add_argument("--max-km", type=float, default=DEFAULT_MAX_KM, metavar="KM",
                     help="how far outside a front's area an event may be and still join it "
                          f"(default {DEFAULT_MAX_KM:g})")
    imp.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                     help="the store; a new path creates an empty store")

    ing = sub.add_parser("ingest", help="extract the events of a written report (text or Markdown)")
    ing.add_argument("file", help="the report; - reads standard input")
    ing.add_argument("--date", metavar="YYYY-MM-DD", help="the report's date, if the text gives none")
    ing.add_argument("--source", metavar="TITLE", help="the source's title (default: the first line)")
    ing.add_argument("--dry-run", action="store_true", help="show what would be added; add nothing")
    ing.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")

    exp = sub.add_parser("export", help="export the events under a filter")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    exp.add_argument("--output", "-o", type=Path, help="default: standard output")
    exp.add_argument("--front", action="append", default=[], metavar="SLUG")
    exp.add_argument("--faction", action="append", default=[], metavar="SLUG",
                     help="a parent faction includes its units")
    exp.add_argument("--place", action="append", default=[], metavar="ID")
    exp.add_argument("--type", action="append", default=[], metavar="TYPE")
    exp.add_argument("--certainty", action="append", default=[],
                     choices=("confirmed", "claimed", "rumoured"))
    exp.add_argument("--since", metavar="YYYY-MM-DD")
    exp.add_argument("--until", metavar="YYYY-MM-DD")
    exp.add_argument("--search", default="", metavar="TEXT")
    exp.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")
    return p


def open_store(path: Path | None) -> Store:
    """The store at `path`, or the default one, created from the bundled data if missing."""
    if path is None:
        return Store.open(default_store_path(), create=True)
    return Store.open(path)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "import":
            return run_import(args)
        if args.command == "export":
            return run_export(args)
        if args.command == "ingest":
            return run_ingest(args)
        store = open_store(args.db)
    except StoreError as e:
        err.print(f"sitroom: {e}", markup=False)
        return 2 if args.command else 1
    from .app import SitroomApp  # imported late: Textual is not needed to report a bad store

    SitroomApp(store).run()
    store.close()
    return 0


# -- import -------------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    path = args.db if args.db is not None else default_store_path()
    if args.db is not None and not path.exists():
        create_store(path, bundled=False)
        err.print(f"created an empty store at {path}", markup=False)
    store = open_store(args.db)
    progress: Progress | None = None

    def advance(done: int, total: int) -> None:
        nonlocal progress
        if total < PROGRESS_FROM:
            return
        if progress is None:
            progress = Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=err, transient=True)
            progress.start()
            progress.add_task("rows", total=total)
        progress.update(progress.task_ids[0], completed=done)

    try:
        report = store.import_file(args.file, args.format, strict=args.strict, max_km=args.max_km,
                                   progress=advance)
    except ImportFailed as e:
        err.print(f"sitroom import: {args.file}: {e}. Nothing was imported.", markup=False)
        return 2
    except sqlite3.Error as e:  # locked by another writer, read-only, disk full: all rolled back
        err.print(f"sitroom import: the store {path} could not be written ({e}). Nothing was imported.",
                  markup=False)
        return 2
    finally:
        if progress is not None:
            progress.stop()
        store.close()
    print_report(report)
    return report.exit_code


def print_report(report: ImportReport) -> None:
    table = Table(title=f"{report.path} ({report.format})", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    c = report.counts
    for label, value in (("rows read", report.rows), ("events added", c.added),
                         ("events updated", c.updated), ("unchanged", c.unchanged),
                         ("rows skipped", len(report.bad))):
        table.add_row(label, f"{value:,}")
    out.print(table)
    for label, names in (("new factions", report.new_factions), ("new places", report.new_places),
                         ("new fronts", report.new_fronts)):
        if names:
            shown = ", ".join(names[:15]) + (f" and {len(names) - 15} more" if len(names) > 15 else "")
            out.print(f"{label} ({len(names)}): {shown}", markup=False)
    for bad in report.bad[:SHOW_BAD]:
        err.print(f"line {bad.line}: {bad.reason}", markup=False)
    if len(report.bad) > SHOW_BAD:
        err.print(f"… and {len(report.bad) - SHOW_BAD} more bad rows", markup=False)
        for reason, n in report.reasons().most_common():
            err.print(f"  {n:>6,} × {reason}", markup=False)
    if report.rejected:
        err.print(f"--strict: {len(report.bad)} bad rows, so the whole file was rejected; "
                  "the store is unchanged.", markup=False)


# -- ingest -------------------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        err.print(f"sitroom ingest: cannot read {args.file}: {getattr(e, 'strerror', None) or e}",
                  markup=False)
        return 2
    if args.date:
        try:
            args.date = parse_date(args.date)
        except RowError as e:
            err.print(f"sitroom ingest: {e}", markup=False)
            return 2
    store = open_store(args.db)
    try:
        report = store.ingest(text, title=args.source, date=args.date, dry_run=args.dry_run)
    except IngestError as e:
        err.print(f"sitroom ingest: {e}", markup=False)
        return 2
    finally:
        store.close()
    table = Table(title=f"{report.title} ({report.extraction.date})", title_justify="left",
                  show_lines=True)
    for column in ("place", "type", "certainty", "factions", "why"):
        table.add_column(column, overflow="fold")
    for found in report.extraction.events:
        who = ", ".join(f"{report.faction_shorts[f]} {r}" for f, r in found.factions)
        table.add_row(Text(report.place_names[found.place]), found.type, found.certainty, Text(who),
                      Text("\n".join(f"{k}: {v}" for k, v in found.why.items())))
    out.print(table)
    for name, sentence in report.extraction.unknown_places:
        err.print(f"not in the gazetteer: {name!r} (in: {sentence[:100]})", markup=False)
    if args.dry_run:
        out.print(f"dry run: {len(report.extraction.events)} events would be added; nothing was written.")
    else:
        c = report.counts
        out.print(f"{c.added} events added, {c.updated} updated, {c.unchanged} already there "
                  f"(source {report.source_id}).", markup=False)
    return 0


# -- export -------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        f = EventFilter(fronts=args.front, factions=args.faction, places=args.place, types=args.type,
                        certainty=args.certainty, since=args.since, until=args.until, text=args.search)
        if args.output:
            with args.output.open("w", encoding="utf-8", newline="") as handle:
                count = store.export(f, args.format, handle)
            err.print(f"exported {count:,} events to {args.output}", markup=False)
        else:
            store.export(f, args.format, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader (head, less) stopped early: not an error. Keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except FilterError as e:
        err.print(f"sitroom export: {e}", markup=False)
        return 2
    except OSError as e:
        err.print(f"sitroom export: cannot write {args.output}: {e.strerror or e}", markup=False)
        return 2
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
