"""Which release a case needs: the first one that has everything the case uses.

A case of the current schema may use a variant, a field or a unit-enum value that an
older release does not have (or has with other rules): its expected answer is then
not that release's. Such a case records `since` (the release from which on all it
uses is as it is now), and a runner skips it for a testee that reads as an older
release; what such a reader does with newer documents is the evolution tier.

What a case uses: the variant and field it covers, every member of its input that
names a field or a variant (read by walking the JSON text along the types of the
model; the values of `serde_json::Value` fields are data, not members), and, for a
struct read from an array of its fields, the fields the array leaves out (their
absence decides serde's answer). An input that is not JSON uses only what it covers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from codegen.corpus.cases import Case
from codegen.model import (
    Field,
    NamedType,
    OptionType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    VecType,
    WireModel,
)
from jamjet_schema.diff.bump import parse_version
from jamjet_schema.wiremodel.contract_constants import (
    ENVELOPE_MEMBER,
    EVENTS_ARRAY,
    EVENTS_ENVELOPE,
)

Item = tuple[str, str, str]  # ("variant" | "field" | "value", owner, name)


@dataclass(frozen=True)
class _Envelope:
    """The API's envelope: its one member holds the events."""

    events: TypeExpr


class _Object(list[tuple[str, Any]]):
    """A JSON object as its members, in order, repeated keys kept."""


def items(model: WireModel) -> dict[Item, object]:
    """Every variant, field and unit-enum value of `model`, with what its rules are."""
    out: dict[Item, object] = {}

    def fields(owner: str, of: tuple[Field, ...]) -> None:
        for f in of:
            rules = (model.resolve(f.type), f.on_missing, f.on_output, repr(f.default))
            out[("field", owner, f.name)] = rules

    for decl in model.decls:
        if isinstance(decl, Struct):
            fields(decl.name, decl.fields)
        elif isinstance(decl, TaggedUnion):
            for v in decl.variants:
                out[("variant", decl.name, v.wire_name)] = decl.tag
                fields(f"{decl.name}.{v.wire_name}", v.fields)
        elif isinstance(decl, UnitEnum):
            out.update({("value", decl.name, wire): None for _, wire in decl.variants})
    return out


def introduced(releases: Sequence[WireModel]) -> dict[Item, str]:
    """For each item of the last model: the earliest release from which on every
    release (the last one included) has it with the same rules. Oldest release first."""
    *older, current = releases
    now = items(current)
    since = {item: current.version for item in now}
    alive = set(now)  # the items unchanged from the release looked at to the current one
    for model in reversed(older):
        before = items(model)
        alive = {i for i in alive if before.get(i) == now[i]}
        for item in alive:
            since[item] = model.version
    return since


class Needs:
    """`since` for the cases of `releases[-1]` (the current model), oldest release first."""

    def __init__(self, releases: Sequence[WireModel]) -> None:
        self.model = releases[-1]
        self.first = releases[0].version
        self.since = introduced(releases)

    def of(self, case: Case) -> str | None:
        """The release the case needs, or None when every release has what it uses."""
        used = [self.since[i] for i in self.used(case) if i in self.since]
        latest = max(used, key=parse_version, default=self.first)
        return None if latest == self.first else latest

    def used(self, case: Case) -> set[Item]:
        found = self.covered(case)
        try:
            document = json.loads(case.input, object_pairs_hook=_Object)
        except (ValueError, RecursionError):
            return found
        _Walk(self.model, found).value(self.expr(case.type_name), document)
        return found

    def expr(self, type_name: str) -> TypeExpr | _Envelope:
        """The type a protocol type name reads; the API's forms are lists of the root."""
        events = VecType(NamedType(self.model.root))
        if type_name == EVENTS_ARRAY:
            return events
        if type_name == EVENTS_ENVELOPE:
            return _Envelope(events)
        return NamedType(type_name)

    def covered(self, case: Case) -> set[Item]:
        """What the case's `covers` names: a variant (of whichever union has it) and a
        field of that variant, or of the case's own struct."""
        found: set[Item] = set()
        variant = None
        for union in self.model.of_kind(TaggedUnion):
            match = next((v for v in union.variants if v.wire_name == case.variant), None)
            if match is not None:
                found.add(("variant", union.name, match.wire_name))
                variant = (union, match)
        if case.field is None:
            return found
        if variant is not None and any(f.name == case.field for f in variant[1].fields):
            found.add(("field", f"{variant[0].name}.{variant[1].wire_name}", case.field))
        else:
            found.add(("field", case.type_name, case.field))
        return found


class _Walk:
    def __init__(self, model: WireModel, found: set[Item]) -> None:
        self.model, self.found = model, found

    def value(self, expr: TypeExpr | _Envelope, value: Any) -> None:
        if isinstance(expr, _Envelope):
            if isinstance(value, _Object):
                for _, member in (m for m in value if m[0] == ENVELOPE_MEMBER):
                    self.value(expr.events, member)
            return
        expr = self.model.resolve(expr)
        if isinstance(expr, OptionType):
            self.value(expr.inner, value)
        elif isinstance(expr, VecType):
            if isinstance(value, list) and not isinstance(value, _Object):
                for item in value:
                    self.value(expr.inner, item)
        elif isinstance(expr, NamedType):
            decl = self.model.decl(expr.name)
            if isinstance(decl, Struct):
                self.members(decl.name, decl.fields, value)
            elif isinstance(decl, TaggedUnion):
                self.union(decl, value)
            elif isinstance(decl, UnitEnum):
                names = [k for k, _ in value] if isinstance(value, _Object) else [value]
                self.found.update(("value", decl.name, n) for n in names if isinstance(n, str))

    def union(self, union: TaggedUnion, value: Any) -> None:
        if isinstance(value, _Object):
            tags = [v for k, v in value if k == union.tag]
            rest: Any = _Object((k, v) for k, v in value if k != union.tag)
        elif isinstance(value, list) and value:
            tags, rest = value[:1], value[1:]
        else:
            return
        known = {v.wire_name: v for v in union.variants}
        for tag in tags:
            if isinstance(tag, str) and tag in known:
                self.found.add(("variant", union.name, tag))
                self.members(f"{union.name}.{tag}", known[tag].fields, rest)

    def members(self, owner: str, fields: tuple[Field, ...], value: Any) -> None:
        by_name = {f.name: f for f in fields}
        if isinstance(value, _Object):
            for key, member in value:
                if key in by_name:
                    self.found.add(("field", owner, key))
                    self.value(by_name[key].type, member)
        elif isinstance(value, list):
            for index, f in enumerate(fields):
                self.found.add(("field", owner, f.name))  # given, or missing: both decide
                if index < len(value):
                    self.value(f.type, value[index])
