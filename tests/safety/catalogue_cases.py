"""The bad-input catalogue (issue 10): how to make each bad input, the command, what must happen.

Each :class:`Case` runs the real ``handcar`` in a subprocess, in a copy of the project
(``articles/`` and ``out/``), and must end with its exit status (2: input, usage or a limit;
3: an I/O failure), one line of stderr matching its pattern, no traceback, and the copied
project byte-identical afterwards. ``test_catalogue.py`` runs them.

Patterns are regular expressions matched against each line of stderr; ``@name@`` is replaced by
what the case's setup returns (for example the line it broke) or by a server's URL.
Patterns match on substance (file, line, the limit or the refused thing), not on wording.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from handcar.publish.release import MARKER, MARKER_BYTES

SEED = "moscow-times-2021-02-26-handcar"
ANNOTATION = f"articles/{SEED}/annotation.yaml"
ENRICHMENT = f"articles/{SEED}/enrichment.yaml"
ARTICLE = f"articles/{SEED}/article.md"


@dataclass(frozen=True)
class Project:
    """The copied project a case runs in (its working folder) and what lies around it."""

    root: Path
    scratch: Path
    urls: Mapping[str, str]

    @property
    def seed(self) -> Path:
        return self.root / "articles" / SEED

    def path(self, relative: str) -> Path:
        return self.root / relative


Setup = Callable[[Project], Mapping[str, str] | None]


@dataclass(frozen=True)
class Case:
    """One bad input and what handcar must do with it."""

    id: str
    argv: tuple[str, ...]
    exit: int
    message: str
    setup: Setup | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    unprivileged: bool = False
    """Run without the power to bypass file permissions (root drops CAP_DAC_* with setpriv)."""
    file_size_cap: int | None = None
    """RLIMIT_FSIZE in bytes: writes beyond it fail as on a full disk (EFBIG)."""
    memory_cap: int | None = None
    """RLIMIT_AS in bytes, for cases that would exhaust memory if the limit did not hold."""
    untouched_server: str | None = None
    """A server (name in ``Project.urls``) that must receive no request."""
    xfail: str | None = None
    timeout: float = 20.0


def all_of(*patterns: str) -> str:
    """A pattern for one line that contains every one of ``patterns``, in any order.

    Matching ignores case (messages are matched on substance, not on wording)."""
    plain = [p.replace("(?i)", "") for p in patterns]
    return "(?i)^" + "".join(f"(?=.*?(?:{p}))" for p in plain)


def at(file: str, line: str = r"\d+") -> str:
    """``file:line:`` (``file`` is a path relative to the project, or its tail)."""
    return rf"{re.escape(file)}:{line}\b"


def in_annotation(*patterns: str, line: str = "@line@") -> str:
    return all_of(at(ANNOTATION, line), *patterns)


# --- making bad inputs ------------------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> dict[str, str]:
    """Replace the first ``old`` in ``path`` with ``new``; the line where ``new`` starts."""
    text = path.read_text(encoding="utf-8")
    at_char = text.index(old)
    path.write_text(text[:at_char] + new + text[at_char + len(old) :], encoding="utf-8")
    return {"line": str(text.count("\n", 0, at_char) + 1)}


def edit_annotation(old: str, new: str) -> Setup:
    return lambda p: edit(p.path(ANNOTATION), old, new)


def write(relative: str, data: bytes | str) -> Setup:
    def setup(p: Project) -> None:
        target = p.path(relative)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return setup


def append_annotation(data: bytes) -> Setup:
    return append(ANNOTATION, data)


def append(relative: str, data: bytes) -> Setup:
    """Add ``data`` at the end of a file; the line where it starts."""

    def setup(p: Project) -> dict[str, str]:
        path = p.path(relative)
        old = path.read_bytes()
        path.write_bytes(old + data)
        return {"line": str(old.count(b"\n") + 1)}

    return setup


def mkdir(relative: str, mode: int = 0o777) -> Setup:
    def setup(p: Project) -> None:
        p.path(relative).mkdir(mode=mode)

    return setup


def symlink(relative: str, target: str) -> Setup:
    def setup(p: Project) -> None:
        p.path(relative).symlink_to(target)

    return setup


def remove(relative: str) -> Setup:
    def setup(p: Project) -> None:
        p.path(relative).unlink()

    return setup


def fifo(relative: str) -> Setup:
    def setup(p: Project) -> None:
        target = p.path(relative)
        if target.exists():
            target.unlink()
        os.mkfifo(target)

    return setup


def folder_instead(relative: str) -> Setup:
    def setup(p: Project) -> None:
        target = p.path(relative)
        if target.exists():
            target.unlink()
        target.mkdir()
        (target / "inside.txt").write_text("a folder where a file belongs\n")

    return setup


def symlink_loop(relative: str) -> Setup:
    def setup(p: Project) -> None:
        target = p.path(relative)
        if target.exists():
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(target.name)

    return setup


def unreadable(relative: str, data: str | None = None) -> Setup:
    def setup(p: Project) -> None:
        target = p.path(relative)
        if data is not None:
            target.write_text(data, encoding="utf-8")
        target.chmod(0)

    return setup


def move_articles_into(folder: str) -> Setup:
    def setup(p: Project) -> None:
        (p.root / folder).mkdir()
        (p.root / "articles").rename(p.root / folder / "articles")

    return setup


def as_release(relative: str) -> Setup:
    """Make sure the copied folder carries the release marker (the committed ``out/`` may predate
    it), so that a refusal cannot come from the marker check instead of the fault under test."""

    def setup(p: Project) -> None:
        marker = p.path(relative) / MARKER
        if not marker.exists():
            marker.write_bytes(MARKER_BYTES)

    return setup


def rename_seed(new_name: str) -> Setup:
    def setup(p: Project) -> None:
        p.seed.rename(p.root / "articles" / new_name)

    return setup


def copy_release(relative: str, damage: Callable[[Path], None] | None = None) -> Setup:
    """A copy of ``out/`` at ``relative`` (damaged by ``damage``), for commands that read one."""

    def setup(p: Project) -> None:
        target = p.path(relative)
        shutil.copytree(p.root / "out", target, symlinks=True)
        if damage is not None:
            damage(target)

    return setup


def garbage_nq(release: Path) -> None:
    (release / "dataset.nq").write_bytes(b"<http://e/s> <http://e/p> \xff\xfe not n-quads\n")


def garbage_trig(release: Path) -> None:
    (release / "dataset.trig").write_text("@prefix : <http://e/> .\n:s :p :o ;\n  :q {{ .\n")


def chain(*setups: Setup) -> Setup:
    def setup(p: Project) -> dict[str, str]:
        found: dict[str, str] = {}
        for step in setups:
            found.update(step(p) or {})
        return found

    return setup


def alias_bomb(levels: int = 9, width: int = 9) -> bytes:
    """The issue's alias bomb: ``levels`` lists, each naming the previous one ``width`` times."""
    lines = ["format: handcar-annotation/1", 'l0: &l0 ["lol"]']
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]")
    return ("\n".join(lines) + "\n").encode()


