"""Who speaks before a cue: the subject of 'Ruiz has said', 'Kiper, the governor, said', 'officials who said', the
name or pronoun a sentence opens with, and '... and said' (the previous clause's speaker, INHERIT)."""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.phrases import Phrase, Token, boundary_before, np_after, np_before, np_postmodified
from factcheck.lexicon import Lexicon

SPACES = re.compile(r"\s+")
# a mark, or '' or `` for a double mark (one set first, as sentences.QUOTE_MARKS)
QUOTE_MARK = re.compile(r"[\u201c\u201d\u201e\u00ab\u00bb\"'`](?:(?<=')'|(?<=`)`|(?<!['`]))")
END_ONLY = re.compile(r"[\s.!?,;:\u201d\"')\u2014\u2013-]*$")
INHERIT = (-1, -1)  # the source of '... and said': the previous clause's speaker, filled in later
INTRO_PHRASE = re.compile(r"\s*(?:In|At|During|After|Before|On|Following|Speaking|Since|Asked)\s[^,;:\u201c\u201d\"]*$")
# ', 82,' / ', R-Ky.,' / ', of Ashton, Md.,': ages, party tags and hometowns between a name and its verb
TRANSPARENT = re.compile(r"\s*(?:\d{1,3}|[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|of\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?|"
                         r"[A-Z][a-z]{1,4}\.)\s*$")
AFTER_QUOTE = re.compile(r"(?:[\u201d\"\u00bb\u2019]|'')\s+")
SENTENCE_END = re.compile(r"[.!?;]\s")
ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev|Capt|Adm|"
                         r"Maj|Del|Mt|Ft|Co|Corp|Inc|Ltd|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Calif|Fla|Ky|Md|Va|Pa|Wis|Ore|"
                         r"Mass|Conn|Ill|Mich|Minn|Tenn|Ariz|Colo|Ga|La|Wash|Tex|Okla|Neb|Nev|etc|[A-Z]\.[A-Z]))\.$")
# 'which he said were ...', 'what the senators said was ...': the speaker sits inside a relative clause
RELATIVE = re.compile(r"(?:^|[\s,(\u2014])(?:which|what|whom)\s+$", re.I)
PARTITIVE = re.compile(r"(?:^|[\s,(\u2014])((?:many|most|some|all|several|few|none|both|each|one|two|three|four|five|"
                       r"half|dozens|hundreds|thousands)\s+of\s+(?:whom|them))$", re.I)  # ', many of whom say'
# How far before a cue its speaker, appositions and the clause joint are looked for: a bound, so that a run of cues
# ('said said said ...') costs the same per cue however long the sentence.
LOOKBACK = 300
ARTICLES = frozenset({"a", "an", "the"})
OPENING_MODIFIER = re.compile(r"\s*[A-Z][a-z]+(?:ly|ed),\s*")  # 'Conversely, ...', 'Chastened, Ruiz ...'
LAST_WORDS = {n: re.compile(r"(?:^|\s)([\w'\u2019]+" + r"(?:\s+[\w'\u2019]+)" * (n - 1) + ")$") for n in (1, 2, 3)}
SPACED_HYPHEN = re.compile(r"\s-\s+$")  # 'is predictable - Ruiz has vowed ...': a dash typed as a hyphen
OWNER = re.compile(r"\w(?:['\u2019]s|s['\u2019])$")
CONTRACTED_BE = re.compile(r"(?<=\w)['\u2019]s$")
DASHED = re.compile(r"\s(--|\u2014|\u2013)$")  # a spaced dash closing an apposition
PAST = re.compile(r"^[a-z]+(?:ed|ght|wn|ne)\b")  # 'sought', 'promoted', 'called for', 'shown', 'gone'
YEAR_TAIL = re.compile(r"(?:^|\s)(?:in|since)\s+(?:19|20)\d\d$")


END_REACH = 60  # characters before the end in which a pattern anchored there is looked for first


def _at_end(rx: re.Pattern[str], words: str) -> re.Match[str] | None:
    """rx.search(words) for LAST_WORDS and YEAR_TAIL: patterns anchored at the end whose match can start at one place
    only, so it is looked for in the last END_REACH characters first (a search tries every position before it), then
    in the whole text. A text that does not end with a word character, an apostrophe or a newline holds none."""
    if not words or not (words[-1].isalnum() or words[-1] in "_'\u2019\n"):
        return None
    if len(words) > END_REACH:
        m = rx.search(words, len(words) - END_REACH)
        if m:
            return m
    return rx.search(words)


