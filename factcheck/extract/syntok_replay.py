"""syntok's sentence splitting, replayed where it is easy and left to syntok where it is not.

syntok (the segmenter and its Tokenizer) reads a text token by token, which is most of ingest's time in
sentences. Yet away from brackets only a terminal token (. ! ? ; ...) can end a sentence, and whether it does
depends only on the tokens next to it and on whether the token before it opened the sentence (syntok's
FirstToken state). So the replay tokenises only the words holding a terminal and their neighbours, a word at
a time as syntok's Tokenizer does (plain words directly, others with syntok's Tokenizer), and takes each
decision as syntok's segmenter does, with syntok's own word sets (abbreviations, months, sentence starters).
Brackets are the hard case: syntok skips bracketed text, looking up to 50 tokens ahead. A short bracket inside
a sentence is skipped here too; otherwise the text from the sentence that meets the bracket to the first
terminal after it that ends a sentence in any state is handed to syntok itself, which sees exactly the
tokens it would see in the whole text. tests/test_sentence_fastpath.py holds the replay to syntok's results.
"""
from __future__ import annotations

import re
from itertools import takewhile
from typing import Iterator, NamedTuple

from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

TOKENIZER = Tokenizer(replace_not_contraction=False)


def split(chunk: str) -> list[tuple[int, int]]:
    """syntok's sentences in chunk, as offsets: replayed, or syntok's own where the replay cannot tell."""
    found = replay(chunk)
    return syntok_sentences(chunk, 0, len(chunk)) if found is None else found


