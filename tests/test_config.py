"""factcheck.toml: project defaults under the command line and environment; ClaimReview's newsroom."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

SAMPLES = Path(__file__).parent.parent / "samples"
CONFIG = """[factcheck]
db = "desk.db"
reviewer = "ana"
severity = "info"

[newsroom]
name = "Harbour Post"
url = "https://harbour.example"
review_url = "https://harbour.example/factchecks/{id}"
"""


def run(*args: str):  # no --db: the config's db is used
    from factcheck.cli import cli
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_config_gives_defaults_that_options_override(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    (tmp_path / "factcheck.toml").write_text(CONFIG, encoding="utf-8")
    assert run("ingest", str(SAMPLES)).exit_code == 0
    assert (tmp_path / "desk.db").exists() and not (tmp_path / "claims.db").exists()
    assert "INFO anonymous-source" in run("verify").stdout  # severity = "info": info notes listed
    assert "info note not listed" in run("verify", "--severity", "warning").stdout
    assert run("--db", str(tmp_path / "other.db"), "statements").exit_code == 2  # the option wins


def test_claimreview_takes_the_newsrooms_url_author_and_the_editors_note(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    (tmp_path / "factcheck.toml").write_text(CONFIG, encoding="utf-8")
    run("ingest", str(SAMPLES))
    run("verify")
    flag = next(f for f in json.loads(run("flags", "--format", "json").stdout)["flags"] if f["kind"] == "status-conflict")
    run("flags", "confirm", flag["id"], "--note", "The ministry's list shows the swap going on.")
    review = next(r for r in json.loads(run("report", "--format", "claimreview").stdout) if r["identifier"] == flag["id"])
    for field in ("url", "claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished"):  # schema.org / Google
        assert review.get(field), field
    assert review["url"] == f"https://harbour.example/factchecks/{flag['id']}"
    assert review["author"] == {"@type": "Organization", "name": "Harbour Post", "url": "https://harbour.example"}
    assert review["editor"] == {"@type": "Person", "name": "ana"}
    assert review["reviewBody"] == "The ministry's list shows the swap going on."
    item = review["itemReviewed"]
    assert item["author"]["name"] and item["datePublished"] and item["appearance"]
    assert review["reviewRating"]["alternateName"]


def test_a_malformed_config_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("[factcheck]\nseverity = \"loud\"\n", encoding="utf-8")
    result = run("statements")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factcheck: {tmp_path / 'factcheck.toml'}: factcheck.severity must be one of error, warning, info"
    (tmp_path / "factcheck.toml").write_text("[factcheck]\ndatabase = \"x.db\"\n", encoding="utf-8")
    assert "unknown key factcheck.database" in run("statements").stderr


def test_claimreview_lists_every_appearance_of_the_claims_story(fc, db_path):
    fc("ingest", str(SAMPLES))
    story = next(p for p in sorted(SAMPLES.iterdir()) if "Trump" in p.read_text(encoding="utf-8"))
    assert "another appearance" in fc("ingest", str(story), "--outlet", "Coast Daily", "--url", "https://coast.example/swap",
                                      "--published", "2025-05-24").stdout
    fc("verify")
    reviews = json.loads(fc("report", "--format", "claimreview").stdout)
    review = next(r for r in reviews if r["reviewRating"]["alternateName"].endswith("Conflicting accounts"))
    seen = review["itemReviewed"]["appearance"]
    assert isinstance(seen, list) and {"url": "https://coast.example/swap"}.items() <= seen[-1].items()
    assert seen[-1]["publisher"]["name"] == "Coast Daily"
