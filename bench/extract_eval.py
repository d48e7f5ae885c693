"""Score `sitroom ingest`'s extractor against hand-made answer files; print precision and recall.

    python bench/extract_eval.py                       # the founding report, then both halves of the set
    python bench/extract_eval.py --founding            # the founding report only
    python bench/extract_eval.py ANSWERS.json REPORT.txt
    python bench/extract_eval.py --devset [--split dev|test|holdout|fresh|fresh2|…|fresh9] [-v]

The development set (bench/reports/index.json) lists real reports of other publishers; their texts are
read from the git-ignored bench/reports/texts/ (a missing text is skipped with a line saying so) and
their answers from bench/answers/<id>.json (format: bench/reports/README.md). There an extracted event
matches an expected one when the sentence (either contains the other, after normalising), the place
(the gazetteer id, or the name as written, normalised) and the type agree; certainty is then scored on
the matched events, and "strict" also asks for the certainty and the acting side. An extracted event
that repeats an already matched happening from another of its sentences is a duplicate, not a false
positive; so is an extracted event at an unnamed place ("four villages") in a sentence that states
expected events of its type (the villages it summarises cannot be told apart). Unknown places (not in
the gazetteer) are counted as kept (extracted, or listed as unknown,
under their own name), moved (an event of the same sentence and type put at another place) or lost.

A region-level event ("clashes in northern Hama": `region` as written, `area` its governorate; the
README's Conventions) matches an extracted event of its sentence and type that is not put at a place's
own point (a city, town, village or site, located exactly) and either answers to the region's name or
is located, approximately, inside the governorate. Counted as hit, at a point (an event of its sentence
and type put at a point instead: the city the region is named after, usually) or lost.

An extracted event matches an expected one when place, type and certainty agree and its acting side
(actors and allies) names the same factions, a parent standing for its units. Each expected event is
matched at most once. Targets are scored on their own, over the matched events.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from sitroom.db import create_store  # noqa: E402
from sitroom.db.geography import atlas  # noqa: E402
from sitroom.db.reports.extract import Lexicon, extract, normalise  # noqa: E402
from sitroom.db.write.resolve import name_key  # noqa: E402

ANSWERS = ROOT / "bench" / "answers" / "000_848b1a6e00f665fa.json"
SEEDS = ROOT / "tests" / "data"  # a copy of ../shared/seeds/000_848b1a6e00f665fa.txt
REPORTS = ROOT / "bench" / "reports"  # index.json (committed) and texts/ (local, git-ignored)
# Places that are areas, not points: an event put there is approximate by nature.
AREA_KINDS = {"region", "governorate", "province", "road", "countryside", "desert", "pocket", "area",
              "suburbs"}
# Wording of a location (locate.py) that says it is not a place's own point.
APPROXIMATE = re.compile(r"approximate|not located|within about|countryside|about \d+ km|centre",
                         re.IGNORECASE)


def side(factions: list, roles: tuple[str, ...]) -> set[str]:
    return {f for f, r in factions if r in roles}


def same_side(found: set[str], expected: set[str], parents: dict[str, str | None]) -> bool:
    """Equal, allowing a found parent to stand for expected units (and the reverse)."""
    def lineage(slug: str) -> set[str]:
        out = set()
        while slug:
            out.add(slug)
            slug = parents.get(slug)
        return out

    return all(lineage(f) & expected or any(f in lineage(e) for e in expected) for f in found) and \
        all(lineage(e) & found or any(e in lineage(f) for f in found) for e in expected)


def score(answers: dict, report: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.db"
        create_store(path)
        conn = sqlite3.connect(path)
        lex = Lexicon(conn)
        parents = dict(conn.execute("SELECT slug, parent FROM factions"))
        extraction = extract(report, lex)
        conn.close()
    expected = answers["events"]
    unmatched = list(range(len(expected)))
    matched, false_positives, target_hits = [], [], 0
    for found in extraction.events:
        hit = next((i for i in unmatched
                    if expected[i]["place"] == found.place and expected[i]["type"] == found.type
                    and (found.place is not None or getattr(found, "unnamed", False))
                    and expected[i]["certainty"] == found.certainty
                    and same_side(side(found.factions, ("actor", "ally")),
                                  side(expected[i]["factions"], ("actor", "ally")), parents)), None)
        if hit is None:
            false_positives.append(found)
            continue
        unmatched.remove(hit)
        matched.append((found, expected[hit]))
        target_hits += side(found.factions, ("target",)) == side(expected[hit]["factions"], ("target",))
    return {
        "extracted": len(extraction.events), "expected": len(expected), "matched": len(matched),
        "precision": len(matched) / len(extraction.events) if extraction.events else 0.0,
        "recall": len(matched) / len(expected) if expected else 0.0,
        "targets": target_hits / len(matched) if matched else 0.0,
        "missed": [expected[i] for i in unmatched], "false_positives": false_positives,
    }


def _norm(sentence: str) -> str:
    return " ".join(normalise(sentence).split()).casefold()


def _same_sentence(found: str, expected: list[str]) -> bool:
    f = _norm(found)
    return any(e in f or f in e for e in expected)


class Devset:
    """The bundled gazetteer, opened once, for scoring many reports."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory()
        path = Path(self._tmp.name) / "gazetteer.db"
        create_store(path)
        conn = sqlite3.connect(path)
        self.lex = Lexicon(conn)
        self.parents = dict(conn.execute("SELECT slug, parent FROM factions"))
        self.names: dict[str, set[str]] = {}
        self.kinds: dict[str, str] = {}
        for pid, name, aliases, kind in conn.execute("SELECT id, name, aliases, kind FROM places"):
            self.names[pid] = {name_key(n) for n in (name, *json.loads(aliases or "[]"))}
            self.kinds[pid] = kind or ""
        conn.close()

    def at_point(self, found) -> bool:
        """Whether the extracted event is put at a place's own point (a city, town, village, site) rather
        than at an area or an approximate location."""
        if not found.place or self.kinds.get(found.place, "village") in AREA_KINDS:
            return False
        return not APPROXIMATE.search(found.location.located_by)

    def region_matches(self, found, expected: dict) -> bool:
        """The README's region convention: never at a point; the region's own name, or located inside
        its governorate."""
        if self.at_point(found):
            return False
        said = re.search(r"'([^']+)'", (getattr(found, "why", None) or {}).get("place", ""))
        keys = {re.sub(r"^the ", "", k) for k in self.found_place(found)[1] | {name_key(said.group(1))
                                                                              if said else ""} if k}
        region = re.sub(r"^the ", "", name_key(normalise(expected["region"])))
        # the region's name, or its head: "Latakia Province" for "part of Latakia Province"
        if any(k == region or (len(k) >= 4 and (re.search(rf"\b{re.escape(k)}\b", region)
                                                or re.search(rf"\b{re.escape(region)}\b", k))) for k in keys):
            return True
        where = found.location
        area = atlas().region("Syria", expected.get("area"))
        return where.lat is not None and where.lon is not None and area is not None and \
            area.contains(where.lon, where.lat)

    def found_place(self, found) -> tuple[str | None, set[str]]:
        """The extracted event's gazetteer id (None when unknown) and the name keys it answers to."""
        pid = found.place if found.place in self.names else None
        keys = set(self.names.get(pid, set()))
        for name in (getattr(found, "place_name", None), *getattr(found, "names", ())):
            if name:
                keys.add(name_key(name))
        surface = re.match(r"'([^']+)'", found.why.get("place", "")) if getattr(found, "why", None) else None
        if surface:
            keys.add(name_key(surface.group(1)))
        return pid, keys

    def place_matches(self, found, expected: dict) -> bool:
        if expected.get("region"):
            return self.region_matches(found, expected)
        pid, keys = self.found_place(found)
        if expected.get("place_name") is None:  # an unnamed place: only an area, never a gazetteer point
            return pid is None and not keys - {name_key(expected.get("area") or "")}
        if expected.get("place") and pid == expected["place"]:
            return True
        return name_key(normalise(expected["place_name"])) in keys

    def score_report(self, answers: dict, text: str, report_date: str | None = None) -> dict:
        day = report_date if report_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", report_date) else None
        return self.compare(answers, extract(text, self.lex, day))

    def compare(self, answers: dict, extraction) -> dict:
        """Score an extraction (events and unknown places) against a report's answers."""
        expected = answers["events"]
        sentences = [[_norm(e["sentence"]), *(_norm(s) for s in e.get("also_in", []))] for e in expected]
        matched: dict[int, object] = {}
        duplicates, false_positives = [], []
        for found in extraction.events:
            fits = [i for i, e in enumerate(expected)
                    if _same_sentence(found.sentence, sentences[i]) and self.place_matches(found, e)
                    and found.type in (e["type"], *e.get("alt_types", []))]
            free = [i for i in fits if i not in matched]
            if free:
                matched[free[0]] = found
            elif fits:
                duplicates.append(found)
            elif getattr(found, "unnamed", False) and any(
                    _same_sentence(found.sentence, sentences[i])
                    and found.type in (e["type"], *e.get("alt_types", []))
                    for i, e in enumerate(expected)):
                duplicates.append(found)  # an unnamed place ("four villages") restating named expected ones
            else:
                false_positives.append(found)
        certainty_right = [i for i, f in matched.items() if f.certainty == expected[i]["certainty"]]
        strict = [i for i in certainty_right
                  if same_side(side(matched[i].factions, ("actor", "ally")),
                               side(expected[i]["factions"], ("actor", "ally")), self.parents)]
        wrong_sides = [f"{matched[i].type} at {expected[i].get('place_name')}: found "
                       f"{sorted(side(matched[i].factions, ('actor', 'ally')))}, expected "
                       f"{sorted(side(expected[i]['factions'], ('actor', 'ally')))}"
                       for i in certainty_right if i not in strict]
        # the certainty of matched events that differs: expected vs found, with the found one's reason
        wrong_certainty = [f"{matched[i].type} at "
                           f"{expected[i].get('place_name') or expected[i].get('region')}: "
                           f"expected {expected[i]['certainty']}, found {matched[i].certainty}"
                           f" ({matched[i].why.get('certainty', 'no cue')}): {expected[i]['sentence'][:80]}"
                           for i in sorted(matched) if i not in certainty_right]
        non_event_hits = [f for f in false_positives if any(
            _same_sentence(f.sentence, [_norm(n["sentence"])])
            and (n.get("place_name") is None or name_key(n["place_name"]) in self.found_place(f)[1])
            for n in answers.get("non_events", []))]
        kept = moved = lost = 0
        unknown = [(i, e) for i, e in enumerate(expected) if e.get("place_name") and not e.get("place_known")]
        listed = {(name_key(name), _norm(s)) for name, s in extraction.unknown_places}
        for i, e in unknown:
            key = name_key(e["place_name"])
            said = [s for k, s in listed if k == key]
            if i in matched or any(x in s or s in x for s in said for x in sentences[i]):
                kept += 1
            elif any(_same_sentence(f.sentence, sentences[i])
                     and f.type in (e["type"], *e.get("alt_types", [])) for f in extraction.events):
                moved += 1
            else:
                lost += 1
        regions = [i for i, e in enumerate(expected) if e.get("region")]
        at_point = [i for i in regions if i not in matched and any(
            _same_sentence(f.sentence, sentences[i]) and f.type in (expected[i]["type"],
                                                                    *expected[i].get("alt_types", []))
            and self.at_point(f) for f in extraction.events)]
        n_extracted = len(extraction.events) - len(duplicates)
        return {
            "extracted": len(extraction.events), "duplicates": len(duplicates), "expected": len(expected),
            "matched": len(matched), "certainty_right": len(certainty_right), "strict": len(strict),
            "precision": len(matched) / n_extracted if n_extracted else 0.0,
            "recall": len(matched) / len(expected) if expected else 0.0,
            "certainty": len(certainty_right) / len(matched) if matched else 0.0,
            "non_events": len(answers.get("non_events", [])), "fp_on_non_events": len(non_event_hits),
            "unknown": len(unknown), "unknown_kept": kept, "unknown_moved": moved, "unknown_lost": lost,
            "regions": len(regions), "region_hit": sum(i in matched for i in regions),
            "region_at_point": len(at_point),
            "missed": [e for i, e in enumerate(expected) if i not in matched], "wrong_sides": wrong_sides,
            "wrong_certainty": wrong_certainty,
            "false_positives": false_positives,
        }


