"""Precision and recall of ``handcar new``'s draft, per kind of item, against the hand-made
annotations of the test reports (tests/corpus/articles: fiction written for testing). The seed
article is never measured (the drafting was not tuned on it); its annotation only supplies the
names "other articles" know, with the other test reports'.

    .venv/bin/python bench/curation.py

Matching: a quantity, duration or time suggestion is right when a gold item of the same kind
quotes overlapping words; a known-entity suggestion when the gold annotation uses that id; a
new-name suggestion when a gold entity has that name (case aside) and an id no other article
knows; an event (a leg, a border crossing) or a vehicle when a gold item of the same class
quotes overlapping words, the journey when the gold annotation has one, a group of people when
a gold group quotes overlapping words; a suggested identity when the gold links an event of
the same class whose quote overlaps to the same target (or one the gold annotations' own
identities make the same). Gold entities without a name other than vehicles and
groups (unnamed places, luggage), and events of other classes (meetings, closures), are outside
what the draft suggests and are not counted.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from handcar.annotation.anchor import find_quote  # noqa: E402
from handcar.annotation.frontmatter import front_matter  # noqa: E402
from handcar.annotation.yamlsource import read_yaml  # noqa: E402
from handcar.article import load_article  # noqa: E402
from handcar.curation.draft import draft  # noqa: E402
from handcar.curation.known import known_entities  # noqa: E402
from handcar.curation.links import linked  # noqa: E402
from handcar.curation.suggest import KINDS, slug, suggestions  # noqa: E402
from handcar.curation.suggestion import Suggestion  # noqa: E402
from handcar.ontology import load_ontology  # noqa: E402
from handcar.units import unit  # noqa: E402
from handcar.vocabulary import UnknownTerm, vocabulary  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "articles"
SEED = ROOT / "articles"


def gold_items(data: dict, text: str, known_ids: set[str]) -> list[tuple[str, object]]:
    """(kind, key) of every item of the gold annotation ``data`` the draft could suggest; key:
    a span or an id/name."""
    items: list[tuple[str, object]] = []
    for q in data.get("quantities") or []:
        kind = "duration" if unit(q["unit"]).is_a("Time") else "quantity"
        items.append((kind, _span(text, q)))
    items += [("time", _span(text, t)) for t in data.get("times") or []]
    for e in data.get("events") or []:
        types = _types(e)
        if "Journey" in types:
            items.append(("event", ("Journey", None)))
        for kind in types & DRAFTED_EVENTS:
            items.append(("event", (kind, _span(text, e))))
    for e in data.get("entities") or []:
        for kind in _types(e) & VEHICLES:
            items.append(("vehicle", (kind, _span(text, e))))
        if _types(e) & GROUPS and not e.get("name"):
            items.append(("group", _span(text, e)))
        if _types(e) & (VEHICLES | GROUPS):
            continue
        if "DiplomaticMission" in _types(e) and not e.get("name") and e["id"] not in known_ids:
            items.append(("mission", _span(text, e)))
            continue
        if "UnnamedPlace" in _types(e) and e["id"] not in known_ids:
            items.append(("place", (_span(text, e), str(e.get("referred_to_as", "")).casefold())))
            continue
        if e["id"] in known_ids:
            items.append(("known", e["id"]))
        elif e.get("name"):
            items.append(("name", str(e["name"]).casefold()))
    return list(dict.fromkeys(items))


#: the classes of the events and vehicles the draft suggests (besides the journey)
DRAFTED_EVENTS = frozenset({"BusLeg", "TrainLeg", "HandcarLeg", "FlightLeg", "CarLeg",
                            "BoatLeg", "WalkingLeg", "BorderCrossing"})
VEHICLES = frozenset({"Bus", "Train", "RailHandcar", "Aircraft", "Car", "Boat"})
GROUPS = frozenset({"Group", "TravelGroup"})


def _types(item: dict) -> set[str]:
    kinds = item["type"]
    return set(kinds if isinstance(kinds, list) else [kinds])


def _span(text: str, item: dict) -> tuple[int, int]:
    anchor = find_quote(text, item["quote"], item.get("prefix"), item.get("suffix"))
    return anchor.start, anchor.end


def matches(s: Suggestion, kind: str, key: object) -> bool:
    if s.kind != kind:
        return False
    if kind == "known":
        return s.slug == key
    if kind == "name":
        return str(s.fields["name"]).casefold() == key
    if kind == "place":  # its words overlap, or it is told of in the same words
        (start, end), words = key  # type: ignore[misc]
        return (s.start < end and start < s.end) or (bool(words) and s.words == words)
    if kind in ("event", "vehicle"):
        cls, span = key  # type: ignore[misc]
        if s.fields["type"] != cls:
            return False
        if span is None:  # the journey: one a report
            return True
        key = span
    start, end = key  # type: ignore[misc]
    return s.start < end and start < s.end


def gold_facts(data: dict, text: str) -> list[tuple[str, object]]:
    """(kind, key) of the gold facts the draft suggests: a leg's or the journey's origin or
    destination, a border crossing's countries ("route": the event's class and span, the
    property, the place's id), a leg's or the journey's distance or duration ("measure": the
    event's class and span, the property, the quantity's span), its period ("when", as
    "measure"), its traveller or a crossing's ``crossedBy`` ("traveller", as "measure") and
    the order of two legs
    ("order": each leg's class and span)."""
    events = {e["id"]: (kind, _span(text, e)) for e in data.get("events") or []
              for kind in _types(e) & (DRAFTED_EVENTS | {"Journey"})}
    legs = {k: v for k, v in events.items() if v[0] not in ("BorderCrossing", "Journey")}
    quantities = {q["id"]: _span(text, q) for q in data.get("quantities") or []}
    unnamed = {e["id"]: ("span", _span(text, e), str(e.get("referred_to_as", "")).casefold())
               for e in data.get("entities") or []
               if "UnnamedPlace" in _types(e)}  # matched by their words, as the draft's
    groups = {e["id"]: _span(text, e) for e in data.get("entities") or []
              if _types(e) & GROUPS and not e.get("name")}
    times = {t["id"]: _span(text, t) for t in data.get("times") or []}
    facts: list[tuple[str, object]] = []
    for statement in data.get("statements") or []:
        for subject, prop, obj in statement["facts"]:
            if subject in events and prop in ROUTES:
                facts.append(("route", (*events[subject], prop, unnamed.get(obj, obj))))
            elif subject in events and prop in MEASURES and obj in quantities:
                facts.append(("measure", (*events[subject], prop, quantities[obj])))
            elif subject in events and prop in TRAVELLER and obj in groups:
                facts.append(("traveller", (*events[subject], prop, groups[obj])))
            elif subject in events and prop in WHEN and obj in times:
                facts.append(("when", (*events[subject], prop, times[obj])))
            elif subject in legs and prop == "nextLeg" and obj in legs:
                facts.append(("order", (legs[subject], legs[obj])))
    return list(dict.fromkeys(facts))


def drafted_facts(made: list[Suggestion]) -> list[tuple[str, object]]:
    """(kind, key) of the facts the draft's statements give, as :func:`gold_facts` (but
    the order of the legs, read from the draft itself)."""
    events = [s for s in made if s.kind == "event"]
    legs = [s for s in events if s.fields["type"] not in ("BorderCrossing", "Journey")]
    facts: list[tuple[str, object]] = []
    for leg in [*events, *(s for s in made if s.kind == "again")]:
        told = leg  # words that tell again of a leg give facts of the last leg of its class
        if leg.kind == "again":
            before = [s for s in legs if s.fields["type"] == leg.fields["type"]
                      and s.start < leg.start]
            if not before:
                continue
            told = before[-1]
        for prop, item in leg.links:
            where = (told.fields["type"], (told.start, told.end), prop)
            if prop in MEASURES or prop in WHEN or prop in TRAVELLER:
                kind = ("traveller" if prop in TRAVELLER else "when" if prop in WHEN
                        else "measure")
                facts.append((kind, (*where, (item.start, item.end))))
            elif prop in ROUTES:
                ident = (("span", (item.start, item.end), item.words) if item.kind == "place"
                         else item.slug if item.kind == "known" else slug(item.slug))
                facts.append(("route", (*where, ident)))
    return list(dict.fromkeys(facts))  # a fact told again is one fact of the draft


def _drafted(article, others: list[Path]) -> dict:
    """The data of ``handcar new``'s draft of ``article`` beside ``others`` (article folders),
    as the command writes it (its identities need the draft's ids)."""
    with tempfile.TemporaryDirectory() as temp:
        articles = Path(temp)
        for folder in others:
            (articles / folder.name).symlink_to(folder)
        text, _counts = draft(article, articles)
    path = Path(temp + ".yaml")
    try:
        path.write_text(text, encoding="utf-8")
        return read_yaml(path).data
    finally:
        path.unlink()


def identity_facts(data: dict, text: str) -> list[tuple[str, object]]:
    """(``"identity"``, (class, span, same_as)) of each identity of an event (a leg, a border
    crossing, the journey) in the annotation ``data`` (a gold one or a draft)."""
    events = {e["id"]: (kind, _span(text, e)) for e in data.get("events") or []
              for kind in _types(e) & (DRAFTED_EVENTS | {"Journey"})}
    return [("identity", (*events[link["id"]], link["same_as"]))
            for link in data.get("identities") or [] if link["id"] in events]


def speaker_facts(data: dict, text: str) -> list[tuple[str, object]]:
    """(``"speaker"``, (section, span, said_by)) of each statement, quantity and participation
    of the annotation ``data`` (a gold one or a draft) that someone other than the publisher
    says."""
    return [("speaker", (section, _span(text, item), item["said_by"]))
            for section in ("statements", "quantities", "participations")
            for item in data.get(section) or [] if item.get("said_by")]


def same_fact(a: tuple[str, object], b: tuple[str, object]) -> bool:
    """Whether a drafted fact ``a`` is the gold fact ``b``: legs of one class whose quotes
    overlap, and the same property and place."""
    def same_leg(x: tuple, y: tuple) -> bool:
        return x[0] == y[0] and x[1][0] < y[1][1] and y[1][0] < x[1][1]

    if a[0] != b[0]:
        return False
    if a[0] == "identity":  # one target, from events of one class whose quotes overlap
        (kind, span, target), (other, at, same_as) = a[1], b[1]  # type: ignore[misc]
        return kind == other and _one(target) == _one(same_as) and (
            kind == "Journey" or (span[0] < at[1] and at[0] < span[1]))
    if a[0] == "speaker":  # items of one section whose quotes overlap, said by one entity
        (section, (start, end), who), (other, (at, to), said_by) = a[1], b[1]  # type: ignore[misc]
        return section == other and who == said_by and start < to and at < end
    if a[0] == "route":  # one property, one place (an unnamed one: words that overlap)
        (prop, place), (other, at) = a[1][2:], b[1][2:]  # type: ignore[index,misc]
        return same_leg(a[1][:2], b[1][:2]) and prop == other and (place == at or (
            isinstance(place, tuple) and isinstance(at, tuple) and (
                (place[1][0] < at[1][1] and at[1][0] < place[1][1])
                or (bool(place[2]) and place[2] == at[2]))))
    if a[0] in ("measure", "traveller", "when"):  # one property, values whose quotes overlap
        (start, end), (at, to) = a[1][3], b[1][3]  # type: ignore[index]
        return (same_leg(a[1][:2], b[1][:2]) and a[1][2] == b[1][2]  # type: ignore[index]
                and start < to and at < end)
    return same_leg(a[1][0], b[1][0]) and same_leg(a[1][1], b[1][1])  # type: ignore[index]


def _one(target: str) -> str:
    """The first, in sort order, of the ``article/id`` targets the gold annotations (the seed's
    and the test reports') make one with ``target`` through their identities: a link to
    another report's leg that the gold links to the seed's is the same link."""
    return _identified().get(target, target)


def _identified() -> dict[str, str]:
    if not _IDENTIFIED:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        for folder in [*SEED.iterdir(), *CORPUS.iterdir()]:
            path = folder / "annotation.yaml"
            if not path.is_file():
                continue
            for link in read_yaml(path).data.get("identities") or []:
                a, b = find(f"{folder.name}/{link['id']}"), find(link["same_as"])
                parent[max(a, b)] = min(a, b)
        _IDENTIFIED.update({x: find(x) for x in parent})
    return _IDENTIFIED


_IDENTIFIED: dict[str, str] = {}
FACT_KINDS = ("route", "measure", "when", "traveller", "order", "identity", "speaker")
#: the properties of a "when" fact: the calendar period of a leg, journey or crossing
WHEN = frozenset({"during", "beganDuring", "endedDuring"})
#: the properties of a "traveller" fact: who travels a leg or the journey, or crosses a border
TRAVELLER = frozenset({"traveller", "crossedBy"})
#: the properties of a "measure" fact: a leg's or the journey's distance and duration
MEASURES = frozenset({"distance", "duration"})
#: the properties of a "route" fact: a leg's ends, a border crossing's countries
ROUTES = frozenset({"origin", "destination", "fromCountry", "toCountry"})


def main() -> None:
    found, right, gold, recalled = Counter(), Counter(), Counter(), Counter()
    classed = Counter()  # right new names: in all, with the gold's class, or a superclass
    reports = sorted(p for p in CORPUS.iterdir() if p.is_dir())
    for folder in reports:
        others = [p for p in [*SEED.iterdir(), *reports] if p.is_dir() and p != folder]
        known = known_entities(others)
        article = load_article(folder)
        meta, _ = front_matter(article)
        made = linked(suggestions(article, meta.date, known, meta.language or "en"),
                      article.text)
        seen_names: set[str] = set()
        unique = []
        made = [part for s in made for part in (s, *s.parts)]  # a leg, then its vehicle
        for s in made:  # the draft keeps one entity per name, as handcar new does
            if s.kind in ("known", "name", "place"):
                words = f"{s.kind}:{s.words}" if s.kind == "place" else s.words
                known_id = f"known:{s.slug}" if s.kind == "known" else ""
                if words in seen_names or known_id in seen_names:
                    continue
                seen_names |= {words, known_id} - {""}
            unique.append(s)
        annotated = read_yaml(folder / "annotation.yaml").data
        items = gold_items(annotated, article.text, {k.id for k in known})
        classes = gold_classes(annotated)
        for s in unique:
            found[s.kind] += 1
            right[s.kind] += any(matches(s, kind, key) for kind, key in items)
            name = str(s.fields.get("name", "")).casefold()
            if s.kind == "name" and name in classes:
                classed["all"] += 1
                classed["exact"] += s.fields["type"] == classes[name]
                classed["broader"] += _broader_or_same(s.fields["type"], classes[name])
        for kind, key in items:
            gold[kind] += 1
            recalled[kind] += any(matches(s, kind, key) for s in unique)
        facts, wanted = drafted_facts(made), gold_facts(annotated, article.text)
        drafted = _drafted(article, others)
        facts += identity_facts(drafted, article.text) + speaker_facts(drafted, article.text)
        # the order of the legs: the draft's own nextLeg facts, as the gold's are read
        facts += [f for f in gold_facts(drafted, article.text) if f[0] == "order"]
        wanted += identity_facts(annotated, article.text) + speaker_facts(annotated, article.text)
        for fact in facts:
            found[fact[0]] += 1
            right[fact[0]] += any(same_fact(fact, g) for g in wanted)
        for fact in wanted:
            gold[fact[0]] += 1
            recalled[fact[0]] += any(same_fact(f, fact) for f in facts)
    print(f"reports: {', '.join(p.name for p in reports)}\n")
    print("| kind | suggested | right | precision | gold | found | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in (*KINDS, "all items", *FACT_KINDS):
        every = kind == "all items"
        f = sum(found[k] for k in KINDS) if every else found[kind]
        r = sum(right[k] for k in KINDS) if every else right[kind]
        g = sum(gold[k] for k in KINDS) if every else gold[kind]
        c = sum(recalled[k] for k in KINDS) if every else recalled[kind]
        print(f"| {kind} | {f} | {r} | {_pct(r, f)} | {g} | {c} | {_pct(c, g)} |")
    print(f"\nthe class guessed for a right new name: the gold's {classed['exact']} of "
          f"{classed['all']}, the gold's or a superclass of it {classed['broader']} of "
          f"{classed['all']}")


def _broader_or_same(guess: str, gold: str) -> bool:
    """Whether the class ``guess`` is ``gold`` or one of its superclasses in DJO."""
    words = vocabulary()
    try:
        wanted, guessed = str(words.class_(gold)), str(words.class_(guess))
    except UnknownTerm:
        return False
    return guessed in load_ontology().superclasses.get(wanted, {wanted})


def gold_classes(data: dict) -> dict[str, str]:
    """The class of each named gold entity, by its name (case aside)."""
    return {str(e["name"]).casefold(): e["type"] for e in data.get("entities") or []
            if e.get("name")}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "–"


if __name__ == "__main__":
    main()
