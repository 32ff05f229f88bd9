"""`python -m codegen`: regenerate everything under generated/ from the schema.

`python -m codegen --check` writes nothing and fails if any generated file differs
from what the schema gives, if generated/ tracks a file no emitter makes, or (where
the Rust reference is built) if reference/wire-constants.json is not what it says.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from codegen import history, rust_facts
from codegen.errors import SchemaError
from codegen.pipeline import REPO, load_model, render, stale, write


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail on drift instead of writing")
    args = parser.parse_args()
    try:
        model = load_model()
    except SchemaError as err:
        print(f"schema error at {err}", file=sys.stderr)
        return 2
    files = render(model)
    if args.check:
        return _check(files) or _check_history() or _check_rust_facts()
    changed = write(files)
    history.archive()
    for rel in changed:
        print(f"wrote {rel}")
    print(f"schema {model.version}: {len(changed)} file(s) changed")
    return 0


def _check(files: dict[str, str]) -> int:
    drift = stale(files)
    orphans = sorted(set(_tracked_generated()) - set(files))
    for rel in drift:
        print(f"stale: {rel}", file=sys.stderr)
    for rel in orphans:
        print(f"not made by any emitter: {rel}", file=sys.stderr)
    if drift or orphans:
        print("generated/ is out of date: run `nox -s regenerate` and commit", file=sys.stderr)
        return 1
    print(f"generated/ is current ({len(files)} files)")
    return 0


def _check_history() -> int:
    found = history.problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


def _check_rust_facts() -> int:
    """reference/wire-constants.json against the Rust reference, where it is built (in a
    fresh checkout it is not yet: `nox -s check` runs `codegen.rust_facts --check` after
    the build)."""
    if not rust_facts.BINARY.exists():
        print(f"not built: {rust_facts.BINARY.relative_to(REPO)} (wire constants not checked)")
        return 0
    problem = rust_facts.stale_message()
    if problem:
        print(problem, file=sys.stderr)
    return 1 if problem else 0


def _tracked_generated() -> list[str]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "generated"], cwd=REPO, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return []  # not a git checkout: only drift can be checked
    return out.stdout.split()


if __name__ == "__main__":
    sys.exit(main())
