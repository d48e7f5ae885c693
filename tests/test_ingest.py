"""`sitroom ingest`: the extractor's rules, one at a time, and storing what it finds."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.reports.extract import Lexicon, extract, sentences
from sitroom.db.reports.ingest import IngestError, ingest_text
from sitroom.tui.cli import main

from .helpers import bench_module

DATA = Path(__file__).parent / "data"
REPORT = DATA / "000_848b1a6e00f665fa.txt"
DATE = "2017-07-01"


@pytest.fixture
def lex(db_path: Path) -> Lexicon:
    return Lexicon(sqlite3.connect(db_path))


def one(text: str, lex: Lexicon):
    found = extract(text, lex, DATE).events
    assert len(found) == 1, [(f.place, f.type) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "certainty", "cue"),
    [
        ("The SAA captured Resafa.", "confirmed", "no doubt"),
        ("ISIS claimed that it destroyed a tank in Jobar.", "claimed", "'claimed'"),
        ("ISIS claims to have attacked the SAA in Jobar.", "claimed", "'claims'"),
        ("The SDF reportedly captured Kasrat Affan.", "claimed", "'reportedly'"),
        ("The SDF allegedly shelled Al-Sabahia.", "claimed", "'allegedly'"),
        ("Unconfirmed reports say the SAA entered Humaima.", "rumoured", "'Unconfirmed'"),
        ("The SAA attacked Jobar, but there are no confirmed reports of it.", "claimed",
         "'no confirmed reports'"),
        ("Media spread rumors that the SDF may withdraw from Tabaqa.", "rumoured", "'rumors'"),
        ("It was rumoured that ISIS attacked Resafa.", "rumoured", "'rumoured'"),
    ],
)
def test_certainty_cues(lex: Lexicon, sentence: str, certainty: str, cue: str) -> None:
    found = one(sentence, lex)
    assert found.certainty == certainty
    assert cue in found.why["certainty"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Government troops captured several hills east of Khansir.", "khanasir"),
        ("The army captured Humaymah.", "humaima"),
        ("Clashes broke out in Ain Tarma.", "ayn-tarma"),
        ("The SAA advanced toward Abu Kamal.", "albukamal"),
        ("ISIS attacked the SAA in Deir ez-Zor.", "deir-ezzor"),
        ("The SDF captured Al-Tabqa.", "tabaqa"),
        ("Tiger Forces retook Bir Abu Al’Allaj.", "bir-abu-allaj"),  # a curly apostrophe
        ("The SAA secured the Ithriyah–Khanasir road.", "ithriyah-khanasir-road"),  # an en dash
    ],
)
def test_alias_spellings(lex: Lexicon, sentence: str, place: str) -> None:
    assert one(sentence, lex).place == place


def test_a_sentence_with_two_events(lex: Lexicon) -> None:
    found = extract("The SDF captured the villages of Kasrat Affan and Mustajd Naqib.", lex, DATE).events
    assert sorted(f.place for f in found) == ["kasrat-affan", "mustajd-naqib"]
    assert {f.type for f in found} == {"capture"}
    found = extract("The SDF seized parts of Raqqa, while also encircling ISIS there.", lex, DATE).events
    assert sorted(f.type for f in found) == ["capture", "encirclement"]


@pytest.mark.parametrize(
    "sentence",
    [
        "ISIS is collapsing on multiple frontlines in Syria.",
        "No confirmed reports about casualties in the SDF ranks are available online.",
        "The SAA captured several hills.",  # a happening, but no place
        "Raqqa is a city on the Euphrates.",  # a place, but no happening
    ],
)
def test_a_sentence_with_none(lex: Lexicon, sentence: str) -> None:
    assert extract(sentence, lex, DATE).events == []


def test_roles_allies_and_references_back(lex: Lexicon) -> None:
    found = one("Syrian government forces, backed up by the Russian Aerospace Forces, have secured "
                "Humaima after clashes with ISIS.", lex)
    assert found.factions == [("saa", "actor"), ("russian-aerospace-forces", "ally"), ("isis", "target")]
    text = ("Faylaq al-Rahman claimed that it destroyed a bulldozer of the SAA in Ayn Tarma. "
            "It also claimed to destroy a SAA tank in Jobar district.")
    jobar = next(f for f in extract(text, lex, DATE).events if f.place == "jobar")
    assert ("faylaq-al-rahman", "actor") in jobar.factions and ("saa", "target") in jobar.factions
    assert "refers back" in jobar.why["factions"]


def test_unknown_names_are_listed_not_invented(lex: Lexicon) -> None:
    result = extract("The SAA captured the village of Qasr Hamdan near Resafa.", lex, DATE)
    assert [name for name, _ in result.unknown_places] == ["Qasr Hamdan"]
    assert [f.place for f in result.events] == ["resafa"]  # only places the gazetteer knows


def test_sentences_keep_abbreviations_and_headlines() -> None:
    text = "BEIRUT (10:45 P.M.) – The SAA advanced. U.S. troops stayed.\nA Headline Without A Stop\n"
    assert sentences(text) == ["BEIRUT (10:45 P.M.) – The SAA advanced.", "U.S. troops stayed.",
                               "A Headline Without A Stop"]


def test_the_founding_report_scores_above_90_percent() -> None:
    extract_eval = bench_module("extract_eval")
    ANSWERS, score = extract_eval.ANSWERS, extract_eval.score

    result = score(json.loads(ANSWERS.read_text()), REPORT.read_text())
    assert result["recall"] >= 0.9 and result["precision"] >= 0.9, result


def test_ingest_stores_a_new_source_once(store: Store) -> None:
    text = REPORT.read_text()
    report = ingest_text(store.db.conn, text)
    assert report.title == "Syrian War Report – June 30, 2017: Government Advance Against ISIS"
    assert report.counts.added == 24
    found = list(store.iter_events(EventFilter(certainty=["claimed"])))
    ingested = [r for r in found if store.event(r.id).source.id == report.source_id]
    assert sorted(r.place_name for r in ingested) == ["Ayn Tarma", "Jobar"]
    again = ingest_text(store.db.conn, text)
    assert (again.counts.added, again.counts.unchanged) == (0, 24)


def test_ingest_needs_a_date(store: Store) -> None:
    with pytest.raises(IngestError, match="--date"):
        ingest_text(store.db.conn, "The SAA captured Resafa.")
    report = ingest_text(store.db.conn, "The SAA captured Resafa.", date="2017-06-04")
    assert report.counts.added == 1 and report.prepared[0].event["date"] == "2017-06-04"


def test_cli_dry_run_and_stdin(db_path: Path, capsys, monkeypatch) -> None:
    before = Store(db_path).count()
    assert main(["--db", str(db_path), "ingest", str(REPORT), "--dry-run"]) == 0
    assert "24 events would be added" in capsys.readouterr().out
    assert Store(db_path).count() == before
    monkeypatch.setattr("sys.stdin", io.StringIO("The SDF captured the village of Qasr Hamdan and Tabqa."))
    assert main(["--db", str(db_path), "ingest", "-", "--date", "2017-07-02"]) == 0
    captured = capsys.readouterr()
    assert "1 events added" in captured.out
    assert "not in the gazetteer: 'Qasr Hamdan'" in captured.err
    assert main(["--db", str(db_path), "ingest", "-", "--date", "July"]) == 2