def xml_entities(levels: int, width: int = 10) -> str:
    """RDF/XML whose literal is an entity that expands ``width ** levels`` times."""
    entities = ['  <!ENTITY e0 "handcar">']
    for n in range(1, levels + 1):
        entities.append(f'  <!ENTITY e{n} "{("&e" + str(n - 1) + ";") * width}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:ex="http://example.org/">\n'
        f'  <rdf:Description rdf:about="http://example.org/x"><ex:p>&e{levels};</ex:p>'
        "</rdf:Description>\n</rdf:RDF>\n"
    )


XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    ' xmlns:ex="http://example.org/">\n'
    '  <rdf:Description rdf:about="http://example.org/x"><ex:p>&secret;</ex:p>'
    "</rdf:Description>\n</rdf:RDF>\n"
)

JSONLD_WITH_CONTEXT = '{"@context": "%s",\n "@id": "http://example.org/x",\n "name": "handcar"}\n'


def nested_json(depth: int) -> str:
    inner = '{"http://example.org/v": "deep"}'
    for _ in range(depth):
        inner = '{"http://example.org/p": ' + inner + "}"
    return inner[:-1] + ', "@id": "http://example.org/root"}\n'


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"
CONSTRUCT_ALL = "CONSTRUCT WHERE { ?s ?p ?o }"
SERVICE_PROBE = "SELECT * WHERE { SERVICE <@probe@/sparql> { ?s ?p ?o } }"
SERVICE_SILENT = "SELECT * WHERE { SERVICE <@silent@/sparql> { ?s ?p ?o } }"
SERVICE_NESTED = (
    "select ?s where { ?s a schema:Person optional { service silent <@probe@/sparql> "
    "{ ?s ?p ?o } } }"
)
READ_ONLY = r"(?i)read-only"
SERVICE = r"(?i)SERVICE"
EXIT_INPUT = 2
EXIT_IO = 3
TEXT_LIMIT = "1000"
MEMORY_CAP = 3 * 1024**3
YAML_FILE = r"(annotation|enrichment)\.yaml"
SMALL_SHAPES = (
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "<urn:s> a sh:NodeShape ; sh:targetClass <https://w3id.org/djo#Journey> ;\n"
    "    sh:property [ sh:path <http://www.w3.org/2000/01/rdf-schema#label> ; sh:minCount 1 ] .\n"
)


# --- the catalogue ----------------------------------------------------------------------------

