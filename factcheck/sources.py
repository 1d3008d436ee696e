"""Source names: strip titles, and decide whether two names denote the same person or body."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

TITLES = {
    "president", "us", "u.s.", "former", "vice", "secretary", "of", "state", "prime", "minister", "senator",
    "sen.", "rep.", "representative", "governor", "gov.", "mayor", "mr.", "mrs.", "ms.", "dr.", "chancellor",
    "russian", "ukrainian", "american", "french", "german", "british", "chinese", "foreign", "defense", "defence",
    "democratic", "republican", "nominee", "candidate", "presidential", "top", "chief", "spokesman",
    "spokeswoman", "spokesperson", "general", "gen.", "lt.", "col.", "judge", "justice", "attorney", "sheriff",
    "deputy", "ambassador", "envoy", "leader", "house", "speaker", "the", "frontrunner", "hopeful", "rival",
    "republicans", "democrats", "gop", "billionaire", "businessman", "negotiator", "adviser", "advisor", "coach",
}


# words that end a description and start the name ('Florida Sen. Marco Rubio')
TITLE_MARKS = {
    "president", "secretary", "minister", "senator", "sen.", "sens.", "rep.", "reps.", "representative", "governor", "gov.", "mayor",
    "mr.", "mrs.", "ms.", "dr.", "chancellor", "spokesman", "spokeswoman", "spokesperson", "gen.", "judge",
    "ambassador", "envoy", "leader", "speaker", "negotiator", "adviser", "advisor", "chairman", "chairwoman", "chair",
    "ceo", "director", "commander", "prosecutor", "attorney", "sheriff", "premier", "king", "queen", "pope",
}
DISCOURSE = {"so", "but", "and", "then", "now", "also", "meanwhile", "however", "still", "yet", "even", "only", "when"}
NAME_WORD = re.compile(r"[\w'.-]+")
CONJOINED = re.compile(r"\s(?:and|&|or)\s|,", re.I)


def person_core(name: str) -> str:
    """'US President Donald Trump' -> 'Donald Trump', 'New Jersey Gov. Chris Christie' -> 'Chris Christie',
    'So Donald Trump' -> 'Donald Trump': what stands before the last title word goes, then leading titles
    and lower-case words."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].lower() in DISCOURSE:
        tokens = tokens[1:]
    marks = [i for i, t in enumerate(tokens[:-1]) if t.lower() in TITLE_MARKS]
    if marks:
        tokens = tokens[marks[-1] + 1:]
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower() in TITLES or not tokens[i][:1].isupper()):
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
        return fuzz.ratio(ta[-1], tb[-1]) >= 88
    return False
