"""Article files -> Documents. One function per format, picked by extension.

Only regular files are read (a FIFO or a device could block or never end), each within a size
limit checked before reading. Text, Markdown and HTML are read whole; JSON Lines and CSV are
streamed row by row, so each row's document can be stored before the next row is read.
Problems are yielded as InputError items, never raised, so that one bad input holds back nothing else.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from factcheck.errors import InputError
from factcheck.model import MAX_FILE_BYTES, Document
from factcheck.read import html, tabular, text

MAX_BYTES = MAX_FILE_BYTES
HEAD = 8192  # bytes sniffed for a binary format, an encoding mark and control characters
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below a space, other than \t \n \f \r

WHOLE: dict[str, Callable[[str, str, "Meta"], list[Document]]] = {
    ".txt": text.read, ".text": text.read, ".md": text.read, ".markdown": text.read, "": text.read,
    ".html": html.read, ".htm": html.read,
}
STREAMED: dict[str, Callable[[Iterable[str], str, "Meta"], Iterator[Document | InputError]]] = {
    ".jsonl": tabular.read_jsonl, ".csv": tabular.read_csv,
}
READERS = WHOLE.keys() | STREAMED.keys()

# formats that are never articles, by the bytes they open with (a PDF renamed .txt is still a PDF)
MAGIC = ((b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP"), (b"\x89PNG", "PNG"), (b"GIF8", "GIF"), (b"\xff\xd8\xff", "JPEG"),
         (b"\x1f\x8b", "gzip"), (b"\x7fELF", "executable"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office"),
         (b"{\\rtf", "RTF"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"Rar!\x1a\x07", "RAR"))


@dataclass(frozen=True)
class Meta:
    """Metadata given on the command line; it wins over what the text says."""

    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    # a draft's reference (verify FILE): today, and the days stored stories tell of, to date a dateline
    # that names no year ('KYIV, May 24 -'); None for archives, which stay undated rather than misdated
    today: str | None = None
    known_days: frozenset[str] = frozenset()


def article_files(paths: list[str]) -> Iterator[Path | InputError]:
    """Files to ingest: the paths given, directories expanded (sorted). Problems are yielded, not raised.

    A directory's entries with an article's extension are all listed, a FIFO or socket among them too:
    reading refuses those with a line of their own rather than passing over them in silence."""
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.suffix and f.suffix.lower() in READERS and not f.is_dir()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield InputError(f"{p}: directory holds no articles (.txt, .md, .html, .jsonl, .csv)")
            yield from files
        elif not p.exists():
            yield InputError(f"{p}: no such file")
        else:
            yield p


def documents(paths: list[str], meta: Meta = Meta(), max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Every document of every file, in order, each as soon as it is read; problems in their place."""
    for item in article_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from file_documents(item, meta, max_bytes)


