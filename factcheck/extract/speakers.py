"""Within one story, mentions become sources: 'US President Donald Trump', 'Trump' and 'he' are one person."""
from __future__ import annotations

import re

from factcheck.lexicon import Lexicon
from factcheck.sources import person_core

PLURAL_PRONOUNS = {"they", "we"}


class Speakers:
    """Resolves source mentions in reading order: surnames and pronouns to the last full mention."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.people: list[str] = []  # full names seen, most recent last
        self.last_person: str | None = None
        self.last_group: tuple[str, str] | None = None

    def resolve(self, mention: str) -> tuple[str, str] | None:
        """(canonical name, kind) for a mention, or None when it cannot be resolved."""
        m = re.sub(r"\s+", " ", mention.strip(" ,\u201c\u201d\"'"))
        low = m.lower()
        if low in self.lex.pronouns:
            if low in PLURAL_PRONOUNS or low == "it":
                return self.last_group
            return (self.last_person, "person") if self.last_person else None
        first = low.split()[0]
        if first in ("the", "a", "an", "another", "one", "two", "three", "some", "many", "several", "other", "both",
                     "his", "her", "their", "its", "most", "few") or m[:1].islower() or m[:1].isdigit():
            if any(w in self.lex.anonymous for w in re.findall(r"[a-z]+", low)) and not self._named_body(m):
                result = (m[0].lower() + m[1:], "anonymous")
                self.last_group = result
                return result
            if not self._named_body(m) and not re.search(r"\b[A-Z][a-z]+$", m):
                return None
        kind = self._kind(m)
        if kind == "organization" and len(m.split()) >= 5 and self._kind(person_core(m)) == "person":
            kind = "person"  # "Secretary of State Marco Rubio": a title, then a name
        if kind == "person":
            name = person_core(m)
            name = self._full_name(name)
            self.last_person = name
            return name, kind
        name = re.sub(r"^(?:the|The)\s+", "", m) if kind != "outlet" else m
        result = (name, kind)
        self.last_group = result
        return result

    def _named_body(self, mention: str) -> bool:
        return any(re.search(rf"\b{re.escape(w)}\b", mention) for w in self.lex.organization + self.lex.outlets)

    def _kind(self, mention: str) -> str:
        bare = re.sub(r"^(?:the|The)\s+", "", mention)
        if any(bare.lower() == o.lower() or mention.lower() == o.lower() for o in self.lex.outlets) or re.search(
                r"\b(?:Post|Times|News|Journal|Tribune|Herald|Gazette|TV|Radio|Press|Agency)$", bare):
            return "outlet"
        if any(re.search(rf"\b{re.escape(w)}\b", bare) for w in self.lex.organization):
            return "organization"
        if len(bare.split()) >= 5:
            return "organization"
        return "person"

    def _full_name(self, name: str) -> str:
        tokens = name.split()
        if len(tokens) == 1:
            for full in reversed(self.people):
                if full.split()[-1] == tokens[0] or full.split()[0] == tokens[0] and len(full.split()) > 1:
                    return full
            self.people.append(name)
            return name
        self.people.append(name)
        # a later full mention upgrades an earlier surname-only one
        return name
