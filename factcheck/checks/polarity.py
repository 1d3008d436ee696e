"""polarity-conflict: one proposition asserted and negated, by two sources or by one.

A statement's polarity is the `negated` flag extraction set; its proposition is its `claim` (its words,
contractions cut to their verb) once the `negations` extraction found in it and the rule's
`function_words` are dropped and each word is cut to a rough stem, so "he did not use a Taser" and "he
used a Taser" are one proposition. A statement with a negation word that extraction did not read
as negating it ("there was no water") takes neither side. Blocking: by that proposition only; a block
holds the few statements with exactly those words. Within a block a negated and a plain statement
conflict when they are in one story, or on the same day (in different stories: one source repeating
itself across days may have changed its mind, which is news, not a contradiction).

TOML params: `min_words` (default 4) words a proposition needs between two sources, `min_words_one_source`
(default 3) when one source or one story says both, `min_overlap` (0.8) for near-identical pairs in one
story, `function_words` the words a proposition ignores (auxiliaries of do-support, articles).
Example: "Ukraine is ready for a ceasefire" vs "Ukraine is not ready for a ceasefire".
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, finding, who
from factcheck.lexicon import Lexicon, rough_stem
from factcheck.model import Finding, Rule, Statement

PARAMS: dict[str, object] = {"min_words": 4, "min_words_one_source": 3, "min_overlap": 0.8, "function_words": []}
def proposition(s: Statement, ignore: frozenset[str]) -> frozenset[str]:
    """The statement's claim as stems, without its negation words and the function words."""
    return frozenset(rough_stem(w) for w in s.claim if w not in ignore and w not in s.negations)


def _conflict(a: Statement, b: Statement, size: int, rule: Rule) -> bool:
    one_story = a.document_id is not None and a.document_id == b.document_id
    if not one_story and not (a.date and a.date == b.date):
        return False
    # narration of two stories, or "an official" in each, are two voices
    one_voice = one_story or (a.source is not None and a.source == b.source and a.source_kind != "anonymous")
    return size >= int(rule.params["min_words_one_source" if one_voice else "min_words"])


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    ignore = frozenset(w.lower() for w in rule.params["function_words"])  # type: ignore[attr-defined]
    # a negation word that extraction did not read as negating the statement: neither side
    sides = {id(s): "no" if s.negated else None if s.negations else "yes" for s in statements}
    denying = [s for s in statements if s.negated]
    if not denying:
        return []
    # only a statement of a story or a day with a denial can meet one (_conflict): the others' words are not read
    stories, days = {s.document_id for s in denying}, {s.date for s in denying if s.date}
    props = {id(s): proposition(s, ignore) for s in statements if s.document_id in stories or s.date in days}
    out = _near(statements, rule, props, sides)
    seen = {frozenset(s.id for s in f.statements) for f in out}
    denied = {props[id(s)] for s in denying if props[id(s)]}  # no block without one
    for words_, group in block(statements, lambda s: props.get(id(s)) if props.get(id(s)) in denied else None).items():
        yes = [s for s in group if sides[id(s)] == "yes"]
        no = [s for s in group if sides[id(s)] == "no"]
        for a in yes:
            b = next((b for b in no if _conflict(a, b, len(words_), rule)), None)
            if b and frozenset((a.id, b.id)) not in seen:
                out.append(finding(rule, "flag", [a, b], f"'{a.text}' vs '{b.text}'", a=who(a), b=who(b)))
                break
    return out


def _near(statements: Sequence[Statement], rule: Rule, props: dict[int, frozenset[str]],
          sides: dict[int, str | None]) -> list[Finding]:
    """Within one story: a negated statement and a plain one that share nearly all their words.

    Blocks by story, then by each negated statement's rarest word (an inverted index), so a
    statement is only compared with the few that share that word.
    """
    out = []
    for _, story in block(statements, lambda s: s.document_id if id(s) in props else None).items():
        if not any(sides[id(s)] == "no" for s in story):
            continue
        freq: dict[str, int] = {}
        for s in story:
            for w in props[id(s)]:
                freq[w] = freq.get(w, 0) + 1
        index = block([(w, s) for s in story if sides[id(s)] == "yes" for w in props[id(s)]], lambda p: p[0])
        for neg in (s for s in story if sides[id(s)] == "no"):
            mine = props[id(neg)]
            if len(mine) < int(rule.params["min_words"]) + 1:
                continue
            rare = min(mine, key=lambda w: (freq[w], w))
            for _, other in index.get(rare, []):
                theirs = props[id(other)]
                if mine != theirs and len(mine & theirs) >= float(rule.params["min_overlap"]) * len(mine | theirs):
                    out.append(finding(rule, "flag", [other, neg], f"'{other.text}' vs '{neg.text}'", a=who(other), b=who(neg)))
                    break
    return out
