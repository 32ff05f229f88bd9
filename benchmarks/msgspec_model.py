"""The same contract as msgspec Structs, built from the wire model: the speed baseline.

A tagged union of Structs (tag_field = the serde tag, tag = the wire name), fields in
declaration order, Option fields defaulting to None. It is not serde-exact (msgspec
writes None as null even where serde skips, accepts duplicate keys, writes floats
its own way); it stands for "a fast, typed, tagged-union decoder" in the benchmark.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import msgspec

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

_SCALARS: dict[Scalar, Any] = {
    Scalar.STRING: str,
    Scalar.BOOL: bool,
    Scalar.U32: int,
    Scalar.U64: int,
    Scalar.I64: int,
    Scalar.F64: float,
    Scalar.TIMESTAMP: datetime.datetime,
    Scalar.UUID: uuid.UUID,
    Scalar.JSON: Any,
}


class MsgspecModel:
    def __init__(self, model: WireModel) -> None:
        self.model = model
        self.structs: dict[str, Any] = {}
        self.union = model.of_kind(TaggedUnion)[0]
        self.event = self.struct(model.root)
        self.decoder = msgspec.json.Decoder(self.event)
        self.encoder = msgspec.json.Encoder()

    def type_of(self, expr: TypeExpr) -> Any:
        expr = self.model.resolve(expr)
        if isinstance(expr, OptionType):
            return self.type_of(expr.inner) | None
        if isinstance(expr, VecType):
            return list[self.type_of(expr.inner)]  # type: ignore[misc]
        if isinstance(expr, ScalarType):
            return _SCALARS[expr.scalar]
        assert isinstance(expr, NamedType)
        decl = self.model.decl(expr.name)
        if isinstance(decl, UnitEnum):
            return str
        if isinstance(decl, TaggedUnion):
            variants = tuple(self.variant(v) for v in decl.variants)
            return variants[0] if len(variants) == 1 else _union(variants)
        return self.struct(decl.name)

    def struct(self, name: str) -> Any:
        if name not in self.structs:
            decl = self.model.decl(name)
            assert isinstance(decl, Struct)
            self.structs[name] = msgspec.defstruct(name, self.fields(decl.fields))
        return self.structs[name]

    def variant(self, v: Variant) -> Any:
        return msgspec.defstruct(
            v.name, self.fields(v.fields), tag_field=self.union.tag, tag=v.wire_name
        )

    def fields(self, fields: tuple[Any, ...]) -> list[Any]:
        required = [(f.name, self.type_of(f.type)) for f in fields if f.required_on_input]
        optional = [
            (f.name, self.type_of(f.type), f.default) for f in fields if not f.required_on_input
        ]
        return [*required, *optional]  # msgspec wants defaults last; order differs from serde's

    def round_trip(self, line: str) -> bytes:
        return self.encoder.encode(self.decoder.decode(line))

    def decode(self, line: str) -> Any:
        return self.decoder.decode(line)


def _union(variants: tuple[Any, ...]) -> Any:
    union: Any = variants[0]
    for v in variants[1:]:
        union = union | v
    return union
