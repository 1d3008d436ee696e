"""Attribution patterns, one short sentence each (written for these tests)."""
from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.extract.attribution import attribute
from factcheck.extract.subjects import LOOKBACK
from factcheck.model import Document


def found(unit: str, lexicon) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(unit[a.source_start:a.source_end], unit[a.content_start:a.content_end], a.channel)
            for a in attribute(unit, lexicon)]


@pytest.mark.parametrize("unit, expected", [
    ("Mayor Ana Ruiz said the ferries would sail again.",
     [("Mayor Ana Ruiz", "the ferries would sail again", None)]),
    ("The ferries would sail again, the port authority said.",
     [("the port authority", "The ferries would sail again", None)]),
    ("\u201cWe are back,\u201d said Ana Ruiz.", [("Ana Ruiz", "\u201cWe are back,\u201d", None)]),
    ("''We are back,'' said Ms. Ruiz.", [("Ms. Ruiz", "''We are back,''", None)]),
    ("The harbour master wrote on Telegram: \u201cAll boats are out.\u201d",
     [("The harbour master", "\u201cAll boats are out.\u201d", "Telegram")]),
    ("Ana Ruiz told Reuters that the repairs were finished.",
     [("Ana Ruiz", "the repairs were finished", "Reuters")]),
    ("According to the port authority, 40 boats left on Monday.",
     [("the port authority", "40 boats left on Monday", None)]),
    ("Forty boats left on Monday, according to the port authority.",
     [("the port authority", "Forty boats left on Monday", None)]),
    ("The governor posted a video of the new pier on X.",
     [("The governor", "a video of the new pier on X", None)]),
    ("Ana Ruiz said on her Telegram channel that the swap had been completed, but an official said the "
     "exchange was ongoing.",
     [("Ana Ruiz", "the swap had been completed", "Telegram"), ("an official", "the exchange was ongoing", None)]),
    ("Ana Ruiz, the harbour master, said the pier was safe.", [("Ana Ruiz", "the pier was safe", None)]),
    ("Sen. Ana Ruiz (D-Ore.) said Friday that the bill was dead.", [("Sen. Ana Ruiz", "the bill was dead", None)]),
    ("The pier was unsafe, Ruiz said, adding that repairs would take a month.",
     [("Ruiz", "The pier was unsafe", None), ("Ruiz", "repairs would take a month", None)]),
    ("A survey of boat owners found that most wanted longer hours.",
     [("A survey of boat owners", "most wanted longer hours", None)]),
    ("He met an engineer who said the hull was cracked.", [("who", "the hull was cracked", None)]),
    ("\u201cThe sea was calm. We sailed at dawn.\u201d \u2015 Ana Ruiz",
     [("Ana Ruiz", "\u201cThe sea was calm. We sailed at dawn.\u201d", None)]),
    ("RUIZ: We sail at dawn and return by noon.", [("RUIZ", "We sail at dawn and return by noon", None)]),
    # appositions: party tags, ages, relative clauses with abbreviations, a quotation before the name
    ("\u201cThe vote will pass,\u201d Senate leader Ana Ruiz, R-Ky., said Tuesday.",
     [("Ana Ruiz", "\u201cThe vote will pass,\u201d", None)]),
    ("''We will win,'' Mr. Bo Lee, 82, told me.", [("Mr. Bo Lee", "''We will win,''", None)]),
    ("Derek Lane, who served as U.S. envoy to Peru until May, said the talks went well.",
     [("Derek Lane", "the talks went well", None)]),
    ("A lawyer for the port, Ana Ruiz, said no decision had been made.",
     [("Ana Ruiz", "no decision had been made", None)]),
    ("In an interview with RT he said the port would reopen.", [("he", "the port would reopen", None)]),
    ("Ruiz, 59, of Ashton, Md., who watched the race, said the boats were fast.",
     [("Ruiz", "the boats were fast", None)]),
    ("\"The hull is sound,\" said Del. Ana Ruiz.", [("Del. Ana Ruiz", "\"The hull is sound,\"", None)]),
    ("\"It was wrong,\" said Rep. A.B. Ruiz (D-Ore.), head of the panel.", [("Rep. A.B. Ruiz", "\"It was wrong,\"", None)]),
    ("\"Boaters say, 'The pier is fine,'\" said Bo Lee.", [("Bo Lee", "\"Boaters say, 'The pier is fine,'\"", None)]),
    # quantified and pronoun-ending speakers; relative and 'as' clauses
    ("Those close to him say the mayor will run.", [("Those close to him", "the mayor will run", None)]),
    ("Nearly eight of 10 voters say they plan to vote.", [("Nearly eight of 10 voters", "they plan to vote", None)]),
    ("Most of the residents said the ferry was late.", [("Most of the residents", "the ferry was late", None)]),
    ("They turned to the port authority which reported \u201c40 arrivals\u201d in May.",
     [("which", "\u201c40 arrivals\u201d in May", None)]),
    ("The study, which notes that ferries are late, was published.", [("which", "ferries are late", None)]),
    ("The tariffs would hurt farmers, as Mr. Lee observed.", [("Mr. Lee", "The tariffs would hurt farmers", None)]),
    ("Yet, as Mr. Lee observed, in the early days the tariffs would hurt.",
     [("Mr. Lee", "in the early days the tariffs would hurt", None)]),
    ("In a radio interview Ruiz declared that the pier was safe.", [("Ruiz", "the pier was safe", None)]),
    ("On \"Harbor Talk,\" Mayor Ana Ruiz said the pier would reopen.",
     [("Mayor Ana Ruiz", "the pier would reopen", None)]),
    ("\"We are back,\" she yells from the deck.", [("she", "\"We are back,\"", None)]),
    ("Another critic, Bo Lee, called the plan reckless.", [("Bo Lee", "called the plan reckless", None)]),
    ("The mayor condemned what she called a reckless act.",
     [("The mayor", "condemned what she called a reckless act", None)]),
    # a speaker's phrase with a prepositional tail
    ("\"It was a fair deal,\" Mr. Bo Lee of the Harbor Trust said.", [("Mr. Bo Lee", "\"It was a fair deal,\"", None)]),
    ("Officials from both ports say the ferry will run.", [("Officials from both ports", "the ferry will run", None)]),
    ("Data from the port census show that traffic fell.", [("Data from the port census", "traffic fell", None)]),
    # headlines: a speaker's name before a colon, 'Said X:', a verb capitalised in title case
    ("Ana Ruiz: Ferries Will Sail Again", [("Ana Ruiz", "Ferries Will Sail Again", None)]),
    ("Said Ruiz: \"We sail at dawn.\"", [("Ruiz", "\"We sail at dawn.\"", None)]),
    ("Ruiz Vows To Reopen The Old Pier", [("Ruiz", "Vows To Reopen The Old Pier", None)]),
    # adverbs before the verb; participles after an adverb or after a verb of its own
    ("The harbour office wrongly stated that the pier was closed.",
     [("The harbour office", "the pier was closed", None)]),
    ("Ruiz complained about the tides, even suggesting the pier was badly built.",
     [("Ruiz", "the pier was badly built", None)]),
    ("Ana Ruiz spoke at the dock on Monday, arguing that the pier must reopen.",
     [("Ana Ruiz", "the pier must reopen", None)]),
    ("\"We sail at dawn,\" Ruiz said, suggesting a later start, and the crew agreed.",
     [("Ruiz", "\"We sail at dawn,\"", None), ("Ruiz", "a later start, and the crew agreed", None)]),
    # what 'found that' found begins after 'that'; a noun-like cue before a pronoun; 'said about 40'
    ("The survey found that in the two largest ports, which handle most cargo, traffic fell.",
     [("The survey", "in the two largest ports, which handle most cargo, traffic fell", None)]),
    ("Ruiz notes they were hired before she arrived.", [("Ruiz", "they were hired before she arrived", None)]),
    ("Ruiz has said about 40 boats were damaged.", [("Ruiz", "about 40 boats were damaged", None)]),
    # a subject sharing its word with 'is'; verbs that lend the speech verb their subject; a claim's owner
    ("She\u2019s claiming that the pier is safe.", [("She", "the pier is safe", None)]),
    ("Ruiz went on to say that the pier was unsafe.", [("Ruiz", "the pier was unsafe", None)]),
    ("The council seized on Ruiz\u2019s claim that the pier was unsafe.",
     [("Ruiz\u2019s", "the pier was unsafe", None)]),
    ("Ruiz believes her crew will finish the pier by May.", [("Ruiz", "her crew will finish the pier by May", None)]),
    ("The vote is close - Ruiz has vowed to rebuild the pier.", [("Ruiz", "vowed to rebuild the pier", None)]),
    ("\"The sea is rough,\" Captain Bo Lee told reporters after a meeting that ran late.",
     [("Captain Bo Lee", "\"The sea is rough,\"", None)]),
])
def test_pattern(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit", [
    "The ferries sailed again on Monday after a week of repairs.",
    "Ana Ruiz never said the ferries were safe.",
    "The report was said to be incomplete.",
    "Residents who had read the notice were calm.",
    "The pier, which opened in May, was busy.",
    "Calm Over Chaos: Ferries Sail Again",
    "The Latest: ferries sail again on Monday",
    "Editor's Note: the ferry times were wrong in an earlier version.",
    "Iowa: Ana Ruiz, Bo Lee, Kim Park, Dan Roe, Eva Sand",
    "Mr. Lee, who knew the tide, told his aides to wait.",
    "The plan, which she proposed in May, was dropped.",
    "Ruiz said no.",
    "The aid came from Canada and the United States, the two largest donors.",
    "His group, called the Harbor Fund, owns the pier.",
    "A coalition backed by the navy patrols the coast.",
    "She called into a radio show on Monday.",
    "Having said that, the pier is old.",
    "The plan, which she proposed in May, was dropped.",
    "The party, which supports the deal, met on Monday.",
    "The rise of the far right says little about voters.",
    "Preys on our worst fears and calls people losers.",
    "The notes they kept were lost in the flood.",
    "The claim that the pier was unsafe spread quickly.",
    "Ruiz told Lee to say nothing about the pier.",
    "Ruiz believes in the pier.",
    "Ruiz knew him from the harbour.",
    "After the storm, mass protests at the harbour broke out.",
    "In the end the court of appeals sent the case back.",
    "It was a signature issue for the harbour board.",
    "The mayor answered the questions, including Friday's tweets about the pier.",
])
def test_no_attribution(unit, lexicon):
    assert found(unit, lexicon) == []


