"""The shortcuts extraction takes find what the patterns they stand for find (random texts, written for these tests)."""
import importlib
import random

from factcheck.extract import attribution, phrases, quantities
from factcheck.lexicon import (CASE_ODD, WORD_RUN, Gate, matches_at, number_matches, phrase_matches, phrase_regex,
                               word_offsets, words_of)
from factcheck.ruleset import load_rules

wording = importlib.import_module("factcheck.extract.wording")  # the module, not the function the package exports
PIECES = ["said", "Said", "SAID", "says", "told", "told reporters", "according to", "the", "mayor", "Ruiz", " ", "  ",
          ",", "\u201d", "''", "-", "'", "\u2019", "unsaid", "re", "5", "2,000", "$", "\u20ac", "two", "Twenty", "of",
          "nearly", "(", "and", "but", "\n", "\u0130", "\u017f", "caf\u00e9", "x"]


def _texts(seed: int, n: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def test_words_of_reads_ascii_and_other_texts_alike() -> None:
    # a capital sigma is lowered as a final one or not by the characters after it, word characters or not
    for text in _texts(1) + ["\u039f\u0394\u039f\u03a3'A", "\u03a3\u03a3 \u03c3\u03a3.", "caf\u00e9 \u039f\u03a3-\u03a3x"]:
        if not CASE_ODD.isdisjoint(text):
            assert words_of(text) is None
        else:
            assert words_of(text) == frozenset("\0".join(WORD_RUN.findall(text)).lower().split("\0")), text


def test_a_gate_says_no_only_where_its_pattern_finds_nothing() -> None:
    phrases_ = ["said", "told reporters", "according to", "two", "n't", "caf\u00e9"]
    gate, rx = Gate.of(phrases_), phrase_regex(phrases_)
    for text in _texts(2):
        if rx.search(text):
            assert gate.may_match(words_of(text)), text


def test_a_pattern_tried_where_its_opening_words_stand_finds_what_finditer_finds() -> None:
    rx = phrase_regex(["said", "says", "told", "told reporters", "according to"])
    openers = {"said", "says", "told", "according"}
    for text in _texts(3):
        words, lower = words_of(text), text.lower()
        if words is None or len(lower) != len(text):
            continue
        found = matches_at(rx, text, word_offsets(lower, openers & words))
        assert [m.span() for m in found] == [m.span() for m in rx.finditer(text)], text


def test_the_cue_and_action_matches_are_their_patterns_matches() -> None:
    lex = load_rules().lexicon
    cue_rx, action_rx = attribution._patterns(lex)[0], quantities._rx(lex)[2]
    for text in _texts(4) + [t.replace("said", "killed").replace("told", "Released") for t in _texts(9)]:
        for rx, openers in ((cue_rx, attribution._cue_openers(lex)), (action_rx, quantities._action_openers(lex))):
            found = phrase_matches(rx, text, words_of(text), openers)
            assert [m.span() for m in found] == [m.span() for m in rx.finditer(text)], text


def test_the_clause_joint_read_from_the_tail_is_the_one_the_whole_text_gives() -> None:
    for text in _texts(5, 2000):
        unit = text * 6  # long enough for the tail to count
        for at in range(0, len(unit) + 1, 7):
            m = attribution.CLAUSE_JOIN.search(unit[attribution.reach(unit, at):at])
            assert attribution._clause_start(unit, at) == attribution.reach(unit, at) + (m.start() if m else at - attribution.reach(unit, at))


def test_figures_read_from_the_first_digit_are_all_of_them() -> None:
    for text in _texts(6):
        words = words_of(text)
        expected = [m.span() for m in quantities.NUMBER.finditer(text)] if quantities.DIGIT.search(text) or \
            quantities.NUMBER_GATE.may_match(words) else []
        assert [m.span() for m in quantities._figures(text, words)] == expected, text
        numbers = wording.wording(text, False, words).mentions
        assert numbers == wording.wording(text, False, None).mentions, text


def test_masked_words_are_the_words_with_the_numbers_taken_out() -> None:
    for text in _texts(7):
        lower = text.lower()
        numbers = list(wording.NUMBER.finditer(text))
        pieces, at = [], 0
        for m in numbers:
            pieces += [lower[at:m.start()], " "]
            at = m.end()
        pieces.append(lower[at:])
        expected = tuple(wording.MASKED_WORD.findall("".join(pieces))) if len(lower) == len(text) else \
            tuple(wording.MASKED_WORD.findall(wording.NUMBER.sub(" ", lower)))
        assert wording.wording(text, False, None).masked == expected, text


def test_a_quantifier_counts_only_where_the_words_before_end_as_its_groups_do() -> None:
    words = ["nearly", "Only", "more than", "at least", "eight", "of", "10", "half", "(", "about", "x", ",", "the"]
    rnd = random.Random(8)
    for _ in range(5000):
        before = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 6))) + rnd.choice(["", " ", "  "])
        q = phrases.QUANTIFIED.search(before + "4 voters", 0, len(before))
        if q and (q.group(2) or q.group(1)):
            last = before.split()[-1:] if before[-1:].isspace() else ()
            assert last and last[0].lower().endswith(phrases.QUANTIFIER_ENDS), before


