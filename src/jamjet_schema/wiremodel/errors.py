"""The one error the pipeline raises for a bad schema: it says where."""

from __future__ import annotations


class SchemaError(Exception):
    """A schema that the pipeline refuses, with the JSON pointer of the bad spot."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(f"{pointer or '/'}: {message}")
        self.pointer = pointer
        self.message = message
