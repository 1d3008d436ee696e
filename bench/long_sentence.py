"""Long sentences: extraction time for one sentence made of a run of cues ('Ana Ruiz said said said ... .').

    python bench/long_sentence.py [--sizes 50,100,200]

Prints the CPU seconds `extract` takes per size in KB. Each cue reads a bounded stretch before it, so the time
grows with the length, not with its square (before that bound 50 KB took 38 s and 100 KB did not finish).
"""
from __future__ import annotations

import argparse
import time

from factcheck.extract import extract
from factcheck.model import Document
from factcheck.ruleset import load_rules


def run(sizes: list[int]) -> None:
    lexicon = load_rules().lexicon
    for kb in sizes:
        text = "Ana Ruiz said" + " said" * (kb * 1000 // 5) + " .\n"
        started = time.process_time()
        statements = extract(Document(text=text), lexicon)
        elapsed = time.process_time() - started
        print(f"{kb} KB run of 'said': {len(statements)} statements in {elapsed:.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100,200", help="sentence sizes in KB, comma-separated")
    run([int(s) for s in parser.parse_args().sizes.split(",")])


if __name__ == "__main__":
    main()
