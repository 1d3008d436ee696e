"""Ingest speed: read + extract + store every article of ../shared/data/polnear/train/text into a temp database.

    python bench/ingest_speed.py [DIR] [--profile]

Prints articles/s, peak memory (the ingesting process; each extraction worker's), CPU seconds (there and in the
workers) and the errors, of the median of --runs ingests (3; the machine's speed drifts), each in a process of its
own; exits 0 when ../shared is absent (nothing to measure). With --profile, prints where
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
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from factcheck.ingest import ingest
from factcheck.read import Meta
from factcheck.ruleset import load_rules
from factcheck.store import Store

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "train" / "text"


def run(directory: Path, processes: int | None = None) -> dict[str, object]:
    """One ingest of every article into a fresh database, in a process of its own (the workers' CPU and peak
    memory are its children's): its figures."""
    with ProcessPoolExecutor(1) as one:
        return one.submit(_ingested, directory, processes).result()


def _ingested(directory: Path, processes: int | None) -> dict[str, object]:
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
    return {"files": len(files), "stored": len(report.stored), "skipped": len(report.skipped), "statements": statements,
            "elapsed": elapsed, "rate": len(files) / elapsed, "errors": list(report.errors), "peak": here.ru_maxrss / 1024,
            "worker peak": workers.ru_maxrss / 1024, "cpu": cpu, "worker cpu": workers.ru_utime + workers.ru_stime}


def printed(runs: list[dict[str, object]]) -> int:
    """The median run by rate (and every run's rate): 0, or 1 if an article failed."""
    r = sorted(runs, key=lambda run: run["rate"])[len(runs) // 2]
    rates = f" (median of {len(runs)} runs: {', '.join(str(round(x['rate'])) for x in runs)})" if len(runs) > 1 else ""
    print(f"{r['files']} articles ({r['stored']} documents stored, {r['skipped']} already stored), "
          f"{r['statements']} statements in {r['elapsed']:.2f} s: {r['rate']:.0f} articles/s{rates}, "
          f"{len(r['errors'])} errors")
    print(f"peak memory {r['peak']:.0f} MB here, {r['worker peak']:.0f} MB per extraction worker; "
          f"CPU {r['cpu']:.2f} s here, {r['worker cpu']:.2f} s in workers")
    for error in r["errors"]:
        print(f"  error: {error}")
    return 1 if r["errors"] else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--profile", action="store_true", help="print the 25 most costly functions")
    parser.add_argument("--processes", type=int, help="extraction workers (default: one per core; 0: none)")
    parser.add_argument("--runs", type=int, default=3, help="ingests to take the median of (default: 3)")
    args = parser.parse_args()
    if not args.directory.is_dir():
        print(f"skipped: {args.directory} is not here (the benchmark needs ../shared/data)")
        return 0
    if not args.profile:
        return printed([run(args.directory, args.processes) for _ in range(args.runs)])
    profiler = cProfile.Profile()
    code = printed([profiler.runcall(_ingested, args.directory, args.processes)])
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return code


if __name__ == "__main__":
    sys.exit(main())
