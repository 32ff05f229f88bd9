"""Broken on purpose, several ways at once, as a hand-written Jackson port with the
library's defaults is: it drops `null` members (`NON_NULL`), writes doubles as
Double.toString does (`1.0E21`), control characters with upper-case hex, takes
`1.0` for the integer 1, keeps the last of two equal members and keeps lone
surrogates. The triage must report one group per cause, however many rules each
touches."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable


from tests.conformance.broken._defaults import (
    control_upper_hex,
    java_double,
    lone_surrogates,
    placeholder,
    restore_placeholders,
    rewrite,
)
from tests.conformance.broken._wrap import dumps, loads, serve
from tests.conformance.broken.dedup_keys import forward as keep_last
from tests.conformance.broken.drop_nulls import drop_nulls
from tests.conformance.broken.int_from_float import WHOLE_FLOAT


def read(type_name: str, text: str) -> str:
    text = keep_last(type_name, WHOLE_FLOAT.sub(r"\1", text))
    return lone_surrogates(text, placeholder)


def write(_input: str, output: str) -> str:
    dropped = dumps(drop_nulls(loads(output)))
    return restore_placeholders(rewrite(dropped, string=control_upper_hex, number=java_double))


if __name__ == "__main__":
    serve(on_input=read, on_output=write)
