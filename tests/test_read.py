"""Readers: front matter, publication stamps, story splitting, html, jsonl/csv; spans index the file's text."""
from __future__ import annotations

import json

import pytest

from factcheck.errors import InputError
from factcheck.extract import extract
from factcheck.read import Meta, decode, read_file
from factcheck.read.text import published_day, split_stories

TWO_STORIES = """Dock workers end strike at northern port
Share
Updated 23 May 2025
Follow

Dock workers end strike at northern port

Dock workers at the northern port returned to work on Friday after a four-day strike, the union said.
The union's leader, Marta Vogel, said that 310 of the 400 workers had voted to accept the offer.

City council approves new tram line
Updated 2 sec ago

City council approves new tram line

The city council approved a new tram line on Tuesday, the mayor said on Telegram.
"""

FRONT = """---
title: Ferry service resumes
outlet: Coastal Courier
published: 2025-05-25
---
Ferry service resumes

The ferry operator said on Sunday that 12 of its 15 boats were sailing again.
"Every crossing will run by Monday," the operator's spokesman said.
"""


def test_dateline_stamp_gives_the_date_and_where_it_came_from(write):
    docs = read_file(write("port.txt", TWO_STORIES))
    assert docs[0].published == "2025-05-23" and docs[0].published_from == "dateline"


def test_relative_stamp_is_not_a_date(write):
    docs = read_file(write("port.txt", TWO_STORIES))
    assert docs[1].published is None and docs[1].published_from == "unknown"


def test_a_page_with_two_stories_becomes_two_documents(write):
    docs = read_file(write("port.txt", TWO_STORIES))
    assert [d.title for d in docs] == ["Dock workers end strike at northern port", "City council approves new tram line"]
    assert "tram" not in docs[0].text and "strike" not in docs[1].text
    assert docs[1].offset == TWO_STORIES.index("City council approves")
    assert all(TWO_STORIES[d.offset:d.offset + len(d.text)] == d.text for d in docs)


def test_published_stamp_variants(write):
    text = "Bridge reopens\nPublished May 21, 2025 10:04 GMT\n\nThe bridge reopened on Wednesday.\n"
    (doc,) = read_file(write("bridge.txt", text))
    assert doc.published == "2025-05-21" and doc.published_from == "dateline"


def test_command_line_metadata_wins(write):
    docs = read_file(write("port.txt", TWO_STORIES), Meta(published="2025-06-01", outlet="Harbour Post"))
    assert {d.published for d in docs} == {"2025-06-01"}
    assert {d.published_from for d in docs} == {"metadata"}
    assert {d.outlet for d in docs} == {"Harbour Post"}


@pytest.mark.parametrize("name, content", [("port.txt", TWO_STORIES), ("ferry.md", FRONT),
                                           ("crlf.txt", TWO_STORIES.replace("\n", "\r\n"))])
def test_every_statement_span_indexes_the_files_decoded_text(write, lexicon, name, content):
    path = write(name, content)
    text = decode(path)
    statements = [s for doc in read_file(path) for s in extract(doc, lexicon)]
    assert len(statements) >= 3
    for s in statements:
        assert text[s.start:s.end] == s.text
        if s.source_start is not None:
            assert text[s.source_start:s.source_end].strip()


def test_front_matter_gives_metadata_and_is_kept_out_of_the_text(write):
    (doc,) = read_file(write("ferry.md", FRONT))
    assert (doc.title, doc.outlet, doc.published, doc.published_from) == (
        "Ferry service resumes", "Coastal Courier", "2025-05-25", "metadata")
    assert doc.text.startswith("Ferry service resumes\n") and "---" not in doc.text
    assert doc.offset == FRONT.index("Ferry service resumes\n\n")


def test_front_matter_accepts_timestamps_and_date_key(write):
    (doc,) = read_file(write("a.md", "---\ndate: 2025-05-25T08:30:00Z\n---\nRain fell.\n"))
    assert doc.published == "2025-05-25"


def test_a_leading_rule_line_without_keys_is_not_front_matter(write):
    (doc,) = read_file(write("a.md", "---\n\nRain fell on Tuesday.\n"))
    assert "Rain fell" in doc.text


def test_utf8_bom_and_utf16_are_decoded(write):
    assert decode(write("bom.txt", "Rain fell.".encode("utf-8-sig"))) == "Rain fell."
    assert decode(write("u16.txt", "Rain fell.".encode("utf-16"))) == "Rain fell."


def test_published_day():
    assert published_day("2025-05-23") == "2025-05-23"
    assert published_day("2025-05-23T10:00:00+02:00") == "2025-05-23"
    assert published_day("23 May 2025") == "2025-05-23"
    assert published_day("2 sec ago") is None


def test_single_story_is_one_span():
    page = "Headline\n\nUpdated 23 May 2025\n\nBody.\n"
    assert split_stories(page, 0) == [(0, len(page))]