def test_a_cue_inside_a_quotation_is_not_an_attribution(lexicon):
    unit = "\u201cMy father said the sea was cruel,\u201d Ana Ruiz said."
    assert found(unit, lexicon) == [("Ana Ruiz", "\u201cMy father said the sea was cruel,\u201d", None)]


def test_a_quotation_going_on_after_the_attribution_is_kept(lexicon):
    unit = "\u201cWe are back,\u201d Ana Ruiz said. \u201cThe boats are full.\u201d"
    assert found(unit, lexicon) == [("Ana Ruiz", unit, None)]


def statements(text: str, lexicon) -> list[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    doc = Document(text="Ferries return\n\n" + text)
    return [(s.source, s.source_kind, s.text) for s in extract(doc, lexicon) if s.source]


def test_a_multi_sentence_quote_is_one_statement(lexicon):
    got = statements("\u201cWe are back. The boats are full,\u201d said Ana Ruiz.", lexicon)
    assert got == [("Ana Ruiz", "person", "\u201cWe are back. The boats are full,\u201d")]


def test_a_paragraph_opening_with_a_quote_continues_the_speaker(lexicon):
    got = statements("\u201cWe are back,\u201d said Ana Ruiz.\n\n\u201cThe boats are full.\u201d", lexicon)
    assert [g[0] for g in got] == ["Ana Ruiz", "Ana Ruiz"]


def test_source_span_is_the_mention_in_the_file_text(lexicon):
    text = "Ferries return\n\nThe port reopened on Monday, Mayor Ana Ruiz said."
    s = [s for s in extract(Document(text=text), lexicon) if s.source][0]
    assert text[s.source_start:s.source_end] == "Mayor Ana Ruiz"
    assert s.source == "Ana Ruiz"


def test_the_trie_pattern_finds_what_a_plain_alternation_finds(lexicon):
    import re

    from factcheck.lexicon import phrase_regex
    text = ("Ruiz said, Berg has said and told reporters; the mayor tells crews. She told him. Pre-said, "
            "unsaid and SAID  that it CALLED FOR calm, called for-ever, told   reporters.")
    cues = sorted({c.lower() for c in list(lexicon.cues) + list(lexicon.stance)}, key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")(?![\w-])", re.I)
    trie = phrase_regex(cues)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(trie.finditer(text))) >= 8


