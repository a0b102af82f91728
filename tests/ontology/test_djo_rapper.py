"""An independent parser: rapper (Raptor, C) must read every ontology module, strictly (no
warnings), and count the same triples as rdflib. Skipped when rapper is missing, failed instead
when CI=true or HANDCAR_REQUIRE_TOOLS=1 (the ``requires`` marker of tests/conftest.py)."""

from __future__ import annotations

import pytest
from djo_helpers import ALIGN_TTL, DJO_TTL, SAMPLE_TRIG, parse_turtle

from support.tools import rapper_parse

pytestmark = pytest.mark.requires("rapper")


@pytest.mark.parametrize("path", [DJO_TTL, ALIGN_TTL], ids=lambda p: p.name)
def test_rapper_parses_the_module(path):
    assert rapper_parse(path, "turtle") == len(parse_turtle(path))


def test_rapper_parses_the_sample_dataset(sample_dataset):
    assert rapper_parse(SAMPLE_TRIG, "trig") == len(sample_dataset)
