"""``handcar build``: build every article, validate, and publish the release."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from handcar.errors import InputError
from handcar.graph.iris import DEFAULT_BASE, GRAPHS

err = Console(stderr=True)
out_console = Console(highlight=False)


def build(
    articles: Annotated[Path, typer.Option(help="Folder of <article-id>/ folders.")] = Path(
        "articles"
    ),
    out: Annotated[Path, typer.Option(help="Where the release goes.")] = Path("out"),
    base: Annotated[str, typer.Option(help="Base IRI of the data.")] = DEFAULT_BASE,
    check: Annotated[
        bool, typer.Option("--check", help="Rebuild aside; fail if out/ differs.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Build every article, validate, and publish the dataset to OUT."""
    from handcar.build import build_dataset
    from handcar.publish.rdf import PublishError, valid_iri
    from handcar.publish.site import publish, stale_files
    from handcar.validate.lint import LintError
    from handcar.validate.release import ReleaseRejected

    try:
        with err.status("building…", spinner="dots") if not quiet else _Null() as status:

            def progress(name: str) -> None:
                if status is not None:
                    status.update(f"building {name}…")

            valid_iri(base, "--base")
            result = build_dataset(articles, base, progress)
            if check:
                stale = stale_files(result, out)
                if stale:
                    typer.echo(
                        f"out/ is stale: {', '.join(stale)} differ; run 'handcar build'", err=True
                    )
                    raise typer.Exit(1)
                if not quiet:
                    out_console.print(f"{out}/ is up to date")
                return
            publish(result, out)
    except (InputError, PublishError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except ReleaseRejected as exc:  # SHACL Violations: out/ is left as it was
        from handcar.validate.formats import renderer
        from handcar.validate.report import Severity

        typer.echo(renderer("text")(exc.report, Severity.VIOLATION), err=True)
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except LintError as exc:
        typer.echo(f"error: the shapes fail the lint:\n{exc}", err=True)
        raise typer.Exit(2) from None
    if not quiet:
        _summary(result, out)


def _summary(result, out: Path) -> None:
    table = Table(title=f"handcar build → {out}/", show_header=True)
    table.add_column("graph")
    table.add_column("triples", justify="right")
    for name in GRAPHS:
        table.add_row(name, str(len(result.dataset.graph(result.iris.graph(name)))))
    out_console.print(table)
    for cover in result.coverage:
        out_console.print(
            f"{cover.article}: coverage {cover.annotated}/{cover.total} sentences annotated"
        )
    out_console.print(f"articles: {len(result.articles)}; warnings: {len(result.warnings)}")
    for warning in result.warnings:
        out_console.print(f"[yellow]warning:[/] {warning}", highlight=False)


class _Null:
    def __enter__(self):
        return None

    def __exit__(self, *exc) -> None:
        return None
