"""Within one story, mentions become sources: 'US President Donald Trump', 'Trump' and 'he' are one person.

Pronouns resolve only when the reading is unambiguous: 'he'/'she' go to the most recent person whose
gender (learnt from 'Mr.'/'Mrs.', or from 'X said he ...') does not contradict, and not at all when
two people of unknown gender were mentioned close together. A wrong speaker is worse than none: an
unresolved pronoun stays the source as written ('he', anonymous), so the clause is still reported speech.
"""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.sentences import quote_spans
from factcheck.lexicon import (
    WORD_RUN, Gate, Lexicon, matches_at, opening_words, phrase_matches, word_char, word_offsets,
)
from factcheck.sources import person_core

SPACES = re.compile(r"\s+")
OWNED_NOUN = re.compile(r"\w['\u2019]s\s+[a-z]")  # "Trump's campaign"
# 'Ana Ruiz', 'Mr. Ana Ruiz', 'Mrs. Ruiz', after no word character or dot: the capital first, then what stands
# before it, so the pattern is tried at capitals only, not at every character; the first word's letters possessively
# (white space must follow them: a shorter run cannot be followed by any)
NAME_RUN = re.compile(r"[A-Z](?<![\w.][A-Z])(?:"
                      r"(?:(?<=M)(?:r|rs|s)\.\s+[A-Z]|(?<=D)r\.\s+[A-Z])?"
                      r"[a-z][\w'\u2019-]*+(?:\s+[A-Z][a-z][\w'\u2019-]*){1,2}\b"
                      r"|(?:(?<=M)(?:r|rs|s)|(?<=D)r)\.\s+[A-Z][\w'\u2019-]+)")
PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|to|near|of|across|outside|inside)\s+$", re.I)
RECENT_UNITS = 6
# a capitalised word (a surname read again); the capital first, what stands before it checked after it, so the pattern
# is tried at capitals only: \b[A-Z][a-z][\w'-]+
CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[a-z][\w'-]+")
PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
PRONOUN_WORDS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
POSSESSIVE_END = re.compile(r"['\u2019]s?$")
PLACE_TAIL = re.compile(r"\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?$")
THE = re.compile(r"^(?:the|The)\s+")
NAME_TAIL = re.compile(r"(?:^|\s)((?:[A-Z][\w'\u2019.&-]*\s+(?:(?:of|for|and|de|van|von|al|on|at)\s+)?)*[A-Z][\w'\u2019.&-]*)$")
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|for|of|with|near|inside|outside|to)\s+(?:the\s+)?$", re.I)


ROLE_RUN = re.compile(r"\b([A-Za-z]+)\s+(?=((?:[A-Z][a-z][\w'\u2019-]*\s+){0,2}[A-Z][a-z][\w'\u2019-]*)\b)")  # 'Gov. Ana Ruiz'
# (the name's words possessively: white space or the comma follows each, neither a word's character)
ROLE_APPOSED = re.compile(r"([A-Z][a-z][\w'\u2019-]*+(?:\s+[A-Z][a-z][\w'\u2019-]*+){0,2}),\s+(?:a|an|the|his|her|its)\s+"
                          r"((?:[\w'\u2019-]+\s+){0,3}[a-z]+)\b")  # 'Ana Ruiz, the port's spokeswoman'
ROLE_REACH = 30  # units within which 'the spokeswoman' stands for the person last named so
APPOSED = re.compile(r"([A-Z][\w'\u2019-]+),\s+(?:a|an|the|his|her)\s+(?:[\w'\u2019-]+\s+){0,3}$")


