"""Load and validate rules/*.toml: each file is one rule of a known kind, with its examples."""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.checks import CHECKS
from factcheck.errors import RuleFileError
from factcheck.lexicon import Lexicon, default_rules_dir, load_lexicon
from factcheck.model import SEVERITIES, Rule

REQUIRED = {"id": str, "kind": str, "severity": str, "message": str}
OPTIONAL = {"description": str, "params": dict, "example": list}
EXAMPLE_KEYS = {"name": str, "text": str, "published": str, "outlet": str, "title": str, "document": list,
                "expect": str, "evidence": list}
EXPECTS = ("flag", "pass", "nothing")


@dataclass(frozen=True)
class RuleSet:
    """The rules in force and the lexicon they share."""

    rules: tuple[Rule, ...]
    lexicon: Lexicon
    directory: Path
    hash: str

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise RuleFileError(f"rule {rule_id!r}: no such rule (known: {', '.join(r.id for r in self.rules)})")


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Every *.toml directly in the directory is a rule; lexicon/ holds the vocabularies."""
    root = Path(directory) if directory else default_rules_dir()
    if not root.is_dir():
        raise RuleFileError(f"{root}: rules directory not found")
    lexicon = load_lexicon(root.resolve())
    rules, digest = [], hashlib.sha256(lexicon.digest.encode())
    for path in sorted(root.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        digest.update(path.name.encode() + text.encode())
        rules.append(parse_rule(path, text))
    if not rules:
        raise RuleFileError(f"{root}: no rule files (*.toml)")
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise RuleFileError(f"{r.path}: key 'id' {r.id!r} is already used by {seen[r.id]}")
        seen[r.id] = str(r.path)
    return RuleSet(tuple(rules), lexicon, root, digest.hexdigest()[:16])


def parse_rule(path: Path, text: str) -> Rule:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: not valid TOML ({exc})") from None
    for key, kind in REQUIRED.items():
        if key not in data:
            raise RuleFileError(f"{path}: missing key '{key}'")
        _typed(path, key, data[key], kind)
    for key, value in data.items():
        if key in OPTIONAL:
            _typed(path, key, value, OPTIONAL[key])
        elif key not in REQUIRED:
            raise RuleFileError(f"{path}: unknown key '{key}' (valid: {', '.join([*REQUIRED, *OPTIONAL])})")
    if data["kind"] not in CHECKS:
        raise RuleFileError(f"{path}: key 'kind' is {data['kind']!r}; valid kinds: {', '.join(sorted(CHECKS))}")
    if data["severity"] not in SEVERITIES:
        raise RuleFileError(f"{path}: key 'severity' is {data['severity']!r}; valid: {', '.join(SEVERITIES)}")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", data["id"]):
        raise RuleFileError(f"{path}: key 'id' {data['id']!r} must be lowercase letters, digits and dashes")
    params = _params(path, data["kind"], data.get("params", {}))
    examples = tuple(_example(path, i, ex) for i, ex in enumerate(data.get("example", []), 1))
    return Rule(id=data["id"], kind=data["kind"], severity=data["severity"], message=data["message"],
                description=data.get("description", ""), params=params, examples=examples, path=str(path))


def _typed(path: Path, key: str, value: Any, kind: type) -> None:
    if not isinstance(value, kind):
        raise RuleFileError(f"{path}: key '{key}' must be a {kind.__name__}, not {type(value).__name__}")


def _params(path: Path, kind: str, given: dict[str, Any]) -> dict[str, Any]:
    """The kind's parameters with defaults filled in; unknown or mistyped ones are errors."""
    spec: dict[str, Any] = getattr(CHECKS[kind], "PARAMS", {})
    out = dict(spec)
    for key, value in given.items():
        if key not in spec:
            valid = ", ".join(spec) or "none"
            raise RuleFileError(f"{path}: unknown key 'params.{key}' for kind {kind} (valid: {valid})")
        expected = type(spec[key])
        if expected is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, expected):
            raise RuleFileError(f"{path}: key 'params.{key}' must be a {expected.__name__}")
        out[key] = value
    return out


def _example(path: Path, n: int, ex: Any) -> dict[str, Any]:
    where = f"{path}: example {n}"
    if not isinstance(ex, dict):
        raise RuleFileError(f"{where}: must be a table")
    for key, value in ex.items():
        if key not in EXAMPLE_KEYS:
            raise RuleFileError(f"{where}: unknown key '{key}' (valid: {', '.join(EXAMPLE_KEYS)})")
        if not isinstance(value, EXAMPLE_KEYS[key]):
            raise RuleFileError(f"{where}: key '{key}' must be a {EXAMPLE_KEYS[key].__name__}")
    if "text" not in ex and "document" not in ex:
        raise RuleFileError(f"{where}: needs 'text' or 'document'")
    if ex.get("expect") not in EXPECTS:
        raise RuleFileError(f"{where}: key 'expect' must be one of {', '.join(EXPECTS)}")
    return ex
