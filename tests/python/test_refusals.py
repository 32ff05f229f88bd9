"""Why serde refuses a text, located by the native core (native/src/refusal.rs).

The core's Refusal must carry serde's own message (the generated crate's, byte for
byte), and the field path, rule and variant the models' exact path gives wherever
that path words the refusal as serde does; what it cannot locate exactly it declines,
and the exact path answers. The batch check hands each refused line's Refusal over,
so that `validate` reports a bad line without loading the models.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import jamjet_schema
from benchmarks.loggen import LogGenerator, with_bad_lines
from codegen.pipeline import load_model
from jamjet_schema import native as native_module
from jamjet_schema import native_available
from jamjet_schema.logs.check import _message_and_rule, _variant_in

from .conftest import TALLY
from .test_fast_path import documents, mutate

pytestmark = pytest.mark.skipif(not native_available(), reason="the native core is not in use")


def _serde_words(document: str, text: str) -> str | None:
    return native_module.message(getattr(jamjet_schema, document), text)


def _compare(document: str, text: str, tally: Counter[str]) -> None:
    """One text: the core's Refusal against serde's message and the exact path's."""
    located = native_module.refusal(document, text)
    exact = getattr(jamjet_schema, document).exact_read(text)
    said = _serde_words(document, text)
    assert (said is None) is (exact.error is None), text
    if said is None:
        assert located is None, text
        tally["accepted"] += 1
        return
    if located is None:
        tally["declined"] += 1
        return
    assert re.fullmatch(re.escape(located.message) + r"( at line \d+ column \d+)?", said), (
        text,
        located,
        said,
    )
    assert exact.error is not None
    message, rule = _message_and_rule(exact.error)
    if not message.endswith((said, re.sub(r" at line \d+ column \d+$", "", said))):
        tally["the exact path words it otherwise"] += 1  # serde's words are the core's
        return
    variant = _variant_in(exact.tree) if document == "Event" else located.variant
    assert (str(located), located.rule, located.variant) == (message, rule, variant), text
    tally["located alike"] += 1


def test_refusals_on_the_corpus_and_its_mutations(documents: list[tuple[str, str]]) -> None:
    rng = random.Random(41)
    tally: Counter[str] = Counter()
    for document, text in documents:
        _compare(document, text, tally)
        for _ in range(3):
            _compare(document, mutate(text, rng), tally)
    refused = (
        tally["located alike"] + tally["declined"] + tally["the exact path words it otherwise"]
    )
    # declined: mostly structs in sequence form (the models name the field, not the
    # element) and texts that are no JSON past serde's refusal (no tree to locate in)
    assert tally["located alike"] > 0.8 * refused, tally
    TALLY["refusals located by the core"] = ", ".join(f"{n} {what}" for what, n in tally.items())


def test_refusals_on_a_damaged_realistic_log() -> None:
    lines = list(LogGenerator(load_model(), seed=5, realistic=True).events(600))
    damaged = with_bad_lines(lines, 2, seed=3)
    tally: Counter[str] = Counter()
    for line in damaged:
        _compare("Event", line, tally)
    assert tally["located alike"] == sum(a != b for a, b in zip(lines, damaged, strict=True)), tally


def test_the_batch_check_hands_over_the_refusal_explain_gives() -> None:
    good = list(LogGenerator(load_model(), seed=6, realistic=True).events(200))
    lines = with_bad_lines(good, 3)
    data = "\n".join(lines).encode() + b"\n"
    _, problems, _ = native_module.CORE.check_lines(data, 0, len(data), False)
    assert [p[0] for p in problems] == [
        i for i, (a, b) in enumerate(zip(good, lines, strict=True)) if a != b
    ]
    root = native_module.CORE.DOCUMENTS.index(native_module.CORE.ROOT)
    for index, start, end, what, why in problems:
        assert what == 1 and data[start:end] == lines[index].encode()
        assert why is not None and why == native_module.CORE.explain(root, lines[index])


def test_validate_reports_bad_lines_without_the_models(tmp_path: Path) -> None:
    good = list(LogGenerator(load_model(), seed=8, realistic=True).events(300))
    lines = with_bad_lines(good, 10)
    log = tmp_path / "damaged.jsonl"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from jamjet_schema.cli import main\n"
        "code = main(['validate', '--jobs', '1', sys.argv[1]])\n"
        "print('models loaded:', 'pydantic' in sys.modules, 'exit:', code, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(log)], capture_output=True, text=True, check=False
    )
    assert done.stderr.strip().endswith("models loaded: False exit: 1"), done.stderr
    reported = [line for line in done.stdout.splitlines() if line.startswith(str(log))]
    damaged_at = [i + 1 for i, (a, b) in enumerate(zip(good, lines, strict=True)) if a != b]
    assert [int(line.split(":")[1]) for line in reported] == damaged_at


__all__ = ["documents"]  # the fixture, shared with test_fast_path
