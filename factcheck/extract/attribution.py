"""Who said what: split a sentence-like unit into (source mention, cue, channel, content) attributions.

Patterns, found per cue outside quotation marks:
  SOURCE CUE [object] [when/where] [on CHANNEL] [that|:] CONTENT   "Trump said on Truth Social that ..."
  CONTENT, SOURCE CUE [when/where].                                 "..., the Russian Defense Ministry said."
  CONTENT, CUE SOURCE[, apposition].                                "'Welcome,' said another man."
  SOURCE, apposition, CUE ...                                       "Kiper, the governor, said ..."
  According to SOURCE, CONTENT / CONTENT, according to SOURCE.
  ..., adding|saying that CONTENT                                   (the previous speaker goes on)
  "QUOTE" -- NAME                                                   (a signed quotation)
A unit with two speakers ("X said A, but Y said B") gives two attributions; each content stops where
the next speaker's clause begins.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from factcheck.extract.labels import speaker_label, title_case
from factcheck.extract.phrases import Phrase, Token, np_after, np_before, tokens_of
from factcheck.extract.sentences import opens_quote, quote_spans
from factcheck.extract.subjects import (END_ONLY, INHERIT, INTRO, OPENING_MODIFIER, QUOTE_MARK, RELATIVE,
                                        appositive_subject, ends_with, is_name, reach, subject_before, unit_subject)
from factcheck.lexicon import Gate, Lexicon, matches_at, opening_words, phrase_matches, phrase_regex, word_offsets

SPACES = re.compile(r"\s+")
WORD_CHAR = re.compile(r"\w")
CLOSE_BEFORE = re.compile(r"(?:,\s*['\u2019]?(?:[\u201d\"\u00bb]|'')?|[,?!\u2014-]\s*['\u2019]?(?:[\u201d\"\u00bb]|'')|\s[\u2014\u2013]|\s--)\s*$")
# the last marks CLOSE_BEFORE can end with, before white space
CLOSE_ENDS = frozenset(",'\u2019\u201d\"\u00bb\u2014\u2013-")
NOUN_USE = re.compile(r"\s+(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|remains?|seems?)\b")
ADJECTIVE = re.compile(r"(?:al|ic|ous|ive|ble|ful|less|ary|^big|^new|^first|^main|^simple|^key|^real|^major|^next|^last|"
                       r"^final|^other|^same|^only|^full|^whole|^eventual|^huge|^latest|^recent)$", re.I)
DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
FILLER = re.compile(
    rf"\s*,?\s*(?:(?:on\s+)?{DAY}(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|(?:last|this|next|earlier|later|late|early)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter|"
    r"morning|afternoon|evening|night|time|day)\b"
    r"|(?:earlier|later|again|also|then|recently|privately|publicly|repeatedly|previously|once|too|separately|"
    r"bluntly|flatly|simply|afterward|afterwards|elsewhere)\b"
    r"|(?:in|on|at|during|via|through|to|from|after|before|with|of|over|about|while|following|in\s+an?)\s+"
    r"(?:(?!(?:what|it|that|who|which|is|was|are|were|be|to|he|she|they|we|would|will|had|has)\b)"
    r"[\w'\u2019./&-]+\s+){0,6}?[\w'\u2019./&-]+(?=\s*(?:,|:|\bthat\b|[\u201c\"\u201e]|''|[.!?]?\s*(?:[\u201d\"]|'')?\s*$)))")
MAX_FILLERS = 4
FINITE_AHEAD = re.compile(r"[^,;:.!?\u201c\u201d\"()\u2014]{0,60}?\s(?:is|was|are|were|has|have|had|will|would|can|could|"
                          r"should|may|might|must)\b")
PARTICIPLE_FORM = re.compile(r"(?:ed|[wt]n|ght|ld|id)$")  # 'endorsed', 'shown', 'sought', 'told', 'said'
STANCE_WITHOUT_OBJECT = re.compile(r"\s*,?\s*(?:and|but|or)\b")
PASSIVE_SUBJECT_WORDS = 10  # how long the words before 'is likely to be decided by' may run as its subject
SINGULAR = frozenset({"a", "an", "another", "each", "every", "one"})
POSSESSIVE = re.compile(r"['\u2019]s?$")
QUOTE_CLOSED = re.compile(r"[\u201d\"\u00bb']\s*,?\s*$")
NOUN_CUE_GOES_ON = re.compile(r"\s*(?:,|that\b|:|[\u201c\"]|'')")
BLANK = re.compile(r"\s*")
CLOSING_TAIL = " ,\"'\u201d\u2019"  # what may close a content after its last word
OPENING_MARKS = re.compile(r"[ \u201c\"(\u2014]*")
THAT = re.compile(r"\s*,?\s*that\b")
MODIFIED_NAME = re.compile(r"\s+((?:[a-z0-9][\w/'\u2019.-]*\s+){1,3})((?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*)")
WITH_BEFORE = re.compile(r"\bwith\s+$")
CLAUSE_OPENER = re.compile(r"\s*(?:(?:and|but|while|as|so|where|when|because|since|although|though)\s+)?")
OPENER = re.compile(r"\s*(?::|,)?\s*(?=[\u201c\"\u201e\u00ab]|'')")
COLON = re.compile(r"\s*:\s*")
NO_CONTENT = re.compile(r"\s*(?:to|for|with|about(?!\s+\d)|of|by|up|out|off|as|in|on|at|so|was|is|were|are|be|been|when|before|until|"
                        r"had|has|have|not|nothing|no(?=\s*(?:[.,;:!?]|$|to\b|comment|one\b)))\b", re.I)
AFTER_END = re.compile(r"\s*[,;]\s*(?:and\s+)?(?:and|[a-z]+ing|but|as|while|who|which|after|before|when|in|at|during|"
                       r"according|with|without|though|although|because|since|amid|despite|even|per|following)\b")
INVERTED_STOP = re.compile(r"\s*(?:[,.;!?(\u2014\u2013]|$|(?:who|in|on|at|of|after|before|during|from|to|as|when|while|"
                           r"adding|in\s+a)\b|[\u201d\"]|'')")
OBJECT_CUES = ("told", "tells", "telling", "tell", "asked", "asks", "asking", "warned", "warns", "warning", "urged", "urges", "assured", "reminded",
               "informed", "promised", "wrote to", "told reporters")
NOUN_LIKE_CUES = {"reports", "claims", "states", "notes", "estimates", "promises", "vows", "reported", "report", "posts",
                  "thought", "believed", "says", "note", "claim", "estimate", "state"}
PARTICIPLE_SPEECH = (r"(saying|adding|arguing|noting|insisting|warning|explaining|claiming|writing|"
                     r"stating|declaring|stressing|asserting|contending|suggesting|acknowledging|calling\s+(?:for|on)|"
                     r"citing|accusing|urging|telling\s+(?:reporters|them|him|her|us|me|you|[A-Z][\w'\u2019]+)|describing|criticizing|praising|"
                     r"promising|vowing|pledging|pointing\s+out|predicting|admitting|complaining|demanding|"
                     r"questioning|touting|echoing|referring\s+to|recalling|conceding|boasting|denying|"
                     r"confirming|announcing|asking)\b\s*(?:that\b)?")
OPENING_PARTICIPLE = re.compile(r"\s*(?i:" + PARTICIPLE_SPEECH + ")")


def _leading_words(group: str) -> list[str]:
    """The word each alternative of a pattern's opening group starts with ('saying', 'calling' of 'calling\\s+for')."""
    depth, alternatives, current = 0, [], ""
    for ch in group[1:]:
        if ch == ")" and depth == 0:
            break
        if ch == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    return [re.match(r"[a-z]+", a).group(0) for a in (*alternatives, current)]  # type: ignore[union-attr]


