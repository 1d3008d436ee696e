"""Planted contradictions: recall and false alarms per kind on the synthetic archive of bench/corpus.py.

    python bench/planted.py [--docs 1000] [--seed 7] [--cmd .venv/bin/factcheck] [--keep DIR] [-v]

Runs the command line as the evaluation does (`factcheck --db TMP ingest corpus.jsonl`, then
`factcheck --db TMP verify --format json`). An error or warning flag finds a planted item when its kind is
the item's, it cites the odd report (the one carrying the planted side) and every evidence phrase occurs
in the text of the statements it cites; a flag that finds nothing is a false alarm. Prints, per kind,
planted, found (recall) and false alarms per 1,000 documents, then a `summary:` line; with -v, each miss and
false alarm. Exit 0 (a yardstick, not a test).
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write  # noqa: E402

COUNTED = {"error", "warning"}
KINDS = ["numeric-conflict", "sum-mismatch", "status-conflict"]


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", str(text or "").replace("\u2019", "'")).strip().lower()


def occurs(phrase: str, text: str) -> bool:
    """The phrase in the text, a figure not read inside a longer one ('5 people' is not in '15 people')."""
    return re.search(r"(?<![\d.,])" + re.escape(norm(phrase)), text) is not None


def cited(flag: dict) -> tuple[str, set[int]]:
    statements = flag.get("statements") or []
    return " || ".join(norm(s.get("text")) for s in statements), {s.get("document_id") for s in statements}


def matches(flag: dict, item: dict) -> bool:
    if flag.get("kind") != item["kind"]:
        return False
    text, documents = cited(flag)
    if item["odd"] not in documents:
        return False
    return all(any(occurs(p, text) for p in ([e] if isinstance(e, str) else e)) for e in item["evidence"])


def scored(flags: list[dict], planted: list[dict], known: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the planted items some flag matches, the flags matching no known item): each item is matched only with
    the flags citing its odd document, never every flag with every item."""
    citing: dict[tuple[str, int], list[dict]] = {}
    for f in flags:
        for doc in cited(f)[1]:
            citing.setdefault((f.get("kind"), doc), []).append(f)
    items: dict[tuple[str, int], list[dict]] = {}
    for item in known:
        items.setdefault((item["kind"], item["odd"]), []).append(item)
    found = [item for item in planted if any(matches(f, item) for f in citing.get((item["kind"], item["odd"]), []))]
    alarms = [f for f in flags if not any(matches(f, item) for doc in cited(f)[1]
                                          for item in items.get((f.get("kind"), doc), []))]
    return found, alarms


def compared(flag: dict, events: list[dict]) -> str:
    """What a false alarm compares: statements of one event, or of two events that differ in place, parties or day."""
    _, documents = cited(flag)
    owners = {n: e for e in events for n in e["documents"]}
    updates = {n for e in events for n in e["updates"]}
    if documents & updates:
        return "a next-day cumulative toll"
    found = {owners[n]["event"]: owners[n] for n in documents if n in owners}
    if len(found) <= 1:
        return "one event"
    if len(found) > 2:
        return f"{len(found)} events"
    a, b = found.values()
    if a["kind"] != b["kind"]:
        return "an attack and an exchange"
    if a["day"] == b["day"]:
        if a["kind"] == "exchange":
            return "exchanges of other parties, one day"
        return "strikes in two cities of one country, one day" if a["where"][1] == b["where"][1] \
            else "strikes in two countries, one day"
    return "one place, two days" if a["where"] == b["where"] else "two places, two days"


def run(cmd: list[str], args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd + args, capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cmd", default=".venv/bin/factcheck")
    parser.add_argument("--keep", type=Path, help="write corpus, truth, database and verify output here")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each miss and false alarm")
    args = parser.parse_args()
    cmd = shlex.split(args.cmd)
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        corpus, truth_file = write(where, args.docs, args.seed)
        db = where / "claims.db"
        for stale in where.glob("claims.db*"):
            stale.unlink()
        started = time.perf_counter()
        proc = run(cmd, ["--db", str(db), "ingest", str(corpus)])
        ingested = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"ingest failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[-300:]}")
            return 2
        started = time.perf_counter()
        proc = run(cmd, ["--db", str(db), "verify", "--format", "json"])
        verified = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            print(f"verify failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[-300:]}")
            return 2
        if args.keep:
            (where / "verify.json").write_text(proc.stdout, encoding="utf-8")
        report = json.loads(proc.stdout)
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    docs = truth["docs"]
    flags = [f for f in report.get("flags") or [] if f.get("severity") in COUNTED]
    planted = truth["planted"]
    found, alarms = scored(flags, planted, planted)
    per_k = 1000 / docs
    print(f"{docs} documents ({len(truth['events'])} events over {truth['days']} days, seed {truth['seed']}): "
          f"ingest {ingested:.1f} s, verify {verified:.1f} s, {len(flags)} error/warning flags")
    print(f"{'kind':<22}{'planted':>8}{'found':>7}{'recall':>8}{'false alarms':>14}{'per 1k docs':>13}")
    kinds = KINDS + sorted({f.get("kind") for f in alarms} - set(KINDS))
    for kind in kinds:
        p = sum(1 for i in planted if i["kind"] == kind)
        h = sum(1 for i in found if i["kind"] == kind)
        a = sum(1 for f in alarms if f.get("kind") == kind)
        recall = f"{100 * h / p:.0f} %" if p else "-"
        print(f"{kind:<22}{p:>8}{h:>7}{recall:>8}{a:>14}{a * per_k:>13.1f}")
    across = Counter(compared(f, truth["events"]) for f in alarms)
    if alarms:
        print("false alarms by what they compare: " + ", ".join(f"{k} {n}" for k, n in across.most_common()))
    recall = f"{100 * len(found) / len(planted):.0f} %" if planted else "-"
    print(f"summary: recall {len(found)}/{len(planted)} ({recall}), false alarms {len(alarms)} "
          f"({len(alarms) * per_k:.1f} per 1,000 documents)")
    if args.verbose:
        for item in planted:
            if item not in found:
                print(f"MISS {item['kind']} {item['event']} odd doc {item['odd']}: {item['evidence']}")
        for f in alarms:
            _, documents = cited(f)
            print(f"FALSE {f.get('kind')} docs {sorted(d for d in documents if d)}: {f.get('message')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
