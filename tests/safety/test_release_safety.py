"""``handcar build`` replaces only its own releases, refuses bad ``--out``/``--base`` with one
line and exit 2, reports I/O failures with exit 3, and keeps a rejected release where its
report points. Every case checks that the target and the articles are byte-identical after.

The articles are copies (of the seed, or of the validator's small fixture for full builds), so
the repository's folders are never at risk.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handcar.cli import app
from handcar.errors import EXIT_INPUT, EXIT_IO, EXIT_NONCONFORMING
from handcar.publish import release as release_module
from handcar.publish.release import MARKER, MARKER_BYTES, release
from handcar.publish.spool import payload_bytes
from support.paths import ARTICLES, ROOT, SEED

MINI = ROOT / "tests" / "validate" / "fixtures" / "mini" / "articles"
MINI_ID = "example-2022-03-03-crossing"
runner = CliRunner()


def tree_hash(folder: Path) -> str:
    """One digest over every path, file content, symlink target and folder under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link:" + os.readlink(path).encode())
        elif path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(b"dir")
    return digest.hexdigest()


def old_release(folder: Path) -> Path:
    """An earlier handcar release (the marker and one file)."""
    folder.mkdir(parents=True)
    (folder / MARKER).write_bytes(MARKER_BYTES)
    (folder / "dataset.nq").write_text("<a:s> <a:p> <a:o> .\n")
    return folder