BUILD: list[Case] = [
    # release safety: --out never replaces sources, the project, a file or a foreign folder
    Case(
        "build-out-is-articles",
        ("build", "--articles", "articles", "--out", "articles"),
        EXIT_INPUT,
        all_of("articles", r"(?i)refus|not a handcar release|contains|source|would replace"),
    ),
    Case(
        "build-out-is-an-article-folder",
        ("build", "--out", f"articles/{SEED}"),
        EXIT_INPUT,
        all_of(re.escape(SEED), r"(?i)refus|not a handcar release|article|would replace"),
    ),
    Case(
        "build-out-is-the-current-folder",
        ("build", "--out", "."),
        EXIT_INPUT,
        all_of(r"(?i)refus|current folder|working|contains|not a handcar release"),
    ),
    Case(
        "build-out-is-the-parent-folder",
        ("build", "--out", ".."),
        EXIT_INPUT,
        all_of(r"(?i)refus|ancestor|parent|contains|current folder|not a handcar release"),
    ),
    Case(
        "build-out-contains-the-articles",
        ("build", "--articles", "data/articles", "--out", "data"),
        EXIT_INPUT,
        all_of("data", r"(?i)refus|contains|articles|not a handcar release"),
        setup=move_articles_into("data"),
    ),
    Case(
        "build-out-is-a-file",
        ("build", "--out", "notes.txt"),
        EXIT_INPUT,
        all_of(r"notes\.txt", r"(?i)file|not a folder|refus"),
        setup=write("notes.txt", "my notes, not a release\n"),
    ),
    Case(
        "build-out-below-a-file",
        ("build", "--out", "notes.txt/out"),
        EXIT_INPUT,
        all_of(r"notes\.txt", r"(?i)not a folder|not a directory|file|refus"),
        setup=write("notes.txt", "my notes, not a release\n"),
    ),
    Case(
        "build-out-is-a-foreign-folder",
        ("build", "--out", "photos"),
        EXIT_INPUT,
        all_of("photos", r"(?i)handcar release|empty|refus|marker"),
        setup=write("photos/holiday.jpg", b"\xff\xd8\xff\xe0 not really a photo"),
    ),
    Case(
        "build-out-is-a-symlink-to-articles",
        ("build", "--out", "link-to-articles"),
        EXIT_INPUT,
        all_of(r"(?i)refus|articles|not a handcar release|contains"),
        setup=symlink("link-to-articles", "articles"),
    ),
    # --base
    Case(
        "build-base-with-fragment",
        ("build", "--out", "out", "--base", "https://example.org/id/#x"),
        EXIT_INPUT,
        all_of("--base", r"(?i)fragment|#"),
    ),
    Case(
        "build-base-without-trailing-slash",
        ("build", "--out", "out", "--base", "https://example.org/id"),
        EXIT_INPUT,
        all_of("--base", r"(?i)/"),
    ),
    Case(
        "build-base-ftp",
        ("build", "--out", "out", "--base", "ftp://example.org/id/"),
        EXIT_INPUT,
        all_of("--base", r"(?i)ftp|http|scheme"),
    ),
    Case(
        "build-base-not-an-iri",
        ("build", "--out", "out", "--base", "not an iri/"),
        EXIT_INPUT,
        all_of("--base", r"(?i)IRI|space|scheme"),
    ),
    # the articles folder
    Case(
        "build-articles-missing",
        ("build", "--articles", "no-such-folder", "--out", "out"),
        EXIT_INPUT,
        all_of("no-such-folder", r"(?i)no such|missing|not found|does not exist"),
    ),
    Case(
        "build-articles-is-a-file",
        ("build", "--articles", "notes.txt", "--out", "out"),
        EXIT_INPUT,
        all_of(r"notes\.txt", r"(?i)folder|director"),
        setup=write("notes.txt", "not a folder\n"),
    ),
    Case(
        "build-articles-empty",
        ("build", "--articles", "nothing", "--out", "out"),
        EXIT_INPUT,
        all_of("nothing", r"(?i)no article|empty"),
        setup=mkdir("nothing"),
    ),
    # article ids must follow the slug rule
    *[
        Case(
            f"build-article-id-{label}",
            ("build", "--out", "out"),
            EXIT_INPUT,
            all_of(re.escape(name), r"(?i)slug|article id|folder name|lower-case"),
            setup=rename_seed(name),
        )
        for label, name in [
            ("url-characters", "a#b?c"),
            ("dots", "a..b"),
            ("upper-case", "UPPER_case"),
            ("non-ascii", "статья-2021"),
        ]
    ],
    # annotation.yaml: YAML limits and hostile YAML
    Case(
        "build-yaml-alias-bomb",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)alias"),
        setup=write(ANNOTATION, alias_bomb()),
        memory_cap=MEMORY_CAP,
    ),
    Case(
        "build-yaml-aliases-over-a-small-limit",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)alias|HANDCAR_MAX_YAML_ALIASES"),
        setup=write(ANNOTATION, alias_bomb(levels=2, width=3)),
        env={"HANDCAR_MAX_YAML_ALIASES": "3"},
    ),
    Case(
        "build-yaml-deep-nesting",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)depth|nest|HANDCAR_MAX_YAML_DEPTH"),
        setup=append_annotation(b"deep: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
        memory_cap=MEMORY_CAP,
    ),
    Case(
        "build-yaml-depth-over-a-small-limit",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(YAML_FILE, r"(?i)depth|nest|HANDCAR_MAX_YAML_DEPTH"),
        env={"HANDCAR_MAX_YAML_DEPTH": "3"},
    ),
    Case(
        "build-yaml-too-big",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(YAML_FILE, r"HANDCAR_MAX_YAML_BYTES|(?i)size"),
        env={"HANDCAR_MAX_YAML_BYTES": TEXT_LIMIT},
    ),
    Case(
        "build-yaml-limit-not-a-number",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of("HANDCAR_MAX_YAML_BYTES", r"(?i)number"),
        env={"HANDCAR_MAX_YAML_BYTES": "lots"},
    ),
    Case(
        "build-yaml-limit-not-positive",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of("HANDCAR_MAX_YAML_DEPTH", r"(?i)positive"),
        env={"HANDCAR_MAX_YAML_DEPTH": "0"},
    ),
    Case(
        "build-yaml-python-tag",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"(?i)tag|python"),
        setup=edit_annotation(
            "    label: The Moscow Times\n",
            '    label: !!python/object/apply:os.system ["touch pwned"]\n',
        ),
    ),
    Case(
        "build-yaml-unknown-tag",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"(?i)tag"),
        setup=edit_annotation(
            "    label: The Moscow Times\n", "    label: !shout The Moscow Times\n"
        ),
    ),
    Case(
        "build-yaml-syntax-error",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"(?i)syntax|YAML"),
        setup=edit_annotation("  - id: journey\n", "  - id: [journey\n"),
    ),
    Case(
        "build-yaml-empty",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)empty|mapping|format"),
        setup=write(ANNOTATION, b""),
    ),
    Case(
        "build-yaml-is-a-list",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)mapping|dict|object|format|list"),
        setup=write(ANNOTATION, "- format: handcar-annotation/1\n"),
    ),
    Case(
        "build-yaml-not-utf8",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)utf-?8|decode|encoding|byte"),
        setup=append_annotation(b"# caf\xe9 \xff\xfe\n"),
    ),
    Case(
        "build-yaml-raw-control-character",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"(?i)control|character|#x0007"),
        setup=edit_annotation("    label: The Moscow Times\n", "    label: The Moscow \x07Times\n"),
    ),
    # annotation.yaml that is not a regular file
    Case(
        "build-yaml-is-a-fifo",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)regular file|FIFO"),
        setup=fifo(ANNOTATION),
    ),
    Case(
        "build-yaml-is-a-folder",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)folder|director|not a file|regular file"),
        setup=folder_instead(ANNOTATION),
    ),
    Case(
        "build-yaml-symlink-loop",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)symbolic link|symlink|loop|levels"),
        setup=symlink_loop(ANNOTATION),
    ),
    Case(
        "build-yaml-missing",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"annotation\.yaml", r"(?i)no such|missing|required|not found"),
        setup=remove(ANNOTATION),
    ),
    Case(
        "build-yaml-unreadable",
        ("build", "--out", "out"),
        EXIT_IO,
        all_of(r"annotation\.yaml", r"(?i)permission"),
        setup=unreadable(ANNOTATION),
        unprivileged=True,
    ),
    # values the annotation may not carry
    Case(
        "build-impossible-date",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"2021-02-30|(?i)date|day"),
        setup=edit_annotation("    date: 2021-02-25\n", "    date: 2021-02-30\n"),
    ),
    Case(
        "build-lone-surrogate",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"(?i)surrogate|unicode|character"),
        setup=edit_annotation(
            "    label: The Moscow Times\n", '    label: "The Moscow \\ud800Times"\n'
        ),
    ),
    *[
        Case(
            f"build-label-with-{label}",
            ("build", "--out", "out"),
            EXIT_INPUT,
            in_annotation(r"(?i)control character|control char"),
            setup=edit_annotation(
                "    label: The Moscow Times\n", f'    label: "The Moscow {escape}Times"\n'
            ),
        )
        for label, escape in [
            ("nul", "\\0"),
            ("ansi-escape", "\\e[31m"),
            ("bel", "\\a"),
            ("crlf", "\\r\\n"),
        ]
    ],
    Case(
        "build-literal-with-ansi-escape",
        ("build", "--out", "out"),
        EXIT_INPUT,
        in_annotation(r"(?i)control character|control char"),
        setup=edit_annotation(
            'hashtag, "We Don\'t Leave Our Own"]', 'hashtag, "We Don\'t \\e[2J Leave Our Own"]'
        ),
    ),
    # enrichment.yaml and article.md
    Case(
        "build-enrichment-is-a-fifo",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"enrichment\.yaml", r"(?i)regular file|FIFO"),
        setup=fifo(ENRICHMENT),
    ),
    Case(
        "build-enrichment-python-tag",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(at(ENRICHMENT, "@line@"), r"(?i)tag|python"),
        setup=lambda p: edit(
            p.path(ENRICHMENT), "    label: Wikidata\n", "    label: !!python/name:os.system\n"
        ),
    ),
    Case(
        "build-article-is-a-fifo",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"article\.md", r"(?i)regular file|FIFO"),
        setup=fifo(ARTICLE),
    ),
    Case(
        "build-article-is-a-folder",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"article\.md", r"(?i)folder|director|not a file|regular file"),
        setup=folder_instead(ARTICLE),
    ),
    Case(
        "build-article-too-big",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"article\.md", r"HANDCAR_MAX_ARTICLE_BYTES|(?i)size"),
        env={"HANDCAR_MAX_ARTICLE_BYTES": TEXT_LIMIT},
    ),
    Case(
        "build-article-not-utf8",
        ("build", "--out", "out"),
        EXIT_INPUT,
        all_of(r"article\.md", r"(?i)utf-?8|decode|encoding|byte"),
        setup=append(ARTICLE, b"\xff\xfe\n"),
    ),
    # faults while writing: the old release stays, exit 3
    Case(
        "build-disk-full",
        ("build", "--out", "out"),
        EXIT_IO,
        all_of(r"(?i)I/O error|too large|no space|disk"),
        setup=as_release("out"),
        env={"HANDCAR_CACHE_DIR": ""},
        file_size_cap=100_000,
    ),
    Case(
        "build-disk-full-into-a-new-folder",
        ("build", "--out", "new-release"),
        EXIT_IO,
        all_of(r"(?i)I/O error|too large|no space|disk"),
        env={"HANDCAR_CACHE_DIR": ""},
        file_size_cap=100_000,
    ),
    Case(
        "build-out-in-read-only-folder",
        ("build", "--out", "locked/out"),
        EXIT_IO,
        all_of("locked", r"(?i)permission"),
        setup=mkdir("locked", mode=0o555),
        unprivileged=True,
    ),
    Case(
        "build-unknown-option",
        ("build", "--frobnicate"),
        EXIT_INPUT,
        all_of(r"--frobnicate", r"(?i)no such option|unknown"),
    ),
]

