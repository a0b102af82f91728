"""Where the per-article step runs: a pool of worker processes on this machine (``--jobs N``)
or a Dask cluster (``--scheduler tcp://HOST:PORT``), both through the ``concurrent.futures``
interface, so the build has one code path for both (:func:`handcar.build.build_dataset`).

Worker processes are forked where the platform can fork (they inherit the loaded ontology),
else spawned. A Dask cluster is reached with dask.distributed's ``Client.get_executor()``;
its workers must import the same handcar and see the articles folder at the same path (a
shared file system), as the workers read the article files themselves. dask is an optional
extra (``pip install 'handcar[cluster]'``), imported only when a scheduler is given.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from handcar.errors import UsageError

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a Dask scheduler to answer before giving up."""


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@contextmanager
def executor(
    jobs: int = 1, scheduler: str | None = None, timeout: float = CONNECT_TIMEOUT
) -> Iterator[Executor | None]:
    """The executor for ``jobs`` processes, or for the Dask ``scheduler``; None for ``jobs``
    1 without a scheduler (the build runs in this process). Raises :class:`UsageError` when
    ``jobs`` is below 1, dask is not installed, or the scheduler does not answer within
    ``timeout`` seconds."""
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more worker processes")
    if scheduler is not None:
        with _dask(scheduler, timeout) as cluster:
            yield cluster
        return
    if jobs == 1:
        yield None
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _dask(scheduler: str, timeout: float) -> Iterator[Executor]:
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            f"--scheduler {scheduler}: Dask is not installed; install handcar's cluster extra"
            " (pip install 'handcar[cluster]')"
        ) from None
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(
            f"--scheduler {scheduler}: cannot reach the Dask scheduler within {timeout:g} s"
            f" ({reason})"
        ) from None
    try:
        # pure=False: a task is never answered from an earlier one with the same arguments
        # (the files behind them may have changed since)
        cluster = client.get_executor(pure=False)
        try:
            yield cluster
        finally:
            cluster.shutdown(wait=False)
    finally:
        client.close()
