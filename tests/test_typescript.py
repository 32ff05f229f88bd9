"""The TypeScript emitter on models the schema does not have today.

tests/typescript (node --test) checks the generated package for the real schema
against the Rust reference; these pin the emitter's branches that schema does not
reach, so a future schema change meets code that was exercised.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from codegen.emit import typescript
from codegen.emit.typescript.imports import imports, runtime_exports
from codegen.emit.typescript.naming import SCALARS
from codegen.model import (
    Decl,
    Field,
    NamedType,
    OnMissing,
    OnOutput,
    OptionType,
    Scalar,
    ScalarType,
    Struct,
    TaggedUnion,
    TypeExpr,
    UnitEnum,
    Variant,
    VecType,
    WireModel,
)

STRING = ScalarType(Scalar.STRING)


def field(
    name: str, type_: TypeExpr, missing: OnMissing = OnMissing.REJECT, default: object = None
) -> Field:
    return Field(name, type_, missing, OnOutput.ALWAYS, default)


def small_model(*decls: Decl) -> WireModel:
    return WireModel("9.9.9", "urn:x", "schema/event.schema.json", "Root", decls)


COLOUR = UnitEnum("Colour", (("Red", "red"), ("Blue", "blue")))
PAINT = Struct("Paint", (field("colour", NamedType("Colour")),))
UNION = TaggedUnion(
    "Root",
    "type",
    (Variant("Painted", "painted", (field("paint", NamedType("Paint")),)),),
)


def test_a_unit_enum_inside_a_struct_gets_the_buffered_flag_threaded_through() -> None:
    decode = typescript.decode_ts(small_model(UNION, PAINT, COLOUR))
    # read directly, serde_json's rules; inside the tagged union, the buffer's
    assert "export function decodePaint(node: JsonNode, buffered = false): Paint {" in decode
    assert 'colour: required(m, "colour", (n) => decodeColour(n, buffered)),' in decode
    assert 'paint: required(m, "paint", (n) => decodePaint(n, true)),' in decode


def test_a_struct_without_unit_enums_takes_no_flag() -> None:
    plain = Struct("Plain", (field("name", STRING), field("tags", VecType(STRING))))
    decode = typescript.decode_ts(small_model(plain))
    assert "export function decodePlain(node: JsonNode): Plain {" in decode
    assert "buffered" not in decode


def test_skip_rules_shape_the_property_and_the_reader() -> None:
    skipped = field("tags", VecType(STRING), OnMissing.REJECT)
    skipped = dataclasses.replace(skipped, on_output=OnOutput.SKIP_IF_EMPTY)
    option = dataclasses.replace(
        field("note", OptionType(STRING), OnMissing.NONE), on_output=OnOutput.SKIP_IF_NONE
    )
    counter = field("count", ScalarType(Scalar.U64), OnMissing.DEFAULT, default=0)
    model = small_model(Struct("S", (skipped, option, counter)))
    types = typescript.types_ts(model)
    assert "tags?: string[];" in types and "note?: string;" in types and "count: bigint;" in types
    decode = typescript.decode_ts(model)
    # required on input although skipped on output when empty: both rules apply
    assert '...omitEmpty("tags", required(m, "tags", (n) => decodeVec(n, decodeString))),' in decode
    assert (
        '...omitNone("note", optional(m, "note", (n) => decodeOption(n, decodeString))),' in decode
    )
    assert 'count: defaulted(m, "count", decodeU64, () => 0n),' in decode
    assert '{ name: "count", hasDefault: true }' in decode


def test_a_name_used_twice_is_refused() -> None:
    clash = TaggedUnion("Root", "type", (Variant("Paint", "paint", ()),))
    with pytest.raises(ValueError, match="Paint"):
        typescript.emit(small_model(clash, PAINT, COLOUR))


def test_every_generated_file_names_its_origin(model: WireModel) -> None:
    files = typescript.emit(model)
    assert set(files) >= {
        f"generated/typescript/{p}"
        for p in ("package.json", "src/types.ts", "src/decode.ts", "src/encode.ts", "src/index.ts")
    }
    runtime = [p for p in files if "/src/runtime/" in p]
    assert runtime and all(
        "Copied from runtimes/typescript/" in files[p]
        for p in runtime
        if not p.endswith("/constants.ts")
    )


def test_the_readme_counts_the_variants_from_the_model(model: WireModel) -> None:
    (kind,) = model.of_kind(TaggedUnion)
    readme = typescript.readme(model)
    assert (
        f"log: `Event`, the {len(kind.variants)} variants of `EventKind`, `ProvenanceMetadata`."
        in " ".join(readme.split())
    )
    small = typescript.readme(small_model(UNION, PAINT, COLOUR))
    assert "log: the 1 variant of `Root`, `Paint`." in " ".join(small.split())


def test_the_license_is_copied_into_the_package_when_the_repository_has_one(
    model: WireModel, tmp_path: Path
) -> None:
    files = typescript.emit(model, repo=tmp_path)
    assert "generated/typescript/LICENSE" not in files
    assert "License: Apache-2.0." in files["generated/typescript/README.md"]
    (tmp_path / "LICENSE").write_text("Apache License\nVersion 2.0\n", encoding="utf-8")
    files = typescript.emit(model, repo=tmp_path)
    copy = files["generated/typescript/LICENSE"]
    assert copy.startswith("Generated by codegen from") and copy.endswith(
        "Apache License\nVersion 2.0\n"
    )
    assert "License: Apache-2.0 (see LICENSE)." in files["generated/typescript/README.md"]


def test_the_package_builds_itself_and_keeps_no_lockfile(model: WireModel) -> None:
    files = typescript.emit(model)
    package = json.loads(files["generated/typescript/package.json"])
    assert package["scripts"] == {"build": "node scripts/build.mjs", "prepack": "npm run build"}
    assert package["devDependencies"] == {"typescript": typescript.TYPESCRIPT_VERSION}
    assert "scripts" not in package["files"]  # the build script stays out of the tarball
    assert "package-lock=false" in files["generated/typescript/.npmrc"].splitlines()
    assert "/*.tgz" in files["generated/typescript/.gitignore"].splitlines()
    assert "generated/typescript/scripts/build.mjs" in files
    lock = json.loads((Path(__file__).parent / "typescript" / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/typescript"]["version"] == typescript.TYPESCRIPT_VERSION


def test_the_runtime_exports_are_read_from_its_index() -> None:
    exports = runtime_exports()
    used = {name for _, decoder, writer in SCALARS.values() for name in (decoder, writer)}
    assert used <= exports.values
    assert {"JsonNode", "FieldSpec", "PathSegment"} <= exports.types
    assert "Timestamp" in exports.values and "JsonNode" not in exports.values
    with pytest.raises(ValueError, match="does not export nope"):
        exports.require(["WireError", "nope"])


def test_imports_take_the_names_the_code_uses_not_its_comments_or_properties() -> None:
    body = (
        "/** required, at the start */\n"
        'const x = { at: "member" };\n'
        "y.optional;\n"
        "...omitNone(a, required(m));\n"
    )
    head = imports(body, "./runtime/index.js", ["at", "member", "optional", "omitNone", "required"])
    assert head == 'import {\n  omitNone,\n  required,\n} from "./runtime/index.js";\n'
