"""Loading the corpus: the in-code fixture checks agree with conformance/fixture.schema.json
and name the file and JSON path of whatever is wrong."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jamjet_schema.conformance import corpus
from tests.conformance.conftest import DATA, REPO

SCHEMA = json.loads((REPO / "conformance" / "fixture.schema.json").read_text(encoding="utf-8"))
Doc = Any
Mutation = Callable[[Doc], Doc]


def valid_file() -> Doc:
    case = {"description": "d", "rule": "tag", "type_name": "EventKind", "input": "{}"}
    return {
        "description": "two cases",
        "tier": "required",
        "cases": [
            {
                **case,
                "id": "required.EventKind.a",
                "class": "accepted",
                "output": "[]",
                "covers": {"variant": "workflow_failed", "field": "error"},
            },
            {**case, "id": "required.EventKind.b", "class": "rejected", "serde_error": "no"},
        ],
    }


def at(path: str, value: object) -> Mutation:
    """Sets the member at a dotted path (list indexes as numbers); `...` deletes it."""

    def mutate(doc: Doc) -> Doc:
        *parents, last = path.split(".")
        node = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is ...:
            del node[last]
        else:
            node[last] = value
        return doc

    return mutate


# (mutation, JSON path in the error, words of the error, does the schema also refuse it?)
BAD: dict[str, tuple[Mutation, str, str, bool]] = {
    "not an object": (lambda d: [d], "$", "must be an object", True),
    "no tier": (at("tier", ...), "$", "missing member(s) tier", True),
    "extra member": (at("version", 2), "$.version", "not a member", True),
    "bad tier": (at("tier", "optional"), "$.tier", "is not one of", True),
    "no cases": (at("cases", []), "$.cases", "non-empty array", True),
    "no rule": (at("cases.0.rule", ...), "$.cases[0]", "missing member(s) rule", True),
    "case extra": (at("cases.1.expected", "x"), "$.cases[1].expected", "not a member", True),
    "bad class": (at("cases.0.class", "ok"), "$.cases[0].class", "'ok' is not one of", True),
    "bad rule": (at("cases.0.rule", "order"), "$.cases[0].rule", "is not one of", True),
    "bad type": (at("cases.0.type_name", "Foo"), "$.cases[0].type_name", "is not one", True),
    "input number": (at("cases.0.input", 1), "$.cases[0].input", "must be a string", True),
    "empty text": (at("cases.0.description", ""), "$.cases[0].description", "not be empty", True),
    "should": (at("cases.0.description", "it should"), "$.cases[0].description", "should", True),
    "bad id": (at("cases.0.id", "required.a b"), "$.cases[0].id", "is not <tier>", True),
    "rejected+output": (at("cases.1.output", "{}"), "$.cases[1]", "rejected case", True),
    "accepted-output": (at("cases.0.output", ...), "$.cases[0]", "rejected case", True),
    "accepted+error": (at("cases.0.serde_error", "x"), "$.cases[0]", "rejected case", True),
    "covers extra": (at("cases.0.covers.type", "x"), "$.cases[0].covers.type", "not a", True),
    "covers number": (at("cases.0.covers.field", 1), "$.cases[0].covers.field", "string", True),
    "covers null": (at("cases.0.covers", None), "$.cases[0].covers", "must be an object", True),
    "bad reader_version": (
        at("cases.0.reader_version", "1.0"),
        "$.cases[0].reader_version",
        "release number",
        True,
    ),
    "bad since": (at("cases.0.since", "1.1"), "$.cases[0].since", "release number", True),
    # Beyond what the schema can say:
    "reader_version outside evolution": (
        at("cases.0.reader_version", "1.0.0"),
        "$.cases[0]",
        "evolution cases, and only they",
        False,
    ),
    "id of another tier": (
        at("cases.0.id", "implementation-defined.x"),
        "$.cases[0].id",
        "file's tier",
        False,
    ),
    "canonical changed": (
        at("cases.0.class", "canonical"),
        "$.cases[0].output",
        "identical",
        False,
    ),
}


def write(folder: Path, name: str, doc: Doc) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_the_valid_file_loads_and_validates(tmp_path: Path) -> None:
    jsonschema.validate(valid_file(), SCHEMA)
    cases = corpus.load_file(write(tmp_path, "f.json", valid_file()))
    assert [(c.id, c.case_class, c.output, c.covers_field) for c in cases] == [
        ("required.EventKind.a", "accepted", "[]", "error"),
        ("required.EventKind.b", "rejected", None, None),
    ]


@pytest.mark.parametrize("name", BAD)
def test_a_bad_fixture_names_file_and_path(tmp_path: Path, name: str) -> None:
    mutate, pointer, words, schema_refuses = BAD[name]
    doc = mutate(copy.deepcopy(valid_file()))
    path = write(tmp_path, "bad.json", doc)
    with pytest.raises(corpus.FixtureError) as caught:
        corpus.load_file(path)
    assert caught.value.pointer == pointer
    assert str(caught.value).startswith(f"{path}: {pointer}: ")
    assert words in str(caught.value)
    schema_errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc))
    assert bool(schema_errors) == schema_refuses


def test_vocabulary_is_the_schemas() -> None:
    case = SCHEMA["$defs"]["case"]
    assert list(corpus.RULES) == case["properties"]["rule"]["enum"]
    assert list(corpus.TYPE_NAMES) == case["properties"]["type_name"]["enum"]
    assert list(corpus.CLASSES) == case["properties"]["class"]["enum"]
    assert [*corpus.TIERS, corpus.ERA_TIER] == SCHEMA["properties"]["tier"]["enum"]
    assert set(case["properties"]) == corpus._CASE_KEYS
    assert set(corpus._CASE_REQUIRED) == set(case["required"])
    assert set(SCHEMA["properties"]) == corpus._FILE_KEYS | {"serde_json"}  # era files only


def test_not_json_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(corpus.FixtureError, match=r"f\.json: \$: not a JSON document"):
        corpus.load_file(path)


def test_ids_are_unique_across_files(tmp_path: Path) -> None:
    write(tmp_path, "required/a.json", valid_file())
    second = write(tmp_path, "required/b.json", valid_file())
    with pytest.raises(corpus.FixtureError) as caught:
        corpus.load(tmp_path)
    assert caught.value.file == second and caught.value.pointer == "$.cases[0].id"
    assert "a.json uses it too" in str(caught.value)


def test_the_tier_folder_matches_the_file(tmp_path: Path) -> None:
    write(tmp_path, "implementation-defined/a.json", valid_file())
    with pytest.raises(corpus.FixtureError, match=r"\$\.tier: is 'required' but the file is under"):
        corpus.load(tmp_path)


def test_the_test_corpus_loads_without_its_manifest() -> None:
    loaded = corpus.load(DATA)
    assert len(loaded.cases) == 50
    assert {c.tier for c in loaded.cases} == {"required", "implementation-defined"}
    assert loaded.manifest_path == DATA / "manifest.json"
    assert all(c.file.name != "manifest.json" for c in loaded.cases)


def test_locate_prefers_the_argument_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(corpus.CORPUS_ENV, str(DATA))
    assert corpus.locate() == DATA
    assert corpus.locate(tmp_path) == tmp_path
    with pytest.raises(corpus.CorpusNotFound, match="--corpus DIR"):
        corpus.locate(tmp_path / "nowhere")
    with pytest.raises(corpus.CorpusNotFound, match="no fixture files"):
        corpus.load(tmp_path)


def test_the_packaged_corpus_is_found_through_importlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(corpus.CORPUS_ENV, raising=False)
    try:
        found = corpus.locate()
    except corpus.CorpusNotFound as err:
        assert "packaged corpus" in str(err) and "jamjet_schema" in str(err)
    else:
        assert found.name == "corpus" and found.parent.name == "jamjet_schema"
