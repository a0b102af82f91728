"""One ontology model: read once per process, and every view of it agrees with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from handcar.errors import InputError
from handcar.ontology import load_ontology, read_ontology
from handcar.resources import ontology_dir
from handcar.vocabulary import vocabulary

DJO = "https://w3id.org/djo#"


def test_read_once_per_process() -> None:
    assert load_ontology() is load_ontology()
    assert vocabulary() is vocabulary()
    assert [m.path.name for m in load_ontology().modules] == ["djo-align.ttl", "djo.ttl"]
    assert load_ontology().folder == ontology_dir()


def test_the_builders_vocabulary_is_the_model_as_rdflib_iris() -> None:
    model, vocab = load_ontology(), vocabulary()
    assert vocab.classes == {URIRef(c) for c in model.classes}
    assert vocab.object_properties == {URIRef(p) for p in model.object_properties}
    assert vocab.datatype_properties == {URIRef(p) for p in model.datatype_properties}
    for closure in ("superclasses", "superproperties", "domain_classes", "range_classes"):
        assert getattr(vocab, closure) == {
            URIRef(k): {URIRef(v) for v in values}
            for k, values in getattr(model, closure).items()
        }, closure
    assert vocab.superclasses[URIRef(DJO + "Diplomat")] >= {
        URIRef(DJO + "Person"), URIRef("https://schema.org/Person")}


def test_user_files_are_read_into_the_same_model(tmp_path: Path) -> None:
    nt = tmp_path / "mini.nt"
    nt.write_text(
        f"<{DJO}A> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{DJO}B> .\n"
        f"<{DJO}A> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://www.w3.org/2002/07/owl#Class> .\n"
    )
    model = read_ontology([nt])
    assert model.classes == {DJO + "A"}
    assert model.superclasses[DJO + "A"] == {DJO + "A", DJO + "B"}
    assert model.files == (nt,)


def test_blank_nodes_of_different_files_are_different_nodes(tmp_path: Path) -> None:
    """``_:x`` in two files are two nodes: the disjointness list of one file is not joined with
    the list of the other."""
    head = "@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix e: <https://e.org/> .\n"
    (tmp_path / "a.ttl").write_text(head + "_:x a owl:AllDisjointClasses ; owl:members _:l .\n"
                                    "_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> e:A ;"
                                    " <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:m .\n"
                                    "_:m <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> e:B ;"
                                    " <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> "
                                    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n")
    (tmp_path / "b.ttl").write_text(head + "_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first>"
                                    " e:C .\n")
    model = read_ontology(sorted(tmp_path.glob("*.ttl")))
    assert model.disjoint == {("https://e.org/A", "https://e.org/B")}


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix e: <https://e.org/> .\ne:a e:b .\n")
    with pytest.raises(InputError) as caught:
        read_ontology([bad])
    assert caught.value.path == bad and caught.value.line == 2


def test_user_files_are_parsed_as_the_format_table_says(tmp_path: Path) -> None:
    """The suffix decides the parser, as for the data (:data:`handcar.formats.SUFFIXES`)."""
    iri = f"<{DJO}A> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    owl_class = "<http://www.w3.org/2002/07/owl#Class>"
    (tmp_path / "a.nq").write_text(f"{iri}{owl_class} <https://e.org/g> .\n")
    (tmp_path / "b.jsonld").write_text(
        f'{{"@id": "{DJO}B", "@type": "http://www.w3.org/2002/07/owl#Class"}}')
    (tmp_path / "c.owl").write_text(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:owl="http://www.w3.org/2002/07/owl#">'
        f'<owl:Class rdf:about="{DJO}C"/></rdf:RDF>')
    (tmp_path / "d.txt").write_text(f"{iri}{owl_class} .\n".replace(f"{DJO}A", f"{DJO}D"))
    model = read_ontology(sorted(tmp_path.iterdir()))
    assert model.classes == {DJO + "A", DJO + "B", DJO + "C", DJO + "D"}
