"""`sitroom fronts`: list the fronts (slug, events, what defines each); `fronts add NAME` defines one by
divisions, a box or a GeoJSON polygon; `fronts remove SLUG` removes one. Events move in one transaction."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from rich.text import Text
from sitroom.db import Front, FrontError, Store, StoreError

from .output import UNCUT, failed, line_width, out, say, shown
from .stores import open_store, write_failure


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fronts", help="list the fronts, or define (add) or remove one",
                       description="Without a command: every front with its slug, its events and what "
                                   "defines it. Fronts come from, in order: yours, the bundled ones, and "
                                   "each event's first-level division (grouped by country).")
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="define a front; its events move onto it",
                             description="Define a front by exactly one of --admin1, --bbox, --geojson.")
    add.add_argument("name")
    how = add.add_mutually_exclusive_group(required=True)
    how.add_argument("--admin1", metavar="NAMES", help='first-level divisions, comma-separated: "Idlib,Hama"')
    how.add_argument("--bbox", metavar="W,S,E,N", help="a box in degrees: west,south,east,north")
    how.add_argument("--geojson", metavar="FILE", help="a Polygon or MultiPolygon (geojson.io, QGIS)")
    add.add_argument("--description", metavar="TEXT")
    add.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")
    remove = actions.add_parser("remove", help="remove a front you defined (or a bundled one)")
    remove.add_argument("slug")
    remove.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "action", None)
    store = open_store(args.db)
    try:
        if action == "add":
            return _add(store, args)
        if action == "remove":
            return _remove(store, args.slug)
        _list(store)
        return 0
    except FrontError as e:
        return failed(f"fronts {action}".strip(), f"{shown(e)}; nothing was changed")
    except StoreError as e:
        return failed(f"fronts {action}".strip(), f"{shown(e)}; nothing was changed")
    except sqlite3.Error as e:
        return failed(f"fronts {action}".strip(), f"{write_failure(store.path, e)}; nothing was changed")
    finally:
        store.close()


def _add(store: Store, args: argparse.Namespace) -> int:
    slug, moved = store.define_front(args.name, admin1=args.admin1, bbox=args.bbox, geojson=args.geojson,
                                     description=args.description)
    count = next((fc.count for fc in store.front_counts() if fc.front.slug == slug), 0)
    front = next(f for f in store.fronts() if f.slug == slug)
    say(f"defined front {shown(front.name)} ({slug}) by {shown(front.defined_by)}: "
        f"{count:,} {'event' if count == 1 else 'events'} on it; {moved.moved:,} moved in all")
    return 0


def _remove(store: Store, slug: str) -> int:
    name, moved = store.remove_front(slug)
    say(f"removed front {shown(name)} ({shown(slug)}); {moved.moved:,} events moved to the fronts the rules "
        "now give them")
    return 0


def shown_fronts(fronts: list[tuple[Front, int]]) -> list[tuple[Front, int]]:
    """The fronts worth listing: every one with events, and every defined one (even with none)."""
    return [(f, n) for f, n in fronts if n or f.kind in ("user", "bundled")]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _list(store: Store) -> None:
    """One line a front: slug, events, name, country (when there are several), what defines it; the
    columns fixed by their longest value (within limits, but a slug is never cut: it is typed back), the
    last cut to the terminal's width. Not to a terminal, nothing is cut."""
    counted = shown_fronts([(fc.front, fc.count) for fc in store.front_counts()])
    counted.sort(key=lambda fc: (fc[0].kind != "user", fc[0].country or "~", fc[0].sort, fc[0].name))
    several = len({f.country for f, _ in counted if f.country}) > 1
    rows = [[f.slug, f"{n:,}", f.name, *([f.country or ""] if several else []), f.defined_by]
            for f, n in counted]
    header = ["slug", "events", "front", *(["country"] if several else []), "defined by"]
    terminal = line_width()
    limits = [10_000, 12, 32, 24][: len(header) - 1] if terminal else [10_000] * (len(header) - 1)
    widths = [min(limit, max(len(r[i]) for r in [header, *rows])) for i, limit in enumerate(limits)]
    room = max(12, terminal - sum(widths) - 2 * len(widths)) if terminal else 10_000
    for number, row in enumerate([header, *rows]):
        cells = [_cut(v, w).rjust(w) if i == 1 else _cut(v, w).ljust(w)
                 for i, (v, w) in enumerate(zip(row, widths, strict=False))]
        line = Text("  ".join([*cells, _cut(row[-1], room)]), style="bold" if number == 0 else "")
        out.print(line, no_wrap=True, overflow="ignore", crop=False, width=terminal or UNCUT)
    say("sitroom fronts add NAME --admin1 \"Idlib,Hama\" | --bbox W,S,E,N | --geojson FILE defines one; "
        "sitroom fronts remove SLUG removes it.")
