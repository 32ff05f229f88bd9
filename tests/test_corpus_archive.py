"""The corpus as a release archive (codegen/corpus/archive.py): every fixture and the
documents a porter needs, reproducible byte for byte, and runnable as it unpacks."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from codegen.corpus import archive
from codegen.corpus.record import ROOT
from jamjet_schema import cli
from tests.conformance.conftest import REFERENCE


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return archive.build(tmp_path_factory.mktemp("dist"))


def test_the_archive_is_reproducible(built: Path, tmp_path: Path) -> None:
    again = archive.build(tmp_path)
    assert again.name == built.name == f"jamjet-schema-corpus-{archive.version()}.tar.gz"
    assert again.read_bytes() == built.read_bytes()


def test_it_carries_every_fixture_and_the_documents(built: Path, repo: Path) -> None:
    top = archive.name()
    with tarfile.open(built) as tar:
        names = set(tar.getnames())
        schema = tar.extractfile(f"{top}/fixture.schema.json")
        assert schema is not None
        assert schema.read() == (repo / "conformance/fixture.schema.json").read_bytes()
    fixtures = {
        f"{top}/fixtures/{p.relative_to(repo / ROOT).as_posix()}"
        for p in (repo / ROOT).rglob("*")
        if p.is_file()
    }
    documents = {"fixture.schema.json", "protocol.md", "known-failures.md", "README.md", "LICENSE"}
    assert names == fixtures | {f"{top}/{d}" for d in documents}
    assert f"{top}/fixtures/causes.json" in names and f"{top}/fixtures/manifest.json" in names


def test_the_unpacked_corpus_runs(
    built: Path, tmp_path: Path, rust_built: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with tarfile.open(built) as tar:
        tar.extractall(tmp_path, filter="data")
    corpus = tmp_path / archive.name() / "fixtures"
    code = cli.main(["conformance", "--testee", str(REFERENCE), "--corpus", str(corpus)])
    out = capsys.readouterr().out
    assert code == 0, out[-2000:]
    assert out.rstrip().startswith("jamjet-schema conformance") and "PASS (" in out