SUMS = ("extracted", "duplicates", "expected", "matched", "certainty_right", "strict", "non_events",
        "fp_on_non_events", "unknown", "unknown_kept", "unknown_moved", "unknown_lost", "regions",
        "region_hit", "region_at_point")


def _line(label: str, r: dict) -> str:
    n = r["extracted"] - r["duplicates"]
    p = r["matched"] / n if n else 0.0
    rec = r["matched"] / r["expected"] if r["expected"] else 0.0
    cert = r["certainty_right"] / r["matched"] if r["matched"] else 0.0
    strict = r["strict"] / n if n else 0.0
    return (f"{label:<30} {r['expected']:>4} {r['extracted']:>4} {r['matched']:>4}  P {p:5.2f}  R {rec:5.2f}"
            f"  cert {cert:4.2f}  strictP {strict:4.2f}"
            f"  FP-on-non-events {r['fp_on_non_events']:>2}/{r['non_events']:<2}"
            f"  unknown kept/moved/lost {r['unknown_kept']}/{r['unknown_moved']}/{r['unknown_lost']}"
            f"  regions hit/at-point/lost {r['region_hit']}/{r['region_at_point']}/"
            f"{r['regions'] - r['region_hit'] - r['region_at_point']}")


def print_details(result: dict) -> None:
    """`-v`: a report's missed events, wrong sides, wrong certainties and extra events."""
    for e in result["missed"]:
        where = e.get("place_name") or e.get("region") or e.get("area")
        print(f"    missed: {e['type']} at {where} ({e['certainty']}): {e['sentence'][:80]}")
    for i in result.get("wrong_sides", []):
        print(f"    sides:  {i}")
    for i in result.get("wrong_certainty", []):
        print(f"    cert:   {i}")
    for f in result["false_positives"]:
        where = getattr(f, "place_name", None) or f.place
        print(f"    extra:  {f.type} at {where} ({f.certainty}): {f.sentence[:80]}")


