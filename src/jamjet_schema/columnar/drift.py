"""Rows serde writes otherwise only because its float parsing is not correctly rounded.

serde_json reads a float's text without correct rounding (no `float_roundtrip`), so the
shortest text of a value, which serde itself wrote, may read back as a neighbour:
`9.999999999999999e-31` reads as `1e-30` does, and about 1 in 100 events with
arbitrary floats (a cost computed in floating point) is written otherwise once read
again. A row of a Parquet file holds the values themselves; its text (decode.py) is
serde's bytes of them, and reading that text again would lose them. Such a row is
told from text serde truly writes otherwise (a JSON cell another tool spelt its own
way) by what differs: only float values, each spelt as serde spells it.
"""

from __future__ import annotations

import json
import math
from typing import Any

from jamjet_schema.columnar.json_text import json_text


def as_serde_wrote(text: str, rewritten: str) -> bool:
    """`text` is serde's bytes of its own values (read correctly rounded), and serde's
    `rewritten` (its reading of `text`, written) differs from it in float values only."""
    try:
        values = json.loads(text)
        skeleton = _skeleton(text)
    except ValueError:
        return False
    return json_text(values) == text and skeleton == _skeleton(rewritten)


def _skeleton(text: str) -> str:
    """The text with every float taken out (NaN stands in; JSON has none), in its order."""
    shape: Any = json.loads(text, parse_float=lambda _: math.nan)
    return json.dumps(shape, ensure_ascii=False, separators=(",", ":"))
