"""The runner, the corpus loader, the report and the pytest plugin work without the
models: a whole run, reported both ways, imports neither pydantic nor the generated
code (a porter's environment pays for neither, and pytest loads the plugin for free)."""

from __future__ import annotations

import json
import subprocess
import sys

from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, REPO, broken_command

MODULES = [
    "jamjet_schema.conformance.causes",
    "jamjet_schema.conformance.corpus",
    "jamjet_schema.conformance.coverage",
    "jamjet_schema.conformance.eras",
    "jamjet_schema.conformance.known_failures",
    "jamjet_schema.conformance.pytest_plugin",
    "jamjet_schema.conformance.report",
    "jamjet_schema.conformance.runner",
    "jamjet_schema.conformance.testee",
    "jamjet_schema.conformance.triage",
    "jamjet_schema.commands.conformance",
]
FORBIDDEN = ("pydantic", "pydantic_core", "_jamjet_schema_generated")

A_WHOLE_RUN = """
import importlib, json, sys
for name in {modules!r}:
    importlib.import_module(name)
from jamjet_schema.conformance import corpus, report, runner
from jamjet_schema.conformance.testee import Testee
loaded = corpus.load({data!r})
result = runner.run(Testee({command!r}), loaded.cases, None, loaded.root)
assert not result.ok and "leaves out members serde writes as null" in report.text(result)
json.dumps(report.as_json(result))
print(json.dumps(sorted(m for m in sys.modules if m.partition(".")[0] in {forbidden!r})))
"""


def loaded_by(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr
    found: list[str] = json.loads(done.stdout)
    return found


def test_a_whole_run_loads_neither_pydantic_nor_the_models(reference: Testee) -> None:
    code = A_WHOLE_RUN.format(
        modules=MODULES, data=str(DATA), command=broken_command("drop_nulls"), forbidden=FORBIDDEN
    )
    assert loaded_by(code) == []


def test_loading_the_plugin_imports_nothing_of_the_runner() -> None:
    code = (
        "import json, sys, pytest; import jamjet_schema.conformance.pytest_plugin; "
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.startswith(('pydantic', '_jamjet_schema_generated', 'jamjet_schema.conformance.')) "
        "and m not in ('jamjet_schema.conformance.pytest_plugin', "
        "'jamjet_schema.conformance.defaults'))))"
    )
    assert loaded_by(code) == []
