"""Short commands end quickly and pause the garbage collector (:mod:`handcar.commands.shortlived`):
the process still ends with the command's status and all of its output, and a program that
calls the command line in-process goes on, its collector as it was."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from handcar.cli import app
from handcar.commands import shortlived
from support.paths import ROOT

WIRE = ROOT / "tests" / "corpus" / "articles" / "wire-2021-02-26-handcar"  # fiction for testing


def _python(code: str) -> subprocess.CompletedProcess[str]:
    # output to a pipe is block-buffered, unless PYTHONUNBUFFERED says otherwise (as it does
    # on some machines): without it, only the flush keeps what was written
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60, check=False)


def test_leave_flushes_the_output_and_keeps_the_status() -> None:
    done = _python("import sys\nfrom handcar.commands.shortlived import leave\n"
                   "sys.stdout.write('all of it'); sys.stderr.write('and this'); leave(3)")
    assert (done.returncode, done.stdout, done.stderr) == (3, "all of it", "and this")


def test_leave_gives_the_status_sys_exit_gives() -> None:
    assert _python("from handcar.commands.shortlived import leave; leave(None)").returncode == 0
    done = _python("from handcar.commands.shortlived import leave; leave('it went wrong')")
    assert (done.returncode, done.stderr) == (1, "it went wrong\n")


def test_leave_says_when_the_output_could_not_be_written() -> None:
    done = _python("import sys\nfrom handcar.commands.shortlived import leave\n"
                   "sys.stdout.close(); leave(0)")
    assert done.returncode == 120


def test_collector_paused_puts_the_collector_back_as_it_was() -> None:
    assert gc.isenabled()
    with shortlived.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with shortlived.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the caller had it off: it stays off
    finally:
        gc.enable()


def test_check_as_a_command_ends_with_its_status_and_all_its_output(tmp_path: Path) -> None:
    folder = tmp_path / "articles" / WIRE.name
    shutil.copytree(WIRE, folder)  # without the seed it links to: one problem
    env = {**os.environ, "HANDCAR_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "handcar", "check", str(folder)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert "no article 'moscow-times-2021-02-26-handcar' in this build" in lines[0]
    assert lines[-1] == f"{folder}: 1 problem; 6/6 sentences annotated"


def test_validate_as_a_command_ends_with_its_status_and_its_report(tmp_path: Path) -> None:
    data = tmp_path / "data.ttl"
    data.write_text("<https://example.org/a> <https://example.org/b> 1 .\n", encoding="utf-8")
    env = {**os.environ, "HANDCAR_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "handcar", "validate", str(data)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "conforms" in done.stdout.lower()


def test_in_process_the_command_line_returns_and_the_collector_is_on(tmp_path: Path) -> None:
    folder = tmp_path / "articles" / WIRE.name
    shutil.copytree(WIRE, folder)
    result = CliRunner().invoke(app, ["check", "--no-shapes", str(folder)])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
