"""Vocabularies from rules/lexicon/*.toml: every English word list the extractor, the readers and the checks use."""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.errors import RuleFileError

SOURCE_NOUNS = ("people", "roles", "bodies", "documents")  # the [sources] lists of attribution.toml
FILES = ("states", "categories", "actions", "events", "hedges", "attribution", "calendar", "layout", "grammar", "names")
FURNITURE = ("lines", "openers", "closers", "social", "byline", "titles", "credits", "counters", "topics", "tails")


def default_rules_dir() -> Path:
    """The rules shipped with factcheck: inside the installed package, or the repository's top-level rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / "lexicon").is_dir():
            return candidate
    raise RuleFileError(f"{here}: the default rules are missing from this installation")


SUFFIXES = (("es", "s"), ("ing", "ed"), ("e",))  # "used", "uses", "using", "use" -> "us"


@lru_cache(maxsize=1 << 16)
def rough_stem(word: str) -> str:
    """A rough stem, a prefix of the word: enough for a verb and its do-support form ("used" / "use") to meet."""
    for group in SUFFIXES:
        for suffix in group:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                word = word[:-len(suffix)]
                break
    return word


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for a word list, on word boundaries, the longest phrase winning.

    Built as a trie ('said|says' -> 'sa(?:id|ys)'): a few hundred phrases cost one branch per
    character instead of one try per phrase at every position of the text.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in {p.lower() for p in phrases}:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(r"(?<![\w-])(?:" + emit(trie) + r")(?![\w-])", re.I)


# the only characters beyond ASCII that a case-insensitive pattern takes for an ASCII letter, or whose lower case
# holds one ('ı', 'İ' for i, 'ſ' for s, the Kelvin sign for k): a text holding one is read by the pattern itself
CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")
WORD_RUN = re.compile(r"\w+")
CASE_ODD_CHARACTER = re.compile("[" + "".join(sorted(CASE_ODD)) + "]")
FINAL_SIGMA = "\u03a3"  # the one capital whose lower case depends on the characters around it


def word_char(c: str) -> bool:
    """A character \\w matches (WORD_RUN's)."""
    return c.isalnum() or c == "_"


def words_of(text: str) -> frozenset[str] | None:
    """A text's words (its \\w+ runs) in lower case, read once for every Gate; None when the words cannot tell
    (the text holds a character of CASE_ODD)."""
    if text.isascii():  # lower-casing keeps every character a word character or not, and in its place
        return frozenset(WORD_RUN.findall(text.lower())) or NO_WORDS
    if CASE_ODD_CHARACTER.search(text):
        return None
    if FINAL_SIGMA not in text:  # so too beyond ASCII (every character but CASE_ODD's), but for a capital sigma,
        return frozenset(WORD_RUN.findall(text.lower())) or NO_WORDS  # lowered by what follows it, word or not
    return frozenset("\0".join(WORD_RUN.findall(text)).lower().split("\0"))


NO_WORDS = frozenset({""})  # the words of a text without any: the one empty run its joined runs split into


def word_offsets(lower: str, words: Iterable[str]) -> list[int]:
    """Every offset at which one of these words (lower case) stands in a lower-cased text, inside longer words too,
    in order."""
    found: set[int] = set()
    for w in words:
        at = lower.find(w)
        while at >= 0:
            found.add(at)
            at = lower.find(w, at + 1)
    return sorted(found)


def opening_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The words the phrases open with (lower case), where a phrase_regex of them can match only; None when one is
    not ASCII or opens with no word character (its matches are not told by a text's lower-cased words)."""
    lowered = {p.lower() for p in phrases}
    if not all(p.isascii() and WORD_RUN.match(p) for p in lowered):
        return None
    return frozenset(WORD_RUN.match(p).group(0) for p in lowered)  # type: ignore[union-attr]


def phrase_matches(rx: re.Pattern[str], text: str, words: frozenset[str] | None,
                   openers: frozenset[str] | None) -> list[re.Match[str]]:
    """rx.finditer(text) for rx a phrase_regex of phrases that open with `openers` (opening_words): tried only where
    one of those stands. A phrase of ASCII found case-insensitively on word boundaries opens with one of the text's
    words (words_of, None for a text holding a character a case-insensitive pattern takes for another letter), which
    stands in the lower-cased text."""
    lower = text.lower()
    if words is None or openers is None or len(lower) != len(text):
        return list(rx.finditer(text))
    return matches_at(rx, text, word_offsets(lower, openers.intersection(words)))


def matches_at(rx: re.Pattern[str], text: str, offsets: list[int]) -> list[re.Match[str]]:
    """rx.finditer(text) for a pattern whose matches are never empty and can start at these offsets only (sorted): it
    is tried there only, left to right, each match past the one before, as finditer goes."""
    found: list[re.Match[str]] = []
    end = 0
    for at in offsets:
        if at < end:
            continue
        m = rx.match(text, at)
        if m:
            found.append(m)
            end = m.end()
    return found


FIGURE_START = re.compile(r"[\d$\u00a3\u20ac]")  # where a figure in digits can start: a digit or a currency sign


def number_matches(rx: re.Pattern[str], text: str, words: frozenset[str] | None,
                   number_words: frozenset[str]) -> list[re.Match[str]]:
    """rx.finditer(text) for a pattern of numbers whose matches open with a digit, a currency sign or one of
    number_words (lower case) standing as a whole word: tried there only, as matches_at tries. Such a word is one of
    the text's words (words_of), and stands where it stands in the lower-cased text; a statement holds a few numbers
    at most, so a few tries replace a search at every character."""
    lower = text.lower()
    if words is None or len(lower) != len(text):
        return list(rx.finditer(text))
    starts = {m.start() for m in FIGURE_START.finditer(text)}
    starts.update(word_offsets(lower, number_words.intersection(words)))
    return matches_at(rx, text, sorted(starts))


@dataclass(frozen=True)
class Gate:
    """Whether a word-list pattern can match a text at all, told from the text's words: a pattern that finds its
    phrases on word boundaries, case-insensitively, finds each word of a phrase (each \\w+ run) where it stands as
    a whole word of the text. A text without every word of some phrase is not searched (the answer is known: no
    match), which is most texts for most lists."""

    singles: frozenset[str]  # the phrases of one word
    by_key: dict[str, tuple[frozenset[str], ...]]  # a word of each longer phrase (its longest) -> the words of those
    keys: frozenset[str]
    always: bool  # a phrase the words cannot tell about (beyond ASCII, or no word of its own)
    words: frozenset[str] = field(init=False, repr=False, compare=False)  # singles and keys: a text with none, no match

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", self.singles | self.keys)

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Gate:
        by_key: dict[str, list[frozenset[str]]] = {}
        singles: set[str] = set()
        always = False
        for phrase in sorted({p.lower() for p in phrases}):
            runs = WORD_RUN.findall(phrase)
            if phrase.startswith("n'"):
                runs = runs[1:]  # "n't" ends the word before it ("didn't"): only the 't' stands alone
            if not runs or not phrase.isascii():
                always = True
                continue
            if len(set(runs)) == 1:
                singles.add(runs[0])
            else:
                by_key.setdefault(max(runs, key=len), []).append(frozenset(runs))
        return cls(frozenset(singles), {k: tuple(v) for k, v in by_key.items()}, frozenset(by_key), always)

    @classmethod
    def union(cls, gates: Iterable[Gate]) -> Gate:
        """One gate for several lists: it may match where one of theirs may."""
        gates = list(gates)
        by_key: dict[str, tuple[frozenset[str], ...]] = {}
        for g in gates:
            for key, needs in g.by_key.items():
                by_key[key] = by_key.get(key, ()) + needs
        return cls(frozenset().union(*(g.singles for g in gates)), by_key, frozenset(by_key), any(g.always for g in gates))

    def may_match(self, words: frozenset[str] | None) -> bool:
        """False only when no phrase can match a text with these words (None: words unknown)."""
        if words is None or self.always:
            return True
        if self.words.isdisjoint(words):  # most texts, for most lists
            return False
        if not self.singles.isdisjoint(words):
            return True
        for key in self.keys.intersection(words):  # (loops, not a generator: this runs for every statement)
            for need in self.by_key[key]:
                if need <= words:
                    return True
        return False


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names and tense cues, from rules/lexicon/calendar.toml."""

    months: dict[str, int]  # name or abbreviation -> 1..12
    weekdays: dict[str, int]  # name -> 0 (Monday) .. 6
    year_prepositions: tuple[str, ...]
    year_determiners: tuple[str, ...]
    future: tuple[str, ...]
    verb_group: tuple[str, ...]
    past_modal: tuple[str, ...]
    past: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    stamp_labels: tuple[str, ...]
    month_names: tuple[str, ...] = ()  # the full names, without abbreviations
    days: tuple[str, ...] = ()  # 'today', 'yesterday': days named from the day of writing
    month_parts: tuple[tuple[str, int, int], ...] = ()  # 'early' -> days 1 to 10 of the month named after it
    day_shifts: tuple[tuple[str, int], ...] = ()  # 'a day after' -> -1: what follows, a day before the anchor

    def __hash__(self) -> int:  # cached date patterns key on the calendar
        return id(self)


@dataclass(frozen=True)
class Grammar:
    """Function words (grammar.toml) and words around names (names.toml), as sets for the phrase scanner."""

    determiners: frozenset[str]
    indefinite: frozenset[str]
    definite: frozenset[str]
    pronouns: frozenset[str]  # subject pronouns
    object_pronouns: frozenset[str]
    relative_subjects: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    links: frozenset[str]
    stop: frozenset[str]
    boundary: frozenset[str]
    prepositions: frozenset[str]
    postmodifiers: frozenset[str]
    tail_stop: frozenset[str]  # stop words that end a post-modifier ('experts on trade and farm policy said')
    time: frozenset[str]
    head_ends: frozenset[str]
    auxiliaries: frozenset[str]
    be: frozenset[str]
    titles: frozenset[str]
    title_marks: frozenset[str]
    title_gender: dict[str, str]
    not_first: frozenset[str]  # as written: capitalised words that never open a name (calendar words included)
    not_inside: frozenset[str]
    female_nouns: tuple[str, ...]
    male_nouns: tuple[str, ...]
    label_capitals: frozenset[str]
    label_nouns: frozenset[str]
    title_case_small: frozenset[str]
    calendar_words: frozenset[str]  # 'Monday', 'May', 'Today', as written at the start of a sentence


@dataclass(frozen=True, eq=False)  # identity hash: cached regexes key on the object
class Lexicon:
    """Every vocabulary the extractor and the checks use."""

    states: dict[str, list[str]]
    conflicts: dict[str, list[str]]
    negation: tuple[str, ...]
    categories: dict[str, str]  # singular noun -> category
    parts: dict[str, list[str]]
    sums: dict[str, list[str]]
    not_counted: frozenset[str]
    actions: dict[str, str]  # verb form -> action
    events: dict[str, str]  # noun -> event key
    event_actions: dict[str, str]  # action -> event key
    hedges: dict[str, tuple[float, float]]
    vague: dict[str, tuple[float, float]]
    cues: tuple[str, ...]
    according: tuple[str, ...]
    channels: tuple[str, ...]
    anonymous: frozenset[str]  # every head noun of an unnamed source: people, roles, bodies, documents
    organization: tuple[str, ...]
    outlets: tuple[str, ...]
    pronouns: frozenset[str]
    calendar: Calendar
    furniture: dict[str, tuple[str, ...]]  # layout.toml [furniture]
    grammar: Grammar
    digest: str
    stance: tuple[str, ...] = ()  # cues whose statement starts at the verb ('agreed to swap ...')
    stages: tuple[str, ...] = ()  # parts of an event ("the first stage was completed")
    final_stages: frozenset[str] = frozenset()  # "the final stage" finishes the event
    locative: frozenset[str] = frozenset()  # words that place what follows ("in", "near")
    place_nouns: frozenset[str] = frozenset()  # "province", "city" after a place name
    running: tuple[str, ...] = ()  # "since Thursday": a figure counted over a span
    updates: tuple[str, ...] = ()  # "rose to": a figure that revises an earlier one
    additions: tuple[str, ...] = ()  # "another seven": a figure added to one told before
    running_bounds: tuple[str, ...] = ()  # "... this month, after 17 were killed": a span does not reach past these
    auxiliaries: frozenset[str] = frozenset()  # "have been": words between a figure and its own verb
    place_modifiers: frozenset[str] = frozenset()  # "eastern", "rebel-held": words that place the name after them
    by_parties: frozenset[str] = frozenset()  # event keys told apart by the countries taking part
    national: frozenset[str] = frozenset()  # event keys for which a country or US state is place enough
    mediators: frozenset[str] = frozenset()  # "brokered by": a country after them is no party
    strike_verbs: frozenset[str] = frozenset()  # "hit": a town after them is where an attack struck
    incident: dict[str, str] = field(default_factory=dict)  # "airstrike" -> "means:air", "hospital" -> "target:hospital"
    unnamed_people: frozenset[str] = frozenset()  # 'an official', 'two people familiar with': anonymous sources
    roles: frozenset[str] = frozenset()  # 'the mayor', 'a senator': people named by their office
    bodies: frozenset[str] = frozenset()  # 'the ministry', 'the campaign': bodies named by what they are
    documents: frozenset[str] = frozenset()  # 'the poll', 'a report': sources of kind document
    openers: frozenset[str] = frozenset()  # 'although', 'whether': words that open a clause, never a name
    questions: tuple[str, ...] = ()  # 'asked whether': a question put to a source, not its words
    cognition: frozenset[str] = frozenset()  # 'thought': a cue before a clause, not before an object
    knowing: frozenset[str] = frozenset()  # 'knew', 'felt': cues only before a whole clause
    clause_negation: tuple[str, ...] = ()  # 'not', "n't": words that negate a whole statement
    modality: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 'hedge' / 'plan' -> words
    duration_hedges: dict[str, tuple[float, float]] = field(default_factory=dict)  # "nearly" four years: [0.85, 1]
    starts: tuple[str, ...] = ()  # "began", "broke out": a statement saying when its event began
    breakdown: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 'whole' / 'partial' -> words opening a total's parts
    superlatives: tuple[str, ...] = ()  # "largest", "deadliest": a record claim when its event follows
    record_scopes: tuple[str, ...] = ()  # "so far", "ever": what makes a superlative a record over earlier figures

    @property
    def state_rx(self) -> re.Pattern[str]:
        return _state_rx(self)

    def state_of(self, phrase: str) -> str | None:
        p = re.sub(r"\s+", " ", phrase.lower())
        for state, words in self.states.items():
            if p in words:
                return state
        return None


@lru_cache(maxsize=8)
def _state_rx(lex: Lexicon) -> re.Pattern[str]:
    return phrase_regex([w for words in lex.states.values() for w in words])


def _get(data: dict[str, Any], path: str, key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise RuleFileError(f"{path}: key '{key}' must be a {kind.__name__} (got {type(value).__name__})")
    return value


def _words(data: dict[str, Any], path: str, key: str) -> dict[str, list[str]]:
    table = _get(data, path, key, dict)
    for name, words in table.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleFileError(f"{path}: key '{key}.{name}' must be a list of strings")
    return {k: [w.lower() for w in v] for k, v in table.items()}


def _frames(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The [frames] table of events.toml: place words and how each event type is anchored."""
    table = data.get("frames", {})
    if not isinstance(table, dict):
        raise RuleFileError(f"{path}: key 'frames' must be a table")
    out = {}
    for key in ("locative", "place_nouns", "place_modifiers", "by_parties", "national", "mediators", "strike_verbs"):
        words = table.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleFileError(f"{path}: key 'frames.{key}' must be a list of strings")
        out[key] = frozenset(w.lower() for w in words)
    incident: dict[str, str] = {}
    for kind, key in (("means", "means"), ("target", "targets")):
        groups = table.get(key, {})
        if not isinstance(groups, dict):
            raise RuleFileError(f"{path}: key 'frames.{key}' must be a table")
        for name, words in groups.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise RuleFileError(f"{path}: key 'frames.{key}.{name}' must be a list of strings")
            incident.update({w.lower(): f"{kind}:{name}" for w in words})
    out["incident"] = incident  # type: ignore[assignment]
    return out


def _list(data: dict[str, Any], path: str, key: str, lower: bool = True) -> tuple[str, ...]:
    """The word list at a dotted key ('determiners.definite'); missing or not a list of strings: RuleFileError."""
    value: Any = data
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise RuleFileError(f"{path}: key '{key}' must be a list of strings")
    return tuple(w.lower() for w in value) if lower else tuple(value)


def _calendar(data: dict[str, Any], path: str) -> Calendar:
    months_raw = data.get("months")
    if not isinstance(months_raw, list) or not all(isinstance(m, list) and m for m in months_raw):
        raise RuleFileError(f"{path}: key 'months' must be a list of name lists")
    months = {name.lower(): i for i, names in enumerate(months_raw, 1) for name in names}
    tense = {key: _list(data, path, f"tense.{key}") for key in ("future", "verb_group", "past_modal", "past",
                                                                  "clause_breaks")}
    return Calendar(months=months, weekdays={d: i for i, d in enumerate(_list(data, path, "weekdays"))},
                    year_prepositions=_list(data, path, "year_prepositions", lower=False),
                    year_determiners=_list(data, path, "year_determiners", lower=False),
                    stamp_labels=_list(data, path, "stamp_labels"), month_names=tuple(m[0].lower() for m in months_raw),
                    days=_list(data, path, "days"), month_parts=_month_parts(data, path),
                    day_shifts=_day_shifts(data, path), **tense)


def _day_shifts(data: dict[str, Any], path: str) -> tuple[tuple[str, int], ...]:
    if "relative_days" not in data:
        return ()
    rel = data["relative_days"]
    counts = rel.get("counts", {}) if isinstance(rel, dict) else None
    if not isinstance(counts, dict) or not all(isinstance(n, int) for n in counts.values()):
        raise RuleFileError(f"{path}: key 'relative_days.counts' must be a table of whole numbers of days")
    return tuple((f"{span.lower()} {word}", sign * n) for span, n in counts.items()
                 for sign, key in ((-1, "after"), (1, "before")) for word in _list(data, path, f"relative_days.{key}"))


def _month_parts(data: dict[str, Any], path: str) -> tuple[tuple[str, int, int], ...]:
    parts = data.get("month_parts", {})
    if not isinstance(parts, dict) or not all(isinstance(v, list) and len(v) == 2 and all(isinstance(d, int) for d in v)
                                              for v in parts.values()):
        raise RuleFileError(f"{path}: key 'month_parts' must be a table of [first day, last day]")
    return tuple((word.lower(), int(v[0]), int(v[1])) for word, v in parts.items())


def _grammar(g: dict[str, Any], gp: str, n: dict[str, Any], np_: str, cal: Calendar) -> Grammar:
    def s(key: str) -> frozenset[str]:
        return frozenset(_list(g, gp, key))

    def w(key: str) -> frozenset[str]:  # names.toml lists are compared as written
        return frozenset(_list(n, np_, key, lower=False))

    definite = s("determiners.definite")
    indefinite = s("determiners.indefinite")
    calendar_words = frozenset(x.capitalize() for x in (*cal.month_names, *cal.weekdays, *cal.days))
    return Grammar(
        determiners=indefinite | definite | s("determiners.demonstrative"), indefinite=indefinite, definite=definite,
        pronouns=s("pronouns.subject"), object_pronouns=s("pronouns.object"),
        relative_subjects=s("pronouns.relative_subject"), male=s("pronouns.male"), female=s("pronouns.female"),
        links=s("phrase.links"), stop=s("phrase.stop"), boundary=s("phrase.boundary"),
        prepositions=s("phrase.prepositions"), postmodifiers=s("phrase.postmodifiers"),
        tail_stop=s("phrase.stop") - s("phrase.postmodifiers") - s("phrase.tail_links"), time=s("phrase.time"),
        head_ends=s("phrase.head_ends"), auxiliaries=s("verb_group.auxiliaries"), be=s("verb_group.be"),
        titles=frozenset(_list(n, np_, "titles.words")), title_marks=frozenset(_list(n, np_, "titles.marks")),
        title_gender={**{t: "m" for t in _list(n, np_, "titles.male")}, **{t: "f" for t in _list(n, np_, "titles.female")}},
        not_first=w("names.not_first") | calendar_words, not_inside=w("names.not_inside"),
        female_nouns=_list(n, np_, "gender.female_nouns"), male_nouns=_list(n, np_, "gender.male_nouns"),
        label_capitals=w("labels.capitals"), label_nouns=w("labels.nouns"), title_case_small=w("labels.small"),
        calendar_words=calendar_words)


@lru_cache(maxsize=8)
def load_lexicon(rules_dir: Path) -> Lexicon:
    """Read rules_dir/lexicon/*.toml; a missing file or key is a RuleFileError naming it."""
    raw: dict[str, dict[str, Any]] = {}
    digest_parts = []
    for name in FILES:
        path = rules_dir / "lexicon" / f"{name}.toml"
        try:
            text = path.read_text(encoding="utf-8")
            raw[name] = tomllib.loads(text)
        except FileNotFoundError:
            raise RuleFileError(f"{path}: lexicon file missing (needed: {', '.join(f + '.toml' for f in FILES)})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"{path}: not valid TOML ({exc})") from None
        digest_parts.append(text)
    p = {name: str(rules_dir / "lexicon" / f"{name}.toml") for name in FILES}
    states = _words(raw["states"], p["states"], "states")
    conflicts = _words(raw["states"], p["states"], "conflicts")
    clause_negation = _list(raw["states"], p["states"], "negation.clause")
    negation = [*clause_negation, *_list(raw["states"], p["states"], "negation.words")]
    cats = _words(raw["categories"], p["categories"], "category")
    categories = {w: cat for cat, words in cats.items() for w in words}
    actions = {w: a for a, words in _words(raw["actions"], p["actions"], "action").items() for w in words}
    events: dict[str, str] = {}
    event_actions: dict[str, str] = {}
    for key, table in _get(raw["events"], p["events"], "event", dict).items():
        for w in table.get("words", []):
            events[w.lower()] = key
        for a in table.get("actions", []):
            event_actions.setdefault(a, key)
    hedges_raw = _get(raw["hedges"], p["hedges"], "hedge", dict)
    vague_raw = _get(raw["hedges"], p["hedges"], "vague", dict)

    def pair(name: str, value: Any) -> tuple[float, float]:
        if not (isinstance(value, list) and len(value) == 2):
            raise RuleFileError(f"{p['hedges']}: key '{name}' must be [low, high]")
        return float(value[0]), float(value[1])

    attribution = raw["attribution"]
    calendar = _calendar(raw["calendar"], p["calendar"])
    furniture = {key: _list(raw["layout"], p["layout"], f"furniture.{key}") for key in FURNITURE}
    srcs = _get(attribution, p["attribution"], "sources", dict)
    return Lexicon(
        states=states, conflicts=conflicts, negation=tuple(negation), categories=categories,
        parts=_words(raw["categories"], p["categories"], "parts"),
        sums=_words(raw["categories"], p["categories"], "sums"),
        not_counted=frozenset(_words(raw["categories"], p["categories"], "not_counted")["words"]),
        actions=actions, events=events, event_actions=event_actions,
        running=tuple(raw["actions"].get("reckoning", {}).get("running", [])),
        updates=tuple(raw["actions"].get("reckoning", {}).get("update", [])),
        additions=tuple(raw["actions"].get("reckoning", {}).get("addition", [])),
        running_bounds=tuple(raw["actions"].get("reckoning", {}).get("bounds", [])),
        auxiliaries=frozenset(w.lower() for w in raw["actions"].get("auxiliary", {}).get("words", [])),
        hedges={k.lower(): pair(k, v) for k, v in hedges_raw.items()},
        vague={k.lower(): pair(k, v) for k, v in vague_raw.items()},
        duration_hedges={k.lower(): pair(k, v) for k, v in
                         (_get(raw["hedges"], p["hedges"], "duration", dict) if "duration" in raw["hedges"] else {}).items()},
        starts=_list(raw["events"], p["events"], "starts.words") if "starts" in raw["events"] else (),
        breakdown={key: _list(raw["categories"], p["categories"], f"breakdown.{key}") for key in ("whole", "partial")}
        if "breakdown" in raw["categories"] else {},
        superlatives=_list(raw["actions"], p["actions"], "record.superlatives") if "record" in raw["actions"] else (),
        record_scopes=_list(raw["actions"], p["actions"], "record.scopes") if "record" in raw["actions"] else (),
        cues=tuple(_get(attribution, p["attribution"], "cues", dict).get("verbs", [])),
        according=tuple(attribution["cues"].get("according", [])),
        stance=tuple(attribution["cues"].get("stance", [])),
        questions=tuple(attribution["cues"].get("questions", [])),
        cognition=frozenset(w.lower() for w in attribution["cues"].get("cognition", [])),
        knowing=frozenset(w.lower() for w in attribution["cues"].get("knowing", [])),
        stages=tuple(raw["states"].get("stages", {}).get("words", [])),
        final_stages=frozenset(w.lower() for w in raw["states"].get("stages", {}).get("final", [])),
        **_frames(raw["events"], p["events"]),
        channels=tuple(_get(attribution, p["attribution"], "channels", dict).get("names", [])),
        anonymous=frozenset(w.lower() for key in SOURCE_NOUNS for w in srcs.get(key, [])),
        unnamed_people=frozenset(w.lower() for w in srcs.get("people", [])),
        roles=frozenset(w.lower() for w in srcs.get("roles", [])),
        bodies=frozenset(w.lower() for w in srcs.get("bodies", [])),
        documents=frozenset(w.lower() for w in srcs.get("documents", [])),
        openers=frozenset(w.lower() for w in srcs.get("openers", [])),
        organization=tuple(srcs.get("organization", [])),
        outlets=tuple(srcs.get("outlets", [])),
        pronouns=frozenset(srcs.get("pronouns", [])),
        clause_negation=clause_negation,
        modality={key: _list(raw["hedges"], p["hedges"], f"modality.{key}") for key in ("hedge", "plan")},
        calendar=calendar, furniture=furniture,
        grammar=_grammar(raw["grammar"], p["grammar"], raw["names"], p["names"], calendar),
        digest=hashlib.sha256("\n".join(digest_parts).encode()).hexdigest()[:16],
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of the default rules, for helpers called without one (the store's name index)."""
    return load_lexicon(default_rules_dir())