def score_devset(split: str | None = None, verbose: bool = False) -> dict[str, dict]:
    """Score every report of bench/reports/index.json whose text is present; print per report and split."""
    index = json.loads((REPORTS / "index.json").read_text(encoding="utf-8"))["reports"]
    devset = Devset()
    totals: dict[str, dict] = {}
    print(f"{'report':<30} {'exp':>4} {'ext':>4} {'hit':>4}")
    for entry in index:
        if split and entry["split"] != split:
            continue
        text_path = REPORTS / "texts" / f"{entry['id']}.txt"
        if not text_path.exists():
            print(f"{entry['id']:<30} skipped: no text at {text_path.relative_to(ROOT)}"
                  f" (find it again: {entry['url']})")
            continue
        text = text_path.read_text(encoding="utf-8")
        answers = json.loads((ROOT / "bench" / "answers" / f"{entry['id']}.json").read_text(encoding="utf-8"))
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != entry["sha1"]:
            print(f"{entry['id']:<30} note: the text differs from the one the answers were coded from")
        result = devset.score_report(answers, text, entry.get("published"))
        print(_line(entry["id"], result))
        if verbose:
            print_details(result)
        for key in (entry["split"], "all"):
            total = totals.setdefault(key, dict.fromkeys(SUMS, 0))
            for k in SUMS:
                total[k] += result[k]
    for key in dict.fromkeys([e["split"] for e in index] + ["all"]):
        if key in totals:
            print(_line(f"== {key}", totals[key]))
    return totals


