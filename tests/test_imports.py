"""The core never imports click or rich: only cli.py and render/ know about terminals; the checks never
import extraction or run patterns over text (they read the records extraction made).

sqlite-utils (the store's library) imports click itself, so for the modules that load the store the
test checks who imported click: only sqlite_utils may, never a factcheck module. Rich is never loaded.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

WITHOUT_STORE = ["factcheck", "factcheck.model", "factcheck.read", "factcheck.extract", "factcheck.checks",
                 "factcheck.ruleset", "factcheck.lexicon", "factcheck.dates"]
WITH_STORE = ["factcheck.store", "factcheck.ingest", "factcheck.verify", "factcheck.examples"]

PROBE = """
import builtins, importlib, json, sys
TERMINAL = ("click", "rich")
importers = []
real_import = builtins.__import__

def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__", "?")
    if level == 0 and name.split(".")[0] in TERMINAL and importer.split(".")[0] not in TERMINAL:
        importers.append([importer, name])
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = tracing_import
importlib.import_module(sys.argv[1])
loaded = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in TERMINAL})
print(json.dumps({"loaded": loaded, "importers": importers}))
"""


def probe(module: str) -> dict[str, list]:  # type: ignore[type-arg]
    out = subprocess.run([sys.executable, "-c", PROBE, module], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("module", WITHOUT_STORE)
def test_core_module_loads_neither_click_nor_rich(module):
    assert probe(module)["loaded"] == []


@pytest.mark.parametrize("module", WITH_STORE)
def test_store_modules_load_no_rich_and_import_click_only_through_sqlite_utils(module):
    result = probe(module)
    assert "rich" not in result["loaded"]
    assert [imp for imp, _ in result["importers"] if not imp.startswith(("sqlite_utils", "click_default_group"))] == []


def test_the_probe_sees_the_cli_import_click():
    result = probe("factcheck.cli")
    assert ["factcheck.cli", "click"] in result["importers"]


# --- checks read records, never text (issue 9, point 8) -----------------------------------------------

CHECKS_DIR = Path(__file__).resolve().parent.parent / "factcheck" / "checks"
TEXT_TOOLS = {"re", "re2", "regex", "fnmatch"}  # pattern matching: what extraction does, once, so the checks need not


def imported(path: Path) -> set[str]:
    """Every module a file imports, by its full dotted name ('from factcheck import extract' is factcheck.extract)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def check_modules() -> list[Path]:
    return sorted(CHECKS_DIR.glob("*.py"))


def test_every_check_module_is_seen():
    assert {"duration.py", "restated.py", "quotes.py", "common.py", "sums.py"} <= {p.name for p in check_modules()}


@pytest.mark.parametrize("path", check_modules(), ids=lambda p: p.name)
def test_checks_import_nothing_from_extraction(path):
    assert [m for m in imported(path) if m == "factcheck.extract" or m.startswith("factcheck.extract.")] == []


@pytest.mark.parametrize("path", check_modules(), ids=lambda p: p.name)
def test_checks_run_no_pattern_over_text(path):
    assert {m.split(".")[0] for m in imported(path)} & TEXT_TOOLS == set()


def text_reads(path: Path) -> list[str]:
    """Where a file reads some record's `.text` as more than a quotation: slices it, calls its methods
    (find, lower, split), or tests it ('in', '=='). Passing it whole to a message or an excerpt is quoting."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "text"):
            continue
        up = parents.get(node)
        if (isinstance(up, ast.Subscript) and up.value is node) or isinstance(up, (ast.Attribute, ast.Compare)):
            out.append(f"{path.name}:{node.lineno}")
    return sorted(out)


@pytest.mark.parametrize("path", check_modules(), ids=lambda p: p.name)
def test_checks_read_text_only_to_quote_it(path):
    assert text_reads(path) == []


# the lexicon lists extraction reads a statement's words with: a check that reads one works the words out again
READ_BY_EXTRACTION = {"negation", "clause_negation", "definite", "indefinite", "events"}
CONTRACTION = ("n't", "n\u2019t")


def word_readings(path: Path) -> list[str]:
    """Where a file works out negation or an event's determiner from words itself: reads one of the lexicon
    lists extraction reads them with, or names a contraction's ending ("n't") outside a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in READ_BY_EXTRACTION:
            out.append(f"{path.name}:{node.lineno}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                and any(c in node.value for c in CONTRACTION):
            out.append(f"{path.name}:{node.lineno}")
    return sorted(out)


@pytest.mark.parametrize("path", check_modules(), ids=lambda p: p.name)
def test_checks_read_negation_and_determiners_from_records(path):
    assert word_readings(path) == []


def test_the_word_scan_sees_a_negation_list_a_contraction_and_a_determiner(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Words such as didn\'t are read by extraction."""\nneg = frozenset(lex.negation)\n'
                      "cut = w.endswith(\"n't\")\nknown = w in lex.grammar.definite\nok = s.negated or s.negations\n")
    assert word_readings(sample) == ["sample.py:2", "sample.py:3", "sample.py:4"]


def test_the_import_scan_sees_a_pattern_and_an_extractor(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import re\nfrom factcheck import extract\nfrom factcheck.extract.quantities import word_value\n")
    assert {"re", "factcheck.extract", "factcheck.extract.quantities"} <= imported(sample)


def test_the_text_scan_sees_a_search_a_slice_and_a_test_but_not_a_quotation(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("a = s.text.find('x')\nb = s.text[3:9]\nc = 'x' in s.text\nd = excerpt(s.text, 80)\n"
                      "e = f'{s.text}'\n")
    assert text_reads(sample) == ["sample.py:1", "sample.py:2", "sample.py:3"]


# --- render/ depends on the model only (issue 11, point 1) ---------------------------------------------

RENDER_DIR = CHECKS_DIR.parent / "render"
CORE = ("factcheck.triage", "factcheck.store", "factcheck.audit", "factcheck.checks", "factcheck.extract",
        "factcheck.verify", "factcheck.ingest")


@pytest.mark.parametrize("path", sorted(RENDER_DIR.glob("*.py")), ids=lambda p: p.name)
def test_renderers_import_the_model_not_the_core(path):
    assert [m for m in imported(path) if m.startswith(CORE)] == []
