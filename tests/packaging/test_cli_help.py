"""Every command and option says what it does in ``--help``, in one line where it is listed."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pytest
import typer

from handcar.cli import app

# a click group (from typer 0.29 on, of typer's own copy of click): read by duck typing
GROUP: Any = typer.main.get_command(app)
COMMANDS: list[tuple[str, Any]] = sorted(GROUP.commands.items())
NAMES = [name for name, _ in COMMANDS]


@pytest.mark.parametrize("info", app.registered_commands, ids=lambda info: info.name)
def test_every_option_and_argument_has_help(info: Any) -> None:
    # read off the declarations (typer.Option/Argument in Annotated): before typer 0.29 an
    # argument's help is not kept on the click parameter
    hints = typing.get_type_hints(info.callback, include_extras=True)
    missing = [name for name, hint in hints.items() if name != "return" and not any(
        getattr(extra, "help", None) for extra in getattr(hint, "__metadata__", ()))]
    assert not missing, f"handcar {info.name}: no help for {missing}"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=NAMES)
def test_the_summary_in_the_command_list_is_one_line(name: str, command: Any) -> None:
    # typer's rich help keeps a line break inside the first paragraph in the command list
    summary = inspect.cleandoc(command.help or "").split("\n\n")[0]
    assert summary and "\n" not in summary, f"handcar {name}: {summary!r}"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=NAMES)
def test_arguments_are_named_by_a_metavar(name: str, command: Any) -> None:
    # the usage line names an argument by its metavar, else by its type ("{article}")
    for param in command.params:
        if param.param_type_name == "argument":
            assert param.metavar and param.metavar[0].isupper(), (name, param.name)


def test_version_is_the_packages_own() -> None:
    # one version: pyproject reads it from handcar.__version__, the installed metadata agrees
    import importlib.metadata

    from typer.testing import CliRunner

    import handcar

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"handcar {handcar.__version__}\n"
    assert importlib.metadata.version("handcar") == handcar.__version__


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=NAMES)
def test_help_shows_every_word_of_its_source(name: str, command: Any) -> None:
    # the help is Markdown (paragraphs rewrap); nothing in it may be taken for markup and lost
    # (as "<id>" was). Before typer 0.29 an argument's help is not kept, nor shown.
    from typer.testing import CliRunner

    sources = [command.help or ""] + [p.help for p in command.params if getattr(p, "help", None)]
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "240"},
                                terminal_width=240)
    shown = set(result.output.replace("│", " ").split())
    lost = {word for text in sources for word in text.replace("`", "").split()} - shown
    assert not lost, f"handcar {name} --help lost {sorted(lost)}"
