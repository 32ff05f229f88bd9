"""The wire constants only the Rust reference can say, recorded from it.

`target/release/jamjet-wire-constants` (reference/testee) asks Rust itself: the
integer bounds, serde_json's recursion limit and error texts, what the visitors of
serde, chrono and uuid expect (the end of an `invalid type` message), and the scalar values
`{:?}` escapes in a str (the Unicode tables of the toolchain that built it). Its
answer is recorded in reference/wire-constants.json, which codegen reads (so
`python -m codegen` needs no Rust build) to emit every runtime's table.

    python -m codegen.rust_facts           # record the file from the built binary
    python -m codegen.rust_facts --check   # fail if the binary says otherwise
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RECORDED = REPO / "reference" / "wire-constants.json"
BINARY = REPO / "target" / "release" / "jamjet-wire-constants"


@dataclass(frozen=True)
class RustFacts:
    integers: dict[str, tuple[int, int]]  # Rust type -> (MIN, MAX)
    recursion_limit: int  # the first nesting depth serde_json refuses
    serde_json_errors: dict[str, str]  # name -> ErrorCode's Display text
    serde_expecting: dict[str, str]  # name -> what a visitor expects (serde, chrono, uuid)
    serde_messages: dict[str, str]  # name -> a data error's text, {placeholders} for values
    debug_escaped_ranges: tuple[tuple[int, int], ...]  # inclusive, sorted
    unicode_version: str  # char::UNICODE_VERSION of the toolchain


def parse(data: dict[str, Any]) -> RustFacts:
    return RustFacts(
        integers={name: (int(low), int(high)) for name, (low, high) in data["integers"].items()},
        recursion_limit=int(data["recursion_limit"]),
        serde_json_errors={str(k): str(v) for k, v in data["serde_json_errors"].items()},
        serde_expecting={str(k): str(v) for k, v in data["serde_expecting"].items()},
        serde_messages={str(k): str(v) for k, v in data["serde_messages"].items()},
        debug_escaped_ranges=tuple((int(a), int(b)) for a, b in data["debug_escaped_ranges"]),
        unicode_version=str(data["unicode_version"]),
    )


def load(path: Path = RECORDED) -> RustFacts:
    return parse(json.loads(path.read_text(encoding="utf-8")))


def ask_rust(binary: Path = BINARY) -> RustFacts:
    """The binary's answer; SystemExit with the build command when it is not built."""
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: run `cargo build --release` first")
    done = subprocess.run([binary], capture_output=True, text=True, check=True, timeout=120)
    return parse(json.loads(done.stdout))


def render(facts: RustFacts) -> str:
    """The recorded file: sorted keys, one range per line (diffs stay readable)."""
    ranges = ",\n".join(f"    [{a}, {b}]" for a, b in facts.debug_escaped_ranges)
    rest = {
        "integers": {name: list(bounds) for name, bounds in sorted(facts.integers.items())},
        "recursion_limit": facts.recursion_limit,
        "serde_json_errors": dict(sorted(facts.serde_json_errors.items())),
        "serde_expecting": dict(sorted(facts.serde_expecting.items())),
        "serde_messages": dict(sorted(facts.serde_messages.items())),
        "unicode_version": facts.unicode_version,
    }
    head = json.dumps(rest, indent=2, ensure_ascii=False)[: -len("\n}")]
    return f'{head},\n  "debug_escaped_ranges": [\n{ranges}\n  ]\n}}\n'


STALE = "{path} is not what the Rust reference says: run `python -m codegen.rust_facts && python -m codegen` and commit"


def stale_message() -> str | None:
    """None when the recorded file is what the built binary says, else what to do."""
    current = RECORDED.read_text(encoding="utf-8") if RECORDED.exists() else ""
    return None if render(ask_rust()) == current else STALE.format(path=RECORDED.relative_to(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.rust_facts", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail on drift instead of writing")
    args = parser.parse_args()
    if args.check:
        problem = stale_message()
        print(
            problem or f"{RECORDED.relative_to(REPO)} is current",
            file=sys.stderr if problem else sys.stdout,
        )
        return 1 if problem else 0
    text = render(ask_rust())
    if not RECORDED.exists() or RECORDED.read_text(encoding="utf-8") != text:
        RECORDED.write_text(text, encoding="utf-8")
        print(f"wrote {RECORDED.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