# whether the speech '-ing' patterns can match a unit: each alternative needs its verb as a word of the unit
SPEECH_GATE = Gate.of(_leading_words(PARTICIPLE_SPEECH))
# 'began by saying ...', 'was criticized for saying ...': the speech is the clause subject's, as after a comma
PREPOSITIONAL_PARTICIPLE = re.compile(r"(?<=\s)(?:by|for|after|before|while|from|when|despite|in)\s+" + PARTICIPLE_SPEECH)
# 'footage of Ruiz saying ...', 'a letter saying that ...': the speaker is the noun phrase right before the '-ing' form
NAMED_PARTICIPLE = re.compile(r"(?<=[\w.)])\s+" + PARTICIPLE_SPEECH)
PARTICLE = re.compile(r"\s+(?:by|out|into|in\s+to|away)\b")
RELATIVE_END = re.compile(r",\s+(?:is|was|are|were|has|have|had|will|would|can|could|should|did|does|remains?|"
                          r"said|says|told|added)\b")
AS_CLAUSE = re.compile(r"(?:^|,)\s*[Aa]s\s+$")
SIGNATURE = re.compile(r"(?:[\u201d\"]|'')\s*[\u2015\u2014\u2013]\s*([A-Z][\w'\u2019.-]*(?:[ \t\u00a0][A-Z][\w'\u2019.-]*){0,3})"
                       r"[\s.]*$")
SIGNATURE_HINT = re.compile(r"[\u2015\u2014\u2013]")
CLAUSE_JOIN = re.compile(r"[,;]?\s*(?:(?:[\u201d\"]|'')\s*)?(?:,\s*)?(?:but|while|whereas|and|although|though|yet)?\s*$")
JOIN_MARKS = 12  # the most characters but white space a CLAUSE_JOIN match holds: ';', "''", ',', 'although'
JOIN_REACH = 40
TOLD_OBJECT = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|supporters|students|voters|me|him|her|them|us|you|"
    r"(?:state|local|national|foreign)\s+(?:media|television|TV|radio|press)|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+(?=\s*(?:,|\.|that\b|[\u201c\"]|''|$|"
    r"(?:on|in|at)\s))|"
    r"(?:The\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})")


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


@dataclass
class _Cand:
    """A speaker found at a cue, before its content is bounded by its neighbours."""

    src: tuple[int, int]
    cue: tuple[int, int]
    side: str  # right | left | both
    right: int  # where right-hand content starts
    left: int  # where left-hand content ends
    clause: int  # where this speaker's clause begins (cuts the previous content)
    channel_region: tuple[int, int]
    extend: bool = False  # a quotation goes on after 'X said.'
    cue_word: str = ""
    name: str | None = None  # who a relative 'who' stands for; None: the mention as written
    relative: bool = False  # 'which he said was ...': the content ends with the relative clause
    passive: bool = False  # 'The plan was endorsed by X': the content starts with the subject, not before
    stop: int = 0  # where a right-hand content ends at the latest ('Claiming X, Ruiz ...': at the comma); 0: no bound


@lru_cache(maxsize=8)
def _stance(lex: Lexicon) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.stance)


@lru_cache(maxsize=8)
def _stance_ing(lex: Lexicon) -> frozenset[str]:
    """The stance cues whose verb is an '-ing' form ('backing', 'comparing him to')."""
    return frozenset(w for w in _stance(lex) if w.split()[0].endswith("ing"))


@lru_cache(maxsize=8)
def _stance_participle(lex: Lexicon) -> re.Pattern[str]:
    """', comparing him to ...': a stance's '-ing' form after a comma goes on with the clause's speaker."""
    return re.compile(_participle_head(lex) + "(" + _alternation(_stance_ing(lex)) + r")\b")


@lru_cache(maxsize=8)
def _speech_participle(lex: Lexicon) -> re.Pattern[str]:
    """', adding that ...', ', even suggesting ...': a speech verb's '-ing' form after a comma."""
    return re.compile(_participle_head(lex) + PARTICIPLE_SPEECH)


def _participle_head(lex: Lexicon) -> str:
    """What may stand between the comma and an '-ing' form: 'and', an adverb ('even', 'again')."""
    adverbs = [w for w in lex.grammar.auxiliaries if " " not in w and w not in lex.clause_negation]
    # the comma may sit inside a closing quotation mark: '"... a leader,” comparing him to ...'
    return r"(?:(?<=,)|(?<=,[\u201d\"])|(?<=,''))\s+(?:and\s+)?(?:(?:" + _alternation(adverbs) + r")\s+)?"


def _after_commas(unit: str) -> list[int]:
    """Where a pattern opening with _participle_head can match: right after a comma, or after a comma and the closing
    mark it sits in (',”', ',"', ",''")."""
    starts: set[int] = set()
    at = unit.find(",")
    while at >= 0:
        starts.update((at + 1, at + 2, at + 3))
        at = unit.find(",", at + 1)
    return sorted(starts)


