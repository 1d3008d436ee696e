"""misattribution: the same quoted sentence is attributed to different speakers.

Blocks by the quoted sentence's first four words, then compares within a block (rapidfuzz, >= 95).
TOML params: `min_similarity` (default 95), `same_document` (also within one story, default false).
Example: Rubio and, elsewhere, Witkoff both said "We can't force Ukraine to make a deal".
"""
from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from factcheck.checks.common import block, finding, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement, quote_opening
from factcheck.sources import same_source

PARAMS = {"min_similarity": 95.0, "same_document": False}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    items = [(s, q) for s in statements if s.source and s.source_kind != "anonymous" for q in s.quoted]
    out, done = [], set()
    for _, group in block(items, lambda it: quote_opening(it[1])).items():
        for i, (s1, q1) in enumerate(group):
            for s2, q2 in group[i + 1:]:
                if s1.source == s2.source or same_source(s1.source or "", s2.source or ""):
                    continue
                if s1.document_id == s2.document_id and not rule.params["same_document"]:
                    continue  # within one story a second speaker is usually a pronoun read wrongly
                key = tuple(sorted((s1.id or 0, s2.id or 0)))
                if key in done or fuzz.ratio(q1, q2) < float(rule.params["min_similarity"]):
                    continue
                done.add(key)
                speakers = sorted((s1.source or "", s2.source or ""))
                out.append(finding(rule, "flag", [s1, s2], f"'{q1}' attributed to {s1.source} and to {s2.source}",
                                   subject=f"{min(q1, q2)}|{'|'.join(speakers)}", claims=speakers,
                                   a=who(s1), b=who(s2), quote=q1))
    return out
