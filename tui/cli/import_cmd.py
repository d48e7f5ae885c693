"""`sitroom import FILE`: one file of events into the store, in one transaction, with a report."""

from __future__ import annotations

import argparse
import sqlite3

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text
from sitroom.db import ImportFailed, ImportReport, Store, StoreError

from .output import err, failed, out, shown, warn
from .stores import is_new, open_store, settle_new, write_failure

PROGRESS_FROM = 5000  # rows; smaller files import too fast to need a bar
SHOW_BAD = 20


class _RateColumn(ProgressColumn):
    """Lines read a second, over the last few updates."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f} rows/s" if task.speed else "… rows/s", style="progress.data.speed")


class _Bar:
    """A progress bar on standard error, shown only for files large enough to need one."""

    def __init__(self) -> None:
        self.progress: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if self.progress is None:
            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     _RateColumn(), TextColumn("left"), TimeRemainingColumn(),
                                     console=err, transient=True)
            self.progress.start()
            self.progress.add_task("importing", total=total)
        # Every row read: what is left (counts, text index, fronts, links) has no rows to count.
        self.progress.update(self.progress.task_ids[0], completed=done,
                             description="finishing" if done >= total else "importing")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def run(args: argparse.Namespace) -> int:
    name = shown(args.file)
    new = is_new(args.db)
    store = open_store(args.db, create_empty=True, announce=False)  # said once something landed
    bar = _Bar()
    linking_stopped = False
    try:
        report = store.import_file(args.file, args.format, strict=args.strict, max_km=args.max_km,
                                   progress=bar, date_format=args.date_format)
    except (ImportFailed, StoreError) as e:
        return _nothing(store, new, f"{name}: {shown(e)}. Nothing was imported.")
    except sqlite3.Error as e:  # locked by another writer, read-only, disk full: all rolled back
        return _nothing(store, new, f"{name}: {write_failure(store.path, e)}. Nothing was imported.")
    except KeyboardInterrupt as e:
        # Ctrl-C after the file's transaction committed, while its events were linked (the store's
        # LinkingInterrupted carries the report): the file is in, only the linking waits.
        if (landed := getattr(e, "report", None)) is None:
            return _nothing(store, new, f"{name}: interrupted. Nothing was imported; the store is as it was.")
        report, linking_stopped = landed, True
    finally:
        bar.stop()
        store.close()
    if report.rows == 0:  # a header and nothing under it: no row that could be read
        return _nothing(store, new, f"{name}: the file has no rows under its header. Nothing was imported.")
    settle_new(store.path, new, report.exit_code)  # rejected, or no row landed: the store made for it goes
    print_report(report, name)
    if linking_stopped:
        warn(f"{name}: interrupted while its events were being linked to other sources' reports. The file "
             "was imported; its events will be linked at the next import.")
    return report.exit_code


def _nothing(store: Store, new: bool, message: str) -> int:
    """Nothing was imported: a store made for this import goes again, so nothing is left behind."""
    store.close()
    return settle_new(store.path, new, failed("import", message))


def print_report(report: ImportReport, name: str) -> None:
    read_as = f", read as {report.encoding}" if report.encoding != "UTF-8" else ""
    if report.delimiter != ",":
        read_as += f", fields separated by {report.separated_by}"
    table = Table(title=Text(f"{name} ({report.format}{read_as})"), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    c = report.counts
    for label, value in (("rows read", report.rows), ("events added", c.added),
                         ("events updated", c.updated), ("unchanged", c.unchanged),
                         ("rows merged into the event above", report.merged),
                         ("linked to another source's happening", report.linked),
                         ("rows skipped", len(report.bad))):
        if value or label not in ("rows merged into the event above", "linked to another source's happening"):
            table.add_row(label, f"{value:,}")
    out.print(table)
    if report.na_read:
        out.print(f"NA read as empty (missing, as R and pandas write it): {report.na_read:,} cells",
                  markup=False)
    for label, names in (("new factions", report.new_factions), ("new places", report.new_places),
                         ("new fronts", report.new_fronts)):
        if names:
            listed = ", ".join(map(shown, names[:15]))
            more = f" and {len(names) - 15} more" if len(names) > 15 else ""
            out.print(f"{label} ({len(names)}): {listed}{more}", markup=False)
    if report.by_hand:
        out.print(f"factions you set by hand, left as you set them: {report.by_hand:,} (the file's codes "
                  "or names would have changed their bloc, parent or label)", markup=False)
    for bad in report.bad[:SHOW_BAD]:
        warn(f"{name}, line {bad.line}: {shown(bad.reason)}")
    if len(report.bad) > SHOW_BAD:
        warn(f"… and {len(report.bad) - SHOW_BAD} more bad rows")
        for reason, n in report.reasons().most_common():
            warn(f"  {n:>6,} × {shown(reason)}")
    if report.rejected:
        warn(f"--strict: {len(report.bad)} bad rows, so the whole file was rejected: nothing was added (no "
             "event, faction, place or front); the store is unchanged.")
    elif report.bad and not report.landed:
        warn("no row could be imported; the store is unchanged.")
