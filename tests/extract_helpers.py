"""Shared by the tests of the report extractor: a lexicon over the bundled store, and short readers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db.reports.extract import Found, Lexicon, extract

DATE = "2017-07-04"  # a Tuesday


@pytest.fixture(scope="module")
def lex(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    from sitroom.db import create_store

    path: Path = tmp_path_factory.mktemp("lex") / "sitroom.db"
    create_store(path)
    return Lexicon(sqlite3.connect(path))


def events(text: str, lex: Lexicon, date: str = DATE) -> list[Found]:
    return extract(text, lex, date).events


def one(text: str, lex: Lexicon, date: str = DATE) -> Found:
    found = events(text, lex, date)
    assert len(found) == 1, [(f.place_name, f.type) for f in found]
    return found[0]


def roles(found: Found) -> dict[str, set[str]]:
    """Role → the names of the sides in it."""
    out: dict[str, set[str]] = {}
    for name, _, role, _ in found.parties:
        out.setdefault(role, set()).add(name)
    return out


def at(text: str, lex: Lexicon, place: str) -> Found:
    """The one event the text puts at `place` (as the sentence names it)."""
    found = [f for f in events(text, lex) if f.place_name == place]
    assert len(found) == 1, [(f.place_name, f.type) for f in events(text, lex)]
    return found[0]


def actors(found: Found) -> set[str]:
    return {slug for slug, role in found.factions if role == "actor"}