def build(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["build", "-q", *args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path`` with ``src/articles`` (a copy of the seed's), a file, a folder of someone
    else's, a symlink to the articles, and an empty current folder ``cwd``."""
    monkeypatch.setenv("HANDCAR_CACHE_DIR", "")
    shutil.copytree(ARTICLES, tmp_path / "src" / "articles")
    (tmp_path / "notes.txt").write_text("a file\n")
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "thesis.tex").write_text("not a release\n")
    (tmp_path / "link").symlink_to(tmp_path / "src" / "articles")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    return tmp_path


REFUSALS = [
    ("the articles folder", "../src/articles", "is the articles folder"),
    ("a folder containing the articles", "../src", "contains the articles folder"),
    ("an article's folder", f"../src/articles/{SEED}", "is inside the articles folder"),
    ("a new folder inside the articles", "../src/articles/new/out", "is inside the articles"),
    ("a symlink to the articles", "../link", "is the articles folder"),
    ("the current folder", ".", "is the current folder"),
    ("an ancestor of the current folder", "..", "contains the current folder"),
    ("a file", "../notes.txt", "is a file, not a folder"),
    ("a path under a file", "../notes.txt/out", "is a file, so there can be no folder under it"),
    ("a folder that is not a release", "../foreign", "neither empty nor an earlier handcar"),
]


@pytest.mark.parametrize(("case", "target", "message"), REFUSALS, ids=[c[0] for c in REFUSALS])
def test_out_that_is_not_a_release_is_refused(
    work: Path, case: str, target: str, message: str
) -> None:
    before = tree_hash(work)
    code, output = build("--articles", str(work / "src" / "articles"), "--out", target)
    assert code == EXIT_INPUT, output
    assert output.startswith(f"error: --out {target}"), output
    assert message in output
    assert "give " in output, "the message says what to do"
    assert len(output.strip().splitlines()) == 1, output
    assert tree_hash(work) == before, "nothing was touched"
    assert not list(work.rglob(".*.new-*"))


@pytest.mark.parametrize(
    ("base", "problem"),
    [
        ("ftp://example.org/id/", "uses the scheme ftp:, not http: or https:"),
        ("https://example.org/id#", "has a fragment ('#')"),
        ("https://example.org/id#x/", "has a fragment ('#')"),
        ("https://example.org/id", "does not end with '/'"),
        ("https://example.org/id/?v=1/", "has a query ('?')"),
    ],
)
def test_a_bad_base_is_one_line_and_exit_2(work: Path, base: str, problem: str) -> None:
    before = tree_hash(work)
    code, output = build(
        "--articles", str(work / "src" / "articles"), "--out", "out", "--base", base
    )
    assert code == EXIT_INPUT
    assert output == (
        f"error: --base <{base}> {problem}; data IRIs are {{base}}{{kind}}/{{slug}}, so give an "
        "http(s) IRI ending with '/', such as https://w3id.org/djo/id/\n"
    )
    assert tree_hash(work) == before
    assert not (work / "cwd" / "out").exists()


@pytest.mark.slow  # a few full builds or validations: CI runs it
def test_a_missing_an_empty_and_an_earlier_release_are_replaced(work: Path) -> None:
    articles = str(work / "src" / "articles")
    empty = work / "empty"
    empty.mkdir()
    for target in ("out", str(empty)):
        code, output = build("--articles", articles, "--out", target)
        assert code == 0, output
    built = work / "cwd" / "out"
    assert (built / MARKER).read_bytes() == MARKER_BYTES
    assert tree_hash(empty) == tree_hash(built), "same sources, same release"
    (built / "dataset.nq").write_text("edited\n")
    code, output = build("--articles", articles, "--out", "out")
    assert code == 0, output
    assert tree_hash(built) == tree_hash(empty), "the earlier release is replaced"
    assert b"[ok]" not in (built / "SHA256SUMS").read_bytes()
    assert f"  {MARKER}\n".encode() in (built / "SHA256SUMS").read_bytes()


def test_leftover_cleanup_removes_only_what_handcar_made(tmp_path: Path) -> None:
    out = old_release(tmp_path / "out")
    ours = old_release(tmp_path / ".out.new-killed")
    empty = tmp_path / ".out.new-empty"
    empty.mkdir()
    foreign = tmp_path / ".out.new-mine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("someone's work\n")
    (tmp_path / ".out.new-link").symlink_to(ours)
    before = tree_hash(foreign)
    release(out, {"a.txt": b"new\n"}, check=lambda folder: None)
    assert not ours.exists() and not empty.exists()
    assert tree_hash(foreign) == before
    assert (tmp_path / ".out.new-link").is_symlink()
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", MARKER]


def _broken_mini(folder: Path) -> Path:
    shutil.copytree(MINI, folder)
    annotation = folder / MINI_ID / "annotation.yaml"
    text = annotation.read_text(encoding="utf-8")
    broken = text.replace("- [leg-3-bus, origin, russian-side]", "- [leg-3-bus, origin, pyongyang]")
    # the builder accepts Pyongyang as the last leg's origin; the shapes do not (the leg
    # before it ended at the Russian side)
    assert broken != text
    annotation.write_text(broken, encoding="utf-8")
    return folder


@pytest.mark.slow  # a build without the cache, rejected, then its report read back: ~20 s
def test_a_rejected_build_is_kept_where_its_report_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDCAR_CACHE_DIR", "")
    articles = _broken_mini(tmp_path / "articles")
    out = old_release(tmp_path / "out")
    earlier = old_release(tmp_path / ".out.rejected")
    (earlier / "stale.txt").write_text("from an earlier rejected build\n")
    before, sources = tree_hash(out), tree_hash(articles)

    code, output = build("--articles", str(articles), "--out", str(out))

    assert code == EXIT_NONCONFORMING, output
    kept = tmp_path / ".out.rejected"
    assert f"nothing was published; the rejected release is kept in {kept}/" in output
    assert f"hint: 'handcar check {articles}' reports each at its line" in output
    assert tree_hash(out) == before and tree_hash(articles) == sources
    assert not (kept / "stale.txt").exists(), "the earlier rejected release was replaced"
    assert (kept / MARKER).is_file() and (kept / "dataset.trig").is_file()
    cited = re.findall(r"\(([^()\s]+):(\d+)\)", output)
    assert cited, output
    for path, line in cited:
        assert Path(path).is_relative_to(kept), f"the report cites {path}, not the kept release"
        assert int(line) <= len(Path(path).read_text(encoding="utf-8").splitlines())
    assert str(out) + "/" not in output
    assert not list(tmp_path.glob(".out.new-*"))


@pytest.mark.slow  # a few full builds or validations: CI runs it
def test_a_foreign_rejected_folder_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDCAR_CACHE_DIR", "")
    articles = _broken_mini(tmp_path / "articles")
    foreign = tmp_path / ".out.rejected"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("not handcar's\n")
    before = tree_hash(foreign)
    code, output = build("--articles", str(articles), "--out", str(tmp_path / "out"))
    assert code == EXIT_NONCONFORMING, output
    assert "nothing was published" in output and "kept in" not in output
    assert tree_hash(foreign) == before
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.new-*"))


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (
            OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
            EXIT_IO,
            r"error: {staging}/dataset\.nq: I/O error: "
            + os.strerror(errno.ENOSPC)
            + r"; nothing was published, {out} is as it was\n",
        ),
        (KeyboardInterrupt(), 130, r"interrupted: nothing was published, {out} is as it was\n"),
    ],
    ids=["disk-full", "ctrl-c"],
)
def test_a_failure_while_writing_leaves_out_and_no_staging(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    code: int,
    message: str,
) -> None:
    monkeypatch.setenv("HANDCAR_CACHE_DIR", "")
    articles = tmp_path / "articles"
    shutil.copytree(MINI, articles)
    out = old_release(tmp_path / "out")
    before, sources = tree_hash(out), tree_hash(articles)

    def failing_write(folder: Path, files: dict[str, bytes]) -> None:
        (folder / "dataset.nq").write_bytes(payload_bytes(files["dataset.nq"])[:1000])
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(folder / "dataset.nq"))
        raise error

    monkeypatch.setattr(release_module, "write_tree", failing_write)
    got, output = build("--articles", str(articles), "--out", str(out))
    assert got == code, output
    staging = re.escape(str(tmp_path)) + r"/\.out\.new-\w+"
    assert re.fullmatch(message.format(staging=staging, out=re.escape(str(out))), output), output
    assert tree_hash(out) == before and tree_hash(articles) == sources
    assert not list(tmp_path.glob(".out.new-*"))


