"""HTML: the article's text blocks (paragraphs, headings, list items), never scripts or navigation.

When the page marks its story with <article> (or <main>), only the text inside it is kept, so
menus, related-story lists and footers stay out. The document's text is the extracted text, blocks
separated by blank lines: statement offsets index that text (stored with the document).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from factcheck.model import Document
from factcheck.read.text import first_stamp, published_day

if TYPE_CHECKING:
    from factcheck.read import Meta

SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "svg", "template",
        "iframe", "select", "menu", "dialog"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "div", "section", "article",
          "main", "br", "tr", "time", "title", "ul", "ol", "table", "figure", "pre", "dd", "dt"}
STORY = {"article", "main"}
DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "dc.date",
             "publish-date", "sailthru.date")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside <article>/<main>)
        self.current: list[str] = []
        self.stack: list[str] = []  # open SKIP / STORY elements
        self.in_title = False
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self.times: list[str] = []  # <time datetime> values inside the story

    @property
    def skipping(self) -> bool:
        return any(tag in SKIP for tag in self.stack)

    @property
    def in_story(self) -> bool:
        return any(tag in STORY for tag in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or ""
            if key and a.get("content"):
                self.meta.setdefault(key.lower(), a["content"])
            return
        if tag in BLOCKS:
            self.flush()
        if tag == "time" and a.get("datetime") and not self.skipping:
            self.times.append(a["datetime"])
        if (tag in SKIP or tag in STORY) and not (tag == "header" and self.in_story):
            self.stack.append(tag)  # a story's own <header> holds its headline and is kept
        if tag == "title":
            self.in_title = True
        if tag == "li" and not self.skipping:
            self.current.append("\u2022 ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP or tag in STORY:  # <div/>-style self-closing: opens and closes nothing
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag == "title":
            self.in_title = False
        if (tag in SKIP or tag in STORY) and tag in self.stack:
            # close the innermost matching element (and anything left unclosed inside it)
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if not self.skipping:
            self.current.append(data)

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text and text != "\u2022":
            self.blocks.append((text, self.in_story))
        self.current = []


def read(content: str, path: str, meta: "Meta") -> list[Document]:
    parser = _Text()
    parser.feed(content)
    parser.close()
    parser.flush()
    story = [t for t, inside in parser.blocks if inside]
    text = "\n\n".join(story or [t for t, _ in parser.blocks])
    published, origin = meta.published, "metadata"
    if not published:
        candidates = [parser.meta[k] for k in DATE_META if k in parser.meta] + parser.times
        published = next((d for d in map(published_day, candidates) if d), None)
    if not published:
        published, origin = first_stamp(text), "dateline"
    if not published:
        origin = "unknown"
    title = meta.title or parser.meta.get("og:title") or re.sub(r"\s+", " ", parser.title or "").strip() or None
    return [Document(text=text, title=title, outlet=meta.outlet or parser.meta.get("og:site_name"),
                     url=meta.url or parser.meta.get("og:url"), published=published, published_from=origin,
                     path=path, offset=0)]
