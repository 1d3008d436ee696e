"""Document -> Statements: layout, sentences and quotes, attribution, figures, states, dates, events."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from factcheck.dates import DateMention, find_dates, parse_iso
from factcheck.extract.attribution import attribute
from factcheck.extract.claims import claim, event_reference
from factcheck.extract.durations import event_start, find_durations, gates as duration_gates
from factcheck.extract.frames import assign_frames
from factcheck.extract.layout import blocks
from factcheck.extract.quantities import find_quantities
from factcheck.extract.sentences import QUOTE_MARKS, quote_spans, units
from factcheck.extract.speakers import Speakers
from factcheck.extract.states import event_gate, event_nouns, event_word, find_event, find_statuses, state_gate
from factcheck.extract.superlatives import record_claim
from factcheck.extract.wording import read_words, wording
from factcheck.lexicon import Gate, Lexicon, word_char, words_of
from factcheck.model import STATEMENT_DEFAULTS, Document, Statement
from factcheck.places import Place, find_places

MAX_STATEMENT = 1200
CLOSING_MARK = re.compile(r"[,.;:!?]?[\u201d\"]")
CLAUSE_MARK = re.compile(r"[,;]\s")
HEADLINE_COPY_REACH = 40  # characters of date stamp that may stand before a repeated headline


class _Patterns(NamedTuple):
    hedge: re.Pattern[str]
    plan: re.Pattern[str]
    negated: re.Pattern[str]
    speaker_line: re.Pattern[str]  # "Ruiz added:", "The governor added:" on a line of its own
    hedge_gate: Gate  # whether hedge, plan and negated can match a statement with these words
    plan_gate: Gate
    negated_gate: Gate


def _words_rx(words: tuple[str, ...] | list[str]) -> str:
    """One alternation on word boundaries, longest first; "n't" is a contraction's ending ("didn't", "didn’t").

    Words in a row share one pair of boundary checks (\\b(?:would|will)\\b): a position inside a word fails
    once, not once per word."""
    alts: list[str] = []
    run: list[str] = []  # whole words since the last contraction ending

    def close_run() -> None:
        if run:
            alts.append(r"\b(?:" + "|".join(run) + r")\b")
            run.clear()

    for w in sorted(set(words), key=len, reverse=True):
        if w.startswith("n't"):
            close_run()
            alts.append(r"\Bn['\u2019]t" + re.escape(w[3:]).replace(r"\ ", r"\s+") + r"\b")
        else:
            run.append(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]"))
    close_run()
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> _Patterns:
    name = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    pronouns = "|".join(f"[{p[0].upper()}{p[0]}]{re.escape(p[1:])}" for p in sorted(lex.grammar.pronouns))
    definite = "|".join(sorted(lex.grammar.definite))  # 'The governor added:', 'His spokesman said:'
    return _Patterns(
        hedge=re.compile(_words_rx(lex.modality["hedge"]), re.I), plan=re.compile(_words_rx(lex.modality["plan"]), re.I),
        negated=re.compile(_words_rx(lex.clause_negation), re.I),
        speaker_line=re.compile(rf"^\s*({name}|{pronouns}|(?i:{definite})\s+[a-z]+)\s+{_words_rx(lex.cues)}"
                                rf"(?:\s+\w+){{0,3}}\s*:\s*$"),
        hedge_gate=Gate.of(lex.modality["hedge"]), plan_gate=Gate.of(lex.modality["plan"]),
        negated_gate=Gate.of(lex.clause_negation))


@lru_cache(maxsize=8)
def _rare_gate(lex: Lexicon) -> Gate:
    """Whether a statement with these words may name a state, an event, a duration or a start: the gates those
    readings open with, as one (most statements name none)."""
    return Gate.union((state_gate(lex), event_gate(lex), *duration_gates(lex)))


def extract(doc: Document, lex: Lexicon) -> list[Statement]:
    """Every statement of a story, with its span in the file's text (doc.offset added)."""
    text = doc.text
    published = parse_iso(doc.published)
    speakers = Speakers(lex, text)
    out: list[Statement] = []
    last_quote_speaker: tuple[str, str, int, int] | None = None
    sentence_no = 0
    if doc.speaker:
        name, kind = speakers.resolve(doc.speaker) or (doc.speaker, "person")
        return [_build(doc, text, 0, len(text), lex, published, sentence_no, "body",
                       (name, kind, None, None), None, doc.channel, bool(QUOTE_MARKS.match(text.lstrip())))]
    layout = blocks(text, lex)
    headline = next((text[b.start:b.end].strip() for b in layout if b.role == "headline"), "")
    speaker_line = _patterns(lex).speaker_line
    block_speaker = None  # 'The governor added:' on a line of its own, before an unquoted block of his words
    for block in layout:
        if block.role in ("boilerplate", "subhead"):
            continue
        said, block_speaker = block_speaker, None
        bs = block.start + len(text[block.start:block.end]) - len(text[block.start:block.end].lstrip())
        if said and block.role == "body" and not QUOTE_MARKS.match(text, bs) and block.end - bs <= MAX_STATEMENT:
            sentence_no += 1
            out.append(_build(doc, text, bs, block.end, lex, published, sentence_no, "body", said, None, None, True))
            continue
        quotes = quote_spans(text, block.start, block.end)
        paragraph_attributed = False
        for us, ue, role in _headline_copies(units(text, block.start, block.end, quotes), text, headline, block.role):
            unit = text[us:ue]
            sentence_no += 1
            vocab, parts = read_words(unit)  # the unit's words, read once for attribution, speakers and statements
            found = attribute(unit, lex, vocab)
            for a in found:
                resolved = speakers.resolve(a.source or "", unit[a.content_start:a.content_end])
                # unresolved ('he' with no one in reach, 'an official'): the mention as written, anonymous
                name, kind = resolved or (_as_written(a.source or ""), "anonymous")
                cs, ce = us + a.content_start, us + a.content_end
                is_quote = _is_quote(quotes, cs, ce)
                said_on = _said_on(f"{text[us:cs]} {text[ce:ue]}", published)
                out.append(_build(doc, text, cs, ce, lex, published, sentence_no, role,
                                  (name, kind, us + a.source_start, us + a.source_end), a.cue, a.channel, is_quote,
                                  said_on, (us, ue, vocab, parts)))
                paragraph_attributed = True
                if is_quote:
                    last_quote_speaker = (name, kind, us + a.source_start, us + a.source_end)
            speakers.observe(unit, vocab)
            if found and out and out[-1].sentence == sentence_no:  # a statement of this unit (the last ones are)
                continue
            line = speaker_line.match(unit) if unit.rstrip().endswith(":") else None  # the pattern ends so
            if line and not found:
                # "Ruiz added:" introduces the quotation that follows, in this paragraph or the next
                resolved = speakers.resolve(line.group(1))
                if resolved:
                    last_quote_speaker = (*resolved, us + line.start(1), us + line.end(1))
                    paragraph_attributed = False
                    if text[block.start:block.end].strip() == unit.strip():  # the line is a paragraph of its own
                        block_speaker = last_quote_speaker
                    continue
            starts_with_quote = bool(QUOTE_MARKS.match(unit.lstrip()))
            if (starts_with_quote and last_quote_speaker and not paragraph_attributed and not found
                    and (said or _continues(text, block.start, quotes))):
                # its own unresolved 'she said' is not the last speaker; after 'Ruiz added:' the block is hers
                # the mention that named the speaker, a paragraph or so earlier
                out.append(_build(doc, text, us, ue, lex, published, sentence_no, role, last_quote_speaker,
                                  None, None, True, within=(us, ue, vocab, parts)))
                continue
            out.append(_build(doc, text, us, ue, lex, published, sentence_no, role, None, None, None,
                              _is_quote(quotes, us, ue), within=(us, ue, vocab, parts)))
        if not paragraph_attributed and not quotes and not (text[block.start:block.end].rstrip().endswith(":") and
                                                           speaker_line.match(text[block.start:block.end].strip())):
            last_quote_speaker = None
    return assign_frames(out, lex, _dateline_places(text, layout, lex))