def _alternation(phrases: Iterable[str]) -> str:
    """'according to|per': longest phrase first, any white space between words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=8)
def _gates(lex: Lexicon) -> tuple[Gate, Gate, Gate]:
    """Whether the cue, 'according to' and stance '-ing' patterns can match a unit with these words."""
    return Gate.of(list(lex.cues) + list(lex.stance)), Gate.of(lex.according), Gate.of(_stance_ing(lex))


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    cue = phrase_regex(list(lex.cues) + list(lex.stance))
    according = re.compile(r"(?:^|(?<=[\s,(\u2014\u201c]))(" + _alternation(lex.according) + r")\s+", re.I)
    channel_alts = "|".join(sorted((re.escape(c).replace(r"\ ", r"\s+") for c in lex.channels), key=len, reverse=True))
    channel = re.compile(rf"\b(?:on|in|via|through|during|at|to|in\s+an?)\s+(?:his|her|their|its|the|a|an)?\s*"
                         rf"({channel_alts})(?:\s+(?:platform|account|channel|page|feed))?\b")
    return cue, according, channel, frozenset(lex.anonymous)


@lru_cache(maxsize=8)
def _cue_openers(lex: Lexicon) -> frozenset[str] | None:
    """The words the cue phrases open with: the cue pattern is tried where they stand only."""
    return opening_words((*lex.cues, *lex.stance))


def quote_regions(unit: str) -> list[tuple[int, int]]:
    """Quoted stretches of a unit (marks included); an unclosed quotation runs to the end."""
    spans = quote_spans(unit, 0, len(unit))
    if spans and spans[-1][1] == len(unit) or not spans:
        return spans
    marks = [m.start() for m in QUOTE_MARK.finditer(unit, spans[-1][1])]
    if marks and len(unit) - marks[-1] <= 20 and opens_quote(unit, marks[-1], marks[-1] + 1, 0, len(unit)):
        spans.append((marks[-1], len(unit)))
    return spans


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Is pos inside one of the regions (sorted, not overlapping)?"""
    i = bisect_left(regions, (pos,)) - 1
    return i >= 0 and pos < regions[i][1]


def attribute(unit: str, lex: Lexicon, words: frozenset[str] | None = None) -> list[Attribution]:
    """Every attribution in one sentence-like unit (none: the writer's narration). words: the unit's (words_of),
    when read already."""
    if len(unit) < 8:
        return []
    cue_rx, according_rx, channel_rx, _ = _patterns(lex)
    cue_gate, according_gate, stance_ing_gate = _gates(lex)
    stance = _stance(lex)
    quotes = quote_regions(unit) if QUOTE_MARK.search(unit) else []
    according = [m for m in according_rx.finditer(unit) if not _inside(m.start(), quotes)
                 ] if according_gate.may_match(words) else []
    passive = [m for m in phrase_matches(_passive_rx(lex), unit, words, _passive_openers(lex))
               if not _inside(m.start(), quotes)] if " by " in unit and _passive_gate(lex).may_match(words) else []
    cues = [m for m in phrase_matches(cue_rx, unit, words, _cue_openers(lex)) if not _inside(m.start(), quotes)
            and not (m.start() > 0 and unit[m.start() - 1] in "-'\u2019")] if cue_gate.may_match(words) else []
    if cues and any(unit[m.start()].isupper() and m.start() > 0 for m in cues) and not title_case(unit):
        # 'the United States,' is a name, not a verb: a capitalised cue inside a sentence counts in headlines only
        cues = [m for m in cues if not (unit[m.start()].isupper() and m.start() > 0 and
                                        re.search(r"[A-Za-z][\w.'\u2019-]*\s+$", unit[reach(unit, m.start()):m.start()]))]
    label = speaker_label(unit, lex)
    if not (according or passive or cues or label or SIGNATURE_HINT.search(unit)):
        return []
    toks = tokens_of(unit)
    speech = SPEECH_GATE.may_match(words)  # a speech verb's '-ing' form is a word of the unit
    cands: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for m in according:
        c = _according(unit, m, toks, lex)
        if c:
            cands.append(c)
            taken.append(c.cue)
    opening = (OPENING_PARTICIPLE.match(unit) or (None if title_case(unit) else _opening_stance(lex).match(unit))
               ) if "ing " in unit[:40] else None  # a headline's capitals hide its verbs
    if opening:
        c = _opening_participle(unit, opening, toks, lex, opening.re is not OPENING_PARTICIPLE)
        if c:
            cands.append(c)
            taken.append(c.cue)
    for m in passive:
        c = _passive(unit, m, toks, lex)
        if c:
            cands.append(c)
            taken.append((m.start(1), m.end(1)))
    for m in cues:
        if any(s <= m.start() < e for s, e in taken):
            continue
        c = _at_cue(unit, m.start(), m.end(), toks, quotes, lex, stance)
        if c:  # its span ends before the next cue begins: only 'according to' spans can hold a later cue
            cands.append(c)
    if "ing" in unit:
        named = [c for m in (NAMED_PARTICIPLE.finditer(unit) if speech else ()) if not _inside(m.start(), quotes)
                 and (c := _named_participle(unit, m, toks, lex))]
        spoken = {c.cue[0] for c in named}
        cands += named + [c for m in (_named_stances(unit, words, lex) if stance_ing_gate.may_match(words) else ())
                          if m.start(1) not in spoken and
                          not _inside(m.start(), quotes) and (c := _named_participle(unit, m, toks, lex, True))]
    if label and not cands:
        cands.append(_Cand(label[:2], (label[1], label[1] + 1), "right", label[2], 0, 0, (0, 0), False,
                           ":"))
    if not cands:
        sig = SIGNATURE.search(unit, max(0, len(unit) - 80))
        if sig:
            cands.append(_Cand((sig.start(1), sig.start(1) + len(sig.group(1).rstrip().rstrip("."))), (sig.start(), sig.start(1)),
                               "left", len(unit), sig.start() + 1, sig.start(), (0, 0)))
    cands.sort(key=lambda c: c.cue[0])
    after_commas = _after_commas(unit) if "," in unit else []  # where the participles' head can open
    participles = [(m, True) for m in matches_at(_stance_participle(lex), unit, after_commas)
                   ] if "ing" in unit and stance_ing_gate.may_match(words) else []
    participles += [(m, False) for m in matches_at(_speech_participle(lex), unit, after_commas)] if speech else []
    if "ing" in unit:
        participles += [(m, False) for m in PREPOSITIONAL_PARTICIPLE.finditer(unit)] if speech else []
    needs_subject = any(c.src == INHERIT for c in cands) or participles
    subject = (unit_subject(unit, toks, lex) or _opening_speaker(unit, toks, lex)) if needs_subject else None
    filled: list[_Cand] = []
    for c in cands:
        if c.src == INHERIT:
            prior = filled[-1] if filled else None
            if prior is None and subject is None:
                continue
            c.src, c.name = ((prior.src, prior.name) if prior else (subject, None))
        filled.append(c)
    cands = _participles(unit, filled, quotes, subject, participles,
                         lambda at: _clause_speaker(unit, at, toks, lex)) if needs_subject else filled
    return _bounded(unit, cands, channel_rx, _question(lex))


