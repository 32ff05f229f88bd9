"""serde_json eras: the ryu float format of serde_json up to 1.0.146, against a real
build pinned to it (reference/era-1.0.146), and `validate --canonical` naming the
era of a log that build wrote."""

from __future__ import annotations

import json
import os
import random
import struct
import subprocess
from pathlib import Path

import pytest

from benchmarks.loggen import LogGenerator
from codegen.corpus.era_builds import eras
from codegen.model import WireModel
from jamjet_schema.conformance.testee import Request, Testee
from jamjet_schema.logs.era_match import RYU, in_ryu_era
from jamjet_schema.wire.floats import RYU_ERA, format_f64, format_f64_ryu
from tests.conftest import REPO


@pytest.fixture(scope="module")
def ryu_build(era_built: None) -> Testee:
    [era] = [e for e in eras(REPO) if e.serde_json == RYU_ERA]
    return era.testee()


def doubles() -> list[float]:
    rng = random.Random(146)
    out = [2.0**k for k in range(-1074, 1024)] + [float(f"1e{k}") for k in range(-323, 309)]
    out += [float(f"{m}e{k}") for m in (1.5, 9.99, 1.2345678901234567) for k in range(-30, 30)]
    while len(out) < 8000:
        value = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if value == value and abs(value) != float("inf"):
            out.append(value)
    return [*out, *(-v for v in out[:500]), 0.0, -0.0, 5e-324]


def test_the_ryu_float_format_is_the_pinned_builds(ryu_build: Testee) -> None:
    values = doubles()
    ryu = [a.text for a in ryu_build.run(Request("f64", repr(v)) for v in values)]
    # serde_json's own parser is not correctly rounded: where it read another double
    # than the text says, the format is checked on the double it read.
    held = [float(text) for text in ryu]
    exact = sum(h == v for h, v in zip(held, values, strict=True))
    assert exact > len(values) // 2
    assert [format_f64_ryu(h) for h in held] == ryu
    # ... and the eras differ, or there would be nothing to tell apart
    assert sum(format_f64(h) != text for h, text in zip(held, ryu, strict=True)) > 1000


def test_the_era_is_the_corpus_manifests() -> None:
    manifest = json.loads((REPO / "conformance/fixtures/manifest.json").read_text())
    assert list(manifest["eras"]) == [RYU_ERA]
    assert (REPO / f"conformance/fixtures/eras/serde_json-{RYU_ERA}.json").is_file()


def test_only_floats_change_spelling() -> None:
    canonical = '{"s":"1e+5 and 2e+7","v":[1e+21,-2.5e+300,1e-7,1.0]}'
    assert in_ryu_era(canonical) == '{"s":"1e+5 and 2e+7","v":[1e21,-2.5e300,1e-7,1.0]}'


def old_era_log(model: WireModel, ryu_build: Testee, tmp_path: Path) -> tuple[Path, list[str]]:
    """A log as a runtime built with serde_json 1.0.146 writes it: generated events with
    floats that need an exponent, each written by the pinned build itself."""
    lines = list(LogGenerator(model, seed=146).events(300))
    events = [json.loads(line) for line in lines]
    for n, event in enumerate(events[::3]):
        event["kind"] = {"type": "cost_budget_exceeded", "node_id": "n",
                         "limit_usd": 10.0 ** (16 + n % 290), "current_usd": 0.5}  # fmt: skip
    texts = [json.dumps(e) for e in events]
    written = [a.text for a in ryu_build.run(Request("Event", t) for t in texts)]
    log = tmp_path / "old-era.jsonl"
    log.write_text("".join(f"{line}\n" for line in written), encoding="utf-8")
    return log, written


@pytest.mark.parametrize("native", ["1", "0"])
def test_validate_names_the_era_of_an_old_log(
    native: str, model: WireModel, ryu_build: Testee, rust: Testee, tmp_path: Path
) -> None:
    log, written = old_era_log(model, ryu_build, tmp_path)
    current = [a.text for a in rust.run(Request("Event", line) for line in written)]
    old = {n + 1 for n, (a, b) in enumerate(zip(written, current, strict=True)) if a != b}
    assert len(old) >= 100
    done = subprocess.run(
        ["jamjet-schema", "validate", "--canonical", "--format", "json", str(log)],
        capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "JAMJET_SCHEMA_NATIVE": native}, check=False,
    )  # fmt: skip
    problems = [json.loads(line) for line in done.stdout.splitlines()[:-1]]
    assert done.returncode == 1
    assert {p["line"] for p in problems} == old
    assert {(p["problem"], p["written_by"]) for p in problems} == {("not-canonical", RYU)}
    assert json.loads(done.stdout.splitlines()[-1])["summary"]["non_canonical"] == len(old)


def test_a_line_no_era_writes_is_just_not_canonical(tmp_path: Path) -> None:
    line = (
        '{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","execution_id":"67e55044-10b1-426f-9247-'
        'bb680e5fe0c8","sequence":1,"kind":{"type":"cost_budget_exceeded","node_id":"n",'
        '"limit_usd":1e21,"current_usd":1},"created_at":"2024-05-06T07:08:09Z"}'
    )
    log = tmp_path / "mixed.jsonl"
    log.write_text(line + "\n" + line.replace('"current_usd":1', '"current_usd":1.0') + "\n")
    done = subprocess.run(
        ["jamjet-schema", "validate", "--canonical", str(log)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    first, second = done.stdout.splitlines()[:2]
    assert ":1: [cost_budget_exceeded] not canonical; serde writes:" in first
    assert f":2: [cost_budget_exceeded] not canonical, written by {RYU}; serde writes:" in second
