"""The messages are serde's: on every rejected case of the corpus, word for word.

`serde_message(err)` is the JSON member path of the offending value (json_path: the
loc without the tags of tagged unions) and serde's message: the fixture's
`serde_error`, recorded from the Rust reference, without serde_json's position on a
type or value error, and with it, exactly, on a JSON syntax error. `str(err)` names
no mechanism of Pydantic's discriminated union and no internal class.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from jamjet_schema import Event, EventKind, ProvenanceMetadata, serde_message
from jamjet_schema.conformance import corpus
from jamjet_schema.models.errors import format_path, json_path, serde_parts
from tests.wire.wire_probe import is_syntax_error

from .conftest import TALLY

CLASSES: dict[str, Any] = {
    "Event": Event,
    "EventKind": EventKind,
    "ProvenanceMetadata": ProvenanceMetadata,
}
POSITION = re.compile(r" at line \d+ column \d+$")
PYDANTIC_WORDS = (
    "discriminator",
    "Input tag",
    "Input should",
    "Field required",
    "WireMap",
    "JsonObject",
    "errors.pydantic.dev",
)


def _rejected() -> list[corpus.Case]:
    cases = corpus.load().cases
    # the api tier: tests/python/test_api_forms.py
    return [c for c in cases if c.case_class == "rejected" and c.tier not in ("evolution", "api")]


def _refusal(case: corpus.Case) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        CLASSES[case.type_name].model_validate_json(case.input)
    return caught.value


def _reports_a_later_syntax_error(said: str, serde: str) -> bool:
    """The known difference "which error is reported when a document has two"
    (src/jamjet_schema/wire/KNOWN_DIFFERENCES.md): serde met a type error while reading;
    Python, which parses the whole text first, reports a syntax error found further on."""
    ours_at, serde_at = POSITION.search(said), POSITION.search(serde)
    return (
        is_syntax_error(said)
        and not is_syntax_error(serde)
        and ours_at is not None
        and serde_at is not None
        and _offset(ours_at.group()) > _offset(serde_at.group())
    )


def _offset(position: str) -> tuple[int, int]:
    line, column = re.findall(r"\d+", position)
    return int(line), int(column)


def test_every_message_of_the_corpus_is_serdes() -> None:
    cases = _rejected()
    wrong, order = [], 0
    for case in cases:
        err = _refusal(case)
        path, said = serde_parts(err)
        assert serde_message(err) == (f"{path}: {said}" if path else said)
        assert case.serde_error is not None
        expected = case.serde_error if POSITION.search(said) else POSITION.sub("", case.serde_error)
        if said == expected:
            continue
        if _reports_a_later_syntax_error(said, case.serde_error):
            order += 1
        else:
            wrong.append(f"{case.id}\n    ours:  {said}\n    serde: {case.serde_error}")
    TALLY["serde messages"] = (
        f"{len(cases)} rejected corpus cases, {len(wrong)} worded otherwise,"
        f" {order} with a later syntax error reported (known difference 1)"
    )
    assert len(cases) > 1000
    assert not wrong, "\n".join(wrong[:20])


def test_every_error_is_serdes_and_str_shows_no_pydantic_wording() -> None:
    """Type `serde` on every entry, and no Pydantic wording or parse-tree class in str(err)."""
    leaking, others = [], set()
    for case in _rejected():
        err = _refusal(case)
        others |= {e["type"] for e in err.errors()} - {"serde"}
        text = str(err)
        if any(w in text for w in PYDANTIC_WORDS):
            leaking.append((case.id, text))
    assert others == set()
    assert not leaking, leaking[:3]


@pytest.mark.parametrize(
    ("title", "loc", "path"),
    [
        ("Event", ("kind", "node_started", "attempt"), "kind.attempt"),
        (
            "EventKind",
            ("node_completed", "provenance", "evidence_refs", 0),
            "provenance.evidence_refs[0]",
        ),
        ("Event", ("kind", "coordinator_decision", "rejected", 2), "kind.rejected[2]"),
        ("ProvenanceMetadata", ("evidence_refs", 1), "evidence_refs[1]"),
        ("Event", ("sequence",), "sequence"),
        ("Event", (), ""),
        ("NodeStarted", ("attempt",), "attempt"),
        ("Unknown", ("a", "b c", 3), 'a["b c"][3]'),  # a class of no table: its loc as is
    ],
)
def test_the_field_path_notation(title: str, loc: tuple[int | str, ...], path: str) -> None:
    assert format_path(json_path(title, loc)) == path