@lru_cache(maxsize=8)
def _time_ends(lex: Lexicon) -> frozenset[str]:
    """The words a phrase of time between a subject and its verb ends with ('this month', 'Friday morning')."""
    return frozenset(lex.grammar.time) | {"morning", "afternoon", "evening", "night"}


@lru_cache(maxsize=8)
def _auxiliary_ends(lex: Lexicon) -> frozenset[str]:
    """The last words of the auxiliaries of several words ('went on to'): only these end one."""
    return frozenset(a.split()[-1] for a in lex.grammar.auxiliaries if len(a.split()) > 1)


def _time_tail(words: str, lex: Lexicon) -> int | None:
    """Where a phrase of time between a subject and its verb starts ('the court this month rejected', 'the board on
    Friday pledged', 'who in 2010 said'); None when the words end with none."""
    m = _at_end(YEAR_TAIL, words) if words[-1:].isdigit() or words.endswith("\n") else None
    if m:
        return m.start()
    final = _at_end(LAST_WORDS[1], words)  # the last word, which the last two end with
    if not final or final.group(1).lower() not in _time_ends(lex):
        return None
    last = _at_end(LAST_WORDS[2], words) or final
    parts = last.group(1).split()
    g = lex.grammar
    if parts[-1].lower() in ("morning", "afternoon", "evening", "night") and len(parts) == 2:
        parts = parts[:1]
    if parts[-1].lower() not in g.time or parts[-1].lower() in ("time", "day", "days", "years"):
        return None
    if len(parts) == 2 and parts[0].lower() in ("this", "last", "earlier", "later", "on", "that", "early", "late"):
        return last.start(1)
    if len(parts) == 2 or parts[-1][:1].isupper():  # 'Ruiz Friday said': a weekday alone
        return last.start(1) + (len(last.group(1)) - len(parts[-1]) if len(parts) == 2 else 0)
    return None


INTRO = re.compile(r"\s*(?:(?:In|On|At|During|After|Before|Earlier|Later|Meanwhile|However|But|And|Still|Yet|"
                   r"Separately|Also|Speaking|Asked|Last|This|Since|Then|Now|Today|Yesterday)\b[^,;\u201c\"]{0,60},\s*)")


