"""handcar: a news article and its evidence-anchored annotation, published as linked data."""

__version__ = "0.1.0"
