"""Ingest speed: read + extract + store every article of ../shared/data/polnear/train/text into a temp database.

    python bench/ingest_speed.py [DIR] [--profile]

Prints articles/s and the errors; exits 0 when ../shared is absent (nothing to measure). With --profile,
prints where the time goes (cProfile, top functions by cumulative time).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from factcheck.ingest import ingest
from factcheck.read import Meta
from factcheck.ruleset import load_rules
from factcheck.store import Store

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "train" / "text"


def run(directory: Path) -> int:
    files = sorted(str(p) for p in directory.glob("*.txt"))
    lexicon = load_rules().lexicon
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        report, _ = ingest(store, files, Meta(), lexicon)
        elapsed = time.perf_counter() - started
        statements = store.counts()["statements"]
        store.close()
    print(f"{len(files)} articles ({len(report.stored)} documents stored, {len(report.skipped)} already stored), "
          f"{statements} statements in {elapsed:.2f} s: {len(files) / elapsed:.0f} articles/s, "
          f"{len(report.errors)} errors")
    for error in report.errors:
        print(f"  error: {error}")
    return 1 if report.errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--profile", action="store_true", help="print the 25 most costly functions")
    args = parser.parse_args()
    if not args.directory.is_dir():
        print(f"skipped: {args.directory} is not here (the benchmark needs ../shared/data)")
        return 0
    if not args.profile:
        return run(args.directory)
    profiler = cProfile.Profile()
    code = profiler.runcall(run, args.directory)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return code


if __name__ == "__main__":
    sys.exit(main())
