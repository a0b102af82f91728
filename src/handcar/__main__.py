"""``python -m handcar`` runs the command line."""

from handcar.cli import run

run()