def subject_before(unit: str, cs: int, ce: int, cue: str, stance: bool, toks: list[Token],
                   lex: Lexicon) -> tuple[Phrase, str | None] | None:
    """The speaker before a cue ('Ruiz has said', 'Kiper, the governor, said', 'officials who said', '... and said'),
    with the name a relative 'who' stands for; None when the words before the cue name no speaker."""
    g = lex.grammar
    lo = reach(unit, cs)
    words = unit[lo:cs].rstrip()
    timed = _time_tail(words, lex)
    if timed is not None and timed > 0:
        words = words[:timed].rstrip()
    be = False
    contracted: Phrase | None = None  # "He's": a subject that shares its word with 'is'
    progressive = cue.split()[0].endswith("ing")  # 'is saying', 'was demanding': a form of 'be' carries the tense
    for _ in range(3):  # up to three auxiliaries and adverbs: 'had also repeatedly said', 'went on to say'
        final = _at_end(LAST_WORDS[1], words)  # the last word, which the last two or three end with
        m = next((m for m in (_at_end(LAST_WORDS[n], words) for n in (3, 2)) if m and
                  SPACES.sub(" ", m.group(1).lower()) in g.auxiliaries), None
                 ) if final and final.group(1).lower() in _auxiliary_ends(lex) else None
        m = m or final
        aux = SPACES.sub(" ", m.group(1).lower()) if m else ""
        if (stance or progressive) and not (aux in g.auxiliaries or aux in g.be) and CONTRACTED_BE.search(aux):
            words = words[:len(words) - len(CONTRACTED_BE.search(aux).group(0))]
            # "He's claiming": the subject and its 'is' in one word; "he's sought": a pronoun's 'has', before a
            # participle ("Ruiz's plans" is a possessive)
            be = progressive or not (aux[:-2] in g.pronouns | g.relative_subjects | {"who"} and PAST.search(cue))
            contracted = Phrase(lo + m.start(1), lo + len(words), lo + m.start(1), lo + len(words))
            continue
        if not (aux in g.auxiliaries or ((stance or progressive) and aux in g.be)):
            break
        if aux in lex.clause_negation:
            return None
        be = be or aux in g.be
        words = words[:m.start()].rstrip() if m.start() else ""
    # each pattern anchored at the end is tried only where the words end as it does (a search tries every position)
    if words.endswith(("not", "n't", "\n")) and re.search(r"(?:\bnot|n't)$", words):
        return None
    if stance and (be != progressive or END_ONLY.match(unit, ce)) or progressive and not be:
        return None  # 'was praised' is passive, a bare 'praising' or 'saying' no verb of its own
    name = None
    dash = DASHED.search(words) if words.endswith(("-", "\u2014", "\u2013", "\n")) else None
    if dash and not stance:  # 'Kall -- co-editor of a book on debates -- said': an apposition between dashes
        opening = words.rfind(dash.group(1), 0, dash.start())
        ante = np_before(unit, lo + len(words[:opening].rstrip()), toks, lex) if opening > 0 else None
        if ante and is_name(unit, ante, lex) and boundary_before(unit, ante.start, lex) and \
                not sentence_break(words[opening:dash.start()]):
            return ante, None
    if words.endswith(","):
        np = appositive_subject(unit, lo + len(words) - 1, toks, lex)
        if stance and np and unit[np.end:lo + len(words)].strip() == "," and not ends_with(unit, np.start, ","):
            return None  # 'His group, called the Harbor Fund, ...': a participle describing the noun
    elif words.endswith(("who", "which", "\n")) and re.search(r"(?:^|[\s,])(?:who|which)$", words) and \
            not (stance and words.endswith("which")):
        rel = lo + (m.start(1) if (m := re.search(r"(\w+)$", words)) else len(words))
        ante = np_before(unit, lo + len(unit[lo:rel].rstrip(" \t\n,-\u2014\u2013")), toks, lex)  # 'the study -- which
        if not ante or unit[ante.mention_start:ante.mention_end].lower() in g.pronouns:
            return None
        np, name = Phrase(rel, lo + len(words), rel, lo + len(words)), unit[ante.mention_start:ante.mention_end]
    elif words.endswith(("and", "but", "yet", "or", "\n")) and re.search(r"(?:^|[\s,])(?:and|but|yet|or)$", words):
        # "... and said", "..., yet refuses"
        np = Phrase(INHERIT[0], INHERIT[1], INHERIT[0], INHERIT[1])
    elif (words[-4:].lower() in ("whom", "them") or words.endswith("\n")) and (part := PARTITIVE.search(words)):
        np = Phrase(lo + part.start(1), lo + part.end(1), lo + part.start(1), lo + part.end(1))
    elif contracted:
        np = contracted if boundary_before(unit, contracted.start, lex) else None
    else:
        np = np_before(unit, lo + len(words), toks, lex)
        longer = np_postmodified(unit, lo + len(words), toks, lex)
        if longer and (np is None or longer.start < np.start):
            np = longer
        elif np and not stance and RELATIVE.search(unit, max(0, np.start - 8), np.start):
            pass
        elif np and cue.endswith(" that") and OWNER.search(unit, np.mention_start, np.mention_end):
            pass  # "... Nervo's conclusion that ...": the owner of the words, wherever the phrase stands
        elif np and not boundary_before(unit, np.start, lex) and not SPACED_HYPHEN.search(unit, reach(unit, np.start),
                                                                                           np.start):
            if np.mention_start > np.start and re.search(r"\b[a-z]+\s+$", unit[np.start:np.mention_start]) and \
                    np.mention_start <= LOOKBACK and INTRO_PHRASE.match(unit, 0, np.mention_start) and \
                    cue.endswith(("said", "says", "told", "ed")):
                np = Phrase(np.mention_start, np.mention_end, np.mention_start, np.mention_end)  # 'In a TV interview Ruiz said'
            elif not (unit[np.start:np.end].lower() in g.pronouns and
                      re.search(r"[A-Z0-9][\w.'\u2019-]*\s+$", unit[reach(unit, np.start):np.start])):
                np = None  # after a name or a number a subject pronoun opens its clause ('In an interview with RT he said')
    lone = unit[np.mention_start:np.mention_end].lower() if np and np.start >= 0 else ""
    if not np or lone in ARTICLES | g.definite - {"this", "that"}:
        return None  # 'The notes they took': a determiner alone names no one
    if np.start >= 0 and unit[np.mention_start:np.mention_end] in g.calendar_words:
        return None  # 'a poll released Friday shows': a day is no speaker
    if 0 <= np.mention_start < 40 and OPENING_MODIFIER.match(unit, np.mention_start) and \
            not unit[:np.mention_start].strip():
        return None  # 'Conversely, ...', 'Chastened, ...': an opening adverb or participle, not a name
    return np, name


