"""Load benchmark of ``handcar serve`` (issue 15, point 7). Not a test: numbers depend on the
machine.

Starts the real ``handcar serve`` on 127.0.0.1 (a free port) over a release (default ``out/``),
then, for each scenario, sends a fixed number of requests with a fixed number of concurrent
clients (httpx + asyncio: a bounded load, not a flood) after a short warm-up, and reports
requests per second, latency percentiles (p50, p95, p99, max) and the errors (any status other
than the expected one, or a transport error). Scenarios:

- ``page``: a resource's HTML page (``/djo/id/place/pyongyang.html``);
- ``turtle``: a Turtle dereference, the 303 and the document (``/djo/id/place/pyongyang`` with
  ``Accept: text/turtle``, redirect followed: two HTTP requests, timed together);
- ``sparql``: a typical query, competency question CQ05 (the legs in order), as SPARQL JSON.

    .venv/bin/python bench/serve.py [--requests 500] [--concurrency 8] [--release out]

Exits 1 if any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESOURCE = "/djo/id/place/pyongyang"
QUERY_FILE = ROOT / "queries" / "cq05-legs-in-order.rq"


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    accept: str
    follow: bool = False


def scenarios() -> list[Scenario]:
    query = quote(QUERY_FILE.read_text(encoding="utf-8"))
    return [
        Scenario("page", RESOURCE + ".html", "text/html"),
        Scenario("turtle", RESOURCE, "text/turtle", follow=True),
        Scenario("sparql", f"/sparql?query={query}", "application/sparql-results+json"),
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(release: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "handcar", "serve", "--port", str(port), str(release)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"handcar serve exited {process.returncode}: "
                             f"{process.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("handcar serve did not start")


async def run(client: httpx.AsyncClient, scenario: Scenario, total: int,
              concurrency: int) -> tuple[list[float], int, float]:
    """``total`` requests by ``concurrency`` workers: latencies (s), errors, wall time (s)."""
    latencies: list[float] = []
    errors = 0
    remaining = iter(range(total))

    async def worker() -> None:
        nonlocal errors
        for _ in remaining:
            started = time.perf_counter()
            try:
                answer = await client.get(scenario.path, headers={"Accept": scenario.accept},
                                          follow_redirects=scenario.follow)
                await answer.aread()
                if answer.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def main_async(args: argparse.Namespace, port: int) -> int:
    failed = 0
    limits = httpx.Limits(max_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits,
                                 timeout=60) as client:
        print("| scenario | requests | concurrency | req/s | p50 ms | p95 ms | p99 ms "
              "| max ms | errors |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|")
        for scenario in scenarios():
            await run(client, scenario, args.warmup, args.concurrency)
            latencies, errors, wall = await run(client, scenario, args.requests, args.concurrency)
            failed += errors
            ms = [x * 1000 for x in latencies]
            print(f"| {scenario.name} | {args.requests} | {args.concurrency} "
                  f"| {args.requests / wall:.0f} | {statistics.median(ms):.1f} "
                  f"| {percentile(ms, 95):.1f} | {percentile(ms, 99):.1f} | {max(ms):.1f} "
                  f"| {errors} |", flush=True)
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--release", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; server and load generator on the same machine")
    port = free_port()
    server = start(args.release, port)
    try:
        failed = asyncio.run(main_async(args, port))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"errors: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
