"""Where the repository's inputs live, for tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "articles"
SEED = "moscow-times-2021-02-26-handcar"
