"""`python -m codegen.corpus.archive [OUT_DIR]`: the corpus as one versioned release archive.

`jamjet-schema-corpus-<version>.tar.gz` holds, under `jamjet-schema-corpus-<version>/`,
what an implementation in any language needs to run the corpus without this
repository: the fixtures (with manifest.json, causes.json and the serde_json eras),
the fixture format (fixture.schema.json), the testee protocol, the known-failures
format and a README naming the crates it was recorded with. The archive is
reproducible: the same tree gives the same bytes (sorted members, no times, no
owners), so its checksum identifies a corpus.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

from codegen.corpus.record import ROOT
from codegen.pipeline import REPO

# what the archive carries besides the fixtures: (file in the repository, name in the archive)
DOCUMENTS = (
    ("conformance/fixture.schema.json", "fixture.schema.json"),
    ("conformance/protocol.md", "protocol.md"),
    ("conformance/known-failures/README.md", "known-failures.md"),
    ("LICENSE", "LICENSE"),
)


def version() -> str:
    manifest = json.loads((REPO / ROOT / "manifest.json").read_text(encoding="utf-8"))
    found: str = manifest["schema_version"]
    return found


def name() -> str:
    return f"jamjet-schema-corpus-{version()}"


def members() -> Iterator[tuple[str, bytes]]:
    """Each file of the archive, by its path under the top folder, in a fixed order."""
    fixtures = REPO / ROOT
    for path in sorted(p for p in fixtures.rglob("*") if p.is_file()):
        yield f"fixtures/{path.relative_to(fixtures).as_posix()}", path.read_bytes()
    for source, target in DOCUMENTS:
        yield target, (REPO / source).read_bytes()
    yield "README.md", readme().encode("utf-8")


def readme() -> str:
    manifest = json.loads((REPO / ROOT / "manifest.json").read_text(encoding="utf-8"))
    crates = ", ".join(f"{k} {v}" for k, v in sorted(manifest["recorded_with"].items()))
    return f"""# jamjet-schema conformance corpus {version()}

The golden corpus of the JamJet event log's contract (schema version {version()}),
recorded from the Rust reference compiled with real serde ({crates}).
Every fixture is a JSON text with the answer serde gives: the canonical output, or
serde's error. An implementation conforms when, for every fixture of the `required`
and `api` tiers, it accepts and rejects the same inputs and writes byte-identical
output for accepted ones. `implementation-defined` fixtures are reported, never
failing.

- `fixtures/`: one JSON file per group under `<tier>/` (format:
  `fixture.schema.json`); `fixtures/manifest.json` lists what the corpus covers and
  the crates it was recorded with; `fixtures/causes.json` how runners group failures
  by cause; `fixtures/eras/` the answers of older serde_json builds, judged instead
  when an implementation claims that era.
- `protocol.md`: the testee protocol of the Python runner (`jamjet-schema
  conformance`), and what a case asks of an implementation.
- `known-failures.md`: the format of a known-failures list, and its strict rules.

Harnesses that run this corpus in a language's own test runner (JUnit 5, node:test,
cargo test) carry a copy of it; see the conformance README of jamjet-schema.
"""


def build(out_dir: Path) -> Path:
    """The archive, written into `out_dir` (whole or not at all); its path."""
    top = name()
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, data in members():
            info = tarfile.TarInfo(f"{top}/{path}")
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    packed = gzip.compress(raw.getvalue(), compresslevel=9, mtime=0)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{top}.tar.gz"
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(packed)
    partial.replace(target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.corpus.archive", description=__doc__)
    parser.add_argument("out_dir", nargs="?", type=Path, default=REPO / "dist")
    args = parser.parse_args()
    built = build(args.out_dir)
    print(f"{built} ({built.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
