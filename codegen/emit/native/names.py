"""Names the native emitter's modules share: class indices, documents, the root union."""

from __future__ import annotations

from codegen.model import Struct, TaggedUnion, UnitEnum, WireModel


def python_classes(model: WireModel) -> list[str]:
    """The Python classes, in the order the tables index them: every struct, every
    tagged union followed by its variants, every unit enum."""
    names: list[str] = []
    for decl in model.decls:
        if isinstance(decl, Struct | UnitEnum):
            names.append(decl.name)
        elif isinstance(decl, TaggedUnion):
            names += [decl.name, *(v.name for v in decl.variants)]
    return names


def documents(model: WireModel) -> list[Struct | TaggedUnion]:
    """What `read` and `check` take whole: the structs and the tagged unions."""
    return model.documents


def root_union(model: WireModel) -> TaggedUnion:
    unions = model.of_kind(TaggedUnion)
    assert len(unions) == 1, "the batch check counts the variants of one tagged union"
    return unions[0]


def class_const(name: str) -> str:
    """The Rust constant holding a class's index: NodeStarted -> C_NODE_STARTED."""
    return "C_" + "".join("_" + c if c.isupper() else c for c in name).lstrip("_").upper()
