"""Measurements inside this process: the models against their peers on the same lines.

The contenders run interleaved in rounds (benchmarks.timing); the pure-Python path
is measured in the same process by switching the native core off around its rounds.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jsonschema

from benchmarks.generic_validators import oneof_schema, validator_for
from benchmarks.loggen import LogGenerator
from benchmarks.msgspec_model import MsgspecModel
from benchmarks.pydantic_model import PydanticModel
from benchmarks.timing import Row, Trial, interleaved, timed
from codegen.model import TaggedUnion, Variant, WireModel
from codegen.pipeline import REPO
from jamjet_schema import Event, native

JSON_LOADS = "json.loads alone"
MSGSPEC_DECODE = "msgspec decode"
MSGSPEC_ROUND_TRIP = "msgspec decode+encode"
PYDANTIC_PARSE = "Pydantic validate_json (plain v2 peer)"
PYDANTIC_ROUND_TRIP = "Pydantic validate_json + model_dump_json (plain v2 peer)"
NATIVE_PARSE = "jamjet_schema parse, native core"
NATIVE_ROUND_TRIP = "jamjet_schema parse + model_dump_json, native core"
PURE_PARSE = "jamjet_schema parse, pure Python"
PURE_ROUND_TRIP = "jamjet_schema parse + model_dump_json, pure Python"
RUST = "Rust reference (serde)"
DISPATCH = "dispatch"

Setting = Callable[[], AbstractContextManager[object]]


@contextmanager
def pure_path() -> Iterator[None]:
    """The models on the pure-Python path (as with JAMJET_SCHEMA_NATIVE=0), then back."""
    core = native.CORE
    if core is not None:
        _ = native.READERS[Event]  # bound now, so that restoring never binds twice
    readers = dict(native.READERS)
    native.CORE = None
    native.READERS.clear()  # without the core every class misses to None
    try:
        yield
    finally:
        native.READERS.clear()
        native.READERS.update(readers)
        native.CORE = core


def parse(line: str) -> object:
    return Event.model_validate_json(line)


def round_trip(line: str) -> str:
    return Event.model_validate_json(line).model_dump_json()


def check_paths(lines: Sequence[str]) -> None:
    """Both paths of the models write the log's own (canonical) bytes back, and the pure
    path really runs without the core; otherwise the rates below would mean nothing."""
    for setting in _settings():
        with setting():
            for line in lines:
                if round_trip(line) != line:
                    raise AssertionError(f"round trip changed a canonical line: {line[:80]}")
    with pure_path():
        if native.READERS[Event] is not None or native.native_available():
            raise AssertionError("the pure path still reaches the native core")


def _settings() -> list[Setting]:
    return [nullcontext, pure_path] if native.native_available() else [pure_path]


@dataclass(frozen=True)
class Contender:
    name: str
    run: Callable[[str], object]  # on one line
    note: str = ""
    peer: str | None = None
    setting: Setting = nullcontext


def contenders(model: WireModel) -> list[Contender]:
    """The peers, then the models on the native core (when built) and on the pure path."""
    msgspec, pydantic = MsgspecModel(model), PydanticModel(model)
    out = [
        Contender(JSON_LOADS, json.loads, "no validation: the floor"),
        Contender(MSGSPEC_DECODE, msgspec.decode, "typed tagged union, not serde-exact"),
        Contender(MSGSPEC_ROUND_TRIP, msgspec.round_trip),
        Contender(PYDANTIC_PARSE, pydantic.parse, "discriminated union, lax"),
        Contender(PYDANTIC_ROUND_TRIP, pydantic.round_trip, "not serde's bytes"),
    ]
    if native.native_available():
        out.append(Contender(NATIVE_PARSE, parse, "serde's verdict", PYDANTIC_PARSE))
        out.append(
            Contender(NATIVE_ROUND_TRIP, round_trip, "serde_json's bytes", PYDANTIC_ROUND_TRIP)
        )
    pure = "the JAMJET_SCHEMA_NATIVE=0 path"
    out.append(Contender(PURE_PARSE, parse, pure, PYDANTIC_PARSE, pure_path))
    out.append(Contender(PURE_ROUND_TRIP, round_trip, pure, PYDANTIC_ROUND_TRIP, pure_path))
    return out


def model_rows(model: WireModel, lines: list[str], rounds: int) -> list[Row]:
    """Every in-process contender over `lines`, interleaved, the best round of each."""
    every = contenders(model)
    for c in every:  # warm up: lazy builds, first-use binding
        timed(partial(_each, c.run, lines[:200]), c.setting)()
    trials = [Trial(c.name, timed(partial(_each, c.run, lines), c.setting)) for c in every]
    best = interleaved(trials, rounds)
    return [Row(c.name, len(lines), best[c.name].seconds, c.note, c.peer) for c in every]


def _each(f: Callable[[str], object], lines: Sequence[str]) -> None:
    for line in lines:
        f(line)


def jsonschema_rows(lines: list[str]) -> list[Row]:
    sample = [json.loads(line) for line in lines]
    schema = json.loads((REPO / "schema/event.schema.json").read_text())
    rows = []
    for name, variant in (
        ("if/then on the tag (canonical)", schema),
        ("oneOf over every variant (usual shape)", oneof_schema(schema)),
    ):
        seconds = timed(partial(_validate_all, validator_for(variant), sample))().seconds
        rows.append(Row(f"python-jsonschema, {name}", len(sample), seconds, "generic validator"))
    return rows


def _validate_all(validator: jsonschema.Draft202012Validator, documents: list[object]) -> None:
    for document in documents:
        validator.validate(document)


def rust_row(log: Path) -> Row:
    binary = REPO / "target/release/jamjet-bench"
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: build it with `cargo build --release`")
    done = subprocess.run([str(binary), str(log)], capture_output=True, text=True, check=True)
    out = json.loads(done.stdout)
    return Row(RUST, out["events"], out["seconds"], "parse + canonical write, in process")


def dispatch_rows(generator: LogGenerator, count: int, rounds: int) -> list[Row]:
    """Parse time of two variants of the same shape, far apart in declaration order.

    With discriminated dispatch the tag picks the class at once, so the later
    variant costs no more than the earlier one; trying classes in turn would make
    it cost up to 44 times more.
    """
    union = generator.model.of_kind(TaggedUnion)[0]
    names, trials = [], []
    for variant in _same_shape_pair(generator, union):
        lines = list(generator.events(count, variant))
        index = union.variants.index(variant) + 1
        names.append(f"parse, only variant #{index} of {len(union.variants)} ({variant.wire_name})")
        trials.append(Trial(names[-1], timed(partial(_each, parse, lines))))
    best = interleaved(trials, rounds)
    first, last = names
    return [
        Row(first, count, best[first].seconds, DISPATCH),
        Row(last, count, best[last].seconds, DISPATCH, first),
    ]


def _same_shape_pair(generator: LogGenerator, union: TaggedUnion) -> tuple[Variant, Variant]:
    """The two variants with identical field types that stand furthest apart."""
    groups: dict[tuple[object, ...], list[Variant]] = {}
    for variant in union.variants:
        shape = tuple(generator.model.resolve(f.type) for f in variant.fields)
        groups.setdefault(shape, []).append(variant)
    pairs = [(g[0], g[-1]) for g in groups.values() if len(g) > 1]
    return max(pairs, key=lambda p: union.variants.index(p[1]) - union.variants.index(p[0]))