@pytest.mark.parametrize("unit, expected", [
    # a stance verb: the statement starts at the verb, so its state stays in the text
    ("Both ports agreed to swap 40 boats each.", [("Both ports", "agreed to swap 40 boats each", None)]),
    ("The harbour board plans to reopen the pier in June.",
     [("The harbour board", "plans to reopen the pier in June", None)]),
    ("Ana Ruiz criticized the new fares.", [("Ana Ruiz", "criticized the new fares", None)]),
    ("Ruiz has repeatedly called for a second ferry.", [("Ruiz", "called for a second ferry", None)]),
    ("The union is demanding higher pay for crews.", [("The union", "demanding higher pay for crews", None)]),
    ("Tom Berg, the mayor, denied that the pier was closed.",
     [("Tom Berg", "denied that the pier was closed", None)]),
    ("Ruiz praised the crews and vowed to keep the ferries running.",
     [("Ruiz", "praised the crews", None), ("Ruiz", "vowed to keep the ferries running", None)]),
    # a speech verb still leaves its cue out; content before ', X said, and ...' is the statement
    ("The pier will stay shut for a week, she said, and repairs could take longer.",
     [("she", "The pier will stay shut for a week", None)]),
    ("\u201cThey told us \u2018wait for spring,\u2019\u201d Berg said.",
     [("Berg", "\u201cThey told us \u2018wait for spring", None)]),
    ("In the poll, 40 percent said the fares were fair.", [("40 percent", "the fares were fair", None)]),
    ("Another 12 percent said they had no view.", [("Another 12 percent", "they had no view", None)]),
    ("De Vries said that the pier would reopen.", [("De Vries", "the pier would reopen", None)]),
    ("The Harbour Gazette reported Friday that the pier had reopened.",
     [("The Harbour Gazette", "the pier had reopened", None)]),
    ("Even the mayor, a keen sailor, said the sea was too rough.", [("the mayor", "the sea was too rough", None)]),
    ("A survey of owners shows most want longer hours.", [("A survey of owners", "most want longer hours", None)]),
    ("Rebels seized the pier, officials said.", [("officials", "Rebels seized the pier", None)]),
    ("Ruiz backed the plan, urging crews to return by May.",
     [("Ruiz", "backed the plan", None), ("Ruiz", "urging crews to return by May", None)]),
    ("The port authority issued a warning about the storm.",
     [("The port authority", "issued a warning about the storm", None)]),
    # a stance inside someone's reported words is part of what they said
    ("Both ports agreed to swap 40 boats, officials said.",
     [("officials", "Both ports agreed to swap 40 boats", None)]),
])
def test_stance_and_speech_patterns(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit", [
    "The ferry was praised.",  # a passive without its agent
    "The quay was targeted by the gunmen.",  # the agent of a passive act, not of speech
    "The plan is to reopen the pier in June.",  # a noun before 'is'
    "Ruiz's plans to reopen the pier were delayed.",  # a possessive: a noun
    "A big question remains about the fares.",
    "The harbour reports were late.",
])
def test_stance_words_used_as_nouns_or_passives_are_not_cues(unit, lexicon):
    assert found(unit, lexicon) == []


