"""Event frames: which happening of its type a statement is about.

A frame's anchor is where the event happened (a city or region; a country or US state is enough for
national events such as elections) or, for events told apart by who takes part (a swap, talks), the
countries named together ("RU+UA"; failing those, where it happened). Within a story a statement joins
the frame it names; a statement naming none joins the story's only frame of its type, or the nearest one
mentioned before it (a few sentences back), when its own places do not contradict that frame; else it
has no frame. A statement naming two places of one rank ("in Paris and Brussels") is about two events:
its anchor is AMBIGUOUS and it is compared with nothing.
Across stories, checks compare only statements of one type whose anchors are equal.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from factcheck.lexicon import Lexicon, phrase_regex
from factcheck.model import SEVERAL_EVENTS, Quantity, Statement
from factcheck.places import LEVELS, Place, find_places

REACH = 4  # sentences back that "the nearest frame mentioned" may lie
SPACES = re.compile(r"\s+")
AMBIGUOUS = SEVERAL_EVENTS  # the anchor of a statement about several events of its type: compared with nothing


def anchor(places: list[Place], event: str, lex: Lexicon) -> str | None:
    """The statement's own anchor for an event of this type, None for none, AMBIGUOUS for two."""
    if event in lex.by_parties:
        countries = sorted({p.country for p in places if p.kind == "country"})
        if len(countries) >= 2:
            return "+".join(countries)
        places = [p for p in places if p.kind != "country"]  # no parties named: where it happened, if said
    needed = LEVELS["country"] if event in lex.national else LEVELS["region"]
    if not places:
        return None
    top = max(p.level for p in places)
    keys = {p.key for p in places if p.level == top}
    if top < needed:
        return None
    return keys.pop() if len(keys) == 1 else AMBIGUOUS


def fits(frame: str, places: list[Place], event: str, lex: Lexicon) -> bool:
    """Whether a statement's own places allow it to join the frame (a country it names must be the frame's)."""
    countries = {p.country for p in places}
    if not countries:
        return True
    if event in lex.by_parties and "," not in frame:
        return countries <= set(frame.split("+"))
    return frame.rsplit(", ", 1)[-1] in countries or frame in countries


def _places(s: Statement, lex: Lexicon) -> list[Place]:
    mentions = find_places(s.text, lex.locative, lex.place_nouns, lex.place_modifiers, _event_nouns(lex),
                           lex.strike_verbs)
    places = [m.place for m in mentions if not (m.place.kind == "country" and s.event in lex.by_parties
                                                and _mediator(s.text[:m.start], lex))]
    if s.source:  # "Russia and Ukraine agreed to ...": the source names parties; where it speaks from is no anchor
        places += [m.place for m in find_places(s.source, lex.locative, lex.place_nouns, lex.place_modifiers)
                   if m.place.kind == "country"]
    return places


@lru_cache(maxsize=8)
def _event_nouns(lex: Lexicon) -> frozenset[str]:
    """One-word event nouns: 'a strike on Sialkot' places the town."""
    return frozenset(w for w in lex.events if " " not in w)


def _mediator(before: str, lex: Lexicon) -> bool:
    """'... brokered by Qatar', 'talks in Turkey': the country brokers or hosts, it is no party."""
    tail = " ".join(before.lower().split()[-4:])
    return any(tail == m or tail.endswith(" " + m) for m in lex.mediators)


def _stray(place: Place, support: Counter[str]) -> bool:
    """A town whose country nothing else in the story names, in a story about another country: most likely a
    local name that a far-away town shares ('the Sulaymaniyah neighbourhood' of a Syrian city is not in Iraq)."""
    return support[place.country] == 1 and max(support.values()) >= 2