def test_stances_after_a_name_and_passive_cues_are_found_as_their_patterns_find_them() -> None:
    lex = load_rules().lexicon
    rnd = random.Random(10)
    pieces = ["Ruiz", " ", "  ", "\n", "backing", "Backing", "opposing", "the", "plan", ".", ")", "was", "is", "been",
              "endorsed", "told", "said", "by", "the union", "x", ",", "\u017f", "had", " was told by ", " had been asked by "]
    passive = attribution._passive_rx(lex)
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        words = words_of(text)
        found = attribution._named_stances(text, words, lex)
        assert [m.span() for m in found] == [m.span() for m in attribution._named_stance(lex).finditer(text)], text
        if passive.search(text):
            assert attribution._passive_gate(lex).may_match(words), text


def test_a_union_of_gates_may_match_where_one_of_them_may() -> None:
    lists = [["completed", "under way"], ["war", "peace talks"], ["years of war", "n't"], []]
    gates = [Gate.of(words) for words in lists]
    union = Gate.union(gates)
    rnd = random.Random(11)
    vocabulary = ["completed", "under", "way", "war", "peace", "talks", "years", "of", "t", "x", "didn"]
    for _ in range(3000):
        words = frozenset(rnd.sample(vocabulary, rnd.randint(0, 5)))
        assert union.may_match(words) == any(g.may_match(words) for g in gates), words
    assert union.may_match(None) and Gate.union([*gates, Gate.of(["caf\u00e9"])]).may_match(frozenset())


def test_clear_boundaries_are_the_pattern_s_matches() -> None:
    from factcheck.extract.sentences import CLEAR_BOUNDARY, _clear_boundaries
    rnd = random.Random(7)
    pieces = ["pier", "Harbour", "x", " ", "\t", ".", "!", "?", "'", "\u2019", "-", "\"", "\u201d", "\u201c", "Ferries",
              "Sal", "12", "3,4", " a", "Mr.", "e.g.", "\n", "A", "Quayside"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 15)))
        for start, end in ((0, len(text)), (min(3, len(text)), max(0, len(text) - 2))):
            assert _clear_boundaries(text, start, end) == [m.end() for m in CLEAR_BOUNDARY.finditer(text, start, end)], text


