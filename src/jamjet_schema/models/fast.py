"""The fast path of `model_validate_json`: pydantic-core's own parser and native validators.

The exact path (wire.parse, then the models' validators in Python) gives serde's
verdict on any text, with serde's message. Most texts in a log are valid, compact
and plain, and for those pydantic-core can do all the work in Rust: its JSON parser
(jiter) and native strict validators give the very model the exact path gives, once
the few places where they would read a text differently from serde_json are ruled
out. `read` tries that and returns the model, or None when it cannot vouch for the
result; the caller then takes the exact path, which also produces every error.
A text that fails here is therefore only slower, never judged differently.

What is ruled out before jiter's model is trusted:

* number literals serde_json reads differently: `-0` (serde: the float -0.0, jiter:
  the integer 0), exponents and literals of 16 or more digits (serde_json's own
  arithmetic is not correctly rounded and turns integers beyond u64 into floats),
  NaN / Infinity (jiter's extensions). `_SAFE` is a regular language of JSON texts
  in which every number literal is a short plain one; it also refuses `\\u` escapes
  (lone surrogates; a field name spelled with escapes). Texts outside it go the
  second way below.
* lone surrogates in the Python str: refused before pydantic-core sees them.
* a repeated member of a struct (serde: "duplicate field"; jiter keeps the last):
  the keys of the text are counted (each is `"...":`, _SAFE sees to that) and
  compared with the keys the model kept: its structs' fields given, and the keys of
  its Values as to_json writes them. More keys in the text mean a repeated or an
  unknown member somewhere; the text is then parsed again with plain dicts that
  refuse any repeated key (wire.parse_plain).
* nesting beyond serde_json's 128 levels (jiter allows up to 255): with the counts
  equal, the text nests no deeper than the structs (known from the schema) and the
  Values kept (their brackets, counted in the same to_json output).

The second way, for texts `_SAFE` refuses: wire.parse_plain (the C scanner with
serde_json's number arithmetic; it declines lone surrogates, repeated keys, deep
nesting, NaN) and the same native validator on the resulting Python data.

The native validator is built from the model's own core schema, with each
models.types rule replaced by its `fast` schema, the unit enums restricted to
strings (their map form goes the exact way) and the struct-level before-validators
dropped (they only see to repeated and unknown members and the sequence form, which
the native model schema refuses), like the tag checks of the tagged unions and the
array checks of the Vecs (what they refuse, the native schema refuses too). A schema
holding anything else is not made fast.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import CoreSchema, SchemaValidator, core_schema, to_json

from jamjet_schema.wire._constants import RECURSION_LIMIT
from jamjet_schema.wire.jsontext import Undecided, parse_plain

from .enums import UNIT_ENUM_VALIDATORS
from .plan import TagCheck, field_kind
from .types import WireScalar, vec_items

# The texts the fast path reads, as a sequence of JSON tokens: strings without \\u
# escapes, a key's colon right after it (so that every key is `"...":`, see Reader),
# and number literals serde_json and jiter read alike: at most 15 characters besides
# the sign, no exponent, not `-0`. A literal must end at a delimiter, so no longer
# one hides in a run of short ones.
_STRING = r'"(?:[^"\\]|\\[^u])*":?'
_NUMBER = r"(?:-?[1-9][0-9.]{0,14}|0(?:\.[0-9]{1,13})?|-0\.[0-9]{1,13})[}\], \t\n\r]"
_SAFE_TEXT = rf"^(?:{_STRING}|[{{}}\[\], \t\n\r]|true|false|null|{_NUMBER})*$"


def _matcher(pattern: str) -> Callable[[str], str | None]:
    """`pattern` searched by pydantic-core's Rust regex engine (linear time): the text
    when it matches, else None. Raises UnicodeEncodeError on a lone surrogate."""
    schema = core_schema.with_default_schema(
        core_schema.str_schema(strict=True, pattern=pattern), default=None, on_error="default"
    )
    validate: Callable[[str], str | None] = SchemaValidator(schema).validate_python
    return validate


_SAFE = _matcher(_SAFE_TEXT)
_RAW_SURROGATE = re.compile("[\ud800-\udfff]")


class _Unsupported(Exception):
    """The schema holds something the fast path has no proven native equivalent for."""


class Reader:
    """The fast path for one class (a WireStruct, or a tagged union's root)."""

    def __init__(self, validator: SchemaValidator, depth: int) -> None:
        self.validator = validator
        self.depth = depth  # the nesting of its structs; Values add their own
        if depth >= RECURSION_LIMIT:
            raise _Unsupported("structs nested as deep as serde_json's limit")

    def read_json(self, json_data: object) -> Any | None:
        """`read` for model_validate_json's argument: a str, or UTF-8 bytes."""
        if type(json_data) is str:
            return self.read(json_data)
        if type(json_data) is bytes:
            try:
                return self.read(json_data.decode("utf-8"))
            except UnicodeDecodeError:
                return None  # the exact path words the error
        return None

    def read(self, text: str) -> Any | None:
        """The model serde would read from `text`, or None: ask the exact path."""
        if not text.isascii() and _RAW_SURROGATE.search(text) is not None:
            return None
        if _SAFE(text) is None:
            return self._read_plain(text)
        try:
            model = self.validator.validate_json(text)
        except ValidationError:
            return None
        # Every key of the text is `"...":` (_SAFE), so the count is at least the number
        # of keys, plus any `\\":` inside strings. The model kept its fields given and
        # its Values' keys; to_json writes those keys, and those strings, the same way.
        # Equal counts: no struct member was given twice, nor was anything dropped, so
        # the text nests no deeper than the structs and Values kept (jiter allows more
        # than serde_json's 128 levels).
        values: list[Any] = []
        kept = _keys_kept(model, values)
        if values:
            try:
                held = to_json(values)
            except ValueError:  # PydanticSerializationError: not a Value after all
                return None
            if self.depth + held.count(b"[") + held.count(b"{") >= RECURSION_LIMIT:
                return self._read_plain(text)
            kept += held.count(b'":')
        if kept == text.count('":'):
            return model
        try:
            parse_plain(text)  # refuses a repeated key in any object
        except Undecided:
            return None
        return model

    def _read_plain(self, text: str) -> Any | None:
        try:
            tree = parse_plain(text)
        except Undecided:
            return None
        try:
            return self.validator.validate_python(tree)
        except ValidationError:
            return None


def _keys_kept(model: Any, values: list[Any]) -> int:
    """How many object keys of the text the model kept: its fields given (recursively
    through nested structs and variants); the Values it holds are added to `values`."""
    return _COUNTERS[type(model)](model, values)


Counter = Callable[[Any, list[Any]], int]
# Per class read by a fast path: its _keys_kept, found by _describe.
_COUNTERS: dict[type, Counter] = {}


def _describe(cls: type[BaseModel]) -> None:
    """Find _keys_kept for `cls`: the function codegen emitted for it (key_counts.py beside
    the generated models: straight-line code over its Value and model fields), or, for a
    class the generator does not know, the same steps made here from its fields' kinds."""
    if not _COUNTERS:
        _COUNTERS.update(_emitted_counters())
    counter = _COUNTERS.get(cls)
    _COUNTERS[cls] = counter if counter is not None else _counter(cls)


def _emitted_counters() -> dict[type, Counter]:
    """The generated key_counts module's table, loaded on first use (importing the runtime
    imports no generated code)."""
    table: dict[type, Counter] = importlib.import_module(
        "_jamjet_schema_generated.key_counts"
    ).COUNTERS
    return table


def _counter(cls: type[BaseModel]) -> Counter:
    """_keys_kept for a class without an emitted one: what the emitted code does, over
    the fields holding Values or models, in declaration order."""
    if not cls.__pydantic_complete__:
        cls.model_rebuild()  # resolves forward references first
    fields: list[tuple[str, bool]] = []  # (name, holds models)
    for name, info in cls.model_fields.items():
        kind = field_kind(info)
        if kind in ("value", "model"):
            fields.append((name, kind == "model"))
        elif kind != "scalar":
            raise _Unsupported(f"field {name} of {cls.__name__}")

    def count(model: Any, values: list[Any]) -> int:
        held = model.__dict__
        kept = len(model.__pydantic_fields_set__)
        for name, models in fields:
            if not models:
                values.append(held[name])
                continue
            inner = held[name]
            if type(inner) is list:
                for item in inner:
                    kept += _COUNTERS[type(item)](item, values)
            elif inner is not None:
                kept += _COUNTERS[type(inner)](inner, values)
        return kept

    return count


# -- building the native validator ---------------------------------------------------------

_LOCK = threading.Lock()
# Field names recur in every event; most string values do not.
_CONFIG = core_schema.CoreConfig(cache_strings="keys")
READERS: dict[type, Reader | None] = {}  # None: the class has no fast path


def reader_of(cls: type, schema: Callable[[], CoreSchema]) -> Reader | None:
    """The fast path of `cls` (built once from `schema()`), or None if it has none."""
    if cls in READERS:
        return READERS[cls]
    with _LOCK:
        if cls not in READERS:
            try:
                READERS[cls] = Reader(*_native(schema()))
            except _Unsupported:
                READERS[cls] = None
    return READERS[cls]


def _native(schema: CoreSchema) -> tuple[SchemaValidator, int]:
    """The native validator, and how deep its structs alone can nest JSON containers."""
    models: list[type] = []
    fast = _transform(schema, models)
    depth = _depth(fast, {}, ())
    for model in models:
        if model not in _COUNTERS:
            _describe(model)  # raises _Unsupported for a field it cannot count
    # pydantic-core reuses the validator of a complete model class for a "model" schema
    # of that class; that would be the exact one. Marked incomplete for the moment the
    # fast validator is built, the classes get new native validators from `fast`.
    complete = [cls for cls in set(models) if cls.__dict__.get("__pydantic_complete__")]
    for cls in complete:
        type.__setattr__(cls, "__pydantic_complete__", False)
    try:
        return SchemaValidator(fast, config=_CONFIG), depth
    finally:
        for cls in complete:
            type.__setattr__(cls, "__pydantic_complete__", True)


# Schema types that validate the same on the fast path as on the exact one (given the
# same Python data, or the JSON it came from), and their keys that hold schemas.
_NESTING: dict[str, tuple[str, ...]] = {
    "model": ("schema",),
    "model-fields": ("fields",),
    "model-field": ("schema",),
    "tagged-union": ("choices",),
    "nullable": ("schema",),
    "default": ("schema",),
    "list": ("items_schema",),
    "definitions": ("schema", "definitions"),
    "definition-ref": (),
    "literal": (),
}
_MAPS = ("fields", "choices")  # keys whose value maps names to schemas


def _transform(node: Any, models: list[type]) -> Any:
    if isinstance(node, list):
        return [_transform(item, models) for item in node]
    kind = node.get("type")
    if kind == "function-plain":
        function = node["function"]["function"]
        rule = getattr(function, "__self__", None)
        if isinstance(rule, WireScalar):
            return node if rule.fast is None else rule.fast
        if function in UNIT_ENUM_VALIDATORS:
            return core_schema.chain_schema([core_schema.str_schema(strict=True), node])
        raise _Unsupported(f"validator {function!r}")
    if kind == "function-before":
        function = node["function"]["function"]
        if (
            getattr(function, "__name__", None) == "_serde_members"
            or isinstance(function, TagCheck)
            or function is vec_items
        ):
            return _transform(node["schema"], models)
        raise _Unsupported("before-validator")
    if kind not in _NESTING:
        raise _Unsupported(f"schema type {kind!r}")
    if kind == "model":
        if node.get("root_model") or node.get("custom_init") or node.get("post_init"):
            raise _Unsupported("model with custom construction")
        models.append(node["cls"])
    if kind == "model-fields" and node.get("extras_schema") is not None:
        raise _Unsupported("extras schema")
    out = dict(node)
    for key in _NESTING[kind]:
        if key not in node:
            continue
        value = node[key]
        if key in _MAPS:
            out[key] = {name: _transform(item, models) for name, item in value.items()}
        else:
            out[key] = _transform(value, models)
    return out


def _depth(node: Any, definitions: dict[str, Any], seen: tuple[str, ...]) -> int:
    """The deepest nesting of JSON containers a (transformed) schema reads, not counting
    the inside of Values (measured per text). Recursive schemas are not made fast."""
    kind = node.get("type")
    if kind == "definitions":
        for definition in node["definitions"]:
            definitions[definition["ref"]] = definition
        return _depth(node["schema"], definitions, seen)
    if kind == "definition-ref":
        ref = node["schema_ref"]
        if ref in seen:
            raise _Unsupported("recursive schema")
        return _depth(definitions[ref], definitions, (*seen, ref))
    own = 1 if kind in ("model", "list") else 0
    inner = 0
    for key in _NESTING.get(kind or "", ()):
        value = node.get(key)
        if value is None:
            continue
        for item in value.values() if key in _MAPS else [value]:
            inner = max(inner, _depth(item, definitions, seen))
    if node.get("ref"):
        definitions.setdefault(node["ref"], node)
    return own + inner
