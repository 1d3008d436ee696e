"""Every example of the default rule set, one test each; and `factcheck rules test` exit codes."""
from __future__ import annotations

import shutil

import pytest

from factcheck.examples import run_example
from factcheck.lexicon import default_rules_dir
from factcheck.ruleset import load_rules

DEFAULT = load_rules()
EXAMPLES = [(rule, example) for rule in DEFAULT.rules for example in rule.examples]


def test_every_rule_carries_examples_that_fire_and_that_do_not():
    for rule in DEFAULT.rules:
        expects = {ex["expect"] for ex in rule.examples}
        assert expects & {"flag", "pass"} and "nothing" in expects, rule.id


@pytest.mark.parametrize("rule, example", EXAMPLES,
                         ids=[f"{rule.id}: {example.get('name', 'example')}" for rule, example in EXAMPLES])
def test_rule_example(rule, example):
    result = run_example(rule, example, DEFAULT)
    assert result.ok, f"{rule.path}: {result.reason}"


PASSING = '''id = "ferry-status"
kind = "status-conflict"
severity = "error"
message = "{a} says the {event} was {state_a}; {b} says it is {state_b}"

[[example]]
name = "completed vs ongoing on one day"
expect = "flag"
evidence = ["completed", "ongoing"]
published = "2024-03-08"
text = "Ferry swap\\n\\nThe mayor wrote on Telegram that the ferry swap had been completed, but an official said the exchange was ongoing."
'''
FAILING = PASSING.replace('name = "completed vs ongoing on one day"\nexpect = "flag"',
                          'name = "deliberately wrong"\nexpect = "nothing"')


@pytest.fixture
def rules_dir(tmp_path):
    d = tmp_path / "rules"
    shutil.copytree(default_rules_dir() / "lexicon", d / "lexicon")
    return d


def test_rules_test_exits_0_when_every_example_holds(rules_dir, fc):
    (rules_dir / "ferry-status.toml").write_text(PASSING, encoding="utf-8")
    result = fc("rules", "test", rules_dir)
    assert result.exit_code == 0, result.output
    assert "1 passed, 0 failed" in result.stdout


def test_rules_test_exits_1_naming_the_failing_example(rules_dir, fc):
    assert FAILING != PASSING
    (rules_dir / "ferry-status.toml").write_text(FAILING, encoding="utf-8")
    result = fc("rules", "test", rules_dir)
    assert result.exit_code == 1
    assert "FAIL ferry-status: deliberately wrong" in result.stdout
    assert "0 passed, 1 failed" in result.stdout


def test_rules_test_on_a_broken_directory_exits_2(rules_dir, fc):
    (rules_dir / "broken.toml").write_text('id = "x"\nkind = "status-conflict"\n', encoding="utf-8")
    result = fc("rules", "test", rules_dir)
    assert result.exit_code == 2 and "broken.toml: missing key 'severity'" in result.stderr