VALIDATE: list[Case] = [
    Case(
        "validate-empty-file",
        ("validate", "empty.ttl"),
        EXIT_INPUT,
        all_of(r"empty\.ttl", r"(?i)empty|no triples|nothing"),
        setup=write("empty.ttl", b""),
    ),
    Case(
        "validate-only-comments",
        ("validate", "comments.nt"),
        EXIT_INPUT,
        all_of(r"comments\.nt", r"(?i)empty|no triples|nothing"),
        setup=write("comments.nt", "# nothing here\n\n"),
    ),
    Case(
        "validate-jsonld-without-triples",
        ("validate", "nothing.jsonld"),
        EXIT_INPUT,
        all_of(r"nothing\.jsonld", r"(?i)empty|no triples|nothing"),
        setup=write("nothing.jsonld", '{"@context": {"name": "http://schema.org/name"}}\n'),
    ),
    Case(
        "validate-jsonld-context-is-an-array-file",
        ("validate", "doc.jsonld"),
        EXIT_INPUT,
        all_of(r"(doc|ctx)\.jsonld", r"(?i)context"),
        setup=chain(
            write("ctx.jsonld", "[1, 2, 3]\n"),
            write("doc.jsonld", JSONLD_WITH_CONTEXT % "ctx.jsonld"),
        ),
    ),
    Case(
        "validate-jsonld-remote-context",
        ("validate", "doc.jsonld"),
        EXIT_INPUT,
        all_of(r"doc\.jsonld", r"(?i)context"),
        setup=lambda p: write("doc.jsonld", JSONLD_WITH_CONTEXT % (p.urls["probe"] + "/ctx"))(p),
        untouched_server="probe",
    ),
    Case(
        "validate-jsonld-context-outside-its-folder",
        ("validate", "data/doc.jsonld"),
        EXIT_INPUT,
        all_of(r"doc\.jsonld", r"(?i)context|outside"),
        setup=chain(
            write("secret.jsonld", '{"@context": {"name": "http://schema.org/name"}}\n'),
            write("data/doc.jsonld", JSONLD_WITH_CONTEXT % "../secret.jsonld"),
        ),
    ),
    Case(
        "validate-jsonld-file-url-context",
        ("validate", "doc.jsonld"),
        EXIT_INPUT,
        all_of(r"doc\.jsonld", r"(?i)context"),
        setup=write("doc.jsonld", JSONLD_WITH_CONTEXT % "file:///etc/hostname"),
    ),
    Case(
        "validate-jsonld-too-deep",
        ("validate", "deep.jsonld"),
        EXIT_INPUT,
        all_of(r"deep\.jsonld", r"(?i)depth|nest|HANDCAR_MAX_JSON_DEPTH"),
        setup=write("deep.jsonld", nested_json(40)),
        env={"HANDCAR_MAX_JSON_DEPTH": "10"},
    ),
    Case(
        "validate-jsonld-not-json",
        ("validate", "broken.jsonld"),
        EXIT_INPUT,
        all_of(at("broken.jsonld"), r"(?i)json|syntax|expect"),
        setup=write("broken.jsonld", '{\n  "@id": "http://example.org/x",\n  "name": \n'),
    ),
    Case(
        "validate-xml-entity-bomb",
        ("validate", "bomb.rdf"),
        EXIT_INPUT,
        all_of(r"bomb\.rdf", r"(?i)entit|DTD|amplification"),
        setup=write("bomb.rdf", xml_entities(levels=8)),
        memory_cap=MEMORY_CAP,
    ),
    Case(
        "validate-xml-entity-expansion",
        ("validate", "entity.rdf"),
        EXIT_INPUT,
        all_of(r"entity\.rdf", r"(?i)entit|DTD"),
        setup=write("entity.rdf", xml_entities(levels=4)),
    ),
    Case(
        "validate-ontology-is-a-fifo",
        ("validate", "out", "--shapes", "shapes.ttl", "--ontology", "onto.ttl"),
        EXIT_INPUT,
        all_of(r"onto\.ttl", r"(?i)regular file|FIFO"),
        setup=chain(write("shapes.ttl", SMALL_SHAPES), fifo("onto.ttl")),
    ),
    Case(
        "validate-ontology-xml-entities",
        ("validate", "out", "--shapes", "shapes.ttl", "--ontology", "onto.rdf"),
        EXIT_INPUT,
        all_of(r"onto\.rdf", r"(?i)entit|DTD"),
        setup=chain(write("shapes.ttl", SMALL_SHAPES), write("onto.rdf", xml_entities(levels=8))),
        memory_cap=MEMORY_CAP,
    ),
    Case(
        "validate-xml-external-entity",
        ("validate", "xxe.rdf"),
        EXIT_INPUT,
        all_of(r"xxe\.rdf", r"(?i)entit|DTD"),
        setup=write("xxe.rdf", XXE),
    ),
    Case(
        "validate-over-the-size-limit",
        ("validate", "out/dataset.nq"),
        EXIT_INPUT,
        all_of(r"dataset\.nq", r"HANDCAR_MAX_RDF_BYTES|max-input-size"),
        env={"HANDCAR_MAX_RDF_BYTES": TEXT_LIMIT},
    ),
    Case(
        "validate-over-max-input-size",
        ("validate", "out/dataset.nq", "--max-input-size", TEXT_LIMIT),
        EXIT_INPUT,
        all_of(r"dataset\.nq", r"HANDCAR_MAX_RDF_BYTES|max-input-size|(?i)limit"),
    ),
    Case(
        "validate-missing-file",
        ("validate", "missing.ttl"),
        EXIT_INPUT,
        all_of(r"missing\.ttl", r"(?i)no such|missing|not found|does not exist"),
    ),
    Case(
        "validate-folder-without-release",
        ("validate", "empty-folder"),
        EXIT_INPUT,
        all_of("empty-folder", r"(?i)no |release|dataset|empty"),
        setup=mkdir("empty-folder"),
    ),
    Case(
        "validate-fifo",
        ("validate", "pipe.nt"),
        EXIT_INPUT,
        all_of(r"pipe\.nt", r"(?i)regular file|FIFO"),
        setup=fifo("pipe.nt"),
    ),
    Case(
        "validate-symlink-loop",
        ("validate", "loop.ttl"),
        EXIT_INPUT,
        all_of(r"loop\.ttl", r"(?i)symbolic link|symlink|loop|levels"),
        setup=symlink_loop("loop.ttl"),
    ),
    Case(
        "validate-unreadable",
        ("validate", "secret.ttl"),
        EXIT_IO,
        all_of(r"secret\.ttl", r"(?i)permission"),
        setup=unreadable("secret.ttl", "<http://e/s> <http://e/p> <http://e/o> .\n"),
        unprivileged=True,
    ),
    Case(
        "validate-turtle-syntax-error",
        ("validate", "bad.ttl"),
        EXIT_INPUT,
        all_of(at("bad.ttl", "3"), r"(?i)syntax"),
        setup=write(
            "bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e {{\n"
        ),
    ),
    Case(
        "validate-crlf-turtle-syntax-error",
        ("validate", "windows.ttl"),
        EXIT_INPUT,
        all_of(at("windows.ttl", "3"), r"(?i)syntax"),
        setup=write(
            "windows.ttl",
            b"@prefix ex: <http://example.org/> .\r\nex:a ex:b ex:c .\r\nex:d ex:e {{\r\n",
        ),
    ),
    Case(
        "validate-binary-file",
        ("validate", "random.ttl"),
        EXIT_INPUT,
        all_of(r"random\.ttl", r"(?i)syntax|utf-?8|decode|binary|byte"),
        setup=write("random.ttl", bytes(range(256)) * 4),
    ),
    Case(
        "validate-trig-named-nq",
        ("validate", "graphs.nq"),
        EXIT_INPUT,
        all_of(at("graphs.nq"), r"(?i)syntax|expect|N-Quads"),
        setup=write(
            "graphs.nq", "@prefix ex: <http://example.org/> .\nex:g { ex:a ex:b ex:c . }\n"
        ),
    ),
    Case(
        "validate-unknown-extension",
        ("validate", "data.xyz"),
        EXIT_INPUT,
        all_of(r"data\.xyz", r"(?i)format|extension|suffix|unknown"),
        setup=write("data.xyz", "<http://e/s> <http://e/p> <http://e/o> .\n"),
    ),
    Case(
        "validate-lone-surrogate",
        ("validate", "surrogate.nt"),
        EXIT_INPUT,
        all_of(r"surrogate\.nt", r"(?i)surrogate|unicode|character|syntax"),
        setup=write("surrogate.nt", '<http://e/s> <http://e/p> "a\\uD800b" .\n'),
    ),
    Case(
        "validate-broken-release-folder",
        ("validate", "old-release"),
        EXIT_INPUT,
        all_of(r"dataset\.(trig|nq)", r"(?i)syntax|expect"),
        setup=copy_release("old-release", garbage_trig),
    ),
    Case(
        "validate-unknown-format",
        ("validate", "--format", "yaml"),
        EXIT_INPUT,
        all_of("yaml", r"(?i)invalid value|not one of|unknown"),
    ),
    Case(
        "validate-unknown-fail-on",
        ("validate", "--fail-on", "never"),
        EXIT_INPUT,
        all_of("never", r"(?i)invalid value|not one of|unknown"),
    ),
    Case(
        "validate-missing-shapes",
        ("validate", "--shapes", "no-shapes.ttl"),
        EXIT_INPUT,
        all_of(r"no-shapes\.ttl", r"(?i)no such|missing|not found|does not exist"),
    ),
    Case(
        "validate-output-disk-full",
        ("validate", "tiny.nt", "--output", "/dev/full"),
        EXIT_IO,
        all_of("/dev/full", r"(?i)I/O error|no space|cannot write"),
        setup=write("tiny.nt", '<http://example.org/s> <http://example.org/p> "o" .\n'),
    ),
]

