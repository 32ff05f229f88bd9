"""No blind spots: every input of this project's private differential lists (the
Python and wire-layer suites, the TypeScript edge values) is a shipped fixture, so
other implementations are judged on it too."""

from __future__ import annotations

import json
import re
from pathlib import Path

from codegen.corpus.documents import all_extras
from codegen.corpus.edge_cases import find_host
from codegen.corpus.edges import MUTATION_VALUES
from codegen.corpus.suite_inputs import wire_lists
from codegen.model import ScalarType, WireModel
from jamjet_schema.conformance import corpus

TREES = Path(__file__).parent / "typescript" / "src" / "support" / "trees.ts"
# A JS string literal ("..." or '...'), deep(N), or the one template literal.
_ITEM = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'|deep\((\d+)\)|`([^`]*)`')


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def typescript_values() -> list[str]:
    """The VALUES list of the TypeScript differential tests, as the strings it holds."""
    source = TREES.read_text(encoding="utf-8")
    body = source.split("export const VALUES = [", 1)[1].split("].map(", 1)[0]
    out = []
    for m in _ITEM.finditer(body):
        double, single, depth, template = m.groups()
        if double is not None:
            out.append(json.loads(f'"{double}"'))
        elif single is not None:
            out.append(json.loads('"' + single.replace('"', '\\"') + '"'))
        elif depth is not None:
            out.append(_deep(int(depth)))
        else:
            out.append(re.sub(r"\$\{deep\((\d+)\)\}", lambda d: _deep(int(d[1])), template))
    return out


def shipped() -> set[tuple[str, str]]:
    return {(c.type_name, c.input) for c in corpus.load().cases}


def test_the_typescript_edge_values_are_the_corpus_list() -> None:
    assert typescript_values() == list(MUTATION_VALUES)


def test_every_differential_document_is_a_fixture() -> None:
    fixtures = shipped()
    documents = [e for e in all_extras() if e.type_name in corpus.TYPE_NAMES]
    assert len(documents) > 4000
    missing = [e for e in documents if (e.type_name, e.input) not in fixtures]
    assert not missing, f"{len(missing)} documents are not fixtures, e.g. {missing[:3]}"


def test_every_edge_value_sits_in_a_field_of_each_type() -> None:
    inputs = [text for _, text in shipped()]
    for value in MUTATION_VALUES:
        hosts = sum(f":{value}," in text or f":{value}}}" in text for text in inputs)
        assert hosts >= 10, f"{value[:40]} is in {hosts} fixtures"


def test_every_wire_list_value_is_a_fixture(model: WireModel) -> None:
    fixtures = shipped()
    for group, _rule, scalar, texts in wire_lists():
        host = find_host(model, ScalarType(scalar))
        assert host is not None
        missing = [t for t in texts if (host.type_name, host.document(t)) not in fixtures]
        assert not missing, f"{group}: {missing[:3]}"
