"""The emitter goldens: each tests/emitters/<case>/schema.json with, under expected/,
what every emitter makes of it (Rust, native, Python, TypeScript, Java, writer view,
columnar layout).

Left out of the expected files, being copies or tables with tests of their own: the
LICENSE copies, the TypeScript and Java runtimes (runtimes/typescript and runtimes/java,
verbatim, with their constants.ts and WireConstants.java) and the Python table of wire
constants (tests/wire/test_wire_constants.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen.emit import arrow, java, native, python, rust, typescript, writer_schema
from codegen.model import WireModel
from codegen.pipeline import Emitter, load_model

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
EXPECTED = "expected"
# the emitters with goldens (not the Java benchmark's peer: a test harness, not a package)
EMITTERS: list[Emitter] = [
    rust.emit,
    native.emit,
    writer_schema.emit,
    python.emit,
    typescript.emit,
    java.emit,
    arrow.emit,
]
JAVA_RUNTIME = f"{java.SOURCES}/wire/"  # the runtime's copies and its WireConstants.java
_LEFT_OUT = (
    "/LICENSE",
    "generated/typescript/src/runtime/",
    "src/jamjet_schema/wire/_constants.py",
    JAVA_RUNTIME,
)


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path

    @property
    def schema(self) -> Path:
        return (self.folder / "schema.json").relative_to(REPO)

    @property
    def expected(self) -> Path:
        return self.folder / EXPECTED

    def model(self) -> WireModel:
        return load_model(self.schema)

    def outputs(self) -> dict[str, str]:
        """Every emitted file that has a golden, by its path under generated/ (as emitted)."""
        model = self.model()
        return {
            rel: text
            for emit in EMITTERS
            for rel, text in emit(model).items()
            if not any(part in rel for part in _LEFT_OUT)
        }

    def recorded(self) -> dict[str, str]:
        return {
            path.relative_to(self.expected).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(self.expected.rglob("*"))
            if path.is_file()
        }


def cases() -> list[Case]:
    """Every folder here with a schema.json, found by glob."""
    return [Case(path.parent.name, path.parent) for path in sorted(HERE.glob("*/schema.json"))]
