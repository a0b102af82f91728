"""``handcar new``, ``handcar check`` and ``handcar schema``: a curator's tools for a new article.

``check`` exits 0 when every article named is clean (sentences no item quotes and SHACL
Warnings are listed but are not problems: the build only warns about them), 1 when there are
problems (each on a line
``file:line: problem``, with ``  hint: …`` under it), 2 on usage errors (a folder that is not
there). ``new`` exits 0 with the draft written, 2 when it refuses (a folder or file that exists,
an invalid id, an unreadable article) or the curation extra is not installed; 3 on an I/O
failure. ``schema`` exits 0, or 3 when the file cannot be written.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import Annotated

import typer

from handcar.commands import shortlived
from handcar.errors import (
    EXIT_INPUT,
    EXIT_IO,
    EXIT_NONCONFORMING,
    InputError,
    IOFailure,
    UsageError,
    with_hint,
)

ARTICLES = Path("articles")


def check(
    folders: Annotated[
        list[Path] | None, typer.Argument(
            metavar="ARTICLE_DIR",
            help="Article folders, or articles folders for every article in them (default: "
                 "articles/).",
        ),
    ] = None,
    shapes: Annotated[
        bool, typer.Option("--shapes/--no-shapes",
                           help="Validate against the SHACL shapes too (the default); "
                                "--no-shapes: text and ontology only, faster.")
    ] = True,
    timing: Annotated[bool, typer.Option("--time", help="Print how long the check took.")] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Check again whenever an article or annotation in "
                                           "their articles folder is saved (Ctrl-C stops).")
    ] = False,
) -> None:
    """Check annotations against their text, the ontology and the shapes; list every problem.

    Exit status: 0 no problems (unannotated sentences and SHACL Warnings are listed, and are
    not problems), 1 problems, 2 bad input."""
    shortlived.end_quickly()  # it writes nothing but the verdict cache, each file when made
    if not folders:
        if not ARTICLES.is_dir():
            typer.echo(f"error: {ARTICLES}: articles folder not found", err=True)
            raise typer.Exit(EXIT_INPUT)
        folders = [ARTICLES]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        typer.echo(f"error: {missing[0]}: not an article folder", err=True)
        raise typer.Exit(EXIT_INPUT)
    # each article once, however it is named ("." and "../<id>" are one folder)
    once: dict[str, Path] = {}
    for one in (one for folder in folders for one in _article_folders(folder)):
        once.setdefault(os.path.abspath(one), one)
    folders = list(once.values())
    if watch:
        roots = sorted({folder.resolve().parent for folder in folders})
        seen = _saved(roots)  # before the check: a save during it counts
        _check_folders(folders, shapes, True)
        _watch(folders, shapes, roots, seen)
        return
    if _check_folders(folders, shapes, timing):
        raise typer.Exit(EXIT_NONCONFORMING)


def _article_folders(folder: Path) -> list[Path]:
    """``folder``, or, for an articles folder (no article.md, folders in it), each folder in it
    as the build reads them (hidden ones, such as ``handcar new``'s staging, left out)."""
    if os.path.lexists(folder / "article.md"):
        return [folder]
    inside = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    return inside or [folder]  # an article folder without article.md: the check says so


WATCHED = frozenset({"article.md", "annotation.yaml", "enrichment.yaml"})
"""The files whose saving starts a new check in ``--watch`` mode."""


def _watch(folders: list[Path], shapes: bool, roots: list[Path],
           seen: dict[Path, tuple[int, int]]) -> None:
    """Check ``folders`` again after every save of a :data:`WATCHED` file in their articles
    folders ``roots`` (the articles they link to are there too), until Ctrl-C; ``seen``: the
    files as they were when the last check began. The process stays warm: the second check
    onwards pays no start-up or imports. File events (watchfiles: inotify) only wake the loop,
    which also wakes every half second; what changed is what differs from ``seen``, so a save
    made before the watcher started, or an event the system dropped, is not missed."""
    import watchfiles

    typer.echo(f"watching {', '.join(map(str, roots))} (Ctrl-C to stop)", err=True)

    def wanted(_change: object, path: str) -> bool:
        return Path(path).name in WATCHED

    try:
        for _changes in watchfiles.watch(*roots, watch_filter=wanted, debounce=200,
                                         rust_timeout=500, yield_on_timeout=True,
                                         raise_interrupt=True):
            now = _saved(roots)
            changed = sorted(path for path in now.keys() | seen.keys()
                             if now.get(path) != seen.get(path))
            if not changed:
                continue
            seen = now
            typer.echo(f"-- saved: {', '.join(str(p.relative_to(p.parents[1])) for p in changed)}")
            try:
                _check_folders(folders, shapes, True)
            except Exception as exc:  # the loop goes on: the next save may mend it
                typer.echo(f"error: the check failed: {type(exc).__name__}: {exc}", err=True)
            gc.collect()  # what the check left in cycles, which it did not collect
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)


def _saved(roots: list[Path]) -> dict[Path, tuple[int, int]]:
    """Modification time and size of every :data:`WATCHED` file of the article folders."""
    found = {}
    for root in roots:
        for path in root.glob("*/*"):
            if path.name in WATCHED:
                try:
                    status = path.stat()
                except OSError:  # removed meanwhile: absent
                    continue
                found[path] = (status.st_mtime_ns, status.st_size)
    return found


