"""JSON Lines and CSV: one document per row, or one statement per row when a `source` column is given.

Document rows: `text` (required), `title`, `outlet`, `url`, `published` (or `date`).
Statement rows: `text` and `source` (required), `channel`, `published` (or `date`), `outlet`, `title`, `url`.
Statement offsets index the row's text (stored as its document's text), not the file's.
Rows are read one at a time: each row is a document of its own, stored whole or not at all, and a bad
row is reported in its place while the other rows go on.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.model import Document, excerpt
from factcheck.read.text import published_day

if TYPE_CHECKING:
    from factcheck.read import Meta

FIELD_LIMIT = 1 << 30  # the csv module's default (128 KiB per field) is shorter than a long article; files have --max-bytes


def read_jsonl(lines: Iterable[str], path: str, meta: "Meta") -> Iterator[Document | InputError]:
    """One document per line, each handed on before the next line is read; a bad line is an error in its place."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield InputError(f"{path}: line {n} is not JSON: {json_reason(exc)}")
            continue
        if not isinstance(row, dict):
            yield InputError(f"{path}: line {n} is not a JSON object")
            continue
        yield _row_document(row, f"{path}: line {n}", path, meta)


def json_reason(exc: json.JSONDecodeError) -> str:
    """The decoder's whole reason with its column: 'unterminated string starting at column 9'."""
    msg = exc.msg[:1].lower() + exc.msg[1:]
    return f"{msg} column {exc.colno}" if msg.endswith(" at") else f"{msg} at column {exc.colno}"


def read_csv(lines: Iterable[str], path: str, meta: "Meta") -> Iterator[Document | InputError]:
    """One document per row after the header, each handed on before the next row is read."""
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    reader = csv.DictReader(lines)
    n = 1
    try:
        fields = reader.fieldnames
        if not fields or "text" not in [f.strip().lower() for f in fields]:
            raise InputError(f"{path}: CSV needs a 'text' column (has {', '.join(fields or []) or 'none'})")
        for n, row in enumerate(reader, 2):
            yield _row_document({(k or "").strip().lower(): v for k, v in row.items()}, f"{path}: row {n}", path, meta)
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV after row {n} ({exc})") from None


def _row_document(row: dict[str, Any], where: str, path: str, meta: "Meta") -> Document | InputError:
    if any(isinstance(v, str) and "\x00" in v for v in row.values()):
        return InputError(f"{where}: holds a NUL character (binary data), not text")
    try:
        return _document(row, where, path, meta)
    except InputError as exc:
        return exc


def _document(row: dict[str, Any], where: str, path: str, meta: "Meta") -> Document:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: missing 'text'")
    field = {key: _string(row, key, where) for key in ("title", "outlet", "url", "published", "date", "source", "channel")}
    published = meta.published or field["published"] or field["date"]
    if published:
        day = published_day(published)
        if day is None:
            raise InputError(f"{where}: {published!r} is not a date (use YYYY-MM-DD)")
        published = day
    if field["channel"] and not field["source"]:
        raise InputError(f"{where}: a statement row with 'channel' needs a 'source'")
    title = meta.title or field["title"] or excerpt(text.strip().splitlines()[0], 80)
    return Document(text=text, title=title, outlet=meta.outlet or field["outlet"],
                    url=meta.url or field["url"], published=published,
                    published_from="metadata" if published else "unknown", path=path, offset=0,
                    speaker=field["source"], channel=field["channel"])


def _string(row: dict[str, Any], key: str, where: str) -> str | None:
    """A text field of a row: strings kept, numbers turned to text, empty as None, anything else an error."""
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}: '{key}' must be text, not {type(value).__name__}")
    return value.strip() or None
