"""Which serde_json era wrote a line that is accepted but not canonical.

Logs mix what different builds of the runtime wrote: serde_json up to 1.0.146
wrote floats through ryu (`1e21`), later releases through zmij (`1e+21`). A line
that is exactly serde's canonical bytes with every float spelled the ryu way was
written by such an older build, not by a writer that gets the contract wrong.
"""

from __future__ import annotations

import re

from jamjet_schema.wire.floats import RYU_ERA, ryu_spelling

# A JSON string (left alone) or a float with a positive exponent, in serde's output.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?[0-9]+(?:\.[0-9]+)?e\+[0-9]+')

RYU = f"serde_json \u2264{RYU_ERA} (ryu float format)"


def in_ryu_era(canonical: str) -> str:
    """serde's canonical text as a build with serde_json up to 1.0.146 writes it."""
    return _TOKEN.sub(lambda m: m[0] if m[0].startswith('"') else ryu_spelling(m[0]), canonical)


def matching_era(text: str, canonical: str) -> str | None:
    """The era whose writer gives `text` for the event serde writes as `canonical`;
    None when no known era does (the line is just not canonical)."""
    ryu = in_ryu_era(canonical)
    return RYU if ryu != canonical and ryu == text else None
