"""The wire model: everything the emitters need to know, and nothing of JSON Schema.

One place names every serde rule: how an enum is tagged, what happens to a field
that is missing on input or empty on output, the width of each number. The
emitters read only this; they never look at the raw schema.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

from jamjet_schema.wiremodel.contract_constants import INT_BOUNDS


class Scalar(enum.Enum):
    """A leaf type and the serde rule it carries on the wire."""

    STRING = "String"
    BOOL = "bool"
    U32 = "u32"
    U64 = "u64"
    I64 = "i64"
    F64 = "f64"
    TIMESTAMP = "chrono::DateTime<chrono::Utc>"
    UUID = "uuid::Uuid"
    JSON = "serde_json::Value"

    @property
    def int_bounds(self) -> tuple[int, int] | None:
        """Inclusive bounds of an integer scalar; None for the rest."""
        return _INT_BOUNDS.get(self)


_INT_BOUNDS = {scalar: INT_BOUNDS[scalar.value] for scalar in (Scalar.U32, Scalar.U64, Scalar.I64)}


@dataclass(frozen=True)
class ScalarType:
    scalar: Scalar


@dataclass(frozen=True)
class NamedType:
    """A reference to a declaration of the model (struct, enum, alias, newtype)."""

    name: str


@dataclass(frozen=True)
class OptionType:
    """Rust `Option<T>`: `null` on the wire when None."""

    inner: TypeExpr


@dataclass(frozen=True)
class VecType:
    inner: TypeExpr


@dataclass(frozen=True)
class BoxType:
    """Rust `Box<T>`: no trace on the wire, kept for the Rust emitter."""

    inner: TypeExpr


TypeExpr: TypeAlias = ScalarType | NamedType | OptionType | VecType | BoxType


class OnMissing(enum.Enum):
    """What serde does when a field is absent from the input."""

    REJECT = "reject"  # "missing field `x`"
    NONE = "none"  # an Option field: serde takes None
    DEFAULT = "default"  # #[serde(default)]: the type's Default


class OnOutput(enum.Enum):
    """When serde writes a field."""

    ALWAYS = "always"  # written even when None, as null
    SKIP_IF_NONE = "skip_if_none"  # skip_serializing_if = "Option::is_none"
    SKIP_IF_EMPTY = "skip_if_empty"  # skip_serializing_if = "Vec::is_empty"

    @property
    def skip_predicate(self) -> str | None:
        """The `skip_serializing_if` path serde names this rule by; None for ALWAYS: an
        Option field without one is written, as `null` when None."""
        return next((path for path, rule in SKIP_PREDICATES.items() if rule is self), None)


SKIP_PREDICATES = {
    "Option::is_none": OnOutput.SKIP_IF_NONE,
    "Vec::is_empty": OnOutput.SKIP_IF_EMPTY,
}


@dataclass(frozen=True)
class Field:
    name: str
    type: TypeExpr
    on_missing: OnMissing
    on_output: OnOutput
    default: object = None  # the value #[serde(default)] supplies, as JSON
    description: str = ""

    @property
    def nullable(self) -> bool:
        return isinstance(self.type, OptionType)

    @property
    def required_on_input(self) -> bool:
        return self.on_missing is OnMissing.REJECT

    @property
    def always_emitted(self) -> bool:
        return self.on_output is OnOutput.ALWAYS

    @property
    def written_type(self) -> TypeExpr:
        """The type of the member as serde writes it, when it writes it: an Option it
        skips when None is never written as null, so its inner type; any other field
        its own type (an Option without skip_serializing_if is written, as null when
        None). The one place that decides it, for every emitter."""
        if self.on_output is OnOutput.SKIP_IF_NONE and isinstance(self.type, OptionType):
            return self.type.inner
        return self.type


class Fill(enum.Enum):
    """How the seed's `new` constructor fills a field the caller does not pass."""

    UUID_V4 = "uuid_v4"  # Uuid::new_v4()
    NOW_UTC = "now_utc"  # Utc::now()


@dataclass(frozen=True)
class Struct:
    """A struct with named fields, in declaration order (= order on the wire).

    serde ignores unknown members (no deny_unknown_fields anywhere in the
    contract) and rejects a member given twice.
    """

    name: str
    fields: tuple[Field, ...]
    description: str = ""
    fills: tuple[tuple[str, Fill], ...] = ()  # fields `new` fills itself (x-jamjet-new)

    @property
    def has_default(self) -> bool:
        """Every field may be missing on input, so the struct has a Default."""
        return all(not f.required_on_input for f in self.fields)

    def fill_of(self, field: str) -> Fill | None:
        return dict(self.fills).get(field)


@dataclass(frozen=True)
class Variant:
    """One variant of an internally tagged enum: a struct variant whose tag is `wire_name`."""

    name: str
    wire_name: str
    fields: tuple[Field, ...]
    description: str = ""
    has_node_id_accessor: bool = False  # listed in the seed's EventKind::node_id()


@dataclass(frozen=True)
class TaggedUnion:
    """`#[serde(tag = "...")]`: an object whose `tag` member names the variant.

    The tag may stand anywhere in the object; serde writes it first.
    """

    name: str
    tag: str
    variants: tuple[Variant, ...]
    description: str = ""

    def variant(self, wire_name: str) -> Variant:
        return next(v for v in self.variants if v.wire_name == wire_name)


@dataclass(frozen=True)
class UnitEnum:
    """A fieldless enum, written as the string of its variant's wire name."""

    name: str
    variants: tuple[tuple[str, str], ...]  # (Rust name, wire name)
    description: str = ""


@dataclass(frozen=True)
class Alias:
    """`pub type Name = T;`: the same wire form as T."""

    name: str
    target: TypeExpr
    description: str = ""


@dataclass(frozen=True)
class Newtype:
    """`pub struct Name(pub T);`: serde writes it as the bare T."""

    name: str
    inner: TypeExpr
    description: str = ""


Decl: TypeAlias = Struct | TaggedUnion | UnitEnum | Alias | Newtype
DeclT = TypeVar("DeclT", Struct, TaggedUnion, UnitEnum, Alias, Newtype)


@dataclass(frozen=True)
class WireModel:
    version: str
    schema_id: str
    schema_path: str  # relative to the repository root, for generated headers
    root: str
    decls: tuple[Decl, ...]

    def decl(self, name: str) -> Decl:
        for decl in self.decls:
            if decl.name == name:
                return decl
        raise KeyError(name)

    def of_kind(self, kind: type[DeclT]) -> list[DeclT]:
        return [d for d in self.decls if isinstance(d, kind)]

    @property
    def documents(self) -> list[Struct | TaggedUnion]:
        """The declarations read and written as whole documents (the protocol's type
        names, the parse and serialize functions): the structs and the tagged unions."""
        return [d for d in self.decls if isinstance(d, Struct | TaggedUnion)]

    def resolve(self, expr: TypeExpr) -> TypeExpr:
        """Looks through aliases, newtypes and boxes to the type that is on the wire."""
        while True:
            if isinstance(expr, BoxType):
                expr = expr.inner
                continue
            target = self.decl(expr.name) if isinstance(expr, NamedType) else None
            if isinstance(target, Alias):
                expr = target.target
            elif isinstance(target, Newtype):
                expr = target.inner
            else:
                return expr
