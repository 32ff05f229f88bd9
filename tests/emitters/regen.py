"""`python -m tests.emitters.regen`: rewrites every case's expected/ from the emitters.

Review the diff: a golden that changes is an emitter that changed.
"""

from __future__ import annotations

import shutil
import sys

from tests.emitters.goldens import cases


def main() -> int:
    for case in cases():
        shutil.rmtree(case.expected, ignore_errors=True)
        outputs = case.outputs()
        for rel, text in outputs.items():
            path = case.expected / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"{case.name}: {len(outputs)} expected files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