QUERY: list[Case] = [
    Case(
        "query-service-refused",
        ("query", SERVICE_PROBE),
        EXIT_INPUT,
        all_of(SERVICE, r"(?i)refus|not allowed|network|not supported"),
        untouched_server="probe",
    ),
    Case(
        "query-service-to-a-silent-socket",
        ("query", SERVICE_SILENT),
        EXIT_INPUT,
        all_of(SERVICE, r"(?i)refus|not allowed|network|not supported"),
        timeout=15.0,
    ),
    Case(
        "query-service-lower-case-silent-optional",
        ("query", SERVICE_NESTED),
        EXIT_INPUT,
        all_of(SERVICE, r"(?i)refus|not allowed|network|not supported"),
        untouched_server="probe",
    ),
    Case(
        "query-service-in-a-file",
        ("query", "remote.rq"),
        EXIT_INPUT,
        all_of(r"remote\.rq", SERVICE),
        setup=lambda p: write("remote.rq", SERVICE_PROBE.replace("@probe@", p.urls["probe"]))(p),
        untouched_server="probe",
    ),
    Case(
        "query-service-after-a-bom",
        ("query", "bom.rq"),
        EXIT_INPUT,
        all_of(r"bom\.rq", SERVICE),
        setup=lambda p: write(
            "bom.rq", "\ufeff" + SERVICE_PROBE.replace("@probe@", p.urls["probe"])
        )(p),
        untouched_server="probe",
    ),
    Case(
        "query-service-through-a-prefixed-name",
        (
            "query",
            "PREFIX remote: <@probe@/> SELECT * WHERE { SERVICE remote:sparql { ?s ?p ?o } }",
        ),
        EXIT_INPUT,
        all_of(SERVICE, r"(?i)refus|not allowed|network|not supported"),
        untouched_server="probe",
    ),
    Case(
        "query-service-from-stdin",
        ("query", "-"),
        EXIT_INPUT,
        all_of(SERVICE, r"(?i)refus|not allowed|network|not supported"),
        stdin=SERVICE_PROBE.encode(),
        untouched_server="probe",
    ),
    *[
        Case(f"query-update-{label}", ("query", text), EXIT_INPUT, all_of(READ_ONLY))
        for label, text in [
            ("insert-data", "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }"),
            ("delete-where", "DELETE WHERE { ?s ?p ?o }"),
            ("clear-all", "CLEAR ALL"),
            ("load", "LOAD <@probe@/data.ttl>"),
        ]
    ],
    Case(
        "query-long-inline-syntax-error",
        ("query", "SELECT ?s WHERE { ?s ?p ?o " + "FILTER(?o != 1) " * 20 + "OOPS }"),
        EXIT_INPUT,
        all_of(r"(?i)syntax|parse|expect"),
    ),
    Case(
        "query-cartesian-timeout",
        ("query", CARTESIAN),
        EXIT_INPUT,
        all_of(r"HANDCAR_QUERY_TIMEOUT|--timeout|(?i)time"),
        env={"HANDCAR_QUERY_TIMEOUT": "1"},
    ),
    Case(
        "query-timeout-option",
        ("query", CARTESIAN, "--timeout", "1"),
        EXIT_INPUT,
        all_of(r"HANDCAR_QUERY_TIMEOUT|--timeout|(?i)time"),
    ),
    Case(
        "query-result-cap",
        ("query", EVERYTHING, "--format", "csv"),
        EXIT_INPUT,
        all_of(r"HANDCAR_QUERY_MAX_RESULTS|--max-results|(?i)result"),
        env={"HANDCAR_QUERY_MAX_RESULTS": "10"},
    ),
    Case(
        "query-construct-cap",
        ("query", CONSTRUCT_ALL),
        EXIT_INPUT,
        all_of(r"HANDCAR_QUERY_MAX_RESULTS|--max-results|(?i)result|triples"),
        env={"HANDCAR_QUERY_MAX_RESULTS": "10"},
    ),
    Case(
        "query-max-results-option",
        ("query", EVERYTHING, "--max-results", "5"),
        EXIT_INPUT,
        all_of(r"HANDCAR_QUERY_MAX_RESULTS|--max-results|(?i)result"),
    ),
    Case(
        "query-text-too-big",
        ("query", "big.rq"),
        EXIT_INPUT,
        all_of(r"big\.rq", r"HANDCAR_QUERY_MAX_BYTES|(?i)size"),
        setup=write("big.rq", "# padding\n" * 50 + "ASK { ?s ?p ?o }\n"),
        env={"HANDCAR_QUERY_MAX_BYTES": "100"},
    ),
    Case(
        "query-syntax-error",
        ("query", "SELEKT ?s WHERE { ?s ?p ?o }"),
        EXIT_INPUT,
        all_of(r"(?i)syntax|parse|expect"),
    ),
    Case(
        "query-empty",
        ("query", ""),
        EXIT_INPUT,
        all_of(r"(?i)empty|syntax|no query|parse|expect"),
    ),
    Case(
        "query-missing-file",
        ("query", "missing.rq"),
        EXIT_INPUT,
        all_of(r"missing\.rq", r"(?i)no |not found|missing"),
    ),
    Case(
        "query-file-is-a-fifo",
        ("query", "pipe.rq"),
        EXIT_INPUT,
        all_of(r"pipe\.rq", r"(?i)regular file|FIFO"),
        setup=fifo("pipe.rq"),
    ),
    Case(
        "query-file-is-a-folder",
        ("query", "folder.rq"),
        EXIT_INPUT,
        all_of(r"folder\.rq", r"(?i)folder|director|not a file|regular file"),
        setup=mkdir("folder.rq"),
    ),
    Case(
        "query-binary-file",
        ("query", "binary.rq"),
        EXIT_INPUT,
        all_of(r"binary\.rq", r"(?i)utf-?8|decode|binary|byte|syntax"),
        setup=write("binary.rq", bytes(range(256)) * 2),
    ),
    Case(
        "query-symlink-loop",
        ("query", "loop.rq"),
        EXIT_INPUT,
        all_of(r"loop\.rq", r"(?i)symbolic link|symlink|loop|levels"),
        setup=symlink_loop("loop.rq"),
    ),
    Case(
        "query-unreadable-file",
        ("query", "secret.rq"),
        EXIT_IO,
        all_of(r"secret\.rq", r"(?i)permission"),
        setup=unreadable("secret.rq", "ASK { ?s ?p ?o }\n"),
        unprivileged=True,
    ),
    Case(
        "query-unknown-graph",
        ("query", "ASK { ?s ?p ?o }", "--graph", "nosuch"),
        EXIT_INPUT,
        all_of("nosuch", r"(?i)graph"),
    ),
    Case(
        "query-ask-as-turtle",
        ("query", "ASK { ?s ?p ?o }", "--format", "turtle"),
        EXIT_INPUT,
        all_of("turtle", r"(?i)ASK|format"),
    ),
    Case(
        "query-construct-as-csv",
        ("query", CONSTRUCT_ALL, "--format", "csv"),
        EXIT_INPUT,
        all_of("csv", r"(?i)CONSTRUCT|format"),
    ),
    Case(
        "query-unknown-format",
        ("query", "ASK { ?s ?p ?o }", "--format", "yaml"),
        EXIT_INPUT,
        all_of("yaml", r"(?i)format"),
    ),
    Case(
        "query-missing-release",
        ("query", "ASK { ?s ?p ?o }", "--out", "no-release"),
        EXIT_INPUT,
        all_of("no-release", r"(?i)no release|build|missing|no such"),
    ),
    Case(
        "query-broken-release",
        ("query", "ASK { ?s ?p ?o }", "--out", "old-release"),
        EXIT_INPUT,
        all_of(r"dataset\.nq", r"(?i)syntax|utf|invalid|expect|parse"),
        setup=copy_release("old-release", garbage_nq),
    ),
]