def _handcar(args: list[str], cwd: Path, preexec) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handcar", "build", "-q", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "HANDCAR_CACHE_DIR": ""},
        preexec_fn=preexec,
    )


def _file_size_limit() -> None:
    """In the child: files may not grow past 64 KiB; writing more fails with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_file_too_large_is_exit_3_and_out_is_kept(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(MINI, articles)
    out = old_release(tmp_path / "out")
    before, sources = tree_hash(out), tree_hash(articles)
    proc = _handcar(["--articles", str(articles), "--out", str(out)], tmp_path, _file_size_limit)
    assert proc.returncode == EXIT_IO, proc.stderr
    assert "Traceback" not in proc.stderr
    # the error names the file whose write failed: one in the staging folder, or the temporary
    # copy a line format (N-Triples, N-Quads) is spooled to before staging
    where = (rf"{re.escape(str(tmp_path))}/\.out\.new-\w+/[\w./-]+"
             rf"|{re.escape(tempfile.gettempdir())}/\(temporary copy of [\w.]+\)")
    assert re.fullmatch(
        rf"error: ({where}): I/O error: "
        rf"{os.strerror(errno.EFBIG)}; nothing was published, {re.escape(str(out))} is as it was\n",
        proc.stderr,
    ), proc.stderr
    assert tree_hash(out) == before and tree_hash(articles) == sources
    assert not list(tmp_path.glob(".out.new-*"))


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _without_root_override() -> None:
    """In the child: take from root the capabilities that let it ignore file modes, so a
    read-only folder stops it as it stops anyone (a no-op for other users)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_permission_denied_is_exit_3_and_out_is_kept(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(MINI, articles)
    parent = tmp_path / "site"
    out = old_release(parent / "out")
    parent.chmod(0o555)  # no new entries: the staging folder cannot be made
    try:
        before, sources = tree_hash(parent), tree_hash(articles)
        proc = _handcar(
            ["--articles", str(articles), "--out", str(out)], tmp_path, _without_root_override
        )
    finally:
        parent.chmod(0o755)
    assert proc.returncode == EXIT_IO, proc.stderr
    assert "Traceback" not in proc.stderr
    assert re.fullmatch(
        rf"error: {re.escape(str(parent))}/\.out\.new-\w+: I/O error: "
        rf"{os.strerror(errno.EACCES)}; nothing was published, {re.escape(str(out))} is as it "
        r"was\n",
        proc.stderr,
    ), proc.stderr
    assert tree_hash(parent) == before and tree_hash(articles) == sources


@pytest.mark.slow  # over 8 s on the shared machine: CI runs it (--slow)
def test_the_input_limit_of_validate_does_not_apply_to_the_staged_release(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HANDCAR_MAX_RDF_BYTES limits what users hand to ``validate``; the build's check of its
    own staged release (a corpus can be far larger than 64 MiB) is not an input."""
    monkeypatch.setenv("HANDCAR_MAX_RDF_BYTES", "1000")
    code, output = build("--articles", str(work / "src" / "articles"), "--out", "out")
    assert code == 0, output
    assert (work / "cwd" / "out" / MARKER).is_file()


def test_a_crashed_background_validation_is_decided_in_the_open(tmp_path: Path) -> None:
    """A child that dies without a verdict (here: its traceback) is not a traceback for the
    user: the staged release is validated in the parent, and a conforming one is published."""
    from handcar.validate import background

    staged = tmp_path / "release"
    code, output = build("--articles", str(ARTICLES), "--out", str(staged))
    assert code == 0, output
    check = background.BackgroundValidation.__new__(background.BackgroundValidation)

    class Pipe:
        def recv(self) -> str:
            return "Traceback (most recent call last):\n  ...\nMemoryError\n"

    class Process:
        def join(self) -> None:
            pass

    check._pipe, check._process = Pipe(), Process()  # type: ignore[assignment]
    check.check(staged)  # conforms in the open: no exception


def test_write_tree_writes_every_file_and_names_the_first_that_fails(tmp_path: Path) -> None:
    """Every file lands (spooled or bytes, folders made once); the failure raised is the
    first in path order, naming its file."""
    from handcar.errors import IOFailure
    from handcar.publish.release import write_tree
    from handcar.publish.spool import Spool

    spool = Spool()
    files = {f"site/{n % 7}/page-{n:03}.html": (f"page {n}".encode() if n % 2 else
                                                spool.add([f"spooled {n}".encode()]))
             for n in range(80)}
    good = tmp_path / "good"
    write_tree(good, files)
    assert {p.relative_to(good).as_posix(): p.read_bytes() for p in good.rglob("*.html")} == {
        name: payload_bytes(data) for name, data in files.items()}
    bad = tmp_path / "bad"
    for n in (40, 12):  # a folder where a file should go: that file cannot be written
        (bad / f"site/{n % 7}/page-{n:03}.html").mkdir(parents=True)
    with pytest.raises(IOFailure) as caught:
        write_tree(bad, files)
    assert caught.value.path == bad / "site/5/page-012.html"
