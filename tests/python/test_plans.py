"""The wire rules the Python runtime runs on (generated plans.py) are the wire model's.

codegen/emit/python.py writes each generated class's fields and their rules as plain
data; jamjet_schema.models.plan builds the ClassPlans and writers from that table
alone. Here every struct and variant of the model is checked against its table
entry and against the ClassPlan the runtime builds from it.
"""

from __future__ import annotations

import ast
import typing
from pathlib import Path
from typing import Any

import _jamjet_schema_generated.models as generated
import _jamjet_schema_generated.plans as plans

from codegen.emit import python
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
    VecType,
    WireModel,
)
from jamjet_schema.models import plan as plan_module
from jamjet_schema.models import types as wire_types

PLANS_PY = Path(python.ROOT) / "plans.py"
_NAMED = {Struct: "struct", TaggedUnion: "union", UnitEnum: "enum"}


def _classes(model: WireModel) -> dict[str, tuple[Field, ...]]:
    """Every generated struct and variant class, with its fields as the model has them."""
    out: dict[str, tuple[Field, ...]] = {s.name: s.fields for s in model.of_kind(Struct)}
    for union in model.of_kind(TaggedUnion):
        out.update({v.name: v.fields for v in union.variants})
    return out


def _agrees(model: WireModel, expr: TypeExpr, planned: Any) -> bool:
    expr = model.resolve(expr)
    if isinstance(expr, ScalarType):
        return bool(planned == expr.scalar.name.lower())
    if isinstance(expr, OptionType | VecType):
        constructor = "option" if isinstance(expr, OptionType) else "vec"
        return planned[0] == constructor and _agrees(model, expr.inner, planned[1])
    assert isinstance(expr, NamedType)
    decl = model.decl(expr.name)
    return bool(planned == (_NAMED[type(decl)], decl.name))


def test_every_field_of_the_model_has_its_rules(model: WireModel) -> None:
    variants = {v.name: (u, v) for u in model.of_kind(TaggedUnion) for v in u.variants}
    count = 0
    for name, fields in _classes(model).items():
        expecting, rows = plans.CLASSES[name]
        if name in variants:  # the generated variant declares its tag first
            union, variant = variants[name]
            assert rows[0] == (union.tag, ("tag", variant.wire_name), "reject", "always"), name
            rows = rows[1:]
        assert len(rows) == len(fields), name
        for field, (wire_name, planned, on_missing, on_output) in zip(fields, rows, strict=True):
            assert wire_name == field.name, name
            assert _agrees(model, field.type, planned), (name, field.name, planned)
            assert OnMissing(on_missing) is field.on_missing, (name, field.name)
            assert OnOutput(on_output) is field.on_output, (name, field.name)
            count += 1
        assert expecting == f"struct {name} with {len(plans.CLASSES[name][1])} elements"
    assert count == sum(len(fields) for fields in _classes(model).values()) > 100


def test_the_table_has_nothing_the_model_lacks(model: WireModel) -> None:
    roots = {u.name for u in model.of_kind(TaggedUnion)}
    assert set(plans.CLASSES) == set(_classes(model)) | roots
    assert all(plans.CLASSES[root][1] == () for root in roots)
    assert {
        u.name: (python.union_alias(u), tuple(v.name for v in u.variants))
        for u in model.of_kind(TaggedUnion)
    } == plans.UNIONS


def test_the_runtime_builds_its_plans_from_the_table(model: WireModel) -> None:
    for name, fields in _classes(model).items():
        cls = getattr(generated, name)
        assert plan_module.wire_rules(cls) == plans.CLASSES[name]
        planned = {f.name: f for f in plan_module.plan_of(cls).fields}
        for field in fields:
            built = planned[field.name]
            assert built.serde_default is (field.on_missing is OnMissing.DEFAULT)
            assert (built.skip is None) is (field.on_output is OnOutput.ALWAYS)
            assert plan_module.field_kind(cls.model_fields[field.name]) == built.kind


def test_the_runtime_knows_the_models_names(model: WireModel) -> None:
    assert set(plan_module.SERDE_DEFAULT) == {m.value for m in OnMissing}
    assert set(plan_module.SKIPS) == {o.value for o in OnOutput}
    for scalar in Scalar:  # each name to the rule of the type the emitter declares it as
        annotated = getattr(wire_types, python.python_type(model, ScalarType(scalar)))
        rule = typing.get_args(annotated)[1]
        assert plan_module.SCALARS[scalar.name.lower()] is rule, scalar
    assert len(plan_module.SCALARS) == len(Scalar)


def test_the_table_is_plain_data() -> None:
    tree = ast.parse(PLANS_PY.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        assert not isinstance(node, ast.Import | ast.ImportFrom | ast.Call), ast.dump(node)
    for statement in tree.body[1:]:  # after the docstring: NAME = <literal>
        assert isinstance(statement, ast.Assign)
        ast.literal_eval(statement.value)
