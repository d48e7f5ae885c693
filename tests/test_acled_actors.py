"""ACLED's era-suffixed state forces: each era its own faction (another era is another government's
forces), a unit of the force named without the era, its units units of it; labels that say the era.
Choosing the force in the filter chooses every era and unit (tests/fixtures/README.md)."""

from __future__ import annotations

from pathlib import Path

from sitroom.db import EventFilter, Store

ERAS = Path(__file__).parent / "fixtures" / "acled_actor_eras.csv"


def factions(store: Store) -> dict[str, tuple[str, str | None, str]]:
    """name → (short label, parent's name, bloc)."""
    return {name: (short, parent, bloc) for name, short, parent, bloc in store.db.execute(
        "SELECT f.name, f.short, p.name, f.bloc FROM factions f LEFT JOIN factions p ON p.slug = f.parent")}


def test_eras_are_units_of_the_force_and_say_their_era(fresh: Store) -> None:
    fresh.import_file(ERAS)
    made = factions(fresh)
    assert made["Police Forces of India"] == ("IND-Pol", None, "government")
    assert made["Police Forces of India (2014-)"] == ("IND-Pol 2014-", "Police Forces of India", "government")
    assert made["Police Forces of India (2014-) Border Security Force"] == (
        "IND-BSF", "Police Forces of India (2014-)", "government")
    # Two governments' forces: two factions, neither folded into the other, under one parent made for them.
    force = "Military Forces of Afghanistan"
    assert made[f"{force} (2004-2021)"][:2] == ("AFG-Mil 2004-21", force)
    assert made[f"{force} (2021-)"][:2] == ("AFG-Mil 2021-", force)
    assert made["Military Forces of Afghanistan"] == ("AFG-Mil", None, "government")


def test_choosing_the_force_chooses_every_era_and_unit(fresh: Store) -> None:
    fresh.import_file(ERAS)
    slug = {name: slug for slug, name in fresh.db.execute("SELECT slug, name FROM factions")}
    india = fresh.count(EventFilter(factions=(slug["Police Forces of India"],)))
    assert india == 3  # the force's own row, its 2014- era's and that era's Border Security Force's
    afghanistan = fresh.count(EventFilter(factions=(slug["Military Forces of Afghanistan"],)))
    assert afghanistan == 3  # 2004-2021 once, 2021- twice (one as the target)
    listed = [f.name for f in fresh.factions()]  # each parent followed by its units, as the picker lists
    at = listed.index("Police Forces of India")
    assert listed[at + 1: at + 3] == ["Police Forces of India (2014-)",
                                      "Police Forces of India (2014-) Border Security Force"]


def test_an_era_met_first_makes_its_force_first(fresh: Store, tmp_path: Path) -> None:
    """The force takes the plain label whichever comes first in the file."""
    lines = ERAS.read_text(encoding="utf-8").splitlines(keepends=True)
    unit_first = [lines[0], *(line for line in lines[1:] if "Border Security Force" in line)]
    (tmp_path / "unit.csv").write_text("".join(unit_first), encoding="utf-8")
    fresh.import_file(tmp_path / "unit.csv")
    made = factions(fresh)
    assert made["Police Forces of India"][:2] == ("IND-Pol", None)
    assert made["Police Forces of India (2014-)"][:2] == ("IND-Pol 2014-", "Police Forces of India")
