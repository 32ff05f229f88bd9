"""serde_json eras: the versions a corpus is recorded with, and the fixtures an older
serde_json build writes differently.

The runtime's workspace has no Cargo.lock, so logs hold what different builds wrote.
Each `reference/era-<serde_json version>/` is a cargo workspace of its own, with its
own Cargo.lock, building the `rust` testee against that serde_json (`cargo build
--release --locked --manifest-path reference/era-X/Cargo.toml --target-dir target/era-X`).
The versions recorded in the manifest are read from the Cargo.lock files the builds
used, never typed in.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from codegen.pipeline import REPO
from jamjet_schema.conformance.testee import Testee

# The crates whose behaviour the corpus records, as named in Cargo.lock.
RECORDED_CRATES = ("serde", "serde_json", "chrono", "uuid")
ERA_PREFIX = "era-"


@dataclass(frozen=True)
class EraReference:
    """A reference build pinned to an older serde_json, and the versions it was built with."""

    serde_json: str
    versions: Mapping[str, str]
    testee: Testee


ERAS_README = """# Eras: what older serde_json builds write

<!-- Written by `python -m codegen.corpus`; do not edit. -->

The runtime's workspace has no Cargo.lock, so a store holds what different builds
wrote. `serde_json-<version>.json` holds, under their own ids, the required and
implementation-defined fixtures that a reference built with that serde_json
(`reference/era-<version>/`) answers differently: its class, input and output.
Up to 1.0.146 serde_json wrote floats through ryu (`1e21`, `1.8446744073709552e19`);
the corpus itself is recorded with the serde_json of `manifest.json`'s
`recorded_with` (zmij: `1e+21`). `manifest.json`'s `eras` lists each era build's
crates.

These files are not a tier to pass: an implementation that writes as an older
build does can say so (`jamjet-schema conformance --serde-json-era VERSION` judges
these fixtures by the era's answer), and `jamjet-schema validate --canonical`
names the era of a log line written that way.
"""


class EraError(RuntimeError):
    """An era build is missing or does not pin what its folder name says."""


def lock_versions(lock: Path) -> dict[str, str]:
    """The version of each recorded crate in a Cargo.lock (exactly one each)."""
    try:
        packages = tomllib.loads(lock.read_text(encoding="utf-8"))["package"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as err:
        raise EraError(f"{lock}: not a readable Cargo.lock: {err}") from err
    out: dict[str, str] = {}
    for crate in RECORDED_CRATES:
        versions = sorted({p["version"] for p in packages if p["name"] == crate})
        if len(versions) != 1:
            raise EraError(f"{lock}: expected one version of {crate}, found {versions or 'none'}")
        out[crate] = versions[0]
    return out


@dataclass(frozen=True)
class Era:
    """A reference build pinned to one serde_json release."""

    repo: Path
    serde_json: str

    @property
    def workspace(self) -> Path:
        return self.repo / "reference" / f"{ERA_PREFIX}{self.serde_json}"

    @property
    def target_dir(self) -> Path:
        return self.repo / "target" / f"{ERA_PREFIX}{self.serde_json}"

    @property
    def binary(self) -> Path:
        name = "jamjet-testee-serde-json-" + self.serde_json.replace(".", "-")
        return self.target_dir / "release" / name

    def build_command(self) -> list[str]:
        return [
            "cargo",
            "build",
            "--release",
            "--locked",
            "--quiet",
            "--manifest-path",
            str(self.workspace.relative_to(self.repo) / "Cargo.toml"),
            "--target-dir",
            str(self.target_dir.relative_to(self.repo)),
        ]

    def versions(self) -> dict[str, str]:
        """The recorded crates' versions of this build; its serde_json must be the era's."""
        found = lock_versions(self.workspace / "Cargo.lock")
        if found["serde_json"] != self.serde_json:
            raise EraError(
                f"{self.workspace}/Cargo.lock pins serde_json {found['serde_json']}, "
                f"but the folder is the {self.serde_json} era"
            )
        return found

    def testee(self) -> Testee:
        if not self.binary.is_file():
            raise EraError(
                f"the serde_json {self.serde_json} reference is not built ({self.binary}): "
                f"run `{' '.join(self.build_command())}`"
            )
        return Testee((str(self.binary),), self.repo)


def eras(repo: Path) -> list[Era]:
    """Every era build under reference/, oldest serde_json first."""
    found = [
        Era(repo, p.name.removeprefix(ERA_PREFIX))
        for p in (repo / "reference").glob(f"{ERA_PREFIX}*")
        if (p / "Cargo.toml").is_file()
    ]
    return sorted(found, key=lambda e: tuple(int(n) for n in e.serde_json.split(".")))


def main() -> int:
    """`python -m codegen.corpus.era_builds`: builds every era reference (nox runs it)."""
    for era in eras(REPO):
        done = subprocess.run(era.build_command(), cwd=REPO, check=False)
        if done.returncode != 0:
            print(f"the serde_json {era.serde_json} reference did not build", file=sys.stderr)
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
