"""The conformance corpus: fixture files loaded as cases.

The corpus is plain data, one JSON file per group under `<tier>/...`, in the format
of conformance/fixture.schema.json. It ships inside the package as
`jamjet_schema/corpus`. The fixture format is checked here in code, not with the
jsonschema package, so that a consumer installing jamjet-schema needs nothing else;
tests/conformance/test_corpus_loading.py keeps these checks in step with the schema.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal, cast

from jamjet_schema.wire._constants import FORMS, PROTOCOL_TYPES
from jamjet_schema.wire._constants import RULES as WIRE_RULES

Tier = Literal["required", "api", "implementation-defined", "evolution"]
CaseClass = Literal["canonical", "accepted", "rejected"]

TIERS: tuple[Tier, ...] = ("required", "api", "implementation-defined", "evolution")
CLASSES: tuple[CaseClass, ...] = ("canonical", "accepted", "rejected")
# The protocol's type names and the rule names come from the wire constants table
# (generated from the wire model; pure data, no models behind it).
TYPE_NAMES: tuple[str, ...] = PROTOCOL_TYPES
RULES: tuple[str, ...] = WIRE_RULES
MANIFEST = "manifest.json"
# The corpus's files beside the fixtures: what it covers, and how failures are grouped.
NOT_FIXTURES = (MANIFEST, "causes.json")
ERAS = "eras"  # eras/<crate>-<version>.json re-record cases as an older build wrote them
ERA_TIER = "era"  # the tier of those files (fixture.schema.json); never loaded as cases here
CORPUS_ENV = "JAMJET_SCHEMA_CORPUS"

_FILE_KEYS = {"$schema", "description", "tier", "cases"}
_CASE_KEYS = {"id", "description", "rule", "type_name", "covers", "class", "input", "output"}
_CASE_KEYS |= {"serde_error", "reader_version", "since", "form"}
_CASE_REQUIRED = ("id", "description", "rule", "type_name", "class", "input")
_ID = re.compile(rf"^({'|'.join(TIERS)})\.[A-Za-z0-9_.+^-]+$")
_VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")
_SHOULD = re.compile(r"\bshould\b")


@dataclass(frozen=True)
class Case:
    """One fixture: a request of the testee protocol and the Rust reference's answer."""

    id: str
    description: str
    rule: str
    type_name: str
    case_class: CaseClass
    input: str
    output: str | None  # None exactly when case_class is "rejected"
    serde_error: str | None
    tier: Tier
    file: Path
    covers_variant: str | None = None
    covers_field: str | None = None
    reader_version: str | None = None  # evolution tier: the older release whose reader answered
    since: str | None = None  # the release that added what the case uses; None: every release
    form: str | None = None  # "api": written back as the HTTP API writes (protocol.md); None: log

    @property
    def required(self) -> bool:
        """Must pass when selected: required cases, and evolution cases for their reader."""
        return self.tier != "implementation-defined"


@dataclass(frozen=True)
class Corpus:
    root: Path
    cases: tuple[Case, ...]

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST


class FixtureError(ValueError):
    """A fixture file does not follow conformance/fixture.schema.json."""

    def __init__(self, file: Path, pointer: str, message: str) -> None:
        super().__init__(f"{file}: {pointer}: {message}")
        self.file, self.pointer = file, pointer


class CorpusNotFound(FileNotFoundError):
    pass


def locate(override: str | os.PathLike[str] | None = None) -> Path:
    """The corpus folder: `override`, else $JAMJET_SCHEMA_CORPUS, else the packaged copy."""
    chosen = override or os.environ.get(CORPUS_ENV)
    if chosen:
        path, origin = Path(chosen), "given"
    else:
        path, origin = Path(str(files("jamjet_schema") / "corpus")), "packaged"
    if not path.is_dir():
        raise CorpusNotFound(
            f"the {origin} corpus folder {path} does not exist "
            f"(pass --corpus DIR or set {CORPUS_ENV})"
        )
    return path


def load(root: str | os.PathLike[str] | None = None) -> Corpus:
    """Loads and checks every fixture file under the corpus folder, in path order."""
    folder = locate(root)
    cases: list[Case] = []
    for path in sorted(folder.rglob("*.json")):
        if path.name not in NOT_FIXTURES and path.relative_to(folder).parts[0] != ERAS:
            cases += load_file(path, folder)
    if not cases:
        raise CorpusNotFound(f"no fixture files under {folder}")
    _check_unique(cases)
    return Corpus(folder, tuple(cases))


def load_file(path: Path, root: Path | None = None) -> list[Case]:
    try:
        doc: object = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FixtureError(path, "$", f"not a JSON document: {err}") from err
    return _FileChecker(path, root).cases(doc)


def _check_unique(cases: list[Case]) -> None:
    first: dict[str, Case] = {}
    index_in_file: dict[Path, int] = {}
    for case in cases:
        index = index_in_file[case.file] = index_in_file.get(case.file, -1) + 1
        if case.id in first:
            raise FixtureError(
                case.file,
                f"$.cases[{index}].id",
                f"{case.id!r} is not unique: {first[case.id].file} uses it too",
            )
        first[case.id] = case


