"""handcar.files.write_atomically: the old file or the new, never a part; links kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from handcar.errors import IOFailure
from handcar.files import write_atomically


def test_replaces_a_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomically(target, "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomically(link, b"new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_full_disk_is_an_io_failure(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with pytest.raises(IOFailure):
        write_atomically(Path("/dev/full"), "x")


def test_create_atomically_never_replaces(tmp_path: Path) -> None:
    from handcar.files import create_atomically

    path = tmp_path / "annotation.yaml"
    create_atomically(path, "first\n")
    assert path.read_text(encoding="utf-8") == "first\n"
    with pytest.raises(FileExistsError):
        create_atomically(path, "second\n")
    assert path.read_text(encoding="utf-8") == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotation.yaml"]  # no aside file