def test_numbers_tried_at_digits_and_number_words_are_the_pattern_s_matches() -> None:
    rnd = random.Random(12)
    pieces = ["one", "One", "someone", "often", "twenty", "-", "five", "hundred", " and ", "seventeen", "seven", "teen",
              "a third", " of", "half", "3", "1,200", ".5", "$", "\u20ac", " ", "\n", "x", "_", "\u017fix", "caf\u00e9",
              "\u0130", "million"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        words = words_of(text)
        assert [m.span() for m in quantities._figures(text, words)] == [m.span() for m in quantities.NUMBER.finditer(text)
                                                                       ], text
        found = number_matches(wording.NUMBER, text, words, wording.NUMBER_WORD_SET)
        assert [m.span() for m in found] == [m.span() for m in wording.NUMBER.finditer(text)], text


def test_a_statement_takes_its_unit_s_words_only_where_they_hold_all_of_its_own() -> None:
    from factcheck.extract import _words_within
    rnd = random.Random(15)
    for text in _texts(16):
        us, ue = sorted(rnd.randint(0, len(text)) for _ in range(2))
        s, e = sorted(rnd.randint(us, ue) for _ in range(2))
        unit_words = words_of(text[us:ue])
        found = _words_within(text, s, e, (us, ue, unit_words, None))
        own = words_of(text[s:e])
        assert found == own or found is unit_words and (unit_words is None or own is not None and own <= unit_words |
                                                        {""}), (text, s, e)


def test_figures_read_with_the_statement_s_words_are_those_read_without() -> None:
    lex = load_rules().lexicon
    rnd = random.Random(18)
    pieces = ["12", "2,000", "killed", "since", "Since", " ", ", ", "Thursday", "in the past", " week", "resolutions ",
              "and", " or ", "2118", "rose to", "another", "people", "percent", "\n", "x", "\u017f"]
    for _ in range(6000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        assert quantities.find_quantities(text, lex, [], None, words_of(text)) == \
            quantities.find_quantities(text, lex, [], None, None), text
    for _ in range(6000):
        window = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if quantities.LISTED_AFTER.sub("", window) != window:
            assert window.rstrip().endswith((",", "and", "or")), window


def test_the_words_read_with_the_word_runs_are_words_of() -> None:
    rnd = random.Random(19)
    pieces = ["Don", "'", "t", "\u2019s", "s2", "2", "_", "x", " ", "-", "\u201c", "caf\u00e9", "\u00e9", "\u0130",
              "\u017f", "\u03a3", "\u2160", "\u24b6", "A", "\n", "%", "Ruiz"]
    read_with_runs = 0
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        words, parts = wording.read_words(text)
        assert words == words_of(text), text
        if parts is not None:
            read_with_runs += 1
            assert parts == wording.WORD_SPLIT.split(text.lower()), text
    assert read_with_runs > 1000


def test_event_nouns_read_with_the_words_are_those_read_without() -> None:
    from factcheck.extract import states
    from factcheck.extract.states import event_nouns
    lex = load_rules().lexicon
    rnd = random.Random(20)
    pieces = ["prisoners of war", "Prisoners of War", "war", "wars", "swap", "prisoner", "of", " ", ", ", "the ", "-",
              "warship", "x", "\u017f", "exchange", "\n", "service members"]
    found = 0
    for _ in range(6000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        nouns = event_nouns(text, lex, words_of(text))
        found += bool(nouns)
        plain = quantities.category_phrases(lex).sub(" ", text)
        assert nouns == [" ".join(m.group(0).lower().split()) for m in states._event_rx(lex)[0].finditer(plain)], text
    assert found > 1000


def test_passive_cues_and_gendered_nouns_tried_at_their_opening_words_are_their_patterns_matches() -> None:
    speakers = importlib.import_module("factcheck.extract.speakers")
    lex = load_rules().lexicon
    rnd = random.Random(21)
    pieces = ["The plan", " was", " Was", " has", " also", " been", " endorsed", " told", " by", " the union", " widow",
              " Widow's", " wife", " Mother", " man", " woman", "ly", " x", ",", "\n", " \u017f", " repeatedly", "is",
              " was told by ", " had also been asked by", " is quoted by "]
    checks = ((attribution._passive_rx(lex), attribution._passive_openers(lex)),
              (speakers._word_rx(lex)[0], speakers._gendered_openers(lex)))
    found = [0, 0]
    for _ in range(8000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        for k, (rx, openers) in enumerate(checks):
            matches = phrase_matches(rx, text, words_of(text), openers)
            found[k] += bool(matches)
            assert [m.span() for m in matches] == [m.span() for m in rx.finditer(text)], text
    assert min(found) > 500


def test_labels_read_at_the_end_and_participles_after_commas_are_their_patterns_matches() -> None:
    lex = load_rules().lexicon
    rnd = random.Random(22)
    labels = ["resolution", "Resolutions", "No.", "no", "#", "tel", "Tel.", "subsection", "\u017fection", "\u0130", " ",
              "\n", "\t", "x", "12", "and", ",", "route"]
    for _ in range(8000):
        window = "".join(rnd.choice(labels) for _ in range(rnd.randint(0, 6)))
        assert quantities._label_at_end(window) == bool(quantities.LABEL_BEFORE.search(window)), window
    pieces = ["Ruiz said", ",", ",\u201d", ',"', ",''", " ", "  ", " and", " even", " again", " saying", " adding that",
              " backing", " comparing him to", " the plan", "\u201c", "x", "\n"]
    participles = (attribution._stance_participle(lex), attribution._speech_participle(lex))
    found = 0
    for _ in range(8000):
        unit = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        for rx in participles:
            matches = matches_at(rx, unit, attribution._after_commas(unit))
            found += bool(matches)
            assert [m.span() for m in matches] == [m.span() for m in rx.finditer(unit)], unit
    assert found > 1000
