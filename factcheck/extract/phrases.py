"""Noun phrases around a speech cue: the speaker before 'said' or after 'said' / 'according to'.

A small hand-written scanner over whitespace tokens (no regex backtracking over the sentence): it
walks from the cue outwards, keeps capitalised names, determiners and plain nouns, and stops at
punctuation or at words that cannot sit inside a speaker's name ('in', 'was', 'who').
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from factcheck.lexicon import Grammar, Lexicon

TOKEN = re.compile(r"''|``|[,;:!?()\u201c\u201d\"\u2014\u2013\u2015\u00ab\u00bb]|[^\s,;:!?()\u201c\u201d\"\u2014\u2013\u2015\u00ab\u00bb]+")
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # a text's tokens with the gaps between them
PUNCT = set(",;:!?()\u201c\u201d\"\u2014\u2013\u2015\u00ab\u00bb") | {"''", "``"}
ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev|Capt|Adm|Maj|"
                          r"Cmdr|Supt|Insp|Amb|Pres|Atty|Hon|Mt|Ft|Co|Corp|Inc|Ltd|No|Del|Sens|Reps)\.$|^[A-Z]\.$")
OPENING = "\u201c\u201d\"'\u2018\u2019(\u00ab"
CLOSING = ",;:.!?)\u201d\"'\u2019\u00bb"
QUANTIFIED = re.compile(
    r"(?:^|(?<=[\s,(]))((?:[Oo]nly|[Nn]early|[Aa]bout|[Aa]lmost|[Rr]oughly|[Ss]ome|[Oo]ver|[Jj]ust|[Ff]ully|[Bb]arely|"
    r"[Mm]ore than|[Ff]ewer than|[Ll]ess than|[Aa]t least)\s+)?"
    r"((?:(?:\d(?:[\d,.]*\d)?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)(?:\s+(?:percent|in))?|"
    r"[Hh]alf|[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Nn]one|[Ee]ach|[Bb]oth|[Ss]everal|[Ff]ew|(?:[Tt]he|[Aa]) majority|"
    r"(?:a\s+)?(?:third|quarter|fifth)|two-thirds|three-quarters)\s+of\s+)?$")
QUANTIFIER_ENDS = ("of", "only", "nearly", "about", "almost", "roughly", "some", "over", "just", "fully", "barely",
                   "than", "least")  # the last words of QUANTIFIED's groups
PP_BEFORE = re.compile(r"(?<![\w-])(?:of|for|from|in|at|on|with|by)\s+$")
PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en|wn)")  # 'released', 'taken', 'drawn': a participle after a noun
NUMBER = re.compile(r"\d[\d,.]*%?")  # '73 percent said', '40 officers said': a count opens the phrase
LOWER_WORD = re.compile(r"[a-z][a-z'\u2019.-]*")
LAST_LETTERS = re.compile(r"([A-Za-z]+)$")
class Token(NamedTuple):
    start: int
    end: int
    text: str


class Phrase(NamedTuple):
    """A noun phrase: its full extent (for boundary checks) and the mention to report as the source."""

    start: int
    end: int
    mention_start: int
    mention_end: int


def tokens_of(text: str) -> list[Token]:
    # token i is part 2i + 1 of the split, and the lengths of the parts before it add up to its start; each Token
    # built by tuple.__new__ (without the keyword handling of a NamedTuple's __new__), no match object read
    parts = TOKEN_SPLIT.split(text)
    at = list(accumulate(map(len, parts)))
    return list(map(partial(tuple.__new__, Token), zip(at[0:-1:2], at[1::2], parts[1::2])))


def boundary_before(text: str, pos: int, lex: Lexicon) -> bool:
    """A phrase starting at pos opens a clause: start of text, punctuation, a quote or a conjunction."""
    head = text[max(0, pos - 40):pos].rstrip()
    if not head:
        return pos <= 40 or not text[:pos].strip()
    if head[-1] in ",;:(\u2014\u2013\u2015\u201c\u201d\"'\u2018\u2019.!?" or head.endswith("--"):
        return True
    m = LAST_LETTERS.search(head)
    return bool(m) and m.group(1).lower() in lex.grammar.boundary


def _core(word: str) -> str:
    return word.strip(OPENING).rstrip(CLOSING)


def _abbrev(word: str) -> bool:
    return bool(ABBREVIATION.match(word.strip(OPENING)))


def _cap(word: str) -> bool:
    core = _core(word)
    return bool(core) and (core[0].isupper() or (core[0].isdigit() and any(c.isalpha() for c in core)))


def _lower_ok(core: str, g: Grammar) -> bool:
    low = core.lower()
    return (bool(core) and core[0].islower() and low not in g.stop and LOWER_WORD.fullmatch(core) is not None
            and not (low.endswith("ly") and low not in ("ally", "family", "assembly", "daily", "rally")))


def np_before(text: str, end: int, toks: list[Token], lex: Lexicon) -> Phrase | None:
    """The noun phrase that ends at `end` (spaces allowed), or None; a speaker's phrase may carry a prepositional
    tail ('officials from both parties', 'Mr. Morgan of the Sierra Club'), then it is the whole phrase."""
    np = _np_before(text, end, toks, lex)
    if np is not None:
        before = text[max(0, np.start - 40):np.start]
        # 'nearly eight of 10 voters', 'only 52 percent': what counts of a QUANTIFIED match (its groups) ends with
        # 'of' or a hedge's last word, then white space
        last = before.split()[-1:] if before[-1:].isspace() else ()
        q = QUANTIFIED.search(text, max(0, np.start - 40), np.start) if last and last[0].lower().endswith(
            QUANTIFIER_ENDS) else None
        if q and (q.group(2) or (q.group(1) and text[np.start:np.start + 1].isdigit())):
            qs = q.start(1) if q.group(1) else q.start(2)
            np = Phrase(qs, np.end, qs if np.mention_start == np.start else np.mention_start, np.mention_end)
    for _ in range(2):
        if np is None:
            return None
        prep = PP_BEFORE.search(text, max(0, np.start - 12), np.start)
        if not prep or text[np.start:np.mention_start].strip().lower() not in ("", "the", "a", "an"):
            return np  # 'his talk with Salem Radio's Hugh Hewitt': the name is the phrase's own
        head = _np_before(text, prep.start(), toks, lex)
        if head is None or not _source_head(text, head, lex):
            return np
        words = text[head.mention_start:head.mention_end].split()
        person = _cap(words[-1]) and (_abbrev(words[0]) or all(_cap(w) for w in words)) and len(words) >= 2
        ms, me = (head.mention_start, head.mention_end) if person else (head.start, np.mention_end)
        np = Phrase(head.start, np.end, ms, me)
    return np


def _source_head(text: str, head: Phrase, lex: Lexicon) -> bool:
    """Can this phrase speak ('officials', 'Mr. Morgan', 'a study'), not merely be spoken of ('the rise')?"""
    g = lex.grammar
    words = [_core(w) for w in text[head.start:head.mention_end].split()]
    if not words or words[-1].lower() in g.pronouns:
        return False
    if words[-1].lower() in lex.anonymous:
        return True
    # a capitalised word ending in -s may be a verb opening a fragment ('Preys on our fears')
    return _cap(words[-1]) and (len(words) >= 2 or _abbrev(words[0]) or not words[-1].endswith("s"))


def _np_before(text: str, end: int, toks: list[Token], lex: Lexicon) -> Phrase | None:
    g = lex.grammar
    i = _index_before(toks, end)
    if i < 0 or text[toks[i].end:end].strip():
        return None
    last = toks[i]
    if last.text == ")":  # '(R-Ga.)' after a lawmaker's name
        k = i - 1
        while k >= max(0, i - 5) and toks[k].text != "(":
            k -= 1
        if k < max(0, i - 5) or k == 0:
            return None
        i = k - 1
        last = toks[i]
    word = last.text
    if word in PUNCT or (word.endswith(".") and not _abbrev(word)):
        return None
    if word.lower() in g.pronouns:
        return Phrase(last.start, last.end, last.start, last.end)
    picked: list[Token] = []
    j = i
    if word.lower() in g.object_pronouns and i >= 3 and _core(toks[i - 1].text).lower() in ("to", "with") and \
            _core(toks[i - 2].text).lower() in ("close", "familiar", "loyal", "near"):
        picked, j = [toks[i], toks[i - 1], toks[i - 2]], i - 3  # 'those close to him'
    while j >= 0 and len(picked) < 12:
        t = toks[j]
        w = t.text
        core = _core(w)
        if w in PUNCT or (j != i and w.endswith(".") and not _abbrev(w)):
            break
        low = core.lower()
        if not core:
            break
        if (low in g.determiners or NUMBER.fullmatch(low)) and (
                low not in ("that", "this") or (picked and not _cap(picked[-1].text))):  # 'reasons that Ruiz refuses'
            picked.append(t)
            if NUMBER.fullmatch(low) and j > 0 and _core(toks[j - 1].text).lower() in g.determiners:
                j -= 1  # 'another 19 percent'
                picked.append(toks[j])
            if not (j > 1 and _core(toks[j - 1].text).lower() in g.prepositions and (
                    _core(toks[j - 2].text).lower() in lex.anonymous or _core(toks[j - 2].text).lower() in ("familiar", "close"))):
                break
        if (low in g.links or low in ("on", "at")) and picked and _cap(picked[-1].text) and (
                (j > 0 and _cap(toks[j - 1].text)) or (core[0].isupper() and low not in ("of", "for", "and", "on", "at"))):
            picked.append(t)  # 'Bank of England'; a name opening with 'De' or 'Van'

        elif low in ("of", "for") and picked and j > 0 and _lower_ok(_core(toks[j - 1].text), g) and \
                _core(toks[j - 1].text).lower() not in g.time:
            picked.append(t)
        elif low in g.prepositions and picked and j > 0 and len(picked) <= 6 and (
                _core(toks[j - 1].text).lower() in lex.anonymous or _core(toks[j - 1].text).lower() in ("familiar", "close")):
            picked.append(t)  # 'an official in Kyiv', 'sources familiar with the talks'
        elif _cap(w) and (low not in g.stop or (core.isupper() and len(core) > 1)):
            picked.append(t)
        elif _lower_ok(core, g) and low not in g.time:
            picked.append(t)
        else:
            break
        j -= 1
    picked.reverse()
    while picked and _core(picked[0].text).lower() in g.links and not (
            _core(picked[0].text)[0].isupper() and _core(picked[0].text).lower() not in ("of", "for", "and")):
        picked = picked[1:]
    if not picked:
        return None
    first = picked[0]
    start = first.start + (len(first.text) - len(first.text.lstrip(OPENING)))
    if first.text[:1] == "'" and not first.text.startswith("''"):
        start = first.start
    mend = last.end - (len(last.text) - len(last.text.rstrip(CLOSING))) if not _abbrev(last.text) else last.end
    words = [_core(t.text) for t in picked]
    if _cap(last.text):
        # a name: report the capitalised run ('Stein spokeswoman Melezia Figueroa' -> 'Melezia Figueroa')
        k = len(picked) - 1
        while k > 0 and (_cap(picked[k - 1].text) or words[k - 1].lower() in g.links) and "'" not in words[k - 1][-2:] \
                and "\u2019" not in words[k - 1][-2:]:
            k -= 1
        while k < len(picked) - 1 and words[k].lower() in g.links and not (words[k][0].isupper() and k == 0):
            k += 1
        ms = picked[k].start + (len(picked[k].text) - len(picked[k].text.lstrip(OPENING)))
        if k > 0 and words[k - 1].lower() == "the":
            ms = picked[k - 1].start
        if k > 0 and any(w.lower() in g.prepositions for w in words[:k]):
            ms = start  # 'an official in Kyiv': the whole phrase
        if all(w.isupper() and len(w) > 3 for w in words[k:]) and len(words[k:]) > 1:
            return None  # a dateline or sub-head in capitals
        return Phrase(start, mend, ms, mend)
    head = words[-1].lower()
    has_det = words[0].lower() in g.determiners or bool(NUMBER.fullmatch(words[0]))
    possessive = any(w.endswith(("'s", "\u2019s", "s'", "s\u2019")) for w in words[:-1])
    if head in g.determiners or head in g.time or len(words) > 7:
        return None
    if has_det and len(words) == 1:
        return None
    if not (has_det or possessive or head in lex.anonymous or head.endswith("s") or any(_cap(w) for w in words)):
        return None
    return Phrase(start, mend, start, mend)


def _index_before(toks: list[Token], end: int) -> int:
    """The last token ending at or before `end` (-1: none)."""
    return bisect_right(toks, end, key=attrgetter("end")) - 1


def np_after(text: str, start: int, toks: list[Token], lex: Lexicon, inverted: bool) -> Phrase | None:
    """The noun phrase that begins at `start` (spaces allowed): 'said Mr. Burman', 'according to the ministry'."""
    g = lex.grammar
    i = bisect_left(toks, start, key=attrgetter("start"))
    if i >= len(toks) or text[start:toks[i].start].strip():
        return None
    first = toks[i]
    core = _core(first.text)
    if core.lower() in g.pronouns and inverted:
        return Phrase(first.start, first.start + len(core), first.start, first.start + len(core)) \
            if first.text.startswith(core) else None
    picked: list[Token] = []
    j = i
    while j < len(toks) and len(picked) < 12:
        t = toks[j]
        w = t.text
        c = _core(w)
        low = c.lower()
        if not c or w in PUNCT:
            break
        if low in g.determiners and not picked:
            picked.append(t)
        elif low in g.links and picked and j + 1 < len(toks) and (
                _cap(toks[j + 1].text) or _core(toks[j + 1].text).lower() in g.determiners):
            picked.append(t)
        elif _cap(w) and (low not in g.stop or (c.isupper() and len(c) > 1)):
            picked.append(t)
        elif _lower_ok(c, g) and not (picked and ((low.endswith(("ed", "ing")) and "-" not in low) or low in g.time)):
            picked.append(t)  # 'the conservative-leaning foundation': a compound in -ing is an adjective
        elif _lower_ok(c, g) and low.endswith("ing") and len(picked) == 1 and _core(picked[0].text).lower() in \
                g.determiners and (j + 1 == len(toks) or toks[j + 1].text in PUNCT or w[-1] in CLOSING):
            picked.append(t)  # '..., said the ruling.': a noun in -ing closing the phrase
            break
        else:
            break
        if (w.endswith(".") and not _abbrev(w)) or (re.fullmatch(r"(?:[A-Z]\.){2,}", c + ".") and j + 1 < len(toks)
                                                     and _cap(toks[j + 1].text) and len(picked) > 1
                                                     and (len(picked) > 2 or not _abbrev(picked[0].text))):
            break  # 'the U.S. The next day': the initials end the sentence; 'Rep. G.K. Butterfield' goes on
        j += 1
    while picked and _core(picked[-1].text).lower() in g.links | g.determiners and not _abbrev(picked[-1].text):
        picked.pop()
    if not picked:
        return None
    words = [_core(t.text) for t in picked]
    last = picked[-1]
    end = last.end - (len(last.text) - len(last.text.rstrip(CLOSING))) if not _abbrev(last.text) else last.end
    s = picked[0].start + (len(picked[0].text) - len(picked[0].text.lstrip(OPENING)))
    has_det = words[0].lower() in g.determiners
    has_cap = any(_cap(w) for w in words if w.lower() not in g.determiners)
    head = words[-1].lower()
    if head in g.time:
        return None
    if inverted and not (has_cap or (has_det and 1 < len(words) <= 5) or head in lex.anonymous):
        return None  # '..., said the event brought back memories': a clause, not a speaker
    if not inverted and not (has_cap or has_det or head in lex.anonymous or head.endswith("s")):
        return None
    return Phrase(s, end, s, end)


def np_postmodified(text: str, end: int, toks: list[Token], lex: Lexicon) -> Phrase | None:
    """A speaker named by a noun the lexicon knows and what follows it up to the cue: a prepositional phrase
    ('experts on trade and farm policy said', 'pundits in Ohio and around the country say') or a relative clause
    without 'who' ('all the teachers I spoke to said'); None when no such noun opens a clause."""
    g = lex.grammar
    i = _index_before(toks, end)
    if i < 1 or text[toks[i].end:end].strip():
        return None
    for j in range(i - 1, max(-1, i - 12), -1):
        w = toks[j].text
        if w in PUNCT or (w.endswith(".") and not _abbrev(w)):
            return None
        if _core(w).lower() not in lex.anonymous:
            continue
        tail = [_core(t.text) for t in toks[j + 1:i + 1]]
        low = [t.lower() for t in tail]
        # 'a survey released by the agency': a participle with its agent ('the council seized on' is a verb)
        participle = len(low) > 2 and PARTICIPLE.fullmatch(low[0]) is not None and low[1] == "by"
        if participle or low[0] in g.postmodifiers or low[0] == "by":  # 'a study by two economists found'
            rest = low[1:] if participle else low
            ok = not any(t in g.tail_stop and t != "by" for t in rest) and not any(
                t.endswith(("ed", "ing")) and t[:1].islower() for t in tail[1 if participle else 0:])
        elif low[0] in g.relative_subjects:
            ok = 2 <= len(low) <= 4 and all(_lower_ok(t, g) or t in ("to", "with") for t in tail[1:])
        else:
            ok = False
        if not ok:
            continue
        head = _np_before(text, toks[j].end, toks, lex)
        k = _index_before(toks, head.start) if head else -1
        while head and k >= 0 and toks[k].end == head.start - 1 and toks[k].text.lower() in g.determiners:
            head, k = Phrase(toks[k].start, head.end, toks[k].start, head.mention_end), k - 1  # 'all the experts'
        if head is None or not boundary_before(text, head.start, lex):
            continue
        last = toks[i]
        mend = last.end - (len(last.text) - len(last.text.rstrip(CLOSING)))
        return Phrase(head.start, mend, head.start, mend)
    return None
