"""Every `factcheck ...` example in the README runs as written, in order, on the demo's files and database.

The examples name a few files a newsroom would have (story.txt, draft.txt, archive.jsonl, my-rules/); the
test writes its own into a scratch folder, and reads the cron paths under /srv/factcheck/ as that folder.
Each must exit 0 or 1 (1: findings to review), never 2.
"""
from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).parent.parent
STORY = "Ferry back\n\nSPLIT - The ferry to Hvar carried 300 passengers on Friday, the harbour master said.\n"
DRAFT = "Ferry full\n\nSPLIT - The ferry to Hvar carried 310 passengers on Friday, the port said.\n"


def examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```\n(.*?)```", text, re.S):
        joined = block.replace("\\\n", " ")
        lines += [line.split("  #")[0].strip() for line in joined.splitlines() if line.startswith("factcheck ")]
    return lines


def test_readme_flag_ids_are_the_demos(fc):
    assert fc("ingest", str(ROOT / "samples")).exit_code == 0
    fc("verify")
    named = set(re.findall(r"factcheck flags (?:show|confirm|dismiss|reopen) ([0-9a-f]{8})", (ROOT / "README.md").read_text()))
    assert named
    for prefix in sorted(named):
        assert fc("flags", "show", prefix).exit_code == 0, prefix


def test_every_readme_example_runs_as_written(tmp_path, monkeypatch):
    from factcheck.cli import cli

    monkeypatch.chdir(tmp_path)
    for name in ("FACTCHECK_DB", "FACTCHECK_RULES", "FACTCHECK_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    shutil.copytree(ROOT / "rules", tmp_path / "my-rules")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "archive.jsonl").write_text(json.dumps({"title": "Ferry", "text": STORY}) + "\n", encoding="utf-8")
    (tmp_path / "srv" / "reports").mkdir(parents=True)
    ran = []
    for line in examples():
        args = shlex.split(line.replace("/srv/factcheck/", f"{tmp_path}/srv/"))[1:]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code in (0, 1), f"{line}: exit {result.exit_code}: {result.stderr.strip()}"
        ran.append(args[0])
    assert {"ingest", "verify", "report", "flags", "audit", "event", "rules"} <= set(ran)
