"""How the work grows with the archive: one table over several sizes of the planted corpus (bench/corpus.py).

    python bench/scale.py [--docs 2600 26000 262000] [--cmd .venv/bin/factcheck]   # or: make bench

For each size N (documents) it writes the corpus, keeps the last 1,000 documents (a tenth when N is
small) aside as "new", and measures, each command in its own process (CPU seconds and peak memory from
the kernel's accounting of that process):
ingest of the rest (documents/s), a full verify and the first audit (each the median of RUNS runs from the same
database; before each, the previous size's same command runs again from its own, for growth), ingest of the new documents and the
incremental audit after them, an audit with nothing new, a draft of the newest story verified, and `report` (time and
bytes of output); then recall and false alarms of the verify against the corpus's truth file. Growth is the
median ratio of a run's CPU to that of the previous size's run just before it, per tenfold statements. First, the CPU time of `factcheck --help`. A benchmark, not a test: nothing here runs in CI.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from planted import COUNTED, scored  # noqa: E402

NEW_DOCS = 1000
RUNS = 3  # a full verify and a full audit, the figures growth compares, are each the median of this many runs
SIZES = (2_600, 26_000, 262_000)  # documents: about 10k, 100k and 1M statements


def measured(cmd: list[str], args: list[str], out: Path | None = None) -> tuple[float, float, int, int]:
    """(CPU seconds, peak MB, exit code, bytes written) of one command in its own process. The databases copied
    before it are written out first: their write-back could overlap the command and be charged to it (a 100k
    audit just after a copy of the 1M database, once in six runs: 3.92 s CPU, 1.13 s of it system, against
    3.06-3.31 s and 0.30-0.45 s)."""
    os.sync()
    sink = open(out, "wb") if out else open(os.devnull, "wb")
    with sink:
        proc = subprocess.Popen(cmd + args, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    size = out.stat().st_size if out else 0
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, size


class Twin(NamedTuple):
    """The previous size's database as a command found it (a copy kept aside) and that command's arguments: it
    runs again beside each run of the same command at the next size, for the growth between them."""
    database: Path
    found: Path
    args: list[str]


def restored(database: Path, copy: Path) -> None:
    """The database as the copy has it (its write-ahead log, if any, dropped)."""
    for extra in ("-wal", "-shm"):
        database.with_name(database.name + extra).unlink(missing_ok=True)
    shutil.copyfile(copy, database)


def repeated(cmd: list[str], args: list[str], database: Path, out: Path | None = None, twin: Twin | None = None,
             keep: Path | None = None) -> tuple[tuple[float, float, int, int], float | None]:
    """`measured`'s figures of the median of RUNS runs of one command (by CPU), each on the database as it was
    before the first (copied aside, to `keep` if given, and back), and the median ratio of each run's CPU to that of
    the `twin` run just before it (None without a twin). This machine's speed drifts by a tenth and more within
    minutes: a ratio of runs made side by side is what growth can rest on, not one of runs made far apart."""
    aside = keep or database.with_name(database.name + ".before")
    shutil.copyfile(database, aside)
    runs, ratios = [], []
    for n in range(RUNS):
        if n:
            restored(database, aside)
        if twin:
            restored(twin.database, twin.found)
            beside = measured(cmd, twin.args)[0]
        runs.append(measured(cmd, args, out))
        if twin:
            ratios.append(runs[-1][0] / beside if beside else math.inf)
    if not keep:
        aside.unlink()
    return sorted(runs)[RUNS // 2], sorted(ratios)[RUNS // 2] if ratios else None


def one_size(cmd: list[str], docs: int, where: Path, twins: dict[str, Twin]) -> tuple[dict[str, object], dict[str, Twin]]:
    """The row of one size, and its twins for the next size (`twins`: this size's, from the previous one)."""
    # written by another process and split line by line: the commands below are forked from this one, and a
    # child's peak memory counts what it shares with its parent until it runs the command
    subprocess.run([sys.executable, str(Path(__file__).with_name("corpus.py")), "--docs", str(docs), "--seed", "7",
                    "--out", str(where)], check=True, stdout=subprocess.DEVNULL)
    corpus, truth_file = where / "corpus.jsonl", where / "truth.json"
    with corpus.open(encoding="utf-8") as f:
        count = sum(1 for _ in f)
    new = min(NEW_DOCS, max(1, count // 10))
    old_part, new_part, draft = where / "old.jsonl", where / "new.jsonl", where / "draft.txt"
    with corpus.open(encoding="utf-8") as f, old_part.open("w", encoding="utf-8") as old, \
            new_part.open("w", encoding="utf-8") as young:
        for n, line in enumerate(f):
            (old if n < count - new else young).write(line)
    newest = json.loads(line)  # a draft of the newest story, one line longer: it meets that day's stories
    draft.write_text(f"{newest.get('title') or 'Draft'}\n\n{newest['text']}\n\nMore details are expected.\n",
                     encoding="utf-8")
    db = ["--db", str(where / "claims.db")]
    row: dict[str, object] = {"docs": count}
    big = ["--max-bytes", str(corpus.stat().st_size + 1)]  # the archive is one file, larger than the default cap
    cpu, mb, code, _ = measured(cmd, db + ["ingest", str(old_part), *big])
    if code != 0:
        raise SystemExit(f"ingest of {old_part} failed (exit {code})")
    row["ingest"] = (count - new) / cpu if cpu else 0.0
    row["ingest MB"] = mb
    mine: dict[str, Twin] = {}
    for column, args, out in (("verify s", ["verify", "--format", "json"], where / "verify.json"),
                              ("audit s", ["audit", "--format", "json"], None)):
        mine[column] = Twin(where / "claims.db", where / f"before-{args[0]}.db", db + args)
        (cpu, mb, _, _), row[f"{column} ratio"] = repeated(cmd, db + args, where / "claims.db", out, twins.get(column),
                                                           keep=mine[column].found)
        row[column] = cpu
        if column == "verify s":
            row["verify MB"] = mb
    row["ingest new s"] = measured(cmd, db + ["ingest", str(new_part), *big])[0]
    row["audit new s"] = measured(cmd, db + ["audit", "--format", "json"])[0]
    row["audit idle s"] = measured(cmd, db + ["audit", "--format", "json"])[0]
    row["draft s"] = measured(cmd, db + ["verify", str(draft), "--published", newest["published"], "--format", "json"])[0]
    cpu, _, _, size = measured(cmd, db + ["report"], where / "report.txt")
    row["report s"], row["report KB"] = cpu, size / 1024
    with sqlite3.connect(where / "claims.db") as conn:
        row["statements"] = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    flags = [f for f in json.loads((where / "verify.json").read_text(encoding="utf-8")).get("flags", [])
             if f.get("severity") in COUNTED]
    planted = [p for p in truth["planted"] if all(d <= count - new for d in p.get("documents", []))]
    found, alarms = scored(flags, planted, truth["planted"])
    row["recall"] = f"{len(found)}/{len(planted)}"
    row["false alarms"] = len(alarms)
    return row, mine


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--cmd", default=str(Path(sys.executable).parent / "factcheck"))
    args = ap.parse_args()
    cmd = shlex.split(args.cmd)
    columns = ["docs", "statements", "ingest", "ingest MB", "verify s", "verify MB", "audit s", "ingest new s", "audit new s",
               "audit idle s", "draft s", "report s", "report KB", "recall", "false alarms"]
    cpu, _, _, _ = measured(cmd, ["--help"])
    print(f"factcheck --help: {cpu * 1000:.0f} ms CPU")
    grown = ("verify s", "audit s")
    print("| " + " | ".join(c if c != "ingest" else "ingest docs/s" for c in columns)
          + "".join(f" | {c.split()[0]} growth" for c in grown) + " |")
    print("|" + "---|" * (len(columns) + len(grown)))
    previous: dict[str, float] = {}
    twins: dict[str, Twin] = {}
    kept: tempfile.TemporaryDirectory | None = None  # the previous size's files, its twins among them
    for docs in args.docs:
        here = tempfile.TemporaryDirectory()
        row, mine = one_size(cmd, docs, Path(here.name), twins)
        if kept:
            kept.cleanup()
        kept, twins = here, mine
        # per 10x the statements: the ratio of CPU (of runs side by side), scaled to a tenfold step
        growth = [f"{row[f'{c} ratio'] ** (1 / math.log10(row['statements'] / previous['statements'])):.1f}x"
                  if previous else "-" for c in grown]
        previous = {"statements": float(row["statements"])}
        cells = [f"{row[c]:.1f}" if isinstance(row[c], float) else str(row[c]) for c in columns]
        print("| " + " | ".join(cells + growth) + " |", flush=True)
    if kept:
        kept.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
