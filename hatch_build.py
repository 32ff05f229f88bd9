"""Build hook: the native core (native/, a PyO3 crate) compiled by maturin into the wheel.

hatchling packages the two Python trees (src/jamjet_schema and the generated models);
maturin compiles `_jamjet_schema_native` against CPython's limited API (abi3: one wheel
for CPython 3.11 and later) and this hook puts the extension module beside them, for
regular and editable installs alike; with JAMJET_SCHEMA_MANYLINUX=manylinux2014 it is
linked by zig for a portable manylinux wheel. Without cargo the build stops with a message saying how to get a pure-Python
wheel instead: `JAMJET_SCHEMA_BUILD_NATIVE=0` (the package then runs its exact
pure-Python path).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "_jamjet_schema_native"
SWITCH = "JAMJET_SCHEMA_BUILD_NATIVE"
# The native core uses CPython 3.11's limited API (pyo3's abi3-py311): one wheel serves
# every CPython from 3.11 on.
ABI3 = "cp311-abi3"
# A maturin compatibility policy (manylinux2014, manylinux_2_28): link with zig (the
# ziglang package) for it, so the wheel installs on any Linux with that glibc or later.
MANYLINUX = "JAMJET_SCHEMA_MANYLINUX"


def _maturin() -> list[str]:
    """The maturin of this build's environment. `python -m maturin` finds its binary only
    in a real virtual environment; pip's isolated builds put it beside the package."""
    spec = importlib.util.find_spec("maturin")
    if spec is not None and spec.origin is not None:
        prefix = (
            Path(spec.origin).resolve().parents[4]
        )  # <prefix>/lib/pythonX.Y/site-packages/maturin
        for candidate in (prefix / "bin" / "maturin", prefix / "Scripts" / "maturin.exe"):
            if candidate.exists():
                return [str(candidate)]
    found = shutil.which("maturin")
    return [found] if found else [sys.executable, "-m", "maturin"]


class NativeCoreHook(BuildHookInterface[BuilderConfig]):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get(SWITCH, "1") == "0":
            return
        if shutil.which("cargo") is None:
            raise RuntimeError(
                "building jamjet-schema's native core needs cargo (Rust); install it, "
                f"or set {SWITCH}=0 for a pure-Python wheel"
            )
        extension = self._compile()
        key = "force_include_editable" if version == "editable" else "force_include"
        build_data.setdefault(key, {})[str(extension)] = extension.name  # *.abi3.so
        build_data["pure_python"] = False
        build_data["tag"] = f"{ABI3}-{_platform_tag()}"

    def _compile(self) -> Path:
        """maturin's build of native/ for this interpreter; the extension module file."""
        out = Path(tempfile.mkdtemp(prefix="jamjet-native-"))
        command = [
            *_maturin(), "build", "--release",
            "--manifest-path", str(Path(self.root) / "native" / "Cargo.toml"),
            "--interpreter", sys.executable, "--out", str(out), "--auditwheel", "skip", "--locked",
        ]  # fmt: skip
        if os.environ.get(MANYLINUX):  # linked by zig against an old glibc: any current Linux
            command += ["--zig", "--compatibility", os.environ[MANYLINUX]]
        subprocess.run(command, check=True, stdout=sys.stderr)
        (wheel,) = out.glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            (member,) = [n for n in archive.namelist() if Path(n).name.startswith(f"{MODULE}.")]
            return Path(archive.extract(member, out))


def _platform_tag() -> str:
    """The wheel's platform: a manylinux policy when built for it, else this machine's."""
    policy = os.environ.get(MANYLINUX)
    machine = sysconfig.get_platform().rsplit("-", 1)[-1]
    if policy == "manylinux2014":  # PEP 600's name, and the legacy alias pip 19 reads
        return f"manylinux_2_17_{machine}.manylinux2014_{machine}"
    if policy:
        return f"{policy}_{machine}"
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")
