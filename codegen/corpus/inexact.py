"""Which number literals serde_json's default float parser does not round correctly.

serde_json (without its `float_roundtrip` feature) reads some long or extreme
literals one bit off. A case holding such a literal records what serde does, but a
correctly rounded parser in another language differs in the last bit, so the
recorder puts the case in the implementation-defined tier. The reference itself is
asked how it reads each literal; Python's float() is the correctly rounded answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from codegen.corpus.bounds import I64_MIN, U64_MAX
from jamjet_schema.conformance.testee import Request, Testee

# A JSON string (skipped) or a number literal.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?')


def float_literals(text: str) -> set[str]:
    """The number literals of `text` that serde reads as an f64: a fraction, an
    exponent, or an integer beyond i64/u64 (a serde_json::Value holds it as a float)."""
    out = set()
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.startswith('"'):
            continue
        if any(c in token for c in ".eE") or not I64_MIN <= int(token) <= U64_MAX:
            out.add(token)
    return out


def inexact_literals(reference: Testee, texts: Iterable[str]) -> set[str]:
    """The literals among those of `texts` that the reference reads to another double
    than the correctly rounded one."""
    literals = sorted({lit for text in texts for lit in float_literals(text)})
    probes = [Request("ProvenanceMetadata", f'{{"confidence":{lit}}}') for lit in literals]
    out = set()
    for literal, answer in zip(literals, reference.run(probes), strict=True):
        if answer.accepted and json.loads(answer.text)["confidence"] != float(literal):
            out.add(literal)
    return out