def file_documents(path: Path, meta: Meta = Meta(), max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """One file's documents (a scraped page may hold several stories; a JSONL file one per row)."""
    found = False
    try:
        check_file(path, _stat(path), max_bytes)
        suffix = path.suffix.lower()
        if suffix in STREAMED:
            with text_lines(path, max_bytes) as lines:
                for item in STREAMED[suffix](lines, str(path), meta):
                    found = found or isinstance(item, InputError) or bool(item.text.strip())
                    yield item
        elif suffix in WHOLE:
            docs = [d for d in WHOLE[suffix](decode(path, max_bytes), str(path), meta) if d.text.strip()]
            found = bool(docs)
            yield from docs
        else:
            raise InputError(f"{path}: unknown format {path.suffix!r} (use .txt, .md, .html, .jsonl or .csv)")
    except InputError as exc:
        yield exc
        return
    if not found:
        yield InputError(f"{path}: no article text found")


def read_file(path: Path, meta: Meta = Meta(), max_bytes: int = MAX_BYTES) -> list[Document]:
    """One file's documents as a list; its first problem is raised."""
    docs = []
    for item in file_documents(path, meta, max_bytes):
        if isinstance(item, InputError):
            raise item
        docs.append(item)
    return docs


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def check_file(path: Path, st: os.stat_result, max_bytes: int) -> None:
    """Refuse, before reading, what is not a regular file (FIFO, device, socket) or is over the size limit."""
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file")
    if st.st_size > max_bytes:
        raise InputError(f"{path}: {st.st_size:,} bytes, over the size limit of {_size(max_bytes)} (--max-bytes)")


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n % (1024 * 1024) == 0 else f"{n:,} bytes"


class _Bounded(io.RawIOBase):
    """A file opened after its checks; reading past max_bytes (a file that grows meanwhile) is refused."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        super().__init__()
        self.path, self.max_bytes, self.count = path, max_bytes, 0
        self.file: io.FileIO | None = None
        check_file(path, _stat(path), max_bytes)
        try:  # O_NONBLOCK: should the path have become a FIFO since the check, opening it does not wait
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        self.file = io.FileIO(fd, "r", closefd=True)
        try:
            st = os.fstat(fd)
            check_file(path, st, max_bytes)
        except InputError:
            self.file.close()
            raise
        self.size = st.st_size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = self._read(lambda: self.file.readinto(buffer))
        self._count(n)
        return n

    def read_all(self) -> bytes:
        chunks = []
        hint = self.size + 1
        while chunk := self._read(lambda: self.file.read(hint)):
            self._count(len(chunk))
            chunks.append(chunk)
            hint = 1 << 16
        return b"".join(chunks)

    def head(self) -> bytes:
        """The first bytes, read without moving on."""
        data = self._read(lambda: self.file.read(HEAD))
        self.file.seek(0)
        return data

    def _read(self, call):  # type: ignore[no-untyped-def]
        try:
            return call()
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from None

    def _count(self, n: int) -> None:
        self.count += n
        if self.count > self.max_bytes:
            raise InputError(f"{self.path}: grew over the size limit of {_size(self.max_bytes)} while being read"
                             " (--max-bytes)")

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def decode(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text: UTF-8 (with or without BOM) or UTF-16 with BOM; binary and undecodable files refused."""
    with _Bounded(path, max_bytes) as f:
        data = f.read_all()
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if sniff(path, data[:HEAD]) == "utf-16":
        try:
            content = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: undecodable UTF-16 text") from None
        if "\x00" in content:
            raise InputError(f"{path}: binary file (a NUL character at {content.index(chr(0))}), not an article")
    else:
        nul = data.find(b"\x00")
        if nul >= 0:  # anywhere, not only in the sniffed head
            raise InputError(f"{path}: binary file (a NUL byte at offset {nul}), not an article")
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            declared = _declared_charset(path, data)
            if declared is None:
                raise InputError(f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})") from None
            content = declared
    _check_controls(path, content[:HEAD])
    return content


def sniff(path: Path, head: bytes) -> str:
    """The codec of a file from its first bytes; a known binary format, or NUL bytes in UTF-8, refused."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    opening = head.lstrip(b" \t\r\n")
    for magic, name in MAGIC:
        if opening.startswith(magic):
            raise InputError(f"{path}: binary file ({name}), not an article")
    if b"\x00" in head:
        raise InputError(f"{path}: binary file (a NUL byte at offset {head.index(0)}), not an article")
    return "utf-8-sig"


def _check_controls(path: Path, head: str) -> None:
    controls = len(CONTROLS.findall(head))
    if controls > 0.05 * len(head):
        raise InputError(f"{path}: binary file, not an article")


@contextmanager
def text_lines(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Iterator[str]]:
    """The file's lines, read as they are asked for (line ends kept, as the csv module needs)."""
    with _Bounded(path, max_bytes) as raw:
        head = raw.head()
        if not head.strip():
            raise InputError(f"{path}: empty file")
        codec = sniff(path, head)
        _check_controls(path, codecs.getincrementaldecoder(codec)("ignore").decode(head))
        yield _decoded(io.TextIOWrapper(io.BufferedReader(raw), encoding=codec, newline=""), path)


def _decoded(stream: TextIO, path: Path) -> Iterator[str]:
    n = 0
    try:
        for n, line in enumerate(stream, 1):
            yield line
    except UnicodeDecodeError:
        codec = "UTF-16" if stream.encoding == "utf-16" else "UTF-8"
        raise InputError(f"{path}: not {codec} text (undecodable byte after line {n})") from None


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
