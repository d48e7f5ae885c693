"""Reviewing a report before its events land (issue 18): the store's side of `ingest --review` and
`sitroom review` — candidates, proposals, and landing the decisions in one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sitroom.db import (
    ACCEPT,
    DROP,
    NEW,
    Decision,
    EventFilter,
    Review,
    ReviewError,
    Store,
    place_choices,
    review_blank,
    review_check,
)

from .test_tallies import assert_consistent

SEED = Path(__file__).parent / "data" / "000_848b1a6e00f665fa.txt"
TEXT = SEED.read_text(encoding="utf-8")


def item(review: Review, place: str, event_type: str | None = None):
    return next(i for i in review.items if i.fields.place_name == place
                and (event_type is None or i.fields.event_type == event_type))


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_a_report_is_read_with_its_sentences_found_in_the_text(store: Store) -> None:
    review = store.review_report(TEXT)
    assert not review.ingested and review.date == "2017-06-30"
    assert len(review.items) == 24
    for i in review.items:
        assert i.stored is None and i.span is not None
        # The sentence is where the item says, as the text has it (its own quotes, dashes and spaces).
        assert review.text[i.span[0]:i.span[1]] == i.sentence
    starts = [i.span[0] for i in review.items]
    assert starts == sorted(starts)
    assert len(review.sentences) > len({i.span for i in review.items})
    assert store.count() == 24  # reading wrote nothing


def test_proposals_name_the_happening_and_why(store: Store) -> None:
    review = store.review_report(TEXT)
    resafa = item(review, "Resafa", "capture")
    (first, *_) = store.proposals(resafa, review)
    assert first.place == "Resafa" and first.event_type == "capture"
    assert (first.date, first.date_precision) == ("2017-06-01", "month")  # the bundled account: June
    assert first.sources == ("Syrian War Report – June 30, 2017: Government Advance Against ISIS",)
    assert first.why[:3] == ("same place", "dates overlap", "same type")
    assert "acted in both" in first.why[3]
    # Edited to another side and place, nothing matches: no proposal.
    moved = replace(resafa.fields, place="jobar", place_name="Jobar", date="2016-01-01")
    assert store.proposals(resafa, review, moved) == []


def test_only_accepted_events_land_reviewed_and_linked(store: Store, db_path: Path) -> None:
    review = store.review_report(TEXT)
    resafa, humaima, jobar = item(review, "Resafa", "capture"), item(review, "Humaima"), item(
        review, "Jobar district")
    bundled_humaima = store.proposals(humaima, review)[0].lead
    decisions = [Decision(resafa, ACCEPT), Decision(humaima, ACCEPT, link=bundled_humaima),
                 Decision(jobar, ACCEPT, link=NEW), Decision(item(review, "At Tanf"), DROP)]
    done = store.land_review(review, decisions)
    assert (done.added, done.accepted, done.joined, done.apart) == (3, 3, 1, 1)
    got = dict(rows(db_path, "SELECT id, reviewed FROM events WHERE source = ?", review.source_id))
    assert sorted(got.values()) == [1, 1, 1]
    # The chosen proposal joined by hand; "a new happening" stands apart by hand; Resafa was linked by
    # the linker as usual.
    lead, by_hand = rows(db_path, "SELECT coalesce(happening, id), linked_by_hand FROM events WHERE id = ?",
                         done.ids[humaima.key])[0]
    assert by_hand == 1 and bundled_humaima in (lead, done.ids[humaima.key])
    assert rows(db_path, "SELECT happening, linked_by_hand FROM events WHERE id = ?",
                done.ids[jobar.key]) == [(None, 1)]
    assert rows(db_path, "SELECT happening IS NOT NULL OR EXISTS (SELECT 1 FROM events f WHERE f.happening "
                "= e.id) FROM events e WHERE id = ?", done.ids[resafa.key]) == [(1,)]
    # Happenings count once: Resafa and Humaima joined the bundled ones, Jobar is one more.
    assert store.count() == 25
    assert_consistent(db_path)


def test_edits_land_as_edited(store: Store, db_path: Path) -> None:
    review = store.review_report(TEXT)
    raqqa = item(review, "Raqqa", "advance")
    edited = replace(raqqa.fields, event_type="capture", certainty="claimed", date="2017-06-29",
                     factions=(("sdf", "actor"), ("isis", "target")))
    unknown = item(review, "Habbari field area")
    renamed = replace(unknown.fields, place=None, place_name="Habbari oil field")
    done = store.land_review(review, [Decision(raqqa, ACCEPT, edited), Decision(unknown, ACCEPT, renamed)])
    (event_type, certainty, day, summary, place), = rows(
        db_path, "SELECT event_type, certainty, date, summary, place FROM events WHERE id = ?",
        done.ids[raqqa.key])
    assert (event_type, certainty, day, place) == ("capture", "claimed", "2017-06-29", "raqqa")
    assert summary.startswith("Syrian Democratic Forces: capture at Raqqa (claimed)")
    assert sorted(rows(db_path, "SELECT faction, role FROM event_factions WHERE event = ?",
                       done.ids[raqqa.key])) == [("isis", "target"), ("sdf", "actor")]
    (place, summary), = rows(db_path, "SELECT place, summary FROM events WHERE id = ?", done.ids[unknown.key])
    assert place is None and "Habbari oil field [named by hand" in summary
    assert_consistent(db_path)


def test_an_added_event_for_a_missed_sentence(store: Store, db_path: Path) -> None:
    review = store.review_report(TEXT)
    taken = {i.span for i in review.items}
    span = next(s for s in review.sentences if s not in taken)
    added = review_blank(review, span, 0)
    assert added.key == "a0" and added.sentence and added.fields.date == "2017-06-30"
    fields = replace(added.fields, event_type="advance", place="jobar", place_name="Jobar",
                     factions=(("saa", "actor"),))
    assert review_check(fields, review) is None
    bad_date, nobody = replace(fields, date="2017-13-01"), replace(fields, factions=(("nobody", "actor"),))
    assert review_check(bad_date, review) == "'2017-13-01' is not a date like 2017-06-30"
    assert review_check(nobody, review) == "there is no faction 'nobody'"
    done = store.land_review(review, [Decision(added, ACCEPT, fields)])
    assert done.added == 1
    assert rows(db_path, "SELECT excerpt, reviewed FROM events WHERE id = ?", done.ids["a0"]) == [
        (added.sentence, 1)]


def test_place_choices_type_ahead(store: Store) -> None:
    review = store.review_report(TEXT)
    found = place_choices(review, "raq")
    assert found and found[0][1].lower().startswith("raq")
    assert any(name == "Raqqa" for _, name, _ in found)
    assert place_choices(review, "") == []


def test_reopened_events_show_as_stored_and_a_drop_removes_them_exactly(store: Store, db_path: Path) -> None:
    store.ingest(TEXT)  # landed unreviewed, linked to the bundled happenings
    assert store.count() == 24  # each of the report's accounts joined its bundled happening
    source = next(s for s, in rows(db_path, "SELECT id FROM sources WHERE id LIKE 'report-%'"))
    review = store.review_source(source)
    assert len(review.items) == 24 and all(i.stored and i.reviewed == 0 for i in review.items)
    raqqa = item(review, "Raqqa", "advance")
    assert raqqa.happening is not None  # it shares a happening with the bundled account
    assert store.proposals(raqqa, review)[0].current
    # The same screen from the report's text: the stored events, nothing offered twice.
    again = store.review_report(TEXT)
    assert again.ingested and {i.stored for i in again.items} == {i.stored for i in review.items}
    # Let the report's Resafa capture lead its happening (as a surer account would), then drop it, a
    # follower (Mustajd Naqib) and the advance on the hills east of Khansir; accept the rest.
    resafa = item(review, "Resafa", "capture")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE events SET happening = NULL WHERE id = ?", (resafa.stored,))
        conn.execute("UPDATE events SET happening = ? WHERE id = ?", (resafa.stored, resafa.happening))
    conn.close()
    review = store.review_source(source)
    resafa = item(review, "Resafa", "capture")
    assert resafa.happening == resafa.stored
    dropped = {resafa.key, item(review, "Mustajd Naqib").key,
               next(i.key for i in review.items if i.fields.place_name is None)}
    decisions = [Decision(i, DROP if i.key in dropped else ACCEPT) for i in review.items]
    done = store.land_review(review, decisions)
    assert done.removed == 3 and done.accepted == 21 and done.added == 0
    left = rows(db_path, "SELECT reviewed FROM events WHERE source = ?", source)
    assert len(left) == 21 and {r for r, in left} == {1}
    assert store.count() == 24  # the bundled accounts still count, each once
    assert rows(db_path, "SELECT count(*) FROM events WHERE place = 'resafa' AND event_type = 'capture' "
                "AND happening IS NULL") == [(1,)]
    assert store.count(EventFilter(text="Mashlabi")) == 1
    assert_consistent(db_path)
    # Reopened beside the report's kept text: the accepted ones show as accepted, and what was dropped
    # is offered again as the extractor's candidate, not stored.
    reopened = store.review_source(source)
    assert reopened.whole_text and reopened.text.startswith("BEIRUT, LEBANON")
    assert {i.reviewed for i in reopened.items if i.stored} == {1}
    assert len([i for i in reopened.items if i.stored]) == 21
    assert len([i for i in reopened.items if not i.stored]) == 3


def test_a_reopened_report_pairs_each_stored_event_with_its_own_extraction(store: Store) -> None:
    review = store.review_report(TEXT)
    # The highway is the second event of its sentence; the Resafa capture, the first, is not accepted.
    highway = item(review, "Salamiyah-Resafa Highwat")
    raqqa = item(review, "Raqqa", "advance")
    edited = replace(raqqa.fields, event_type="capture")
    done = store.land_review(review, [Decision(highway, ACCEPT), Decision(raqqa, ACCEPT, edited)])
    again = store.review_report(TEXT)
    assert len(again.items) == 24
    assert {i.stored for i in again.items if i.stored} == set(done.ids.values())
    assert item(again, "Resafa", "capture").stored is None
    # The edited one stands for its extraction: the advance is not offered again beside it.
    assert sorted(i.fields.event_type for i in again.items if i.sentence == raqqa.sentence) == [
        "capture", "encirclement"]
    # Edited again into an encirclement, it still stands for the advance it was extracted as.
    edited = next(i for i in again.items if i.sentence == raqqa.sentence and i.fields.event_type == "capture")
    done = store.land_review(again, [Decision(edited, ACCEPT, replace(edited.fields, event_type="clashes"))])
    third = store.review_report(TEXT)
    assert sorted(i.fields.event_type for i in third.items if i.sentence == raqqa.sentence) == [
        "clashes", "encirclement"]


def test_a_plain_ingest_does_not_undo_a_review(store: Store, db_path: Path) -> None:
    review = store.review_report(TEXT)
    store.land_review(review, [Decision(item(review, "Resafa", "capture"), ACCEPT)])
    report = store.ingest(TEXT)
    assert report.counts.added == 0 and report.reviewed
    assert len(rows(db_path, "SELECT id FROM events WHERE source = ?", review.source_id)) == 1


def test_a_review_that_drops_every_event_is_kept_too(store: Store, db_path: Path) -> None:
    review = store.review_report(TEXT)
    done = store.land_review(review, [Decision(i, DROP) for i in review.items])
    assert done.added == 0
    report = store.ingest(TEXT)  # the analyst's "none of these" stands
    assert report.reviewed and report.counts.added == 0
    assert rows(db_path, "SELECT count(*) FROM events WHERE source = ?", review.source_id) == [(0,)]
    # Reopened by its id: the whole text, every candidate dropped as decided.
    again = store.review_source(review.source_id)
    assert again.whole_text and len(again.items) == len(review.items)
    assert all(i.dropped and i.stored is None for i in again.items)


def test_a_dataset_is_not_reviewed(store: Store) -> None:
    with pytest.raises(ReviewError, match="there is no source"):
        store.review_source("nope")
