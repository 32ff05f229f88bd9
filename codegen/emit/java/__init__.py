"""The Java emitter: the Maven module dev.jamjet:jamjet-schema (generated/java).

It reads only the WireModel. Records and the sealed interface come from types.py, the
parse/write entry points and the per-type readers/writers (JamjetJson) from codec.py, the
Jackson databind module around them (JamjetModule, databind optional) from module.py; the
serde rules live in the hand-written runtime (runtimes/java, package dev.jamjet.schema.wire),
copied into the module with the header so that generated/java builds on its own; the
runtime's constants come from the wire constants table (java/constants.py: WireConstants.java).
"""

from __future__ import annotations

from pathlib import Path

from codegen.emit.java import constants
from codegen.emit.java.api import envelope
from codegen.emit.java.codec import codec_file
from codegen.emit.java.module import module_file
from codegen.emit.java.names import PACKAGE
from codegen.emit.java.project import gitignore, pom, readme
from codegen.emit.java.types import newtype_file, struct_file, union_file, unit_enum_file
from codegen.header import header, license_copy
from codegen.model import Newtype, Struct, TaggedUnion, UnitEnum, WireModel

ROOT = "generated/java"
SOURCES = f"{ROOT}/src/main/java/dev/jamjet/schema"
REPO = Path(__file__).resolve().parents[3]
RUNTIME = REPO / "runtimes" / "java" / "dev" / "jamjet" / "schema" / "wire"


def emit(model: WireModel, repo: Path = REPO) -> dict[str, str]:
    head = header(model, "//")
    files = {
        f"{ROOT}/pom.xml": pom(model),
        f"{ROOT}/README.md": readme(model),
        f"{ROOT}/.gitignore": gitignore(model),
        f"{SOURCES}/JamjetJson.java": codec_file(model, head),
        f"{SOURCES}/JamjetModule.java": module_file(model, head, PACKAGE),  # optional databind
        # the table the runtime reads its bounds, limits and serde texts from
        f"{SOURCES}/wire/{constants.FILE}": constants.constants_file(model, head),
    }
    if (repo / "LICENSE").exists():
        files[f"{ROOT}/LICENSE"] = license_copy(model, repo)
    for decl in model.decls:
        path = f"{SOURCES}/{decl.name}.java"
        if isinstance(decl, Struct):
            files[path] = struct_file(model, decl, head)
        elif isinstance(decl, TaggedUnion):
            files[path] = union_file(model, decl, head)
        elif isinstance(decl, UnitEnum):
            files[path] = unit_enum_file(decl, head)
        elif isinstance(decl, Newtype):
            files[path] = newtype_file(model, decl, head)
    api = envelope(model)  # the HTTP API's envelope, a record like the model's structs
    files[f"{SOURCES}/{api.name}.java"] = struct_file(model, api, head)
    for source in sorted(RUNTIME.glob("*.java")):
        files[f"{SOURCES}/wire/{source.name}"] = head + source.read_text(encoding="utf-8")
    return files
