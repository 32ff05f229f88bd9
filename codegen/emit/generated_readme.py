"""generated/README.md: what each folder under generated/ holds, from the files the
emitters made (a folder a new emitter adds is listed without an edit here)."""

from __future__ import annotations

from codegen.header import header_lines
from codegen.model import WireModel

PATH = "generated/README.md"

_HOLDS = {
    "rust": "the serde crate `jamjet-schema`, the reference every other implementation is judged by (codegen/emit/rust.py)",
    "native": "the per-type half of the Python package's native core, built in `native/` (codegen/emit/native/)",
    "python": "the Pydantic models, their plans, writers and key counts, package `_jamjet_schema_generated` (codegen/emit/python.py, python_writers.py)",
    "typescript": "the npm package `@jamjet/schema`, around the runtime copied from `runtimes/typescript` (codegen/emit/typescript/)",
    "jsonschema": "the writer view of the schema: what serde writes (codegen/emit/writer_schema.py)",
    "arrow": "the columnar layout (Arrow, Parquet): the table `jamjet_schema.columnar` reads, and the layout for an analyst (codegen/emit/arrow/)",
    "java": "the Maven module `dev.jamjet:jamjet-schema`, around the runtime copied from `runtimes/java` (codegen/emit/java/)",
}


def readme(model: WireModel, files: dict[str, str]) -> str:
    folders = sorted(
        {rel.split("/")[1] for rel in files if rel.startswith("generated/") and rel.count("/") > 1}
    )
    rows = "".join(f"- `{name}/`: {_HOLDS.get(name, 'see its README')}.\n" for name in folders)
    comment = "".join(f"<!-- {line} -->\n" for line in header_lines(model))
    return (
        f"{comment}# generated\n\n"
        "Code generated from the wire model by `python -m codegen` (`nox -s regenerate`),\n"
        "checked in, never edited by hand: every file carries the header that says so, and\n"
        "`python -m codegen --check` (`nox -s check`) fails on any drift or on a file no\n"
        "emitter makes.\n\n"
        f"{rows}\n"
        "Tests: `tests/test_generated_current.py` (current, with headers), `tests/emitters/`\n"
        "(the emitters' goldens), `cargo test -p jamjet-schema` (the crate and its README's\n"
        "examples), `tests/python` (the models), `tests/typescript` (the package),\n"
        "`tests/test_reference_predictions.py` (the writer view against the reference).\n"
    )
