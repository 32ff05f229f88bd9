"""The wire model of the contract: what serde does with each type, read from a schema file.

`load_model(path)` reads a schema (the canonical `event.schema.json`, shipped in this
package, or any release of it), checks its `x-` vocabulary and every wire rule, and
returns the WireModel (`model.py`). The compatibility diff (`jamjet_schema.diff`) is
built on it, and so is the code generator of the repository (codegen/), which adds
the check against the JSON Schema metaschema (it needs the `jsonschema` package) and
the emitters.
"""

from __future__ import annotations

from pathlib import Path

from jamjet_schema.wiremodel.build import build_model
from jamjet_schema.wiremodel.load import read_schema
from jamjet_schema.wiremodel.model import WireModel


def load_model(path: Path, schema_path: str | None = None) -> WireModel:
    """The wire model of the schema file `path`; `schema_path` names it in the model
    (for generated headers; default: `path` as given)."""
    return build_model(read_schema(path), schema_path or path.as_posix())
