"""HTML: the article's text blocks (paragraphs, headings, list items), never scripts or navigation."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from factcheck.dates import parse_stamp
from factcheck.model import Document

if TYPE_CHECKING:
    from factcheck.read import Meta

SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "svg", "template", "iframe"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "div", "section", "article",
          "br", "tr", "time", "title"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title: str | None = None
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self.skip += 1
        if tag == "meta":
            a = {k: v or "" for k, v in attrs}
            key = a.get("property") or a.get("name") or ""
            if key and a.get("content"):
                self.meta[key.lower()] = a["content"]
        if tag == "title":
            self.in_title = True
        if tag in BLOCKS:
            self.flush()
        if tag == "li" and not self.skip:
            self.current.append("\u2022 ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if not self.skip:
            self.current.append(data)

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text and text != "\u2022":
            self.blocks.append(text)
        self.current = []


def read(content: str, path: str, meta: "Meta") -> list[Document]:
    parser = _Text()
    parser.feed(content)
    parser.close()
    parser.flush()
    text = "\n\n".join(parser.blocks)
    published, origin = meta.published, "metadata"
    if not published:
        for key in ("article:published_time", "date", "pubdate", "og:published_time"):
            if key in parser.meta and parse_stamp(parser.meta[key][:10] if re.match(r"\d{4}-", parser.meta[key]) else parser.meta[key]):
                d = parse_stamp(parser.meta[key][:10] if re.match(r"\d{4}-", parser.meta[key]) else parser.meta[key])
                published = d.isoformat() if d else None
                break
    if not published:
        origin = "unknown"
    title = meta.title or parser.meta.get("og:title") or (parser.title or "").strip() or None
    return [Document(text=text, title=title, outlet=meta.outlet or parser.meta.get("og:site_name"),
                     url=meta.url or parser.meta.get("og:url"), published=published, published_from=origin,
                     path=path, offset=0)]
