"""Article files -> Documents. One function per format; `read_file` picks by extension."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.model import Document
from factcheck.read import html, tabular, text

READERS = {
    ".txt": text.read, ".text": text.read, ".md": text.read, ".markdown": text.read, "": text.read,
    ".html": html.read, ".htm": html.read,
    ".jsonl": tabular.read_jsonl, ".csv": tabular.read_csv,
}


@dataclass(frozen=True)
class Meta:
    """Metadata given on the command line; it wins over what the text says."""

    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None


def article_files(paths: list[str]) -> Iterator[Path | InputError]:
    """Files to ingest: the paths given, directories expanded (sorted). Problems are yielded, not raised."""
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READERS and f.suffix
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield InputError(f"{p}: directory holds no articles (.txt, .md, .html, .jsonl, .csv)")
            yield from files
        elif not p.exists():
            yield InputError(f"{p}: no such file")
        else:
            yield p


def decode(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM) or UTF-16 with BOM; binary and undecodable files refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: undecodable UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not an article")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        content = _declared_charset(path, data)
        if content is None:
            raise InputError(f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})") from None
    controls = sum(1 for ch in content[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(content), 8192):
        raise InputError(f"{path}: binary file, not an article")
    return content


def _declared_charset(path: Path, data: bytes) -> str | None:
    """An HTML page that declares another charset (<meta charset="windows-1252">) is decoded with it."""
    if path.suffix.lower() not in (".html", ".htm"):
        return None
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    if not m:
        return None
    try:
        return data.decode(m[1].decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def read_file(path: Path, meta: Meta = Meta()) -> list[Document]:
    """One file -> its documents (a scraped page may hold several stories)."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"{path}: unknown format {path.suffix!r} (use .txt, .md, .html, .jsonl or .csv)")
    content = decode(path)
    docs = reader(content, str(path), meta)
    if not docs or not any(d.text.strip() for d in docs):
        raise InputError(f"{path}: no article text found")
    return docs
