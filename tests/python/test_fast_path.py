"""The fast paths against the exact ones they stand in for.

`model_validate_json` reads most texts through models.fast (pydantic-core's parser
and native validators) and `model_dump_json` writes through the emitted writers; the
exact reader (wire.parse + the models' validators) and the ClassPlan's reference
writer are what the differential suite proved against Rust. Here every corpus
document, generated log lines, and many mutations of them (repeated and unknown
members, number spellings, escapes, whitespace, nesting, timestamp and UUID forms)
must get the same verdict, the same model and the same bytes both ways.
"""

from __future__ import annotations

import json
import math
import random
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, Field, ValidationError

from benchmarks.loggen import LogGenerator
from codegen.corpus.cases import all_cases
from codegen.model import WireModel
from jamjet_schema import Event, EventKind, ProvenanceMetadata, Timestamp, serde_message
from jamjet_schema.models import WireStruct, writing
from jamjet_schema.models import base as base_module
from jamjet_schema.models import fast as fast_module
from jamjet_schema.models import plan as plan_module
from jamjet_schema.models.types import U32, Str, Value
from jamjet_schema.wire import format_f64
from jamjet_schema.wire.floats import layout, shortest_digits

from .conftest import TALLY
from .extra_cases import all_extras

CLASSES: dict[str, type[WireStruct]] = {
    "Event": Event,
    "EventKind": EventKind,
    "ProvenanceMetadata": ProvenanceMetadata,
}


def exact(cls: type[WireStruct], text: str) -> Any:
    """model_validate_json without the fast path: the model, or serde's message."""
    try:
        tree = base_module.parse_json(cls.__name__, text, cls._wire_known_fields())
        return cls.model_validate(tree)
    except ValidationError as err:
        return serde_message(err)


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (1 is not 1.0, -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, BaseModel):
        return a.model_fields_set == b.model_fields_set and all(
            same(a.__dict__[name], b.__dict__[name]) for name in type(a).model_fields
        )
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, Timestamp):
        return (a.unix_seconds, a.nanosecond, a.to_json()) == (
            b.unix_seconds,
            b.nanosecond,
            b.to_json(),
        )
    return bool(a == b)


# -- mutations ------------------------------------------------------------------------------


class Obj(list[tuple[str, Any]]):
    """A JSON object as its pairs, so that mutations can repeat keys."""


class Raw(str):
    """A JSON text written as it is."""


def load(text: str) -> Any:
    return json.loads(text, object_pairs_hook=Obj)


def dump(node: Any, colon: str = ":", comma: str = ",", ascii: bool = False) -> str:
    if isinstance(node, Raw):
        return str(node)
    if isinstance(node, Obj):
        inner = comma.join(
            (k if isinstance(k, Raw) else json.dumps(k, ensure_ascii=ascii))
            + colon
            + dump(v, colon, comma, ascii)
            for k, v in node
        )
        return "{" + inner + "}"
    if isinstance(node, list):
        return "[" + comma.join(dump(v, colon, comma, ascii) for v in node) + "]"
    return json.dumps(node, ensure_ascii=ascii)


NUMBERS = [
    "-0", "-0.0", "0", "0.0", "1e2", "1E2", "1.0", "2.5", "-7", "1.5e-7", "123456789012345",
    "1234567890123456", "12345678901234567890", "18446744073709551615", "18446744073709551616",
    "-9223372036854775808", "-9223372036854775809", "NaN", "Infinity", "-Infinity", "1e400",
    "0.30000000000000004441", "4.9e-324", "123456789012.25", "1234567890123.125", "00", "01",
    "1.", ".5", "-", "4294967295", "4294967296",
]  # fmt: skip
STRINGS = [
    '"\\u0041"', '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00x"', '"a\\nb"', '"\\/"', '"é"',
    '"\\"quoted\\": x"', '"tab\tinside"', '"x\\\\"', '""', '"\ud83d\ude00"', '"a\\u0000b"',
]  # fmt: skip
TIMESTAMPS = [
    "2024-05-06T07:08:09Z", "2024-05-06t07:08:09z", "2024-05-06 07:08:09Z",
    "2024-05-06T07:08:09.1Z", "2024-05-06T07:08:09.100Z", "2024-05-06T07:08:09.000Z",
    "2024-05-06T07:08:09.123456Z", "2024-05-06T07:08:09.123456000Z", "2024-05-06T07:08:60Z",
    "2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00Z", "2024-05-06T24:00:00Z",
    "2024-05-06T07:08:09+01:00", "2024-05-06T07:08:09.5-00:30", "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "2024-05-06T07:08:09.1234567891Z",
    " 2024-05-06T07:08:09Z", "2024-5-6T7:8:9Z",
]  # fmt: skip
UUID = "67e55044-10b1-426f-9247-bb680e5fe0c8"
UUIDS = [
    UUID, UUID.upper(), UUID.replace("-", ""), "{" + UUID + "}", "urn:uuid:" + UUID,
    "URN:UUID:" + UUID, UUID[:-1], UUID + "0", " " + UUID, UUID.replace("-", "_"),
]  # fmt: skip


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, Obj):
        for i, (_, value) in enumerate(node):
            yield from _places(value, (*path, i))
    elif isinstance(node, list) and not isinstance(node, Raw):
        for i, value in enumerate(node):
            yield from _places(value, (*path, i))


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for i in path:
        node = node[i][1] if isinstance(node, Obj) else node[i]
    return node