LOAD: list[Case] = [
    Case(
        "load-endpoint-refuses-connections",
        ("load", "--endpoint", "@refusing@/store", "--timeout", "2"),
        EXIT_INPUT,
        all_of("127.0.0.1", r"(?i)refused|down|connect"),
    ),
    Case(
        "load-endpoint-forbidden",
        ("load", "--endpoint", "@forbidden@/store", "--timeout", "2"),
        EXIT_INPUT,
        all_of("403", r"(?i)forbidden|read-only"),
    ),
    Case(
        "load-endpoint-never-answers",
        ("load", "--endpoint", "@silent@/store", "--timeout", "1"),
        EXIT_INPUT,
        all_of(r"(?i)did not answer|timed? ?out|time"),
    ),
    Case(
        "load-endpoint-slow-drip-deadline",
        ("load", "--endpoint", "@drip@/store", "--timeout", "1"),
        EXIT_INPUT,
        all_of(r"HANDCAR_LOAD_DEADLINE|--deadline|(?i)load time|deadline"),
        env={"HANDCAR_LOAD_DEADLINE": "2"},
        timeout=8.0,
    ),
    Case(
        "load-endpoint-slow-drip-deadline-option",
        ("load", "--endpoint", "@drip@/store", "--timeout", "1", "--deadline", "2"),
        EXIT_INPUT,
        all_of(r"HANDCAR_LOAD_DEADLINE|--deadline|(?i)load time|deadline"),
        timeout=8.0,
    ),
    Case(
        "load-deadline-not-a-number",
        ("load", "--endpoint", "@forbidden@/store"),
        EXIT_INPUT,
        all_of("HANDCAR_LOAD_DEADLINE", r"(?i)number"),
        env={"HANDCAR_LOAD_DEADLINE": "soon"},
    ),
    Case(
        "load-store-and-endpoint",
        ("load", "--store", "store", "--endpoint", "@forbidden@/store"),
        EXIT_INPUT,
        all_of("--store", "--endpoint"),
        untouched_server="forbidden",
    ),
    Case("load-no-target", ("load",), EXIT_INPUT, all_of("--store", "--endpoint")),
    Case(
        "load-user-without-endpoint",
        ("load", "--store", "store", "--user", "admin"),
        EXIT_INPUT,
        all_of("--user", "--endpoint"),
    ),
    Case(
        "load-zero-timeout",
        ("load", "--endpoint", "@forbidden@/store", "--timeout", "0"),
        EXIT_INPUT,
        all_of("--timeout"),
        untouched_server="forbidden",
    ),
    Case(
        "load-file-url-endpoint",
        ("load", "--endpoint", "file:///etc/hostname"),
        EXIT_INPUT,
        all_of(r"file:", r"(?i)http|scheme|URL|unsupported"),
    ),
    Case(
        "load-ftp-endpoint",
        ("load", "--endpoint", "ftp://127.0.0.1/store"),
        EXIT_INPUT,
        all_of(r"ftp", r"(?i)http|scheme|URL|unsupported"),
    ),
    Case(
        "load-endpoint-not-a-url",
        ("load", "--endpoint", "not a url"),
        EXIT_INPUT,
        all_of(r"not a url", r"(?i)http|scheme|URL|unsupported"),
    ),
    Case(
        "load-store-is-a-file",
        ("load", "--store", "notes.txt"),
        EXIT_INPUT,
        all_of(r"notes\.txt", r"(?i)folder|director|file"),
        setup=write("notes.txt", "not a store\n"),
    ),
    Case(
        "load-missing-release",
        ("load", "--store", "@scratch@/store", "--out", "no-release"),
        EXIT_INPUT,
        all_of("no-release", r"(?i)no release|build|missing|no such"),
    ),
    Case(
        "load-broken-release",
        ("load", "--store", "@scratch@/store", "--out", "old-release"),
        EXIT_INPUT,
        all_of(r"dataset\.nq", r"(?i)syntax|utf|invalid|expect|parse"),
        setup=copy_release("old-release", garbage_nq),
    ),
]

CASES: list[Case] = BUILD + VALIDATE + QUERY + LOAD
