"""The testees the recorder asks: the reference, and readers of older releases."""

from __future__ import annotations

import json
import shlex

from codegen.corpus.record import OlderReader
from codegen.history import archive_path, archived_versions
from codegen.model import WireModel
from codegen.pipeline import REPO, load_model
from jamjet_schema.conformance.testee import Testee


def _registry() -> dict[str, dict[str, str]]:
    registry: dict[str, dict[str, str]] = json.loads(
        (REPO / "conformance" / "testees.json").read_text(encoding="utf-8")
    )
    return registry


def reference() -> Testee:
    return Testee(tuple(shlex.split(_registry()["rust"]["command"])), cwd=REPO)


def older_readers(current: WireModel) -> list[OlderReader]:
    """Each released version before the current one that has a registered reader testee."""
    readers = {
        t["reader_version"]: t["command"] for t in _registry().values() if "reader_version" in t
    }
    out = []
    for version in archived_versions():
        if version != current.version and version in readers:
            model = load_model(archive_path(version).relative_to(REPO))
            out.append(OlderReader(model, Testee(tuple(shlex.split(readers[version])), cwd=REPO)))
    return out
