"""One admin area, one front: the spellings a dataset gives one division (Deir-ez-Zor, Deir ez Zor, Dayr
az Zawr) make one front, and a bundled front named as that division (Deir Ezzor) is it; imported and
listed as a user does it."""

from __future__ import annotations

import csv
from pathlib import Path

from sitroom.db import Store, create_store
from sitroom.tui.cli.main import main

HEADER = Path(__file__).parent / "data" / "real" / "acled_2024.csv"


def acled_file(path: Path, rows: list[tuple[str, str, str, float, float]]) -> Path:
    """An ACLED 2024 file (its real header) of rows known only to their province: (id, country,
    admin1, lat, lon)."""
    with HEADER.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, header)
        out.writeheader()
        for n, (event_id, country, admin1, lat, lon) in enumerate(rows):
            out.writerow({"event_id_cnty": event_id, "event_date": f"{n + 1}-Aug-24", "year": "2024",
                          "time_precision": "1", "event_type": "Battles", "sub_event_type": "Armed clash",
                          "actor1": "Islamic State (Syria)", "country": country, "admin1": admin1,
                          "location": admin1, "latitude": lat, "longitude": lon, "geo_precision": "3",
                          "source": "SOHR", "notes": f"Clashes in {admin1}.", "fatalities": "0"})
    return path


def test_spellings_of_one_division_are_one_front(tmp_path: Path, capsys) -> None:
    store_path = tmp_path / "s.db"
    create_store(store_path, bundled=False)
    rows = [("SYR1", "Syria", "Deir-ez-Zor", 35.33, 40.14), ("SYR2", "Syria", "Deir ez Zor", 35.33, 40.14),
            ("SYR3", "Syria", "Dayr az Zawr", 35.33, 40.14),
            # A country the bundled boundaries do not know: its divisions' spellings fold all the same.
            ("ATL1", "Atlantis", "Deir-ez-Zor", 0.5, -30.0), ("ATL2", "Atlantis", "Deir Ezzor", 0.5, -30.0)]
    assert main(["import", str(acled_file(tmp_path / "dez.csv", rows)), "--db", str(store_path)]) == 0
    store = Store(store_path)
    fronts = dict(store.db.execute("SELECT source_event_id, front FROM events"))
    names = {f.slug: f.name for f in store.fronts()}
    store.close()
    assert {fronts["SYR1"], fronts["SYR2"], fronts["SYR3"]} == {"deir-ezzor"}
    assert names["deir-ezzor"] == "Deir Ezzor"
    assert fronts["ATL1"] == fronts["ATL2"] != "deir-ezzor" and "Deir" in names[fronts["ATL1"]]
    capsys.readouterr()
    assert main(["fronts", "--db", str(store_path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert sum(1 for line in listed if "Deir" in line) == 2  # the Syrian front and the Atlantean one
    assert not any(line.startswith("deir-ez-zor ") and "Syria" in line for line in listed)