def _at_cue(unit: str, cs: int, ce: int, toks: list[Token], quotes: list[tuple[int, int]],
            lex: Lexicon, stances: frozenset[str] = frozenset()) -> _Cand | None:
    cue = SPACES.sub(" ", unit[cs:ce].lower())
    stance = cue in stances
    lo = reach(unit, cs)
    before = unit[lo:cs]
    # inverted: '"...," said the woman.' (a bare comma first tries 'X, the governor, said')
    if _close_before(before) and len(before.strip()) > 8 and not stance and not cue.startswith(OBJECT_CUES) and \
            not cue.endswith("ing") and not (  # a bare comma first tries 'X, the governor, said'
            before.rstrip().endswith(",") and appositive_subject(unit, lo + len(before.rstrip()) - 1, toks, lex)):
        # '..., told his advisers to ...', '..., suggesting a few questions': the object, not the speaker
        np = np_after(unit, ce, toks, lex, inverted=True) or _modified_name(unit, ce, lex)
        if np and INVERTED_STOP.match(unit, np.end):
            return _Cand((np.mention_start, np.mention_end), (cs, ce), "left", len(unit), lo + _left_end_at(before),
                         cs, (ce, len(unit)), _quote_follows(unit, np.end), cue)
    # SOURCE [aux] CUE
    subject = subject_before(unit, cs, ce, cue, stance, toks, lex) or (
        None if stance or cue.endswith("ing") else _document_subject(unit, cs, toks, lex))
    if subject is None:
        return None
    np, name = subject
    src = (np.mention_start, np.mention_end)
    if np.start < 0:
        return _inherited(unit, cs, ce, cue, stance)
    if stance:
        return _stance_cand(unit, src, cs, ce, np, name, cue, lex)
    pos = ce
    if cue.startswith(OBJECT_CUES):
        obj = TOLD_OBJECT.match(unit, pos)
        if obj:
            pos = obj.end()
    verb_end = pos
    pos = ce if cue.endswith(" that") else _skip_fillers(unit, pos)  # 'found that in three counties, ...'
    if cue in NOUN_LIKE_CUES and not NOUN_CUE_GOES_ON.match(unit, pos) and cue != "says" and \
            _first_word(unit, pos) not in lex.grammar.pronouns | lex.grammar.definite and \
            not (END_ONLY.match(unit, pos) and _left_content_end(unit, np.start) is not None and name is None):
        return None  # 'the reports were false'; but 'The Times reported Saturday that ...', 'Lynch notes they ...',
        # '..., the Gazette reports.'
    if POSSESSIVE.search(unit, np.mention_start, np.mention_end) and not NOUN_CUE_GOES_ON.match(unit, pos) and \
            not cue.endswith(" that"):
        return None  # "Friday's tweets": a noun after a possessive; but "Ruiz's claim that ..."
    left_end = _left_content_end(unit, np.start) if name is None else None
    clause = _clause_start(unit, np.start)
    region = (ce, pos)
    as_clause = AS_CLAUSE.search(unit, max(0, np.start - 6), np.start)
    if as_clause and name is None:  # 'As Ruiz observed, ...' / '..., as Ruiz observed.'
        comma = re.match(r"\s*,\s*", unit[ce:])
        if comma and not END_ONLY.match(unit, ce + comma.end()):
            return _Cand(src, (cs, ce), "right", ce + comma.end(), as_clause.start(), as_clause.start(), region, False,
                         cue, name)
        if END_ONLY.match(unit, pos) and as_clause.start() > 8:
            return _Cand(src, (cs, ce), "left", len(unit), as_clause.start(), as_clause.start(), region, False, cue,
                         name)
    t = THAT.match(unit, pos)
    if t and pos > verb_end and left_end is not None and QUOTE_CLOSED.search(unit, reach(unit, np.start), np.start):
        t = None  # '"...," Ruiz told reporters after a meeting that ...': the quotation is what she told them
    if t or cue.endswith(" that"):
        start, region_end = (t.end(), t.start()) if t else (ce, ce)
        return _Cand(src, (cs, ce), "right", start, left_end or np.start, clause, (ce, region_end), False, cue, name)
    left_quoted = left_end is not None and bool(QUOTE_CLOSED.search(unit, reach(unit, np.start), np.start)) and \
        not re.match(r"\s*(?:On|In|At|During|After|Before|Following|Speaking|Writing)\b", unit)  # 'On "Fox News," X said'
    o = OPENER.match(unit, pos) or COLON.match(unit, pos)
    if o:
        side = "both" if left_quoted and _starts_with_quote(unit, o.end()) else "right"
        return _Cand(src, (cs, ce), side, o.end(), left_end or np.start, clause, (ce, o.start()), False, cue, name)
    if END_ONLY.match(unit, pos) or AFTER_END.match(unit, pos) or left_quoted:
        if left_end is None:
            return None
        tail = re.match(r"[^\u201c\"]{0,100}", unit[ce:])
        region = (ce, ce + (tail.end() if tail else 0))
        goes_on = _quote_follows(unit, pos) and not AFTER_END.match(unit, pos)  # not past ", adding ..."
        return _Cand(src, (cs, ce), "left", len(unit), left_end, clause, region, goes_on, cue, name)
    comma = re.match(r"\s*,\s*", unit[pos:])
    if comma:
        return _Cand(src, (cs, ce), "right", pos + comma.end(), left_end or np.start, clause, region, False, cue, name)
    relative = RELATIVE.search(unit, max(0, np.start - 8), np.start) if name is None else None
    if relative:  # 'which he said was ...': what was said is the rest of the relative clause
        return _Cand(src, (cs, ce), "right", pos, np.start, relative.start() + 1, region, False, cue, None, True)
    if cue in lex.knowing and (_first_word(unit, pos) not in lex.grammar.determiners | lex.grammar.pronouns | {"there"} or
                           not FINITE_AHEAD.match(unit, pos)):
        return None
    if NO_CONTENT.match(unit, pos) or cue in lex.cognition and \
            _first_word(unit, pos) not in lex.grammar.determiners | lex.grammar.pronouns:
        return None
    return _Cand(src, (cs, ce), "right", pos, left_end or np.start, clause, region, False, cue, name)


