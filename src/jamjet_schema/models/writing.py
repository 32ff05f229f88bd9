"""What the writers codegen emits call (writers.py beside the generated models.py).

Each emitted writer is straight-line code for one class (codegen/emit/python_writers.py);
models.plan.write_canonical runs it, checks its text once for lone surrogates, and falls
back to the ClassPlan's reference writer for anything it does not handle. Each function
here writes what the matching wire formatter of the reference writer writes, for the
values a validated model holds. Integers are written with `str`, timestamps with their
own `to_json`.
"""

from __future__ import annotations

import json.encoder
import uuid
from typing import Any

from jamjet_schema.wire import format_f64

from .plan import plan_of
from .values import write_json_value

__all__ = ["write_f64", "write_model", "write_string", "write_uuid", "write_value"]

# wire.write_json_string without its check for lone surrogates: write_canonical looks
# for them once in the whole text.
write_string = json.encoder.encode_basestring
write_f64 = format_f64
write_value = write_json_value  # serde_json::Value


def write_uuid(value: uuid.UUID) -> str:
    """`'"' + str(value) + '"'`, without UUID.__str__'s tuple formatting."""
    if type(value) is uuid.UUID:
        digits = f"{value.int:032x}"
        return f'"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"'
    return '"' + str(value) + '"'


def write_model(model: Any) -> str:
    """A nested model whose class has no emitted writer (a user's subclass, a hand-written
    class): its ClassPlan's reference writer."""
    return plan_of(type(model)).write(model)
