"""``handcar check --watch``: checks again after each save, in one warm process (issue 16,
point 3: a fast check loop)."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from support.paths import ARTICLES, ROOT

CORPUS = ROOT / "tests" / "corpus" / "articles"
WIRE = "wire-2021-02-26-handcar"  # fiction written for testing


class _Lines:
    """The lines a process writes to a pipe, read by a thread, waited for with a deadline."""

    def __init__(self, pipe) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe) -> None:
        for line in pipe:
            self._queue.put(line.rstrip("\n"))

    def until(self, wanted: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not any(wanted in line for line in self.seen):
            left = deadline - time.monotonic()
            assert left > 0, f"no {wanted!r} in {self.seen}"
            try:
                self.seen.append(self._queue.get(timeout=left))
            except queue.Empty:
                continue


def test_watch_checks_again_after_each_save(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES / "moscow-times-2021-02-26-handcar",
                    articles / "moscow-times-2021-02-26-handcar")
    shutil.copytree(CORPUS / WIRE, articles / WIRE)
    annotation = articles / WIRE / "annotation.yaml"
    text = annotation.read_text(encoding="utf-8")
    fact = "      - [border-crossing, toCountry, russia]\n"
    assert text.count(fact) == 1
    env = {**os.environ, "HANDCAR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONUNBUFFERED": "1"}
    # Ctrl-C as in a terminal: a process started in the background by a non-interactive shell
    # (as CI may start the tests) inherits SIGINT ignored, and Python keeps it so
    process = subprocess.Popen(
        [sys.executable, "-m", "handcar", "check", "--watch", f"articles/{WIRE}"],
        cwd=tmp_path, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        out, err = _Lines(process.stdout), _Lines(process.stderr)
        out.until(f"articles/{WIRE}: ok (3 warnings)")
        err.until("watching ")
        annotation.write_text(
            text.replace(fact, "      - [border-crossing, toCountry, north-korea]\n"),
            encoding="utf-8")
        out.until(f"articles/{WIRE}: 1 problem (3 warnings)")
        assert f"-- saved: {WIRE}/annotation.yaml" in out.seen
        assert any("violation (border-crossing)" in line for line in out.seen)
        annotation.write_text(text, encoding="utf-8")  # mended
        out.seen.clear()
        out.until(f"articles/{WIRE}: ok (3 warnings)")
        assert "violation" not in "\n".join(out.seen)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        err.until("stopped")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
