"""quote-mismatch: one speaker's quote appears in different, near-identical wordings.

Blocks by speaker, then by three-word runs the quotes share (an inverted index); only quotes that
share a run are compared (rapidfuzz). A pair is a mismatch when similar but not identical and naming the
same people and places ("force Ukraine" vs "force Russia" is another sentence, not a misquote), and
when a word was changed, not only left out (a quote trimmed by an editor is the same quote).
TOML params: `min_similarity` (0-100, default 75).
Example: "We can't force Ukraine to make a deal" vs "We cannot force Ukraine into a deal" (Rubio).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from rapidfuzz import fuzz

from factcheck.checks.common import block, finding, who
from factcheck.lexicon import Lexicon, word_char
from factcheck.model import Finding, Rule, Statement, quote_runs

PARAMS = {"min_similarity": 75.0}
MAX_SHARED = 50


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    quoted = [(s, list(s.quoted)) for s in statements if s.source and s.quote]
    # an unnamed source ("an official", an unresolved "he") is one speaker only within its story
    speaker_key = lambda q: (q[0].source, q[0].document_id if q[0].source_kind == "anonymous" else None)  # noqa: E731
    for (speaker, _), group in block([q for q in quoted if q[1]], speaker_key).items():
        for i, j in _candidates(group):
            (s1, sents1), (s2, sents2) = group[i], group[j]
            if s1.id == s2.id:
                continue
            pair = _mismatch(sents1, sents2, float(rule.params["min_similarity"]))
            if pair:
                wordings = sorted(pair[:2])
                out.append(finding(rule, "flag", [s1, s2], f"'{pair[0]}' vs '{pair[1]}' ({pair[2]:.0f}% alike)",
                                   subject=f"{speaker}|{'|'.join(wordings)}", claims=wordings,
                                   a=who(s1), b=who(s2), speaker=speaker, x=pair[0], y=pair[1]))
    return out


def _candidates(group: list[tuple[Statement, list[str]]]) -> list[tuple[int, int]]:
    """Pairs of one speaker's quotes that share a three-word run: the only pairs worth comparing.
    A run the speaker uses in very many quotes ("i think that") tells nothing and is skipped."""
    index: dict[str, set[int]] = defaultdict(set)
    for i, (_, sentences) in enumerate(group):
        for sentence in sentences:
            for run in quote_runs(sentence):
                index[run].add(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if 1 < len(members) <= MAX_SHARED:
            pairs.update(combinations(sorted(members), 2))
    return sorted(pairs)


def _mismatch(a: list[str], b: list[str], threshold: float) -> tuple[str, str, float] | None:
    aset, bset = set(a), set(b)
    unmatched = [y for y in b if y not in aset]  # sentences quoted identically elsewhere are accounted for
    for x in a:
        if x in bset:
            continue
        score, y = max(((fuzz.ratio(x, y), y) for y in unmatched), default=(0.0, ""))
        if x in y or y in x or _trimmed(x, y) or _trimmed(y, x):
            continue  # a partial or trimmed quote of the same sentence: words left out, none changed
        if threshold <= score < 100 and _same_names(x, y) and _one_edit_region(x, y):
            return x, y, score
    return None


def _trimmed(short: str, long: str) -> bool:
    """Every word of the shorter wording appears, in order, in the longer one."""
    words = iter(long.split())
    return all(w in words for w in short.split())


def _same_names(x: str, y: str) -> bool:
    stop = {"i", "we", "you", "they", "it", "the", "a"}
    wx, wy = set(x.split()) - stop, set(y.split()) - stop
    return len(wx & wy) >= 0.5 * min(len(wx), len(wy))


def _one_edit_region(x: str, y: str) -> bool:
    """Different wording of one remark: shared opening or ending words, not two different remarks."""
    xs, ys = x.split(), y.split()
    return xs[:2] == ys[:2] or xs[-2:] == ys[-2:] or (_three_words(xs) and
                                                      any(t in y for t in (" ".join(xs[i:i + 3]) for i in range(len(xs) - 2))))


def _three_words(words: list[str]) -> bool:
    """Three words in a row (a normalised quote keeps apostrophes: "' we are" holds only two)."""
    return any(word_char(a[-1:]) and b and all(map(word_char, b)) and word_char(c[:1])
               for a, b, c in zip(words, words[1:], words[2:]))
