"""Issue 12, the output and database half: a read-only database, control characters and formulas from articles,
web addresses and JSON-LD, literal flag-id prefixes, runs whose process died, and rule patterns that cannot hang."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import AmbiguousError, NotFoundError, RuleFileError
from factcheck.model import Document, Finding, Statement, Status
from factcheck.render.safe import clean, json_text
from factcheck.ruleset import load_rules
from factcheck.store import Store, now
from factcheck.model import Flag, Report

REPO = Path(__file__).resolve().parent.parent
ESC_LINK = "\x1b]8;;http://evil.example/\x1b\\press here\x1b]8;;\x1b\\"
HOSTILE = f"Dam{ESC_LINK}\x1b[2J\x1b]0;pwned\x07\x9b31m"  # hidden hyperlink, clear screen, window title, 8-bit CSI
CONTROLS = ("\x1b", "\x07", "\x9b", "\r")

TEXT = ("Lake pumps restart\n\nUpdated 4 March 2025\n\n"
        "Mayor Ines Karlo said on Facebook that the pump repairs had been completed. "
        "A council engineer said the pump repairs were ongoing.\n")


def two_statements(text: str, karlo: str = "Ines Karlo") -> list[Statement]:
    done, going = "the pump repairs had been completed", "the pump repairs were ongoing"
    a, b = text.index(done), text.index(going)
    return [
        Statement(text=done, start=a, end=a + len(done), source=karlo, source_kind="person", channel="Facebook",
                  date="2025-03-04", event="repair", statuses=(Status("completed", "completed", start=25, end=34),)),
        Statement(text=going, start=b, end=b + len(going), source="a council engineer", source_kind="anonymous",
                  date="2025-03-04", event="repair", statuses=(Status("ongoing", "ongoing", start=22, end=29),)),
    ]


def seed(db: Path, title: str = "Lake pumps restart", karlo: str = "Ines Karlo", url: str | None = None) -> str:
    """One story, two statements and one stored flag; returns the flag's id."""
    store = Store(db)
    store.add_document(Document(text=TEXT, title=title, outlet="Lakeside Post", published="2025-03-04", url=url),
                       two_statements(TEXT, karlo))
    first, second = store.statements()
    finding = Finding("status-conflict", "status-conflict", "error", "flag",
                      f"{karlo} says the repairs were completed; a council engineer says they are ongoing",
                      (first, second), "repair on 4 March 2025: 'completed' vs 'ongoing'")
    store.sync_flags([finding], None)
    store.close()
    return finding.fingerprint


