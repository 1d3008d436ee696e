"""Source names: strip titles, decide whether two names denote the same person or body, and which known source
a new name denotes (SourceIndex). The store keeps what it is told; who is who is decided here."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from factcheck.lexicon import Lexicon, default_lexicon

NAME_WORD = re.compile(r"[\w'.-]+")
NEAR_SPELLING = 88  # fuzz.ratio at which two spellings of one long word are one name ('Zelensky' / 'Zelenskyy')
CONJOINED = re.compile(r"\s(?:and|&|or)\s|,", re.I)


@lru_cache(maxsize=8192)  # a story names its people again and again
def person_core(name: str, lex: Lexicon | None = None) -> str:
    """'US President Donald Trump' -> 'Donald Trump', 'New Jersey Gov. Chris Christie' -> 'Chris Christie':
    what stands before the last title word goes, then leading titles and lower-case words (clause openers such
    as 'Although' are gone before a name gets here: Speakers strips them with the lexicon's openers)."""
    g = (lex or default_lexicon()).grammar  # the store compares names by the default titles
    tokens = name.split()
    marks = [i for i, t in enumerate(tokens[:-1]) if t.lower() in g.title_marks]
    if marks:
        tokens = tokens[marks[-1] + 1:]
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower() in g.titles or not tokens[i][:1].isupper()):
        i += 1
    return " ".join(tokens[i:])


def fold(text: str) -> str:
    """Lower case without accents: 'Calderón' -> 'calderon'."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in NAME_WORD.findall(fold(person_core(name))) if t not in ("jr.", "jr", "sr.", "sr"))


def name_tokens(name: str) -> list[str]:
    """The folded words same_source compares: titles gone, accents folded, Jr. and Sr. dropped."""
    return list(_name_tokens(name))


def same_source(a: str, b: str) -> bool:
    """True when two names surely denote one source: 'Trump' / 'Donald Trump', 'Zelensky' / 'Zelenskyy'.

    Different first names with one surname ('Donald Trump' / 'Eric Trump') never match, nor do
    'Jr.'-distinguished names.
    """
    if fold(a) == fold(b):
        return True
    if ("jr" in a.lower()) != ("jr" in b.lower()):
        return False
    if CONJOINED.search(a) or CONJOINED.search(b):
        return False  # 'Russia and Ukraine' is neither of them
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if short[-1] == long_[-1] and all(t in long_ for t in short):
        return True
    if len(ta) == len(tb) and ta[:-1] == tb[:-1] and len(ta[-1]) >= 5:
        return fuzz.ratio(ta[-1], tb[-1]) >= NEAR_SPELLING
    return False


def story_local(name: str, kind: str | None) -> bool:
    """Sources named by a description ('an official', 'the poll', 'the mayor') are their own in each story."""
    return kind in ("anonymous", "document") or not name[:1].isupper()


# The sources story_local may find named, as SQL (a few more, never fewer): the descriptions of one story each
# ('an official', 'the ministry'), most sources of a large archive, are never read to match a name across stories.
MAYBE_NAMED = "coalesce(kind, '') NOT IN ('anonymous', 'document') AND NOT (substr(name, 1, 1) BETWEEN 'a' AND 'z')"


class SourceIndex:
    """The named sources of a database, keyed by the tokens same_source compares, so that a new name is held
    against a few candidates rather than every source (same result, far fewer comparisons)."""

    def __init__(self) -> None:
        self.seen = 0  # highest source id taken in so far
        self.names: dict[int, str] = {}
        self.by_key: dict[tuple[Any, ...], set[int]] = {}
        self.single_words: dict[str, set[int]] = {}  # the word of a one-word name -> its sources
        self.single_names: dict[str, set[int]] = {}  # a one-word name's source name, folded -> its sources

    @staticmethod
    def keys(name: str) -> list[tuple[Any, ...]]:
        # same_source holds only for: equal names, equal last tokens, or equal length with all but the
        # last token equal (then the first tokens match, or both names are a single token)
        tokens = name_tokens(name)
        if not tokens:
            return [("name", name.lower())]
        return [("last", tokens[-1]), ("first", len(tokens), tokens[0]) if len(tokens) > 1 else ("single",)]

    def add(self, sid: int, name: str, kind: str | None) -> None:
        """Take in one stored source (ids in increasing order); descriptions are never matched across stories."""
        self.seen = max(self.seen, sid)
        if story_local(name, kind):
            return
        self.names[sid] = name
        for key in self.keys(name):
            self.by_key.setdefault(key, set()).add(sid)
        tokens = name_tokens(name)
        if len(tokens) == 1:
            self.single_words.setdefault(tokens[0], set()).add(sid)
            self.single_names.setdefault(fold(name), set()).add(sid)

    def candidates(self, name: str) -> list[tuple[int, str]]:
        ids = set().union(*(self.by_key.get(key, set()) for key in self.keys(name)))
        return [(sid, self.names[sid]) for sid in sorted(ids)]

    def match(self, name: str) -> int | None:
        """The one known source a name denotes, or None for a new one. A bare surname goes to the only full
        name with that surname ('Trump' -> 'Donald Trump', never when Eric Trump is known too); a fuller name
        never takes over a bare surname, which may have been someone else; near-matches that are ambiguous
        are never merged."""
        tokens = name_tokens(name)
        matches = [(sid, other) for sid, other in self._reachable(name, tokens) if same_source(name, other)]
        if len(tokens) > 1:
            matches = [(sid, other) for sid, other in matches if len(name_tokens(other)) > 1]
        return matches[0][0] if len(matches) == 1 else None

    def _reachable(self, name: str, tokens: list[str]) -> list[tuple[int, str]]:
        """The candidates same_source may hold equal to the name. A one-word name is held against the one-word
        sources with its folded name or a word within NEAR_SPELLING of its own (same_source's only ways for two
        one-word names), found in one rapidfuzz pass, rather than against every one-word source."""
        if len(tokens) != 1:
            return self.candidates(name)
        word = tokens[0]
        ids = self.by_key.get(("last", word), set()) | self.single_names.get(fold(name), set())
        for near, _, _ in process.extract(word, list(self.single_words), scorer=fuzz.ratio,
                                          score_cutoff=NEAR_SPELLING, limit=None):
            ids |= self.single_words[near]
        return [(sid, self.names[sid]) for sid in sorted(ids)]
