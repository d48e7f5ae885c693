"""The `sitroom` command: open a store and browse it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from db import Store, StoreError, default_store_path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sitroom",
        description="A terminal situation room for armed-conflict events.",
    )
    p.add_argument(
        "--db", type=Path, default=None, metavar="PATH",
        help=f"the store to open (default: {default_store_path()}, created from the bundled "
             "data on first run)",
    )
    return p


def open_store(path: Path | None) -> Store:
    """The store at `path`, or the default one, created from the bundled data if missing."""
    if path is None:
        return Store.open(default_store_path(), create=True)
    return Store.open(path)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    err = Console(stderr=True)
    try:
        store = open_store(args.db)
    except StoreError as e:
        err.print(f"sitroom: {e}", markup=False, highlight=False)
        return 1
    from .app import SitroomApp  # imported late: Textual is not needed to report a bad store

    SitroomApp(store).run()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
