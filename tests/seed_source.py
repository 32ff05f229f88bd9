"""A reader for the one Rust file the schema must match: reference/seed/src/event.rs.

It understands exactly the shapes that file uses (structs and enums with named
fields, `#[serde(...)]` attributes, the `node_id()` match), so a test can compare
the schema with the contract field for field without a Rust toolchain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "reference" / "seed" / "src" / "event.rs"


@dataclass
class RustField:
    name: str
    rust_type: str
    serde: list[str] = field(default_factory=list)
    doc: str = ""


@dataclass
class RustItem:
    name: str
    kind: str  # "struct" or "enum"
    serde: list[str] = field(default_factory=list)
    fields: list[RustField] = field(default_factory=list)
    variants: dict[str, list[RustField]] = field(default_factory=dict)
    variant_docs: dict[str, str] = field(default_factory=dict)
    doc: str = ""


@dataclass
class SeedSource:
    items: dict[str, RustItem]
    node_id_variants: list[str]


_ITEM = re.compile(r"^pub (struct|enum) (\w+) \{$")
_FIELD = re.compile(r"^(?:pub )?(\w+): (.+),$")
_VARIANT_OPEN = re.compile(r"^(\w+) \{$")
_VARIANT_UNIT = re.compile(r"^(\w+),$")
_SERDE = re.compile(r"^#\[serde\((.*)\)\]$")


def _serde_args(line: str) -> list[str] | None:
    match = _SERDE.match(line)
    return [part.strip() for part in match.group(1).split(",")] if match else None


def read_seed(path: Path = SEED) -> SeedSource:
    lines = [raw.strip() for raw in path.read_text(encoding="utf-8").splitlines()]
    items: dict[str, RustItem] = {}
    pending: list[str] = []
    doc: list[str] = []
    current: RustItem | None = None
    variant: list[RustField] | None = None
    for line in lines:
        if line.startswith("///"):
            doc.append(line[3:].strip())
            continue
        if not line or line.startswith("//"):
            continue
        args = _serde_args(line)
        if args is not None:
            pending.extend(args)
            continue
        if line.startswith("#["):
            continue
        if current is None:
            match = _ITEM.match(line)
            if match:
                current = RustItem(match.group(2), match.group(1), pending, doc=" ".join(doc))
                items[current.name] = current
            pending, doc = [], []
            continue
        if line in ("}", "},"):
            if variant is not None:
                variant = None
            else:
                current = None
            continue
        if current.kind == "enum" and variant is None:
            opened = _VARIANT_OPEN.match(line)
            unit = _VARIANT_UNIT.match(line)
            found = opened or unit
            if found is not None:
                name = found.group(1)
                current.variants[name] = []
                current.variant_docs[name] = " ".join(doc)
                variant = current.variants[name] if opened else None
            doc = []
            continue
        match = _FIELD.match(line)
        if match:
            target = variant if variant is not None else current.fields
            target.append(RustField(match.group(1), match.group(2), pending, " ".join(doc)))
        pending, doc = [], []
    return SeedSource(items=items, node_id_variants=_node_id_variants(path.read_text()))


def _node_id_variants(text: str) -> list[str]:
    body = text.split("pub fn node_id", 1)[1]
    return re.findall(r"Self::(\w+) \{ node_id", body)
