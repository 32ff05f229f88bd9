"""The consumer kit (conformance/template): rendered with cookiecutter into a fresh
folder, its own pytest passes against the reference and fails against a broken testee."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter  # type: ignore[import-untyped]

from jamjet_schema import __version__
from jamjet_schema.conformance import corpus, known_failures
from jamjet_schema.conformance.testee import Testee
from tests.conformance.conftest import DATA, PACKAGED, REFERENCE, REPO, broken_command

TEMPLATE = REPO / "conformance" / "template"


def render(tmp_path: Path, testee_command: str) -> Path:
    config = tmp_path / "cookiecutter-config.yaml"  # keeps cookiecutter out of $HOME
    config.write_text(f"replay_dir: {tmp_path / 'replay'}\ncookiecutters_dir: {tmp_path / 'cc'}\n")
    context = {"project_name": "Acme JamJet", "testee_command": testee_command}
    out = cookiecutter(
        str(TEMPLATE),
        no_input=True,
        output_dir=str(tmp_path / "consumer"),
        extra_context=context,
        config_file=str(config),
    )
    return Path(out)


def run_pytest(project: Path, corpus_dir: Path | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != corpus.CORPUS_ENV}
    if corpus_dir is not None:
        env[corpus.CORPUS_ENV] = str(corpus_dir)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(project)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_kit_installs_what_exists_and_starts_with_no_known_failures(tmp_path: Path) -> None:
    project = render(tmp_path, "my testee --flag 'a b'")
    assert project.name == "jamjet-conformance"
    pins = (project / "requirements-conformance.txt").read_text().splitlines()
    assert "../jamjet-schema" in pins  # what exists: a checkout beside the repository
    assert f"#   jamjet-schema=={__version__}" in pins  # the pin, once published
    assert json.loads((project / "jamjet-conformance.json").read_text())["testee_command"] == (
        "my testee --flag 'a b'"
    )
    assert len(known_failures.load(project / "known-failures.txt")) == 0
    readme = (project / "README.md").read_text()
    assert "# JamJet conformance for Acme JamJet" in readme and "{{" not in readme


def test_the_kits_requirements_install_from_a_checkout_beside(
    tmp_path: Path, reference: Testee
) -> None:
    """As its README says: from the repository's root, `pip install -r` takes
    ../jamjet-schema, and the kit's test then passes against the reference."""
    repository = tmp_path / "acme"
    repository.mkdir()
    (tmp_path / "jamjet-schema").symlink_to(REPO)
    project = render_into(repository, project_name="Acme", testee_command=str(REFERENCE))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    env = {**os.environ, "JAMJET_SCHEMA_BUILD_NATIVE": "0"}  # the same verdicts, no cargo
    requirements = f"{project.name}/requirements-conformance.txt"
    install = [python, "-m", "pip", "install", "--quiet", "-r", requirements]
    done = subprocess.run(install, cwd=repository, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    env = {k: v for k, v in env.items() if k != corpus.CORPUS_ENV} | {corpus.CORPUS_ENV: str(DATA)}
    test = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", project.name]
    done = subprocess.run(test, cwd=repository, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_template_default_version_is_the_package_version() -> None:
    defaults = json.loads((TEMPLATE / "cookiecutter.json").read_text(encoding="utf-8"))
    assert defaults["jamjet_schema_version"] == __version__


def test_the_generated_test_passes_against_the_reference(tmp_path: Path, reference: Testee) -> None:
    done = run_pytest(render(tmp_path, str(REFERENCE)), DATA)
    assert done.returncode == 0, done.stdout
    assert "1 passed" in done.stdout


def test_the_generated_test_fails_against_a_broken_testee(
    tmp_path: Path, reference: Testee
) -> None:
    done = run_pytest(render(tmp_path, shlex.join(broken_command("dedup_keys"))), DATA)
    assert done.returncode == 1
    assert "FAILED required.EventKind.workflow_failed.field.error.twice" in done.stdout
    assert "1 failed" in done.stdout


def test_the_kit_names_its_own_era_key(tmp_path: Path, reference: Testee) -> None:
    """An era writer is told the kit's key, not the CLI's flag (finding 5 of issue 24)."""
    from tests.conformance.test_eras import CORPUS, ERA, ERA_BUILD

    if not ERA_BUILD.is_file():
        pytest.skip(f"the serde_json {ERA} reference is not built ({ERA_BUILD})")
    done = run_pytest(render(tmp_path, str(ERA_BUILD)), CORPUS)
    assert done.returncode == 1
    assert f'set "serde_json_era": "{ERA}" in jamjet-conformance.json' in done.stdout
    assert "--serde-json-era" not in done.stdout


def test_the_generated_known_failures_file_is_used(tmp_path: Path, reference: Testee) -> None:
    project = render(tmp_path, shlex.join(broken_command("dedup_keys")))
    with (project / "known-failures.txt").open("a", encoding="utf-8") as listed:
        listed.write("required.EventKind.workflow_failed.field.error.twice  # last one wins\n")
    assert run_pytest(project, DATA).returncode == 0


def test_the_generated_test_runs_the_packaged_corpus(tmp_path: Path, reference: Testee) -> None:
    if not PACKAGED.is_dir():
        pytest.skip("no packaged corpus yet")
    done = run_pytest(render(tmp_path, str(REFERENCE)), None)
    assert done.returncode == 0, done.stdout[-3000:]


def render_into(folder: Path, **context: str) -> Path:
    """The kit rendered into `folder`, as `cookiecutter --no-input` run there does."""
    config = folder.parent / "cookiecutter-config.yaml"
    config.write_text(f"replay_dir: {folder.parent / 'replay'}\n")
    out = cookiecutter(
        str(TEMPLATE),
        no_input=True,
        output_dir=str(folder),
        extra_context={"project_name": "Acme", **context},
        config_file=str(config),
    )
    return Path(out)


def a_repository(tmp_path: Path) -> Path:
    """A repository whose testee is a module of its own package, run as `python -m`."""
    repo = tmp_path / "acme"
    (repo / "acme_jamjet").mkdir(parents=True)
    (repo / "acme_jamjet" / "__init__.py").write_text("")
    (repo / "acme_jamjet" / "testee.py").write_text(
        f"import os\nos.execv({str(REFERENCE)!r}, [{str(REFERENCE)!r}])\n"
    )
    return repo


def pytest_in(where: Path, target: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != corpus.CORPUS_ENV}
    env[corpus.CORPUS_ENV] = str(DATA)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(target)],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_module_of_the_repository_runs_out_of_the_box(tmp_path: Path, reference: Testee) -> None:
    repo = a_repository(tmp_path)
    kit = render_into(repo, testee_command="python -m acme_jamjet.testee")
    assert json.loads((kit / "jamjet-conformance.json").read_text())["testee_cwd"] == ".."
    for where in (repo, kit, tmp_path):  # wherever pytest runs from
        done = pytest_in(where, kit)
        assert done.returncode == 0, done.stdout[-3000:]


def test_a_testee_run_from_the_wrong_folder_says_what_to_change(
    tmp_path: Path, reference: Testee
) -> None:
    repo = a_repository(tmp_path)
    kit = render_into(repo, testee_command="python -m acme_jamjet.testee", testee_cwd=".")
    done = pytest_in(repo, kit)
    assert done.returncode == 1
    assert "the run could not happen: the testee exited with status 1 before answering" in (
        done.stdout
    )
    assert "No module named 'acme_jamjet'" in done.stdout
    assert f"It ran from {kit}" in done.stdout and '"testee_cwd" in jamjet-conformance.json' in (
        done.stdout
    )


def test_generation_needs_no_terminal(tmp_path: Path) -> None:
    """`cookiecutter --no-input`, stdin closed: what CI and scripts run."""
    config = tmp_path / "cookiecutter-config.yaml"
    config.write_text(f"replay_dir: {tmp_path / 'replay'}\ncookiecutters_dir: {tmp_path / 'cc'}\n")
    requirement = "jamjet-schema @ file:///wheels/jamjet_schema-1.1.0-py3-none-any.whl"
    command = [sys.executable, "-m", "cookiecutter", "--no-input", "--config-file", str(config)]
    command += ["-o", str(tmp_path / "out"), str(TEMPLATE), "testee_command=./build/testee"]
    command += [f"jamjet_schema_requirement={requirement}"]
    done = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    kit = tmp_path / "out" / "jamjet-conformance"
    assert json.loads((kit / "jamjet-conformance.json").read_text())["testee_command"] == (
        "./build/testee"
    )
    assert requirement in (kit / "requirements-conformance.txt").read_text().splitlines()


def test_generating_again_keeps_the_files_you_edited(tmp_path: Path) -> None:
    """As conformance/README.md says: `-f --skip-if-file-exists` over an existing kit
    keeps every file there, edited or not."""
    config = tmp_path / "cookiecutter-config.yaml"
    config.write_text(f"replay_dir: {tmp_path / 'replay'}\ncookiecutters_dir: {tmp_path / 'cc'}\n")
    command = [sys.executable, "-m", "cookiecutter", "--no-input", "--config-file", str(config)]
    command += ["-o", str(tmp_path / "out"), str(TEMPLATE)]

    def generate(*flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *flags], stdin=subprocess.DEVNULL, capture_output=True, text=True
        )

    assert generate().returncode == 0
    kit = tmp_path / "out" / "jamjet-conformance"
    listed = "required.EventKind.node_started.minimal  # ours, for now\n"
    (kit / "known-failures.txt").write_text(listed, encoding="utf-8")
    (kit / "test_jamjet_conformance.py").write_text("stale\n", encoding="utf-8")
    assert generate().returncode != 0  # cookiecutter refuses an existing folder
    assert generate("-f", "--skip-if-file-exists").returncode == 0
    assert (kit / "known-failures.txt").read_text(encoding="utf-8") == listed
    assert (kit / "test_jamjet_conformance.py").read_text(encoding="utf-8") == "stale\n"