def reach(unit: str, pos: int) -> int:
    """Where the look-back before pos starts: LOOKBACK characters back, at a word's start."""
    if pos <= LOOKBACK:
        return 0
    space = unit.find(" ", pos - LOOKBACK, pos)
    return space + 1 if space >= 0 else pos - LOOKBACK


def ends_with(unit: str, pos: int, marks: str | tuple[str, ...]) -> bool:
    """Does the text before pos, white space aside, end with one of the marks (looking back LOOKBACK at most)?"""
    return unit[reach(unit, pos):pos].rstrip().endswith(marks)


def unit_subject(unit: str, toks: list[Token], lex: Lexicon) -> tuple[int, int] | None:
    """The name or pronoun a sentence opens with ('Trump, in a speech, ...' / 'On Friday, she ...')."""
    intro = INTRO.match(unit) or OPENING_MODIFIER.match(unit)
    pos = intro.end() if intro else len(unit) - len(unit.lstrip())
    np = np_after(unit, pos, toks, lex, inverted=True)
    if not np:
        return None
    named = _name_before_verb(unit, np, lex)
    if named is np and not re.match(r"\s+(?:[a-z]+\s+){0,2}?[a-z]+(?:ed|s)\b|\s*,", unit[np.end:np.end + 40]):
        return None
    np = named
    text = unit[np.mention_start:np.mention_end]
    if text.split()[0].lower() in ("the", "a", "an") and len(text.split()) == 1:
        return None
    return np.mention_start, np.mention_end


def _name_before_verb(unit: str, np: Phrase, lex: Lexicon) -> Phrase:
    """'Ruiz spoke', read as one phrase by the inverted scanner: a lower-case word right after a name that is no
    noun the lexicon knows is the verb ('Ruiz spoke to ...'), so the subject ends with the name."""
    m = re.match(r"((?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*)\s+([a-z]+)$", unit[np.start:np.end])
    if not m or m.group(2) in lex.anonymous or m.group(2) in lex.grammar.stop:
        return np
    end = np.start + m.end(1)
    return Phrase(np.start, end, np.mention_start, min(np.mention_end, end))


def appositive_subject(unit: str, comma: int, toks: list[Token], lex: Lexicon) -> Phrase | None:
    """'Kiper, the governor of the region, said': the subject before up to three comma-separated appositions
    (ages and party tags such as ', 82,' or ', R-Ky.,' do not count; '"...," Kiper, the governor, said' too)."""
    best: Phrase | None = None
    pos = comma
    seen = 0
    for _ in range(6):
        prev = unit.rfind(",", max(0, pos - 200), pos)
        chunk_start = prev + 1 if prev >= 0 else 0
        chunk = unit[chunk_start:pos]
        if not TRANSPARENT.match(chunk):
            seen += 1
            opened = AFTER_QUOTE.match(chunk)
            if opened:  # '"...," Kiper, ...': the quotation before is content, the name opens the clause
                chunk_start += opened.end()
                chunk = unit[chunk_start:pos]
            if seen > 3 or QUOTE_MARK.search(chunk) or sentence_break(chunk):
                return best if best and boundary_before(unit, best.start, lex) else None
            np = np_before(unit, pos, toks, lex)
            lead = unit[chunk_start:np.start].split() if np else []
            if np and all(w.lower() in lex.grammar.boundary for w in lead):
                opens = opened or not ends_with(unit, np.start, ",")
                if opens and boundary_before(unit, np.start, lex):
                    return np if (is_name(unit, np, lex) or best is None) else best
                if best is None and is_name(unit, np, lex):
                    best = np
            if opened:
                break
        if prev < 0:
            break
        pos = prev
    return best if best and boundary_before(unit, best.start, lex) else None


def sentence_break(chunk: str) -> bool:
    """A sentence ends inside the chunk ('Mr. ', 'U.S. ' and initials do not end one)."""
    for m in SENTENCE_END.finditer(chunk):
        if chunk[m.start()] != "." or not ABBREVIATED.search(chunk, 0, m.start() + 1):
            return True
    return False


def is_name(unit: str, np: Phrase, lex: Lexicon) -> bool:
    words = unit[np.mention_start:np.mention_end].split()
    return bool(words) and words[-1][:1].isupper() and words[0].lower() not in lex.grammar.determiners
