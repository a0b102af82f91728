"""One module per ``handcar`` sub-command."""