def main() -> None:
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        print(__doc__)
        return
    verbose = "-v" in args
    split = args[args.index("--split") + 1] if "--split" in args else None
    if "--devset" in args or split:
        score_devset(split, verbose)
        return
    founding_only = "--founding" in args
    args = [a for a in args if a != "--founding"]
    answers_path = Path(args[0]) if args else ANSWERS
    answers = json.loads(answers_path.read_text(encoding="utf-8"))
    report_path = Path(args[1]) if len(args) > 1 else SEEDS / answers["report"]
    result = score(answers, report_path.read_text(encoding="utf-8"))
    print(f"report:    {report_path.name}")
    print(f"expected:  {result['expected']} events (answers: {answers_path.name})")
    print(f"extracted: {result['extracted']} events, {result['matched']} matching")
    print(f"precision: {result['precision']:.1%}")
    print(f"recall:    {result['recall']:.1%}")
    print(f"targets right on matched events: {result['targets']:.1%}")
    for e in result["missed"]:
        print(f"  missed: {e['type']} at {e['place']} ({e['certainty']}): {e['sentence'][:90]}")
    for f in result["false_positives"]:
        print(f"  extra:  {f.type} at {f.place} ({f.certainty}): {f.sentence[:90]}")
    if not args and not founding_only:
        print()
        print("development set (bench/reports/index.json):")
        score_devset(None, verbose)


if __name__ == "__main__":
    main()
