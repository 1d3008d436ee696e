"""The README's triage examples name flags the demo really raises (`make demo`: samples/ ingested, verified)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_readme_flag_ids_are_the_demos(fc):
    assert fc("ingest", str(ROOT / "samples")).exit_code == 0
    fc("verify")
    named = set(re.findall(r"factcheck flags (?:show|confirm|dismiss|reopen) ([0-9a-f]{8})", (ROOT / "README.md").read_text()))
    assert named
    for prefix in sorted(named):
        assert fc("flags", "show", prefix).exit_code == 0, prefix