def assign_frames(statements: list[Statement], lex: Lexicon, dateline: list[Place] = ()) -> list[Statement]:
    """Each statement with an event gets its frame (or None), as the module docstring says."""
    own: list[tuple[str | None, list[Place]]] = []
    story: dict[str, set[str]] = {}
    named = [_places(s, lex) if s.event else [] for s in statements]
    support = Counter(p.country for p in {p for places in named for p in places})
    for s, places in zip(statements, named):
        if not s.event:
            own.append((None, []))
            continue
        places = [p for p in places if p.kind in ("country", "state") or not _stray(p, support)]
        a = anchor(places, s.event, lex)
        own.append((a, places))
        if a and a != AMBIGUOUS:
            story.setdefault(s.event, set()).add(a)
    for event in {s.event for s in statements if s.event and s.event not in story and s.event not in lex.by_parties}:
        a = anchor(list(dateline), event, lex)
        if a and a != AMBIGUOUS:
            story[event] = {a}
    out: list[Statement] = []
    last: dict[str, tuple[str, int]] = {}
    for s, (a, places) in zip(statements, own):
        frame = None
        if s.event and a:
            frame = a
            if a != AMBIGUOUS:
                last[s.event] = (a, s.sentence)
        elif s.event:
            frames = story.get(s.event, set())
            near = last.get(s.event)
            if len(frames) == 1:
                frame = next(iter(frames))
            elif near and s.sentence - near[1] <= REACH:
                frame = near[0]
            if frame and not fits(frame, places, s.event, lex):
                frame = None
        out.append(replace(s, frame=frame) if frame else s)
    return _headlines_as_told(_dated_by_frame(_incidents(out, lex)))


def _incident_of(text: str, lex: Lexicon) -> str | None:
    """The means and targets a statement names, as 'means:air target:hospital' (lexicon [frames.means],
    [frames.targets]), or None."""
    if not lex.incident:
        return None
    found = {lex.incident[SPACES.sub(" ", m.group(0).lower())] for m in _incident_rx(lex).finditer(text)}
    return " ".join(sorted(found)) or None


def _incidents(statements: list[Statement], lex: Lexicon) -> list[Statement]:
    """Each framed statement's means and targets; one naming none takes those its frame last named in the story."""
    last: dict[tuple[str, str], str] = {}
    out = []
    for s in statements:
        key = _frame_key(s)
        if key:
            own = _incident_of(s.text, lex)
            if own:
                last[key] = own
            found = own or last.get(key)
            s = replace(s, incident=found) if found else s
        out.append(s)
    return out


def _frame_key(s: Statement) -> tuple[str, str] | None:
    """The frame a statement was placed in within its story, if one."""
    return (s.event, s.frame) if s.event and s.frame and s.frame != AMBIGUOUS else None


@lru_cache(maxsize=8)
def _incident_rx(lex: Lexicon) -> re.Pattern[str]:
    return phrase_regex(list(lex.incident))


def _dated_by_frame(statements: list[Statement]) -> list[Statement]:
    """A statement that names no day of its own is about the day its frame was last said to be on in the
    story ('Another 75 people were wounded', in a report published the morning after), not the day of
    publication."""
    last: dict[tuple[str, str], str] = {}
    out = []
    for s in statements:
        key = _frame_key(s)
        if key and s.date_text and s.date and len(s.date) == 10:
            last[key] = s.date
        elif key and not s.date_text and key in last and last[key] != s.date:
            day = last[key]
            s = replace(s, date=day, quantities=tuple(replace(q, date=day) if q.date == s.date else q
                                                      for q in s.quantities))
        out.append(s)
    return out


def _headlines_as_told(statements: list[Statement]) -> list[Statement]:
    """A headline names no day and shortens: a figure it shares with the body (same count, same action) is
    the body's figure, with the body's day, reckoning and frame ('kill 26' over a story of raids 'on Tuesday'
    'in and around' a town; '18 killed in Aleppo' over a story placing the 18 in a village the gazetteer
    does not know), not a count of the day of publication."""
    told: dict[tuple[float, float, str | None], tuple[Statement, Quantity]] = {}
    for s in statements:
        if s.role != "headline":
            for q in s.quantities:
                told.setdefault((q.low, q.high, q.action), (s, q))
    out = []
    for s in statements:
        if s.role == "headline":
            found = [told.get((q.low, q.high, q.action)) if q.role == "figure" else None for q in s.quantities]
            bodies = {id(b) for b, _ in filter(None, found)}
            if len(bodies) == 1:
                body = next(b for b, _ in filter(None, found))
                s = replace(s, frame=body.frame, incident=body.incident,
                            quantities=tuple(replace(q, date=t[1].date, role=t[1].role) if t else q
                                             for q, t in zip(s.quantities, found)))
        out.append(s)
    return out
