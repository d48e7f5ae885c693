"""The certainty a dataset's notes give (db/rules.py), on the shapes ACLED's notes take."""

from __future__ import annotations

import pytest
from sitroom.db.rules import certainty_cue


@pytest.mark.parametrize(("notes", "certainty"), [
    # Only the toll is in doubt: the event itself is reported as fact.
    ("On 3 March 2018, SAA shelled Kafr Nabl. Unconfirmed reports of casualties.", "confirmed"),
    ("Clashes between HTS and NLF in Ariha; unconfirmed reports of 3 fatalities.", "confirmed"),
    ("An IED struck an SDF patrol near Hajin. Casualties unconfirmed.", "confirmed"),
    ("Airstrikes hit Saraqab. Fatalities unknown.", "confirmed"),
    ("Unverified number of civilian casualties after shelling of Douma.", "confirmed"),
    # The event itself is in doubt.
    ("Unconfirmed reports of clashes between IS and SDF in Baghuz.", "rumoured"),
    ("Rumours that the coalition withdrew from al-Tanf.", "rumoured"),
    ("Unconfirmed reports of clashes; unconfirmed reports of casualties.", "rumoured"),
    ("IS claimed an attack on SAA positions near Mayadin.", "claimed"),
    ("The SAA reportedly shelled Latamneh. Casualties unconfirmed.", "claimed"),
])
def test_doubt_about_the_toll_is_not_doubt_about_the_event(notes: str, certainty: str) -> None:
    assert certainty_cue(notes)[0] == certainty
