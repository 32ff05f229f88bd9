"""`python -m codegen`: regenerate everything under generated/ from the schema."""

from __future__ import annotations

import sys

from codegen.errors import SchemaError
from codegen.pipeline import load_model, render, write


def main() -> int:
    try:
        model = load_model()
    except SchemaError as err:
        print(f"schema error at {err}", file=sys.stderr)
        return 2
    changed = write(render(model))
    for rel in changed:
        print(f"wrote {rel}")
    print(f"schema {model.version}: {len(changed)} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
