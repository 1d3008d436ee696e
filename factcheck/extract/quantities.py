"""Figures in a statement: numbers, number words, vague amounts, fractions; hedges as intervals;
the counted noun, its category, 'each', the action, and the day.

Hedges come from rules/lexicon/hedges.toml as factors on the figure ("about 300" is [270, 330],
"more than 500" is [500, inf]). "So far" is not a hedge: "390 freed so far" is the exact count on the
statement's day; that the event may go on is carried by the date (daily figures) and by states ("more due").
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache

from factcheck.dates import MONTHS, DateMention
from factcheck.lexicon import Gate, Lexicon, number_matches, opening_words, phrase_matches, phrase_regex
from factcheck.model import PERCENT, Quantity

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9, "k": 1000}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1, "two-thirds": 2 / 3,
             "three-quarters": 0.75}
WORD = r"(?:" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + r")"
FIGURE = (r"(?<![\w$\u00a3\u20ac.,/:-])(?P<cur>[$\u00a3\u20ac])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
          r"(?:\s*(?P<scale>million|billion|thousand|bn|m)\b)?(?P<pct>\s*(?:%|percent\b|per cent\b))?(?![\w/:])(?!-\w)")
NUMBER = re.compile(
    FIGURE +
    rf"|(?<![\w-])(?P<word>{WORD}(?:[- ]{WORD})?(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?{WORD})?)?)(?![\w-])"
    r"|(?<![\w-])(?P<frac>(?:a|one|two|three)[- ](?:half|third|quarter|fifth|tenth|thirds|quarters|fifths))\s+of\b",
    re.I)
DIGIT = re.compile(r"\d")
# NUMBER for a text with no number word: its figures in digits only (the groups of the word forms never match)
DIGITS = re.compile(FIGURE + r"(?:(?P<word>(?!))(?P<frac>(?!)))?", re.I)
# a figure NUMBER finds without a digit opens with one of these as a word ('twenty-five', 'a third of')
FRACTION_WORDS = ("half", "third", "quarter", "fifth", "tenth", "thirds", "quarters", "fifths")
NUMBER_GATE = Gate.of([*UNITS, *TENS, *FRACTION_WORDS])
# a fraction ('a third of') opens with 'a', which stands everywhere: a text with one is searched whole
FRACTION_GATE = Gate.of(FRACTION_WORDS)
NUMBER_WORDS = frozenset([*UNITS, *TENS])  # the words NUMBER's word form opens with
FUNCTION_WORDS = {"and", "or", "of", "on", "in", "to", "by", "were", "was", "are", "is", "had", "have", "has", "with",
                  "for", "from", "at", "as", "than", "who", "which", "that", "each", "more", "were", "so", "far",
                  "them", "us", "whom", "those", "these", "it", "they", "we", "you", "other", "others",
                  # prepositions: "injured 31 along the coast" counts no "along"
                  "along", "across", "near", "after", "before", "during", "into", "over", "under", "around", "inside",
                  "outside", "since", "among", "amid", "between", "through", "throughout", "against", "about", "when",
                  "while", "where", "overnight", "there", "here", "last", "this", "but", "then", "including", "nationwide"}
PERSON_WORDS = {"people", "person", "men", "women"}
LEADING_WORDS = {"the", "a", "an", "all", "some", "only", "about", "nearly", "almost", "around", "more", "at", "its", "their",
                 "his", "her", "these", "those", "another", "each", "both", "and", "but", "of", "in", "on", "over", "under"}
MONTH_WORDS = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?$", re.I)
MONTH_AFTER = re.compile(rf"\s+(?:{'|'.join(MONTHS)})\b", re.I)
CLOCK_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|EST|ET\b|GMT)", re.I)
# what a number after it labels ("resolution 2118", "No. 5"): no count
LABELS = ("no.", "number", "#", "page", "article", "section", "chapter", "route", "room", "flight", "tel", "tel.",
          "magnitude", "category", "level", "grade", "size", "model", "version", "phase", "stage", "round", "code", "zone",
          "gate", "platform", "terminal", "district", "ward", "resolution", "resolutions")
LABEL_BEFORE = re.compile(r"(?:" + "|".join(map(re.escape, LABELS)) + r")\s*$", re.I)
LABEL_REACH = 12  # more characters than LABEL_BEFORE's longest word ('resolutions'), which ends where white space does
LISTED_AFTER = re.compile(r"\s*\d+\s*(?:,|and|or)\s*$")
YEAR_PREPOSITION = re.compile(r"\b(?:in|since|of|by|from|until|till|to|before|after|during|early|late|mid)\s*$", re.I)
NEXT_WORD = re.compile(r"\s+([a-z]+)")
NOUN_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'-]*)")
OF_NOUN = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?(?=[a-z])")
WORD_SPLIT = re.compile(r"[\s-]+")
LETTERS = re.compile(r"[a-z]+")
SPACES = re.compile(r"\s+")
DOZEN_FOLLOWS = re.compile(r"\s+(?:of\s+)?\w")
EACH_BEFORE = re.compile(r"\beach\b", re.I)
EACH_AFTER = re.compile(r"\s*each\b", re.I)
EACH_SIDE = re.compile(r"\b(?:by|from|for)\s+each\b|\beach\s+side\b|\bboth\s+sides\b", re.I)
JOINED = re.compile(r"\s+(?:or|and|and/or)\s+")
AND_BETWEEN = re.compile(r"\s*(?:and|or|,)\s*(?:\w+(?:ing|ed)\s+)?")  # "killed nine people and injured 31"
VERB_NOUN = re.compile(r"\s+(?:were|are|was|is)\s+([a-z]+)")
PERCENT_SIGN = re.compile(r"%|\bper\s?cent\b", re.I)


def singular(word: str) -> str:
    w = word.lower().strip(".,;:'\u2019")
    if w in ("people", "men", "women", "children", "servicemen", "police"):
        return {"people": "person", "men": "man", "women": "woman", "children": "child",
                "servicemen": "serviceman"}.get(w, w)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=8)
def _rx(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    hedge = re.compile(r"(?:^|\s)(" + "|".join(sorted((re.escape(h) for h in lex.hedges), key=len, reverse=True)) + r")\s*$", re.I)
    vague = phrase_regex(list(lex.vague))
    action = phrase_regex(list(lex.actions))
    return hedge, vague, action


@lru_cache(maxsize=8)
def _action_openers(lex: Lexicon) -> frozenset[str] | None:
    return opening_words(lex.actions)


@lru_cache(maxsize=8)
def _vague_gate(lex: Lexicon) -> Gate:
    return Gate.of(lex.vague)


def word_value(text: str) -> float | None:
    """'twenty-five' -> 25, 'three hundred' -> 300, 'two thousand and five' -> 2005."""
    total, current = 0.0, 0.0
    for w in WORD_SPLIT.split(text.lower()):
        if w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in ("hundred",):
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
    return total + current


def _figures(text: str, words: frozenset[str] | None) -> Iterator[re.Match[str]]:
    """NUMBER's matches: none without a digit or a number word; with a number word but no fraction, tried at the
    digits and number words only (number_matches); without a number word, from the first digit on (or the currency
    sign right before it), where the first can start."""
    if NUMBER_GATE.may_match(words):
        if FRACTION_GATE.may_match(words):
            return NUMBER.finditer(text)
        return iter(number_matches(NUMBER, text, words, NUMBER_WORDS))
    digit = DIGIT.search(text)
    if digit is None:
        return iter(())
    at = digit.start()
    return DIGITS.finditer(text, at - 1 if at and text[at - 1] in CURRENCY else at)


CURRENCY = "$\u00a3\u20ac"  # what NUMBER's 'cur' group takes


def find_quantities(text: str, lex: Lexicon, dates: list[DateMention], default_date: str | None,
                    words: frozenset[str] | None = None) -> list[Quantity]:
    """Every figure in a statement, offsets relative to the statement text. words: the statement's (words_of),
    when read already: a text with no digit, no number word and no vague quantity has no figure."""
    figures = list(_figures(text, words))
    vague = _vague_gate(lex).may_match(words)
    if not figures and not vague:
        return []  # most statements: nothing to read
    hedge_rx, vague_rx, action_rx = _rx(lex)
    # a bare year is left to _not_a_count: "in 2010" is a year, "the 2000 soldiers" a count
    taken = [(d.start, d.end) for d in dates if d.kind != "year"]
    lead = -1  # where the text's first word starts, read for the first number word
    found: list[tuple[int, int, float, float, str | None]] = []
    for m in figures:
        s, e = m.span()
        if any(a <= s < b for a, b in taken):
            continue
        if m["num"]:
            raw = m["num"].replace(",", "")
            value = float(raw + (m["dec"] or ""))
            if m["scale"]:
                value *= SCALES[m["scale"].lower()]
            if _not_a_count(text, m, value, lex):
                continue
            low = high = value
            if text[e:e + 1] == "+":  # "20+ killed": twenty or more
                high, e = math.inf, e + 1
        elif m["word"]:
            if lead < 0:
                lead = len(text) - len(text.lstrip())
            if _word_excluded(text, m, lead):
                continue
            v = word_value(m["word"])
            if v is None:
                continue
            low = high = v
        else:
            frac = m["frac"].lower().replace("-", " ").split()
            num = UNITS.get(frac[0], 1)
            value = num * FRACTIONS.get(frac[1].rstrip("s"), 0)
            low = high = value
            e = s + len(m["frac"])
        found.append((s, e, low, high, None if not m["frac"] else "fraction"))
    for m in vague_rx.finditer(text) if vague else ():
        s, e = m.span()
        if any(a < e and s < b for a, b, *_ in found) or any(a < e and s < b for a, b in taken):
            continue
        low, high = lex.vague[SPACES.sub(" ", m.group(0).lower())]
        if m.group(0).lower() in ("dozen", "a dozen") and not DOZEN_FOLLOWS.match(text, e):
            continue
        found.append((s, e, low, high, "vague"))
    if not found:
        return []
    found.sort()
    actions = [(m.start(), m.end(), lex.actions[SPACES.sub(" ", m.group(0).lower())])
               for m in phrase_matches(action_rx, text, words, _action_openers(lex))]
    out = []
    for s, e, low, high, kind in found:
        hedge = None
        hm = hedge_rx.search(text[max(0, s - 20):s])
        if hm:
            prev = LETTERS.findall(text[max(0, s - 40):s - (len(text[max(0, s - 20):s]) - hm.start(1))].lower())
            if hm.group(1).lower() == "over" and prev and (f"{prev[-1]} over" in lex.actions
                                                           or prev[-1] in ("hand", "hands", "took", "take")):
                hm = None  # "handed over 303": a phrasal verb, not a hedge
        if hm and kind != "vague":
            hedge = hm.group(1).lower()
            lo_f, hi_f = lex.hedges[SPACES.sub(" ", hedge)]
            s0 = s - (len(text[max(0, s - 20):s]) - hm.start(1))
            low, high = low * lo_f, (math.inf if math.isinf(hi_f) else high * hi_f)
            s = s0
        elif kind == "vague" and high > 0:
            hedge = "vague"
        noun, end = _noun(text, e, lex)
        if noun is None and kind in ("vague", "fraction"):
            of = OF_NOUN.match(text, end)  # "dozens of civilians", "a fifth of the country"
            if of:
                noun, end = _noun(text, of.end(), lex)
                end = end if noun else e
        if noun in lex.not_counted or (noun and singular(noun) in lex.not_counted):
            continue  # a span of time or a measurement, not a count ("three years")
        noun_action = lex.actions.get(noun or "")
        if noun_action:  # "a toll of 36 dead": the word after the figure is what happened to them
            noun = None
        category = lex.categories.get(noun) if noun else None
        clause = _clause(text, s, end)
        own = noun_action or _own_verb(text, end, actions, lex)
        if high == 0 and not own:
            continue  # "no" counts only what its own noun or verb says happened: not "no evidence that 14 died"
        action = own or _action(clause, s, end, actions)
        whole = _combined(text, clause, end, actions, lex)
        if whole:  # "40 people were killed or wounded": the whole the actions add up to
            category, action = whole, None
        out.append(Quantity(
            text=text[s:end].strip(), low=low, high=high, noun=noun, category=category,
            each=_each(text, clause, s, end), action=action, hedge=hedge,
            start=s, end=end, date=_date_for(dates, clause, s, end, default_date)))
    if not out:  # most statements: no figure to mark, join or reckon
        return out
    return _shares(_reckoned(text, _ranges(text, _mark_parts(text, out, lex)), lex, words))


def _shares(qs: list[Quantity]) -> list[Quantity]:
    """A figure written with '%' or 'percent' is a share: its unit says so (shares do not add up as counts)."""
    return [_replace(q, unit=PERCENT) if PERCENT_SIGN.search(q.text) else q for q in qs]


def _ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """'from about 500 to some 1,300', 'between 40 and 60': one figure, the interval between its ends."""
    out: list[Quantity] = []
    for q in qs:
        # the low end may stand one figure back, past an aside: "from about 500 to - by one account - some 1,300"
        low = next((j for j in range(len(out) - 1, max(len(out) - 3, -1), -1)
                    if RANGE_BETWEEN.fullmatch(text, out[j].end, q.start) and RANGE_OPENS.search(text, 0, out[j].start)),
                   None)
        if low is not None:
            prev = out[low]
            del out[low:]
            out.append(_replace(prev, text=text[prev.start:q.end].strip(), high=max(q.high, prev.high), end=q.end,
                                hedge="range", noun=prev.noun or q.noun, category=prev.category or q.category))
            continue
        out.append(q)
    return out


def _reckoned(text: str, qs: list[Quantity], lex: Lexicon, words: frozenset[str] | None = None) -> list[Quantity]:
    """A figure counted over a span, or revised upward, is not one day's count (lexicon [reckoning]). words: the
    text's (words_of), when read already: a clause (ending at a mark) holds a span only where the text does."""
    if not qs or not (lex.running or lex.updates or lex.additions):
        return qs
    running, update, addition = _reckoning_rx(lex)
    spans = _running_gate(lex).may_match(words)
    bound = _bound_rx(lex)
    out = []
    for q in qs:
        if q.role in ("figure", "total") and addition.search(text[max(0, q.start - 20):q.start]):
            q = _replace(q, role="addition")
        elif q.role == "figure":
            clause = _clause(text, q.start, q.end)
            if update.search(text[max(clause[0], q.start - 30):q.start]):
                q = _replace(q, role="update")
            elif spans and any(not bound.search(text, min(m.end(), q.end), max(m.start(), q.start))
                               for m in running.finditer(text, clause[0], clause[1])):
                q = _replace(q, role="running")  # a span past a subordinator ('... after 17 were killed') is the other clause's
        out.append(q)
    return out


