"""A corpus of hostile text (issue 13): every kind of terminal escape and Rich markup, in every text
field of every format sitroom imports and in the file names, imported into a store and then looked at
in every pane of the browser. Nothing may be interpreted: no escape byte reaches the screen, and markup
shows as the characters it is.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sitroom.db import Store

from .helpers import make_app, settle

DATA = Path(__file__).parent / "data"
# One payload of each kind, each around a marker word that must stay visible.
PAYLOADS = {
    "csi": "\x1b[31;1m{w}\x1b[0m\x1b[2J\x1b[H",
    "osc52": "{w}\x1b]52;c;SGVsbG8=\x07",
    "osc8": "\x1b]8;;https://evil.example\x1b\\{w}\x1b]8;;\x1b\\",
    "dcs": "\x1bP1$rq\x1b\\{w}\x1bPq#0;2;0;0;0\x1b\\",  # a DCS's own content is dropped with it
    "c1": "\x9b31m{w}\x9d0;title\x9c\x90q\x9c",
    "bidi": "\u202e{w}\u202c\u2066x\u2069\u200f",
    "markup": "[bold red]{w}[/] [link=https://evil.example]x[/link]",
    "controls": "{w}\x07\x08\x00\x7f\r",
}
RAW = ("\x1b", "\x07", "\x08", "\x9b", "\x9c", "\x9d", "\x90", "\u202e", "\u2066", "\u2069", "\x00")


def hostile(kind: str, word: str) -> str:
    return PAYLOADS[kind].format(w=word)


def _write_acled(path: Path, kind: str) -> None:
    with (DATA / "acled_syria.csv").open(encoding="utf-8", errors="replace") as f:
        header = next(csv.reader(f))
        row = next(csv.reader(f))
    texts = ("actor1", "assoc_actor_1", "actor2", "admin1", "admin2", "location", "source", "notes",
             "sub_event_type")
    for column in texts:
        row[header.index(column)] = hostile(kind, f"A{column}")
    row[header.index("event_id_cnty")] = hostile(kind, f"SYRX{kind}")
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, row])


def _write_ucdp(path: Path, kind: str) -> None:
    with (DATA / "ucdp_ged_syria.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
        row = next(csv.reader(f))
    for column in ("side_a", "side_b", "source_headline", "source_article", "where_coordinates", "adm_1",
                   "dyad_name", "conflict_name"):
        row[header.index(column)] = hostile(kind, f"U{column}")
    row[header.index("id")] = hostile(kind, f"99{len(kind)}{kind}")
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, row])


def _write_jsonl(path: Path, kind: str) -> None:
    record = {
        "id": hostile(kind, f"jid{kind}"), "date": "2017-06-29", "front": hostile(kind, "jfront"),
        "front_name": hostile(kind, "Jfrontname"), "place": hostile(kind, "jplace"),
        "place_name": hostile(kind, "Jplacename"), "admin1": hostile(kind, "Jadmin"),
        "lat": 35.5, "lon": 38.5, "event_type": hostile(kind, "jtype"), "summary": hostile(kind, "Jsummary"),
        "excerpt": hostile(kind, "Jexcerpt"), "certainty": "claimed", "source": hostile(kind, "jsource"),
        "source_title": hostile(kind, "Jsourcetitle"), "source_url": hostile(kind, "https://x.example/j"),
        "factions": [{"faction": hostile(kind, "jfaction"), "name": hostile(kind, "Jfactionname"),
                      "short": hostile(kind, "JF"), "role": "actor"}],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


WRITERS = {"acled.csv": _write_acled, "ucdp.csv": _write_ucdp, "events.jsonl": _write_jsonl}


@pytest.fixture
def corpus_store(db_path: Path, tmp_path: Path) -> Path:
    store = Store(db_path)
    for kind in PAYLOADS:
        for name, write in WRITERS.items():
            path = tmp_path / hostile(kind, f"file-{name}").replace("/", "_").replace("\x00", "")  # a name
            write(path, kind)
            report = store.import_file(path)
            assert not report.bad, (kind, name, report.bad)
            assert report.counts.added == 1, (kind, name)
    store.close()
    return db_path


def test_nothing_hostile_is_stored_raw(corpus_store: Path) -> None:
    store = Store(corpus_store)
    for table in ("fronts", "places", "factions", "sources", "events", "event_factions"):
        for row in store.db.conn.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    assert not [ch for ch in RAW if ch in value], (table, value)
    store.close()


async def test_every_pane_shows_hostile_text_literally(corpus_store: Path) -> None:
    app = make_app(corpus_store)
    screens: list[str] = []
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.press("tab", *["j"] * 6)  # through the timeline, each row into the detail pane
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.press("m")  # the map: its legend names factions and places
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.press("enter")  # the opened event, full screen
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.press("escape", "f", *"jfaction")  # the filter picker, narrowed to a hostile name
        await settle(pilot)
        screens.append(app.export_screenshot())
        await pilot.press("escape", "ctrl+p", *"Jplace")  # the command palette
        await pilot.pause(0.5)
        screens.append(app.export_screenshot())
        await pilot.press("escape")
    text = "\n".join(screens).replace("&#160;", " ")  # the SVG's spaces
    assert not [ch for ch in RAW if ch in text]
    assert "[bold red]" in text  # markup shown as the characters it is
    for word in ("Jsummary", "Asource", "Jfactionname"):
        assert word in text, word
