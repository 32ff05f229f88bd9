"""Synthetic event logs: realistic mixes of every variant, already in canonical form.

Values are drawn from the wire model, so a new variant or field shows up in the
logs by itself. Everything is chosen so that Python's json.dumps writes exactly
serde's canonical bytes (floats that are multiples of 1/8 below 2^20, Value objects
with sorted keys, timestamps in chrono's form), which tests check on a sample.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from typing import Any

from codegen.model import (
    NamedType,
    OptionType,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    Variant,
    VecType,
    WireModel,
)

WORDS = (
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
)


class LogGenerator:
    def __init__(self, model: WireModel, seed: int = 7, payload_bytes: int = 200) -> None:
        self.model = model
        self.rng = random.Random(seed)
        self.payload_bytes = payload_bytes
        self.union = model.of_kind(TaggedUnion)[0]
        self.root = next(s for s in model.of_kind(Struct) if s.name == model.root)

    def events(self, count: int, variant: Variant | None = None) -> Iterator[str]:
        """`count` canonical Event lines; every variant in turn unless one is given."""
        for i in range(count):
            chosen = variant or self.union.variants[i % len(self.union.variants)]
            yield self.event_text(i, chosen)

    def event_text(self, sequence: int, variant: Variant) -> str:
        event = {f.name: self.value(f.type) for f in self.root.fields}
        event["sequence"] = sequence
        event["kind"] = self.kind(variant)
        return json.dumps(event, separators=(",", ":"), ensure_ascii=False)

    def kind(self, variant: Variant) -> dict[str, Any]:
        return {self.union.tag: variant.wire_name, **self.fields(variant.fields)}

    def fields(self, fields: tuple[Any, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields:
            value = self.value(f.type)
            skipped = (value is None and not f.always_emitted) or (
                value == [] and not f.always_emitted
            )
            if not skipped:
                out[f.name] = value
        return out

    def value(self, expr: TypeExpr) -> Any:
        expr = self.model.resolve(expr)
        if isinstance(expr, OptionType):
            return self.value(expr.inner) if self.rng.random() < 0.7 else None
        if isinstance(expr, VecType):
            return [self.value(expr.inner) for _ in range(self.rng.randint(0, 3))]
        if isinstance(expr, ScalarType):
            return self.scalar(expr.scalar)
        assert isinstance(expr, NamedType)
        decl = self.model.decl(expr.name)
        if isinstance(decl, UnitEnum):
            return self.rng.choice(decl.variants)[1]
        if isinstance(decl, TaggedUnion):
            return self.kind(self.rng.choice(decl.variants))
        assert isinstance(decl, Struct)
        return self.fields(decl.fields)

    def scalar(self, scalar: Scalar) -> Any:
        rng = self.rng
        if scalar is Scalar.STRING:
            return "-".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        if scalar is Scalar.BOOL:
            return rng.random() < 0.5
        if scalar in (Scalar.U32, Scalar.U64, Scalar.I64):
            return rng.randint(0, 10**6)
        if scalar is Scalar.F64:
            return rng.randint(0, 2**20) / 8 + 0.125  # exact in binary, never an integer
        if scalar is Scalar.TIMESTAMP:
            return f"2026-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}T{rng.randint(0, 23):02}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}.{rng.randint(1, 999):03}{rng.randint(1, 999):03}{rng.randint(1, 999):03}Z"
        if scalar is Scalar.UUID:
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        return self.payload()

    def payload(self) -> dict[str, Any]:
        """A JSON object of about payload_bytes, keys sorted as serde_json writes them."""
        out: dict[str, Any] = {}
        size = 2
        while size < self.payload_bytes:
            key = f"{self.rng.choice(WORDS)}_{len(out)}"
            value: Any = self.rng.choice(
                [
                    self.rng.randint(-999, 999),
                    " ".join(self.rng.choices(WORDS, k=3)),
                    [1, 2, 3],
                    {"ok": True},
                    None,
                ]
            )
            out[key] = value
            size += len(json.dumps({key: value}, separators=(",", ":")))
        return dict(sorted(out.items()))
