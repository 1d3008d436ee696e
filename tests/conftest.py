"""Shared fixtures: an in-memory store, the default rules, files in tmp_path, and a CLI runner on a tmp database."""
from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.lexicon import Lexicon
from factcheck.ruleset import RuleSet, load_rules
from factcheck.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def bench_module(name: str):
    """A script of bench/ (not a package) as a module, loaded once: `bench_module("corpus").write(...)`."""
    key = f"bench_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, REPO / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[key]


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def lexicon(rules: RuleSet) -> Lexicon:
    return rules.lexicon


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("a.txt", "text") -> the file's path; bytes are written as they are."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def fc(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """fc("ingest", "a.txt") runs the command line on a tmp database and returns click's Result."""
    from factcheck.cli import cli

    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.delenv("FACTCHECK_RULES", raising=False)
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)

    def _run(*args: str, db: Path | str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", str(db or db_path), *map(str, args)], catch_exceptions=False)

    return _run
