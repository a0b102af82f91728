"""Helpers shared by the tests: locating and running outside tools and servers."""
