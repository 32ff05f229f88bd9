"""The same contract as plain Pydantic v2 models, built from the wire model: the peer a
team would write by hand.

A discriminated union on the tag, default settings (lax mode, extra ignored), `str`
for timestamps, `uuid.UUID` for UUIDs, `Any` for serde_json::Value, Option fields
defaulting to None. It is not serde-exact (it coerces, accepts duplicate members,
writes every None as null and floats its own way); it stands for "what a team writes
instead of pinning the package" in the benchmark.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

import pydantic

from codegen.model import (
    Field,
    NamedType,
    OnMissing,
    OptionType,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
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
    Scalar.TIMESTAMP: str,
    Scalar.UUID: uuid.UUID,
    Scalar.JSON: Any,
}


class PydanticModel:
    def __init__(self, model: WireModel) -> None:
        self.model = model
        self.structs: dict[str, type[pydantic.BaseModel]] = {}
        self.event = self.struct(model.root)
        self.adapter = pydantic.TypeAdapter(self.event)

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
            return Literal[tuple(wire for _, wire in decl.variants)]
        if isinstance(decl, TaggedUnion):
            variants = tuple(self.variant(decl, i) for i in range(len(decl.variants)))
            return Annotated[
                variants[0] if len(variants) == 1 else _union(variants),
                pydantic.Field(discriminator=decl.tag),
            ]
        return self.struct(decl.name)

    def struct(self, name: str) -> type[pydantic.BaseModel]:
        if name not in self.structs:
            decl = self.model.decl(name)
            assert isinstance(decl, Struct)
            self.structs[name] = pydantic.create_model(name, **self.fields(decl.fields))
        return self.structs[name]

    def variant(self, union: TaggedUnion, index: int) -> type[pydantic.BaseModel]:
        v = union.variants[index]
        tag: Any = (Literal[v.wire_name], v.wire_name)
        return pydantic.create_model(v.name, **{union.tag: tag}, **self.fields(v.fields))

    def fields(self, fields: tuple[Field, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields:
            tp = self.type_of(f.type)
            if f.on_missing is OnMissing.REJECT:
                out[f.name] = (tp, ...)
            elif isinstance(f.default, list):
                out[f.name] = (tp, pydantic.Field(default_factory=list))
            else:
                out[f.name] = (tp, f.default)
        return out

    def parse(self, line: str) -> Any:
        return self.event.model_validate_json(line)

    def round_trip(self, line: str) -> str:
        return self.event.model_validate_json(line).model_dump_json()


def _union(variants: tuple[Any, ...]) -> Any:
    union: Any = variants[0]
    for v in variants[1:]:
        union = union | v
    return union