def syntok_sentences(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """syntok's sentences in chunk[a:b], as offsets into chunk."""
    return [(a + s[0].offset, a + s[-1].offset + len(s[-1].value))
            for s in segmenter.split(TOKENIZER.tokenize(chunk[a:b])) if s]


_TERMINALS = State.terminals
_TAKEN_ALONG = State.terminals | State.closing_brackets  # taken into the sentence after a terminal, spaced or not
_BRACKETS = "".join(sorted(State.opening_brackets | State.closing_brackets))
_WORD = re.compile(r"[^\s\u200b]+")  # syntok's tokenizer also breaks words at a zero width space
_TERMINAL_CHARS = "".join(sorted({c for t in _TERMINALS for c in t}))
# a word holding one, up to the first (the characters before it taken possessively: none is a terminal)
_STOP_WORD = re.compile(r"(?<![^\s\u200b])[^\s\u200b" + re.escape(_TERMINAL_CHARS) + "]*+[" + re.escape(_TERMINAL_CHARS) + "]")
_BRACKET = re.compile("[" + re.escape(_BRACKETS) + "]")
_ODD_SPACE = re.compile(r"[\x1c-\x1f]")
# left to syntok whole: a bracket in a word of two marks or more and no letter or digit (syntok's token is the
# whole word, so no bracket), and the characters Python's \s and syntok's regex \s disagree on
_UNSURE = re.compile(r"(?<![^\s\u200b])(?=(?:[^\w\s\u200b]|_)*[" + re.escape(_BRACKETS) + r"])(?:[^\w\s\u200b]|_){2,}"
                     r"(?![^\s\u200b])|[\x1c-\x1f]")


class _Tok(NamedTuple):
    offset: int
    value: str
    spaced: bool  # whitespace (or a hyphen syntok swallowed) before it

    @property
    def end(self) -> int:
        return self.offset + len(self.value)


class _Stop(NamedTuple):
    """A terminal token where syntok decides whether the sentence ends."""
    at: int  # the terminal's offset
    before: _Tok | None  # the token before the terminal (None: the chunk opens with it)
    end: int  # the end of the terminal and of what syntok takes along with it (more terminals, closing marks)
    next: _Tok | None  # the token after those, if any
    after: str  # syntok's token_after: the first token taken along, else next's value


def replay(chunk: str) -> list[tuple[int, int]] | None:
    """The sentences syntok's segmenter finds in chunk, as offsets; None where the whole chunk is left to it."""
    first = _WORD.search(chunk)
    zones = _bracket_zones(chunk) if _BRACKET.search(chunk) else []
    if first is None or (zones or _ODD_SPACE.search(chunk)) and _UNSURE.search(chunk):
        return None
    spans: list[tuple[int, int]] = []
    start = opener = first.start()  # the sentence's first token; the token syntok's FirstToken state moved last
    piece, zone_end, z = -1, 0, 0  # piece: where the text left to syntok starts (-1: none)
    skipped = 0  # the end of the last bracket syntok reads as a part of the sentence
    for stop in _stops(chunk):
        if stop.before is None:
            return None
        horizon = stop.next.end if stop.next else len(chunk)
        while z < len(zones) and zones[z][0] < horizon:
            zs, ze, closed = zones[z]
            z += 1
            if piece < 0 and closed and _skips(chunk, zs, ze, opener, stop):
                skipped = ze
                continue
            if piece < 0:
                if start and not _is_space(chunk[start - 1]):
                    return None  # (syntok's tokens of a word's tail can differ from the word's)
                piece = start
            zone_end = max(zone_end, ze)
        if piece < 0 and stop.at < skipped:
            if stop.end <= skipped:
                continue  # inside the bracket syntok skips
            if start and not _is_space(chunk[start - 1]):
                return None
            piece, zone_end = start, stop.end
        if stop.next is None:
            break
        if piece < 0:
            first_state = stop.before.offset == opener
            if _ends_sentence(stop.before.value, first_state, stop.next, stop.after):
                spans.append((start, stop.end))
                start = opener = stop.next.offset
            elif first_state:
                opener = stop.next.offset
        elif (stop.before.offset >= zone_end and _is_space(chunk[stop.end])  # (cut between words only)
              and _ends_sentence(stop.before.value, True, stop.next, stop.after)
              and _ends_sentence(stop.before.value, False, stop.next, stop.after)):
            spans += syntok_sentences(chunk, piece, stop.end)
            piece, start, opener = -1, stop.next.offset, stop.next.offset
    if z < len(zones) and piece < 0:
        if start and not _is_space(chunk[start - 1]):
            return None
        piece = start
    if piece >= 0:
        return spans + syntok_sentences(chunk, piece, len(chunk))
    if start < len(chunk):  # (a sentence of only syntok's empty token after trailing space is dropped)
        spans.append((start, len(chunk)))
    return spans


def _bracket_zones(chunk: str) -> list[tuple[int, int, bool]]:
    """Where brackets change syntok's reading: from an opening bracket to the one closing it (any shape, as
    syntok pairs them), to the chunk's end when none does; a stray closing bracket alone. And whether the
    zone is a closed bracket."""
    zones: list[tuple[int, int, bool]] = []
    depth = opened = 0
    for m in _BRACKET.finditer(chunk):
        if m.group() in State.opening_brackets:
            if not depth:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                zones.append((opened, m.end(), True))
        else:
            zones.append((m.start(), m.end(), False))
    if depth:
        zones.append((opened, len(chunk), False))
    return zones


def _skips(chunk: str, zs: int, ze: int, opener: int, stop: _Stop) -> bool:
    """Does syntok take the brackets chunk[zs:ze] into the sentence unread? It does with a closed bracket
    of under 70 characters and 50 tokens met inside a sentence: one that follows a token syntok moved on
    from (not a terminal, not the sentence's first token, not another bracket)."""
    if ze - zs >= 70 or not zs or not _is_space(chunk[zs - 1]):
        return False
    if stop.next is not None and stop.next.offset == zs:
        return False
    before = _token_before(chunk, zs)
    if before is None or before.offset == opener or before.value in State.closing_brackets:
        return False
    return sum(1 for t in takewhile(lambda t: t.offset < ze, _tokens(chunk, zs))) <= 50


def _stops(chunk: str) -> Iterator[_Stop]:
    """The terminals where syntok decides, in order: every terminal token not taken along by the one before."""
    done = 0  # the tokens before this offset are read
    for found in _STOP_WORD.finditer(chunk):
        word = _WORD.match(chunk, found.start())
        word_end = word.end()
        if word_end <= done:
            continue
        toks = _word_tokens(word.group(), word.start())
        pos = _read_on(chunk, toks, word_end)  # the next word, where the token after a terminal mostly is
        i = 0
        while i < len(toks) and toks[i].offset < word_end:
            t = toks[i]
            if t.offset < done or t.value not in _TERMINALS:
                i += 1
                continue
            before = toks[i - 1] if i else _token_before(chunk, found.start())
            j, pos = _along(chunk, toks, i + 1, pos)
            if j < len(toks) and toks[j].value in State.closing_quotes and not toks[j].spaced:
                j, pos = _along(chunk, toks, j + 1, pos)
            n = toks[j] if j < len(toks) else None
            yield _Stop(t.offset, before, toks[j - 1].end, n, toks[i + 1].value if j > i + 1 else n.value if n else "")
            if n is None:
                return
            done = n.offset
            i = j


def _along(chunk: str, toks: list[_Tok], j: int, pos: int) -> tuple[int, int]:
    """The index of the first token from j on that syntok does not take along after a terminal (terminals and
    closing brackets, spaced or not), reading on into the chunk as needed; and where reading stopped."""
    while True:
        while j < len(toks) and toks[j].value in _TAKEN_ALONG:
            j += 1
        if j < len(toks) or pos < 0:
            return j, pos
        pos = _read_on(chunk, toks, pos)


def _read_on(chunk: str, toks: list[_Tok], pos: int) -> int:
    """Add the tokens of the next word from pos on to toks, or syntok's empty token after trailing space;
    where the next word may start, -1 when the chunk is read."""
    if pos < 0:
        return pos
    word = _WORD.search(chunk, pos)
    if word is not None:
        toks += _word_tokens(word.group(), word.start())
        return word.end()
    if _is_space(chunk[-1]):
        toks.append(_Tok(len(chunk), "", True))
    return -1


def _tokens(chunk: str, pos: int) -> Iterator[_Tok]:
    """syntok's tokens of chunk from the word starting at pos on (syntok's Tokenizer reads each
    whitespace-separated word alone), and the empty token it adds after trailing space."""
    for m in _WORD.finditer(chunk, pos):
        yield from _word_tokens(m.group(), m.start())
    if _is_space(chunk[-1]):
        yield _Tok(len(chunk), "", True)


# a word syntok's Tokenizer cuts only around its letters and digits: marks before and after them (one token
# each, '...' one token at the head of the tail) and ASCII letters and digits with no lower-case letter
# before a capital (syntok cuts 'McCain' in two)
_PLAIN_WORD = re.compile(r"((?:[^\w\s]|_)*)([A-Z0-9]*[a-z0-9]*)((?:[^\w\s]|_)*)")


def _word_tokens(word: str, base: int) -> list[_Tok]:
    """syntok's tokens of one word found at base."""
    plain = _PLAIN_WORD.fullmatch(word)
    if plain is None:
        return [_Tok(base + t.offset, t.value, bool(t.spacing) or (t.offset == 0 and base > 0))
                for t in TOKENIZER.tokenize(word)]
    head, core, tail = plain.groups()
    if not core:
        return [_Tok(base, word, base > 0)]  # no letter or digit: one token
    toks = [_Tok(base + k, c, k == 0 and base > 0) for k, c in enumerate(head)]
    toks.append(_Tok(base + len(head), core, not head and base > 0))
    at = base + len(head) + len(core)
    if tail.startswith("..."):
        toks.append(_Tok(at, "...", False))
        at, tail = at + 3, tail[3:]
    toks += [_Tok(at + k, c, False) for k, c in enumerate(tail)]
    return toks


def _is_space(c: str) -> bool:
    return c.isspace() or c == "\u200b"


def _token_before(chunk: str, pos: int) -> _Tok | None:
    """The last token of the word before pos, if any."""
    i = pos
    while i > 0 and _is_space(chunk[i - 1]):
        i -= 1
    j = i
    while j > 0 and not _is_space(chunk[j - 1]):
        j -= 1
    if i == 0:
        return None
    return _word_tokens(chunk[j:i], j)[-1]


def _ends_sentence(before: str, first_state: bool, nxt: _Tok, after: str) -> bool:
    """syntok's decision at a terminal: before is the token before it, nxt the first token after it and what
    follows it, after the token right after it; first_state: before opened the sentence (syntok's FirstToken)."""
    value = nxt.value
    single = len(before) == 1 or before in State.roman_numerals
    if value[:1].islower() or value in State.inner_sentence_punctuation:
        return False
    if not (first_state and single) and value in State.starters:
        return True
    if before in State.abbreviations and after not in State.closing_brackets:
        return False
    if before in ("no", "No", "NO") and value.isalnum() and any(c.isnumeric() for c in value):  # syntok's 'no. 5'
        return False
    if not nxt.spaced and (value.isnumeric() or not after.istitle() or not after.isalpha() or len(after) == 1):
        return False
    if value.isnumeric() and len(value) > 2:
        return False
    if before.isnumeric() and value in State.months or before in State.months and value.isnumeric():
        return False
    if "." in before and after != ".":
        return False
    if single and (first_state or before.isupper()):
        return False
    if len(before) == 1 and before.isalpha() and before not in State.vowels:
        return False
    return True
