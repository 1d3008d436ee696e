"""Who said what: split a sentence into (source mention, cue, channel, content) attributions.

Patterns, tried per clause:
  SOURCE CUE [object] [on CHANNEL] [that|:] CONTENT     "Trump said on Truth Social that ..."
  CONTENT, SOURCE CUE [on CHANNEL].                   "..., the Russian Defense Ministry said."
  CONTENT, CUE SOURCE.                                "'Welcome,' said another man."
  According to SOURCE, CONTENT / CONTENT, according to SOURCE.
A sentence with two speakers ("X said A, but Y said B") is split first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.lexicon import Lexicon, phrase_regex

CAP = r"[A-Z][\w'\u2019.&-]*"
LINK = r"(?:of|the|for|de|da|al|von|van|bin|la|le|del|do|on|and)"
NAME_END = re.compile(rf"((?:{CAP}\s+(?:{LINK}\s+){{0,2}}){{0,6}}{CAP})$")
NAME_START = re.compile(rf"^((?:the\s+)?{CAP}(?:\s+(?:{LINK}\s+){{0,2}}{CAP}){{0,6}})")
PRONOUN_END = re.compile(r"(?:^|(?<=[\s,\u201c\u201d\"]))(he|she|they|we|I|it|He|She|They|We|It)$")
PRONOUN_START = re.compile(r"^(he|she|they|we|I|it)\b")
DETERMINER = r"(?:the|a|an|another|one|two|three|four|several|some|many|other|both|his|her|their|its|most|few|\d+)"
AUX_END = re.compile(r"(?:\s*,)?\s+(?:had|has|have|would|will|also|later|earlier|previously|repeatedly|then|again|once|"
                     r"reportedly|publicly|privately|recently|first|often|never|even|just|already|still|has\s+also|had\s+also)$")
BOUNDARY_BEFORE = re.compile(r"(?:^|[,;:(\u201c\u201d\"\u2014\u2013]|\b(?:and|but|while|as|because|although|though|so|when|"
                             r"after|before|since|if|where|whereas|yet|and\s+then))\s*$", re.I)
DESCRIPTOR = re.compile(r"(?:(?:[A-Z][\w.-]*['\u2019]s|[A-Z][\w.-]*|[a-z][\w-]*)\s+){1,4}$")
VERBISH = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "did", "does", "do", "can",
           "could", "should", "may", "might", "must", "and", "but", "that", "which", "who", "to", "in", "on", "at",
           "for", "with", "from", "by", "about", "as", "than", "then", "when", "after", "before", "if", "it", "they",
           "he", "she", "we", "this", "these", "those", "there", "not", "also", "be", "been"}
TAIL = re.compile(r"\s*(?:(?:on|in|at|to|during|via|through|from|after|before|late|earlier|later|last|this)\b[^,;]{0,50})?"
                  r"\s*(?:[,.;!?]|$)")
CONTENT_MARK = re.compile(r"\bthat\b|:|[\u201c\"]", re.I)
NOUN_LIKE_CUES = {"reports", "claims", "states", "notes", "estimates", "promises", "vows", "reported", "report", "posts"}
CLAUSE_SPLIT = re.compile(r"[,;][\u201d\"]?\s+(?:but|while|whereas|and|although|though)\s+|;\s+")
OBJECT_AFTER_TOLD = re.compile(rf"^\s+(?:reporters|journalists|lawmakers|supporters|the\s+\w+(?:\s+\w+)?|him|her|them|us|me|"
                               rf"an?\s+\w+(?:\s+\w+)?|{CAP}(?:\s+{CAP}){{0,3}})")


@dataclass(frozen=True)
class Attribution:
    """One attributed clause; offsets are relative to the unit text."""

    content_start: int
    content_end: int
    source: str | None  # the mention as written
    source_start: int | None
    source_end: int | None
    cue: str | None
    channel: str | None


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cue = phrase_regex(list(lex.cues))
    anon_words = "|".join(sorted((re.escape(w) for w in lex.anonymous), key=len, reverse=True))
    anon_end = re.compile(
        rf"((?:{DETERMINER}\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?(?:{anon_words})"
        rf"(?:\s+(?:familiar with|close to|of|from|in|at|with|for|on|inside|within)\s+[^,;:\u201c\u201d\"]{{1,50}}?)?)$", re.I)
    anon_start = re.compile(
        rf"^((?:{DETERMINER}\s+)(?:[\w'\u2019-]+\s+){{0,3}}?(?:{anon_words})\b"
        rf"(?:\s+(?:familiar with|close to|of|from|in|at|with|for|on)\s+[^,;:\u201c\u201d\"]{{1,50}}?(?=[,.;]|$))?)", re.I)
    channel_alts = "|".join(sorted((re.escape(c) for c in lex.channels), key=len, reverse=True))
    channel = re.compile(rf"\b(?:on|in|via|through|during|at|to|in\s+an?)\s+(?:his|her|their|its|the|a|an)?\s*({channel_alts})"
                         rf"(?:\s+(?:platform|account|channel|page|feed))?\b")
    return cue, anon_end, anon_start, channel


def attribute(unit: str, lex: Lexicon) -> list[Attribution]:
    """Every attribution in one sentence-like unit (none: the writer's narration)."""
    out: list[Attribution] = []
    for cs, ce in _clauses(unit, lex):
        a = _attribute_clause(unit, cs, ce, lex)
        if a:
            out.append(a)
    return out


def _clauses(unit: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Split where the next part starts with its own speaker and cue ('..., but an official said ...')."""
    cue_rx = _patterns(lex)[0]
    cuts = [0]
    for m in CLAUSE_SPLIT.finditer(unit):
        rest = unit[m.end():]
        src = _source_at_start(rest, lex)
        if src and re.match(r"\s*(?:\w+\s+){0,2}?" + cue_rx.pattern, rest[src[1]:], re.I):
            cuts.append(m.end())
    cuts.append(len(unit))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        end = b
        if b != len(unit):
            sep = CLAUSE_SPLIT.search(unit, a, b) if False else None
            tail = re.search(r"[,;][\u201d\"]?\s+(?:but|while|whereas|and|although|though)?\s*$", unit[a:b])
            end = a + tail.start() if tail else b
        spans.append((a, end))
    return spans


def _source_at_start(text: str, lex: Lexicon) -> tuple[int, int] | None:
    _, _, anon_start, _ = _patterns(lex)
    for rx in (PRONOUN_START, anon_start, NAME_START):
        m = rx.match(text)
        if m and m.group(1):
            return m.start(1), m.end(1)
    return None


def _source_at_end(left: str, lex: Lexicon) -> tuple[int, int] | None:
    """The source phrase that ends `left`, with a clause boundary (or a short descriptor) before it."""
    _, anon_end, _, _ = _patterns(lex)
    trimmed = left.rstrip()
    aux = AUX_END.search(trimmed)
    if aux:
        trimmed = trimmed[:aux.start()]
    rel = re.search(r",\s+(?:who|which)\s+[^,]{3,160},\s*$", trimmed)
    if rel:
        trimmed = trimmed[:rel.start()]
    appositive = re.search(r",\s+(?:the|a|an|[A-Z]\w+['\u2019]s)\s+[^,]{3,80},\s*$", trimmed)
    if appositive and NAME_END.search(trimmed[:appositive.start()]):
        trimmed = trimmed[:appositive.start()]
    if trimmed.endswith(","):  # "The governor of the region, Oleh Kiper, said"
        inner = trimmed[:-1].rstrip()
        m = NAME_END.search(inner)
        if m and inner[:m.start(1)].rstrip().endswith(",") and re.search(r"[a-z]", m.group(1)):
            return m.start(1), m.end(1)
        return None
    for rx in (PRONOUN_END, anon_end, NAME_END):
        m = rx.search(trimmed)
        if not m:
            continue
        s, e = m.span(1)
        if rx is NAME_END:
            words = trimmed[s:e].split()
            while words and words[0].lower() in ("of", "the", "for", "on", "and"):
                s += len(words[0]) + 1
                words = words[1:]
            if not words:
                continue
            if not re.search(r"[a-z]", trimmed[s:e]) and len(trimmed[s:e]) > 5:
                continue  # ALL-CAPS run: a dateline or sub-head, not a name
            if s >= 4 and trimmed[s - 4:s].lower() == "the ":
                s -= 4
        if BOUNDARY_BEFORE.search(left[:s]):
            return s, e
        if rx is NAME_END:
            d = DESCRIPTOR.search(left[:s])
            if d and BOUNDARY_BEFORE.search(left[:d.start()]) and not any(
                    w.lower() in VERBISH or w.lower().endswith(("ed", "ing")) for w in d.group(0).split()):
                return d.start(), e
    return None


def _attribute_clause(unit: str, cs: int, ce: int, lex: Lexicon) -> Attribution | None:
    cue_rx, _, _, channel_rx = _patterns(lex)
    clause = unit[cs:ce]
    acc = _according(clause, lex)
    if acc:
        return _shift(acc, cs)
    for m in cue_rx.finditer(clause):
        cue = m.group(0)
        left, right = clause[:m.start()], clause[m.end():]
        if m.start() > 0 and clause[m.start() - 1] == "-":
            continue
        src = _source_at_end(left.rstrip(), lex)
        if src:
            s, e = src
            marker = CONTENT_MARK.search(right[:90])
            starts_clause = BOUNDARY_BEFORE.search(left[:s]) and not left[:s].strip(" ,\u201c\"")
            intro = re.fullmatch(r"\s*(?:(?:earlier|later|meanwhile|however|but|and|still|yet|separately|also|then|"
                                 r"on \w+|in \w+(?: \w+)?|at \w+(?: \w+)?|after \w+(?: \w+){0,3}|referring to [^,]+),\s*)*",
                                 left[:s], re.I)
            trailing = right.strip(" .!?\u201d\"")
            short_tail = (len(trailing) < 3 or right.lstrip().startswith((",", "(", "\u2014"))
                          or (not marker and TAIL.match(right) is not None))
            if starts_clause or intro or not short_tail:
                if cue.lower() in NOUN_LIKE_CUES and not marker:
                    continue
                content = _content_after(right, cue)
                if content is None:
                    continue
                c0, c1 = content
                region = right[:c0]
                return Attribution(cs + m.end() + c0, cs + m.end() + c1, clause[s:e], cs + s, cs + e, cue,
                                   _channel(region + right[c1:], channel_rx))
            # content before the source: "..., the ministry said."
            before = left[:s].rstrip()
            if not before.endswith((",", "\u201d", '"', "\u2014", "\u2013", ":")):
                continue
            if marker and marker.start() < 25 and marker.group(0).lower() == "that":
                continue
            c0, c1 = _trim(clause, 0, len(before))
            if c1 - c0 < 8:
                continue
            return Attribution(cs + c0, cs + c1, clause[s:e], cs + s, cs + e, cue, _channel(right, channel_rx))
        # inverted: '"...," said the woman.'
        before = left.rstrip()
        if before.endswith((",", "\u201d", '"')) and len(before) > 8:
            inv = _source_at_start(right.lstrip(), lex)
            rest = right.lstrip()[inv[1]:] if inv else ""
            if inv and (len(rest.strip(" .!?")) < 3 or re.match(r"\s*(?:,|on\b|in\b|at\b|after\b|before\b|during\b|from\b|to\b|as\b|when\b|while\b|who\b|\()", rest)):
                off = len(right) - len(right.lstrip())
                s, e = m.end() + off + inv[0], m.end() + off + inv[1]
                c0, c1 = _trim(clause, 0, len(before))
                if c1 - c0 >= 8:
                    return Attribution(cs + c0, cs + c1, clause[s:e], cs + s, cs + e, cue, _channel(clause[e:], channel_rx))
    return None


def _according(clause: str, lex: Lexicon) -> Attribution | None:
    for phrase in lex.according:
        rx = re.compile(rf"(?:^|,\s*|\(\s*)({re.escape(phrase)})\s+", re.I)
        m = rx.search(clause)
        if not m or (phrase == "per" and m.start() != 0):
            continue
        src = _source_at_start(clause[m.end():], lex)
        if not src:
            continue
        s, e = m.end() + src[0], m.end() + src[1]
        if m.start(1) == 0 or clause[:m.start(1)].strip() == "":
            comma = clause.find(",", e)
            if comma < 0:
                return None
            c0, c1 = _trim(clause, comma + 1, len(clause))
        else:
            c0, c1 = _trim(clause, 0, m.start())
        if c1 - c0 < 8:
            return None
        return Attribution(c0, c1, clause[s:e], s, e, m.group(1), None)
    return None


def _content_after(right: str, cue: str) -> tuple[int, int] | None:
    """Where the content starts after 'SOURCE CUE': after 'that', a colon or an opening quote,
    else right after the cue (and its object, for 'told')."""
    head = right[:90]
    q = re.search(r"[\u201c\"]", head)
    that = re.search(r"\bthat\b", head)
    colon = head.find(":")
    starts = [x for x in (that.end() if that else None, colon + 1 if colon >= 0 else None,
                          q.start() if q else None) if x is not None]
    if starts:
        start = min(starts)
        if re.search(r"[.!?]", right[:start]):
            return None
    else:
        start = 0
        if cue.lower().startswith(("told", "tells", "asked", "warned", "urged", "assured", "reminded")):
            obj = OBJECT_AFTER_TOLD.match(right)
            if obj:
                start = obj.end()
        pp = re.match(r"^\s*(?:,\s*)?(?:(?:on|in|at|during|via|earlier|later|last|this|on\s+\w+)\b[^,]{0,40},)", right[start:])
        if pp:
            start += pp.end()
        if re.match(r"\s*(?:to|for|by|with|about|of|up|out|off|in|on|at|the|a|an)\b", right[start:]) and not re.match(
                r"\s*(?:the|a|an)\b", right[start:]):
            return None
    c0, c1 = _trim(right, start, len(right))
    return (c0, c1) if c1 - c0 >= 8 else None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,;:\u2014\u2013-":
        a += 1
    while b > a and text[b - 1] in " \t\n,;:.\u2014\u2013":
        b -= 1
    return a, b


def _channel(region: str, rx: re.Pattern[str]) -> str | None:
    m = rx.search(region)
    if m:
        return m.group(1)
    told = re.search(r"\b(?:told|tells|in an interview with|speaking to)\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})", region)
    return told.group(1) if told else None


def _shift(a: Attribution, by: int) -> Attribution:
    return Attribution(a.content_start + by, a.content_end + by, a.source,
                       None if a.source_start is None else a.source_start + by,
                       None if a.source_end is None else a.source_end + by, a.cue, a.channel)
