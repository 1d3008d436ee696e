"""Source names: strip titles, and decide whether two names denote the same person or body."""
from __future__ import annotations

import re

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


CONJOINED = re.compile(r"\s(?:and|&|or)\s|,", re.I)


def person_core(name: str) -> str:
    """'US President Donald Trump' -> 'Donald Trump': leading titles dropped, capitalised tokens kept."""
    tokens = name.split()
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower() in TITLES or not tokens[i][:1].isupper()):
        i += 1
    return " ".join(tokens[i:])


def _tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[\w'.-]+", person_core(name).lower()) if t not in ("jr.", "jr", "sr.", "sr")]


def same_source(a: str, b: str) -> bool:
    """True when two names surely denote one source: 'Trump' / 'Donald Trump', 'Zelensky' / 'Zelenskyy'.

    Different first names with one surname ('Donald Trump' / 'Eric Trump') never match, nor do
    'Jr.'-distinguished names.
    """
    if a.lower() == b.lower():
        return True
    if ("jr" in a.lower()) != ("jr" in b.lower()):
        return False
    if CONJOINED.search(a) or CONJOINED.search(b):
        return False  # 'Russia and Ukraine' is neither of them
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if short[-1] == long_[-1] and all(t in long_ for t in short):
        return True
    if len(ta) == len(tb) and ta[:-1] == tb[:-1] and len(ta[-1]) >= 5:
        return fuzz.ratio(ta[-1], tb[-1]) >= 88
    return False
