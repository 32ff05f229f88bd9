"""The generated crate as a Rust user gets it: `cargo package` is clean and ships the
README (the crate's documentation) and the LICENSE; the crate re-exports the crates its
types are made of, and checks that serde_json writes the contract's bytes in the build
it is compiled in. (`cargo test` runs the README's examples and that check.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import pytest

from tests.conftest import REPO

CRATE = REPO / "generated" / "rust"


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_cargo_package_is_clean_and_ships_readme_and_license() -> None:
    done = subprocess.run(
        ["cargo", "package", "-p", "jamjet-schema", "--list", "--allow-dirty", "--quiet"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr, done.stderr
    assert {"Cargo.toml", "LICENSE", "README.md", "src/lib.rs"} <= set(done.stdout.split())


def test_the_manifest_has_the_metadata_of_a_published_crate() -> None:
    package = tomllib.loads((CRATE / "Cargo.toml").read_text(encoding="utf-8"))["package"]
    assert package["license"] == "Apache-2.0" and package["readme"] == "README.md"
    assert package["documentation"] == "https://docs.rs/jamjet-schema"
    assert 0 < len(package["keywords"]) <= 5 and package["categories"]


def test_the_crate_license_is_the_repository_license() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("Apache License\n                           Version 2.0")
    assert (CRATE / "LICENSE").read_text(encoding="utf-8").endswith("\n\n" + text)


def test_the_crate_reexports_uuid_chrono_and_serde_json() -> None:
    lib = (CRATE / "src/lib.rs").read_text(encoding="utf-8")
    assert {"pub use uuid;", "pub use chrono;", "pub use serde_json;"} <= set(lib.splitlines())
    # the crate's documentation is its README, whose examples are doctests
    assert '#![doc = include_str!("../README.md")]' in lib
    readme = (CRATE / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```rust\n(.*?)```", readme, re.S)
    assert any("use jamjet_schema::uuid::Uuid;" in code for code in examples)
    assert any("jamjet_schema::check_serde_json()" in code for code in examples)


def test_the_crate_checks_serde_json_in_its_own_tests() -> None:
    lib = (CRATE / "src/lib.rs").read_text(encoding="utf-8")
    check = lib[lib.index("pub fn check_serde_json()") :]
    # a two-member map written in key order, and a number written as serde_json does
    assert 'r#"{"a":null,"b":null}"#' in check and '"1.5"' in check
    tests = lib[lib.index("#[cfg(test)]") :]
    assert "#[test]" in tests and "check_serde_json()" in tests and "panic!" in tests
