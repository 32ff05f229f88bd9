"""The parsed-JSON tree: plain Python values plus an object type that keeps duplicates.

A dict would lose information serde acts on: a derived struct rejects a repeated
field, while serde_json::Value silently keeps the last one. JsonObject therefore
stores every (key, value) pair in document order and offers the Value view on demand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias, Union


class JsonObject:
    """A JSON object exactly as written: pairs in document order, duplicates included."""

    __slots__ = ("pairs",)

    pairs: list[tuple[str, JsonNode]]

    def __init__(self, pairs: list[tuple[str, JsonNode]] | None = None) -> None:
        # The list is adopted, not copied: the parser builds one per object anyway.
        self.pairs = pairs if pairs is not None else []

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[tuple[str, JsonNode]]:
        return iter(self.pairs)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JsonObject):
            return NotImplemented
        return self.pairs == other.pairs

    __hash__ = None  # type: ignore[assignment]  # mutable, like list and dict

    def __repr__(self) -> str:
        return f"JsonObject({self.pairs!r})"

    def keys(self) -> list[str]:
        """Every key in document order, repeated keys repeated."""
        return [key for key, _ in self.pairs]

    def as_dict(self) -> dict[str, JsonNode]:
        """serde_json::Value's view: the last occurrence of a repeated key wins."""
        return dict(self.pairs)

    def get(self, key: str, default: JsonNode = None) -> JsonNode:
        """The value serde_json::Value would hold for `key` (the last occurrence)."""
        for candidate, value in reversed(self.pairs):
            if candidate == key:
                return value
        return default

    def first_duplicate(self) -> str | None:
        """The first key that occurs a second time, in document order, or None."""
        seen: set[str] = set()
        for key, _ in self.pairs:
            if key in seen:
                return key
            seen.add(key)
        return None


JsonNode: TypeAlias = Union[bool, int, float, str, list["JsonNode"], JsonObject, None]  # noqa: UP007
