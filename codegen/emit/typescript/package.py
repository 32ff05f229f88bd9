"""The package around the generated code: src/index.ts, package.json, tsconfig.json,
README.md, scripts/build.mjs, .npmrc, .gitignore, LICENSE, and the runtime's copy."""

from __future__ import annotations

import json
from pathlib import Path
from string import Template

from codegen.header import header, header_lines, license_copy
from codegen.model import TaggedUnion, WireModel

from .imports import REPO, RUNTIME, RUNTIME_SOURCES, runtime_exports
from .naming import literal, protocol_decls

ROOT = "generated/typescript"
PACKAGE = "@jamjet/schema"
LICENSE = "Apache-2.0"
TEMPLATES = REPO / "codegen" / "templates" / "typescript"  # tsconfig, README, build script
TYPESCRIPT_VERSION = "5.9.3"  # pinned: the same compiler as tests/typescript/package-lock.json


def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


# The runtime's names the package's entry point re-exports for users (the whole
# runtime is the "@jamjet/schema/runtime" entry point); whether each is a type is
# read from the runtime's index.ts.
PUBLIC_RUNTIME = [
    "WireError",
    "Timestamp",
    "JsonObject",
    "toJsonNode",
    "fromJsonNode",
    "parseUuid",
    "formatPath",
    "JsonNode",
    "PlainJson",
    "PathSegment",
    "PlainOptions",
    "TimestampParts",
    "Form",
]


def index_ts(model: WireModel) -> str:
    runtime = runtime_exports()
    runtime.require(PUBLIC_RUNTIME)
    values = [n for n in PUBLIC_RUNTIME if n in runtime.values]
    types = [f"type {n}" for n in PUBLIC_RUNTIME if n not in runtime.values]
    names = "".join(f"  {n},\n" for n in values + types)
    return (
        header(model, "//")
        + "// The package's entry point: the generated API and the runtime types it uses.\n\n"
        + "/** The version of the schema this package was generated from. */\n"
        f"export const SCHEMA_VERSION = {literal(model.version)};\n\n"
        'export * from "./types.js";\n'
        'export * from "./decode.js";\n'
        'export * from "./encode.js";\n'
        'export * from "./builders.js";\n'
        'export * from "./view.js";\n'
        f'export {{\n{names}}} from "{RUNTIME}";\n'
    )


def package_json(model: WireModel) -> str:
    # JSON has no comments: the header goes in the conventional "//" key.
    data = {
        "//": " ".join(header_lines(model)),
        "name": PACKAGE,
        "version": model.version,
        "description": "Types, parser and serializer of the JamJet event log, byte-exact with the Rust runtime's serde.",
        "license": LICENSE,
        "type": "module",
        "sideEffects": False,
        "main": "./dist/index.js",
        "types": "./dist/index.d.ts",
        "exports": {
            ".": {"types": "./dist/index.d.ts", "default": "./dist/index.js"},
            "./runtime": {
                "types": "./dist/runtime/index.d.ts",
                "default": "./dist/runtime/index.js",
            },
            "./package.json": "./package.json",
        },
        "files": ["dist", "src"],
        "engines": {"node": ">=20"},  # global crypto.randomUUID for newEvent
        # scripts/build.mjs finds the pinned compiler: `npm pack` works with nothing installed here
        "scripts": {"build": "node scripts/build.mjs", "prepack": "npm run build"},
        "devDependencies": {"typescript": TYPESCRIPT_VERSION},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def readme(model: WireModel, has_license: bool = True) -> str:
    comment = "".join(f"<!-- {line} -->\n" for line in header_lines(model))
    return comment + Template(template("README.md")).substitute(
        package=PACKAGE,
        version=model.version,
        types=type_summary(model),
        license=f"{LICENSE} (see LICENSE)" if has_license else LICENSE,
        typescript=TYPESCRIPT_VERSION,
    )


def type_summary(model: WireModel) -> str:
    """What the package reads and writes, counted from the model:
    "`Event`, the 46 variants of `EventKind`, `ProvenanceMetadata`"."""
    return ", ".join(
        f"the {len(d.variants)} variant{'' if len(d.variants) == 1 else 's'} of `{d.name}`"
        if isinstance(d, TaggedUnion)
        else f"`{d.name}`"
        for d in protocol_decls(model)
    )


def npmrc(model: WireModel) -> str:
    # npm reads a project's .npmrc from the folder it runs in; it never packs it.
    return (
        header(model, "#")
        + "# A generated folder keeps no lockfile: `npm install` here writes none.\n"
        + "# The pinned toolchain's lockfile is tests/typescript/package-lock.json.\n"
        + "package-lock=false\n"
    )


def gitignore(model: WireModel) -> str:
    # Only the tarballs: dist/ and node_modules/ are ignored at the repository root.
    return header(model, "#") + "# what `npm pack` leaves here\n/*.tgz\n"


def license_file(model: WireModel, repo: Path = REPO) -> str | None:
    """The repository's LICENSE under the header, for the tarball; None while it has none."""
    return license_copy(model, repo) if (repo / "LICENSE").is_file() else None


def runtime_files(model: WireModel) -> dict[str, str]:
    """The hand-written runtime (runtimes/typescript), copied verbatim under the header."""
    out = {}
    for path in sorted(RUNTIME_SOURCES.glob("*.ts")):
        if path.name == "constants.ts":
            raise ValueError(f"{path}: constants.ts is generated (from the wire constants)")
        origin = f"// Copied from runtimes/typescript/{path.name}: edit it there.\n\n"
        out[f"{ROOT}/src/runtime/{path.name}"] = (
            header(model, "//") + origin + path.read_text(encoding="utf-8")
        )
    return out