@lru_cache(maxsize=8)
def _reckoning_rx(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    never = re.compile(r"(?!)")
    return (phrase_regex(list(lex.running)) if lex.running else never,
            phrase_regex(list(lex.updates)) if lex.updates else never,
            re.compile(phrase_regex(list(lex.additions)).pattern + r"\s*$", re.I) if lex.additions else never)


@lru_cache(maxsize=8)
def _running_gate(lex: Lexicon) -> Gate:
    return Gate.of(lex.running)


@lru_cache(maxsize=8)
def _bound_rx(lex: Lexicon) -> re.Pattern[str]:
    return phrase_regex(list(lex.running_bounds)) if lex.running_bounds else re.compile(r"(?!)")


def _not_a_count(text: str, m: re.Match[str], value: float, lex: Lexicon) -> bool:
    raw = m["num"]
    before = text[max(0, m.start() - 12):m.start()]
    if "," not in raw and not m["dec"] and not m["scale"] and not m["cur"] and not m["pct"] and 1800 <= value <= 2100:
        nxt = NEXT_WORD.match(text, m.end())  # "2000 soldiers" is a count, "in 2000 soldiers ..." a year
        counted = nxt and (nxt.group(1) in lex.categories or singular(nxt.group(1)) in lex.categories)
        if not counted or YEAR_PREPOSITION.search(before):
            return True
    if MONTH_WORDS.search(before.strip()) or MONTH_AFTER.match(text, m.end()):
        return True  # a day of the month
    if CLOCK_AFTER.match(text, m.end()):
        return True
    if _label_at_end(before):
        return True  # "resolution 2118"
    window = text[max(0, m.start() - 40):m.start()]
    if window.rstrip().endswith((",", "and", "or")):  # where LISTED_AFTER can match: it ends so, white space aside
        window = LISTED_AFTER.sub("", window)
    return _label_at_end(window)  # "resolutions 2118 and 2235"


def _label_at_end(words: str) -> bool:
    """LABEL_BEFORE.search(words), looked for where its match can start only: the word before the trailing white space.
    A match is a label ending where that white space begins; in ASCII, lower case tells each as the pattern does."""
    if words.isascii():
        return words.rstrip().lower().endswith(LABELS)
    return LABEL_BEFORE.search(words, max(0, len(words.rstrip()) - LABEL_REACH)) is not None


def _word_excluded(text: str, m: re.Match[str], lead: int) -> bool:
    """A number word that is part of a name ('World War Two') or a pronoun-like 'one'."""
    window = text[max(0, m.start() - 40):m.start()].rstrip()
    words = window.split()
    prev = words[-1] if words else ""
    first_word = max(0, m.start() - 40) + len(window) - len(prev) <= lead
    if prev[:1].isupper() and not prev.endswith((".", ":")) and prev.lower() not in LEADING_WORDS and not first_word:
        return True  # a name: "World War Two"
    if m["word"].lower() == "one":
        nxt = NEXT_WORD.match(text, m.end())
        if not nxt or nxt.group(1) in FUNCTION_WORDS or nxt.group(1) in ("another", "day", "time", "way", "thing"):
            return True
    return False


def _noun(text: str, end: int, lex: Lexicon) -> tuple[str | None, int]:
    """The counted noun after a figure, through up to three modifiers: '205 captured soldiers' -> soldier."""
    pos = end
    first: tuple[str, int] | None = None
    for i in range(4):
        m = NOUN_WORD.match(text, pos, min(len(text), pos + 40))
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if low in FUNCTION_WORDS:
            break
        pos = m.end()
        sing = singular(low)
        if low in lex.categories or sing in lex.categories:
            longer = category_phrases(lex).match(text, m.start(1))  # "84 prisoners of war each": the whole noun
            return sing, max(pos, longer.end() if longer else pos)
        if i == 0 and low in lex.not_counted:
            return sing, pos
        if first is None and not low.endswith(("ed", "ing")) and word[:1].islower():
            first = (sing, pos)
    return first if first else (None, end)


def _multi_categories(lex: Lexicon) -> list[str]:
    """Category nouns of several words ('prisoners of war', 'service members'), and their plurals."""
    multi = [w for w in lex.categories if " " in w]
    return multi + [w + "s" for w in multi if not w.endswith("s")]


@lru_cache(maxsize=8)
def category_phrases(lex: Lexicon) -> re.Pattern[str]:
    """Category nouns of several words ('prisoners of war', 'service members')."""
    phrases = _multi_categories(lex)
    return phrase_regex(phrases) if phrases else re.compile(r"(?!)")


@lru_cache(maxsize=8)
def category_openers(lex: Lexicon) -> frozenset[str] | None:
    """The words category_phrases open with (opening_words): it is tried where they stand only."""
    return opening_words(_multi_categories(lex))


def _clause(text: str, s: int, e: int) -> tuple[int, int]:
    """The clause around text[s:e]: from the mark before it (, ; : ( \u2014) to the mark after it (, ; ) \u2014)."""
    left = max(text.rfind(",", 0, s), text.rfind(";", 0, s), text.rfind(":", 0, s), text.rfind("(", 0, s),
               text.rfind("\u2014", 0, s))
    rights = [i for i in (text.find(",", e), text.find(";", e), text.find(")", e), text.find("\u2014", e)) if i >= 0]
    return left + 1, min(rights) if rights else len(text)


def _each(text: str, clause: tuple[int, int], s: int, e: int) -> bool:
    return bool(EACH_BEFORE.search(text, clause[0], s) or EACH_AFTER.match(text, e, clause[1])
                or EACH_SIDE.search(text, e, min(clause[1], e + 40)))


def _own_verb(text: str, end: int, actions: list[tuple[int, int, str]], lex: Lexicon) -> str | None:
    """An action right after the figure, past auxiliaries only: '... killed and 10 others have been injured'."""
    after = next((a for a in actions if a[0] >= end), None)
    if after is None or after[0] - end > 40:
        return None
    gap = LETTERS.findall(text[end:after[0]].lower())
    # past an included part too: "left 35 people including 22 children dead"
    included = bool(gap) and gap[0] in lex.breakdown.get("partial", ()) \
        and all(w in UNITS or w in TENS or singular(w) in lex.categories for w in gap[1:])
    return after[2] if (included or all(w in lex.auxiliaries or singular(w) in lex.categories for w in gap)) \
        and not text[end:after[0]].strip(" ").startswith(",") else None


def _action(clause: tuple[int, int], s: int, e: int, actions: list[tuple[int, int, str]]) -> str | None:
    """The action in the figure's own clause (nearest before, else after), else just before the clause,
    else just after, else any earlier: '..., an exchange of 1,000 prisoners that the sides agreed' is agreed."""
    before = [a for a in actions if a[1] <= s]
    in_clause = [a for a in before if a[0] >= clause[0]]
    if in_clause:
        return in_clause[-1][2]
    own_after = next((a for a in actions if a[0] >= e and a[1] <= clause[1]), None)
    if own_after:
        return own_after[2]
    near_before = [a for a in before if a[0] >= clause[0] - 60]
    if near_before:
        return near_before[-1][2]
    after = next((a for a in actions if a[0] >= e and a[1] <= e + 50), None)
    if after:
        return after[2]
    return before[-1][2] if before else None


def _date_for(dates: list[DateMention], clause: tuple[int, int], s: int, e: int, default: str | None) -> str | None:
    """The day named in the figure's clause (after it, else before it), else a month, year or span named there
    ('111 names chosen in 2010', 'in early October'), else the statement's day."""
    for kinds in (("day",), ("month", "year", "range")):
        named = [d for d in dates if d.kind in kinds and clause[0] <= d.start < clause[1] and (d.end <= s or d.start >= e)]
        after = [d for d in named if d.start >= e and not d.ahead]  # "killed 40 a day after the truce" is not dated by it
        named = [d for d in named if d.start < e or not d.ahead]
        if after:
            return after[0].iso
        if named:
            return named[-1].iso
    return default


RANGE_BETWEEN = re.compile(r"\s*(?:to|and|-|\u2013)\s*(?:[-\u2013\u2014(]\s*[^-\u2013\u2014()]{1,40}?[-\u2013\u2014)]\s*)?"
                           r"(?:some|about|around|nearly|almost|roughly)?\s*", re.I)
RANGE_OPENS = re.compile(r"\b(?:from|between)\s*(?:some|about|around|nearly|almost|roughly)?\s*$", re.I)
OF_TOTAL = re.compile(r"\s+of\s+(?:the\s+|a\s+total\s+of\s+)?")
AGREED_AFTER = re.compile(r"[^,;.]{0,30}?\b(?:agreed|pledged|promised|planned|due|expected|set)\b", re.I)


def _combined(text: str, clause: tuple[int, int], end: int, actions: list[tuple[int, int, str]], lex: Lexicon) -> str | None:
    """'killed or wounded' right after a figure: the category those actions add up to (casualty)."""
    after = [a for a in actions if a[0] >= end and a[1] <= clause[1]][:2]
    if len(after) == 2 and JOINED.fullmatch(text, after[0][1], after[1][0]):
        for whole, acts in lex.sums.items():
            if {after[0][2], after[1][2]} == set(acts):
                return whole
    return None


@lru_cache(maxsize=8)
def _summed_actions(lex: Lexicon) -> frozenset[str]:
    """The actions that add up to a category (lexicon [sums]: 'killed', 'wounded'); a figure of one counts people."""
    return frozenset(a for acts in lex.sums.values() for a in acts)


def _mark_parts(text: str, qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """Apposition: '390 people, of whom 270 were soldiers and 120 civilians' marks a total and its parts.
    A part without a noun ('... and eight') takes its sibling's noun."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.noun is None and i > 0 and AND_BETWEEN.fullmatch(text, out[i - 1].end, q.start):
            prev = out[i - 1]
            out[i] = _replace(q, noun=prev.noun, category=prev.category)
    for i in range(1, len(out)):
        if OF_TOTAL.fullmatch(text, out[i - 1].end, out[i].start):
            # "390 of the 1,000 prisoners it agreed to hand over": the second figure is the whole, not done
            agreed = AGREED_AFTER.match(text, out[i].end)
            out[i] = _replace(out[i], role="total", action="agreed" if agreed else None)
            if out[i - 1].noun is None:
                out[i - 1] = _replace(out[i - 1], noun=out[i].noun, category=out[i].category)
    people = _summed_actions(lex)
    for i, q in enumerate(out):
        if q.noun is None and q.action in people and "person" in lex.categories:
            # "the death toll rose to 21", "killed 12 and wounded 40": a toll counts people
            out[i] = _replace(q, noun="person", category=lex.categories["person"])
    apposition = _apposition(lex)
    for i, q in enumerate(out):
        m = apposition.match(text, q.end, q.end + 50)
        if not m:
            continue
        parts = [j for j in range(i + 1, len(out)) if out[j].start >= q.end]
        if len(parts) >= 2:
            out[i] = _replace(out[i], role="total", partial=partial_breakdown(text[q.end:out[parts[0]].start], lex))
            for j in parts:
                noun, category = out[j].noun, out[j].category
                if noun is None:
                    verb_noun = VERB_NOUN.match(text, out[j].end, out[j].end + 30)
                    if verb_noun:
                        noun = singular(verb_noun.group(1))
                        category = lex.categories.get(verb_noun.group(1).lower()) or lex.categories.get(noun)
                out[j] = _replace(out[j], role="part", each=out[j].each or q.each, action=q.action,
                                  date=q.date, noun=noun, category=category)
    return out


@lru_cache(maxsize=8)
def _apposition(lex: Lexicon) -> re.Pattern[str]:
    """'390 people, of whom ...', '390 prisoners were freed on Friday, including ...': no other figure in between."""
    words = [w for key in ("whole", "partial") for w in lex.breakdown.get(key, ())]
    if not words:
        return re.compile(r"(?!)")
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[^;.\d\u201c\u201d\"]{{0,60}}?\s*,?\s*(?:{alts})\b", re.I)


def partial_breakdown(between: str, lex: Lexicon) -> bool:
    """The words between a total and its first part list only some of it ('35 people, including 22 children')."""
    low = between.lower()
    return any(w in low for w in lex.breakdown.get("partial", ()))


def _replace(q: Quantity, **changes: object) -> Quantity:
    from dataclasses import replace
    return replace(q, **changes)