def test_an_unresolved_pronoun_stays_as_written(lexicon):
    got = statements("Ana Ruiz met Tom Berg on the quay.\n\nShe said the boats were ready.", lexicon)
    assert got == [("She", "anonymous", "the boats were ready")]  # reported speech, no guess between the two


@pytest.mark.parametrize("unit, source, channel, content", [
    ("President Ana Ruiz posted on X that the ferry exchange was over.", "President Ana Ruiz", "X", "the ferry exchange was over"),
    ("Ruiz told state media that 40 were freed.", "Ruiz", "state media", "40 were freed"),
    ("Ruiz said on state television that 40 were freed.", "Ruiz", "state television", "40 were freed"),
])
def test_channels_named_exactly(lexicon, unit, source, channel, content):
    from factcheck.extract.attribution import attribute

    [a] = attribute(unit, lexicon)
    assert (unit[a.source_start:a.source_end], a.channel, unit[a.content_start:a.content_end]) == (source, channel, content)


def test_a_question_put_to_a_source_is_not_its_words(lexicon):
    unit = "Asked whether the mayor \u201chas the strength to run the port,\u201d most residents said no."
    assert all(not unit[a.content_start:a.content_end].startswith("Asked") for a in attribute(unit, lexicon))
    got = statements("Asked whether the mayor \u201chas the strength to run the port,\u201d harbour residents said.",
                     lexicon)
    assert got == []


