"""Layout: a story's lines become blocks with roles; datelines are cut off the body."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.layout import blocks, dateline_length

STORY = """Swap ends after three days

* Kyiv freed 84 soldiers
* Moscow freed 84 soldiers

Short Url

KYIV, May 25 - The sides finished the swap on Sunday, officials said.

WHAT COMES NEXT

Talks are due in June. No day is set.

Updated 25 May 2025
Follow
"""


def roles(text: str) -> list[tuple[str, str]]:
    return [(b.role, text[b.start:b.end]) for b in blocks(text)]


def test_story_roles() -> None:
    assert roles(STORY) == [
        ("headline", "Swap ends after three days"),
        ("bullet", "Kyiv freed 84 soldiers"),
        ("bullet", "Moscow freed 84 soldiers"),
        ("boilerplate", "Short Url"),
        ("body", "The sides finished the swap on Sunday, officials said."),
        ("subhead", "WHAT COMES NEXT"),
        ("body", "Talks are due in June. No day is set."),
        ("boilerplate", "Updated 25 May 2025"),
        ("boilerplate", "Follow"),
    ]


def test_repeated_headline_is_a_headline() -> None:
    text = "Swap ends\n\nThe sides finished the swap on Sunday.\n\nSwap ends\n"
    assert [r for r, _ in roles(text)] == ["headline", "body", "headline"]


def test_caption_before_the_body() -> None:
    text = "Swap ends\n\nAbove: a bus carrying freed soldiers.\n\nThe sides finished the swap.\n"
    assert [r for r, _ in roles(text)] == ["headline", "caption", "body"]


def test_wrapped_lines_join_into_one_paragraph() -> None:
    text = ("Swap ends\n\nThe two sides said on Sunday that they had finished the swap of prisoners\n"
            "agreed in Istanbul, and that talks would follow.\n")
    assert roles(text)[1] == ("body", text.split("\n\n")[1].strip())


def test_short_line_continued_in_lower_case_joins() -> None:
    text = "Swap ends\n\nOfficials gave no more detail\non the timing of the next round.\n"
    assert roles(text)[1] == ("body", "Officials gave no more detail\non the timing of the next round.")


def test_lines_that_end_sentences_stay_apart() -> None:
    text = "Swap ends\n\nThe first line of the story ends here with a full stop at the end.\nA second paragraph starts.\n"
    assert [r for r, _ in roles(text)] == ["headline", "body", "body"]


def test_blank_lines_of_spaces_separate_paragraphs() -> None:
    text = "Swap ends\n \t \nThe sides finished the swap on Sunday, officials said at the border crossing\n   \nand more.\n"
    assert len(blocks(text)) == 3


def test_numbered_bullets() -> None:
    text = "Swap ends\n\n1. Kyiv freed 84 soldiers\n2) Moscow freed 84 soldiers\n"
    assert [r for r, _ in roles(text)][1:] == ["bullet", "bullet"]


@pytest.mark.parametrize(("paragraph", "body"), [
    ("WASHINGTON: The swap ended.", "The swap ended."),
    ("KYIV, May 25 - The swap ended.", "The swap ended."),
    ("LONDON (Reuters) - The swap ended.", "The swap ended."),
    ("KYIV \u2014 The swap ended.", "The swap ended."),
])
def test_dateline(paragraph: str, body: str) -> None:
    assert paragraph[dateline_length(paragraph):] == body


@pytest.mark.parametrize("paragraph", ["Kyiv: the swap ended.", "The swap ended - officials said.", "UK: talks"])
def test_no_dateline(paragraph: str) -> None:
    assert dateline_length(paragraph) == 0


@pytest.mark.parametrize("text", ["", "\n\n", " " * 5000, " \t" * 5000 + "\n"])
def test_empty_and_blank(text: str) -> None:
    assert blocks(text) == []


def test_offsets_are_into_the_text() -> None:
    text = "\n\nSwap ends\r\n\r\nThe sides finished the swap.\r\n"
    for b in blocks(text):
        assert text[b.start:b.end].strip() == text[b.start:b.end]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["KYIV, May 6 -", "WAR ENDS", "* item", "Follow", "Updated 6 May 2025", "\n", "\n\n",
                                 " ", "text.", "more text", "\u201cquote\u201d", "(Photo/AP)", "\r\n", "\t"]),
                max_size=40).map("".join))
def test_blocks_never_raise(text: str) -> None:
    last = 0
    for b in blocks(text):
        assert last <= b.start <= b.end <= len(text)
        last = b.end


@pytest.mark.parametrize("paragraph", [
    "By Ana Ruiz, Staff Writer",
    "By ANA RUIZ and Tom Berg",
    "Ana Ruiz, Correspondent",
    "Need help? Call the line on 555-0100 at any hour.",
    "If you or someone you know needs support, call 555-0100.",
    "Editor\u2019s note: An earlier version of this story gave the wrong day for the vote.",
    "Editor's Note: This story was updated.",
    "Sign up for our daily newsletter",
    "Subscribe to our newsletter here.",
    "Leave a comment",
    "Get short URL",
    "Follow Ana Ruiz on Twitter @anaruiz.",
    "Getty.",
    "Ana Ruiz/Reuters",
    "Photo: Tom Berg",
    "Tom Berg contributed to this report.",
    "Date of publication 6 May 2025",
    "Updated 2 sec ago",
])
def test_page_furniture_is_boilerplate(paragraph: str) -> None:
    assert [r for r, _ in roles(f"Swap ends\n\n{paragraph}\n\nThe sides finished the swap.\n")] == [
        "headline", "boilerplate", "body"]


@pytest.mark.parametrize("paragraph", [
    "By Tuesday, the council had voted on the plan.",
    "Published reports say the swap ended.",
    "Followers of the mayor met on Sunday.",
    "The hotline took 300 calls on Monday.",
    "Shares in the port fell 4 percent.",
])
def test_story_paragraphs_that_look_like_furniture(paragraph: str) -> None:
    assert roles(f"Swap ends\n\n{paragraph}\n")[1] == ("body", paragraph)


@pytest.mark.parametrize(("paragraph", "furniture", "body"), [
    ("06.05.2025(updated 1412 06.05.2025) Get short URL 214 The sides finished the swap.",
     "06.05.2025(updated 1412 06.05.2025) Get short URL 214", "The sides finished the swap."),
    ("06.05.2025Get short URL 0 31 Kyiv freed 84 soldiers.", "06.05.2025Get short URL 0 31", "Kyiv freed 84 soldiers."),
    ("Date of publication 6 May 2025 Kyiv freed 84 soldiers.", "Date of publication 6 May 2025", "Kyiv freed 84 soldiers."),
    ("Get short URL 12 35 soldiers came home.", "Get short URL 12", "35 soldiers came home."),
    ("By Ana Ruiz, Staff Writer The sides finished the swap.", "By Ana Ruiz, Staff Writer", "The sides finished the swap."),
])
def test_furniture_before_the_story_in_one_paragraph(paragraph: str, furniture: str, body: str) -> None:
    # pages stripped of their newlines put the stamp and the share counter before the first sentence
    assert roles(f"Swap ends\n{paragraph}\n")[1:] == [("boilerplate", furniture), ("body", body)]


def test_a_paragraph_of_furniture_only() -> None:
    text = "Swap ends\n\n06.05.2025 (updated 14:12 06.05.2025)\n\nThe sides finished the swap.\n"
    assert [r for r, _ in roles(text)] == ["headline", "boilerplate", "body"]


def test_a_long_note_on_a_stripped_page_loses_one_sentence() -> None:
    paragraph = "Editor's note: This story was updated. " + "The sides finished the swap on Sunday. " * 40
    got = roles(f"Swap ends\n\n{paragraph.strip()}\n")
    assert got[1] == ("boilerplate", "Editor's note: This story was updated.")
    assert got[2][0] == "body" and got[2][1].startswith("The sides finished")


@pytest.mark.parametrize(("paragraph", "body", "furniture"), [
    ("The sides finished the swap. ... 02 Related Kyiv Frees 84 Soldiers Talks Due in June Tags swap Kyiv",
     "The sides finished the swap.", "... 02 Related Kyiv Frees 84 Soldiers Talks Due in June Tags swap Kyiv"),
    ("The sides finished the swap. Tags Kyiv Moscow", "The sides finished the swap.", "Tags Kyiv Moscow"),
])
def test_a_link_list_closing_a_stripped_page(paragraph: str, body: str, furniture: str) -> None:
    assert roles(f"Swap ends\n\n{paragraph}\n")[1:] == [("body", body), ("boilerplate", furniture)]


def test_a_related_sentence_is_the_story() -> None:
    paragraph = "The talks ended. Related talks begin on Friday in Kyiv. Officials said so."
    assert roles(f"Swap ends\n\n{paragraph}\n")[1:] == [("body", paragraph)]


def test_a_topic_link_and_its_counts_before_the_story() -> None:
    text = "Swap ends\nGet short URL Topic Prisoner Swaps (120) 0 38 The sides finished the swap.\n"
    assert roles(text)[1:] == [("boilerplate", "Get short URL Topic Prisoner Swaps (120) 0 38"),
                               ("body", "The sides finished the swap.")]


def test_a_quotation_opening_like_a_prompt_is_the_story() -> None:
    paragraph = "\u201cVideo: that is all they told us about the swap,\u201d she said."
    assert roles(f"Swap ends\n\n{paragraph}\n")[1:] == [("body", paragraph)]


def test_a_sentence_opening_with_a_figure_is_its_own_sentence():
    from factcheck.extract.sentences import units
    text = "A blast hit the depot on Monday, the mayor said. 40 others were injured."
    assert [text[s:e] for s, e in units(text, 0, len(text))] == [
        "A blast hit the depot on Monday, the mayor said.", "40 others were injured."]


def test_a_page_that_lost_the_space_after_a_full_stop_still_has_two_sentences():
    from factcheck.extract.sentences import units
    text = "The ferry sank on Saturday.Rescuers said nine were missing."
    assert [text[s:e] for s, e in units(text, 0, len(text))] == ["The ferry sank on Saturday.", "Rescuers said nine were missing."]


def test_a_headline_repeated_at_the_start_of_the_body_is_the_headline():
    from factcheck.extract import extract
    from factcheck.lexicon import default_rules_dir, load_lexicon
    from factcheck.model import Document
    text = ("Two killed in shelling of the harbour district\n\n"
            "12 May 2016 Two killed in shelling of the harbour district Three people were killed on Monday.")
    found = extract(Document(text=text, published="2016-05-12"), load_lexicon(default_rules_dir()))
    assert [(s.role, s.text) for s in found][-2:] == [
        ("headline", "12 May 2016 Two killed in shelling of the harbour district"),
        ("body", "Three people were killed on Monday.")]
