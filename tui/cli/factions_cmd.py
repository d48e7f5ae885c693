"""`sitroom factions`: the store's factions with their slugs, labels, blocs, parents and events;
`sitroom factions set SLUG --bloc B --parent P --short S --name N` changes one."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.table import Table
from rich.text import Text
from sitroom.db import EditError, EventFilter, StoreError

from .output import failed, say, shown, table_console
from .stores import open_store


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    fac = sub.add_parser("factions",
                         help="list the factions (slugs, labels, blocs); set one's bloc, parent or label")
    fac.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH")
    actions = fac.add_subparsers(dest="action", metavar="ACTION")
    change = actions.add_parser("set", help="change a faction's bloc, parent, short label or name")
    change.add_argument("slug")
    change.add_argument("--bloc", help="the bloc it sides with (see the blocs listed by sitroom factions)")
    change.add_argument("--country", help="with --bloc: its bloc in this country's war alone, the country as "
                        "its events name it (e.g. Ukraine); its bloc elsewhere stays")
    parent = change.add_mutually_exclusive_group()
    parent.add_argument("--parent", metavar="SLUG", help="the faction it is a unit of")
    parent.add_argument("--no-parent", action="store_true", help="make it a faction of its own")
    change.add_argument("--short", metavar="LABEL", help="the short label the timeline shows (unique)")
    change.add_argument("--name", help="its full name")


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        if getattr(args, "action", None) == "set":
            if not any((args.bloc, args.parent, args.no_parent, args.short, args.name)):
                return failed("factions set",
                              "say what to change: --bloc, --parent, --no-parent, --short or --name")
            try:
                faction = store.set_faction(args.slug, bloc=args.bloc, parent=args.parent,
                                            no_parent=args.no_parent, short=args.short, name=args.name,
                                            country=args.country)
            except EditError as e:
                return failed("factions set", f"{shown(e)}; nothing was changed")
            where = f" in {shown(args.country)}: {shown(args.bloc)}; elsewhere" if args.country else ""
            say(f"{shown(faction.slug)}: {shown(faction.name)} ({shown(faction.short)}){where}, "
                f"bloc {faction.bloc}"
                + (f", a unit of {shown(faction.parent)}" if faction.parent else ""))
            return 0
        _list(store)
        return 0
    except StoreError as e:
        return failed("factions", str(e))
    finally:
        store.close()


def _list(store) -> None:  # type: ignore[no-untyped-def]
    blocs = {b.slug: b.name for b in store.blocs()}  # the slugs are what `set --bloc` takes
    counts = store.facets(EventFilter(), factions=True).factions or {}
    rows = [(f.slug, f.short, ("  " if f.parent else "") + f.name, f.bloc, f.parent or "",
             f"{counts.get(f.slug, 0):,}") for f in store.factions()]
    table = Table(show_edge=False, box=None, pad_edge=False)
    # Every column but the name keeps its width (a slug cut short cannot be typed back); the name gives,
    # in a terminal only: piped, every line is whole.
    for i, column in enumerate(("slug", "short", "name", "bloc", "unit of", "events")):
        widest = max([len(column), *(len(r[i]) for r in rows)])
        fit = {"overflow": "ellipsis", "ratio": 1} if column == "name" else {"min_width": widest}
        table.add_column(column, no_wrap=True, justify="right" if column == "events" else "left", **fit)
    for row in rows:
        table.add_row(*map(Text, row))
    table_console().print(table)
    say("Blocs: " + ", ".join(f"{slug} ({name})" for slug, name in blocs.items()))
