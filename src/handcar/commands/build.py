"""``handcar build``: build every article, validate, and publish the release.

Exit statuses (:mod:`handcar.errors`): 0 published; 1 SHACL Violations (the rejected release is
kept as ``.out.rejected/`` next to ``out/``) or ``--check`` found ``out/`` stale; 2 bad input or
a refused ``--out``/``--base``; 3 an I/O failure while writing; 130 interrupted. In every case
but 0, ``out/`` is left as it was.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handcar.baseiri import DEFAULT_BASE, GRAPHS, check_base
from handcar.commands import consoles
from handcar.errors import (
    EXIT_INPUT,
    EXIT_IO,
    EXIT_NONCONFORMING,
    InputError,
    IOFailure,
    UsageError,
    with_hint,
)

if TYPE_CHECKING:
    from handcar.build import BuildResult

def build(
    articles: Annotated[
        Path, typer.Option(help="Folder of `<article-id>/` folders.", readable=False)
    ] = Path("articles"),
    out: Annotated[Path, typer.Option(help="Where the release goes.", readable=False)] = Path(
        "out"
    ),
    base: Annotated[str, typer.Option(help="Base IRI of the data.")] = DEFAULT_BASE,
    check: Annotated[
        bool, typer.Option("--check", help="Rebuild aside; fail if out/ differs.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line and no summary; errors only.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j",
            help="Worker processes for the articles and the site's pages (default: the CPUs; "
                 "1: none).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Build the articles on this Dask cluster, tcp://HOST:PORT (handcar[cluster]).",
        ),
    ] = None,
) -> None:
    """Build every article, validate, and publish the dataset to OUT."""
    from handcar.build import build_dataset
    from handcar.build.workers import default_jobs, executor
    from handcar.publish.rdf import PublishError, valid_iri
    from handcar.publish.site import stale_files
    from handcar.resources import cache_dir
    from handcar.validate.lint import LintError
    from handcar.validate.rejected import ReleaseRejected

    try:
        err = consoles.stderr()
        shown = not quiet and err.is_terminal  # silent when stderr is not a terminal
        started = time.perf_counter()
        with err.status("building…", spinner="dots") if shown else nullcontext() as status:

            def progress(name: str, done: int, total: int) -> None:
                if status is not None:
                    status.update(progress_text(name, done, total, time.perf_counter() - started))

            check_base(valid_iri(base, "--base"), "--base")
            cache = None if check else cache_dir()  # --check rebuilds from the sources alone
            workers = default_jobs() if jobs is None else jobs
            with executor(workers, scheduler) as pool:
                result = build_dataset(articles, base, progress, executor=pool, cache=cache)
            if check:
                stale = stale_files(result, out, jobs=workers)
                if stale:
                    typer.echo(
                        f"out/ is stale: {', '.join(stale)} differ; run 'handcar build'", err=True
                    )
                    raise typer.Exit(1)
                if not quiet:
                    consoles.stdout().print(f"{out}/ is up to date", markup=False)
                return
            counts = _publish(result, out, protect=(articles,), jobs=workers)
    except (InputError, PublishError, UsageError) as exc:
        typer.echo(f"error: {with_hint(exc)}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except ReleaseRejected as exc:  # SHACL Violations: out/ is left as it was
        from handcar.validate.formats import renderer
        from handcar.validate.report import Severity

        typer.echo(renderer("text")(exc.report, Severity.VIOLATION), err=True)
        typer.echo(f"error: {exc}", err=True)
        typer.echo(f"  hint: 'handcar check {articles}' reports each at its line of the"
                   " annotation", err=True)
        raise typer.Exit(EXIT_NONCONFORMING) from None
    except LintError as exc:
        typer.echo(f"error: the shapes fail the lint:\n{exc}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except OSError as exc:
        failure = exc if isinstance(exc, IOFailure) else IOFailure(exc.filename or out, exc)
        typer.echo(f"error: {failure}; nothing was published, {out} is as it was", err=True)
        raise typer.Exit(EXIT_IO) from None
    except KeyboardInterrupt:
        typer.echo(f"interrupted: nothing was published, {out} is as it was", err=True)
        raise typer.Exit(130) from None
    if not quiet:
        _summary(result, out, counts, articles)


def _publish(
    result: BuildResult, out: Path, protect: tuple[Path, ...], jobs: int = 1
) -> dict[str, int]:
    """Publish with SHACL validation as the release's check: in a forked process while the
    files are written (on two cores this hides most of validation behind serialisation), or
    inline where the platform cannot fork; ``jobs`` processes may render the site's pages.
    Returns the published release's validation results by severity."""
    from handcar.publish.rdf import converted
    from handcar.publish.release import check_target
    from handcar.publish.site import publish
    from handcar.validate.background import BackgroundValidation, can_fork

    if not can_fork():  # not started, the validation checks the staged release in the open
        inline = BackgroundValidation(result.dataset)
        publish(result, out, inline.check, protect=protect, jobs=jobs)
        return inline.counts
    check_target(out, protect)  # refuse a bad --out before the validation process starts
    quads = converted(result)  # the one conversion to pyoxigraph, shared with the child
    with BackgroundValidation(result.dataset, quads) as validation:
        publish(result, out, validation.check, protect=protect, jobs=jobs)
    return validation.counts


