"""The one error a command reports as a single line and exit status 2."""

from __future__ import annotations


class Unusable(Exception):
    """An input or output the command cannot use; the message names it and says why.

    The command line prints it after the command's name (`jamjet-schema validate: ...`)
    and exits 2, whatever stage raised it."""
