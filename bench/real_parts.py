"""Verify in parts on real articles: the 840 PolNeAR train articles checked whole, then in parts of a few thousand
statements, as a large archive is checked a part at a time (factcheck/parts.py).

    python bench/real_parts.py [DIR] [--part STATEMENTS]

The synthetic archive of bench/scale.py has no quotations, few names and no denials; real news has all three,
and the blocks they are read in (Store.neighbours: a source's quotes, quotes opening alike, denials of a day)
decide what each part reads besides itself. Prints CPU seconds of both runs, the statements the
parts read with their neighbours against the archive's, and whether both runs found the same flags. Exits 1 when they
differ, 0 when ../shared is absent (nothing to measure).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import factcheck.parts as parts
from factcheck.ingest import ingest
from factcheck.read import Meta
from factcheck.ruleset import load_rules
from factcheck.store import Store

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "train" / "text"


def checked(store: Store, part: int | None) -> tuple[set[str], float, int]:
    """The flags' fingerprints, CPU seconds, and statements read (own and neighbours) of one verify."""
    rules = load_rules()
    read = 0
    real = parts.run_checks

    def counting(statements, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal read
        read += len(statements)
        return real(statements, *args, **kwargs)

    parts.run_checks = counting
    try:
        cpu = time.process_time()
        findings, _ = parts.checked_in_parts(store, rules, part)
        cpu = time.process_time() - cpu
    finally:
        parts.run_checks = real
    return {f.fingerprint for f in findings if f.outcome == "flag"}, cpu, read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--part", type=int, default=5000, help="statements a part holds (default 5,000)")
    args = parser.parse_args()
    if not args.directory.is_dir():
        print(f"skipped: {args.directory} is not here (the benchmark needs ../shared/data)")
        return 0
    files = sorted(str(p) for p in args.directory.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        ingest(store, files, Meta(), load_rules().lexicon)
        statements = store.counts()["statements"]
        whole, whole_cpu, _ = checked(store, max(statements, 1))
        split, split_cpu, read = checked(store, args.part)
        store.close()
    print(f"{len(files)} real articles, {statements} statements: verify whole {whole_cpu:.1f} s CPU, {len(whole)} flags; "
          f"in parts of {args.part:,} statements {split_cpu:.1f} s CPU, {len(split)} flags "
          f"({'the same' if split == whole else 'NOT the same'})")
    print(f"the parts read {read} statements with their neighbours ({read / max(statements, 1):.2f} per statement)")
    return 0 if split == whole else 1


if __name__ == "__main__":
    sys.exit(main())