PAGE = """<!doctype html>
<html><head><title>Ferries return | Coastal Courier</title>
<meta property="og:site_name" content="Coastal Courier">
<meta property="article:published_time" content="2025-05-25T07:00:00Z">
<script>var note = "The strike was completed, the union said.";</script>
<style>p { color: red }</style></head>
<body>
<nav><ul><li>Home</li><li>Weather</li></ul></nav>
<article>
  <header><h1>Ferries return</h1></header>
  <p>The operator said 12 of its 15 boats were &ldquo;back at sea&rdquo;.</p>
  <aside><p>Related: tram line approved</p></aside>
  <p>Crossings resume on Monday, a spokesman said.</p>
</article>
<footer><p>Copyright Coastal Courier</p></footer>
</body></html>
"""


def test_html_keeps_the_article_text_only(write):
    (doc,) = read_file(write("page.html", PAGE))
    assert doc.text == ("Ferries return\n\nThe operator said 12 of its 15 boats were \u201cback at sea\u201d.\n\n"
                        "Crossings resume on Monday, a spokesman said.")
    assert (doc.title, doc.outlet, doc.published, doc.published_from) == (
        "Ferries return | Coastal Courier", "Coastal Courier", "2025-05-25", "metadata")


def test_html_without_article_element_drops_scripts_and_navigation(write):
    page = PAGE.replace("<article>", "<div>").replace("</article>", "</div>")
    (doc,) = read_file(write("page.html", page))
    assert "12 of its 15 boats" in doc.text and "Crossings resume" in doc.text
    for junk in ("var note", "color: red", "Home", "Related", "Copyright"):
        assert junk not in doc.text


def test_html_in_a_declared_charset(write):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 owners said prices rose.</p></body></html>'
    (doc,) = read_file(write("cafe.html", page.encode("cp1252")))
    assert doc.text == "Caf\u00e9 owners said prices rose."


def test_html_dateline_in_the_text(write):
    (doc,) = read_file(write("a.html", "<p>Updated 23 May 2025</p><p>The strike ended, the union said.</p>"))
    assert doc.published == "2025-05-23" and doc.published_from == "dateline"


def test_jsonl_documents(write):
    rows = [{"text": "Ferries return\n\nThe operator said boats sail again.", "title": "Ferries", "outlet": "Courier",
             "url": "https://example.org/f", "published": "2025-05-25"},
            {"text": "Trams approved\n\nThe council approved a tram line."}]
    docs = read_file(write("docs.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n"))
    assert [(d.title, d.outlet, d.url, d.published, d.speaker) for d in docs] == [
        ("Ferries", "Courier", "https://example.org/f", "2025-05-25", None),
        ("Trams approved", None, None, None, None)]


def test_csv_statements_carry_source_and_channel(write, lexicon):
    csv_text = ('text,source,channel,date\n'
                '"The ferry strike is over.",Marta Vogel,Telegram,2025-05-25\n'
                '"The ferry strike is over.",a union official,,2025-05-25\n')
    docs = read_file(write("said.csv", csv_text))
    assert [(d.speaker, d.channel, d.published) for d in docs] == [
        ("Marta Vogel", "Telegram", "2025-05-25"), ("a union official", None, "2025-05-25")]
    assert docs[0].sha256 != docs[1].sha256  # two sources saying the same words are two statements
    (first,) = extract(docs[0], lexicon)
    assert (first.source, first.channel, first.date, first.text) == (
        "Marta Vogel", "Telegram", "2025-05-25", "The ferry strike is over.")


def test_csv_channel_without_source_is_refused(write):
    with pytest.raises(InputError, match="row 2: a statement row with 'channel' needs a 'source'"):
        read_file(write("said.csv", 'text,channel\n"Strike over.",Telegram\n'))


def test_unknown_format_is_refused_before_reading(write):
    with pytest.raises(InputError, match="unknown format '.docx'"):
        read_file(write("a.docx", b"\x00PK"))


@pytest.mark.parametrize("opening", ["Date of publication 21 May 2025 The bridge reopened on Wednesday.",
                                     "21.05.2025(updated 1004 21.05.2025) Get short URL 12 The bridge reopened."])
def test_a_stamp_opening_a_stripped_page_gives_the_date(write, opening):
    (doc,) = read_file(write("bridge.txt", f"Bridge reopens\n{opening}\n"))
    assert doc.published == "2025-05-21" and doc.published_from == "dateline"


def test_csv_text_longer_than_the_csv_modules_default_field_limit(write):
    long_text = "The harbour board met on Tuesday. " * 5000  # 170 KB, over csv's default 128 KiB per field
    (doc,) = read_file(write("long.csv", f'text,title\n"{long_text}",Board\n'))
    assert doc.text == long_text and doc.title == "Board"


def test_jsonl_in_utf16_is_streamed_too(write):
    rows = json.dumps({"text": "Caf\u00e9 owners said prices rose on Monday."}) + "\n"
    (doc,) = read_file(write("u16.jsonl", rows.encode("utf-16")))
    assert doc.text.startswith("Caf\u00e9 owners")


def test_an_undecodable_byte_deep_in_a_jsonl_file_names_the_line(write):
    good = json.dumps({"text": "The ferries sail on Monday."}) + "\n"
    data = (good * 400).encode() + b'{"text": "caf\xe9"}\n'
    with pytest.raises(InputError, match=r"not UTF-8 text \(undecodable byte after line \d+\)"):
        read_file(write("feed.jsonl", data))
