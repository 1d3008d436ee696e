"""Ingest speed: read + extract + store every article of ../shared/data/polnear/train/text into a temp database.

    python bench/ingest_speed.py [DIR] [--profile]

Prints articles/s, peak memory (this process; each extraction worker's), CPU seconds (here and in the
workers) and the errors; exits 0 when ../shared is absent (nothing to measure). With --profile, prints where
this process's time goes (cProfile, top functions by cumulative time; --processes 0 keeps extraction here).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

from factcheck.ingest import ingest
from factcheck.read import Meta
from factcheck.ruleset import load_rules
from factcheck.store import Store

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "train" / "text"


def run(directory: Path, processes: int | None = None) -> int:
    files = sorted(str(p) for p in directory.glob("*.txt"))
    lexicon = load_rules().lexicon
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        started, cpu = time.perf_counter(), time.process_time()
        report, _ = ingest(store, files, Meta(), lexicon, processes=processes)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        statements = store.counts()["statements"]
        store.close()
    here, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{len(files)} articles ({len(report.stored)} documents stored, {len(report.skipped)} already stored), "
          f"{statements} statements in {elapsed:.2f} s: {len(files) / elapsed:.0f} articles/s, "
          f"{len(report.errors)} errors")
    print(f"peak memory {here.ru_maxrss / 1024:.0f} MB here, {workers.ru_maxrss / 1024:.0f} MB per extraction worker; "
          f"CPU {cpu:.2f} s here, {workers.ru_utime + workers.ru_stime:.2f} s in workers")
    for error in report.errors:
        print(f"  error: {error}")
    return 1 if report.errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--profile", action="store_true", help="print the 25 most costly functions")
    parser.add_argument("--processes", type=int, help="extraction workers (default: one per core; 0: none)")
    args = parser.parse_args()
    if not args.directory.is_dir():
        print(f"skipped: {args.directory} is not here (the benchmark needs ../shared/data)")
        return 0
    if not args.profile:
        return run(args.directory, args.processes)
    profiler = cProfile.Profile()
    code = profiler.runcall(run, args.directory, args.processes)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return code


if __name__ == "__main__":
    sys.exit(main())
