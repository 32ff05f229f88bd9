"""Events inside a response model: `Page(events=[...100 events]).model_dump_json()`,
the commonest way a Pydantic model leaves a service, beside the same page of plain
Pydantic models (which writes every None as null and is not serde's bytes)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

import pydantic

from benchmarks.inprocess import Setting, pure_path
from benchmarks.pydantic_model import PydanticModel
from benchmarks.timing import Row, Trial, interleaved, timed
from codegen.model import WireModel
from jamjet_schema import Event, native

PAGE = 100  # events per response
PLAIN = "Page of 100 events .model_dump_json(), plain Pydantic response model"
NATIVE = "Page of 100 events .model_dump_json(), jamjet_schema native core"
PURE = "Page of 100 events .model_dump_json(), jamjet_schema pure Python"


def nested_rows(model: WireModel, lines: list[str], rounds: int) -> list[Row]:
    """The pages of `lines` written by each contender, the best of `rounds` interleaved."""
    plain = PydanticModel(model).event
    contenders: list[tuple[str, Callable[[], object], Setting, str | None, str]] = [
        (PLAIN, _writer(plain, lines), nullcontext, None, "not serde's bytes"),
    ]
    if native.native_available():
        contenders.append((NATIVE, _writer(Event, lines), nullcontext, PLAIN, "serde's bytes"))
    with pure_path():
        pure = _writer(Event, lines)
    contenders.append((PURE, pure, pure_path, PLAIN, "the JAMJET_SCHEMA_NATIVE=0 path"))
    trials = [Trial(name, timed(run, setting)) for name, run, setting, _, _ in contenders]
    best = interleaved(trials, rounds)
    return [
        Row(name, len(lines), best[name].seconds, note, peer)
        for name, _, _, peer, note in contenders
    ]


def _writer(event: type[pydantic.BaseModel], lines: list[str]) -> Callable[[], object]:
    """Writes every page of `lines`, read into `event` models, as a response model does."""
    page = pydantic.create_model("Page", events=(list[event], ...), next=(str | None, None))  # type: ignore[valid-type]
    events = [event.model_validate_json(line) for line in lines]
    pages = [page(events=events[i : i + PAGE]) for i in range(0, len(events), PAGE)]

    def write_all() -> None:
        for one in pages:
            one.model_dump_json()

    return write_all