def _stance_cand(unit: str, src: tuple[int, int], cs: int, ce: int, np: Phrase, name: str | None, cue: str,
                 lex: Lexicon) -> _Cand | None:
    """'Kyiv agreed to swap 1,000 prisoners': the statement starts at the verb, which carries its state."""
    if not (unit[cs].islower() or (cs > np.mention_end and title_case(unit))) or NOUN_USE.match(unit, ce):
        return None  # 'Plan', 'the plan is ...': a noun, not a verb
    if PARTICLE.match(unit, ce) or (cue.startswith(("call", "term", "dub", "label")) and (
            re.search(r"\bwhat\s+$", unit[reach(unit, np.start):np.start]) or re.match(r"\s+in\b", unit[ce:]))):
        return None  # 'backed by', 'called into the show', 'backed out'; 'what he called "a breach"' names a thing
    subject = unit[np.start:np.mention_end].split()
    if re.search(r"['\u2019]s?$", subject[-1]) or re.search(r"\b[A-Z]\S*\s+[a-z]+ed\b", unit[np.start:np.mention_end]):
        return None  # "Trump's plans", 'Clinton enjoyed wide support'
    if subject[0].lower() in lex.grammar.determiners and len(subject) == 2 and subject[-1].lower() not in lex.anonymous and \
            ADJECTIVE.search(subject[-1]):
        return None  # 'a big question', 'the eventual appeals'
    verb = cue.split()[0]
    if not unit[np.end:cs].strip():  # no auxiliary: the cue's form must agree with its subject
        if len(subject) == 1 and subject[0].islower() and subject[0].lower() not in lex.grammar.pronouns and \
                verb.endswith("s") and not verb.endswith("ss"):
            return None  # 'mass protests', 'terrorist attacks': a noun after a noun
        if subject[0].lower() in SINGULAR and not verb.endswith(("s", "ed", "ing")):
            return None  # 'a signature issue': a plain form after 'a' is a noun
        if _plain(verb, lex) and not _plural(subject, lex):
            return None  # 'the party vote', 'Ruiz support': a plain form agrees with a plural subject only
    if subject[-1].lower() in lex.grammar.links:
        return None  # 'the court of appeals'
    if STANCE_WITHOUT_OBJECT.match(unit, ce):
        return None  # 'his ex-wife agreed, but ...', 'what Ruiz wants and ...': no object, no point of its own
    pos = _skip_fillers(unit, ce)
    return _Cand(src, (cs, ce), "right", cs, np.start, _clause_start(unit, np.start), (ce, pos), False, cue, name)


def _plain(verb: str, lex: Lexicon) -> bool:
    """A verb's plain form ('seek', 'oppose'): the stance list also holds its '-s' form."""
    return not verb.endswith(("ed", "ing")) and any(f in _stance(lex) for f in (verb + "s", verb + "es"))


def _plural(subject: list[str], lex: Lexicon) -> bool:
    """Does a subject take a plain verb: 'we', 'they', 'critics', 'Ruiz and Lee', 'most residents', '40 percent'?"""
    g = lex.grammar
    head = subject[-1].lower().rstrip(".,")
    return head in g.relative_subjects - g.male - g.female or (head.endswith("s") and not head.endswith(("ss", "'s", "\u2019s"))) or \
        any(w.lower() in ("and", "&") or w[:1].isdigit() for w in subject)


def _first_word(unit: str, pos: int) -> str:
    m = re.match(r"\s*([\w'\u2019]+)", unit[pos:pos + 40])
    return m.group(1).lower() if m else ""


def _skip_fillers(unit: str, pos: int) -> int:
    """Where a cue's object or content starts, past up to MAX_FILLERS phrases of time, place or manner ('said on
    Friday in Kyiv')."""
    for _ in range(MAX_FILLERS):
        f = FILLER.match(unit, pos)
        if not f or f.end() == pos:
            break
        pos = f.end()
    return pos


def _inherited(unit: str, cs: int, ce: int, cue: str, stance: bool = False) -> _Cand | None:
    """'... and said the talks had failed': the speaker of the clause before (filled in by attribute())."""
    if stance:
        return _Cand(INHERIT, (cs, ce), "right", cs, cs, max(0, unit.rfind(" ", 0, cs - 1)), (ce, ce), False, cue)
    pos = ce
    t = THAT.match(unit, pos) or OPENER.match(unit, pos) or COLON.match(unit, pos)
    pos = t.end() if t else pos
    if END_ONLY.match(unit, pos) or NO_CONTENT.match(unit, pos):
        return None
    and_at = unit.rfind(" ", 0, cs - 1)
    return _Cand(INHERIT, (cs, ce), "right", pos, cs, max(0, and_at), (ce, pos), False, cue)


def _close_before(before: str) -> re.Match[str] | None:
    """CLOSE_BEFORE.search(before), tried only where the text ends with a mark the pattern ends with (it is anchored at
    the end: a search tries every position of up to LOOKBACK characters)."""
    return CLOSE_BEFORE.search(before) if before.rstrip()[-1:] in CLOSE_ENDS else None


def _left_end_at(before: str) -> int:
    m = _close_before(before)
    if not m:
        return len(before.rstrip())
    mark = before[m.start():m.end()].strip().lstrip(",").strip()
    return m.start() + (len(before[m.start():m.end()].rstrip()) if mark[:1] in "\u201d\"'" else 0)


def _starts_with_quote(unit: str, pos: int) -> bool:
    return bool(re.match(r"[\u201c\"\u201e\u00ab]|''", unit[pos:pos + 2]))


def _quote_follows(unit: str, pos: int) -> bool:
    """'"A," he said. "B."': the quotation goes on after the attribution."""
    return bool(re.match(r"[^.!?\u201c\"]{0,80}[.,:]\s*(?:[\u201c\"\u201e]|'')", unit[pos:]))


def _left_content_end(unit: str, np_start: int) -> int | None:
    """Where content before the speaker ends: '"...," SOURCE said' / '..., SOURCE said'."""
    lo = reach(unit, np_start)
    before = unit[lo:np_start]
    m = _close_before(before)
    if not m or len(before[:m.start()].strip(" \u201c\"'")) < 8:
        return None
    return lo + _left_end_at(before)


def _clause_start(unit: str, np_start: int) -> int:
    lo = reach(unit, np_start)
    before = unit[lo:np_start]
    # CLAUSE_JOIN is anchored at the end and holds JOIN_MARKS characters but white space at most: when the last
    # JOIN_REACH characters hold more, its match starts among them, and the search need not try the ones before
    tail = len(before) > JOIN_REACH and len("".join(before[-JOIN_REACH:].split())) > JOIN_MARKS
    m = CLAUSE_JOIN.search(before, len(before) - JOIN_REACH) if tail else CLAUSE_JOIN.search(before)
    return lo + m.start() if m else np_start


