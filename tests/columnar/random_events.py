"""Random Event documents at the edges of every wire rule, for the columnar round trip.

benchmarks.loggen's generator walks the wire model (every variant, every field, Options
None or not, Vecs empty or not); this one draws the scalars and Values from their
whole ranges instead of realistic ones: timestamps anywhere in chrono's range (years
-262143 to +262142, leap seconds, 0 to 9 fraction digits), integers at their bounds,
floats from random bit patterns, strings with escapes, controls, U+2028 and astral
characters, Values nested with all of these. The texts are what a writer might send;
serde's canonical form of each (the native core's canonical_lines) is what the tests
round-trip.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterator
from typing import Any

from benchmarks.loggen import LogGenerator
from codegen.model import Scalar, WireModel
from jamjet_schema.wire._constants import INT_RANGES
from jamjet_schema.wire.civil import MAX_UNIX_SECONDS, MIN_UNIX_SECONDS
from jamjet_schema.wire.timestamp import Timestamp

_NS_RANGE = (-(2**63) // 10**9, (2**63 - 1) // 10**9)  # what timestamp[ns] holds, in seconds
_CHARS = '"\\/\b\f\n\r\t\x00\x01\x1f\x7f\x85\u2028\u2029é€😀\ufeff '


class RandomEvents(LogGenerator):
    def __init__(self, model: WireModel, seed: int) -> None:
        super().__init__(model, seed=seed)

    def texts(self, count: int) -> Iterator[str]:
        variants = self.union.variants
        for i in range(count):
            sequence = self.rng.randint(*INT_RANGES["i64"]) if i % 7 == 0 else i
            yield self.event_text(sequence, self.rng.choice(variants))

    def scalar(self, scalar: Scalar) -> Any:
        rng = self.rng
        if scalar is Scalar.STRING:
            return self.string()
        if scalar in (Scalar.U32, Scalar.U64, Scalar.I64):
            low, high = INT_RANGES[scalar.value]
            return rng.choice([low, high, rng.randint(low, high), rng.randint(0, 1000)])
        if scalar is Scalar.F64:
            return self.float()
        if scalar is Scalar.TIMESTAMP:
            return self.timestamp()
        if scalar is Scalar.JSON:
            return self.json(3)
        return super().scalar(scalar)

    def string(self) -> str:
        rng = self.rng
        return "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 6)))

    def float(self) -> float:
        rng = self.rng
        while True:
            value: float = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
            if math.isfinite(value):
                return rng.choice([value, -0.0, 0.0, 1.0, rng.random(), 1e300, 5e-324, value])

    def timestamp(self) -> str:
        rng = self.rng
        low, high = rng.choice([(MIN_UNIX_SECONDS, MAX_UNIX_SECONDS), _NS_RANGE, (0, 2**32)])
        seconds = rng.randint(low, high)
        nanos = rng.choice([0, rng.randint(0, 999) * 10**6, rng.randint(0, 10**6 - 1) * 1000])
        nanos = rng.choice([nanos, rng.randint(0, 10**9 - 1)])
        if rng.random() < 0.05:  # a leap second: chrono's :59 with nanos >= 1e9
            seconds = min(seconds, MAX_UNIX_SECONDS - 60)
            seconds += 59 - seconds % 60
            nanos += 10**9
        return Timestamp(seconds, nanos).to_json_str()

    def json(self, depth: int) -> Any:
        rng = self.rng
        pick = rng.randint(0, 7 if depth else 4)
        if pick == 0:
            return None
        if pick == 1:
            return rng.random() < 0.5
        if pick == 2:
            return rng.choice([INT_RANGES["u64"][1], INT_RANGES["i64"][0], rng.randint(-5, 5)])
        if pick == 3:
            return self.float()
        if pick == 4:
            return self.string()
        if pick == 5:
            return [self.json(depth - 1) for _ in range(rng.randint(0, 3))]
        return {self.string(): self.json(depth - 1) for _ in range(rng.randint(0, 3))}


def random_texts(model: WireModel, seed: int, count: int) -> list[str]:
    """`count` Event texts, as a writer might send them (one line each)."""
    return [text.replace("\n", "\\n") for text in RandomEvents(model, seed).texts(count)]
