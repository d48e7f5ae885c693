"""Who held what: only a confirmed capture of the place itself, once it is over, changes its holder.
Gains short of the place are advances; claimed and rumoured captures are kept and shown as claims."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from sitroom.db import EventFilter, Store
from sitroom.db.loader import Reference, prepare_event, write_events

from .helpers import detail_text, make_app, plain, settle

GOVERNMENT = ("liwa-al-quds", "ndf", "tiger-forces")


def add(db_path: Path, *records: dict) -> None:
    """Write events into the store at `db_path` the way every importer does."""
    db = sqlite_utils.Database(db_path)
    base = {"front": "homs-desert", "source": "swr-2017-06-30", "certainty": "confirmed"}
    with db.conn:
        ref = Reference(db)
        write_events(db.conn, [prepare_event({**base, **r}, ref) for r in records])
    db.close()


def capture(place: str, date: str, certainty: str, *parties: tuple[str, str], **more) -> dict:
    return {"date": date, "place": place, "event_type": "capture", "certainty": certainty,
            "summary": f"{certainty} capture of {place} on {date}",
            "factions": [{"faction": f, "role": r} for f, r in parties], **more}


@pytest.mark.parametrize(
    ("place", "before", "on", "holder_before", "holder_after"),
    [
        # Taken "in June" (month precision): it counts once June is over, not from its first day.
        ("resafa", "2017-06-29", "2017-06-30", ("isis",), ("saa",)),
        ("al-shreima", "2017-06-29", "2017-06-30", ("isis",), GOVERNMENT),
        ("jadidah", "2017-06-29", "2017-06-30", ("isis",), GOVERNMENT),
        ("rasm-askar", "2017-06-29", "2017-06-30", ("isis",), GOVERNMENT),
        ("bir-abu-allaj", "2017-06-29", "2017-06-30", ("isis",), ("tiger-forces",)),
        ("kasrat-affan", "2017-06-29", "2017-06-30", (), ("sdf",)),  # who lost it is not stated
        ("mustajd-naqib", "2017-06-29", "2017-06-30", (), ("sdf",)),
    ],
)
def test_holders_before_and_after_the_captures(store: Store, place: str, before: str, on: str,
                                               holder_before: tuple, holder_after: tuple) -> None:
    assert store.holder(place, before).holders == holder_before
    assert store.holder(place, on).holders == holder_after


def test_a_month_precision_capture_counts_once_its_month_is_over(store: Store) -> None:
    mid_june = store.holder("resafa", "2017-06-15")
    assert mid_june.holders == ("isis",) and mid_june.since is None
    assert mid_june.until is not None and mid_june.until.over == "2017-06-30"
    assert store.holder("resafa", "2017-06-30").since == mid_june.until


def test_humaima_goes_to_the_government_side(store: Store) -> None:
    assert store.holder("humaima", "2017-06-29").holders == ("isis",)
    after = store.holder("humaima", "2017-06-30")
    assert after.holders == ("russian-aerospace-forces", "saa")
    assert after.since is not None and after.since.from_ == ("isis",)


def test_claims_and_attacks_change_nothing(store: Store) -> None:
    assert store.control_history("jobar") == []  # Faylaq al-Rahman's claim there is no capture
    assert store.holder("jobar", "2017-07-01").holders == ()
    assert store.control_history("ayn-tarma-roundabout") == []  # reached, not captured


def test_partial_gains_are_advances_not_captures(store: Store) -> None:
    """"seize large chunks of the city, while also encircling the remaining terrorists still occupying
    several neighborhoods": Raqqa did not change hands in June 2017 (it fell in October). "several
    strategic hills east of Khansir": hills near the town, not the town."""
    for place in ("raqqa", "khanasir"):
        assert store.control_history(place) == []
        assert store.holder(place, "2017-07-15").holders == ()
        assert [r.event_type for r in store.iter_events(EventFilter(places=[place]))
                if r.event_type in ("capture", "advance")] == ["advance"]
    assert place not in {h.place for h in store.holdings("2017-07-15")}


