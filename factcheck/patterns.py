"""Regular expressions written by users (rule parameters such as `pattern`) run on RE2.

RE2 takes time linear in the text whatever the pattern, so a pattern that makes Python's backtracking
engine run for ever on a long sentence ('(\\w+\\s?)+$') cannot hang `verify`, `audit` or `rules test`.
What RE2 cannot do (backreferences, lookaround) is refused when the rule is loaded; Python's \\uXXXX escapes are
read as RE2's \\x{XXXX}.
Patterns that factcheck builds itself from escaped word lists stay on Python's `re`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import re2

# Python's '\u2019' and '\U0001F600' escapes (an even number of backslashes before them: not themselves escaped)
_PY_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")


def _options() -> Any:
    options = re2.Options()
    options.case_sensitive = False  # rule patterns match words in any case, as re.I did
    options.log_errors = False  # the reason goes into our one-line message, not onto stderr
    return options


def pattern_error(pattern: str) -> str | None:
    """Why RE2 refuses the pattern, or None when it compiles."""
    try:
        user_pattern(pattern)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
    return None


@lru_cache(maxsize=64)
def user_pattern(pattern: str) -> Any:
    """The pattern compiled by RE2, case-insensitive; it has search, match, finditer like a compiled `re` pattern."""
    return re2.compile(_PY_ESCAPE.sub(lambda m: rf"{m[1]}\x{{{m[2] or m[3]}}}", pattern), _options())
