"""Speech participles that name their speaker in other ways than after a comma (sentences written for these tests)."""
from __future__ import annotations

import pytest

from factcheck.extract.attribution import attribute


def found(unit: str, lexicon) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(unit[a.source_start:a.source_end], a.cue or "", unit[a.content_start:a.content_end])
            for a in attribute(unit, lexicon)]


@pytest.mark.parametrize("unit, expected", [
    # after a preposition: the speech is the clause subject's
    ("The harbour master opened the meeting by saying the pier would close in May.",
     [("The harbour master", "saying", "the pier would close in May")]),
    ("Ana Ruiz won over the ferry crews by telling them that fares would not rise.",
     [("Ana Ruiz", "telling them", "fares would not rise")]),
    # the comma before the participle sits inside the closing quotation mark
    ("Ruiz said: \u201cThe boats are full and the crews are tired,\u201d adding that a new ferry was due.",
     [("Ruiz", "said", "\u201cThe boats are full and the crews are tired,\u201d"),
      ("Ruiz", "adding", "a new ferry was due")]),
    ("Ruiz praised the pilot as a \u201csteady hand,\u201d comparing him to the old harbour master.",
     [("Ruiz", "praised", "praised the pilot as a \u201csteady hand,\u201d"),
      ("Ruiz", "comparing", "comparing him to the old harbour master")]),
    # right after a name or a source noun
    ("The new advert shows Ana Ruiz asking, \u201cWho will pay for the pier?\u201d",
     [("The new advert", "shows", "Ana Ruiz asking, \u201cWho will pay for the pier?\u201d"),
      ("Ana Ruiz", "asking", "\u201cWho will pay for the pier?\u201d")]),
    ("The crews sent the council a letter saying that the night ferry was unsafe.",
     [("a letter", "saying", "the night ferry was unsafe")]),
])
def test_participles_speak_for_their_subject(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit", [
    "Keeps saying the ferry is late, when the timetable shows it is not.",  # a unit that opens with the verb
    "The crews posted notices early Monday saying the ferry was late.",  # a day is no speaker
])
def test_participles_after_no_speaker(unit, lexicon):
    assert [a for a in found(unit, lexicon) if a[1] == "saying"] == []


def test_two_cues_around_one_content_give_one_statement(lexicon):
    unit = "Ruiz said she thought the pier was worth saving because \u201cno one else walks there,\u201d she said."
    assert found(unit, lexicon) == [("Ruiz", "said", "she thought the pier was worth saving because "
                                                        "\u201cno one else walks there")]


@pytest.mark.parametrize("unit, expected", [
    # the sentence's own verb is no regular form: its speaker is the phrase it opens with
    ("Local residents have taken to the quay and called for a new timetable.",
     [("Local residents", "called for", "called for a new timetable")]),
    ("The council on Monday made a plea for calm and pledged to repair the pier.",
     [("The council", "pledged", "pledged to repair the pier")]),
    ("Ruiz and Lee call them \u201ckeepers of the pier\u201d and describe their work as vital.",
     [("Ruiz and Lee", "describe", "describe their work as vital")]),
    ("Ana Ruiz took the stage, saying the ferries would run all winter.",
     [("Ana Ruiz", "saying", "the ferries would run all winter")]),
    ("The harbour master later referred to the pier as a relic.",
     [("The harbour master", "referred to", "referred to the pier as a relic")]),
])
def test_coordinated_cues_find_the_opening_speaker(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


def test_a_lone_capitalised_opening_word_is_no_speaker(lexicon):
    assert found("Perhaps the ferry will run late, saying nothing of the fares.", lexicon) == []


@pytest.mark.parametrize("unit, expected", [
    ("A Gazette analysis of funds that have raised $1 million or more shows island groups ahead.",
     [("A Gazette analysis", "shows", "island groups ahead")]),
    ("Ferry use fell by a third over the winter, a port analysis of ticket sales over three years shows.",
     [("a port analysis", "shows", "Ferry use fell by a third over the winter")]),
    ("In 2019, research conducted by the Harbour Institute found the ferry ran late most days.",
     [("research conducted by the Harbour Institute", "found", "the ferry ran late most days")]),
])
def test_a_document_with_a_long_tail_speaks_for_its_clause(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit, cue", [
    ("The report recalled the damage it said the storm would do to the pier.", "said"),  # 'it' is the subject
    ("The new advert uses clips of ferry crews asking for higher pay.", "asking"),  # no subject of its own
])
def test_a_document_does_not_speak_for_another_subject(unit, cue, lexicon):
    assert [a for a in found(unit, lexicon) if a[1] == cue and a[0].startswith("The ")] == []


