"""Every kind of schema change, what serde does with it in each direction, and why.

forward:    an OLD reader given data written by the NEW schema.
backward:   a NEW reader given data written by the OLD schema.
same_bytes: data both can read is written back byte for byte as before.

The rules are about the object form, the only one serde writes. serde also reads a
struct from an array of its fields (the sequence form, implementation-defined in the
corpus), and there adding any field breaks new readers of old arrays: serde fills a
missing trailing element only from #[serde(default)], never for an Option.

Severity follows from those three: anything a new reader cannot read, or that
changes canonical bytes, is major; anything an old reader cannot read, or that adds
to the contract, is minor; the rest (documentation) is a patch.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Rule:
    forward: bool
    backward: bool
    same_bytes: bool
    adds: bool
    reason: str

    @property
    def severity(self) -> Severity:
        if not self.backward or not self.same_bytes:
            return Severity.MAJOR
        if not self.forward or self.adds:
            return Severity.MINOR
        return Severity.PATCH


RULES: dict[str, Rule] = {
    "variant-added": Rule(False, True, True, True,
        "serde rejects an unknown variant tag, so old readers fail on the new variant; old data never has it"),
    "variant-removed": Rule(True, False, True, False,
        "new readers reject the removed tag wherever old data has it"),
    "variant-renamed": Rule(False, False, True, False,
        "the tag is the variant's snake_case name: each side rejects the other's spelling"),
    "tag-changed": Rule(False, False, False, False,
        "the member that carries the variant name changed: neither side finds the other's tag"),
    "enum-value-added": Rule(False, True, True, True,
        "old readers reject the unknown unit variant"),
    "enum-value-removed": Rule(True, False, True, False,
        "new readers reject the removed unit variant in old data"),
    "field-added-required": Rule(True, False, False, True,
        "old readers ignore the unknown member, but old data lacks it: serde's 'missing field'"),
    "field-added-optional-skipped": Rule(True, True, True, True,
        "old readers ignore the unknown member; new readers take None when it is missing, and skip it again when writing"),
    "field-added-optional-emitted": Rule(True, True, False, True,
        "both sides read it, but re-writing old data now adds `\"field\":null`"),
    "field-added-default-skipped": Rule(True, True, True, True,
        "missing means the default, and an empty default is skipped again when writing"),
    "field-added-default-emitted": Rule(True, True, False, True,
        "both sides read it, but re-writing old data now adds the default value"),
    "field-removed": Rule(False, True, False, False,
        "new readers ignore the old member as unknown, but it vanishes when re-written, and old readers that required it reject new data"),
    "field-removed-optional": Rule(True, True, False, False,
        "both sides read the data, but the member vanishes when old data is re-written"),
    "field-reordered": Rule(True, True, False, False,
        "serde writes fields in declaration order: canonical bytes change"),
    "integer-widened": Rule(False, True, True, True,
        "new readers read every old value; old readers reject new values beyond the old width"),
    "integer-narrowed": Rule(True, False, True, False,
        "new readers reject old values beyond the new width"),
    "type-changed": Rule(False, False, False, False,
        "the wire type changed: serde's 'invalid type' in both directions"),
    "became-optional": Rule(False, True, True, True,
        "new readers accept what old data has; new writers may write null or omit it, which old readers reject"),
    "became-required": Rule(True, False, True, False,
        "old data may lack the member or have null: new readers reject it"),
    "emission-changed": Rule(True, True, False, False,
        "skip_serializing_if changed: readers are unaffected, canonical bytes are not"),
    "default-changed": Rule(True, True, False, False,
        "a missing member now means another value, and is written back as that value"),
    "node-id-accessor-changed": Rule(True, True, True, True,
        "EventKind::node_id() answers differently for this variant: no wire effect, an API change"),
    "description-changed": Rule(True, True, True, False,
        "documentation only"),
}  # fmt: skip