def _headline_copies(spans: list[tuple[int, int]], text: str, headline: str, role: str
                     ) -> list[tuple[int, int, str]]:
    """A page that lost its line breaks repeats the headline at the start of the body, glued to the first
    sentence ('12 May 2016 Two Killed in Shelling of Aleppo Two people were killed ...'): that copy is the
    headline, not the lead."""
    out = []
    for us, ue in spans:
        at = text.find(headline, us, min(ue, us + HEADLINE_COPY_REACH + len(headline))) if len(headline) >= 20 else -1
        if role == "body" and at >= 0:
            cut = at + len(headline)
            rest = cut + len(text[cut:ue]) - len(text[cut:ue].lstrip(" .:-\u2013\u2014"))
            out.append((us, cut, "headline"))
            if rest < ue:
                out.append((rest, ue, role))
            continue
        out.append((us, ue, role))
    return out


def _dateline_places(text: str, layout: list, lex: Lexicon) -> list[Place]:
    """Places in the dateline before the story's first body paragraph ('ALEPPO, Syria (Reuters) -')."""
    end = 0
    for block in layout:
        if block.role == "body":
            gap = text[end:block.start].lstrip()
            return [m.place for m in find_places(gap, lex.locative, lex.place_nouns, lex.place_modifiers)] if gap else []
        end = block.end
    return []


