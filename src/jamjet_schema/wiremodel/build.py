"""Stage 2: turn the loaded schema into the wire model, checking each wire rule once.

Every rule the emitters rely on is derived here from standard keywords plus the
x- vocabulary, and checked for consistency (an integer def's bounds must be its
width's, a skipped field must be able to be None or empty, a variant's tag must be
the snake_case of its name ...). A contradiction is a SchemaError naming the spot.
"""

from __future__ import annotations

import re
from typing import Any

from jamjet_schema.wiremodel.errors import SchemaError
from jamjet_schema.wiremodel.load import Schema
from jamjet_schema.wiremodel.model import (
    SKIP_PREDICATES,
    Alias,
    BoxType,
    Decl,
    Field,
    Fill,
    NamedType,
    Newtype,
    OnMissing,
    OnOutput,
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

_DEF_REF = re.compile(r"^#/\$defs/([A-Za-z_][A-Za-z0-9_]*)$")

_INT_FORMATS = {Scalar.U32: "uint32", Scalar.U64: "uint64", Scalar.I64: "int64"}

# The standard keywords each scalar must carry, so a generic validator checks them too.
_SCALAR_KEYWORDS: dict[Scalar, dict[str, Any]] = {
    **{
        scalar: {
            "type": "integer",
            "format": _INT_FORMATS[scalar],
            "minimum": scalar.int_bounds[0],
            "maximum": scalar.int_bounds[1],
        }
        for scalar in (Scalar.U32, Scalar.U64, Scalar.I64)
        if scalar.int_bounds is not None
    },
    Scalar.F64: {"type": "number", "format": "double"},
    Scalar.TIMESTAMP: {"type": "string", "format": "date-time"},
    Scalar.UUID: {"type": "string", "format": "uuid"},
    Scalar.JSON: {},
}


def snake_case(name: str) -> str:
    """serde's rename_all = "snake_case" for a CamelCase variant name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def build_model(schema: Schema, schema_path: str) -> WireModel:
    defs: dict[str, Schema] = schema.get("$defs", {})
    root = _ref_name(schema, "")
    scalars = {
        name: _scalar_of(d, f"/$defs/{name}") for name, d in defs.items() if "x-rust-type" in d
    }
    builder = _Builder(defs, scalars)
    variant_defs = {
        v
        for name, d in defs.items()
        if "x-serde-tag" in d
        for v in _variant_names(d, d["x-serde-tag"], f"/$defs/{name}")
    }
    decls = [
        builder.decl(name, d)
        for name, d in defs.items()
        if name not in scalars and name not in variant_defs
    ]
    version = schema.get("x-jamjet-version")
    if not isinstance(version, str) or not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise SchemaError("/x-jamjet-version", "must be a semantic version string like 1.0.0")
    return WireModel(version, str(schema.get("$id", "")), schema_path, root, tuple(decls))


def _ref_name(node: Schema, pointer: str) -> str:
    match = _DEF_REF.match(str(node.get("$ref", "")))
    if not match:
        raise SchemaError(pointer, f"expected a $ref to #/$defs/<Name>, found {node!r}")
    return match.group(1)


def _scalar_of(definition: Schema, pointer: str) -> Scalar:
    try:
        scalar = Scalar(definition["x-rust-type"])
    except ValueError as err:
        known = ", ".join(s.value for s in Scalar if s not in (Scalar.STRING, Scalar.BOOL))
        raise SchemaError(pointer, f"x-rust-type must be one of {known}") from err
    for key, expected in _SCALAR_KEYWORDS[scalar].items():
        if definition.get(key) != expected:
            raise SchemaError(pointer, f"{scalar.value} needs {key}: {expected!r}")
    return scalar


class _Builder:
    def __init__(self, defs: dict[str, Schema], scalars: dict[str, Scalar]) -> None:
        self.defs = defs
        self.scalars = scalars

    def decl(self, name: str, d: Schema) -> Decl:
        pointer = f"/$defs/{name}"
        doc = str(d.get("description", ""))
        if d.get("x-rust-alias"):
            return Alias(name, self.type_of(_strip(d), pointer), doc)
        if d.get("x-rust-newtype"):
            return Newtype(name, self.type_of(_strip(d), pointer), doc)
        if "x-serde-tag" in d:
            return self.tagged_union(name, d, pointer)
        if "enum" in d:
            return self.unit_enum(name, d, pointer)
        if d.get("type") == "object":
            fields = self.fields(d, pointer)
            return Struct(name, fields, doc, _fills(d, fields, pointer))
        raise SchemaError(pointer, "cannot tell what Rust item this def is")

    def tagged_union(self, name: str, d: Schema, pointer: str) -> TaggedUnion:
        _expect_snake_case(d, pointer)
        tag = str(d["x-serde-tag"])
        variants = [self.variant(v, tag) for v in _variant_names(d, tag, pointer)]
        return TaggedUnion(name, tag, tuple(variants), str(d.get("description", "")))

    def variant(self, name: str, tag: str) -> Variant:
        pointer = f"/$defs/{name}"
        d = self.defs.get(name)
        if d is None:
            raise SchemaError(pointer, "variant def is missing")
        props = d.get("properties", {})
        tag_schema = props.get(tag, {})
        wire_name = snake_case(name)
        if tag_schema != {"const": wire_name} or tag not in d.get("required", []):
            raise SchemaError(
                f"{pointer}/properties/{tag}", f'must be {{"const": "{wire_name}"}} and required'
            )
        if next(iter(props), None) != tag:
            raise SchemaError(
                pointer, f"the tag {tag!r} must be the first property (serde writes it first)"
            )
        fields = self.fields(d, pointer, skip=tag)
        return Variant(
            name,
            wire_name,
            fields,
            str(d.get("description", "")),
            bool(d.get("x-jamjet-node-id", False)),
        )

    def unit_enum(self, name: str, d: Schema, pointer: str) -> UnitEnum:
        _expect_snake_case(d, pointer)
        rust_names = d.get("x-rust-variants", [])
        wire_names = d.get("enum", [])
        if [snake_case(n) for n in rust_names] != wire_names:
            raise SchemaError(pointer, "enum must list the snake_case of each x-rust-variants name")
        return UnitEnum(
            name, tuple(zip(rust_names, wire_names, strict=True)), str(d.get("description", ""))
        )

    def fields(self, d: Schema, pointer: str, skip: str | None = None) -> tuple[Field, ...]:
        required = set(d.get("required", []))
        out = []
        for name, fs in d.get("properties", {}).items():
            if name != skip:
                out.append(self.field(name, fs, name in required, f"{pointer}/properties/{name}"))
        unknown = required - set(d.get("properties", {}))
        if unknown:
            raise SchemaError(pointer, f"required names unknown properties {sorted(unknown)}")
        return tuple(out)

    def field(self, name: str, fs: Schema, required: bool, pointer: str) -> Field:
        expr = self.type_of(fs, pointer)
        has_default = "default" in fs
        if required and (has_default or isinstance(expr, OptionType)):
            raise SchemaError(pointer, "an Option or #[serde(default)] field is never required")
        if required:
            on_missing = OnMissing.REJECT
        elif has_default:
            on_missing = OnMissing.DEFAULT
        elif isinstance(expr, OptionType):
            on_missing = OnMissing.NONE
        else:
            raise SchemaError(pointer, "a field that is not required needs a default or null")
        on_output = self.on_output(fs, expr, pointer)
        return Field(
            name, expr, on_missing, on_output, fs.get("default"), str(fs.get("description", ""))
        )

    def on_output(self, fs: Schema, expr: TypeExpr, pointer: str) -> OnOutput:
        predicate = fs.get("x-serde-skip-serializing-if")
        if predicate is None:
            return OnOutput.ALWAYS
        rule = SKIP_PREDICATES.get(str(predicate))
        if rule is None:
            raise SchemaError(
                pointer, f"unknown skip predicate {predicate!r}; known: {sorted(SKIP_PREDICATES)}"
            )
        fits = OptionType if rule is OnOutput.SKIP_IF_NONE else VecType
        if not isinstance(expr, fits):
            raise SchemaError(pointer, f"{predicate} needs a field of type {fits.__name__}")
        return rule

    def type_of(self, fs: Schema, pointer: str) -> TypeExpr:
        if "anyOf" in fs:
            return self.option_of(fs, pointer)
        if "$ref" in fs:
            target = _ref_name(fs, pointer)
            if target in self.scalars:
                return ScalarType(self.scalars[target])
            if target not in self.defs:
                raise SchemaError(pointer, f"$ref to unknown def {target!r}")
            return NamedType(target)
        kind = fs.get("type")
        if kind == "string":
            return ScalarType(Scalar.STRING)
        if kind == "boolean":
            return ScalarType(Scalar.BOOL)
        if kind == "array":
            return VecType(self.type_of(fs.get("items", {}), f"{pointer}/items"))
        raise SchemaError(pointer, f"cannot map {fs!r} to a Rust type")

    def option_of(self, fs: Schema, pointer: str) -> TypeExpr:
        branches = fs["anyOf"]
        if len(branches) != 2 or branches[1] != {"type": "null"}:
            raise SchemaError(pointer, 'an Option is written anyOf: [<T>, {"type": "null"}]')
        inner = self.type_of(branches[0], f"{pointer}/anyOf/0")
        return OptionType(BoxType(inner) if fs.get("x-rust-box") else inner)


def _fills(d: Schema, fields: tuple[Field, ...], pointer: str) -> tuple[tuple[str, Fill], ...]:
    names = {f.name for f in fields}
    out = []
    for name, how in d.get("x-jamjet-new", {}).items():
        if name not in names:
            raise SchemaError(f"{pointer}/x-jamjet-new", f"names unknown field {name!r}")
        try:
            out.append((name, Fill(how)))
        except ValueError as err:
            known = [f.value for f in Fill]
            raise SchemaError(f"{pointer}/x-jamjet-new/{name}", f"must be one of {known}") from err
    return tuple(out)


def _strip(d: Schema) -> Schema:
    """The def without its annotations, i.e. the type it stands for."""
    return {k: v for k, v in d.items() if not k.startswith("x-") and k != "description"}


def _expect_snake_case(d: Schema, pointer: str) -> None:
    if d.get("x-serde-rename-all") != "snake_case":
        raise SchemaError(pointer, 'only x-serde-rename-all: "snake_case" is supported')


def _variant_names(d: Schema, tag: str, pointer: str) -> list[str]:
    """The variant defs of a tagged union, in order, from its `if tag == X then $ref` branches.

    The tag's `enum` must list the same tags in the same order, and each branch's
    tag must be the snake_case of the def it points to.
    """
    names, tags = [], []
    for index, branch in enumerate(d.get("allOf", [])):
        where = f"{pointer}/allOf/{index}"
        condition = branch.get("if", {}).get("properties", {}).get(tag, {})
        if set(branch) != {"if", "then"} or set(condition) != {"const"}:
            raise SchemaError(
                where,
                f'expected {{"if": {{"properties": {{"{tag}": {{"const": ...}}}}}}, "then": {{"$ref": ...}}}}',
            )
        name = _ref_name(branch["then"], f"{where}/then")
        if condition["const"] != snake_case(name):
            raise SchemaError(
                f"{where}/if",
                f"the tag of {name} is {snake_case(name)!r}, not {condition['const']!r}",
            )
        names.append(name)
        tags.append(condition["const"])
    if d.get("properties", {}).get(tag) != {"enum": tags} or tag not in d.get("required", []):
        raise SchemaError(
            f"{pointer}/properties/{tag}",
            f'must be required and list every tag in order: {{"enum": {tags}}}',
        )
    return names
