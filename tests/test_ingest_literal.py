"""A report's sentences are stored and shown as the report wrote them (its dashes, quotes, spaces and
glosses); the rules read them normalised, as before. Stores made when excerpts were stored normalised
still match: by event id on a second ingest, and in a review."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.reports.extract import Lexicon, extract
from sitroom.db.reports.sentences import sentences
from sitroom.db.reports.spelling import normalise, sentence_key
from sitroom.tui.cli import main

CAPTURE = "The SAA captured Tal (Hill) Abyad on the Syrian–Iraqi road — a “strategic” hill."
ATTACK = "ISIS fighters attacked the SAA in Resafa,\u00a0activists said."
SHELLING = "The SDF’s units shelled  Jobar."  # two spaces, as the report has them
REPORT = f"Syria – 1 July 2017\n\n{CAPTURE}\n{ATTACK}\n{SHELLING}\n"
DATE = "2017-07-01"


def _excerpts(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(e for (e,) in conn.execute("SELECT excerpt FROM events WHERE source LIKE 'report-%'"))
    finally:
        conn.close()


def test_the_stored_excerpt_is_the_reports_sentence(store: Store, db_path: Path) -> None:
    report = store.ingest(REPORT, date=DATE)
    assert report.counts.added == 3
    assert _excerpts(db_path) == sorted([CAPTURE, ATTACK, SHELLING])
    assert sorted(s for _, s in report.extraction.unknown_places) == []  # all three places are known


def test_the_dry_run_json_sentence_is_the_reports_sentence(db_path: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")
    assert main(["ingest", str(file), "--dry-run", "--json", "--db", str(db_path), "--date", DATE]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["sentence"] for line in lines[:-1]] == [CAPTURE, ATTACK, SHELLING]
    assert [line["place"]["name"] for line in lines[:-1]] == ["Tal Abyad", "Resafa", "Jobar"]


def test_the_rules_read_what_they_read_before(db_path: Path) -> None:
    """The events of the report as written are those of its normalised form (what the rules read before),
    field for field; only the sentence shown differs, and only in its typography."""
    lex = Lexicon(sqlite3.connect(db_path))
    written, normalised = extract(REPORT, lex, DATE), extract(normalise(REPORT), lex, DATE)
    assert len(written.events) == 3

    def fields(events: list) -> list[dict]:
        return [{**vars(e), "sentence": None, "why": dict(e.why)} for e in events]

    assert fields(written.events) == fields(normalised.events)
    assert [e.sentence for e in written.events] == [CAPTURE, ATTACK, SHELLING]
    assert [sentence_key(e.sentence) for e in written.events] == [e.read for e in written.events]
    assert [(e.type, e.place, e.certainty, e.factions) for e in written.events] == [
        ("capture", "geonames:163750", "confirmed", [("saa", "actor")]),
        ("attack", "resafa", "claimed", [("isis", "actor"), ("saa", "target")]),
        ("shelling", "jobar", "confirmed", [("sdf", "actor")])]


def test_sentences_keep_the_texts_words_and_where_they_are() -> None:
    text = ("BEIRUT — Government forces took Tal (Hill) Kurdi,\u00a0the ‘Observatory’ said. It fell.\n"
            "The liberated villages are:\n\n– Tal (Hill) Abyad (a hill);\n• Kafr–Nabl and\n• Hamima.\n")
    found = sentences(text)
    assert [s.text for s in found] == [
        "Government forces took Tal Kurdi, the 'Observatory' said.", "It fell.",
        "The liberated villages are: Tal Abyad, Kafr-Nabl and Hamima."]
    assert [s.literal for s in found] == [
        "Government forces took Tal (Hill) Kurdi,\u00a0the ‘Observatory’ said.", "It fell.",
        "The liberated villages are: Tal (Hill) Abyad, Kafr–Nabl and Hamima."]
    assert found[0].dateline == "BEIRUT —"
    assert [text[slice(*s.span)] for s in found[:2]] == [s.literal for s in found[:2]]  # type: ignore[misc]
    assert text[slice(*found[2].span)] == text[text.index("The liberated"):].rstrip()  # type: ignore[misc]


def _as_stored_before(path: Path) -> None:
    """The store as a sitroom that stored excerpts normalised left it."""
    conn = sqlite3.connect(path)
    with conn:
        rows = conn.execute("SELECT id, excerpt FROM events WHERE source LIKE 'report-%'").fetchall()
        for eid, excerpt in rows:
            conn.execute("UPDATE events SET excerpt = ? WHERE id = ?", (sentence_key(excerpt), eid))
    conn.close()


def test_a_store_made_before_gets_no_second_copy(db_path: Path) -> None:
    store = Store(db_path)
    try:
        first = store.ingest(REPORT, date=DATE)
        ids = sorted(p.event["id"] for p in first.prepared)
        _as_stored_before(db_path)
        assert _excerpts(db_path) == sorted(sentence_key(s) for s in (CAPTURE, ATTACK, SHELLING))
        again = store.ingest(REPORT, date=DATE)
    finally:
        store.close()
    assert (again.counts.added, again.counts.updated) == (0, 3)  # the same events, their excerpts now literal
    assert sorted(p.event["id"] for p in again.prepared) == ids
    assert _excerpts(db_path) == sorted([CAPTURE, ATTACK, SHELLING])


@pytest.mark.parametrize("before", [False, True])
def test_a_review_matches_stored_excerpts_of_either_kind(db_path: Path, before: bool) -> None:
    store = Store(db_path)
    try:
        store.ingest(REPORT, date=DATE)
        if before:
            _as_stored_before(db_path)
        conn = sqlite3.connect(db_path)  # a review dropped the attack; it remembers it by its sentence
        with conn:
            attack = conn.execute("SELECT id FROM events WHERE place = 'resafa' AND source LIKE 'report-%'"
                                  ).fetchone()[0]
            conn.execute("DELETE FROM event_factions WHERE event = ?", (attack,))
            conn.execute("DELETE FROM events WHERE id = ?", (attack,))
            said = sentence_key(ATTACK) if before else ATTACK
            conn.execute("UPDATE reports SET dropped = ?", (json.dumps([[said, "attack", "Resafa"]]),))
        conn.close()
        review = store.review_report(REPORT, date=DATE)
    finally:
        store.close()
    # Each candidate the extractor finds is the stored event it was, or the one dropped: none is new.
    stored = [i for i in review.items if i.stored]
    assert sorted(i.fields.event_type for i in stored) == ["capture", "shelling"]
    (dropped,) = [i for i in review.items if not i.stored]
    assert dropped.dropped and dropped.sentence == ATTACK
    # Each is marked in the text where the report has it, as the report wrote it.
    assert [review.text[slice(*i.span)] for i in review.items] == [CAPTURE, ATTACK, SHELLING]  # type: ignore[misc]
