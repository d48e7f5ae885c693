"""Who held what, from the bundled captures."""

from __future__ import annotations

import pytest
from sitroom.db import Store


@pytest.mark.parametrize(
    ("place", "before", "on", "holder_before", "holder_after"),
    [
        ("resafa", "2017-05-31", "2017-06-01", ("isis",), ("saa",)),  # dated to June 2017
        ("al-shreima", "2017-06-29", "2017-06-30", ("isis",), ("liwa-al-quds", "ndf", "tiger-forces")),
        ("jadidah", "2017-06-29", "2017-06-30", ("isis",), ("liwa-al-quds", "ndf", "tiger-forces")),
        ("rasm-askar", "2017-06-29", "2017-06-30", ("isis",), ("liwa-al-quds", "ndf", "tiger-forces")),
        ("khanasir", "2017-06-29", "2017-07-15", ("isis",), ("liwa-al-quds", "ndf", "tiger-forces")),
        ("kasrat-affan", "2017-06-29", "2017-06-30", (), ("sdf",)),  # who lost it is not stated
        ("mustajd-naqib", "2017-06-29", "2017-06-30", (), ("sdf",)),
    ],
)
def test_holders_before_and_after_the_captures(store: Store, place: str, before: str, on: str,
                                               holder_before: tuple, holder_after: tuple) -> None:
    assert store.holder(place, before).holders == holder_before
    assert store.holder(place, on).holders == holder_after


def test_humaima_goes_to_the_government_side(store: Store) -> None:
    assert store.holder("humaima", "2017-06-29").holders == ("isis",)
    after = store.holder("humaima", "2017-06-30")
    assert after.holders == ("russian-aerospace-forces", "saa")
    assert after.since is not None and after.since.from_ == ("isis",)


def test_claims_and_attacks_change_nothing(store: Store) -> None:
    assert store.control_history("jobar") == []  # Faylaq al-Rahman's claim there is no capture
    assert store.holder("jobar", "2017-07-01").holders == ()
    assert store.control_history("ayn-tarma-roundabout") == []  # reached, not captured


def test_what_changed_hands_on_a_front(store: Store) -> None:
    raqqa = store.changes("raqqa", "2017-06-01", "2017-06-30")
    assert (raqqa[0].date, raqqa[0].place) == ("2017-06-01", "raqqa")  # oldest first
    assert sorted((c.place, c.to) for c in raqqa) == [
        ("kasrat-affan", ("sdf",)), ("mustajd-naqib", ("sdf",)), ("raqqa", ("sdf",))]
    assert store.changes("raqqa", "2017-06-02", "2017-06-29") == []
    assert len(store.changes(None, "2017-06-01", "2017-06-30")) == 11