def test_a_partial_gain_added_later_changes_no_holder(db_path: Path) -> None:
    add(db_path, {"date": "2017-07-03", "place": "humaima", "event_type": "advance",
                  "summary": "ISIS took hills east of Humaima.",
                  "factions": [{"faction": "isis", "role": "actor"}, {"faction": "saa", "role": "target"}]})
    store = Store(db_path)
    try:
        assert store.holder("humaima", "2017-07-05").holders == ("russian-aerospace-forces", "saa")
        assert [h.certainty for h in store.control_history("humaima")] == ["confirmed"]
    finally:
        store.close()


@pytest.mark.parametrize("certainty", ["claimed", "rumoured"])
def test_a_claimed_capture_is_shown_as_a_claim_and_changes_no_holder(db_path: Path, certainty: str) -> None:
    parties = [("isis", "actor"), ("saa", "target")]
    parties += [("isis", "claimant")] if certainty == "claimed" else []
    add(db_path, capture("humaima", "2017-07-02", certainty, *parties))
    store = Store(db_path)
    try:
        held = store.holder("humaima", "2017-07-05")
        assert held.holders == ("russian-aerospace-forces", "saa") and held.since is not None
        assert held.since.date == "2017-06-30"
        history = store.control_history("humaima")
        assert [(h.date, h.certainty, h.to) for h in history] == [
            ("2017-06-30", "confirmed", ("russian-aerospace-forces", "saa")),
            ("2017-07-02", certainty, ("isis",))]
        # The map: still the government's, marked as claimed by ISIS since; not before the claim.
        humaima = next(h for h in store.holdings("2017-07-05") if h.place == "humaima")
        assert (humaima.bloc, humaima.claim_bloc) == ("government", "isis")
        assert humaima.claim_certainty == certainty
        humaima = next(h for h in store.holdings("2017-07-01") if h.place == "humaima")
        assert (humaima.bloc, humaima.claim_bloc) == ("government", None)
        # A capture that is only claimed is no change on a front either.
        assert [c.date for c in store.changes("homs-desert", "2017-06-01", "2017-07-31")] == ["2017-06-30"]
    finally:
        store.close()


def test_a_claim_by_the_holder_is_no_mark(db_path: Path) -> None:
    add(db_path, capture("humaima", "2017-07-02", "claimed", ("saa", "actor"), ("saa", "claimant")))
    store = Store(db_path)
    try:
        humaima = next(h for h in store.holdings("2017-07-05") if h.place == "humaima")
        assert (humaima.bloc, humaima.claim_bloc) == ("government", None)
    finally:
        store.close()


def test_a_claim_where_no_capture_is_confirmed_is_still_only_a_claim(db_path: Path) -> None:
    add(db_path, capture("jobar", "2017-07-02", "claimed", ("faylaq-al-rahman", "actor"),
                         ("faylaq-al-rahman", "claimant"), front="eastern-damascus"))
    store = Store(db_path)
    try:
        assert store.holder("jobar", "2017-07-05").holders == ()
        jobar = next(h for h in store.holdings("2017-07-05") if h.place == "jobar")
        assert (jobar.bloc, jobar.claim_bloc) == ("", "opposition")
    finally:
        store.close()


def test_what_changed_hands_on_a_front(store: Store) -> None:
    raqqa = store.changes("raqqa", "2017-06-01", "2017-06-30")
    assert sorted((c.place, c.to) for c in raqqa) == [("kasrat-affan", ("sdf",)), ("mustajd-naqib", ("sdf",))]
    assert store.changes("raqqa", "2017-06-01", "2017-06-29") == []
    assert len(store.changes(None, "2017-06-01", "2017-06-30")) == 9


async def test_the_detail_pane_says_a_claim_is_a_claim(db_path: Path) -> None:
    add(db_path, capture("humaima", "2017-07-02", "claimed", ("isis", "actor"), ("saa", "target"),
                         ("isis", "claimant")))
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # the newest event, ISIS's claim, is highlighted
        await settle(pilot)
        text = detail_text(app)
        assert "Control of Humaima" in text
        assert "2017-06-30  SAA+VKS took it from ISIS" in text
        assert "2017-07-02  ISIS claims it took it from SAA (◐ claimed: not a change of hands)" in text
        assert "ISIS took it" not in text
        await pilot.press("m")
        await settle(pilot)
        legend = plain(app.query_one("#map-legend").render(), width=200)
        assert "only claimed since: i ISIS 1" in legend
