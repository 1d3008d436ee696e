"""Speakers named by layout rather than by a verb: a transcript's 'RUIZ: ...', a headline's 'Ana Ruiz: ...' or
'Said Ruiz: ...', and the title-case headline in which a verb is capitalised too ('Ruiz Vows To Reopen Pier')."""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import Lexicon

LABEL = re.compile(r"\s*(?:[\u201c\"]|'')?\s*([A-Z][A-Z.'\u2019-]{2,}(?:\s+[A-Z][A-Z.'\u2019-]+){0,2}):\s+(?=\S)")
OWNER_END = re.compile(r"['\u2019]s$")
LONG_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
NAME_LABEL = re.compile(r"\s*(?:[\u201c\"]|'')?\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}):\s+(?=\S)")


def speaker_label(unit: str, lex: Lexicon) -> tuple[int, int, int] | None:
    """(source start, source end, content start) of 'RUIZ: We sail at dawn' (a transcript), 'Ana Ruiz: Ferries Will
    Sail' (a headline's speaker) or 'Said Ruiz: ...'."""
    if ":" not in unit:  # both patterns end with the colon
        return None
    g = lex.grammar
    m = LABEL.match(unit)
    if m:
        return None if m.group(1).rstrip(".") in g.label_capitals else (m.start(1), m.end(1), m.end())
    m = NAME_LABEL.match(unit)
    if not m:
        return None
    words = m.group(1).split()
    rest = unit[m.end():]
    if (m.group(1).upper().rstrip(".") in g.label_capitals or words[0].lower() in g.determiners or words[-1] in g.label_nouns
            or any(OWNER_END.search(w) or w in g.calendar_words or w in g.title_case_small for w in words[1:])
            or words[0] in g.calendar_words or len(rest.split()) < 3 or rest.count(",") >= 4):
        return None  # 'The Latest: ...', 'Editor's Note: ...', 'Iowa: Ana Ruiz, Bo Lee, ...', 'Calm Over Chaos: ...'
    if words[0].lower() in lex.cues and len(words) > 1:
        return m.start(1) + len(words[0]) + 1, m.end(1), m.end()
    return m.start(1), m.end(1), m.end()


@lru_cache(maxsize=64)  # asked several times of one unit
def title_case(unit: str) -> bool:
    """A headline written in title case, where a verb is capitalised too ('Ruiz Vows To Reopen Pier')."""
    long = [w for w in LONG_WORD.findall(unit) if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)
