"""A saved report's head (trial 6): a "Source: https://…" line is the page's address, stored as the
source's URL (for `o` to open), never its title; a byline ("by WorldTribune Staff, June 12, 2016") is
not the title either, though it names the report's date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.tui.cli.main import main

# The bundled store holds the founding report: the rows asked for are this test's report's.
OURS = "SELECT title, url FROM sources WHERE kind = 'report' AND title NOT LIKE 'Syrian War Report%'"
BODY = "Forces of the unity government captured the village of Abu Grein on Saturday, June 11, 2016.\n"


@pytest.mark.parametrize(("head", "title", "url"), [
    ("Libya: forces enter Abu Grein\nSource: https://www.example.org/libya/abu-grein\n",
     "Libya: forces enter Abu Grein", "https://www.example.org/libya/abu-grein"),
    ("https://www.example.org/libya/abu-grein\nLibya: forces enter Abu Grein\n",
     "Libya: forces enter Abu Grein", "https://www.example.org/libya/abu-grein"),
    ("Libya: forces enter Abu Grein\nby WorldTribune Staff, June 12, 2016\n",
     "Libya: forces enter Abu Grein", None),
    ("URL: <www.example.org/a>\nLibya: forces enter Abu Grein\n", "Libya: forces enter Abu Grein",
     "https://www.example.org/a"),
])
def test_the_head_gives_the_title_and_the_address(db_path: Path, tmp_path: Path, head: str, title: str,
                                                  url: str | None) -> None:
    file = tmp_path / "report.txt"
    file.write_text(head + "\n" + BODY, encoding="utf-8")
    assert main(["ingest", str(file), "--db", str(db_path), "--date", "2016-06-12"]) == 0
    assert sqlite3.connect(db_path).execute(OURS).fetchall() == [(title, url)]


def test_an_address_inside_a_sentence_is_not_the_pages(db_path: Path, tmp_path: Path) -> None:
    file = tmp_path / "report.txt"
    file.write_text("Libya: forces enter Abu Grein\n\nThe ministry posted the news at https://example.org/x "
                    "on Saturday.\n" + BODY, encoding="utf-8")
    assert main(["ingest", str(file), "--db", str(db_path), "--date", "2016-06-12"]) == 0
    assert [url for _, url in sqlite3.connect(db_path).execute(OURS)] == [None]
