"""The core never imports click or rich: only cli.py and render/ know about terminals.

sqlite-utils (the store's library) imports click itself, so for the modules that load the store the
test checks who imported click: only sqlite_utils may, never a factcheck module. Rich is never loaded.
"""
from __future__ import annotations

import json
import subprocess
import sys

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
