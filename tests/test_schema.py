"""The canonical schema itself: valid Draft 2020-12, and the contract file field for field."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from codegen.emit.rust import rust_type, serde_attr
from codegen.model import Field, Struct, TaggedUnion, UnitEnum, WireModel
from tests.seed_source import SEED, RustField, read_seed


def test_schema_is_valid_draft_2020_12(repo: Path) -> None:
    schema = json.loads((repo / "schema/event.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_writer_view_is_valid_draft_2020_12(repo: Path) -> None:
    writer = json.loads((repo / "generated/jsonschema/event.writer.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(writer)


def test_seed_copy_is_the_contract(repo: Path) -> None:
    shared = repo.parent / "shared" / "seed" / "event.rs"
    if not shared.exists():
        pytest.skip("no ../shared/seed beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


def _field_rule(field: Field) -> tuple[str, str, list[str]]:
    attr = serde_attr(field)
    args = [a.strip() for a in attr[len("#[serde(") : -2].split(",")] if attr else []
    return field.name, rust_type(field.type), args


def _seed_rule(field: RustField) -> tuple[str, str, list[str]]:
    return field.name, field.rust_type.replace("EventSequence", "i64"), field.serde


def _model_rule(field: Field) -> tuple[str, str, list[str]]:
    name, rust, args = _field_rule(field)
    return name, rust.replace("EventSequence", "i64"), args


def test_structs_match_the_contract_field_for_field(seed_model: WireModel) -> None:
    seed = read_seed()
    for struct in seed_model.of_kind(Struct):
        expected = [_seed_rule(f) for f in seed.items[struct.name].fields]
        assert [_model_rule(f) for f in struct.fields] == expected, struct.name


def test_variants_match_the_contract_field_for_field(seed_model: WireModel) -> None:
    seed = read_seed()
    union = seed_model.of_kind(TaggedUnion)[0]
    seed_enum = seed.items[union.name]
    assert seed_enum.serde == [f'tag = "{union.tag}"', 'rename_all = "snake_case"']
    assert [v.name for v in union.variants] == list(seed_enum.variants)
    for variant in union.variants:
        expected = [_seed_rule(f) for f in seed_enum.variants[variant.name]]
        assert [_model_rule(f) for f in variant.fields] == expected, variant.name


def test_node_id_accessor_lists_the_contracts_variants(seed_model: WireModel) -> None:
    union = seed_model.of_kind(TaggedUnion)[0]
    accessor = [v.name for v in union.variants if v.has_node_id_accessor]
    assert sorted(accessor) == sorted(read_seed().node_id_variants)
    with_field = [v.name for v in union.variants if any(f.name == "node_id" for f in v.fields)]
    assert set(with_field) - set(accessor) == {"ToolCalled", "CriticVerdict"}


def test_unit_enum_matches_the_contract(seed_model: WireModel) -> None:
    seed = read_seed()
    for decl in seed_model.of_kind(UnitEnum):
        assert [rust for rust, _ in decl.variants] == list(seed.items[decl.name].variants)


def test_release_1_1_0_is_the_upstream_change(seed_model: WireModel, model: WireModel) -> None:
    """1.1.0 adds what the runtime added after event.rs: two variants and one field."""
    before = seed_model.of_kind(TaggedUnion)[0]
    after = model.of_kind(TaggedUnion)[0]
    names = [v.name for v in after.variants]
    assert names == [
        *[v.name for v in before.variants][:8],
        "NodeParked",
        *[v.name for v in before.variants][8:],
        "SegmentBoundary",
    ]
    parked, boundary = after.variant("node_parked"), after.variant("segment_boundary")
    assert [_model_rule(f) for f in parked.fields] == [
        ("node_id", "NodeId", []),
        ("attempt", "u32", []),
        ("retry_after", "String", []),
    ]
    assert parked.has_node_id_accessor and not boundary.has_node_id_accessor
    assert [_model_rule(f) for f in boundary.fields] == [
        ("segment_number", "u32", []),
        ("next_execution_id", "String", []),
    ]
    completed = after.variant("node_completed").fields
    assert _model_rule(completed[-1]) == (
        "idempotency_key",
        "Option<String>",
        ['skip_serializing_if = "Option::is_none"'],
    )
    assert [f.name for f in completed[:-1]] == [
        f.name for f in before.variant("node_completed").fields
    ]
