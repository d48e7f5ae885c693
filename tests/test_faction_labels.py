"""Short labels made for the factions a dataset brings: readable abbreviations a person recognises
(from the name's words, the acronyms it carries, a state's country code), unique in the store, and the
same every time the same names come in."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.files.importing import import_file
from sitroom.db.write.names import short_label

REAL = Path(__file__).parent / "data" / "real"
FILES = ("three_countries_acled.csv", "acled_2015_upper.csv", "ucdp_ged_231_car.csv", "acled_2024.csv",
         "ucdp_ged_191_syria.csv")


def labels(store: Store) -> dict[str, str]:
    return dict(store.db.execute("SELECT name, short FROM factions"))


@pytest.mark.parametrize(("name", "label"), [
    ("Kurdistan Workers' Party (PKK)", "PKK"),  # an acronym the name carries
    ("MNJTF: Multinational Joint Task Force", "MNJTF"),  # ACLED's acronym prefix
    ("Civilian JTF", "CivJTF"),  # CJTF is the coalition's: the acronym kept, with the word before it
    ("Jaysh al-Islam", "JaI"), ("Jabhat Fateh al-Sham", "JFS"), ("Syrian National Army", "SNA"),
    ("Hezbollah", "Hezbollah"), ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "BokoHaram"),
    # An era of a state's forces says its era: it is a unit of the force named without it.
    ("Military Forces of Nigeria (2010-2015)", "NGA-Mil 2010-15"),
    ("Police Forces of Iraq (2014-)", "IRQ-Pol 2014-"),
    ("Government of Central African Republic", "CAF-Gov"),
    ("Military Forces of Syria (2000-2024) Military Intelligence", "SYR-MI"),
    ("Civilians (Syria)", "Civ-SYR"), ("Unidentified Armed Group (Lebanon)", "UAG-LBN"),
    ("Protesters (Nigeria)", "Prot-NGA"), ("Anti-Balaka - Mokom", "AB-Mokom"),
])
def test_a_label_reads_as_the_name(name: str, label: str) -> None:
    assert short_label(name, {"cjtf", "saa", "sdf", "isis"}) == label


def test_a_taken_label_gives_way_to_the_next_readable_one() -> None:
    taken = {"isr-mil"}  # the force's: its era's label is the force's and the era, not a number
    assert short_label("Military Forces of Israel (2022-)", taken) == "ISR-Mil 2022-"
    assert short_label("Liwa al-Quds", {"laq"}) == "LiwaQuds"
    assert short_label("Hezbollah", {"hezbollah", "hez"}) == "Hezbollah2"  # nothing readable left


def test_labels_made_on_real_files_are_readable_unique_and_stable(fresh: Store, tmp_path: Path) -> None:
    for name in FILES:
        import_file(fresh.db.conn, REAL / name)
    made = labels(fresh)
    shorts = [s.casefold() for s in made.values()]
    assert len(shorts) == len(set(shorts))
    for name, label in {"Military Forces of Nigeria (2010-2015)": "NGA-Mil 2010-15",
                        "Military Forces of Nigeria": "NGA-Mil",
                        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": "BokoHaram",
                        "Civilians (Iraq)": "Civ-IRQ", "Jaysh al-Islam": "JaI",
                        "Military Forces of Israel (2009-)": "ISR-Mil 2009-",
                        "Military Forces of Israel (2022-)": "ISR-Mil 2022-"}.items():
        assert made.get(name) == label, name
    # No label is a cut of initials with a number stuck on (the old MFON22, BHJAIS).
    assert not any(s[-1].isdigit() and s[:-2].isupper() and "-" not in s for s in made.values())
    # Imported again, and into another store in the same order: the same labels.
    for name in FILES:
        import_file(fresh.db.conn, REAL / name)
    assert labels(fresh) == made
    from sitroom.db import create_store

    other = tmp_path / "other.db"
    create_store(other, bundled=False)
    again = Store(other)
    for name in FILES:
        import_file(again.db.conn, REAL / name)
    assert labels(again) == made
    again.close()
