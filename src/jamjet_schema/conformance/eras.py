"""serde_json eras: the answers of a reference built with an older serde_json.

serde_json up to 1.0.146 writes floats through ryu (`1e21`), later releases through
zmij (`1e+21`); stored logs hold both. An era file, `eras/serde_json-<version>.json`
beside the tiers (tier `era`, member `serde_json`), re-records under their own ids
the required and implementation-defined cases that build answers differently. The
runner judges those ids by the era's answer when asked to (`--serde-json-era`), and
otherwise names the era a testee's failures match.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jamjet_schema.conformance import corpus as corpus_mod
from jamjet_schema.conformance.corpus import Case, FixtureError, Tier

FOLDER = corpus_mod.ERAS
TIER = corpus_mod.ERA_TIER
_FILE_KEYS = {"$schema", "description", "tier", "serde_json", "cases"}
_VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")
_JUDGED_TIERS: tuple[Tier, ...] = (
    "required",
    "api",
    "implementation-defined",
)  # what eras re-record


@dataclass(frozen=True)
class Era:
    """One era file: the serde_json release, and its answer per fixture id."""

    serde_json: str
    file: Path
    cases: Mapping[str, Case]

    def judge_by(self, case: Case) -> Case:
        """`case`, expecting this era's answer where the era re-records it."""
        era = self.cases.get(case.id)
        if era is None:
            return case
        return dataclasses.replace(
            case, case_class=era.case_class, output=era.output, serde_error=era.serde_error
        )


def load(root: Path, known: Iterable[Case]) -> dict[str, Era]:
    """Every era file under `root`/eras, by serde_json release; each case must
    re-record a case of `known` (same id, same type and input)."""
    folder = root / FOLDER
    by_id = {c.id: c for c in known}
    found: dict[str, Era] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        era = load_file(path, by_id)
        if era.serde_json in found:
            raise FixtureError(path, "$.serde_json", f"{era.serde_json} has two era files")
        found[era.serde_json] = era
    return found


def load_file(path: Path, by_id: Mapping[str, Case]) -> Era:
    try:
        doc: object = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FixtureError(path, "$", f"not a JSON document: {err}") from err
    checker = corpus_mod._FileChecker(path, None)
    top = checker.members(doc, "$", _FILE_KEYS, ("description", "tier", "serde_json", "cases"))
    checker.text(top, "$", "description")
    checker.choice(top, "$", "tier", (TIER,))
    version = checker.text(top, "$", "serde_json")
    if not _VERSION.match(version):
        raise FixtureError(path, "$.serde_json", f"{version!r} is not a release number x.y.z")
    items = top["cases"]
    if not isinstance(items, list) or not items:
        raise FixtureError(path, "$.cases", "must be a non-empty array")
    cases = [_case(checker, item, f"$.cases[{i}]", by_id) for i, item in enumerate(items)]
    return Era(version, path, {c.id: c for c in cases})


def _case(
    checker: corpus_mod._FileChecker, item: object, at: str, by_id: Mapping[str, Case]
) -> Case:
    tier = next((t for t in _JUDGED_TIERS if str(_get(item, "id")).startswith(f"{t}.")), None)
    if tier is None:
        why = "an era re-records a required, api or implementation-defined case, under its id"
        raise FixtureError(checker.path, f"{at}.id", why)
    case = checker.case(item, at, tier)
    base = by_id.get(case.id)
    if base is None:
        raise FixtureError(checker.path, f"{at}.id", f"{case.id!r} names no fixture of the corpus")
    if (base.type_name, base.input) != (case.type_name, case.input):
        raise FixtureError(checker.path, at, f"type_name and input differ from {base.file}'s")
    return case


def _get(item: object, key: str) -> object:
    return item.get(key) if isinstance(item, dict) else None


def judged_by(cases: Iterable[Case], era: Era | None) -> list[Case]:
    """The cases, those the era re-records expecting its answer."""
    return [era.judge_by(c) for c in cases] if era is not None else list(cases)
