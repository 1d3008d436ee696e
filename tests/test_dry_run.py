"""`factcheck ingest --dry-run` shows every statement with its source, channel, date, figures and states,
and stores nothing."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

STORY = """Swap ends after three days

KYIV, May 25 - Both sides released 303 soldiers on Sunday, the ministry said on Telegram.

An official said the exchange was ongoing.
"""


def documents(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        return conn.execute("select count(*) from documents").fetchone()[0] if "documents" in tables else 0


def test_dry_run_lists_statements_and_stores_nothing(fc: Callable[..., Result], write: Callable[..., Path],
                                                      db_path: Path) -> None:
    path = write("swap.txt", STORY)
    result = fc("ingest", "--dry-run", "--published", "2025-05-25", path)
    assert result.exit_code == 0, result.output
    out = result.output
    for column in ("source", "channel", "date", "figures", "states"):
        assert column in out
    assert "Swap ends after three days" in out
    assert "the ministry" in out and "Telegram" in out
    assert "303 soldiers" in out
    assert "an official" in out and "ongoing" in out
    assert "2025-05-25" in out
    assert "stored" not in out
    assert documents(db_path) == 0


def test_dry_run_then_ingest_stores(fc: Callable[..., Result], write: Callable[..., Path], db_path: Path) -> None:
    path = write("swap.txt", STORY)
    assert fc("ingest", "--dry-run", "--published", "2025-05-25", path).exit_code == 0
    result = fc("ingest", "--published", "2025-05-25", path)
    assert result.exit_code == 0, result.output
    assert "stored" in result.output  # a dry run did not mark the text as already stored
    assert documents(db_path) == 1


def test_dry_run_on_a_missing_file(fc: Callable[..., Result], tmp_path: Path, db_path: Path) -> None:
    result = fc("ingest", "--dry-run", tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert "nope.txt" in result.output
    assert documents(db_path) == 0
