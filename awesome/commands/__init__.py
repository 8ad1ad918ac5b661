"""One module per command; each defines ``command``, a click command returning an exit code."""
