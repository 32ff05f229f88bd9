"""Uuid against the probe: the four accepted shapes, case rules, and the diagnosis
uuid gives for every way of getting them wrong."""

from __future__ import annotations

import json
import random
import uuid

from codegen.corpus.wire_lists import SAMPLE, shapes
from jamjet_schema.wire import format_uuid, parse_uuid
from tests.wire.wire_probe import Differential


def broken(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "0123456789abcdefABCDEFg-{}:urnUé "
    bases = shapes(SAMPLE)[:9]
    cases = []
    for _ in range(count):
        chars = list(rng.choice(bases))
        for _ in range(rng.randint(1, 2)):
            position = rng.randrange(len(chars))
            action = rng.randrange(3)
            if action == 0:
                chars[position] = rng.choice(alphabet)
            elif action == 1:
                chars.insert(position, rng.choice(alphabet))
            else:
                del chars[position]
        cases.append("".join(chars))
    return cases


def group_shuffles() -> list[str]:
    simple = SAMPLE.replace("-", "")
    cuts = [(8, 12, 16, 20), (7, 12, 16, 20), (8, 13, 16, 20), (8, 12, 17, 20), (8, 12, 16, 21),
            (4, 8, 12, 16), (9, 13, 17, 21), (8, 12, 16), (8, 12, 16, 20, 24), (1, 2, 3, 4)]  # fmt: skip
    texts = []
    for cut in cuts:
        parts = [simple[a:b] for a, b in zip((0, *cut), (*cut, 32), strict=True)]
        texts += ["-".join(parts), "{" + "-".join(parts) + "}", "urn:uuid:" + "-".join(parts)]
    return texts


def test_shapes(differential: Differential) -> None:
    rng = random.Random(8)
    samples = [SAMPLE] + [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(20)]
    texts = [json.dumps(s, ensure_ascii=False) for u in samples for s in shapes(u)]
    assert differential("Uuid", texts) == []


def test_broken_inputs_and_diagnosis(differential: Differential) -> None:
    texts = [json.dumps(s, ensure_ascii=False) for s in broken(seed=2, count=4000)]
    texts += [json.dumps(s) for s in group_shuffles()]
    assert differential("Uuid", texts) == []


def test_lengths(differential: Differential) -> None:
    texts = [json.dumps("a" * n) for n in range(0, 50)] + [json.dumps("é" * n) for n in range(25)]
    texts += [json.dumps("-" * n) for n in (4, 36, 38, 45)] + ["1", "null", "[]", '"\\u0000"']
    assert differential("Uuid", texts) == []


def test_format_is_lower_hyphenated() -> None:
    value = parse_uuid("{67E55044-10B1-426F-9247-BB680E5FE0C8}")
    assert format_uuid(value) == SAMPLE
