"""The layout's rules (codegen/emit/arrow/layout.py) on models built for each rule, and
the Arrow schema the package builds from the emitted table."""

from __future__ import annotations

import pytest

from codegen.emit.arrow.layout import LayoutError, layout
from codegen.model import (
    Field,
    NamedType,
    OnMissing,
    OnOutput,
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
from codegen.pipeline import load_model

pa = pytest.importorskip("pyarrow")


def _field(name: str, expr: TypeExpr, on_output: OnOutput = OnOutput.ALWAYS) -> Field:
    return Field(name, expr, OnMissing.REJECT, on_output)


def _model(*variants: Variant) -> WireModel:
    root = Struct(
        "Event",
        (
            _field("id", ScalarType(Scalar.UUID)),
            _field("kind", NamedType("Kind")),
            _field("at", ScalarType(Scalar.TIMESTAMP)),
        ),
    )
    decls = (root, TaggedUnion("Kind", "type", variants), UnitEnum("Choice", (("A", "a"),)))
    return WireModel("0.0.1", "urn:test", "schema.json", "Event", decls)


def test_a_shared_name_of_one_kind_is_one_column() -> None:
    table = layout(
        _model(
            Variant("A", "a", (_field("n", ScalarType(Scalar.U32)),)),
            Variant("B", "b", (_field("n", OptionType(ScalarType(Scalar.U32))),)),
        )
    )
    assert [c.name for c in table.columns] == ["id", "type", "at", "n", "at__text"]
    assert dict(table.variants)["b"][0].column == "n"
    assert table.overflow == (("at", "at__text"),)


def test_a_name_with_two_kinds_or_the_envelopes_is_qualified() -> None:
    table = layout(
        _model(
            Variant("A", "a", (_field("n", ScalarType(Scalar.U32)),)),
            Variant(
                "B",
                "b",
                (_field("n", ScalarType(Scalar.STRING)), _field("id", ScalarType(Scalar.STRING))),
            ),
        )
    )
    columns = {c.name: c.kind for c in table.columns}
    assert columns["n"] == "uint32" and columns["b__n"] == "string" and columns["b__id"] == "string"
    assert [m.column for m in dict(table.variants)["b"]] == ["b__n", "b__id"]


def test_kinds_of_nested_types() -> None:
    table = layout(
        _model(
            Variant(
                "A",
                "a",
                (
                    _field("choice", NamedType("Choice")),
                    _field("tags", VecType(ScalarType(Scalar.STRING)), OnOutput.SKIP_IF_EMPTY),
                    _field("values", VecType(ScalarType(Scalar.JSON))),
                    _field("nested", VecType(VecType(ScalarType(Scalar.U64)))),
                    _field("inner", NamedType("Event")),
                ),
            ),
        )
    )
    kinds = {c.name: c.kind for c in table.columns}
    assert kinds["choice"] == "string"
    assert kinds["tags"] == "list<string>" and kinds["values"] == "list<json>"
    assert kinds["nested"] == "json" and kinds["inner"] == "json"
    assert dict(table.variants)["a"][1].writes == "skip_if_empty"


def test_a_root_without_one_union_is_refused() -> None:
    model = WireModel(
        "0.0.1",
        "urn:test",
        "schema.json",
        "Event",
        (Struct("Event", (_field("id", ScalarType(Scalar.UUID)),)),),
    )
    with pytest.raises(LayoutError, match="one tagged union"):
        layout(model)


def test_the_arrow_schema_is_the_emitted_layout() -> None:
    from jamjet_schema.columnar import arrow_schema

    table = layout(load_model())
    schema = arrow_schema()
    assert schema.names == [c.name for c in table.columns]
    assert schema.field("type").type == pa.dictionary(pa.int16(), pa.string())
    assert schema.field("created_at").type == pa.timestamp("ns", tz="UTC")
    assert schema.field("input_tokens").type == pa.uint64()
    assert schema.field("attempt").type == pa.uint32()
    assert schema.field("sequence").type == pa.int64() and not schema.field("sequence").nullable
    assert schema.field("output").type == pa.json_(pa.string())
    assert schema.field("id").type == pa.string()
    assert schema.metadata[b"jamjet.schema_version"] == table.version.encode()
