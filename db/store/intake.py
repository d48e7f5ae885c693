"""What comes into a store: files of events (`sitroom import`) and written reports (`sitroom ingest`).

Each lands in one transaction that also puts its events on their fronts (db/fronts/); then, after the
commit, its events are linked to the happenings other sources report (db/happenings/). Ctrl-C before the
commit leaves the store as it was; Ctrl-C while linking leaves the events in, queued for the next import
or ingest, and says so (LinkingInterrupted carries what landed, for a file as for a report).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files.importing import ImportReport, LinkingInterrupted, Progress
from ..files.importing import import_file as _import_file
from ..fronts.assign import after_import
from ..reports.ingest import IngestReport, ingest_text
from ..write.bulk import WRITTEN

if TYPE_CHECKING:
    from .connection import Line


class Intake:
    """Store's writing of files and reports (a mixin: Store gives the connection, the refresh after a
    write, the check that the store can be written, and the linking pass)."""

    if TYPE_CHECKING:
        _main: Line

        def refresh(self) -> None: ...
        def _check_writable(self) -> None: ...
        def _link(self) -> int: ...

    def import_file(self, path: str | os.PathLike[str], fmt: str | None = None, *, strict: bool = False,
                    max_km: float | None = None, progress: Progress | None = None,
                    date_format: str | None = None) -> ImportReport:
        """Import a file of events (ACLED, UCDP GED, sitroom CSV or JSON Lines) in one transaction, which
        also puts them on their fronts (db/fronts); see db/files/importing.py for what happens to bad
        rows. Raises ImportFailed for a file that cannot be imported at all."""
        self._check_writable()
        kwargs: dict[str, Any] = {} if max_km is None else {"max_km": max_km}
        kwargs["then"] = lambda conn, report: after_import(conn, report, WRITTEN)
        with self._main.lock:
            report = _import_file(self._main.conn, Path(path), fmt, strict=strict, progress=progress,
                                  date_format=date_format, **kwargs)
            self._link_after(report)
        return report

    def ingest(self, text: str, *, title: str | None = None, date: str | None = None,
               dry_run: bool = False) -> IngestReport:
        """Extract the events a written report states; unless dry_run, store them as one source in one
        transaction, which also puts them on their fronts (db/reports/ingest.py), then link them."""
        if dry_run:
            with self._main.lock:
                return ingest_text(self._main.conn, text, title=title, date=date, dry_run=True)
        self._check_writable()
        with self._main.lock:
            report = ingest_text(self._main.conn, text, title=title, date=date)
            self._link_after(report)
        return report

    def _link_after(self, report: Any) -> None:
        """Link what `report` wrote (after its commit); Ctrl-C takes back the linking alone, the events
        staying queued, and is raised as LinkingInterrupted carrying the report. The store is read again
        either way: what the report wrote is in."""
        try:
            report.linked = self._link()
        except KeyboardInterrupt as stop:
            raise LinkingInterrupted(report) from stop
        finally:
            self.refresh()
