"""Score `sitroom ingest`'s extractor against a hand-made answer file; print precision and recall.

    python bench/extract_eval.py                       # the founding report and its answers
    python bench/extract_eval.py ANSWERS.json REPORT.txt

An extracted event matches an expected one when place, type and certainty agree and its acting side
(actors and allies) names the same factions, a parent standing for its units. Each expected event is
matched at most once. Targets are scored on their own, over the matched events.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from sitroom.db import create_store  # noqa: E402
from sitroom.db.reports.extract import Lexicon, extract  # noqa: E402

ANSWERS = ROOT / "bench" / "answers" / "000_848b1a6e00f665fa.json"
SEEDS = ROOT / "tests" / "data"  # a copy of ../shared/seeds/000_848b1a6e00f665fa.txt


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


def main() -> None:
    answers_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ANSWERS
    answers = json.loads(answers_path.read_text(encoding="utf-8"))
    report_path = Path(sys.argv[2]) if len(sys.argv) > 2 else SEEDS / answers["report"]
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


if __name__ == "__main__":
    main()
