"""Build hook: the native core (native/, a PyO3 crate) compiled by maturin into the wheel.

hatchling packages the two Python trees (src/jamjet_schema and the generated models);
maturin compiles `_jamjet_schema_native` for the interpreter running the build and
this hook puts the extension module beside them, for regular and editable installs
alike. Without cargo the build stops with a message saying how to get a pure-Python
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
        target = MODULE + sysconfig.get_config_var("EXT_SUFFIX")
        key = "force_include_editable" if version == "editable" else "force_include"
        build_data.setdefault(key, {})[str(extension)] = target
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def _compile(self) -> Path:
        """maturin's build of native/ for this interpreter; the extension module file."""
        out = Path(tempfile.mkdtemp(prefix="jamjet-native-"))
        command = [
            *_maturin(), "build", "--release",
            "--manifest-path", str(Path(self.root) / "native" / "Cargo.toml"),
            "--interpreter", sys.executable, "--out", str(out), "--auditwheel", "skip", "--locked",
        ]  # fmt: skip
        subprocess.run(command, check=True, stdout=sys.stderr)
        (wheel,) = out.glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            suffix = sysconfig.get_config_var("EXT_SUFFIX")
            (member,) = [n for n in archive.namelist() if n.endswith(MODULE + suffix)]
            return Path(archive.extract(member, out))
