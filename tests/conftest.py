"""Top-level test configuration: outside tools.

A test that needs an outside tool says so with ``@pytest.mark.requires("rapper", "jena")`` or calls
the ``require_tool`` fixture (``require_tool("virtuoso")``). Tool names: rapper, java, jena,
virtuoso, node-jsonld, node-shacl, oxigraph, chromium (see tests/support/tools.py). A missing
tool skips the test with a reason naming it, except when CI=true or HANDCAR_REQUIRE_TOOLS=1: then
it fails, so CI never passes by skipping. ``scripts/install-tools.sh`` installs them all.

Tests marked ``slow`` (more than a few seconds each, or many subprocesses) are left out of the
default run, which stays under five minutes; ``--slow`` (or CI=true, or an ``-m`` expression that
names ``slow``) runs them too. CI runs everything.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from support.tools import TOOL_NAMES, missing_reason


def tools_required() -> bool:
    """True when a missing tool must fail the run instead of skipping (CI)."""
    truthy = {"1", "true", "yes"}
    return (
        os.environ.get("CI", "").lower() in truthy
        or os.environ.get("HANDCAR_REQUIRE_TOOLS", "").lower() in truthy
    )


def require_tool(name: str) -> None:
    """Skip the current test when tool ``name`` is missing (fail instead in CI)."""
    if name not in TOOL_NAMES:
        raise ValueError(f"unknown tool {name!r}; known: {', '.join(TOOL_NAMES)}")
    reason = missing_reason(name)
    if reason is None:
        return
    if tools_required():
        pytest.fail(f"{reason} (required: CI=true or HANDCAR_REQUIRE_TOOLS=1)", pytrace=False)
    pytest.skip(reason)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow", action="store_true", help="also run the tests marked slow (CI always does)"
    )


def _run_slow(config: pytest.Config) -> bool:
    truthy = {"1", "true", "yes"}
    return (
        config.getoption("--slow")
        or os.environ.get("CI", "").lower() in truthy
        or "slow" in (config.getoption("markexpr") or "")
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"requires(*tools): needs outside tools ({', '.join(TOOL_NAMES)}); skipped when missing, "
        "fails when CI=true or HANDCAR_REQUIRE_TOOLS=1",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # a test marked requires(...) is also a `tool` test, so `-m "not tool"` deselects it
    for item in items:
        if item.get_closest_marker("requires") and not item.get_closest_marker("tool"):
            item.add_marker(pytest.mark.tool)
    if _run_slow(config):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


def pytest_report_header(config: pytest.Config) -> str:
    if _run_slow(config):
        return "slow tests: included"
    return "slow tests: left out (run them with --slow; CI does)"


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("requires"):
        for name in marker.args:
            require_tool(name)


@pytest.fixture(name="require_tool")
def require_tool_fixture() -> Callable[[str], None]:
    """``require_tool("rapper")`` inside a test: skip (or fail in CI) when rapper is missing."""
    return require_tool
