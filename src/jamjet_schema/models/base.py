"""The base classes of the generated models: Pydantic models that read and write like serde.

- Parsing: `model_validate_json` first tries the fast path (models.fast:
  pydantic-core's parser and native validators, where they provably agree with
  serde). Otherwise, and for every text serde refuses, it parses with wire.jsontext
  (serde_json's verdict on the text, numbers classified as serde_json does,
  duplicate keys kept) and validates the tree; a before-validator applies the
  ClassPlan (duplicate and unknown members, sequence form, tagged-union positions);
  the field types (models.types) apply serde's scalar rules. Python-built models go
  through the same validators: the model config is strict, so Pydantic coerces nothing.
- Writing: `model_dump_json()` returns serde_json's canonical bytes, written by the
  writer codegen emitted from the class's wire rules (declaration order, skip rules,
  wire formatters), or by the ClassPlan's reference writer.
- Nested: wherever Pydantic serializes a model in JSON mode (a field of a user's
  model, `list[Event]`, a TypeAdapter, `model_dump(mode="json")`, a FastAPI
  response), the model's serializer hands it serde's JSON form: the Python values of
  its canonical text (members in serde's order, skipped ones absent). Pydantic's JSON
  writer spells numbers and strings as serde_json does, so the parent's bytes hold
  serde's bytes (tests/python/test_nested.py proves it on the corpus).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Self, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    TypeAdapter,
    ValidationError,
    model_serializer,
    model_validator,
)
from pydantic.config import ExtraValues
from pydantic_core import CoreSchema

from jamjet_schema import native
from jamjet_schema.native import READERS as NATIVE_READERS
from jamjet_schema.wire import JsonNode, WireError, parse

from .errors import json_error, retitled, serde_error
from .fast import READERS, reader_of
from .plan import plan_of, union_normalizer, union_variants, write_canonical


def parse_json(
    title: str,
    json_data: str | bytes | bytearray,
    known_fields: frozenset[str] | None = None,
    *,
    known_at: Mapping[int, frozenset[str]] | None = None,
) -> JsonNode:
    """The JSON tree of `json_data`, or a ValidationError with serde_json's message.

    With `known_fields`, the top level is read as a derived struct reads it: the
    values of unknown members are only checked for well-formedness (IgnoredAny).
    """
    try:
        text = json_data if isinstance(json_data, str) else bytes(json_data).decode("utf-8")
        return parse(text, known_fields=known_fields, known_at=known_at)
    except UnicodeDecodeError as err:
        raise json_error(title, f"invalid UTF-8: {err.reason}", "encoding") from None
    except WireError as err:
        raise json_error(title, str(err), err.rule) from None


_TEXT = (str, bytes, bytearray)  # what the native core reads
Model = TypeVar("Model")


@dataclass(frozen=True)
class ExactRead(Generic[Model]):
    """What the exact path made of a text: `model`, or `error` (and the `tree` it parsed)."""

    model: Model | None
    tree: JsonNode | None
    error: ValidationError | None


class WireStruct(BaseModel):
    """A Rust struct (or struct variant) with serde's derived Deserialize/Serialize."""

    model_config = ConfigDict(strict=True, extra="ignore", validate_assignment=True)
    __wire_struct__: ClassVar[bool] = True  # how plan.py finds the classes without importing this

    @model_validator(mode="before")
    @classmethod
    def _serde_members(cls, data: Any) -> Any:
        return plan_of(cls).members(data)

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """`serde_json::from_str::<Self>(json_data)`: serde's verdict, as a model or a ValidationError."""
        if (
            strict is None
            and extra is None
            and context is None
            and by_alias is None
            and by_name is None
        ):
            read = NATIVE_READERS[cls]
            if read is not None and isinstance(json_data, _TEXT):
                model: Self | None = read(json_data)
                return model if model is not None else cls._refused(json_data)
            fast = cls.fast_read(json_data)
            if fast is not None:
                return fast
        tree = parse_json(cls.__name__, json_data, cls._wire_known_fields())
        return cls.model_validate(
            tree, strict=strict, extra=extra, context=context, by_alias=by_alias, by_name=by_name
        )

    @classmethod
    def fast_read(cls, json_data: str | bytes | bytearray) -> Self | None:
        """The pure-Python path's fast way (models.fast): the model, or None where it
        cannot vouch for one (the exact path then says, and words any refusal)."""
        reader = READERS.get(cls) or reader_of(cls, cls._wire_core_schema)
        return None if reader is None else cast("Self | None", reader.read_json(json_data))

    @classmethod
    def _refused(cls, json_data: str | bytes | bytearray) -> Self:
        """The ValidationError for a text the native core's serde refused: the exact
        path's, as ever (with the field path), or serde's own should the two differ."""
        tree = parse_json(cls.__name__, json_data, cls._wire_known_fields())
        cls.model_validate(tree)
        raise json_error(cls.__name__, native.message(cls, json_data) or "refused by serde")

    @classmethod
    def exact_read(cls, json_data: str | bytes | bytearray) -> ExactRead[Self]:
        """The pure-Python exact path alone, one parse: the model, or serde's refusal as a
        ValidationError beside the JSON tree it read (None when the text is no JSON).
        For callers that already know the native core refuses the text (a log's bad
        line): they get the message, the field path and the tree from this one parse."""
        try:
            tree = parse_json(cls.__name__, json_data, cls._wire_known_fields())
        except ValidationError as err:
            return ExactRead(None, None, err)
        try:
            return ExactRead(cls.model_validate(tree), tree, None)
        except ValidationError as err:
            return ExactRead(None, tree, err)

    @classmethod
    def _wire_known_fields(cls) -> frozenset[str] | None:
        """The members serde reads from a top-level object; it only skims the others."""
        return plan_of(cls).known

    @classmethod
    def _wire_core_schema(cls) -> CoreSchema:
        """The core schema `model_validate` runs (for the fast path to derive from)."""
        plan_of(cls)  # resolves forward references first
        return cls.__pydantic_core_schema__

    # No return annotation on purpose: Pydantic then describes the serialized form by
    # the model's own JSON Schema (an annotation would replace it, in OpenAPI too).
    @model_serializer(mode="plain", when_used="json")
    def _serde_json_form(self):  # type: ignore[no-untyped-def]
        """serde's JSON form of the model, for a parent's JSON writer (see the module doc)."""
        core = native.CORE  # looked up each time: the benchmarks turn the core off and on
        if core is not None:
            form = core.form(self)
            if form is not None:
                return form
        return json.loads(write_canonical(self))

    def model_dump_json(self, **options: Any) -> str:
        """`serde_json::to_string(&self)`: the canonical bytes, exactly as the Rust runtime writes them."""
        if options:
            raise TypeError(
                "model_dump_json() writes serde_json's canonical text and takes no options "
                f"(got {', '.join(sorted(options))}); use model_dump() for other forms"
            )
        core = native.CORE
        if core is not None:
            text: str | None = core.write(self)
            if text is not None:
                return text
        return write_canonical(self)


