"""Every English word list comes from rules/lexicon: each file loads, a copy with other words changes what
extraction reads, and a missing key is an error naming its file and key."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.errors import RuleFileError
from factcheck.extract import statement_from_text
from factcheck.lexicon import FILES, default_rules_dir, load_lexicon
from factcheck.model import Document


def copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def statement(text: str, rules: Path | None = None):  # type: ignore[no-untyped-def]
    lex = load_lexicon(rules or default_rules_dir())
    return statement_from_text(Document(text=text), text, None, None, lex)


def test_every_lexicon_file_loads() -> None:
    lex = load_lexicon(default_rules_dir())
    assert {p.stem for p in (default_rules_dir() / "lexicon").glob("*.toml")} == set(FILES)
    assert "not" in lex.clause_negation and lex.calendar.weekdays["monday"] == 0
    assert "the" in lex.grammar.determiners and "lines" in lex.furniture


@pytest.mark.parametrize("text", ["The ferry didn't sail.", "The ferry didn\u2019t sail.", "The ferry did not sail.",
                                  "The ferry won't sail on Friday."])
def test_contractions_negate_a_statement(text: str) -> None:
    assert statement(text).negated


def test_a_statement_without_negation() -> None:
    assert not statement("The ferry sailed at dawn with 40 cars.").negated


def test_a_rules_copy_with_other_words_changes_what_is_read(tmp_path: Path) -> None:
    text = "The ferry reportedly sailed at dawn."
    assert statement(text).modality == "hedge"
    rules = copy_rules(tmp_path)
    hedges = rules / "lexicon" / "hedges.toml"
    hedges.write_text(hedges.read_text(encoding="utf-8").replace('"reportedly", ', ""), encoding="utf-8")
    assert statement(text, rules).modality == "fact"


def test_a_rules_copy_reaches_page_furniture(tmp_path: Path) -> None:
    from factcheck.extract.layout import blocks
    text = "Harbor news\n\nDeckchairs\n\nThe ferry sailed at dawn with 40 cars on board."
    assert all(b.role != "boilerplate" for b in blocks(text, load_lexicon(default_rules_dir())))
    rules = copy_rules(tmp_path)
    layout = rules / "lexicon" / "layout.toml"
    layout.write_text(layout.read_text(encoding="utf-8").replace('lines = ["short url",', 'lines = ["deckchairs", "short url",'),
                      encoding="utf-8")
    roles = [(b.role, text[b.start:b.end]) for b in blocks(text, load_lexicon(rules))]
    assert ("boilerplate", "Deckchairs") in roles


@pytest.mark.parametrize("name, old, new, key", [
    ("states", "clause = [", "clauses = [", "negation.clause"),
    ("hedges", "plan = [", "plans = [", "modality.plan"),
    ("grammar", "stop = [", "stops = [", "phrase.stop"),
    ("names", "marks = [", "mark = [", "titles.marks"),
    ("calendar", "weekdays = [", "week_days = [", "weekdays"),
    ("layout", "closers = [", "closer = [", "furniture.closers"),
])
def test_a_missing_key_names_its_file_and_key(tmp_path: Path, name: str, old: str, new: str, key: str) -> None:
    rules = copy_rules(tmp_path)
    path = rules / "lexicon" / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleFileError, match=rf"{name}\.toml: key '{key}'"):
        load_lexicon(rules)
