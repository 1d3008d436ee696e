"""Soak test (not in CI): many processes at once on one database, then a consistency check.

    python bench/soak.py [--seconds 60] [--workers 8] [--docs 400] [--cmd .venv/bin/factcheck]

Writes a planted-contradiction corpus (bench/corpus.py) as one .md file per story, then runs `--workers`
processes for `--seconds`, each looping over a random mix of the commands a newsroom runs at once:
ingest (a few files, often files another worker is ingesting too), verify, verify of a draft, audit
(--wait), flags, flags confirm/dismiss, report and audit history. Every command must exit 0, 1 or 2 with
no traceback. Afterwards the database must hold exactly the documents of the ingest calls that succeeded
(and none of the others), pass `PRAGMA integrity_check`, and `audit --full` must find what the last
incremental audit left open: no new and no resolved flags. Prints one line per check and exits 1 on any
failure.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

DEFAULT_CMD = str(Path(sys.executable).parent / "factcheck")


def write_stories(directory: Path, docs: int) -> list[Path]:
    """One .md file per generated story, its metadata in front matter."""
    documents, _ = generate(docs, seed=11)
    paths = []
    for i, d in enumerate(documents):
        path = directory / f"story-{i:05d}.md"
        front = "".join(f"{k}: {d[k]}\n" for k in ("title", "outlet", "published") if d.get(k))
        path.write_text(f"---\n{front}---\n{d['text']}\n", encoding="utf-8")
        paths.append(path)
    return paths


def worker(args: tuple[str, str, list[str], float, int, str]) -> list[dict]:
    """One process's loop: random commands until the time is up; what each ran and how it ended."""
    cmd, db, files, until, seed, draft = args
    rng = random.Random(seed)
    log = []
    while time.time() < until:
        choice = rng.choices(["ingest", "verify", "draft", "audit", "flags", "triage", "report", "history"],
                             weights=[5, 2, 2, 2, 2, 1, 1, 1])[0]
        argv: list[str]
        picked: list[str] = []
        if choice == "ingest":
            picked = rng.sample(files, k=min(len(files), rng.randint(1, 6)))
            argv = ["ingest", *picked]
        elif choice == "verify":
            argv = ["verify", "--format", "json"]
        elif choice == "draft":
            argv = ["verify", draft, "--format", "json"]
        elif choice == "audit":
            argv = ["audit", "--wait", "30", "--format", "json"]
        elif choice == "flags":
            argv = ["flags", "--format", "json"]
        elif choice == "triage":
            argv = ["flags", rng.choice(["confirm", "dismiss", "reopen"]), rng.choice("0123456789abcdef"),
                    "--note", "soak", "--by", "soak"]
        elif choice == "report":
            argv = ["report", "--format", rng.choice(["text", "json", "csv", "html"])]
        else:
            argv = ["audit", "history", "--format", "json"]
        started = time.time()
        done = subprocess.run([cmd, "--db", db, *argv], capture_output=True, text=True)
        log.append({"command": choice, "code": done.returncode, "files": picked, "seconds": time.time() - started,
                    "traceback": "Traceback" in done.stderr, "stderr": done.stderr.strip().splitlines()[-1:]})
    return log


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--cmd", default=DEFAULT_CMD)
    args = ap.parse_args()
    failures = 0

    def report(ok: bool, line: str) -> None:
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {line}")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "stories").mkdir()
        files = [str(p) for p in write_stories(root / "stories", args.docs)]
        draft = root / "draft.md"
        draft.write_text(Path(files[0]).read_text(encoding="utf-8").replace("killed", "left dead"), encoding="utf-8")
        db = str(root / "claims.db")
        until = time.time() + args.seconds
        jobs = [(args.cmd, db, files, until, seed, str(draft)) for seed in range(args.workers)]
        with multiprocessing.Pool(args.workers) as pool:
            runs = [r for log in pool.map(worker, jobs) for r in log]

        codes = Counter((r["command"], r["code"]) for r in runs)
        print(f"{len(runs)} commands by {args.workers} processes in {args.seconds:.0f} s: "
              + ", ".join(f"{c} exit {k} x{n}" for (c, k), n in sorted(codes.items())))
        bad = [r for r in runs if r["code"] not in (0, 1, 2) or r["traceback"]]
        report(not bad, f"every command exits 0, 1 or 2 without a traceback ({len(bad)} did not)")
        for r in bad[:5]:
            print(f"     {r['command']} exit {r['code']}: {r['stderr']}")
        refused = Counter(r["stderr"][0] if r["stderr"] else "" for r in runs if r["code"] == 2 and r["command"] != "triage")
        for line, n in refused.most_common(3):
            print(f"     exit 2 x{n}: {line}")

        succeeded = {f for r in runs if r["command"] == "ingest" and r["code"] == 0 for f in r["files"]}
        attempted = {f for r in runs if r["command"] == "ingest" for f in r["files"]}
        conn = sqlite3.connect(db)
        stored = {row[0] for row in conn.execute("SELECT path FROM documents")}
        report(succeeded <= stored <= attempted,
               f"the database holds the documents ingested: {len(stored)} stored, {len(succeeded)} from ingests "
               f"that succeeded, {len(attempted)} ever named")
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
        report(integrity == "ok", f"PRAGMA integrity_check: {integrity}")

        incremental = subprocess.run([args.cmd, "--db", db, "audit", "--wait", "60", "--format", "json"],
                                     capture_output=True, text=True)
        before = json.loads(subprocess.run([args.cmd, "--db", db, "flags", "--format", "json"],
                                           capture_output=True, text=True).stdout)["flags"]
        full = json.loads(subprocess.run([args.cmd, "--db", db, "audit", "--full", "--format", "json"],
                                         capture_output=True, text=True).stdout or "{}")
        after = json.loads(subprocess.run([args.cmd, "--db", db, "flags", "--format", "json"],
                                          capture_output=True, text=True).stdout)["flags"]
        same = sorted(f["id"] for f in before) == sorted(f["id"] for f in after)
        quiet = not full.get("new") and not full.get("resolved")
        report(incremental.returncode in (0, 1) and same and quiet,
               f"audit --full equals the last incremental audit: {len(before)} open flags before, {len(after)} "
               f"after, {len(full.get('new', []))} new, {len(full.get('resolved', []))} resolved")
    print(f"summary: {'passed' if not failures else f'{failures} checks failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
