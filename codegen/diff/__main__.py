"""`python -m codegen.diff OLD NEW`: `jamjet-schema diff` in a checkout.

The same command (jamjet_schema.diff.cli), with each schema loaded as the code
generator loads it: checked against the Draft 2020-12 metaschema too.
Exit status: 0 when no change reaches --fail-on (default: major), 1 when one does,
or with --check-bump when NEW's version is not a large enough step from OLD's; 2
when a schema cannot be read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from codegen.pipeline import load_model
from jamjet_schema.diff import cli
from jamjet_schema.wiremodel.model import WireModel


def read(path: Path) -> WireModel:
    return load_model(path.resolve(), Path("/"))


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, read, "python -m codegen.diff")


if __name__ == "__main__":
    sys.exit(main())