def _according(unit: str, m: re.Match[str], toks: list[Token], lex: Lexicon) -> _Cand | None:
    phrase = m.group(1).lower()
    np = np_after(unit, m.end(), toks, lex, inverted=False)
    if not np:
        return None
    src = (np.mention_start, np.mention_end)
    at = m.start(1)
    if phrase == "per" and BLANK.match(unit, 0, at).end() < at:
        return None
    if OPENING_MARKS.match(unit, 0, at).end() == at:  # 'According to X, ...' opens the sentence
        comma = unit.find(",", np.end, np.end + 120)
        if comma < 0:
            return None
        return _Cand(src, (at, m.end()), "right", comma + 1, at, at, (0, 0), False, phrase)
    lo = reach(unit, at)
    head = unit[lo:at].rstrip()
    if not head.endswith((",", "(", "\u2014")):
        return None
    return _Cand(src, (at, m.end()), "left", len(unit), lo + len(head) - 1, at, (0, 0), False, phrase)


@lru_cache(maxsize=8)
def _opening_stance(lex: Lexicon) -> re.Pattern[str]:
    """'Bemoaning the cost, Ruiz ...', 'In defending the plan, Ruiz ...': a stance's '-ing' form opening the sentence."""
    return re.compile(r"\s*(?:(?:In|After|While|By|Despite)\s+)?(?i:(" + _alternation(_stance_ing(lex)) + r"))\b")


def _opening_participle(unit: str, m: re.Match[str], toks: list[Token], lex: Lexicon, stance: bool = False
                        ) -> _Cand | None:
    """'Claiming the pier was unsafe, Ruiz closed it': an opening speech participle speaks for the subject after its
    clause; a stance's statement starts at its verb ('Bemoaning the "rigged" count, Ruiz ...')."""
    comma = unit.find(",", m.end())
    if comma >= 0 and unit[comma + 1:comma + 2] in ("\u201d", '"'):
        comma += 1  # 'Bemoaning the "phony count," Ruiz ...': the quoted words close before the speaker
    opened = unit[m.end():comma + 1]
    if comma < 0 or NO_CONTENT.match(unit, m.end()) or opened.count("\u201c") != opened.count("\u201d") or \
            opened.count('"') % 2:
        return None
    np = np_after(unit, comma + 1, toks, lex, inverted=False)
    head = unit[np.mention_start:np.mention_end].split()[-1].lower() if np else ""
    if not np or not (is_name(unit, np, lex) or head in lex.grammar.pronouns or head in lex.anonymous):
        return None  # 'Claiming ..., Ruiz', '..., she', '..., the mayor'; not 'Asking around, we found
    return _Cand((np.mention_start, np.mention_end), (m.start(1), m.end(1)), "right", m.start(1) if stance else m.end(),
                 0, 0, (0, 0), False, m.group(1).lower(), stop=comma)


def _document_subject(unit: str, cs: int, toks: list[Token], lex: Lexicon) -> tuple[Phrase, None] | None:
    """A poll, study or analysis that opens the clause of its cue, however long its tail ('A Gazette analysis of
    funds that have raised $1 million shows ...', '..., a poll of voters taken last week found.')."""
    lo = reach(unit, cs)
    clause = max(unit.rfind(",", lo, cs), unit.rfind(";", lo, cs), unit.rfind(":", lo, cs), lo - 1) + 1
    for m in re.finditer(r"[\w%'\u2019-]+", unit[clause:cs]):
        word = m.group().lower()
        if word in lex.grammar.boundary and word not in ("that", "and"):
            return None  # '..., because the mayor showed ...': a clause of its own
        if word not in lex.documents:
            continue
        np = np_before(unit, clause + m.end(), toks, lex)
        tail = unit[np.end:cs] if np else ""
        if np and not unit[clause:np.start].strip() and np.mention_end == clause + m.end() and \
                not _patterns(lex)[0].search(tail) and not any(w in lex.grammar.pronouns for w in tail.lower().split()):
            return np, None  # not '... the impact it said ...', '... a poll found 74 percent said ...'
        return None
    return None


def _opening_speaker(unit: str, toks: list[Token], lex: Lexicon, pos: int | None = None) -> tuple[int, int] | None:
    """The speaker a sentence opens with when its verb is no regular form ('Residents have taken to the streets and
    called for ...', 'The council on Friday made a plea and urged ...'): a name, a pronoun or a source noun, then a
    word in lower case; from pos: the speaker opening a clause inside the sentence ('..., Ruiz revised her plan')."""
    if pos is None:
        intro = INTRO.match(unit) or OPENING_MODIFIER.match(unit)
        pos = intro.end() if intro else len(unit) - len(unit.lstrip())
        inside = False
    else:
        pos = CLAUSE_OPENER.match(unit, pos).end()
        inside = True
    np = np_after(unit, pos, toks, lex, inverted=False) or (
        np_after(unit, pos, toks, lex, inverted=True) if _first_word(unit, pos) in lex.grammar.pronouns else None)
    if not np:
        return None
    verb = re.match(r"(?:[A-Z][\w.'\u2019-]*\s+(?:and\s+)?)*[A-Z][\w.'\u2019-]*(?=\s+[a-z])", unit[np.mention_start:np.mention_end])
    if verb and unit[np.mention_start:np.mention_end].split()[-1].lower() not in lex.anonymous:
        # 'Ruiz and Lee call': the scanner read the verb into the name (but 'Central European leaders' is a phrase)
        np = Phrase(np.start, np.mention_start + verb.end(), np.mention_start, np.mention_start + verb.end())
    if not re.match(r"\s+[a-z]", unit[np.end:np.end + 2]):
        return None
    words = unit[np.mention_start:np.mention_end].split()
    head = words[-1].lower()
    if not (is_name(unit, np, lex) and (len(words) > 1 or inside) or head in lex.grammar.pronouns or
            head in lex.anonymous) or (len(words) == 1 and head in lex.grammar.determiners):
        return None  # one capitalised word may be the sentence's first word, not a name ('Perhaps', 'Keeps')
    return np.mention_start, np.mention_end


def _modified_name(unit: str, pos: int, lex: Lexicon) -> Phrase | None:
    """'said 9/11 widow Ana Ruiz': a name after a few lower-case or numeric modifiers the phrase scanner does not take."""
    m = MODIFIED_NAME.match(unit, pos)
    g = lex.grammar
    if not m or any(w.lower() in g.stop | g.prepositions | g.postmodifiers | g.boundary | g.determiners |
                    g.calendar_words for w in m.group(1).split()):
        return None
    end = m.end(2) - 1 if m.group(2).endswith(".") and len(m.group(2).split()[-1]) > 2 else m.end(2)  # 'Ruiz.'
    return Phrase(m.start(1), end, m.start(2), end)


def _clause_speaker(unit: str, at: int, toks: list[Token], lex: Lexicon) -> tuple[int, int] | None:
    """The speaker opening the comma-bounded clause that ends where a participle begins, or that holds it ('...,
    where she testified for saying ...'); not the sentence's first clause."""
    end = unit.rfind(",", 0, at)
    if unit[end + 1:at].strip(" \u201d\"'"):
        end = at  # 'for saying': the participle sits inside its clause
    start = unit.rfind(",", 0, end) if end > 0 else -1
    if start < 0 or QUOTE_MARK.search(unit, start, end):
        return None
    return _opening_speaker(unit, toks, lex, start + 1)


