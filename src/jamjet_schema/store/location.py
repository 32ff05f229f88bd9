"""What names a store: a file path, or the runtime's `DATABASE_URL` form `sqlite://PATH`
(also `sqlite:PATH`; a `?query` of connection options is ignored)."""

from __future__ import annotations

import os

from jamjet_schema.files.sniff import SQLITE_MAGIC

HEADER = SQLITE_MAGIC  # SQLite's 16-byte header, as files.sniff knows it

_SCHEMES = ("sqlite://", "sqlite:")


def is_url(text: str) -> bool:
    return text.startswith(_SCHEMES)


def path_of(text: str) -> str:
    """The file a store argument names."""
    for scheme in _SCHEMES:
        if text.startswith(scheme):
            return text[len(scheme) :].split("?", 1)[0]
    return text


def has_header(path: str) -> bool:
    """Whether the file starts with SQLite's 16-byte header; False if it cannot be read."""
    try:
        with open(path, "rb") as stream:
            return stream.read(len(HEADER)) == HEADER
    except OSError:
        return False


def names_a_store(text: str) -> bool:
    """A `sqlite:` URL, or a file holding a SQLite database (a log never starts so)."""
    return is_url(text) or (text != "-" and os.path.isfile(text) and has_header(text))
