"""Synthetic event logs: realistic mixes of every variant, already in canonical form.

Values are drawn from the wire model, so a new variant or field shows up in the
logs by itself. Everything is chosen so that Python's json.dumps writes exactly
serde's canonical bytes (Value objects with sorted keys, timestamps in chrono's form,
floats whose shortest spelling has no exponent in either language), which tests check
on a sample.

Two kinds of log: the default's payloads are flat and its floats multiples of 1/8;
`realistic=True` gives what an agent runtime writes (RealisticPayloads): Values
nested 3 to 5 levels, floats with 3 to 7 significant digits, events from about 200
bytes to several KB. Benchmarks and exactness tests use the realistic kind; a flat,
easy log flatters every path.
"""

from __future__ import annotations

import json
import math
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
    def __init__(
        self, model: WireModel, seed: int = 7, payload_bytes: int = 200, realistic: bool = False
    ) -> None:
        self.model = model
        self.rng = random.Random(seed)
        self.payload_bytes = payload_bytes
        self.realistic = RealisticPayloads(self.rng) if realistic else None
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
            if self.realistic:
                return self.realistic.float()
            return rng.randint(0, 2**20) / 8 + 0.125  # exact in binary, never an integer
        if scalar is Scalar.TIMESTAMP:
            return f"2026-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}T{rng.randint(0, 23):02}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}.{rng.randint(1, 999):03}{rng.randint(1, 999):03}{rng.randint(1, 999):03}Z"
        if scalar is Scalar.UUID:
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        return self.payload()

    def payload(self) -> dict[str, Any]:
        """A JSON object of about payload_bytes, keys sorted as serde_json writes them."""
        if self.realistic:
            return self.realistic.payload()
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


KEYS = (
    "output", "result", "messages", "content", "role", "score", "usage", "tokens",
    "latency_ms", "items", "metadata", "query", "documents", "summary", "confidence",
    "tool", "arguments", "status", "retries", "state", "plan", "steps", "cost",
)  # fmt: skip
TEXTS = (
    "Summarise the quarterly report for the board.",
    'She said "ok" and left\\n',
    "naïve café, 東京, emoji 🚀",
    "tab\there, bell\u0007, slash /",
    "",
)  # fmt: skip


class RealisticPayloads:
    """serde_json::Values as an agent runtime holds them: objects nested 3 to 5 levels,
    2 to 8 members each, mixed strings, integers up to 10^7, floats with 3 to 7
    significant digits, booleans, nulls and short arrays; sizes spread log-uniformly
    from about 100 bytes to 4 KB."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def float(self) -> float:
        """3 to 7 significant digits, from 0.001 to 10^7: spelled alike by Python's repr
        and serde_json (no exponent in either)."""
        digits = self.rng.randint(3, 7)
        magnitude = self.rng.randint(-3, 6)
        value = round(self.rng.uniform(1, 10) * 10.0**magnitude, digits - 1 - magnitude)
        return value if value < 1e7 else 9999999.5

    def payload(self) -> dict[str, Any]:
        budget = int(math.exp(self.rng.uniform(math.log(100), math.log(4000))))
        out = self.object(self.rng.randint(3, 5), budget)
        return out if isinstance(out, dict) else {"value": out}

    def object(self, depth: int, budget: int) -> dict[str, Any]:
        members = self.rng.randint(2, 8)
        out: dict[str, Any] = {}
        for i in range(members):
            key = (
                f"{self.rng.choice(KEYS)}_{i}" if self.rng.random() < 0.3 else self.rng.choice(KEYS)
            )
            share = max(budget // members, 16)
            out[key] = self.value(depth - 1, share) if depth > 1 else self.scalar()
        return dict(sorted(out.items()))

    def value(self, depth: int, budget: int) -> Any:
        roll = self.rng.random()
        if roll < 0.35 and budget > 60:
            return self.object(depth, budget)
        if roll < 0.5:
            return [self.scalar() for _ in range(self.rng.randint(0, 4))]
        return self.scalar()

    def scalar(self) -> Any:
        kind = self.rng.randint(0, 6)
        if kind == 0:
            return self.rng.choice(TEXTS)
        if kind == 1:
            return "-".join(self.rng.choices(WORDS, k=self.rng.randint(1, 6)))
        if kind == 2:
            return self.rng.randint(-(10**7), 10**7)
        if kind in (3, 4):
            return self.float() * (-1 if self.rng.random() < 0.2 else 1)
        if kind == 5:
            return self.rng.random() < 0.5
        return None


def damaged(line: str, rng: random.Random) -> str:
    """`line` broken as migrations and corrupted stores break lines, each way in turn
    chosen by `rng`: a member of the wrong type, a required one missing, an unknown
    tag, a duplicated member, a timestamp out of range, a line cut short."""
    event = json.loads(line)
    way = rng.randrange(6)
    if way == 0:
        event["sequence"] = str(event["sequence"])
    elif way == 1:
        del event["execution_id"]
    elif way == 2:
        event["kind"]["type"] = "node_exploded"
    elif way == 3:
        return '{"sequence":0,' + line[1:]
    elif way == 4:
        event["created_at"] = event["created_at"].replace("T", "T25:", 1)[:-1] + "Z"
    else:
        return line[: len(line) // 2]
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


def with_bad_lines(lines: list[str], every: int, seed: int = 11) -> list[str]:
    """`lines` with every `every`-th one damaged (a tenth of them for every=10)."""
    rng = random.Random(seed)
    return [damaged(line, rng) if i % every == every - 1 else line for i, line in enumerate(lines)]


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.loggen --realistic --events N -o FILE`: a log for the tools
    outside Python (the browser test in tests/browser) to read, one event a line."""
    import argparse
    from pathlib import Path

    from codegen.pipeline import load_model

    parser = argparse.ArgumentParser(prog="python -m benchmarks.loggen", description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--realistic", action="store_true", help="an agent runtime's payloads")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    generator = LogGenerator(load_model(), seed=args.seed, realistic=args.realistic)
    lines = "".join(line + "\n" for line in generator.events(args.events))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(lines, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