@lru_cache(maxsize=8)
def _named_stance(lex: Lexicon) -> re.Pattern[str]:
    """'with Ruiz backing the plan': a stance's '-ing' form right after a name."""
    return re.compile(r"(?<=[\w.)])\s+(" + _alternation(_stance_ing(lex)) + r")\b")


@lru_cache(maxsize=8)
def _stance_ing_openers(lex: Lexicon) -> frozenset[str] | None:
    return opening_words(_stance_ing(lex))


def _named_stances(unit: str, words: frozenset[str] | None, lex: Lexicon) -> list[re.Match[str]]:
    """_named_stance(lex).finditer(unit), tried only at the white space before a stance's first word (words: the
    unit's, as phrase_matches reads them): a match is that white space, then the stance."""
    openers = _stance_ing_openers(lex)
    lower = unit.lower()
    if words is None or openers is None or len(lower) != len(unit):
        return list(_named_stance(lex).finditer(unit))
    offsets = set()
    for at in word_offsets(lower, openers.intersection(words)):
        space = at
        while space > 0 and unit[space - 1].isspace():
            space -= 1
        if space < at:
            offsets.add(space)
    return matches_at(_named_stance(lex), unit, sorted(offsets))


def _named_participle(unit: str, m: re.Match[str], toks: list[Token], lex: Lexicon, stance: bool = False
                      ) -> _Cand | None:
    """'footage of Ruiz saying the pier was unsafe', 'a letter saying that ...': a speech verb's '-ing' form right after
    a name or a source noun speaks for it; a stance's statement starts at its verb ('with Ruiz backing the plan')."""
    np = np_before(unit, m.start(1), toks, lex)
    if not np or unit[np.end:m.start(1)].strip() or NO_CONTENT.match(unit, m.end()) or len(unit) - m.end() < 8:
        return None
    head = unit[np.mention_start:np.mention_end].split()[-1].lower()
    if not (is_name(unit, np, lex) or head in lex.anonymous) or head in lex.grammar.pronouns or \
            head in lex.grammar.be or head in lex.grammar.auxiliaries or \
            unit[np.mention_start:np.mention_end] in lex.grammar.calendar_words or not unit[:np.mention_start].strip():
        return None  # 'was saying' is a cue of its own; 'tweets early Friday saying': a day is no speaker; a unit
        # that opens with the phrase has no verb of its own ('Keeps saying ...' is a headline's verb)
    before = re.search(r"(\w+)\s+$", unit[:np.start])
    if stance and before and before.group(1).lower() in lex.grammar.prepositions - {"with"}:
        return None  # 'a letter to Senate leaders opposing ...': the letter opposes, not its addressee
    with_clause = WITH_BEFORE.search(unit, 0, np.start)  # '..., with Ruiz backing it': a clause of its own
    return _Cand((np.mention_start, np.mention_end), (m.start(1), m.end(1)), "right", m.start(1) if stance else m.end(),
                 m.start(), with_clause.start() if with_clause else np.start, (m.end(1), m.end()), False,
                 m.group(1).lower())


def _passive_words(lex: Lexicon) -> tuple[list[str], list[str]]:
    """The auxiliaries and adverbs that may stand before and after the form of 'be' of a passive cue, and those forms
    (not "'s": 'is' or 'has')."""
    return ([w for w in lex.grammar.auxiliaries if " " not in w and w not in lex.clause_negation],
            [w for w in lex.grammar.be if w.isalpha()])


@lru_cache(maxsize=8)
def _passive_rx(lex: Lexicon) -> re.Pattern[str]:
    """'The plan was endorsed by the union': a cue's participle after a form of 'be', its agent after 'by'."""
    # speech verbs only: the agent of 'was targeted by' or 'was backed by' acted, it did not speak
    forms = {w.lower() for w in lex.cues if " " not in w and PARTICIPLE_FORM.search(w)}
    auxiliaries, be_forms = _passive_words(lex)
    be, words = _alternation(be_forms), _alternation(auxiliaries)
    return re.compile(rf"\b(?:(?:{words})\s+){{0,2}}(?:{be})\s+(?:(?:{words})\s+)?(" + _alternation(forms) + r")\s+by\s+")


@lru_cache(maxsize=8)
def _passive_openers(lex: Lexicon) -> frozenset[str] | None:
    """The words a _passive_rx match opens with, a whole word each: an auxiliary or a form of 'be'."""
    auxiliaries, be_forms = _passive_words(lex)
    return opening_words([*auxiliaries, *be_forms])


@lru_cache(maxsize=8)
def _passive_gate(lex: Lexicon) -> Gate:
    """Whether _passive_rx can match a unit with these words: its participle is one of them."""
    return Gate.of(w.lower() for w in lex.cues if " " not in w and PARTICIPLE_FORM.search(w))


def _passive(unit: str, m: re.Match[str], toks: list[Token], lex: Lexicon) -> _Cand | None:
    """The agent of a passive cue speaks; what it acted on is the content before ('The plan was endorsed by the union')."""
    np = np_after(unit, m.end(), toks, lex, inverted=False)
    if not np or unit[np.mention_start:np.mention_end].lower() in lex.grammar.pronouns | lex.grammar.object_pronouns:
        return None
    subject = np_before(unit, m.start(), toks, lex)
    start = subject.start if subject else 0
    if subject is None and (len(unit[:m.start()].split()) > PASSIVE_SUBJECT_WORDS or re.search(r"[,;:\u2014]",
                                                                                                unit[:m.start()])):
        return None  # no subject of its own: a clause before, not what the agent acted on
    # the whole clause is the statement: what was done and by whom ('approved by 60 senators' keeps its count)
    return _Cand((np.mention_start, np.mention_end), (m.start(1), m.end(1)), "left", len(unit), len(unit), start,
                 (0, 0), False, m.group(1).lower(), passive=True)