def _set(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = _get(node, path[:-1])
    i = path[-1]
    if isinstance(parent, Obj):
        parent[i] = (parent[i][0], value)
    else:
        parent[i] = value
    return node


def _nested(depth: int) -> Raw:
    return Raw("[" * depth + "1" + "]" * depth)


def mutate(text: str, rng: random.Random) -> str:
    try:
        tree = load(text)
    except (ValueError, RecursionError):  # not JSON, or too deep for the stdlib parser
        return text + " "
    places = list(_places(tree))
    objects = [p for p in places if isinstance(_get(tree, p), Obj)]
    kind = rng.randrange(12)
    if kind == 0 and objects:  # a member given twice
        obj = _get(tree, rng.choice(objects))
        if obj:
            key, value = rng.choice(obj)
            obj.insert(rng.randrange(len(obj) + 1), (key, rng.choice([value, 1, "x", None])))
    elif kind == 1 and objects:  # an unknown member
        obj = _get(tree, rng.choice(objects))
        extra = rng.choice([1, "x", None, Raw('{"a":1,"a":2}'), Raw("1e400"), Raw('"\\ud800"')])
        obj.insert(rng.randrange(len(obj) + 1), (rng.choice(["zz", "type", "id", "a"]), extra))
    elif kind == 2:
        tree = _set(tree, rng.choice(places), Raw(rng.choice(NUMBERS)))
    elif kind == 3:
        tree = _set(tree, rng.choice(places), Raw(rng.choice(STRINGS)))
    elif kind == 4 and objects:  # a key spelled with escapes
        obj = _get(tree, rng.choice(objects))
        if obj:
            i = rng.randrange(len(obj))
            key = obj[i][0]
            spelled = "".join(f"\\u{ord(c):04x}" if rng.random() < 0.5 else c for c in key)
            obj[i] = (Raw('"' + spelled + '"'), obj[i][1])
    elif kind == 5:
        return dump(tree, colon=rng.choice([": ", " :", ":\n"]), comma=rng.choice([", ", ",\t"]))
    elif kind == 6:
        tree = _set(tree, rng.choice(places), _nested(rng.choice([126, 127, 128, 200])))
    elif kind == 7:
        tree = _set(tree, rng.choice(places), rng.choice(TIMESTAMPS))
    elif kind == 8:
        tree = _set(tree, rng.choice(places), rng.choice(UUIDS))
    elif kind == 9 and objects:  # a struct in the sequence form, or a member left out
        path = rng.choice(objects)
        obj = _get(tree, path)
        if rng.random() < 0.5:
            tree = _set(tree, path, [v for _, v in obj])
        elif obj:
            del obj[rng.randrange(len(obj))]
    elif kind == 10:
        tree = _set(tree, rng.choice(places), rng.choice([Obj([("approved", None)]), True, []]))
    else:
        return rng.choice([" " + text, text + " x", text + "\n", "\ufeff" + text, text[:-1]])
    return dump(tree, ascii=rng.random() < 0.1)


@pytest.fixture(scope="module")
def documents(model: WireModel) -> list[tuple[str, str]]:
    docs = [(c.type_name, c.input) for c in all_cases(model) if c.type_name in CLASSES]
    docs += [(e.type_name, e.input) for e in all_extras() if e.type_name in CLASSES]
    docs += [("Event", line) for line in LogGenerator(model, seed=3).events(300)]
    return docs


def test_fast_reading_is_exact_reading(documents: list[tuple[str, str]]) -> None:
    rng = random.Random(11)
    texts = list(documents)
    for type_name, text in documents:
        if not isinstance(exact(CLASSES[type_name], text), str):  # a valid base
            texts += [(type_name, mutate(text, rng)) for _ in range(4)]
    read = accepted = declined = 0
    for type_name, text in texts:
        cls = CLASSES[type_name]
        reader = fast_module.reader_of(cls, cls._wire_core_schema)
        assert reader is not None, type_name
        want = exact(cls, text)
        got = reader.read(text)
        if got is None:
            declined += not isinstance(want, str)
        else:
            read += 1
            assert not isinstance(want, str), f"fast path accepted {text!r}; serde: {want}"
            assert same(got, want), text
            assert got.model_dump_json() == want.model_dump_json(), text
        accepted += not isinstance(want, str)
    TALLY["fast path"] = (
        f"{len(texts)} texts, {accepted} valid: {read} read by the fast path, "
        f"{declined} left to the exact one"
    )
    assert read > accepted * 0.6  # the fast path is not vacuous


def test_public_verdicts_are_the_exact_ones(documents: list[tuple[str, str]]) -> None:
    rng = random.Random(5)
    for type_name, text in documents:
        for candidate in (text, mutate(text, rng), mutate(mutate(text, rng), rng)):
            cls = CLASSES[type_name]
            want = exact(cls, candidate)
            try:
                got: Any = cls.model_validate_json(candidate)
            except ValidationError as err:
                got = serde_message(err)
            assert got == want if isinstance(want, str) else same(got, want), candidate


def test_bytes_and_options_take_the_exact_path() -> None:
    line = next(LogGenerator(_model(), seed=1).events(1))
    event = Event.model_validate_json(line)
    assert Event.model_validate_json(line.encode()) == event
    assert Event.model_validate_json(line, context={"a": 1}) == event


def _model() -> WireModel:
    from codegen.pipeline import load_model

    return load_model()


# -- writing --------------------------------------------------------------------------------


def test_emitted_writers_write_what_the_reference_writes(
    documents: list[tuple[str, str]],
) -> None:
    count = 0
    for type_name, text in documents:
        model = exact(CLASSES[type_name], text)
        if isinstance(model, str):
            continue
        reference = plan_module.plan_of(type(model)).write(model)
        assert plan_module.write_canonical(model) == reference == model.model_dump_json()
        count += 1
    assert count > 1000


class _LeadingSkip(WireStruct):
    # A class outside the generated package states its wire rules itself.
    __wire_plan__ = (
        "struct _LeadingSkip with 3 elements",
        (
            ("first", ("option", "string"), "none", "skip_if_none"),
            ("second", "u32", "reject", "always"),
            ("third", ("vec", "json"), "default", "skip_if_empty"),
        ),
    )
    first: Str | None = None
    second: U32
    third: list[Value] = Field(default_factory=list)


@pytest.mark.parametrize(
    "model",
    [
        _LeadingSkip(second=1),
        _LeadingSkip(first="a", second=2, third=[{"b": 1, "a": [1e-7, 0.5]}]),
        _LeadingSkip(first="\u2028", second=3, third=[None, "x"]),
    ],
)
def test_a_leading_skipped_field_writes_no_comma(model: _LeadingSkip) -> None:
    reference = plan_module.plan_of(_LeadingSkip).write(model)
    assert model.model_dump_json() == reference
    assert json.loads(reference)["second"] == model.second


def test_unusual_held_values_fall_back_to_the_reference_writer() -> None:
    event = Event.model_validate_json(next(LogGenerator(_model(), seed=2).events(1)))
    odd = event.model_copy(update={"sequence": 2**70})  # no validation: not an i64
    assert odd.model_dump_json() == plan_module.plan_of(Event).write(odd)
    lone = ProvenanceMetadata.model_construct(model_id="\ud800")
    with pytest.raises(Exception, match="surrogate"):
        lone.model_dump_json()


def test_repr_is_zmij_where_it_is_positional() -> None:
    rng = random.Random(3)
    for _ in range(200_000):
        value = rng.uniform(-1, 1) * 10.0 ** rng.randint(-12, 22)
        text = "0.0" if value == 0 else layout(*shortest_digits(value))
        assert format_f64(value) == ("-" + text if math.copysign(1, value) < 0 else text)


# -- timestamps -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", TIMESTAMPS)
def test_parsed_timestamps_are_the_general_parsers(text: str) -> None:
    from jamjet_schema.wire.datetime_from_str import ParseError, parse_datetime

    try:
        seconds, nanos = parse_datetime(text)
    except ParseError:
        with pytest.raises(ValueError):
            Timestamp.parse(text)
        return
    parsed = Timestamp.parse(text)
    built = Timestamp(seconds, nanos)
    assert parsed == built and hash(parsed) == hash(built)
    assert (parsed.unix_seconds, parsed.nanosecond) == (seconds, nanos)
    assert parsed.to_json() == built.to_json() and str(parsed) == str(built)
    assert parsed.fields() == built.fields()


def test_uuid_writing_is_str() -> None:
    for value in [uuid.uuid4() for _ in range(1000)] + [uuid.UUID(int=0)]:
        assert writing.write_uuid(value) == f'"{value}"'
