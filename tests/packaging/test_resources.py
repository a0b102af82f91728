"""handcar.resources: one way to find the packaged resources and one cache policy (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handcar import resources
from handcar.errors import InputError
from handcar.publish import site
from handcar.validate import shapes
from support.paths import ROOT


def test_packaged_resources_are_the_top_level_folders() -> None:
    for folder, name in [
        (resources.ontology_dir(), "ontology"),
        (resources.shapes_dir(), "shapes"),
        (resources.queries_dir(), "queries"),
    ]:
        assert folder.is_relative_to(ROOT / "src" / "handcar" / "data")
        assert folder.resolve() == (ROOT / name).resolve()
    assert (resources.templates_dir() / "README.md.j2").is_file()
    assert (resources.serve_templates_dir() / "resource.html.j2").is_file()


def test_ontology_override_does_not_move_the_shapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = resources.shapes_dir()
    monkeypatch.setenv(resources.ONTOLOGY_DIR_ENV, str(tmp_path / "ontology"))
    assert resources.shapes_dir() == packaged
    assert site.shapes_dir is shapes.shapes_dir is resources.shapes_dir


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_a_shapes_folder_without_shapes_is_an_error(
    make: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shapes"
    if make == "empty":
        folder.mkdir()
    monkeypatch.setenv(resources.SHAPES_DIR_ENV, str(folder))
    with pytest.raises(InputError, match=r"shapes folder .*HANDCAR_SHAPES_DIR") as error:
        resources.shapes_dir()
    assert error.value.path == folder


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "xdg/handcar"),
        ({"HANDCAR_CACHE_DIR": "mine"}, "mine"),
        ({"HANDCAR_CACHE_DIR": ""}, None),
        ({"HANDCAR_NO_CACHE": "1"}, None),
        ({"HANDCAR_NO_CACHE": "yes", "HANDCAR_CACHE_DIR": "mine"}, None),
        ({"HANDCAR_NO_CACHE": "0", "HANDCAR_CACHE_DIR": "mine"}, "mine"),
    ],
)
def test_one_cache_policy(
    env: dict[str, str], expected: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "xdg")
    for name in ("HANDCAR_CACHE_DIR", "HANDCAR_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert resources.cache_dir() == (Path(expected) if expected else None)