@pytest.mark.parametrize("unit, expected", [
    ("The harbour master downplayed the risk of a second storm.",
     [("The harbour master", "downplayed", "downplayed the risk of a second storm")]),
    ("Ruiz lauded the ferry crews for their work in the storm.",
     [("Ruiz", "lauded", "lauded the ferry crews for their work in the storm")]),
    ("Dock workers marched to the town hall, chanting \u201cFair pay now.\u201d",
     [("Dock workers", "chanting", "chanting \u201cFair pay now.\u201d")]),
])
def test_attitude_and_crowd_verbs(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit, expected", [
    ("Island residents worry the new timetable will cut the night ferry.",
     [("Island residents", "worry", "worry the new timetable will cut the night ferry")]),
    ("The harbour master commented that the pier had never looked better.",
     [("The harbour master", "commented", "the pier had never looked better")]),
])
def test_worry_and_comment_are_cues(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit, expected", [
    ("Ruiz demands openness from the board, yet refuses to publish her own diary or explain who pays for it.",
     [("Ruiz", "demands", "demands openness from the board"),
      ("Ruiz", "refuses", "refuses to publish her own diary"),
      ("Ruiz", "explain", "who pays for it")]),
])
def test_cues_after_yet_or(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit, expected", [
    ("Stung by the reviews, as well as the cost, Ruiz redrew her plan, promising to cut fares.",
     [("Ruiz", "promising", "promising to cut fares")]),
    ("By noon the quay was flooded, and she grew angry, saying the warnings had come too late.",
     [("she", "saying", "the warnings had come too late")]),
])
def test_a_participle_speaks_for_the_subject_of_the_clause_before_it(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit, expected", [
    ("\u201cThe ferry is late again,\u201d said 9/11 widow Ana Ruiz.",
     [("Ana Ruiz", "said", "\u201cThe ferry is late again,\u201d")]),
    ("The pilot's odd advice drew the notice of the council, where he appeared last year for saying that the pier "
     "was safe.", [("he", "saying", "the pier was safe")]),
])
def test_a_modified_name_and_a_participle_inside_its_clause(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


def test_a_place_after_the_cue_is_no_speaker(lexicon):
    assert found("\u201cThe ferry is late again,\u201d he said in Kyiv.", lexicon)[0][0] == "he"


def test_a_stance_participle_after_a_name(lexicon):
    assert found("The board split over the pier, with Ruiz backing the repairs.", lexicon) == [
        ("Ruiz", "backing", "backing the repairs")]


def test_a_stance_participle_after_an_addressee_is_not_the_addressees(lexicon):
    assert found("The crews wrote on Monday to Ana Ruiz opposing the new fares.", lexicon) == []


def test_an_opening_stance_participle_speaks_for_the_subject(lexicon):
    assert found("Bemoaning the \u201cslow repairs,\u201d Ruiz blamed the harbour board.", lexicon) == [
        ("Ruiz", "Bemoaning", "Bemoaning the \u201cslow repairs"), ("Ruiz", "blamed", "blamed the harbour board")]


def test_a_headline_opening_with_a_participle_names_no_speaker_by_it(lexicon):
    assert [a for a in found("Railing Against The Board, Ruiz Vows To Rebuild The Pier", lexicon)
            if a[1] == "Railing"] == []


def test_a_with_clause_is_a_statement_of_its_own(lexicon):
    assert found("Polls show Ruiz with a narrow lead, with HarbourPoll showing her ahead by 3 points.", lexicon) == [
        ("Polls", "show", "Ruiz with a narrow lead"), ("HarbourPoll", "showing", "showing her ahead by 3 points")]
