"""The testees the recorder asks: the reference, and readers of older releases."""

from __future__ import annotations

from codegen.corpus.record import OlderReader
from codegen.history import archive_path, archived_versions
from codegen.model import WireModel
from codegen.pipeline import REPO, load_model
from jamjet_schema.conformance.testee import Testee, load_registry, registered

REGISTRY = REPO / "conformance" / "testees.json"


def reference() -> Testee:
    return registered(REGISTRY, "rust")


def older_readers(current: WireModel) -> list[OlderReader]:
    """Each released version before the current one that has a registered reader testee."""
    readers = {
        t["reader_version"]: name
        for name, t in load_registry(REGISTRY).items()
        if "reader_version" in t
    }
    out = []
    for version in archived_versions():
        if version != current.version and version in readers:
            model = load_model(archive_path(version).relative_to(REPO))
            out.append(OlderReader(model, registered(REGISTRY, readers[version])))
    return out
