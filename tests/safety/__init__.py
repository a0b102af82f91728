"""Safety tests: bad input, faults and limits across every command (issue 10)."""
