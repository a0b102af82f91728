"""A synthetic corpus for benchmarks: N fictional reports of diplomats' journeys home, each an
``article.md`` and its evidence-anchored ``annotation.yaml``, deterministic from a seed.

    .venv/bin/python bench/corpus.py OUT_DIR --articles 100 [--seed 1]

Every report is fiction written by this generator for testing (its headline says so, and its
annotation's first line); none of it is news, and none of it belongs in a published ``out/``.
The reports vary what handcar models: two to four legs by train, bus, car-free walking, handcar
or air, exact, approximate and bounded durations and distances, a border crossing, a ministry
statement and a second source giving another reading of the distance, and entities shared
across reports the way real coverage shares them (countries, capitals, foreign ministries,
outlets), while each report's travellers, legs and unnamed places are its own. Every quote is
taken from the generated text, so the real ``handcar build`` path runs: parsing, anchoring,
claims, validation, publishing.

The output folder must not exist yet (the generator never writes over anything).
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ruamel.yaml import YAML

# Shared entities: the pool real coverage would draw on (all fictional combinations).
COUNTRIES = [
    # (id, name, adjective, capital id, capital name)
    ("ruritania", "Ruritania", "Ruritanian", "strelsau", "Strelsau"),
    ("syldavia", "Syldavia", "Syldavian", "klow", "Klow"),
    ("borduria", "Borduria", "Bordurian", "szohod", "Szohod"),
    ("freedonia", "Freedonia", "Freedonian", "fredville", "Fredville"),
    ("latveria", "Latveria", "Latverian", "doomstadt", "Doomstadt"),
    ("genovia", "Genovia", "Genovian", "pyrus", "Pyrus"),
]
OUTLETS = [
    ("the-daily-lantern", "The Daily Lantern", "www.dailylantern.example"),
    ("harbour-courier", "Harbour Courier", "www.harbourcourier.example"),
    ("northern-wire", "Northern Wire", "www.northernwire.example"),
]
MODES = [  # (event type, vehicle type or None, noun phrase, vehicle word)
    ("TrainLeg", "Train", "train ride", "train"),
    ("BusLeg", "Bus", "bus ride", "bus"),
    ("WalkingLeg", None, "walk", None),
    ("HandcarLeg", "RailHandcar", "handcar ride", "handcar"),
]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Report:
    """One generated report: its folder name, article text and annotation."""

    ident: str
    text: str
    annotation: dict


def _yaml() -> YAML:
    yaml = YAML()
    yaml.default_flow_style = None
    yaml.width = 4096
    return yaml


def report(i: int, rng: random.Random) -> Report:
    """The ``i``-th report (0-based), drawn from ``rng``."""
    sending, host = rng.sample(COUNTRIES, 2)
    s_id, s_name, s_adj, _, _ = sending
    h_id, h_name, _, c_id, c_name = host
    home_id, home_name = sending[3], sending[4]
    outlet_id, outlet_name, outlet_host = OUTLETS[i % len(OUTLETS)]
    published = date(2021, 1, 4) + timedelta(days=rng.randrange(700))
    published_text = f"{published:%B} {published.day}, {published.year}"
    travelled = published - timedelta(days=rng.randrange(1, 7))
    weekday = WEEKDAYS[travelled.weekday()]
    staff = rng.randrange(2, 12)
    staff_word = WORDS[staff - 2]
    n_legs = rng.randrange(2, 5)
    modes = [MODES[0]] + [rng.choice(MODES[1:]) for _ in range(n_legs - 1)]
    crossing_leg = rng.randrange(1, n_legs)  # the leg that crosses the border (not the first)
    p = f"r{i:05d}"  # prefix of this report's own ids

    paras: list[str] = []
    entities: list[dict] = []
    events: list[dict] = []
    quantities: list[dict] = []
    statements: list[dict] = []

    headline = f"Synthetic Report {i}: {s_adj} Diplomats Leave {h_name} Overland"
    paras += [f"# {headline}", published_text]
    group_phrase = f"{staff_word.capitalize()} {s_adj} embassy employees"
    lead = (
        f"{group_phrase} and their families left {h_name} on {weekday}, "
        f"the {s_adj} Foreign Ministry said, in report number {i}."
    )
    paras.append(lead)

    ministry = f"{s_id}-foreign-ministry"
    mission = f"{s_id}-embassy-{c_id}"
    entities += [
        {"id": outlet_id, "type": "NewsOrganization", "label": outlet_name, "quote": outlet_host},
        {"id": s_id, "type": "Country", "name": s_name, "quote": f"{s_adj} Foreign Ministry said"},
        {"id": h_id, "type": "Country", "name": h_name, "quote": f"left {h_name}"},
        {"id": ministry, "type": "ForeignMinistry", "name": f"{s_adj} Foreign Ministry",
         "quote": f"the {s_adj} Foreign Ministry"},
        {"id": f"{p}-travellers", "type": "TravelGroup",
         "referred_to_as": f"{group_phrase} and their families",
         "quote": f"{group_phrase} and their families"},
        {"id": f"{p}-staff", "type": "TravelGroup", "referred_to_as": group_phrase,
         "quote": group_phrase},
        {"id": f"{p}-statement", "type": "OfficialStatement",
         "referred_to_as": f"the {s_adj} Foreign Ministry said",
         "quote": f"the {s_adj} Foreign Ministry said"},
    ]
    events.append({"id": f"{p}-journey", "type": "Journey", "referred_to_as": "left",
                   "quote": f"families left {h_name}"})
    quantities.append({"id": f"{p}-staff-count", "value": staff, "unit": "NUM",
                       "quote": staff_word.capitalize()})
    times = [{"id": f"{p}-day", "relative": weekday, "quote": weekday}]
    lead_facts: list[list] = [
        [f"{p}-journey", "traveller", f"{p}-travellers"],
        [f"{p}-travellers", "hasSubgroup", f"{p}-staff"],
        [f"{p}-staff", "memberCount", f"{p}-staff-count"],
        [f"{p}-journey", "origin", h_id],
        [f"{p}-journey", "during", f"{p}-day"],
    ]
    statements.append({"id": f"{p}-lead", "quote": lead, "said_by": ministry,
                       "source": f"{p}-statement", "facts": lead_facts})

    # The legs, one sentence each, numbered words so every quote occurs once.
    previous = None
    place = c_id
    entities.append({"id": c_id, "type": "City", "name": c_name, "quote": f"out of {c_name}"})
    for n, (leg_type, vehicle_type, noun, vehicle_word) in enumerate(modes, start=1):
        leg = f"{p}-leg-{n}"
        hours = rng.randrange(1, 40)
        kind = rng.choice(["exact", "about", "more_than"])
        amount = {"exact": f"a {hours}-hour", "about": f"a roughly {hours}-hour",
                  "more_than": f"a more than {hours}-hour"}[kind]
        where = f" out of {c_name}" if n == 1 else ""
        sentence = f"Leg {n} was {amount} {noun}{where}."
        paras.append(sentence)
        duration = {"id": f"{leg}-hours", "unit": "HR", "quote": amount, "prefix": f"Leg {n} was "}
        duration[{"exact": "value", "about": "about", "more_than": "more_than"}[kind]] = hours
        quantities.append(duration)
        events.append({"id": leg, "type": leg_type, "referred_to_as": f"{amount} {noun}",
                       "quote": f"{amount} {noun}", "prefix": f"Leg {n} was "})
        end = f"{p}-stop-{n}"
        entities.append({"id": end, "type": "UnnamedPlace",
                         "label": f"where leg {n} of report {i} ended", "quote": f"Leg {n} was"})
        facts: list[list] = [
            [f"{p}-journey", "hasLeg", leg], [leg, "legIndex", n], [leg, "origin", place],
            [leg, "destination", end], [leg, "duration", f"{leg}-hours"],
            [leg, "traveller", f"{p}-travellers"],
        ]
        if vehicle_type:
            vehicle = f"{leg}-vehicle"
            entities.append({"id": vehicle, "type": vehicle_type, "referred_to_as": vehicle_word,
                             "quote": noun, "prefix": f"Leg {n} was {amount} "})
            facts.append([leg, "vehicle", vehicle])
        if previous:
            facts.append([previous, "nextLeg", leg])
        statements.append({"id": f"{leg}-sentence", "quote": sentence, "facts": facts})
        previous, place = leg, end

    # The crossing and two readings of its distance.
    crossing = f"{p}-crossing"
    border = f"{s_id}-{h_id}-border" if s_id < h_id else f"{h_id}-{s_id}-border"
    km = rng.randrange(1, 6)
    said = (f'"They crossed into {s_name} on leg {crossing_leg + 1}, for more than {km} '
            f'kilometers," the ministry said.')
    paras.append(said)
    entities.append({"id": border, "type": ["InternationalBorder", "UnnamedPlace"],
                     "referred_to_as": f"into {s_name}", "quote": f"crossed into {s_name}"})
    events.append({"id": crossing, "type": "BorderCrossing", "referred_to_as": "crossed",
                   "quote": f"They crossed into {s_name}"})
    quantities.append({"id": f"{p}-km-ministry", "more_than": km, "unit": "KiloM",
                       "quote": f"for more than {km} kilometers", "said_by": ministry,
                       "source": f"{p}-statement"})
    statements.append({
        "id": f"{p}-crossing-said", "quote": said, "said_by": ministry,
        "source": f"{p}-statement",
        "facts": [
            [crossing, "crossedBy", f"{p}-travellers"], [crossing, "fromCountry", h_id],
            [crossing, "toCountry", s_id], [crossing, "crossesBorder", border],
            [crossing, "duringLeg", f"{p}-leg-{crossing_leg + 1}"],
            [f"{p}-leg-{crossing_leg + 1}", "distance", f"{p}-km-ministry"],
            [border, "borderBetween", s_id], [border, "borderBetween", h_id],
        ],
    })
    other = f"Witnesses told {outlet_name} the distance was about {km + rng.randrange(0, 2)} km."
    paras.append(other)
    about = int(other.split("about ")[1].split(" ")[0])
    quantities.append({"id": f"{p}-km-witnesses", "about": about, "unit": "KiloM",
                       "quote": f"about {about} km"})
    statements.append({"id": f"{p}-witnesses", "quote": other,
                       "facts": [[f"{p}-leg-{crossing_leg + 1}", "distance", f"{p}-km-witnesses"]]})
    home = f"They were later flown on to {home_name}."
    paras.append(home)
    entities.append({"id": home_id, "type": "City", "name": home_name,
                     "quote": f"flown on to {home_name}"})
    paras += ["Original url:", f"<https://{outlet_host}/synthetic/{i}>"]
    text = "\n\n".join(paras) + "\n"
    annotation = {
        "format": "handcar-annotation/1",
        "article": {
            "headline": headline,
            "date": published.isoformat(),
            "url": f"https://{outlet_host}/synthetic/{i}",
            "publisher": outlet_id,
            "publisher_quote": outlet_host,
            "language": "en",
        },
        "entities": entities,
        "events": events,
        "quantities": quantities,
        "times": times,
        "statements": statements,
    }
    del mission  # the mission is not named in these reports
    return Report(f"synthetic-{i:05d}", text, annotation)


def generate(out: Path, articles: int, seed: int = 1) -> list[Path]:
    """Writes ``articles`` reports under ``out`` (which must not exist); returns their folders."""
    out.mkdir(parents=True, exist_ok=False)
    rng = random.Random(seed)
    yaml = _yaml()
    folders = []
    for i in range(articles):
        r = report(i, rng)
        folder = out / r.ident
        folder.mkdir()
        (folder / "article.md").write_text(r.text, encoding="utf-8")
        with (folder / "annotation.yaml").open("w", encoding="utf-8") as f:
            f.write("# FICTION for testing: generated by bench/corpus.py, not news.\n")
            yaml.dump(r.annotation, f)
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to create (must not exist)")
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out}: exists; give a new folder", file=sys.stderr)
        return 2
    generate(args.out, args.articles, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
