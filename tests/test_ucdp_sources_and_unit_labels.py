"""UCDP's `;`-joined source lists shown as the file means them (write/ucdp_sources.py), in a fresh import
and in a store an older import titled with the raw field; a unit's number kept whole in its short label
(write/names.py), so the 170th and 17th brigades do not read as the 1st."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitroom.db import Store
from sitroom.db.files.importing import import_file
from sitroom.db.write.names import label_candidates, short_label
from sitroom.db.write.ucdp_sources import title

UCDP = Path(__file__).parent / "fixtures" / "rivals_ucdp.csv"
ACLED = Path(__file__).parent / "fixtures" / "rivals_acled.csv"
RAW = ('"Xinhua News Agency,2020-03-12,Houthis clash with government forces in Marib: source";'
       '"Al Arabiya,2020-03-13,Fighting in Sirwah"')
READ = ("Xinhua News Agency, 2020-03-12: Houthis clash with government forces in Marib: source; "
        "Al Arabiya, 2020-03-13: Fighting in Sirwah")


def _titles(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as conn:
        return {t for (t,) in conn.execute("SELECT title FROM sources WHERE kind = 'UCDP'")}


def _import(db_path: Path) -> None:
    store = Store(db_path)
    try:
        import_file(store.db.conn, UCDP)
    finally:
        store.close()


def test_a_source_list_reads_as_its_sources() -> None:
    assert title(RAW) == READ
    # no article field: the three columns read together, entry by entry
    assert title("", "CIMP;CIMP", "2021-02-08;2021-02-12", "DAILY ALERT;WEEKLY HIGHLIGHTS") == (
        "CIMP, 2021-02-08: DAILY ALERT; CIMP, 2021-02-12: WEEKLY HIGHLIGHTS")
    assert title("") == ""


def test_imported_and_mended_titles(db_path: Path) -> None:
    _import(db_path)
    assert _titles(db_path) == {READ, "CIMP, 2020-03-20: CIMP Daily Alert - Marib Hub"}
    with sqlite3.connect(db_path) as conn:  # as an older import titled it: the raw field, cut at 200
        conn.execute("UPDATE sources SET title = ? WHERE title = ?", (RAW[:100], READ))
    _import(db_path)
    assert READ in _titles(db_path)


def test_a_units_number_stays_whole() -> None:
    names = [f"Military Forces of Yemen (2012-) {unit}" for unit in
             ("170th Air Defence Brigade", "17th Infantry Brigade", "30th Brigade", "35th Armored Brigade")]
    assert [label_candidates(n)[0] for n in names] == ["YEM-170ADB", "YEM-17IB", "YEM-30B", "YEM-35AB"]
    assert label_candidates("25th Division")[0] == "25D"
    taken: set[str] = set()
    for name in names:
        taken.add(short_label(name, taken).casefold())
    assert len(taken) == 4


def test_an_older_stores_numberless_labels_are_made_again(db_path: Path) -> None:
    store = Store(db_path)
    try:
        import_file(store.db.conn, ACLED)
        name = "Military Forces of Yemen (2012-) 170th Air Defence Brigade"
        store.db.conn.execute("UPDATE factions SET short = 'YEM-1ADB' WHERE name = ?", (name,))
        store.db.conn.commit()
        import_file(store.db.conn, ACLED)
        [short] = store.db.execute("SELECT short FROM factions WHERE name = ?", (name,)).fetchone()
        assert short == "YEM-170ADB"
    finally:
        store.close()
