"""Released schema versions: schema/history/<version>.json, one verbatim copy each.

`nox -s regenerate` archives the current schema under its version. The check fails
when the schema changed but its version did not (the archive no longer matches), or
when the step from the previous release is smaller than the changes need.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from codegen.model import WireModel
from codegen.pipeline import REPO, SCHEMA, load_model
from jamjet_schema.diff.bump import bump_problem, parse_version
from jamjet_schema.diff.compare import compare
from jamjet_schema.diff.render import as_table, max_severity

HISTORY = Path("schema/history")


def archived_versions(repo: Path = REPO) -> list[str]:
    return sorted((p.stem for p in (repo / HISTORY).glob("*.json")), key=parse_version)


def archive_path(version: str, repo: Path = REPO) -> Path:
    return repo / HISTORY / f"{version}.json"


def released_models(current: WireModel, repo: Path = REPO) -> list[WireModel]:
    """The wire models of the releases before `current`, oldest first."""
    return [
        load_model(archive_path(v, repo).relative_to(repo), repo)
        for v in archived_versions(repo)
        if parse_version(v) < parse_version(current.version)
    ]


def archive(repo: Path = REPO) -> Path:
    """Copies the current schema to the history under its version."""
    version = load_model(SCHEMA, repo).version
    target = archive_path(version, repo)
    if not target.exists() or not _same_json(target, repo / SCHEMA):
        target.write_text((repo / SCHEMA).read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _same_json(a: Path, b: Path) -> bool:
    """Same document; layout does not count (reformatting needs no new version)."""
    return bool(
        json.loads(a.read_text(encoding="utf-8")) == json.loads(b.read_text(encoding="utf-8"))
    )


def problems(repo: Path = REPO) -> list[str]:
    current = load_model(SCHEMA, repo)
    found = []
    target = archive_path(current.version, repo)
    if not target.exists():
        found.append(f"{target.relative_to(repo)} is missing: run `nox -s regenerate`")
    elif not _same_json(target, repo / SCHEMA):
        found.append(
            f"{SCHEMA} changed but its version {current.version} did not: bump x-jamjet-version "
            f"(released {current.version} is {target.relative_to(repo)})"
        )
    earlier = [
        v for v in archived_versions(repo) if parse_version(v) < parse_version(current.version)
    ]
    if earlier:
        previous = load_model(archive_path(earlier[-1], repo).relative_to(repo), repo)
        changes = compare(previous, current)
        problem = bump_problem(previous.version, current.version, max_severity(changes))
        if problem:
            found.append(f"{problem}\n{as_table(previous.version, current.version, changes)}")
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        print(f"schema versions are consistent: {', '.join(archived_versions())}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
