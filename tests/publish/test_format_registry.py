"""The format table (:mod:`handcar.formats`): a published format says what its file is for, and
every published format is in the release, in the README and in the metadata."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from handcar.formats import RDF_FORMATS, SUFFIXES, FormatError, RdfFormat, published


def test_a_published_format_without_a_purpose_is_refused() -> None:
    with pytest.raises(FormatError, match="needs both a writer and a purpose"):
        RdfFormat("n3", "n3", "text/n3", ox.RdfFormat.N3, None, False, writer="n3")


def test_a_purpose_without_a_writer_is_refused() -> None:
    with pytest.raises(FormatError, match="needs both a writer and a purpose"):
        RdfFormat("n3", "n3", "text/n3", ox.RdfFormat.N3, None, False, purpose="for people")


def test_the_table_agrees_with_pyoxigraph() -> None:
    for fmt in RDF_FORMATS.values():
        assert fmt.media_type == fmt.oxigraph.media_type, fmt.name
        assert SUFFIXES[f".{fmt.extension}"] is fmt
        assert all(SUFFIXES[suffix] is fmt for suffix in fmt.suffixes)


def test_every_published_format_is_released_with_its_purpose(files: dict[str, bytes]) -> None:
    readme = files["README.md"].decode("utf-8")
    metadata = files["metadata.ttl"].decode("utf-8")
    assert published(), "the release publishes the dataset in no format"
    for fmt in published():
        assert fmt.dataset_file in files
        assert f"| `{fmt.dataset_file}` |" in readme
        assert fmt.purpose and fmt.purpose in readme and fmt.purpose in metadata
    dumps = {path for path in files if path.startswith("dataset.") and ".framed." not in path}
    assert dumps == {fmt.dataset_file for fmt in published()}
