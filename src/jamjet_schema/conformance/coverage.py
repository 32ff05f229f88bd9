"""Coverage: how many fixtures pin each type field, variant, variant field and rule.

The manifest (`manifest.json` next to the fixtures) lists what exists:
`{"types": {"Event": {"fields": [...]}, "EventKind": {"variants": {"node_completed":
["node_id", ...]}}}, "rules": [...]}`. A case counts for what its `covers` names:
`variant` (of the union `type_name` is, or else of the union that has it, since an
`Event` nests an `EventKind`), and `field` of that variant, or else of `type_name`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from jamjet_schema.conformance.corpus import Case

Kind = Literal["field", "variant", "variant-field", "rule"]


class ManifestError(ValueError):
    pass


@dataclass(frozen=True)
class Manifest:
    schema_version: str
    rules: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]  # struct type -> its fields
    variants: dict[str, dict[str, tuple[str, ...]]]  # union type -> variant -> its fields


@dataclass(frozen=True)
class Item:
    kind: Kind
    name: str  # "Event.id", "EventKind.node_completed", "EventKind.node_completed.node_id", "tag"
    count: int


@dataclass(frozen=True)
class Coverage:
    schema_version: str
    items: tuple[Item, ...]
    unknown: tuple[str, ...]  # "<case id>: <what its covers names that the manifest lacks>"

    @property
    def missing(self) -> list[Item]:
        """Variants and fields no fixture pins (rules are reported, not required)."""
        return [i for i in self.items if i.count == 0 and i.kind != "rule"]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unknown


def load_manifest(path: Path) -> Manifest:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return _parse(doc)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ManifestError(f"{path}: not a usable corpus manifest: {err}") from err


def _parse(doc: dict[str, object]) -> Manifest:
    types = cast(dict[str, dict[str, object]], doc["types"])
    fields = {t: tuple(cast(list[str], d["fields"])) for t, d in types.items() if "fields" in d}
    variants = {
        t: {v: tuple(fs) for v, fs in cast(dict[str, list[str]], d["variants"]).items()}
        for t, d in types.items()
        if "variants" in d
    }
    rules = tuple(_rule_name(r) for r in cast(list[object], doc.get("rules", [])))
    return Manifest(str(doc.get("schema_version", "?")), rules, fields, variants)


def _rule_name(rule: object) -> str:
    # A rule is listed by name, or as an object carrying its name and a description.
    if isinstance(rule, dict):
        return str(rule.get("name") or rule["rule"])
    return str(rule)


def measure(manifest: Manifest, cases: Iterable[Case]) -> Coverage:
    counts: Counter[str] = Counter()
    unknown: list[str] = []
    for case in cases:
        keys, bad = _keys(manifest, case)
        counts.update(keys)
        unknown += [f"{case.id}: {b}" for b in bad]
    return Coverage(manifest.schema_version, tuple(_items(manifest, counts)), tuple(unknown))


def _items(manifest: Manifest, counts: Counter[str]) -> Iterable[Item]:
    for type_name, fields in manifest.fields.items():
        yield from (Item("field", f"{type_name}.{f}", counts[f"{type_name}.{f}"]) for f in fields)
    for union, variants in manifest.variants.items():
        for variant, fields in variants.items():
            name = f"{union}.{variant}"
            yield Item("variant", name, counts[name])
            yield from (Item("variant-field", f"{name}.{f}", counts[f"{name}.{f}"]) for f in fields)
    yield from (Item("rule", r, counts[f"rule:{r}"]) for r in manifest.rules)


def _keys(manifest: Manifest, case: Case) -> tuple[list[str], list[str]]:
    """The coverage keys a case counts for, and what it names that the manifest lacks."""
    keys: list[str] = [f"rule:{case.rule}"]
    bad: list[str] = []
    field = case.covers_field
    if case.covers_variant is not None:
        union = _union_of(manifest, case.type_name, case.covers_variant)
        if union is None:
            return keys, [f"variant {case.covers_variant}"]
        keys.append(f"{union}.{case.covers_variant}")
        if field is not None and field in manifest.variants[union][case.covers_variant]:
            return [*keys, f"{union}.{case.covers_variant}.{field}"], bad
    if field is not None:
        if field in manifest.fields.get(case.type_name, ()):
            keys.append(f"{case.type_name}.{field}")
        else:
            bad.append(f"field {field}")
    return keys, bad


def _union_of(manifest: Manifest, type_name: str, variant: str) -> str | None:
    if variant in manifest.variants.get(type_name, {}):
        return type_name
    owners = [u for u, vs in manifest.variants.items() if variant in vs]
    return owners[0] if len(owners) == 1 else None
