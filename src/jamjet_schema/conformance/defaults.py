"""Defaults shared by the runner's front ends; a module of its own (no imports) so
that the pytest plugin can name them at load time for free."""

DEFAULT_TIMEOUT = 5.0  # seconds to wait for each answer (the first includes the start)