def _said_on(words: str, published) -> DateMention | None:
    """The day the attribution names ('the ministry said on Monday that ...'): the statement's day when its
    own words name none."""
    return next((d for d in find_dates(words, published) if d.kind == "day"), None)


def _as_written(mention: str) -> str:
    """An unresolved mention ('the mayor') as a source name: as written, sentence case."""
    m = re.sub(r"\s+", " ", mention.strip(" ,\u201c\u201d\"'"))
    return m[:1].lower() + m[1:] if m[:4] in ("The ", "A ", "An ") else m


def _first_clause_end(text: str) -> int:
    """Where the main clause ends: the first comma or semicolon after a few words (dates after it belong
    to side clauses: '..., with more due to be released on Saturday')."""
    m = CLAUSE_MARK.search(text, 20)
    return m.start() if m else len(text)


def _continues(text: str, start: int, quotes: list[tuple[int, int]]) -> bool:
    """A paragraph that opens with a quote and names nobody continues the previous speaker."""
    return bool(quotes) and quotes[0][0] - start <= 1


def _is_quote(quotes: list[tuple[int, int]], s: int, e: int) -> bool:
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes)
    return inside >= 0.6 * max(1, e - s)


def _build(doc: Document, text: str, s: int, e: int, lex: Lexicon, published, sentence_no: int, role: str,
           source: tuple[str, str, int | None, int | None] | None, cue: str | None, channel: str | None,
           quote: bool, said_on: DateMention | None = None,
           within: tuple[int, int, frozenset[str] | None, list[str] | None] | None = None) -> Statement:
    """within: the span of the unit the statement lies in, its words and word runs (read_words), read already."""
    e = _past_closing_mark(text, s, e)
    content = text[s:e][:MAX_STATEMENT]
    # its words, read once: the word lists skip a statement without any of theirs
    vocab = _words_within(text, s, s + len(content), within)
    parts = within[3] if within and within[:2] == (s, s + len(content)) else None  # the unit's, when it is the unit
    dates = find_dates(content, published, vocab)
    days = [d for d in dates if d.kind == "day"]
    first_clause = _first_clause_end(content) if days else 0  # (read for its days only)
    own_days = [d for d in days if d.start < first_clause]
    main_days = own_days or ([said_on] if said_on else [])
    date = main_days[0].iso if main_days else (published.isoformat() if published else None)
    quantities = find_quantities(content, lex, dates, date, vocab)
    if _rare_gate(lex).may_match(vocab):
        statuses, nouns = find_statuses(content, lex, vocab), event_nouns(content, lex, vocab)
        durations, began = tuple(find_durations(content, lex, vocab)), event_start(content, lex, vocab)
    else:  # what each of these finds where its own gate says no
        statuses, nouns, durations, began = [], [], (), None
    event = find_event(content, lex, [q.action for q in quantities], nouns)
    rx = _patterns(lex)
    modality = ("hedge" if rx.hedge_gate.may_match(vocab) and rx.hedge.search(content) else
                "plan" if rx.plan_gate.may_match(vocab) and rx.plan.search(content) else "fact")
    negated = rx.negated_gate.may_match(vocab) and bool(rx.negated.search(content))
    name, kind, ss, se = source if source else (None, None, None, None)
    off = doc.offset
    words = wording(content, quote, vocab, parts)
    claimed, negations = claim(words.words, lex)
    values = STATEMENT_DEFAULTS.copy()  # the fields not set here at their defaults
    values.update(
        text=content, start=off + s, end=off + s + len(content), source=name, source_kind=kind,
        source_start=None if ss is None else off + ss, source_end=None if se is None else off + se,
        cue=cue, channel=channel, date=date, date_text=main_days[0].text if main_days else None,
        date_at=own_days[0].start if own_days else None, quote=quote, modality=modality, role=role, sentence=sentence_no,
        event=event, event_word=event_word(content, event, lex, nouns) if event else None,
        record=record_claim(content, event, lex) if event else None,  # each reads its event: none without one
        event_reference=event_reference(words.words, event, lex) if event else None, quantities=tuple(quantities),
        statuses=tuple(statuses), negated=negated, claim=claimed, negations=negations, **words._asdict(),
        durations=durations, began=began)
    return Statement.restored(values)



