"""JSON Lines and CSV: one document per row, or one statement per row when a `source` column is given.

Document rows: `text` (required), `title`, `outlet`, `url`, `published` (or `date`).
Statement rows: `text` and `source` (required), `channel`, `published` (or `date`), `outlet`, `title`, `url`.
Statement offsets index the row's text (stored as its document's text), not the file's.
"""
from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.model import Document
from factcheck.read.text import published_day

if TYPE_CHECKING:
    from factcheck.read import Meta


def read_jsonl(content: str, path: str, meta: "Meta") -> list[Document]:
    rows = []
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {n} is not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}: line {n} is not a JSON object")
        rows.append((n, row))
    return [_document(row, f"{path}: line {n}", path, meta) for n, row in rows]


def read_csv(content: str, path: str, meta: "Meta") -> list[Document]:
    try:
        reader = csv.DictReader(io.StringIO(content))
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV ({exc})") from None
    if not reader.fieldnames or "text" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputError(f"{path}: CSV needs a 'text' column (has {', '.join(reader.fieldnames or []) or 'none'})")
    return [_document({(k or "").strip().lower(): v for k, v in row.items()}, f"{path}: row {n}", path, meta)
            for n, row in enumerate(rows, 2)]


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
    title = meta.title or field["title"] or text.strip().splitlines()[0][:80]
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