_RELATION_WORDS = {
    "sameReading": "the same",
    "compatibleReadings": "compatible",
    "morePreciseReading": "one more precise",
    "contradictoryReadings": "contradictory",
    "differentQuestions": "different readings of one number",
}


def _summary(result: BuildResult, out: Path, counts: dict[str, int], articles: Path) -> None:
    from rich.markup import escape
    from rich.table import Table

    out_console = consoles.stdout()
    table = Table(title=f"handcar build → {escape(str(out))}/", show_header=True)
    table.add_column("graph")
    table.add_column("triples", justify="right")
    for name in GRAPHS:
        table.add_row(name, str(len(result.dataset.graph(result.iris.graph(name)))))
    out_console.print(table)
    for cover in result.coverage:
        out_console.print(
            f"{cover.article}: coverage {cover.annotated}/{cover.total} sentences annotated",
            markup=False)
    for across, where in ((False, "within one article"), (True, "across articles")):
        kinds = Counter(r.relation for r in result.relations if r.across == across)
        detail = ", ".join(f"{n} {_RELATION_WORDS.get(k, k)}" for k, n in sorted(kinds.items()))
        out_console.print(
            f"readings compared {where}: {sum(kinds.values())} pair(s)"
            + (f" ({detail})" if detail else "")
        )
    reused = len(result.articles) - len(result.rebuilt)
    cached = f" ({reused} from the cache)" if reused else ""
    out_console.print(f"articles: {len(result.articles)}{cached}; sentences not annotated:"
                      f" {len(result.warnings)}")
    for warning in result.warnings:
        # the warning quotes the article ("[sic]", "[1]"): its words are not markup
        out_console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    if counts:
        out_console.print(validation_line(counts, out, articles, result.articles),
                          markup=False)


def validation_line(
    counts: dict[str, int], out: Path, articles: Path, names: Sequence[str]
) -> str:
    """What the release's SHACL validation found, and where to read it when it found anything
    (the build publishes with Warnings and Infos; only Violations stop it)."""
    found = ", ".join(f"{n} {label}{'' if n == 1 else 's'}" for label, n in counts.items())
    line = f"validation: conforms ({found})"
    if any(counts.values()):
        line += f"; 'handcar validate {out}' lists them"
    if counts.get("warning"):  # what handcar check reports (Violations stop the build)
        where = articles / names[0] if len(names) == 1 else articles / "ARTICLE"
        line += f", 'handcar check {where}' shows each warning at its line"
    return line


def progress_text(name: str, done: int, total: int, elapsed: float) -> str:
    """The build's status line: the article being built, how many are done, and the rate."""
    from rich.markup import escape

    rate = f", {done / elapsed:.1f} articles/s" if done and elapsed > 0 else ""
    return f"building {escape(name)} ({done}/{total} articles{rate})…"
