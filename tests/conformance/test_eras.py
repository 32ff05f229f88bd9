"""serde_json eras on the runner side: `--serde-json-era X` judges the fixtures the era
re-records by its answers; without it, failures that are an era's answers are named.

tests/conformance/data/eras-corpus was recorded from the two builds (the reference,
target/release, and the serde_json 1.0.146 build, target/era-1.0.146); the first test
re-asks them. The era build is the testee that writes as 1.0.146 does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from jamjet_schema import cli
from jamjet_schema.conformance import corpus, eras
from jamjet_schema.conformance.corpus import FixtureError
from jamjet_schema.conformance.testee import Request, Testee
from tests.conformance.conftest import HERE, PACKAGED, REFERENCE, REPO

CORPUS = HERE / "data" / "eras-corpus"
ERA = "1.0.146"
ERA_BUILD = REPO / "target" / f"era-{ERA}" / "release" / "jamjet-testee-serde-json-1-0-146"
ERA_FILE = CORPUS / "eras" / f"serde_json-{ERA}.json"


@pytest.fixture(scope="module")
def era_build(reference: Testee) -> Testee:
    if not ERA_BUILD.is_file():
        pytest.skip(f"the serde_json {ERA} reference is not built ({ERA_BUILD})")
    return Testee((str(ERA_BUILD),), REPO)


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    code = cli.main(["conformance", "--format", "json", *map(str, args)])
    return code, json.loads(capsys.readouterr().out)


def text(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = cli.main(["conformance", *map(str, args)])
    return code, capsys.readouterr().out


def test_the_test_data_is_what_both_builds_answer(reference: Testee, era_build: Testee) -> None:
    loaded = corpus.load(CORPUS)
    found = eras.load(CORPUS, loaded.cases)[ERA]
    asked = [Request(c.type_name, c.input) for c in loaded.cases]
    for case, now, then in zip(
        loaded.cases, reference.run(asked), era_build.run(asked), strict=True
    ):
        assert now.text == case.output
        assert then.text == found.judge_by(case).output
    assert 0 < len(found.cases) < len(loaded.cases)  # some bytes differ, not all


def test_an_era_writer_is_told_its_era(
    era_build: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = text(capsys, "--testee", ERA_BUILD, "--corpus", CORPUS)
    assert code == 1
    assert (
        f"1. writes floats as serde_json {ERA} does: 2 fixtures; run with --serde-json-era {ERA}"
        in out
    )
    code, doc = run(capsys, "--testee", ERA_BUILD, "--corpus", CORPUS)
    assert list(doc["run"]["era_matches"]) == [ERA]
    (group,) = doc["run"]["groups"]
    assert group["serde_json_era"] == ERA and group["advice"] == f"run with --serde-json-era {ERA}"
    assert set(group["ids"]) == {c["id"] for c in json.loads(ERA_FILE.read_text())["cases"]}


def test_judged_by_its_era_it_passes(era_build: Testee, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = text(capsys, "--testee", ERA_BUILD, "--corpus", CORPUS, "--serde-json-era", ERA)
    assert code == 0 and out.rstrip().endswith("PASS (3 passed)")
    assert f"serde_json era  {ERA}" in out


def test_the_reference_fails_an_era_it_does_not_write(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = run(capsys, "--testee", REFERENCE, "--corpus", CORPUS, "--serde-json-era", ERA)
    assert code == 1 and doc["run"]["serde_json_era"] == ERA
    assert doc["run"]["totals"] == {"passed": 1, "failed": 2}
    assert doc["run"]["era_matches"] == {}  # the era judged is not suggested


def test_the_shipped_eras_cover_the_era_build(
    era_build: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    if not (PACKAGED / eras.FOLDER).is_dir():
        pytest.skip("the shipped corpus has no eras yet")
    code, doc = run(capsys, "--testee", ERA_BUILD, "--serde-json-era", ERA)
    assert code == 0, [g["title"] for g in doc["run"]["groups"]]
    code, doc = run(capsys, "--testee", ERA_BUILD)
    assert code == 1
    failed = {f["id"] for f in doc["run"]["failures"]}
    assert failed and failed == set(doc["run"]["era_matches"][ERA])


def era_copy(tmp_path: Path, change: Any) -> Path:
    root = Path(shutil.copytree(CORPUS, tmp_path / "corpus"))
    path = root / "eras" / ERA_FILE.name
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("change", "pointer", "words"),
    [
        (lambda d: d["cases"][0].update(id="required.EventKind.gone"), "$.cases[0].id", "names no"),
        (lambda d: d["cases"][1].update(input="{}"), "$.cases[1]", "input differ"),
        (lambda d: d.update(serde_json="1.0"), "$.serde_json", "not a release number"),
        (lambda d: d.update(tier="required"), "$.tier", "is not one of era"),
        (lambda d: d["cases"][0].pop("output"), "$.cases[0]", "rejected case"),
    ],
)
def test_a_bad_era_file_is_refused_naming_the_fault(
    tmp_path: Path, change: Any, pointer: str, words: str
) -> None:
    root = era_copy(tmp_path, change)
    with pytest.raises(FixtureError) as caught:
        eras.load(root, corpus.load(root).cases)
    assert caught.value.pointer == pointer and words in str(caught.value)


def test_an_era_the_corpus_lacks_exits_2(
    reference: Testee, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--testee", str(REFERENCE), "--corpus", str(CORPUS), "--serde-json-era", "1.0.100"]
    code = cli.main(["conformance", *args])
    assert code == 2
    assert "no serde_json era 1.0.100 (it has: 1.0.146)" in capsys.readouterr().err


def test_the_eras_folder_holds_no_ordinary_cases() -> None:
    ids = [c.id for c in corpus.load(CORPUS).cases]
    assert len(ids) == len(set(ids)) == 3
