"""Headless Chromium for the page tests (Debian ``chromium``): a screenshot of a local page,
its DOM after rendering, and a check that a screenshot is not blank (PNG read with the
standard library only). Callers mark their tests ``@pytest.mark.requires("chromium")``."""

from __future__ import annotations

import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
          "--force-device-scale-factor=1")


def _chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = ["chromium", *_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def screenshot(page: Path, folder: Path, width: int, height: int) -> Path:
    """A PNG of ``page`` rendered at ``width`` × ``height``, in ``folder``."""
    shot = folder / (page.stem + ".png")
    proc = _chromium(page, folder / "profile", f"--screenshot={shot}",
                     f"--window-size={width},{height}")
    assert shot.is_file(), proc.stderr[-2000:]
    return shot


def dump_dom(page: Path, folder: Path) -> str:
    """The DOM of ``page`` after Chromium has loaded and rendered it, as HTML."""
    proc = _chromium(page, folder / "profile-dom", "--dump-dom")
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr[-2000:]
    return proc.stdout


def assert_not_blank(shot: Path, width: int, height: int) -> None:
    """The screenshot has the size asked for and shows something: many colours, no colour
    covering (almost) everything."""
    got_width, got_height, pixels = png_pixels(shot.read_bytes())
    assert (got_width, got_height) == (width, height)
    colours = Counter(pixels)
    assert len(colours) > 10  # text, marks, borders: not a blank page
    _, count = colours.most_common(1)[0]
    assert count < 0.98 * width * height


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the pixels of an 8-bit RGB or RGBA PNG (standard library only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        at = y * (stride + 1)
        kind, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    pixels = [row[i : i + bpp] for row in rows for i in range(0, stride, bpp)]
    return width, height, pixels