class _FileChecker:
    """The checks of fixture.schema.json, plus what a schema cannot say (`semantics`)."""

    def __init__(self, path: Path, root: Path | None) -> None:
        self.path, self.root = path, root

    def fail(self, pointer: str, message: str) -> FixtureError:
        return FixtureError(self.path, pointer, message)

    def cases(self, doc: object) -> list[Case]:
        top = self.members(doc, "$", _FILE_KEYS, ("description", "tier", "cases"))
        self.text(top, "$", "description")
        tier = cast(Tier, self.choice(top, "$", "tier", TIERS))
        self.tier_matches_folder(tier)
        items = top["cases"]
        if not isinstance(items, list) or not items:
            raise self.fail("$.cases", "must be a non-empty array")
        return [self.case(item, f"$.cases[{i}]", tier) for i, item in enumerate(items)]

    def tier_matches_folder(self, tier: Tier) -> None:
        if self.root is None:
            return
        top_folder = self.path.relative_to(self.root).parts[0]
        if top_folder in TIERS and top_folder != tier:
            raise self.fail("$.tier", f"is {tier!r} but the file is under {top_folder}/")

    def case(self, item: object, at: str, tier: Tier) -> Case:
        obj = self.members(item, at, _CASE_KEYS, _CASE_REQUIRED)
        for key in (
            "id",
            "description",
            "input",
            "output",
            "serde_error",
            "reader_version",
            "since",
        ):
            if key in obj:
                self.text(obj, at, key, non_empty=key in ("id", "description"))
        case_class = cast(CaseClass, self.choice(obj, at, "class", CLASSES))
        variant, field = self.covers(obj, f"{at}.covers")
        case = Case(
            id=cast(str, obj["id"]),
            description=cast(str, obj["description"]),
            rule=self.choice(obj, at, "rule", RULES),
            type_name=self.choice(obj, at, "type_name", TYPE_NAMES),
            case_class=case_class,
            input=cast(str, obj["input"]),
            output=cast("str | None", obj.get("output")),
            serde_error=cast("str | None", obj.get("serde_error")),
            tier=tier,
            file=self.path,
            covers_variant=variant,
            covers_field=field,
            reader_version=cast("str | None", obj.get("reader_version")),
            since=cast("str | None", obj.get("since")),
            form=self.choice(obj, at, "form", FORMS) if "form" in obj else None,
        )
        self.semantics(case, at)
        return case

    def semantics(self, case: Case, at: str) -> None:
        if not _ID.match(case.id):
            raise self.fail(f"{at}.id", f"{case.id!r} is not <tier>.<type>...")
        if not case.id.startswith(f"{case.tier}."):
            raise self.fail(f"{at}.id", f"{case.id!r} does not start with the file's tier")
        if _SHOULD.search(case.description):
            raise self.fail(f"{at}.description", "says 'should': describe what serde does")
        if (case.case_class == "rejected") != (case.output is None):
            raise self.fail(at, "a rejected case has serde_error and no output; others, output")
        if (case.case_class == "rejected") == (case.serde_error is None):
            raise self.fail(at, "a rejected case has serde_error and no output; others, output")
        if case.reader_version is not None and not _VERSION.match(case.reader_version):
            raise self.fail(f"{at}.reader_version", "is not a release number x.y.z")
        if (case.tier == "evolution") != (case.reader_version is not None):
            raise self.fail(at, "evolution cases, and only they, carry reader_version")
        if case.since is not None and not _VERSION.match(case.since):
            raise self.fail(f"{at}.since", "is not a release number x.y.z")
        if case.since is not None and case.tier == "evolution":
            raise self.fail(f"{at}.since", "an evolution case is for its reader_version alone")
        if case.case_class == "canonical" and case.output != case.input:
            raise self.fail(f"{at}.output", "a canonical case is written back byte-identical")

    def covers(self, case: dict[str, object], at: str) -> tuple[str | None, str | None]:
        if "covers" not in case:
            return None, None
        obj = self.members(case["covers"], at, {"variant", "field"}, ())
        for key in obj:
            self.text(obj, at, key, non_empty=False)
        return cast("str | None", obj.get("variant")), cast("str | None", obj.get("field"))

    def members(
        self, value: object, at: str, allowed: set[str], required: tuple[str, ...]
    ) -> dict[str, object]:
        if not isinstance(value, dict):
            raise self.fail(at, f"must be an object, not {type(value).__name__}")
        obj = cast(dict[str, object], value)
        missing = [k for k in required if k not in obj]
        if missing:
            raise self.fail(at, f"missing member(s) {', '.join(missing)}")
        extra = sorted(set(obj) - allowed)
        if extra:
            raise self.fail(f"{at}.{extra[0]}", "is not a member of this format")
        return obj

    def text(self, obj: dict[str, object], at: str, key: str, non_empty: bool = True) -> str:
        value = obj[key]
        if not isinstance(value, str):
            raise self.fail(f"{at}.{key}", "must be a string")
        if non_empty and not value:
            raise self.fail(f"{at}.{key}", "must not be empty")
        return value

    def choice(self, obj: dict[str, object], at: str, key: str, allowed: tuple[str, ...]) -> str:
        value = obj[key]
        if value not in allowed:
            raise self.fail(f"{at}.{key}", f"{value!r} is not one of {', '.join(allowed)}")
        return value
