"""The compatibility diff, one rule at a time: a pair of schemas per rule.

Each case edits the canonical schema in one way and expects exactly one change of
exactly one kind; the forward/backward/bytes verdicts come from the rule table, and
the real 1.0.0 -> 1.1.0 change is checked against real serde in the corpus.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.build_model import build_model
from codegen.diff.__main__ import main as diff_main
from codegen.history import archive, archive_path, archived_versions, problems
from codegen.pipeline import load_model
from jamjet_schema.diff.bump import bump_problem
from jamjet_schema.diff.compare import compare
from jamjet_schema.diff.render import max_severity, rules_markdown
from jamjet_schema.diff.rules import RULES, Severity

Schema = dict[str, Any]
Edit = Callable[[Schema], None]


def _defs(s: Schema) -> Schema:
    defs: Schema = s["$defs"]
    return defs


def add_variant(s: Schema) -> None:
    _defs(s)["NodeParked"] = {
        "title": "NodeParked",
        "type": "object",
        "properties": {"type": {"const": "node_parked"}, "node_id": {"$ref": "#/$defs/NodeId"}},
        "required": ["type", "node_id"],
    }
    _add_branch(s, "node_parked", "NodeParked")


def _add_branch(s: Schema, wire: str, name: str) -> None:
    kind = _defs(s)["EventKind"]
    kind["properties"]["type"]["enum"].append(wire)
    kind["allOf"].append(
        {"if": {"properties": {"type": {"const": wire}}}, "then": {"$ref": f"#/$defs/{name}"}}
    )


def remove_variant(s: Schema, name: str = "NodeCancelled", wire: str = "node_cancelled") -> Schema:
    kind = _defs(s)["EventKind"]
    kind["allOf"] = [b for b in kind["allOf"] if b["then"]["$ref"] != f"#/$defs/{name}"]
    kind["properties"]["type"]["enum"].remove(wire)
    removed: Schema = _defs(s).pop(name)
    return removed


def _discard(_: object) -> None:
    return None


def rename_variant(s: Schema) -> None:
    variant = remove_variant(s)
    variant["title"] = "NodeAborted"
    variant["properties"]["type"] = {"const": "node_aborted"}
    _defs(s)["NodeAborted"] = variant
    _add_branch(s, "node_aborted", "NodeAborted")


def change_tag(s: Schema) -> None:
    kind = _defs(s)["EventKind"]
    kind["x-serde-tag"] = "event"
    kind["properties"] = {"event": kind["properties"].pop("type")}
    kind["required"] = ["event"]
    for branch in kind["allOf"]:
        branch["if"]["properties"] = {"event": branch["if"]["properties"].pop("type")}
        variant = _defs(s)[branch["then"]["$ref"].split("/")[-1]]
        props = variant["properties"]
        variant["properties"] = {"event": props.pop("type"), **props}
        variant["required"] = ["event" if r == "type" else r for r in variant["required"]]


def add_field(variant: str, name: str, schema: Schema, required: bool = False) -> Edit:
    def edit(s: Schema) -> None:
        _defs(s)[variant]["properties"][name] = schema
        if required:
            _defs(s)[variant]["required"].append(name)

    return edit


def remove_field(variant: str, name: str) -> Edit:
    def edit(s: Schema) -> None:
        del _defs(s)[variant]["properties"][name]
        _defs(s)[variant]["required"] = [r for r in _defs(s)[variant]["required"] if r != name]

    return edit


def set_field(variant: str, name: str, schema: Schema, required: bool | None = None) -> Edit:
    def edit(s: Schema) -> None:
        _defs(s)[variant]["properties"][name] = schema
        req = [r for r in _defs(s)[variant]["required"] if r != name]
        _defs(s)[variant]["required"] = [*req, name] if required else req

    return edit


def reorder(s: Schema) -> None:
    props = _defs(s)["NodeFailed"]["properties"]
    _defs(s)["NodeFailed"]["properties"] = {
        k: props[k] for k in ["type", "node_id", "attempt", "error", "retryable"]
    }


def enum_add(s: Schema) -> None:
    _defs(s)["ApprovalDecision"]["enum"].append("deferred")
    _defs(s)["ApprovalDecision"]["x-rust-variants"].append("Deferred")


def enum_remove(s: Schema) -> None:
    _defs(s)["ApprovalDecision"]["enum"].remove("rejected")
    _defs(s)["ApprovalDecision"]["x-rust-variants"].remove("Rejected")


def patch(path: str, value: object) -> Edit:
    def edit(s: Schema) -> None:
        *parents, last = path.split("/")
        node = s["$defs"]
        for key in parents:
            node = node[key]
        node[last] = value

    return edit


def drop(path: str) -> Edit:
    def edit(s: Schema) -> None:
        *parents, last = path.split("/")
        node = s["$defs"]
        for key in parents:
            node = node[key]
        del node[last]

    return edit


OPT_STRING = {"anyOf": [{"type": "string"}, {"type": "null"}]}

CASES: list[tuple[str, Edit]] = [
    ("variant-added", add_variant),
    ("variant-removed", lambda s: _discard(remove_variant(s))),
    ("variant-renamed", rename_variant),
    ("tag-changed", change_tag),
    ("enum-value-added", enum_add),
    ("enum-value-removed", enum_remove),
    (
        "field-added-required",
        add_field("NodeCancelled", "priority", {"$ref": "#/$defs/U32"}, required=True),
    ),
    (
        "field-added-optional-skipped",
        add_field(
            "NodeCancelled", "key", {**OPT_STRING, "x-serde-skip-serializing-if": "Option::is_none"}
        ),
    ),
    ("field-added-optional-emitted", add_field("NodeCancelled", "key", OPT_STRING)),
    (
        "field-added-default-skipped",
        add_field(
            "NodeCancelled",
            "tags",
            {
                "type": "array",
                "items": {"type": "string"},
                "default": [],
                "x-serde-skip-serializing-if": "Vec::is_empty",
            },
        ),
    ),
    (
        "field-added-default-emitted",
        add_field("NodeCancelled", "flag", {"type": "boolean", "default": False}),
    ),
    ("field-removed", remove_field("NodeFailed", "error")),
    ("field-removed-optional", remove_field("WorkflowCancelled", "reason")),
    ("field-reordered", reorder),
    ("integer-widened", patch("NodeStarted/properties/attempt", {"$ref": "#/$defs/U64"})),
    ("integer-narrowed", patch("NodeCompleted/properties/duration_ms", {"$ref": "#/$defs/U32"})),
    ("type-changed", patch("NodeFailed/properties/error", {"$ref": "#/$defs/U32"})),
    ("became-optional", set_field("NodeFailed", "error", OPT_STRING, required=False)),
    (
        "became-required",
        set_field("WorkflowCancelled", "reason", {"type": "string"}, required=True),
    ),
    ("emission-changed", drop("NodeCompleted/properties/cost_usd/x-serde-skip-serializing-if")),
    ("default-changed", patch("ProvenanceMetadata/properties/verified/default", True)),
    ("node-id-accessor-changed", patch("ToolCalled/x-jamjet-node-id", True)),
    ("description-changed", patch("NodeFailed/description", "Another text.")),
]


@pytest.fixture(scope="module")
def schema(repo: Path) -> Schema:
    loaded: Schema = json.loads(archive_path("1.0.0", repo).read_text())
    return loaded


def test_every_rule_has_a_case() -> None:
    assert sorted(kind for kind, _ in CASES) == sorted(RULES)


@pytest.mark.parametrize(("kind", "edit"), CASES, ids=[k for k, _ in CASES])
def test_one_edit_gives_one_change_of_its_kind(schema: Schema, kind: str, edit: Edit) -> None:
    new = copy.deepcopy(schema)
    edit(new)
    changes = compare(build_model(schema, "old"), build_model(new, "new"))
    assert [c.kind for c in changes] == [kind]
    reverse = compare(build_model(new, "new"), build_model(schema, "old"))
    assert reverse, "undoing a change is a change too"


@pytest.mark.parametrize(
    ("kind", "severity"),
    [
        ("variant-added", Severity.MINOR),
        ("field-added-optional-skipped", Severity.MINOR),
        ("field-added-required", Severity.MAJOR),
        ("variant-renamed", Severity.MAJOR),
        ("integer-widened", Severity.MINOR),
        ("emission-changed", Severity.MAJOR),
        ("description-changed", Severity.PATCH),
    ],
)
def test_severity_follows_the_issue_examples(kind: str, severity: Severity) -> None:
    assert RULES[kind].severity is severity


def test_bump_must_fit_the_changes() -> None:
    assert bump_problem("1.0.0", "1.1.0", Severity.MINOR) is None
    assert bump_problem("1.0.0", "2.0.0", Severity.MAJOR) is None
    assert bump_problem("1.0.0", "1.0.1", Severity.PATCH) is None
    problem = bump_problem("1.0.0", "1.1.0", Severity.MAJOR)
    assert problem is not None and "major" in problem
    assert bump_problem("1.0.0", "1.0.0", Severity.PATCH) is not None


def test_cli_exit_codes_and_json(
    schema: Schema, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(schema))
    changed = copy.deepcopy(schema)
    remove_field("NodeFailed", "error")(changed)
    new.write_text(json.dumps(changed))
    assert diff_main([str(old), str(old)]) == 0
    capsys.readouterr()
    assert diff_main([str(old), str(new), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["severity"] == "major"
    assert report["changes"][0]["kind"] == "field-removed"
    assert diff_main([str(old), str(new), "--fail-on", "never"]) == 0
    assert diff_main([str(old), str(tmp_path / "missing.json")]) == 2


def test_history_holds_the_current_version(repo: Path) -> None:
    assert "1.0.0" in archived_versions(repo)


def _repo_copy(repo: Path, tmp: Path, edit: Edit | None, version: str | None) -> Path:
    """A tree with schema/ as in `repo`, the schema edited and re-versioned, then archived."""
    (tmp / "schema/history").mkdir(parents=True)
    shutil.copy(archive_path("1.0.0", repo), tmp / "schema/history/1.0.0.json")
    schema = json.loads(archive_path("1.0.0", repo).read_text())
    if edit:
        edit(schema)
    if version:
        schema["x-jamjet-version"] = version
    (tmp / "schema/event.schema.json").write_text(json.dumps(schema, indent=2))
    return tmp


@pytest.mark.parametrize(
    ("edit", "version", "archived", "expected"),
    [
        (None, None, False, None),
        (add_variant, None, False, "changed but its version 1.0.0 did not"),
        (add_variant, "1.0.1", True, "need a minor version bump"),
        (add_variant, "1.1.0", True, None),
        (remove_field("NodeFailed", "error"), "1.1.0", True, "need a major version bump"),
        (remove_field("NodeFailed", "error"), "2.0.0", True, None),
        (add_variant, "1.1.0", False, "schema/history/1.1.0.json is missing"),
    ],
)
def test_version_bump_check(
    repo: Path,
    tmp_path: Path,
    edit: Edit | None,
    version: str | None,
    archived: bool,
    expected: str | None,
) -> None:
    tree = _repo_copy(repo, tmp_path, edit, version)
    if archived:
        archive(tree)
    found = problems(tree)
    if expected is None:
        assert found == []
    else:
        assert any(expected in p for p in found), found


def test_the_real_1_1_0_change_is_classified(repo: Path) -> None:
    old = load_model(archive_path("1.0.0", repo).relative_to(repo))
    new = load_model(archive_path("1.1.0", repo).relative_to(repo))
    changes = {(c.kind, c.where) for c in compare(old, new)}
    assert changes == {
        ("variant-added", "EventKind.node_parked"),
        ("variant-added", "EventKind.segment_boundary"),
        ("field-added-optional-skipped", "EventKind.node_completed.idempotency_key"),
    }
    assert max_severity(compare(old, new)) is Severity.MINOR
    assert bump_problem("1.0.0", "1.1.0", Severity.MINOR) is None
    assert problems(repo) == []


def test_the_rules_document_is_current(repo: Path) -> None:
    text = (repo / "docs/schema-evolution.md").read_text(encoding="utf-8")
    documented = text.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert documented.strip() == rules_markdown().strip(), (
        "regenerate with python -m codegen.diff --rules"
    )