@lru_cache(maxsize=8)
def _word_rx(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Nouns for an unnamed woman (group 1) or man (group 2) in narration ('the wife of a prisoner'): they make
    a later 'she' or 'he' ambiguous; a day after a mention ('Ruiz on Tuesday')."""
    g = lex.grammar
    days = "|".join(re.escape(d.capitalize()) for d in lex.calendar.weekdays)
    female, male = ("|".join(re.escape(w) for w in words) for words in (g.female_nouns, g.male_nouns))
    return (re.compile(rf"\b(?:({female})|({male}))\b", re.I),  # lexicon entries are words, never patterns
            re.compile(rf"\s+(?:on|this|last)\s+(?:{days})$"))


@lru_cache(maxsize=8)
def _gendered_gate(lex: Lexicon) -> Gate:
    """Whether the nouns for an unnamed woman or man can stand in a unit with these words."""
    return Gate.of((*lex.grammar.female_nouns, *lex.grammar.male_nouns))


@lru_cache(maxsize=8)
def _gendered_openers(lex: Lexicon) -> frozenset[str] | None:
    """The words the nouns for an unnamed woman or man open with (opening_words)."""
    return opening_words((*lex.grammar.female_nouns, *lex.grammar.male_nouns))


@lru_cache(maxsize=8)
def _role_gate(lex: Lexicon) -> Gate:
    """Whether a unit with these words can name a role ('Governor Ana Ruiz', 'Ana Ruiz, the port's spokeswoman')."""
    return Gate.of(lex.roles | lex.unnamed_people)


@lru_cache(maxsize=8)
def _body_rx(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Organisation or outlet words anywhere in a mention; organisation words alone; outlet names."""
    words = sorted(set(lex.organization) | set(lex.outlets), key=len, reverse=True)
    org = sorted(lex.organization, key=len, reverse=True)
    return (re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"),
            re.compile(r"\b(?:" + "|".join(map(re.escape, org)) + r")\b"),
            frozenset(o.lower() for o in lex.outlets))


@lru_cache(maxsize=1 << 14)
def _name_reading(run: str, lex: Lexicon) -> tuple[str, str, bool] | None:
    """What a NAME_RUN match names, told from its words alone (read once per name): (first word as written, the
    name without titles, whether it has several words); None when its words make it no person's name."""
    g = lex.grammar
    words = run.split()
    if words[0] in g.not_first or any(w.rstrip("'\u2019s") in g.not_first or w in g.not_inside for w in words[1:]):
        return None
    if _body_rx(lex)[0].search(run) or words[0].lower() in lex.openers:
        return None
    return words[0], person_core(run, lex), len(words) > 1


class Speakers:
    """Resolves source mentions in reading order: surnames and pronouns to the last full mention."""

    def __init__(self, lex: Lexicon, text: str = "") -> None:
        """text: the whole story, whose full names a bare surname may stand for before the full name is read."""
        self.lex = lex
        self.people: list[str] = []  # full names seen, most recent last
        self.surnames: dict[str, str] = {}  # surname -> the full name last seen with it
        self.surname_words: set[str] = set()  # each surname's first word in lower case: a unit without one names none
        self.gender: dict[str, str] = {}  # settled: titles, unnamed people, or a clear majority of clues
        self.votes: dict[str, list[int]] = {}  # person -> [male clues, female clues]
        self.seen: dict[str, int] = {}  # person -> unit where last mentioned
        self.unit = 0
        self.here: set[str] = set()  # names seen in the current unit
        self.last_group: tuple[str, str, int] | None = None
        self.last_speaker: tuple[str, int] | None = None  # the last person named as a source, and where
        self.last_names: list[str] = []  # the names in the unit read last
        self.body, self.org, self.outlets = _body_rx(lex)
        self.g = lex.grammar
        self.gendered, self.trailing_day = _word_rx(lex)
        self.gendered_gate = _gendered_gate(lex)
        self.story_names: dict[str, set[str]] = {}  # surname -> the story's full names with that surname
        self.roles: dict[str, tuple[str, int]] = {}  # 'governor' -> the person last named with it, and where
        self.text = text
        self.role_words = lex.roles | lex.unnamed_people  # 'governor', 'spokeswoman'
        self.openers = lex.unnamed_people | lex.bodies | lex.documents  # nouns opening an unnamed source: 'Officials'
        self.role_gate = _role_gate(lex)
        self.titled_things: dict[str, bool] = {}  # _titled_thing's answers: the text is read once per name
        for _, core, several in self._names_in(text):
            if several and len(core.split()) > 1:
                self.story_names.setdefault(core.split()[-1], set()).add(core)

    def observe(self, text: str, words: frozenset[str] | None = None) -> None:
        """Note the people a unit mentions (they make later pronouns ambiguous) and, when it names one person
        only, the gender of the pronouns it uses; then move on. words: the unit's (words_of), when read already."""
        here = self.here
        names = self._names_in(text)
        self.last_names = [core for _, core, _ in names]
        for first, core, several in names:
            name = self._full_name(core, add=several)
            if name is None:
                continue
            self._note_title(first, name)
            self._mark(name)
        if self.role_gate.may_match(words):  # a role is a word of the unit
            self._note_roles(text, words)
        surnames = self.surnames
        # a CAPITALISED word opens with a whole word of the text, which is a surname's first word where it is one
        for w in CAPITALISED.findall(text) if surnames and (
                words is None or not self.surname_words.isdisjoint(words)) else ():
            if w in surnames:
                self._mark(surnames[w])
        gendered = phrase_matches(self.gendered, text, words, _gendered_openers(self.lex)
                                  ) if self.gendered_gate.may_match(words) else ()  # tried where a noun stands
        quoted = quote_spans(text, 0, len(text)) if gendered and ('"' in text or "\u201c" in text or "''" in text) else []
        for g in gendered:
            if any(qs < g.start() < qe for qs, qe in quoted):
                continue  # 'a man who attacks my wife' in a quotation: a figure of speech, not someone in the story
            titled = self._titled(text, g)
            if titled:  # 'spokesman Tom Berg', 'Eva Lind, a spokeswoman': the noun names her, not someone else
                self.gender.setdefault(titled, "f" if g.group(1) else "m")
                continue
            key = f"#{g.group(0).lower()}"
            self.seen[key] = self.unit  # an unnamed person: makes a later pronoun ambiguous, names no one here
            self.gender[key] = "f" if g.group(1) else "m"
        if len(here) == 1:
            # PRONOUN finds whole words: those of the unit's words (words_of) that are pronouns, when they are read
            pronouns = {w.lower() for w in PRONOUN.findall(text)} if words is None else PRONOUN_WORDS & words
            male, female = bool(pronouns & self.g.male), bool(pronouns & self.g.female)
            if male != female:
                self._vote(here.pop(), "m" if male else "f")
        self.unit += 1
        self.here = set()

    def _note_roles(self, text: str, words: frozenset[str] | None = None) -> None:
        """'Governor Ana Ruiz', 'Ana Ruiz, the port's spokeswoman': who a later 'the governor' or 'the spokeswoman' is.
        words: the text's (words_of), when read already."""
        lower = text.lower()
        if words is None or len(lower) != len(text):
            runs = ROLE_RUN.findall(text)
        else:  # ROLE_RUN's role is a word of ASCII letters: a match with a role starts where a role of the text stands
            runs = [m.groups() for m in matches_at(ROLE_RUN, text, word_offsets(lower, self.role_words.intersection(words)))]
        found = [(word.lower(), name) for word, name in runs]  # the role: one word
        found += [(next((w for w in words.lower().split()[::-1] if w in self.role_words), None), name)
                  for name, words in (ROLE_APPOSED.findall(text) if "," in text else ())]
        for role, name in found:
            if role is None or role not in self.role_words:
                continue
            core = person_core(name, self.lex)
            if core in self.people:  # a full name read already (looked up, its recency untouched)
                self.roles[role] = (core, self.unit)

    def _titled(self, text: str, g: re.Match[str]) -> str | None:
        """The person a gendered noun describes as a title or apposition ('spokesman Tom Berg', 'Berg, a spokesman')."""
        after = NAME_RUN.match(text, g.end() + 1) if text[g.end():g.end() + 1] == " " else None
        before = APPOSED.search(text, max(0, g.start() - 60), g.start())
        for m in (after, before):
            name = self._full_name(person_core(m.group(1) if m is before else m.group(0), self.lex), add=False) if m else None
            if name in self.here:
                return name
        return None

    def _names_in(self, text: str) -> list[tuple[str, str, bool]]:
        """The people a text names: (first word as written, the name without titles, whether it has several words)."""
        found = []
        lex = self.lex
        for m in NAME_RUN.finditer(text):
            reading = _name_reading(m.group(0), lex)
            # (PLACE_PREPOSITION ends with white space: a name after none has no preposition before it)
            if reading is not None and not (text[m.start() - 1:m.start()].isspace() and
                                             PLACE_PREPOSITION.search(text[max(0, m.start() - 12):m.start()])):
                found.append(reading)
        return found

    def _mark(self, name: str) -> None:
        """Note a name as mentioned in the current unit."""
        self.seen[name] = self.unit
        self.here.add(name)

    def resolve(self, mention: str, content: str = "") -> tuple[str, str] | None:
        """(canonical name, kind) for a mention, or None when it cannot be resolved (a pronoun with no named
        speaker in reach stays unresolved)."""
        m = self._clean(mention)
        if not m:
            return None
        low = m.lower()
        if low in self.lex.pronouns:
            return self._pronoun(low)
        words = low.split()
        first = words[0]
        named = any(w[:1].isupper() for w in m.split()[1:])
        rest = m.split(None, 1)[1] if len(words) > 1 else ""
        tail = NAME_TAIL.search(rest)
        placed = tail and PLACE_BEFORE.search(rest[:tail.start(1)])  # "an official in Kyiv": unnamed, from Kyiv
        if (first in self.g.determiners or m[:1].islower()) and tail and not placed and not m.endswith(("'s", "\u2019s")):
            m = tail.group(1)  # 'the harbour master Ana Ruiz', 'the Russian Defense Ministry'
            low, words = m.lower(), m.lower().split()
            first = words[0]
        if OWNED_NOUN.search(m) and words[-1][:1].islower() and first not in self.g.determiners:
            kind = self._described(words) or "organization"
            if kind in ("organization", "anonymous"):
                self.last_group = (m, kind, self.unit)
            return m, kind  # "Donald Trump's campaign", "Trump's aides", "Clinton's own emails"
        opens = first in self.openers  # 'Officials', 'Polls'
        if first in self.g.determiners or m[:1].islower() or m[:1].isdigit() or (
                (not named or opens) and (first in self.lex.anonymous or words[-1] in self.lex.anonymous)):
            return self._description(m)
        if len(words) == 1 and m.endswith("s") and self.text and m not in self.story_names and \
                not re.search(r"[\w,] " + re.escape(m) + r"\b", self.text):
            return self._description(m)  # 'Delegates asked': a plural noun opening a sentence, no one's name
        kind = self._kind(m)
        if kind == "organization" and len(m.split()) >= 5 and self._kind(person_core(m, self.lex)) == "person":
            kind = "person"  # "Secretary of State Marco Rubio": a title, then a name
        if kind == "person":
            core = self._name_core(m)
            name = self._full_name(core, add=True) or core
            self._note_title(m.split()[0], name)
            hint = re.match(r"\s*(?:that\s+)?(he|his|she|her)\b", content, re.I)
            if hint:
                self._vote(name, "m" if hint.group(1).lower() in self.g.male else "f")
            self._mark(name)
            self.last_speaker = (name, self.unit)
            return name, kind
        return self._body(m, kind)

    def _clean(self, mention: str) -> str:
        """The mention without quotes and brackets, clause openers ('Although Trump'), a dangling possessive
        ('Trump's') or a trailing day ('Ruiz on Tuesday')."""
        m = SPACES.sub(" ", mention.strip(" ,\u201c\u201d\"'()"))
        words = m.split()
        while len(words) > 1 and words[0].lower().strip(",") in self.lex.openers:
            words = words[1:]
        m = " ".join(words)
        m = self.trailing_day.sub("", m)
        if POSSESSIVE_END.search(m) and m[:1].isupper():
            m = POSSESSIVE_END.sub("", m)
        return m

    def _name_core(self, mention: str) -> str:
        """'Concord resident Whit Symms' -> 'Whit Symms', 'Bernie Sanders of Vermont' -> 'Bernie Sanders': the
        name without the words that describe the person before it or place them after it."""
        core = person_core(mention, self.lex)
        words = core.split()
        cut = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(",") in self.lex.unnamed_people | self.lex.roles
               or re.search(r"['\u2019]s?$", w)]
        if cut and all(w[:1].isupper() for w in words[cut[-1] + 1:]):
            words = words[cut[-1] + 1:]
        home = PLACE_TAIL.search(" ".join(words))
        if home and len(words[:-1]) >= 2:
            words = " ".join(words)[:home.start()].split()
        return " ".join(words) or core

    def _described(self, words: list[str]) -> str | None:
        """The kind of a source named by a description, from its head noun: a document ('the poll'), an unnamed
        person ('an official', 'two people familiar with'), someone in office ('the mayor' is a person the story
        names, 'a mayor' is not), a body ('the campaign'); None for a head noun none of the lists knows."""
        core: list[str] = []
        for i, w in enumerate(words):
            if i and w in self.g.head_ends:
                break
            core.append(w)
        head = re.sub(r"['\u2019]s?$", "", core[-1].strip(".,;:")).lower()
        nouns = {re.sub(r"['\u2019]s?$", "", w.strip(".,;:")).lower() for w in core}
        if head in self.lex.documents or nouns & self.lex.documents and not nouns & self.lex.unnamed_people:
            return "document"
        if head in self.lex.unnamed_people:
            return "anonymous"
        if head in self.lex.roles:
            return "person" if words[0].lower() in self.g.definite else "anonymous"
        if head in self.lex.bodies:
            return "organization"
        return None

    def _pronoun(self, low: str) -> tuple[str, str] | None:
        if low in ("they", "it", "we"):
            if self.last_group and self.unit - self.last_group[2] <= 2:
                return self.last_group[0], self.last_group[1]
            return None
        if low not in ("he", "she"):
            return None
        want = "m" if low == "he" else "f"
        recent = sorted((u, n) for n, u in self.seen.items() if self.unit - u <= RECENT_UNITS and not self._titled_thing(n))
        candidates = [n for u, n in reversed(recent) if self.gender.get(n, want) == want]
        if not candidates:
            return None
        close = [n for n in candidates if self.seen[candidates[0]] - self.seen[n] <= 1]
        known = [n for n in close if self.gender.get(n) == want]
        speaker = self.last_speaker[0] if self.last_speaker and self.unit - self.last_speaker[1] <= RECENT_UNITS else None
        if len(close) > 1:
            if len(known) == 1:
                best = known[0]
            elif speaker in close:
                best = speaker  # two people side by side: the one who was speaking goes on
            else:
                return None  # nothing tells them apart
        else:
            best = candidates[0]
        if best.startswith("#"):
            return None  # the last one mentioned is someone unnamed
        self._mark(best)
        self.last_speaker = (best, self.unit)
        return best, "person"

    def _description(self, m: str) -> tuple[str, str] | None:
        """'an official', 'the poll', 'the bank', 'top black lawmakers': unnamed, each its own within a story."""
        words = m.split()
        low = [w.lower() for w in words]
        placed_head = len(words) > 1 and low[1] in self.lex.anonymous and PLACE_BEFORE.search(" ".join(words[:3]) + " ")
        # "a Kremlin spokesman", "an Interior Ministry official": someone unnamed from a named body
        placed_head = placed_head or (low[0] in ("a", "an") and low[-1] in self.lex.anonymous)
        if self._named_body(m) and low[0] in ("the", "a", "an") and not placed_head:
            kind = self._kind(m)
            if kind != "person":
                return self._body(m, kind)
        kind = self._described(low)
        if len(words) > 7 and kind != "document":
            return None
        lower_first = low[0] in self.g.determiners or low[0] in self.lex.anonymous
        name = m[0].lower() + m[1:] if lower_first else m
        kind = kind or "organization"  # a description no list knows: not a person we can name
        held = self.roles.get(low[-1]) if kind in ("person", "anonymous") and len(words) == 2 and \
            low[0] in self.g.definite else None
        if held and self.unit - held[1] <= ROLE_REACH:  # 'the governor' after 'Governor Ana Ruiz', 'the spokesman'
            self._mark(held[0])
            self.last_speaker = (held[0], self.unit)
            return held[0], "person"
        if kind == "person" and low[0] in self.g.definite and self._sole_speaker():
            # '"...," Ruiz said.  The Green candidate went on to ...': a title for the one person just speaking
            return self._sole_speaker(), "person"
        if kind != "person":
            self.last_group = (name, kind, self.unit)
        return name, kind

    def _titled_thing(self, name: str) -> bool:
        """'The New Yorker': a name the story always writes after 'the' is a publication or a body, no 'he' or 'she'."""
        if not self.text or name.startswith("#"):
            return False
        if name not in self.titled_things:
            self.titled_things[name] = _always_after_the(self.text, name)
        return self.titled_things[name]

    def _sole_speaker(self) -> str | None:
        """The person who spoke in this unit or the one before, when no one else was named there."""
        speaker = self.last_speaker
        if not speaker or self.unit - speaker[1] > 1 or speaker[0].startswith("#"):
            return None
        named = {n for n, u in self.seen.items() if u >= self.unit - 1}
        others = [core for core in self.last_names if core not in speaker[0]]  # named once: not in self.seen
        return speaker[0] if named == {speaker[0]} and not others else None

    def _body(self, mention: str, kind: str) -> tuple[str, str]:
        """An organisation or outlet: its name (an outlet keeps 'The'), remembered for a later 'they' or 'it'."""
        name = mention if kind == "outlet" else THE.sub("", mention)
        self.last_group = (name, kind, self.unit)
        return name, kind

    def _vote(self, name: str, g: str) -> None:
        """One clue to a person's gender; it counts once clues agree at least two to one (and twice over)."""
        if name in self.gender and name not in self.votes:
            return  # settled by a title
        v = self.votes.setdefault(name, [0, 0])
        v[0 if g == "m" else 1] += 1
        m, f = v
        if m >= 2 and m >= 2 * f + 1:
            self.gender[name] = "m"
        elif f >= 2 and f >= 2 * m + 1:
            self.gender[name] = "f"
        else:
            self.gender.pop(name, None)

    def _note_title(self, first_word: str, name: str) -> None:
        g = self.g.title_gender.get(first_word.lower())
        if g:
            self.gender.setdefault(name, g)

    def _named_body(self, mention: str) -> bool:
        return bool(self.body.search(mention))

    def _kind(self, mention: str) -> str:
        bare = THE.sub("", mention)
        if bare.lower() in self.outlets or mention.lower() in self.outlets or re.search(
                r"\b(?:Post|Times|News|Journal|Tribune|Herald|Gazette|TV|Radio|Press|Agency)$", bare):
            return "outlet"
        if self.org.search(bare):
            return "organization"
        if len(bare.split()) >= 5 or re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,6}", bare):
            return "organization"
        return "person"

    def _full_name(self, name: str, add: bool) -> str | None:
        """The full name a surname stands for ('Trump' after 'Donald Trump'); new full names are remembered."""
        tokens = name.split()
        if not tokens:
            return None
        if len(tokens) == 1:
            matches = [full for full in reversed(self.people) if full.split()[-1] == tokens[0]]
            if matches:
                return matches[0]
            firsts = [full for full in reversed(self.people) if len(full.split()) > 1 and full.split()[0] == tokens[0]]
            if firsts:
                return firsts[0]
            later = self.story_names.get(tokens[0], set())
            if len(later) == 1:  # 'Ruiz said' before 'Ana Ruiz' is read: one person of that name in the story
                return next(iter(later))
            if add:
                self.people.append(name)
                self._note_surname(name)
                return name
            return None
        if name in self.people:
            self.people.remove(name)
        self.people.append(name)
        self._note_surname(name)
        return name

    def _note_surname(self, name: str) -> None:
        surname = name.split()[-1]
        self.surnames[surname] = name
        first = WORD_RUN.match(surname)
        if first:
            self.surname_words.add(first.group(0).lower())


def _always_after_the(text: str, name: str) -> bool:
    """Does the text name `name` as a word (\\bNAME\\b), each time right after 'the' (\\b[Tt]he\\s+NAME\\b)?

    Read with str.find: a pattern opening with a word boundary is tried at every character of the story. The
    answer is the patterns' (as many matches of the second as of the first) for a name that opens with a word
    character, holds no 'the' and cannot overlap itself; any other name is read with the patterns."""
    if len(name) <= 3 or not word_char(name[0]) or "the" in name or "The" in name or \
            any(name.startswith(name[k:]) for k in range(1, len(name))):
        alone, after_the = _name_rx(name)
        every = len(alone.findall(text))
        return every > 0 and len(after_the.findall(text)) == every
    every = 0
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if _boundary(text, at) and _boundary(text, end):
            every += 1
            if not _after_the(text, at):
                return False
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return every > 0


def _boundary(text: str, at: int) -> bool:
    """Is there a word boundary (\\b) at this offset?"""
    return (at > 0 and word_char(text[at - 1])) != (at < len(text) and word_char(text[at]))


def _after_the(text: str, at: int) -> bool:
    """Does \\b[Tt]he\\s+ end at this offset?"""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i < at and i >= 3 and text[i - 3:i] in ("the", "The") and (i == 3 or not word_char(text[i - 4]))


@lru_cache(maxsize=4096)
def _name_rx(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name as a word, and the same after 'the'."""
    word = re.escape(name)
    return re.compile(rf"\b{word}\b"), re.compile(rf"\b[Tt]he\s+{word}\b")