def _check_folders(folders: list[Path], shapes: bool, timing: bool) -> bool:
    """Check each folder, print its problems and what is left; True if any has a problem."""
    from handcar.curation.check import ShapeFinding, check_article

    started = time.perf_counter()
    failed = False
    with shortlived.collector_paused():
        results = {folder: check_article(folder) for folder in folders}
        clean = [folder for folder in folders if not results[folder].problems]
        findings = _shape_findings(clean) if shapes else {}
    for folder in folders:
        result = results[folder]
        problems = list(result.problems)
        warnings: list[InputError] = []
        for finding in findings.get(folder, ()):
            if isinstance(finding, ShapeFinding) and not finding.violation:
                warnings.append(finding)
            else:
                problems.append(finding)
        for problem in [*problems, *warnings]:
            typer.echo(str(problem))
            hint = getattr(problem, "hint", None)
            if hint:
                typer.echo(f"  hint: {hint}")
        annotated = result.annotated
        left = []
        if result.unconfirmed:
            left.append(_count(result.unconfirmed, "unconfirmed suggestion"))
        if result.ambiguous:
            left.append(_count(result.ambiguous, "ambiguous quote"))
        if result.unannotated:
            left.append(_count(len(result.unannotated), "unannotated sentence"))
        if left:
            typer.echo(f"{folder}: left to do: {', '.join(left)}")
        for line, sentence in result.unannotated:
            typer.echo(f"  {folder / 'article.md'}:{line}: {_short(sentence)}")
        verdict = _count(len(problems), "problem") if problems else "ok"
        if warnings:
            verdict += f" ({_count(len(warnings), 'warning')})"
        typer.echo(f"{folder}: {verdict}; {annotated}/{result.sentences} sentences annotated")
        failed = failed or bool(problems)
    if timing:
        typer.echo(f"checked in {time.perf_counter() - started:.2f} s", err=True)
    return failed


def _shape_findings(folders: list[Path]) -> dict[Path, list[InputError]]:
    """The shapes' findings for each folder: the folders of one articles folder are built and
    validated together, once (a whole articles folder checks in one build, not one per
    article); when that build stops at an article it cannot read, each folder is checked on
    its own, so the error goes only to the folders whose build needs that article."""
    from handcar.curation.check import check_shapes, check_shapes_of

    found: dict[Path, list[InputError]] = {}
    groups: dict[Path, list[Path]] = {}
    for folder in folders:
        groups.setdefault(Path(os.path.abspath(folder)).parent, []).append(folder)
    for group in groups.values():
        try:
            found.update(check_shapes_of(group))
            continue
        except InputError as exc:
            if len(group) == 1:
                found[group[0]] = [exc]
                continue
        for folder in group:
            try:
                found[folder] = list(check_shapes(folder))
            except InputError as exc:  # an article this one links to is broken
                found[folder] = [exc]
    return found


def schema(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the schema here (default: stdout).")
    ] = None,
) -> None:
    """Write the JSON Schema of annotation.yaml (for editors: keys, classes, units, types)."""
    from handcar.annotation.schema import schema_text
    from handcar.files import write_atomically

    text = schema_text()
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        write_atomically(out, text.encode("utf-8"))
    except OSError as exc:
        typer.echo(f"error: {IOFailure(out, exc)}", err=True)
        raise typer.Exit(EXIT_IO) from None


def new(
    article: Annotated[
        Path, typer.Argument(metavar="ARTICLE", help="The article as received (Markdown or "
                             "text), or an article folder (`<id>/article.md`) without an "
                             "annotation, to draft one there.")
    ],
    article_id: Annotated[
        str | None, typer.Option("--id", help="The article id (default: from the file name).")
    ] = None,
    articles: Annotated[
        Path, typer.Option(help="Folder of `<article-id>/` folders.", readable=False)
    ] = ARTICLES,
    headline: Annotated[
        str | None, typer.Option(help="The headline, when the article has no front matter.")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The publication date YYYY-MM-DD, when the article's"
                                 " front matter has none.")
    ] = None,
) -> None:
    """Create `ARTICLES/<id>/` with the article and a draft annotation.yaml to confirm.

    Given an article folder without an annotation, it writes the draft there."""
    import datetime as dt

    from handcar.curation.draft import CurationExtraMissing, create_article, draft_for

    try:
        published = dt.date.fromisoformat(date) if date is not None else None
    except ValueError:
        typer.echo(f"error: --date {date}: not a date (YYYY-MM-DD)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    try:
        if article.is_dir():
            if article_id is not None:
                raise UsageError(f"--id {article_id}: an article folder's id is its name")
            created = draft_for(article, headline, published)
        else:
            created = create_article(article, articles, article_id, headline, published)
    except (InputError, UsageError, CurationExtraMissing) as exc:
        typer.echo(f"error: {with_hint(exc)}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except OSError as exc:
        failure = exc if isinstance(exc, IOFailure) else IOFailure(exc.filename or articles, exc)
        typer.echo(f"error: {failure}", err=True)
        raise typer.Exit(EXIT_IO) from None
    typer.echo(created.summary())


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
