"""Stage after the emitters: ask the Rust reference about every case and write the corpus.

The reference's answer is the expectation; nothing here is typed in by hand. Cases
whose predictions exist (cases.py) are checked against the same answers by the test
suite, so a wrong prediction and a wrong reference cannot agree silently.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from codegen.corpus.api_cases import Exact, Verdicts, api_cases
from codegen.corpus.cases import Case, all_cases
from codegen.corpus.edge_cases import edge_cases
from codegen.corpus.era_builds import ERAS_README, EraReference
from codegen.corpus.evolution import evolution_cases
from codegen.corpus.inexact import float_literals, inexact_literals
from codegen.corpus.since import Needs
from codegen.corpus.suite_inputs import suite_cases
from codegen.model import Struct, TaggedUnion, WireModel
from codegen.pipeline import REPO
from jamjet_schema.conformance.corpus import ERA_TIER, ERAS, RULES
from jamjet_schema.conformance.testee import Outcome, Request, Testee
from jamjet_schema.wiremodel.contract_constants import EVENTS_ARRAY, EVENTS_ENVELOPE

ROOT = "conformance/fixtures"
CAUSES = "conformance/causes.json"  # hand-written: how runners group failures by cause


@dataclass(frozen=True)
class Recorded:
    case: Case
    outcome: Outcome
    tier: str
    reader_version: str | None = None
    since: str | None = None  # the release the case needs (since.py); None: every release

    def fixture(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": f"{self.tier}.{self.case.id}",
            "description": self.case.description,
            "rule": self.case.rule,
            "type_name": self.case.type_name,
        }
        if self.reader_version:
            out["reader_version"] = self.reader_version
        if self.since:
            out["since"] = self.since
        if self.case.form:
            out["form"] = self.case.form
        covers = {
            k: v for k, v in (("variant", self.case.variant), ("field", self.case.field)) if v
        }
        if covers:
            out["covers"] = covers
        out["class"] = self.klass
        out["input"] = self.case.input
        key = "output" if self.outcome.accepted else "serde_error"
        out[key] = self.outcome.text
        return out

    @property
    def klass(self) -> str:
        if not self.outcome.accepted:
            return "rejected"
        return "canonical" if self.outcome.text == self.case.input else "accepted"


def corpus_cases(model: WireModel, reference: Testee | None = None) -> list[Case]:
    """The cases of `model`; with the `reference`, also the api tier's (which asks it
    which documents are valid events)."""
    cases = all_cases(model) + edge_cases(model)
    cases += suite_cases(model, cases)
    if reference is None:
        return cases
    return cases + api_cases(model, _verdicts(reference), _exact(reference))


def _exact(reference: Testee) -> Exact:
    def exact(texts: Sequence[str]) -> list[bool]:
        inexact = inexact_literals(reference, texts)
        return [not (float_literals(t) & inexact) for t in texts]

    return exact


def _verdicts(testee: Testee) -> Verdicts:
    def ask(requests: Sequence[tuple[str, str, str | None]]) -> list[str | None]:
        outcomes = testee.run([Request(t, text, form=form) for t, text, form in requests])
        return [o.text if o.accepted else None for o in outcomes]

    return ask


@dataclass(frozen=True)
class OlderReader:
    """A released schema version and a testee that reads as that release does."""

    model: WireModel
    testee: Testee


def _ask(testee: Testee, cases: list[Case]) -> list[Outcome]:
    outcomes = testee.run([Request(c.type_name, c.input, form=c.form) for c in cases])
    skipped = [c.id for c, o in zip(cases, outcomes, strict=True) if o.verdict == "skipped"]
    if skipped:
        raise RuntimeError(f"{testee.describe()} skipped cases: {skipped[:5]}")
    return outcomes


def record(
    model: WireModel,
    reference: Testee,
    older: Sequence[OlderReader] = (),
    releases: Sequence[WireModel] | None = None,
    recorded_with: Mapping[str, str] | None = None,
    eras: Sequence[EraReference] = (),
) -> dict[str, str]:
    """Every fixture file of the corpus, by path relative to the repository root.

    `releases`: the released models before `model`, oldest first (default: those of
    schema/history), for the release each case needs (since.py). `recorded_with`: the
    crate versions of the reference build (eras.lock_versions); `eras`: older serde_json
    builds, each re-recording the fixtures whose bytes it writes differently."""
    if releases is None:
        from codegen.history import released_models

        releases = released_models(model)
    needs = Needs([*releases, model])
    cases = corpus_cases(model, reference)
    outcomes = _ask(reference, cases)
    recorded = [
        Recorded(c, o, tier, since=needs.of(c))
        for c, o, tier in zip(cases, outcomes, _tiers(reference, cases, outcomes), strict=True)
    ]
    for reader in older:
        evolution = [e.case for e in evolution_cases(reader.model, model)]
        answers = _ask(reader.testee, evolution)
        recorded += [
            Recorded(c, o, "evolution", reader.model.version)
            for c, o in zip(evolution, answers, strict=True)
        ]
    files = {
        path: _file_text(desc, tier, group)
        for path, (desc, tier, group) in _groups(recorded).items()
    }
    for era in eras:
        era_file = _era_file(era, recorded)
        if era_file is not None:
            files[f"{ROOT}/{ERAS}/serde_json-{era.serde_json}.json"] = era_file
    if eras:
        files[f"{ROOT}/{ERAS}/README.md"] = ERAS_README
    files[f"{ROOT}/manifest.json"] = _dump(manifest(model, recorded_with, eras))
    # how runners group failures: carried with the fixtures to every package and harness
    files[f"{ROOT}/causes.json"] = (REPO / CAUSES).read_text(encoding="utf-8")
    files[f"{ROOT}/required/README.md"] = required_readme(model)
    return files


def _era_file(era: EraReference, recorded: Sequence[Recorded]) -> str | None:
    """The fixtures (not evolution) whose verdict or bytes differ in `era`'s build;
    serde's error messages are never compared, so a changed message is no difference."""
    current = [r for r in recorded if r.tier != "evolution"]
    answers = _ask(era.testee, [r.case for r in current])
    differing = [
        replace(r, outcome=o).fixture()
        for r, o in zip(current, answers, strict=True)
        if _answer(o) != _answer(r.outcome)
    ]
    if not differing:
        return None
    return _dump(
        {
            "description": f"The fixtures a build with serde_json {era.serde_json} answers "
            "differently, re-recorded from that build: the bytes logs of that era hold",
            "tier": ERA_TIER,
            "serde_json": era.serde_json,
            "cases": differing,
        }
    )