def _words_within(text: str, s: int, e: int, within: tuple[int, int, frozenset[str] | None, list[str] | None] | None
                  ) -> frozenset[str] | None:
    """The words (words_of) of text[s:e] as the gates and word lists read them, which only ask whether a word may
    stand in it: a few words more cost a search, never a finding. So a statement that lies in its unit and starts
    and ends between words takes the unit's words, read once; any other reads its own."""
    if within:
        us, ue, vocab, _ = within
        if (s, e) == (us, ue) or us <= s and e <= ue and _between_words(text, s) and _between_words(text, e):
            return vocab
    return words_of(text[s:e])


def _between_words(text: str, at: int) -> bool:
    """Does no word (\\w run) run across this offset?"""
    return not (0 < at < len(text) and word_char(text[at - 1]) and word_char(text[at]))


def _past_closing_mark(text: str, s: int, e: int) -> int:
    """A clause cut at the comma inside a quotation ('had been \u201ccompleted,\u201d but ...') ends after the
    closing mark, so the quotation is shown whole."""
    opened = text.count("\u201c", s, e) + text.count("\u201e", s, e) - text.count("\u201d", s, e)
    straight = text.count('"', s, e) % 2
    if opened <= 0 and not straight:
        return e
    m = CLOSING_MARK.match(text, e)
    return m.end() if m else e


def statement_from_text(doc: Document, text: str, source: str | None, channel: str | None, lex: Lexicon) -> Statement:
    """A statement typed by hand: the whole text, attributed as given."""
    resolved = Speakers(lex).resolve(source) if source else None
    kind = resolved[1] if resolved else ("person" if source else None)
    return _build(doc, text, 0, len(text), lex, parse_iso(doc.published), 0, "body",
                  (source, kind, None, None) if source else None, None, channel, bool(QUOTE_MARKS.search(text)))