def _participles(unit: str, cands: list[_Cand], quotes: list[tuple[int, int]], subject: tuple[int, int] | None,
                 participles: list[tuple[re.Match[str], bool]],
                 clause_subject: Callable[[int], tuple[int, int] | None] = lambda at: None) -> list[_Cand]:
    """', adding that ...' continues the speaker of the attribution before it, or the subject of the clause it
    follows, or the sentence's subject; a stance's statement starts at its verb (', urging voters to ...')."""
    out = list(cands)
    taken = {c.cue[0] for c in cands}
    prior: _Cand | None = None  # the attribution nearest before the participle
    i = 0
    for m, stance in sorted(participles, key=lambda p: p[0].start()):
        while i < len(cands) and cands[i].cue[1] <= m.start():
            prior = cands[i] if prior is None or cands[i].cue[0] > prior.cue[0] else prior
            i += 1
        if _inside(m.start(), quotes) or m.start(1) in taken:
            continue
        region = (m.end(1), m.end())
        own = None if prior else clause_subject(m.start())
        if prior:
            src, name, region = prior.src, prior.name, prior.channel_region
        elif own:  # 'Chastened by ..., Ruiz revised her plan, promising ...': the clause's own subject
            src, name = own, None
        elif subject and subject[1] <= m.start():
            src, name = subject, None
        else:
            continue
        if len(unit) - m.end() < 8 or END_ONLY.match(unit, m.end()):
            continue
        prior = _Cand(src, m.span(1), "right", m.start(1) if stance else m.end(), m.start(), m.start(), region,
                      False, m.group(1).lower(), name)
        out.append(prior)
        taken.add(m.start(1))
    out.sort(key=lambda c: c.cue[0])
    return out


@lru_cache(maxsize=8)
def _question(lex: Lexicon) -> re.Pattern[str]:
    """A content that opens with a question put to its source ('Asked whether ...'): not the source's words."""
    return re.compile(r"\s*(?:" + _alternation(lex.questions) + r")\b", re.I) if lex.questions else re.compile(r"(?!)")


def _bounded(unit: str, cands: list[_Cand], channel_rx: re.Pattern[str],
             question_rx: re.Pattern[str] = re.compile(r"(?!)")) -> list[Attribution]:
    out: list[Attribution] = []
    stance: list[bool] = []
    for i, c in enumerate(cands):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        prv = cands[i - 1] if i > 0 else None
        if c.side in ("right", "both"):
            start = c.right
            end = len(unit)
            if nxt and nxt.clause > start and _opens_clause(unit, nxt):
                end = nxt.clause if nxt.side != "left" or nxt.src[0] < nxt.cue[0] else end
                if nxt.side == "left" and nxt.cue[0] > start and nxt.src[0] > nxt.cue[0]:
                    end = nxt.left  # '..., said X': the next speaker's own quotation
            if c.stop:
                end = min(end, c.stop)
            if c.side == "both":
                start = _left_start(unit, c, prv)
            if (c.name is not None and unit[c.src[0]:c.src[1]].lower() in ("who", "which") and c.src[0] > 0 and
                    ends_with(unit, c.src[0], ",")) or (c.relative and ends_with(unit, c.clause, ",")):
                close = RELATIVE_END.search(unit, start, end)  # 'The study, which notes that X, was ...'
                end = close.start() if close else end
        else:
            start = max(_left_start(unit, c, prv), c.clause if c.passive else 0)
            end = c.left
            if c.passive and nxt and nxt.cue[0] > c.cue[1] and nxt.clause > start:
                end = min(end, nxt.clause)  # '... criticized by residents, and the mayor said ...'
            if c.extend:
                end = len(unit)
                if nxt and nxt.cue[0] > c.cue[1]:
                    end = nxt.clause
        s, e = _trim(unit, start, end)
        if e - s < 8 or not WORD_CHAR.search(unit, s, e) or question_rx.match(unit, s):
            continue
        src_text = c.name or unit[c.src[0]:c.src[1]]
        a, b = c.channel_region
        channel = _channel(unit[a:b], channel_rx, c.cue_word) if b > a else None
        out.append(Attribution(s, e, src_text, c.src[0], c.src[1], unit[c.cue[0]:c.cue[1]].strip(), channel))
        stance.append(c.right == c.cue[0] and c.side == "right")
    # 'Kyiv agreed to ..., the ministry said': the stance is part of what the ministry said, not Kyiv's own word
    spoken = sorted((b.content_start, b.content_end) for b, st in zip(out, stance) if not st)
    starts = [s for s, _ in spoken]
    reach_end = list(accumulate((e for _, e in spoken), max))  # the furthest end of the contents starting so far
    kept = [a for a, st in zip(out, stance) if not (st and (k := bisect_right(starts, a.content_start)) and
                                                    reach_end[k - 1] >= a.content_end)]
    # 'Ruiz said she felt ..., she said.': two cues around one content are one statement, by its first speaker
    seen: set[tuple[int, int]] = set()
    out = []
    for a in kept:
        key = (a.content_start, a.content_start + len(unit[a.content_start:a.content_end].rstrip(CLOSING_TAIL)))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _opens_clause(unit: str, c: _Cand) -> bool:
    """Does this speaker start a clause of its own ('..., but an official said') rather than sit inside
    the previous content ('... what it calls ...')?"""
    if c.src == INHERIT or c.src[0] > c.cue[0] or c.src[1] < c.clause or c.cue_word == "according to":
        return True
    head = unit[max(0, c.clause - 3):c.src[0]]
    return bool(re.search(r"[,;:.!?\u201d\"\u2014]|\b(?:but|while|whereas|and|although|though|yet)\b", head))


def _left_start(unit: str, c: _Cand, prv: _Cand | None) -> int:
    start = 0
    if prv and prv.side == "left":
        start = max(prv.cue[1], prv.src[1])
    elif prv and prv.side == "right" and prv.right == prv.cue[0] and prv.cue[1] <= c.src[0]:
        start = prv.clause  # 'X agreed to ..., officials said': the stance is part of what they said
    elif prv and prv.cue[1] <= c.src[0]:
        # content that ends where this speaker's clause begins belongs to the earlier speaker
        start = 0 if prv.side == "right" and prv.right >= c.src[0] else prv.cue[1]
    return start


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,;:\u2014\u2013-":
        a += 1
    while b > a and text[b - 1] in " \t\n,;:.\u2014\u2013-(":
        b -= 1
    return a, b


def _channel(region: str, rx: re.Pattern[str], cue: str) -> str | None:
    m = rx.search(region)
    if m:
        return re.sub(r"\s+", " ", m.group(1))
    if cue.startswith(("told", "tells", "tell")):
        said_to = re.match(r"\s*(?:state|local|national|foreign)\s+(?:media|television|TV|radio|press)\b", region)
        if said_to:  # "told state media that ..."
            return re.sub(r"\s+", " ", said_to.group(0).strip())
    if cue.startswith(("told", "tells", "tell")) or re.match(r"\s*(?:in an interview with|speaking to)\b", region):
        told = re.match(r"\s*(?:in an interview with|speaking to)?\s*((?:The\s+)?[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3})",
                        region)
        if told and told.group(1) not in ("I", "The"):
            return told.group(1)
    return None


__all__ = ["Attribution", "attribute", "quote_regions"]