def _answer(outcome: Outcome) -> tuple[bool, str | None]:
    return outcome.accepted, outcome.text if outcome.accepted else None


def required_readme(model: WireModel) -> str:
    """The README of the required tier; what it counts is counted from the model."""
    unions = "".join(
        f"- `{u.name}/<variant>.json`: each of the {len(u.variants)} variants, whole and field "
        f"by field;\n  `{u.name}/tag.json`: the internal tag itself.\n"
        for u in model.of_kind(TaggedUnion)
    )
    structs = ", ".join(f"`{s.name}/`" for s in model.of_kind(Struct))
    return (
        "# Tier: required\n\n"
        "<!-- Written by `python -m codegen.corpus` from the wire model; do not edit. -->\n\n"
        "Every implementation must give the Rust reference's verdict on each case here and,\n"
        "when it accepts, byte-identical output. These are the rules of the contract: the\n"
        "tag, field presence, null versus omitted, defaults, unknown and duplicate fields,\n"
        "integer widths, float and timestamp formatting, UUIDs, `serde_json::Value`\n"
        "canonicalisation, string escapes, nesting depth, JSON syntax.\n\n"
        f"- {structs}: the struct, whole and field by field.\n"
        f"{unions}"
        "- `wire/<rule>.json`: one edge value at a time, in a field of the right type.\n"
        "- `documents/<category>.json`: whole documents, each with one wire-heavy value\n"
        "  (float spellings, timestamps, UUIDs, Values, strings, syntax, serde's quirks):\n"
        "  the inputs the differential suites put to this project's own implementations.\n\n"
        "Each per-field case varies one field of a base document whose other fields hold the\n"
        "most ordinary values (small integers, sorted keys, plain strings), so a bug fails\n"
        "the fixtures of its own rule; boundary values have fixtures of their own.\n\n"
        "A case with `since` uses something its schema release added or changed (a variant,\n"
        "a field): a reader of an earlier release (`--reader-version`) skips it, and the\n"
        "evolution tier records what such a reader does with these documents instead.\n"
    )


def _tiers(reference: Testee, cases: Sequence[Case], outcomes: Sequence[Outcome]) -> list[str]:
    """implementation-defined for the cases marked so and the accepted ones holding a
    literal serde_json parses inexactly (inexact.py); required for the rest."""
    accepted = [c.input for c, o in zip(cases, outcomes, strict=True) if o.accepted]
    inexact = inexact_literals(reference, accepted)
    return [
        "implementation-defined"
        if c.implementation_defined or (o.accepted and float_literals(c.input) & inexact)
        else c.tier or "required"
        for c, o in zip(cases, outcomes, strict=True)
    ]


