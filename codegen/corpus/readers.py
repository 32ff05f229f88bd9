"""The testees the recorder asks: the reference, readers of older releases, and the
reference built with older serde_json releases (era_builds.py)."""

from __future__ import annotations

from codegen.corpus.era_builds import EraReference, eras, lock_versions
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


def recorded_with() -> dict[str, str]:
    """The crate versions of the reference build, from the root Cargo.lock."""
    return lock_versions(REPO / "Cargo.lock")


def era_references() -> list[EraReference]:
    """Each older serde_json build under reference/era-*/, with its pinned versions."""
    return [EraReference(e.serde_json, e.versions(), e.testee()) for e in eras(REPO)]
