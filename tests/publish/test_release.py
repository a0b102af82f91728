"""``out/`` is replaced in one step or not at all: a failing check, an exception or a kill in the
middle of writing leaves the previous release byte for byte."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from handcar.publish import release as release_module
from handcar.publish.release import MARKER, MARKER_BYTES, release

OLD = {MARKER: MARKER_BYTES, "README.md": b"old release\n", "dataset.nq": b"<a:s> <a:p> <a:o> .\n",
       "text/a.txt": b"old text"}
NEW = {f"file-{i:02}.txt": f"new {i}\n".encode() * 100 for i in range(30)}
NEW["sub/dir/deep.txt"] = b"deep"
NEW[MARKER] = MARKER_BYTES  # every release carries the marker


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.new-*"))


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    release(folder, OLD, check=lambda f: None)
    assert snapshot(folder) == OLD
    return folder


def test_a_release_replaces_out_completely(out: Path) -> None:
    seen: dict[str, bytes] = {}
    release(out, NEW, check=lambda folder: seen.update(snapshot(folder)))
    assert seen == NEW, "the check sees the whole new release"
    assert snapshot(out) == NEW
    assert not leftovers(out)


def test_a_failing_check_leaves_the_old_release(out: Path) -> None:
    def check(folder: Path) -> None:
        raise RuntimeError("SHACL: 3 violations")

    with pytest.raises(RuntimeError, match="violations"):
        release(out, NEW, check=check)
    assert snapshot(out) == OLD
    assert not leftovers(out)


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_an_exception_while_writing_leaves_the_old_release(
    out: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    written = []

    def failing_write(folder: Path, files: dict[str, bytes]) -> None:
        for i, (name, data) in enumerate(sorted(files.items())):
            if i == 5:
                raise error
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
            written.append(name)

    monkeypatch.setattr(release_module, "write_tree", failing_write)
    with pytest.raises(type(error)):
        release(out, NEW, check=lambda f: None)
    assert len(written) == 5
    assert snapshot(out) == OLD
    assert not leftovers(out)


def test_a_build_killed_while_writing_leaves_the_old_release(out: Path) -> None:
    script = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from handcar.publish import release as r

        def slow_write(folder, files):
            for i, (name, data) in enumerate(sorted(files.items())):
                path = folder / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                if i == 10:
                    print("half written", flush=True)
                    time.sleep(60)

        r.write_tree = slow_write
        r.release(Path(sys.argv[1]), {f"f{i:02}": b"x" * 1000 for i in range(30)},
                  check=lambda f: None)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(out)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "half written"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert snapshot(out) == OLD, "a killed build never leaves a half out/"
    assert len(leftovers(out)) == 1, "its staging folder is what remains"
    release(out, NEW, check=lambda f: None)
    assert snapshot(out) == NEW
    assert not leftovers(out), "the next release clears the leftover"


def test_without_renameat2_the_fallback_swap_also_works(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(release_module, "_exchange", lambda a, b: False)
    release(out, NEW, check=lambda f: None)
    assert snapshot(out) == NEW
    assert not leftovers(out)
    assert not list(out.parent.glob("*.old"))


def test_the_release_folder_gets_ordinary_permissions(out: Path) -> None:
    mask = os.umask(0o022)
    try:
        release(out, NEW, check=lambda f: None)
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o755
    assert (out / "file-00.txt").stat().st_mode & 0o777 == 0o644


def test_a_first_release_creates_out(tmp_path: Path) -> None:
    target = tmp_path / "fresh" / "out"
    release(target, NEW, check=lambda f: None)
    assert snapshot(target) == NEW
    assert not leftovers(target)


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", "a/../../b"])
def test_paths_cannot_escape_the_release(out: Path, name: str) -> None:
    with pytest.raises(ValueError, match="escapes"):
        release(out, {name: b"x"}, check=lambda f: None)
    assert snapshot(out) == OLD


def test_a_failing_check_through_the_cli_publish_keeps_out(tmp_path: Path, seed) -> None:
    from handcar.publish.site import publish

    target = tmp_path / "out"
    release(target, OLD, check=lambda f: None)

    def check(folder: Path) -> None:
        assert (folder / "dataset.nq").is_file() and (folder / "SHA256SUMS").is_file()
        raise RuntimeError("validation failed")

    with pytest.raises(RuntimeError, match="validation failed"):
        publish(seed, target, check=check, cache=tmp_path / "cache")
    assert snapshot(target) == OLD