def _groups(recorded: Sequence[Recorded]) -> dict[str, tuple[str, str, list[Recorded]]]:
    groups: dict[str, tuple[str, str, list[Recorded]]] = {}
    members: dict[str, list[Recorded]] = defaultdict(list)
    for r in recorded:
        path, description = _place(r)
        members[path].append(r)
        groups[path] = (description, r.tier, members[path])
    return dict(sorted(groups.items()))


def _place(r: Recorded) -> tuple[str, str]:
    c = r.case
    if r.tier == "evolution":
        return (
            f"{ROOT}/evolution/{r.reader_version}-reader.json",
            f"Documents of later schema versions, read by a {r.reader_version} reader",
        )
    if r.tier == "api":
        single = (
            f"One {c.type_name} as the runtime's HTTP API writes it (members sorted), read back"
        )
        return f"{ROOT}/api/{c.type_name}.json", _API_GROUPS.get(c.type_name, single)
    if r.tier == "implementation-defined":
        group = c.rule if c.implementation_defined else "float-format"  # else: inexact.py
        return f"{ROOT}/implementation-defined/{group}.json", _TIER_GROUPS[group]
    if ".document." in c.id:
        category = c.id.split(".document.", 1)[1].split(".")[0]
        return (
            f"{ROOT}/required/documents/{category}.json",
            f"Whole documents, each with one wire-heavy value ({category})",
        )
    if c.rule in _WIRE_RULES and c.id.count(f".{c.rule}.") == 1:
        return (
            f"{ROOT}/required/wire/{c.rule}.json",
            f"Wire rule {c.rule}, one edge value at a time",
        )
    if c.variant:
        return (
            f"{ROOT}/required/{c.type_name}/{c.variant}.json",
            f"{c.type_name} variant {c.variant}: the whole document and every field",
        )
    if ".tag." in c.id:
        return f"{ROOT}/required/{c.type_name}/tag.json", f"{c.type_name}: the internal tag `type`"
    if c.rule == "json-syntax":
        return f"{ROOT}/required/wire/json-syntax.json", "JSON text as serde_json reads it"
    return (
        f"{ROOT}/required/{c.type_name}/{c.type_name}.json",
        f"{c.type_name}: the whole document and every field",
    )


_API_GROUPS = {
    EVENTS_ENVELOPE: "The envelope `GET /executions/{id}/events` answers, in both forms",
    EVENTS_ARRAY: "A JSON array of events, in both forms",
}

_WIRE_RULES = {
    "float-format",
    "integer-width",
    "timestamp",
    "uuid",
    "value-canonicalisation",
    "unicode-escapes",
    "nesting-depth",
}
_TIER_GROUPS = {
    "sequence-form": "serde reads a struct (or a variant, tag first) from an array of its fields in declaration order, filling only #[serde(default)] fields when it is short; other implementations may reject it",
    "snake-case": 'serde also reads a unit variant from its externally tagged map form ({"approved": null}), checking the map\'s value only inside the buffered `kind`; other implementations may reject it',
    "unknown-field": "serde skips an unknown member of a struct without checking its value (a lone surrogate, a number out of range, nesting past the limit pass), but buffers and checks every member of an internally tagged enum; other implementations may check both or neither",
    "float-format": "serde_json's default float parser is not correctly rounded on these inputs; a correctly rounded parser differs in the last bit",
}


def _file_text(description: str, tier: str, group: list[Recorded]) -> str:
    return _dump({"description": description, "tier": tier, "cases": [r.fixture() for r in group]})


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


def manifest(
    model: WireModel,
    recorded_with: Mapping[str, str] | None = None,
    eras: Sequence[EraReference] = (),
) -> dict[str, Any]:
    """Every type, variant, field and rule, so coverage can name what no fixture pins;
    and the crate versions the corpus and each era were recorded with."""
    types: dict[str, Any] = {
        s.name: {"fields": [f.name for f in s.fields]} for s in model.of_kind(Struct)
    }
    for union in model.of_kind(TaggedUnion):
        types[union.name] = {
            "variants": {v.wire_name: [f.name for f in v.fields] for v in union.variants}
        }
    out: dict[str, Any] = {"schema_version": model.version, "rules": list(RULES), "types": types}
    if recorded_with is not None:
        out["recorded_with"] = dict(recorded_with)
    if eras:
        out["eras"] = {e.serde_json: dict(e.versions) for e in eras}
    return out
