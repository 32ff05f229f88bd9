"""`parse(text, known_fields=...)` against the seed testee's ProvenanceMetadata: a
derived struct skims unknown members with serde_json's ignore_value, which accepts
what a Value parse refuses (lone surrogates, 1e400, nesting past 128)."""

from __future__ import annotations

import random

from codegen.corpus.wire_lists import GRAMMAR, depth_cases
from jamjet_schema.wire import JsonObject, WireError, parse
from tests.wire.test_wire_json import SEEDS, mutate
from tests.wire.wire_probe import TALLY, Probe

PROVENANCE_FIELDS = frozenset(
    {"model_id", "model_version", "confidence", "verified", "source", "trust_domain"}
    | {"evidence_refs"}
)
JUNK_VALUES = [
    '"\\ud800"', '"\\udc00\\ud800"', "1e400", "-1e99999999999", '"\\u12"', '"\\x"', "[1,]",
    "[1 2]", '{"a" 1}', '{"a":1,}', "-", "1.", "1e", "01", "nul", "[", '"abc', '"\\u00zz"',
    "[" * 300 + "]" * 300, '{"k":' * 200 + "0" + "}" * 200, "[[]]]", "{}}", '"\\ud800\\u0041"',
]  # fmt: skip


def struct_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    values = JUNK_VALUES + GRAMMAR + depth_cases() + SEEDS
    texts = []
    for _ in range(count):
        value = rng.choice(values)
        if rng.random() < 0.5:
            value = mutate(value, rng) if value else value
        key = rng.choice(['"junk"', '"\\ud800"', '"verified2"', "junk", '"a"'])
        texts.append(rng.choice(["{%s:%s}", '{"verified":true,%s:%s}', "{%s:%s,}"]) % (key, value))
    return texts


def python_verdict(text: str) -> tuple[bool, str]:
    try:
        node = parse(text, known_fields=PROVENANCE_FIELDS)
    except WireError as exc:
        return False, exc.message
    assert isinstance(node, JsonObject)
    return True, ""


def test_skimmed_members_match_the_derived_struct(seed_testee: Probe) -> None:
    texts = [f'{{"junk":{v}}}' for v in JUNK_VALUES] + struct_texts(seed=21, count=4000)
    answers = seed_testee.run("ProvenanceMetadata", texts)
    TALLY.cases += len(texts)
    TALLY.by_type["ProvenanceMetadata (seed testee)"] = len(texts)
    wrong = []
    for text, rust in zip(texts, answers, strict=True):
        accepted, message = python_verdict(text)
        if accepted != rust.accepted or (not accepted and message != rust.text):
            wrong.append((text, rust, message))
    if wrong:
        TALLY.kinds["struct skim"] = TALLY.kinds.get("struct skim", 0) + len(wrong)
    assert wrong == []


def test_strict_and_skimming_readings_differ_where_serde_does() -> None:
    text = '{"verified":true,"junk":"\\ud800","deep":' + "[" * 200 + "]" * 200 + "}"
    node = parse(text, known_fields=PROVENANCE_FIELDS)
    assert isinstance(node, JsonObject) and node.pairs == [("verified", True)]
    try:
        parse(text)
    except WireError as exc:
        assert exc.message.startswith("unexpected end of hex escape")
    else:
        raise AssertionError("the strict reading must refuse a lone surrogate")
