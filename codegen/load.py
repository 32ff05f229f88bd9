"""Stage 1: read the canonical schema and refuse anything the later stages would misread.

Two checks: the schema is a valid Draft 2020-12 schema (here, with the `jsonschema`
package, a dependency of the code generator only), and every `x-` keyword in it
belongs to the documented vocabulary (schema/README.md) and stands where it means
something (jamjet_schema.wiremodel.load, which the installed package's diff uses
too). The wire rules themselves are checked when the model is built.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema

from jamjet_schema.wiremodel.errors import SchemaError
from jamjet_schema.wiremodel.load import VOCABULARY as VOCABULARY
from jamjet_schema.wiremodel.load import Schema as Schema
from jamjet_schema.wiremodel.load import check_vocabulary as check_vocabulary
from jamjet_schema.wiremodel.load import checked, parse_schema


def load_schema(path: Path) -> Schema:
    """Reads `path`, checks it against the metaschema and the vocabulary, and returns it."""
    schema = parse_schema(path)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as err:
        pointer = "/" + "/".join(str(p) for p in err.path)
        raise SchemaError(pointer, f"not a valid Draft 2020-12 schema: {err.message}") from err
    return checked(schema)
