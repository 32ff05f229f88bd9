"""The TypeScript view (codegen/emit/typescript/view.py) on models the schema does not
have today: which types change, which keep their names, and the names it refuses.
tests/typescript/src/view.test.ts checks the generated view of the real schema
against the corpus."""

from __future__ import annotations

import dataclasses

import pytest

from codegen.emit.typescript.view import view_ts
from codegen.model import (
    Alias,
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
    Variant,
    VecType,
    WireModel,
)


def field(name: str, type_: TypeExpr, output: OnOutput = OnOutput.ALWAYS) -> Field:
    return Field(name, type_, OnMissing.REJECT, output)


def model(*decls: Struct | TaggedUnion | Alias) -> WireModel:
    return WireModel("9.9.9", "urn:x", "schema/event.schema.json", "Root", decls)


U64 = ScalarType(Scalar.U64)
LABEL = Alias("Label", ScalarType(Scalar.STRING))
COUNT = Alias("Count", U64)


def test_only_bigints_timestamps_and_values_change_aliases_of_the_rest_keep_their_names() -> None:
    fields = (
        field("label", NamedType("Label")),
        field("count", NamedType("Count")),
        field("at", ScalarType(Scalar.TIMESTAMP)),
        field("data", VecType(ScalarType(Scalar.JSON))),
        field("ratio", ScalarType(Scalar.F64)),
    )
    view = view_ts(model(Struct("Root", fields), LABEL, COUNT))
    assert (
        "label: Label;\n  count: number;\n  at: string;\n  data: PlainJson[];\n  ratio: number;"
        in view
    )
    assert "label: value.label," in view and "ratio: value.ratio," in view
    assert 'count: at("count", () => viewInt(value.count)),' in view
    assert 'data: at("data", () => mapVec(exactValue)(value.data)),' in view


def test_a_skipped_option_is_spread_in_when_present_converted_or_not() -> None:
    note = dataclasses.replace(
        field("note", OptionType(ScalarType(Scalar.STRING)), OnOutput.SKIP_IF_NONE),
        on_missing=OnMissing.NONE,
    )
    tokens = field("tokens", OptionType(U64), OnOutput.SKIP_IF_NONE)
    kept = field("kept", OptionType(U64))  # written as null when None
    view = view_ts(model(Struct("Root", (note, tokens, kept))))
    assert "note?: string;\n  tokens?: number;\n  kept: number | null;" in view
    assert '...present("note", value.note),' in view
    assert '...present("tokens", value.tokens, viewInt),' in view
    assert 'kept: at("kept", () => mapOption(viewInt)(value.kept)),' in view


def test_variants_get_a_view_and_the_ui_name_of_root_plus_variant() -> None:
    union = TaggedUnion("Root", "type", (Variant("Done", "done", (field("n", U64),)),))
    view = view_ts(model(union))
    assert "export type RootView =\n  | DoneView;" in view
    assert 'export type DoneView = {\n  type: "done";\n  n: number;\n};' in view
    assert "export type DoneRoot = DoneView;" in view
    assert 'default:\n      throw unknownTag("Root", "type", value);' in view


@pytest.mark.parametrize("taken", ["DoneRoot", "PaintView"])
def test_a_view_name_taken_by_the_model_is_refused(taken: str) -> None:
    union = TaggedUnion("Root", "type", (Variant("Done", "done", ()),))
    paint = Struct("Paint", ())
    with pytest.raises(ValueError, match=taken):
        view_ts(model(union, paint, Struct(taken, ())))