class TaggedUnionRoot(WireStruct):
    """The base class of the variants of a `#[serde(tag = "...")]` enum.

    The generated class (e.g. EventKind) names the tag and its discriminated-union
    alias; `EventKind.model_validate_json(text)` dispatches on the tag through that
    alias and returns the variant, e.g. a NodeStarted.
    """

    __wire_tag__: ClassVar[str]
    __wire_union__: ClassVar[str]  # the name of the union alias in the generated module
    __wire_node_id__: ClassVar[bool] = False  # listed in the seed's EventKind::node_id()

    @model_validator(mode="before")
    @classmethod
    def _serde_members(cls, data: Any) -> Any:  # replaces WireStruct's: one call per model
        if "__wire_union__" in cls.__dict__:
            raise serde_error(f"{cls.__name__} is a tagged union: build one of its variants")
        return plan_of(cls).members(data)

    @classmethod
    def _wire_known_fields(cls) -> frozenset[str] | None:
        # serde buffers an internally tagged enum as Content: every member is parsed.
        return None

    @classmethod
    def _wire_core_schema(cls) -> CoreSchema:
        if "__wire_union__" in cls.__dict__:  # the root validates as the union
            return _union_of(cls)[0].core_schema
        return super()._wire_core_schema()

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        if "__wire_union__" not in cls.__dict__:  # a variant validates as itself
            return super().model_validate(
                obj,
                strict=strict,
                extra=extra,
                from_attributes=from_attributes,
                context=context,
                by_alias=by_alias,
                by_name=by_name,
            )
        adapter, normalize = _union_of(cls)
        try:
            return cast(
                Self,
                adapter.validate_python(
                    normalize(obj),
                    strict=strict,
                    extra=extra,
                    from_attributes=from_attributes,
                    context=context,
                    by_alias=by_alias,
                    by_name=by_name,
                ),
            )
        except ValidationError as err:  # titled by the union's class, not by the alias
            raise retitled(err, cls.__name__) from None


_UNIONS: dict[type, tuple[TypeAdapter[Any], Any]] = {}


def _union_of(root: type[TaggedUnionRoot]) -> tuple[TypeAdapter[Any], Any]:
    """The discriminated-union alias the generator wrote beside `root`, as an adapter."""
    found = _UNIONS.get(root)
    if found is None:
        alias = getattr(sys.modules[root.__module__], root.__wire_union__)
        variants = union_variants(alias)
        assert variants is not None, f"{root.__wire_union__} is not a discriminated union"
        found = _UNIONS[root] = (TypeAdapter(alias), union_normalizer(variants))
    return found


def node_id_of(kind: TaggedUnionRoot) -> str | None:
    """The seed's `EventKind::node_id()`: the node_id of the variants it lists, else None.

    Not every variant with a node_id field is listed (ToolCalled and CriticVerdict
    are not), so this is not the same as reading `kind.node_id`.
    """
    if type(kind).__wire_node_id__:
        return cast(str, kind.node_id)  # type: ignore[attr-defined]
    return None
