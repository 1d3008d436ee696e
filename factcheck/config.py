"""The project config: `factcheck.toml` in the working directory (or the file FACTCHECK_CONFIG names).

    [factcheck]
    db = "/srv/factcheck/claims.db"        # default for --db
    rules = "rules/"                       # default for --rules
    reviewer = "ana"                       # default for --by
    severity = "warning"                   # lowest severity listed in full by verify and report

    [newsroom]
    name = "Harbour Post"                  # ClaimReview's author (an Organization)
    url = "https://harbour.example"
    review_url = "https://harbour.example/factchecks/{id}"   # a review's url; {id} is the flag id

Command-line options and environment variables win over the file; the file wins over built-in defaults.
A missing file is no config; a malformed one is one line naming it and the reason, exit 2.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.model import SEVERITIES as SEVERITIES_LOW_TO_HIGH

FILENAME = "factcheck.toml"
SEVERITIES = tuple(reversed(SEVERITIES_LOW_TO_HIGH))  # as the options list them, most severe first
KEYS = {"factcheck": ("db", "rules", "reviewer", "severity"), "newsroom": ("name", "url", "review_url")}


@dataclass(frozen=True)
class Config:
    db: str | None = None
    rules: str | None = None
    reviewer: str | None = None
    severity: str | None = None
    newsroom: str | None = None
    newsroom_url: str | None = None
    review_url: str | None = None
    path: str | None = None


def load_config(path: str | Path | None = None) -> Config:
    """The config at `path`, else $FACTCHECK_CONFIG, else ./factcheck.toml; an empty Config when there is none."""
    named = path or os.environ.get("FACTCHECK_CONFIG")
    file = Path(named) if named else Path.cwd() / FILENAME
    if not file.is_file():
        if named:
            raise InputError(f"{file}: no such config file")
        return Config()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{file}: not a valid config ({exc})") from None
    for table, value in data.items():
        if table not in KEYS or not isinstance(value, dict):
            raise InputError(f"{file}: unknown table [{table}] (known: {', '.join(KEYS)})")
        for key, item in value.items():
            if key not in KEYS[table]:
                raise InputError(f"{file}: unknown key {table}.{key} (known: {', '.join(KEYS[table])})")
            if not isinstance(item, str):
                raise InputError(f"{file}: {table}.{key} must be a string")
    fc, news = data.get("factcheck", {}), data.get("newsroom", {})
    if fc.get("severity") not in (None, *SEVERITIES):
        raise InputError(f"{file}: factcheck.severity must be one of {', '.join(SEVERITIES)}")
    for key in ("url", "review_url"):
        if news.get(key) and not news[key].lower().startswith(("http://", "https://")):
            raise InputError(f"{file}: newsroom.{key} must be an http(s) address")
    return Config(db=fc.get("db"), rules=fc.get("rules"), reviewer=fc.get("reviewer"), severity=fc.get("severity"),
                  newsroom=news.get("name"), newsroom_url=news.get("url"), review_url=news.get("review_url"),
                  path=str(file))
