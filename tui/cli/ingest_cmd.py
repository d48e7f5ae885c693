"""`sitroom ingest REPORT`: the events a written report states, shown with why, and stored."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from rich.table import Table
from rich.text import Text
from sitroom.db import (
    MAX_REPORT_BYTES,
    IngestError,
    IngestReport,
    RowError,
    StoreError,
    dataset_format,
    dataset_named,
    parse_date,
)

from .output import failed, out, say, shown, warn
from .review_cmd import NEEDS_A_TERMINAL, in_a_terminal, run_screen
from .stores import is_new, open_store, settle_new, write_failure

LONG_REPORT_BYTES = 200_000  # a few seconds of extraction and more


def _read(file: str) -> tuple[str, int]:
    """The report's text and its size in bytes; of a huge file, only enough of the text to say it is
    too large (standard input is read to its end, in pieces, to know its size)."""
    if file == "-":
        text = sys.stdin.read(MAX_REPORT_BYTES + 1)
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if len(text) > MAX_REPORT_BYTES:
            while piece := sys.stdin.read(1 << 20):
                size += len(piece.encode("utf-8", errors="surrogatepass"))
        return text, size
    with Path(file).open(encoding="utf-8") as handle:
        return handle.read(MAX_REPORT_BYTES + 1), Path(file).stat().st_size


def _too_large(size: int) -> str | None:
    """Why a report of `size` bytes is refused, saying its size and the limit; None if it is not."""
    if size <= MAX_REPORT_BYTES:
        return None
    big = f"{size / 1e6:.2f} MB"
    if big == f"{MAX_REPORT_BYTES / 1e6:.2f} MB":  # only just over: in bytes, or the two read the same
        big = f"{size:,} bytes"
    return (f"the report is {big}; sitroom reads reports of up to {MAX_REPORT_BYTES / 1e6:g} MB "
            f"({MAX_REPORT_BYTES:,} bytes): split it into its days or sections")


def run(args: argparse.Namespace) -> int:
    name = "standard input" if args.file == "-" else shown(args.file)
    review = getattr(args, "review", False)
    if review and (args.dry_run or getattr(args, "json", False)):
        return failed("ingest", "--review decides on a screen what lands; it cannot be combined with "
                                "--dry-run or --json")
    if review and (args.file == "-" or not in_a_terminal()):
        return failed("ingest", NEEDS_A_TERMINAL if args.file != "-" else
                      "--review reads the keyboard, so the report must be a file, not standard input")
    try:
        text, size = _read(args.file)
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else "it is not UTF-8 text"
        return failed("ingest", f"cannot read {name}: {reason}")
    if too_large := _too_large(size):
        return failed("ingest", f"{name}: {too_large}")
    if kind := dataset_format(text):  # its rows would be read as sentences, each a made-up event
        again = f"sitroom import {shown(args.file)}" if args.file != "-" else "sitroom import FILE"
        return failed("ingest", f"{name} is {dataset_named(kind)}, not a written report: "
                                f"import it with `{again}`")
    date = None
    if args.date:
        try:
            date = parse_date(args.date)
        except RowError as e:
            return failed("ingest", f"--date: {e}")
    new = is_new(args.db)  # a new path: a new store, as `import` makes one, kept only if written to
    store = open_store(args.db, create_empty=True, announce=False)
    if review:  # extracted in the screen's worker; a report that cannot be read is said after it closes
        code = run_screen("ingest", store, lambda: store.review_report(text, title=args.source, date=date),
                          about=name)  # closes the store
        return settle_new(store.path, new, code)
    code, report, linking_stopped = 0, None, False
    if size >= LONG_REPORT_BYTES:  # seconds to a minute with nothing shown: say what it is doing
        warn(f"{name}: reading {size / 1e6:.2f} MB of report; a report this long takes a while.")
    try:
        report = store.ingest(text, title=args.source, date=date, dry_run=args.dry_run)
    except IngestError as e:
        code = failed("ingest", f"{name}: {e}")
    except StoreError as e:
        code = failed("ingest", f"{name}: {shown(e)}; nothing was added")
    except sqlite3.Error as e:
        code = failed("ingest", f"{name}: {write_failure(store.path, e)}; nothing was added")
    except KeyboardInterrupt as e:
        # Ctrl-C after the report's transaction committed, while its events were linked (the store's
        # LinkingInterrupted carries the report): the report is in, only the linking waits.
        if (report := getattr(e, "report", None)) is None:
            code = failed("ingest", f"{name}: interrupted. Nothing was added; the store is as it was.")
        linking_stopped = report is not None
    finally:
        store.close()  # before a store made for this command is removed (settle_new)
    settle_new(store.path, new, code, wrote=not args.dry_run)
    if report is None:
        return code
    if getattr(args, "json", False):
        # ASCII JSON: whatever a report held, no character of it reaches the terminal raw
        for line in report.json_lines():
            sys.stdout.write(json.dumps(line, ensure_ascii=True) + "\n")
        if not args.dry_run:
            c = report.counts
            warn(f"{c.added} events added, {c.updated} updated, {c.unchanged} already there "
                 f"(source {report.source_id}).")
        if report.replaced and not report.reviewed:
            warn(_replaced(report, args.dry_run))
        _linking_stopped(name, linking_stopped)
        return 0
    table = Table(title=Text(f"{shown(report.title)} ({report.extraction.date})"), title_justify="left")
    for column in ("#", "date", "place", "type", "certainty", "factions"):
        table.add_column(column, overflow="fold")
    for n, found in enumerate(report.extraction.events, 1):
        who = Text(_sides(found.parties, report.faction_shorts))
        where = Text(shown(found.place_name or "(unnamed place)"))
        if found.place is None or found.location.located_by.endswith("(approximate)"):
            where.append(f"\n{shown(found.location.located_by)}", style="dim")
        table.add_row(str(n), found.date or "", where, found.type, found.certainty, who)
    out.print(table)
    if args.why or args.dry_run:
        for n, found in enumerate(report.extraction.events, 1):
            place = shown(found.place_name or "(unnamed place)")
            out.print(Text(f"{n}. {place} · {found.type}", style="bold"))
            for k, v in found.why.items():
                out.print(Text(f"   {k}: {shown(v)}"))
    for unknown, sentence in report.extraction.unknown_places:
        warn(f"not in the gazetteer: {shown(unknown)!r} (in: {shown(sentence[:100])})")
    if report.new_factions and not report.reviewed:
        say(f"new factions ({len(report.new_factions)}{', if written' if args.dry_run else ''}): "
            + ", ".join(shown(n) for n in report.new_factions))
    if report.reviewed:
        say(f"this report was reviewed (source {report.source_id}): nothing was changed; "
            f"`sitroom review {report.source_id}` opens it again.")
    elif args.dry_run:
        c = report.counts
        say(f"dry run: {c.added} events would be added, {c.updated} updated, {c.unchanged} already there; "
            "nothing was written.")
    else:
        c = report.counts
        linked = f"; {report.linked} linked to another source's happening" if report.linked else ""
        say(f"{c.added} events added, {c.updated} updated, {c.unchanged} already there{linked} "
            f"(source {report.source_id}).")
    if report.replaced and not report.reviewed:
        say(_replaced(report, args.dry_run))
    _linking_stopped(name, linking_stopped)
    return 0


def _replaced(report: IngestReport, dry_run: bool) -> str:
    """What became of the events an earlier reading of the same report stored and this one does not."""
    were = "would be" if dry_run else "were"
    if report.redated:
        return (f"{'dry run: ' if dry_run else ''}the same report was stored before dated {report.redated}: "
                f"its {report.replaced} events stored then {were} replaced by these "
                f"(dated {report.extraction.date}).")
    dry = "dry run: " if dry_run else ""
    return (f"{dry}{report.replaced} events stored from an earlier reading of this "
            f"report {were} replaced by these: the store knows more of its places or factions now, or "
            "sitroom reads it otherwise.")


def _linking_stopped(name: str, stopped: bool) -> None:
    if stopped:
        warn(f"{name}: interrupted while its events were being linked to other sources' reports. The report "
             "was ingested; its events will be linked at the next import or ingest.")


def _sides(parties: list[tuple[str, str | None, str, str | None]], short: dict[str, str]) -> str:
    """Who acted ▸ against whom, in short names as the timeline writes it; anyone else by role."""
    def name(n: str, slug: str | None) -> str:
        return shown(short.get(slug, n) if slug else n)

    by_role: dict[str, list[str]] = {}
    for n, slug, role, _ in parties:
        key = "acted" if role in ("actor", "ally", "side") else "hit" if role.startswith("target") else role
        by_role.setdefault(key, [])
        if (shown_name := name(n, slug)) not in by_role[key]:
            by_role[key].append(shown_name)
    words = "+".join(by_role.pop("acted", [])) or "?"
    if hit := by_role.pop("hit", []):
        words += " ▸ " + "+".join(hit)
    return "; ".join([words, *(f"{role} {'+'.join(names)}" for role, names in by_role.items())])
