"""Text from articles is stored as written; on its way out it must not drive the reader's terminal or spreadsheet.

`clean` is the one place that strips control characters; every renderer and every line the command
line prints goes through it (rich output through terminal.SafeConsole, strings through `clean`, JSON
through `json_text`, which escapes instead of stripping so the data stays exact). No rich here: the
command line imports this on every run.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

# C0 controls but tab and newline, DEL, and C1 controls (0x9b alone starts an escape sequence on some terminals)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")  # json.dumps already escapes C0 inside strings


def clean(text: str) -> str:
    """The text without C0/C1 control characters (newline and tab kept): ESC, CR, BEL, CSI and the like."""
    return CONTROL.sub("", text)


def json_text(data: Any) -> str:
    """JSON as factcheck prints it: exact data, but no raw control character in the output (C1 escaped as \\u0085)."""
    return _escaped(json.dumps(data, ensure_ascii=False, indent=1))


class Encoded(str):
    """An item's JSON as `encoded` wrote it earlier: json_stream and json_lines write it as it is."""


def encoded(item: Any) -> str:
    """An item's JSON on one line, as json_stream and json_lines write it."""
    return _escaped(json.dumps(item, ensure_ascii=False))


def json_stream(fields: dict[str, Any]) -> Iterator[str]:
    """One JSON object whose lists are written item by item, one item per line: a large result is never held as
    one string (and an item on one line is written by json's C encoder, several times faster than an indented
    one). A field that is no list or iterator (a dict, a string, a number) is written on its own line; an item
    already Encoded is written as it is."""
    yield "{"
    for i, (key, value) in enumerate(fields.items()):
        if value is None or isinstance(value, (dict, str, int, float)):
            yield ("," if i else "") + f"\n {json.dumps(key)}: " + _escaped(json.dumps(value, ensure_ascii=False))
            continue
        yield ("," if i else "") + f"\n {json.dumps(key)}: ["
        for j, item in enumerate(value):
            yield ("," if j else "") + "\n  " + (item if isinstance(item, Encoded) else encoded(item))
        yield "\n ]"
    yield "\n}\n"


def json_lines(items: Iterable[Any]) -> Iterator[str]:
    """One JSON document per line (JSON Lines), control characters escaped as in json_text; an item already
    Encoded is written as it is."""
    for item in items:
        yield (item if isinstance(item, Encoded) else encoded(item)) + "\n"


def _escaped(text: str) -> str:
    """JSON text with its raw C1 controls and DEL written as \\u escapes (json.dumps escapes C0 itself)."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean_data(data: Any) -> Any:
    """Every string in nested dicts and lists cleaned, for JSON meant to be shown rather than kept (JSON-LD)."""
    if isinstance(data, str):
        return clean(data)
    if isinstance(data, dict):
        return {k: clean_data(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [clean_data(v) for v in data]
    return data
