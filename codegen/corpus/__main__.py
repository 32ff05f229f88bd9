"""`python -m codegen.corpus [--check]`: record the conformance corpus from the Rust reference.

Needs the reference built (`cargo build --release`) and each serde_json era build
(codegen/corpus/era_builds.py). With --check, writes nothing and
fails if any fixture file differs from what the reference answers today.
"""

from __future__ import annotations

import argparse
import sys

from codegen.corpus.era_builds import EraError
from codegen.corpus.readers import era_references, older_readers, recorded_with, reference
from codegen.corpus.record import ROOT, record
from codegen.pipeline import REPO, load_model, stale, write


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.corpus", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail on drift instead of writing")
    args = parser.parse_args()
    model = load_model()
    try:
        versions, eras = recorded_with(), era_references()
    except EraError as err:
        print(f"python -m codegen.corpus: {err}", file=sys.stderr)
        return 2
    files = record(model, reference(), older_readers(model), recorded_with=versions, eras=eras)
    if args.check:
        drift = stale(files)
        orphans = sorted(
            {p.relative_to(REPO).as_posix() for p in (REPO / ROOT).rglob("*.json")} - set(files)
        )
        for rel in [*drift, *orphans]:
            print(f"stale: {rel}", file=sys.stderr)
        if drift or orphans:
            print("the corpus is out of date: run `nox -s regenerate` and commit", file=sys.stderr)
            return 1
        print(f"the corpus is current ({len(files)} files)")
        return 0
    changed = write(files)
    print(f"corpus: {len(files)} files, {len(changed)} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