def run(*args: str, db: Path, prefix: tuple[str, ...] = (), cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    env.pop("FACTCHECK_DB", None)
    env.pop("FACTCHECK_RULES", None)
    return subprocess.run([*prefix, sys.executable, "-m", "factcheck", "--db", str(db), *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


# --- 4: a read-only database ---------------------------------------------------------------------------

def unprivileged() -> tuple[str, ...]:
    """A command prefix under which file modes apply: none for a normal user; for root, root without the
    capabilities that override file permissions (so a file of mode 444 cannot be opened for writing)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root and setpriv (util-linux) is missing: cannot drop the right to write any file")
    prefix = (setpriv, "--bounding-set", "-dac_override,-dac_read_search")
    probe = subprocess.run([*prefix, sys.executable, "-c", "import os, sys; sys.exit(os.access('/proc/1/root', os.R_OK))"],
                           capture_output=True)
    if probe.returncode not in (0, 1):
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr.decode(errors='replace').strip()}")
    return prefix


@pytest.fixture
def readonly_db(tmp_path: Path) -> tuple[Path, str, tuple[str, ...]]:
    prefix = unprivileged()
    db = tmp_path / "claims.db"
    flag = seed(db)
    db.chmod(0o444)
    return db, flag, prefix


@pytest.mark.parametrize("command", [
    ("ingest", "{article}"), ("verify",), ("audit",), ("add", "The pumps are running again", "--source", "Ines Karlo"),
    ("flags", "dismiss", "{flag}"), ("flags", "confirm", "{flag}"),
])
def test_every_write_to_a_read_only_database_ends_in_one_line(readonly_db, tmp_path: Path, command) -> None:
    db, flag, prefix = readonly_db
    article = tmp_path / "new.txt"
    article.write_text("Ferry fares rise\n\nThe harbour board said fares would rise by 3 euros.\n", encoding="utf-8")
    args = [a.format(article=article, flag=flag) for a in command]
    result = run(*args, db=db, prefix=prefix)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only database, cannot write" in lines[0] and str(db) in lines[0], result.stderr
    assert "not writable" in lines[0]


def test_reading_a_read_only_database_still_works(readonly_db, tmp_path: Path) -> None:
    db, flag, prefix = readonly_db
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT.replace("ongoing", "finished"), encoding="utf-8")
    for args in (("sources",), ("statements",), ("flags",), ("flags", "show", flag[:8]), ("report",),
                 ("audit", "history"), ("verify", str(draft))):
        result = run(*args, db=db, prefix=prefix)
        assert result.returncode in (0, 1) and not result.stderr, (args, result.stderr)
    assert "Ines Karlo" in run("sources", db=db, prefix=prefix).stdout


# --- 6 and 7: control characters and formulas from article text ----------------------------------------

def test_clean_strips_c0_and_c1_but_keeps_newline_and_tab() -> None:
    assert clean(f"a\tb\nc{HOSTILE}\x00\x7f") == "a\tb\ncDam]8;;http://evil.example/\\press here]8;;\\[2J]0;pwned31m"


def test_json_keeps_the_text_exact_with_no_raw_control_character() -> None:
    text = json_text({"title": HOSTILE})
    assert not any(c in text for c in CONTROLS)
    assert json.loads(text) == {"title": HOSTILE}


def hostile_db(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "claims.db"
    return db, seed(db, title=f"Pumps{HOSTILE}\r=cmd|' /C calc'!A0", karlo=f"Ines{ESC_LINK} Karlo")


@pytest.mark.parametrize("args", [
    ("sources",), ("statements",), ("flags",), ("flags", "show", "{flag}"), ("report",), ("report", "--format", "markdown"),
    ("report", "--format", "html"), ("report", "--format", "csv"), ("report", "--format", "claimreview"), ("verify",),
    ("audit",), ("audit", "--format", "markdown"), ("flags", "dismiss", "{flag}", "--note", f"seen{HOSTILE}"),
])
def test_no_command_prints_control_characters_from_articles(tmp_path: Path, fc, args) -> None:
    db, flag = hostile_db(tmp_path)
    result = fc(*(a.format(flag=flag) for a in args), db=db)
    assert result.exit_code in (0, 1), result.output
    assert not any(c in result.output for c in CONTROLS), repr(result.output)


@pytest.mark.parametrize("args", [("statements", "--format", "json"), ("sources", "--format", "json"),
                                  ("flags", "--format", "json"), ("report", "--format", "json"), ("verify", "--format", "json")])
def test_json_output_keeps_article_text_exact(tmp_path: Path, fc, args) -> None:
    db, _ = hostile_db(tmp_path)
    result = fc(*args, db=db)
    assert not any(c in result.output for c in CONTROLS)
    assert any(f"Ines{ESC_LINK} Karlo" in text for text in strings(json.loads(result.output)))


def strings(data) -> list[str]:  # type: ignore[no-untyped-def]
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return [text for value in values for text in strings(value)]


def test_ingest_messages_and_dry_run_are_clean(tmp_path: Path, fc) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    for extra in ((), ("--dry-run",)):
        result = fc("ingest", str(article), "--title", f"Pumps{HOSTILE}", *extra)
        assert result.exit_code == 0, result.output
        assert "Pumps" in result.output and not any(c in result.output for c in CONTROLS), repr(result.output)


def test_the_terminal_keeps_its_colours_and_reads_no_markup_from_data() -> None:
    from rich.text import Text

    from factcheck.render.terminal import SafeConsole

    out = SafeConsole(file=io.StringIO(), force_terminal=True, color_system="standard", width=200, highlight=False)
    out.print(Text(f"{HOSTILE} [link=http://evil.example/]x[/link]", style="bold red"))
    out.print("[link=http://evil.example/]y[/link]")
    printed = out.file.getvalue()
    assert "\x1b[1;31m" in printed  # the style's own escape code
    assert "\x1b]" not in printed  # no operating system command: no hyperlink, no window title
    assert "\x1b[2J" not in printed and "\x07" not in printed and "\x9b" not in printed
    assert "[link=http://evil.example/]x[/link]" in printed and "[link=http://evil.example/]y[/link]" in printed


def csv_report(title: str, text: str) -> str:
    from factcheck.render.tabular import report_csv

    s = Statement(text=text, start=0, end=len(text), source="Ines Karlo", document=title, document_id=1, id=1)
    finding = Finding("status-conflict", "status-conflict", "error", "flag", "=HYPERLINK(\"http://evil.example\")", (s,))
    return report_csv(Report(flags=(Flag.from_finding(finding),), passed=()))


def test_csv_a_carriage_return_cannot_start_a_row_or_a_formula() -> None:
    out = csv_report("Pumps\r=cmd|' /C calc'!A0", "the repairs\n@SUM(1+1) were done\r\n+1")
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2 and "\r" not in out
    for row in rows:
        for cell in row:
            for line in cell.split("\n"):
                assert not line.lstrip(" ").startswith(("=", "+", "-", "@")), cell
    assert rows[1][0] == rows[0][0] or len(rows[1]) == len(rows[0])
    assert "'@SUM(1+1) were done" in out and "\"the repairs\n'@SUM" in out  # a cell holding LF is quoted


# --- 8: web addresses and JSON-LD ------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "file:///etc/passwd", "data:text/html,x", "http:"])
def test_ingest_and_verify_accept_only_web_addresses(tmp_path: Path, fc, url: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    for command in ("ingest", "verify"):
        result = fc(command, str(article), "--url", url)
        assert result.exit_code == 2
        assert result.stderr.strip().count("\n") == 0 and "only http:// and https://" in result.stderr
    assert json.loads(fc("statements", "--format", "json").output) == {"statements": []}


def test_claimreview_cannot_close_a_script_block_and_drops_other_schemes(tmp_path: Path, fc) -> None:
    db = tmp_path / "claims.db"
    title = "Pumps</script><script>alert(1)</script><!--<script>"
    seed(db, title=title, url="javascript:alert(document.domain)")
    out = fc("report", "--format", "claimreview", db=db).output
    assert "</" not in out and "<!--" not in out and "<\\/script>" in out and "javascript:" not in out
    reviews = json.loads(out)
    assert reviews[0]["itemReviewed"]["appearance"]["headline"] == title


def test_claimreview_keeps_a_web_address(tmp_path: Path, fc) -> None:
    db = tmp_path / "claims.db"
    seed(db, url="https://lakeside.example/pumps")
    reviews = json.loads(fc("report", "--format", "claimreview", db=db).output)
    assert reviews[0]["itemReviewed"]["appearance"]["url"] == "https://lakeside.example/pumps"


# --- 9 and 10: flag id prefixes --------------------------------------------------------------------------

def store_with_flags(*ids: str) -> Store:
    store = Store(":memory:")
    for fid in ids:
        store.conn.execute("INSERT INTO flags (id, rule, kind, severity, message, detail, state, digest, first_seen, last_seen)"
                           " VALUES (?, 'r', 'status-conflict', 'error', 'm', '', 'open', '', ?, ?)", (fid, now(), now()))
    return store


def test_prefix_wildcards_are_literal() -> None:
    store = store_with_flags("15a8c0ffee000001", "x5a8c0ffee000002")
    for prefix in ("%5a8", "_5a8", "%", "_"):
        with pytest.raises(NotFoundError):
            store.flag(prefix)
    assert store.flag("15a8").id == "15a8c0ffee000001"


def test_ambiguous_prefix_lists_up_to_five_matches() -> None:
    store = store_with_flags(*(f"abc{i}000000000000" for i in range(7)), "abd0000000000000")
    with pytest.raises(AmbiguousError) as caught:
        store.flag("abc")
    message = str(caught.value)
    assert "ambiguous" in message and message.count("abc") == 6 and ", ..." in message  # the prefix and five ids
    assert store.flag("abd").id == "abd0000000000000"


def test_cli_dismiss_with_a_wildcard_or_ambiguous_prefix_exits_2(tmp_path: Path, fc) -> None:
    db = tmp_path / "claims.db"
    flag = seed(db)
    result = fc("flags", "dismiss", "%" + flag[1:4], db=db)
    assert result.exit_code == 2 and "no such flag" in result.stderr
    store = Store(db)
    store.conn.execute("INSERT INTO flags (id, rule, kind, severity, message, detail, state, digest, first_seen, last_seen)"
                       " VALUES (?, 'r', 'status-conflict', 'error', 'm', '', 'open', '', ?, ?)", (flag[:3] + "z" * 13, now(), now()))
    store.close()
    result = fc("flags", "dismiss", flag[:3], db=db)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert flag in result.stderr and flag[:3] + "z" * 13 in result.stderr
    assert json.loads(fc("flags", "show", flag[:4], "--format", "json", db=db).output)["state"] == "open"


# --- 11: a run whose process is gone ---------------------------------------------------------------------

def history(fc, db: Path) -> list[dict]:
    result = fc("audit", "history", "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["runs"]


def test_a_running_audit_whose_process_is_dead_reads_as_failed(tmp_path: Path, fc) -> None:
    db = tmp_path / "claims.db"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    store = Store(db)
    for pid in (gone.pid, os.getpid()):
        store.conn.execute("INSERT INTO runs (command, started, rules_hash, full, outcome, pid, host)"
                           " VALUES ('audit', ?, 'h', 1, 'running', ?, ?)", (now(), pid, socket.gethostname()))
    store.close()
    dead, alive = history(fc, db)
    assert dead["outcome"] == "failed" and f"pid {gone.pid}" in dead["note"]
    assert alive["outcome"] == "running"
    assert "pid" not in dead and "host" not in dead  # the JSON keeps its shape


def test_an_audit_killed_mid_run_reads_as_failed(tmp_path: Path, fc) -> None:
    db = tmp_path / "claims.db"
    Store(db).close()
    mid_run = ("import sys, time; sys.path.insert(0, sys.argv[2]); from factcheck.store import Store\n"
               "store = Store(sys.argv[1]); store.start_run('audit', 'h', True); print('started', flush=True); time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-c", mid_run, str(db), str(REPO)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "started"
        assert history(fc, db)[0]["outcome"] == "running"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        proc.kill()
    assert history(fc, db)[0]["outcome"] == "failed"
    assert "failed" in fc("audit", "history", db=db).output


# --- 13: no pattern from a rule or lexicon file runs over text --------------------------------------------
# Checks read records (issue 9, point 8): no rule kind takes a regex, and lexicon words are matched as words.

def rules_copy(tmp_path: Path, pattern: str, key: str = "scope_pattern") -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    path = rules / "superlative-conflict.toml"
    text = path.read_text(encoding="utf-8")
    line = f"{key} = '{pattern}'\n"
    text = text.replace("[params]\n", "[params]\n" + line) if "[params]" in text else text + "\n[params]\n" + line
    path.write_text(text, encoding="utf-8")
    return rules


@pytest.mark.parametrize("key", ["pattern", "scope_pattern"])
def test_a_catastrophic_pattern_in_a_rule_is_refused_at_load(tmp_path: Path, key: str) -> None:
    rules = rules_copy(tmp_path, r"(\w+\s?)+$", key=key)
    with pytest.raises(RuleFileError) as caught:
        load_rules(rules)
    assert "superlative-conflict.toml" in str(caught.value) and f"'params.{key}'" in str(caught.value)
    result = run("rules", "test", str(rules), "--rule", "superlative-conflict", db=tmp_path / "c.db")
    assert result.returncode == 2 and f"params.{key}" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_lexicon_word_is_matched_as_a_word_never_run_as_a_pattern(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    names = rules / "lexicon" / "names.toml"
    text = names.read_text(encoding="utf-8")
    assert "female_nouns = [" in text
    names.write_text(text.replace("female_nouns = [", "female_nouns = ['(\\w+\\s?)+$', ", 1), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Harbour works\n\nThe harbour master and his deputy inspected the northern breakwater on Tuesday\n\n"
                       "\"We are ready,\" she said. The wife of a fisherman said the boats were safe.\n", encoding="utf-8")
    # spliced into a regex unescaped, the word backtracks for ever on the first long line
    result = run("--rules", str(rules), "ingest", "--dry-run", str(article), db=tmp_path / "c.db")
    assert result.returncode == 0, result.stderr
    assert "fisherman" in result.stdout
