"""JSON Lines and CSV: one document per row, or one statement per row when a `source` column is given.

Document rows: `text` (required), `title`, `outlet`, `url`, `published`.
Statement rows: `text`, `source` (required), `channel`, `date`, `outlet`, `title`, `url`.
"""
from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from factcheck.dates import parse_stamp
from factcheck.errors import InputError
from factcheck.model import Document

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
    published = meta.published or row.get("published") or row.get("date")
    if published:
        d = parse_stamp(str(published))
        if d is None:
            raise InputError(f"{where}: {published!r} is not a date (use YYYY-MM-DD)")
        published = d.isoformat()
    speaker = row.get("source") or None
    return Document(text=text, title=meta.title or row.get("title") or None, outlet=meta.outlet or row.get("outlet") or None,
                    url=meta.url or row.get("url") or None, published=published,
                    published_from="metadata" if published else "unknown", path=path, offset=0,
                    speaker=str(speaker) if speaker else None, channel=row.get("channel") or None)