@pytest.mark.parametrize("unit, expected", [
    ("The harbour board is saying that the pier will reopen in May.",
     [("The harbour board", "the pier will reopen in May")]),
    ("Ruiz was warning the crews that the storm would hit the coast.", [("Ruiz", "the storm would hit the coast")]),
])
def test_a_progressive_speech_verb_is_a_cue(unit, expected, lexicon):
    assert [(a.source, unit[a.content_start:a.content_end]) for a in attribute(unit, lexicon)] == expected


def test_a_bare_speech_participle_has_no_subject_of_its_own(lexicon):
    unit = "A sign saying the pier was closed hung on the gate."
    assert attribute(unit, lexicon) == []


@pytest.mark.parametrize("unit, expected", [
    # a speaker's noun with what follows it up to the cue
    ("Experts on ferry safety and harbour law said the pier was sound.",
     [("Experts on ferry safety and harbour law", "the pier was sound", None)]),
    ("Observers in the port and around the coast say the ferry is late.",
     [("Observers in the port and around the coast", "the ferry is late", None)]),
    ("Earlier, all the experts I spoke to said the pier was sound.",
     [("all the experts I spoke to", "the pier was sound", None)]),
    ("The town has many boat owners, many of whom say the fee is unfair.",
     [("many of whom", "the fee is unfair", None)]),
    # a speaker inside a relative clause: what was said is the rest of that clause
    ("The pier cost $5 million, which Ruiz said was too much for the town.",
     [("Ruiz", "was too much for the town", None)]),
    ("It amounts to what the mayor said was a waste of money.", [("the mayor", "was a waste of money", None)]),
])
def test_speaker_phrases_and_relative_clauses(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


def test_a_stance_stops_where_a_relative_speaker_begins(lexicon):
    got = found("Ruiz attacked the donors for their gifts, which she said were tied to favors.", lexicon)
    assert got == [("Ruiz", "attacked the donors for their gifts", None), ("she", "were tied to favors", None)]


def test_a_quote_with_its_own_unresolved_pronoun_is_not_the_last_speakers(lexicon):
    text = "\u201cWe are back,\u201d said Ms. Ruiz.\n\n\u201cThe boats are full,\u201d he said."
    got = statements(text, lexicon)
    assert [g[0] for g in got] == ["Ruiz", "he"]  # 'he' is not Ms. Ruiz, and no one else is named


class CountingText(str):
    """A text that counts the characters sliced out of it: how much of the sentence the look-back reads."""

    sliced = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        part = str.__getitem__(self, key)
        if isinstance(key, slice):
            self.sliced += len(part)
        return part


def test_a_long_run_of_cues_reads_a_bounded_stretch_before_each(lexicon):
    cues = 40_000  # a 200 KB sentence: read whole before every cue, it would take some 4 * 10^9 characters
    unit = CountingText("Ana Ruiz said" + " said" * cues + " .")
    found_here = attribute(unit, lexicon)
    assert [(unit[a.source_start:a.source_end], a.cue) for a in found_here] == [("Ana Ruiz", "said")]
    assert unit.sliced <= (cues + 1) * 4 * LOOKBACK


def test_a_long_run_of_participles_keeps_one_speaker(lexicon):
    unit = "Ana Ruiz said the pier was shut" + ", adding the ferries were late" * 2_000 + "."
    sources = {unit[a.source_start:a.source_end] for a in attribute(unit, lexicon)}
    assert sources == {"Ana Ruiz"}


@pytest.mark.parametrize("unit, expected", [
    # a phrase of time between the subject and its verb
    ("The harbour board this month rejected a bid from the ferry union.",
     [("The harbour board", "rejected a bid from the ferry union", None)]),
    ("The dock workers on Tuesday said the cranes were unsafe.",
     [("The dock workers", "the cranes were unsafe", None)]),
    # a source noun with a participle and its agent, or with 'by'
    ("A survey released by the harbour trust last week shows that most ferries run late.",
     [("A survey released by the harbour trust", "most ferries run late", None)]),
    ("A 2021 study by two port economists found 14 cases of overbilling.",
     [("A 2021 study by two port economists", "14 cases of overbilling", None)]),
    # 'that' before a name opens a clause; so does 'unless'
    ("One reason that Ruiz refuses to publish the logs is cost.",
     [("Ruiz", "refuses to publish the logs is cost", None)]),
    ("The pier stays shut unless it wants to pay the fines.",
     [("it", "wants to pay the fines", None)]),
    # verbs of knowing and feeling before a whole clause (a subject and its finite verb)
    ("Ruiz knew the cranes were unsafe.", [("Ruiz", "the cranes were unsafe", None)]),
    ("The crews felt the fares had risen too fast.", [("The crews", "the fares had risen too fast", None)]),
    # the agent of a passive cue speaks; the statement is the clause, from its subject
    ("The new timetable was first reported by the Harbour Gazette.",
     [("the Harbour Gazette", "The new timetable was first reported by the Harbour Gazette", None)]),
    ("The new fares were announced by the port, and the mayor said they would hold.",
     [("the port", "The new fares were announced by the port", None), ("the mayor", "they would hold", None)]),
    # 'according to' a phrase with a hyphenated adjective; a noun-like cue closing the sentence
    ("Fares would rise by 19 percent, according to the labor-leaning Harbor Institute.",
     [("the labor-leaning Harbor Institute", "Fares would rise by 19 percent", None)]),
    ("Pilots earned $500 in bonuses every month, the Harbour Gazette reports.",
     [("the Harbour Gazette", "Pilots earned $500 in bonuses every month", None)]),
    # an opening speech participle speaks for the subject after its clause
    ("Saying the cranes were unsafe, the port officials closed the quay.",
     [("the port officials", "the cranes were unsafe", None)]),
    # a pronoun's 's before a participle is 'has' ("Ruiz's plans" stays a possessive)
    ("Since May, she\u2019s sought to lower the fares.", [("she", "sought to lower the fares", None)]),
])
def test_subjects_past_time_phrases_participles_and_passives(unit, expected, lexicon):
    assert found(unit, lexicon) == expected


@pytest.mark.parametrize("unit", [
    "The sailor who knew the tide, told the crew to wait.",  # knowing an object, then a comma
    "They felt the deck shake.",  # no finite verb follows: an object and its infinitive
    "Well, you know, the ferry has been late.",  # a filler
    "The port seized on Ruiz's claim.",  # a verb after the noun, not a participle with its agent
    "The port union vote is on Friday.",  # a plain form after a singular noun is a noun
    "Fares declined slightly from $4 to $3.",  # a figure going down, not a refusal ('declined to')
    "The port raised $2 million for the pier.",  # money, not concerns or questions
    "His deputy agreed, but the board did not.",  # a stance with no object of its own
    "Asking around the quay, we found no one.",  # an opening participle with no content of its own
])
def test_knowing_participles_and_plain_forms_that_are_no_cues(unit, lexicon):
    assert found(unit, lexicon) == []


def test_a_speaker_line_introduces_the_paragraph_after_it(lexicon):
    text = ("Mayor Ana Ruiz spoke at the pier on Monday.\n\nRuiz added:\n\n"
            "The ferries are back. The boats are full and the fares stay at four dollars.\n\n"
            "The council meets on Friday.")
    got = statements(text, lexicon)
    assert got == [("Ana Ruiz", "person",
                    "The ferries are back. The boats are full and the fares stay at four dollars.")]


def test_a_quoted_paragraph_after_a_speaker_line_is_the_speakers(lexicon):
    text = "Mayor Ana Ruiz spoke at the pier.\n\nRuiz continued:\n\n\"The boats, \u201cthe old ones,\u201d are full.\""
    assert [g[0] for g in statements(text, lexicon)] == ["Ana Ruiz"]


def test_a_role_on_a_speaker_line_speaks_for_the_next_paragraph(lexicon):
    text = "Governor Ana Ruiz spoke at the pier.\n\nThe governor added:\n\nThe boats are full and the fares stay low."
    got = statements(text, lexicon)
    assert [(g[0], g[2]) for g in got] == [("Ana Ruiz", "The boats are full and the fares stay low.")]
