"""`jamjet-schema validate` and `canonicalize` on good, bad and huge logs."""

from __future__ import annotations

import json
import os
import pty
import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from benchmarks.loggen import LogGenerator
from codegen.model import TaggedUnion, WireModel
from jamjet_schema.cli import main

Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def good_lines(model: WireModel) -> list[str]:
    return list(LogGenerator(model, seed=3).events(200))


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_good_log_passes_with_counts_per_variant(
    model: WireModel, good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    log = _write(tmp_path / "good.jsonl", good_lines)
    assert main(["validate", "--canonical", "--format", "json", str(log)]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["summary"]
    expected = Counter(json.loads(line)["kind"]["type"] for line in good_lines)
    assert summary["valid"] == summary["records"] == len(good_lines)
    assert summary["events_per_variant"] == dict(sorted(expected.items()))
    assert len(expected) == len(model.of_kind(TaggedUnion)[0].variants)


@pytest.mark.parametrize("count", [1, 2])
def test_the_text_summary_counts_in_words(
    good_lines: list[str], tmp_path: Path, capsys: Capture, count: int
) -> None:
    log = _write(tmp_path / "log.jsonl", good_lines[:count])
    assert main(["validate", str(log)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    noun = "record" if count == 1 else "records"
    assert first == f"{count} {noun}: {count} valid, 0 invalid"


def _bad_log(good: list[str]) -> tuple[list[bytes], dict[int, str]]:
    """Lines with one defect each, and the rule each one breaks, by line number."""
    event = json.loads(good[5])
    wrong_width = {
        **event,
        "kind": {"type": "node_started", "node_id": "n", "worker_id": "w", "attempt": 1.0},
    }
    unknown_tag = {**event, "kind": {"type": "NodeStarted"}}
    missing = {k: v for k, v in event.items() if k != "created_at"}
    lines = [
        good[0].encode(),
        b'{"id": "oops"',  # malformed: truncated
        good[1][: len(good[1]) // 2].encode(),  # truncated mid-line
        good[2].encode().replace(b'"sequence"', b'"seq\xff\xfence"'),  # invalid UTF-8
        json.dumps(wrong_width).encode(),
        json.dumps(unknown_tag).encode(),
        json.dumps(missing).encode(),
        good[3].encode(),
    ]
    rules = {
        2: "json-syntax",
        3: "json-syntax",
        4: "encoding",
        5: "integer-width",
        6: "tag",
        7: "required-field",
    }
    return lines, rules


def test_every_bad_line_is_reported_with_its_place_and_rule(
    good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    lines, rules = _bad_log(good_lines)
    log = tmp_path / "bad.jsonl"
    log.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["validate", "--format", "json", str(log)]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    problems, summary = out[:-1], out[-1]["summary"]
    assert {p["line"]: p["rule"] for p in problems} == rules
    assert all(p["source"] == str(log) for p in problems)
    assert summary["errors"] == len(rules) and summary["valid"] == 2
    width = next(p for p in problems if p["line"] == 5)
    assert width["variant"] == "node_started"
    assert width["error"] == "kind.attempt: invalid type: floating point `1.0`, expected u32"


def test_text_report_names_file_line_variant_and_rule(
    good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    lines, _ = _bad_log(good_lines)
    log = tmp_path / "bad.jsonl"
    log.write_bytes(b"\n".join(lines))
    assert main(["validate", str(log)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{log}:5: [node_started] integer-width: kind.attempt: invalid type: floating point `1.0`, expected u32"
        in out
    )
    assert "errors per rule:" in out


def test_non_canonical_lines_are_flagged_and_canonicalize_fixes_them(
    good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    reordered = [json.dumps(dict(reversed(json.loads(line).items()))) for line in good_lines[:20]]
    log = _write(tmp_path / "loose.jsonl", reordered)
    assert main(["validate", str(log)]) == 0, "valid, only not canonical"
    assert main(["validate", "--canonical", str(log)]) == 1
    said = capsys.readouterr().out
    assert "not canonical: only the order of members and white space differs; serde writes:" in said
    fixed = tmp_path / "fixed.jsonl"
    assert main(["canonicalize", str(log), "-o", str(fixed)]) == 0
    assert fixed.read_text().splitlines() == good_lines[:20]
    assert main(["validate", "--canonical", str(fixed)]) == 0


def test_canonicalize_leaves_out_rejected_records(
    good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    lines, rules = _bad_log(good_lines)
    log = tmp_path / "bad.jsonl"
    log.write_bytes(b"\n".join(lines))
    out = tmp_path / "out.jsonl"
    assert main(["canonicalize", str(log), "--output", str(out)]) == 1
    assert out.read_text().splitlines() == [good_lines[0], good_lines[3]]
    assert f"{len(rules)} record(s) rejected" in capsys.readouterr().err


def test_a_json_array_log_is_read_element_by_element(
    good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    log = tmp_path / "array.json"
    log.write_text("[\n" + ",\n".join(good_lines[:30]) + "\n]\n")
    assert main(["validate", "--canonical", "--format", "json", str(log)]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["valid"] == 30
    log.write_text("[\n" + ",\n".join(good_lines[:30]))  # truncated: never closed
    assert main(["validate", "--format", "json", str(log)]) == 1
    problems = capsys.readouterr().out.strip().splitlines()
    assert (
        json.loads(problems[0])["rule"] == "json-syntax"
        and "not closed" in json.loads(problems[0])["error"]
    )


def test_stdin_is_read_when_no_file_is_named(good_lines: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jamjet_schema.cli", "validate", "--format", "json"],
        input="\n".join(good_lines[:10]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["valid"] == 10


def _huge_log(path: Path, target_bytes: int) -> int:
    """Events with ~100 kB string payloads up to `target_bytes`; returns the event count."""
    payload = "lorem ipsum dolor sit amet " * 4000
    head = '{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","execution_id":"67e55044-10b1-426f-9247-bb680e5fe0c8","sequence":'
    count = written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target_bytes:
            line = f'{head}{count},"kind":{{"type":"workflow_failed","error":"{payload}"}},"created_at":"2024-05-06T07:08:09Z"}}\n'
            out.write(line)
            written += len(line)
            count += 1
    return count


def _validate_rss(log: Path) -> tuple[int, int]:
    """Runs the validator in a fresh process; returns (valid events, its peak RSS in kB)."""
    script = (
        "import resource, subprocess, sys, json;"
        "p = subprocess.run([sys.executable, '-m', 'jamjet_schema.cli', 'validate', '--format', 'json', sys.argv[1]],"
        " capture_output=True, text=True);"
        "print(json.dumps([p.returncode, json.loads(p.stdout.splitlines()[-1])['summary']['valid'],"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(log)], capture_output=True, text=True, check=True
    )
    code, valid, rss = json.loads(done.stdout)
    assert code == 0
    return valid, rss


def test_a_one_gigabyte_log_streams_in_bounded_memory(tmp_path: Path) -> None:
    small, huge = tmp_path / "small.jsonl", tmp_path / "huge.jsonl"
    small_count = _huge_log(small, 20_000_000)
    huge_count = _huge_log(huge, 1_000_000_000)
    small_valid, small_rss = _validate_rss(small)
    huge_valid, huge_rss = _validate_rss(huge)
    huge.unlink()
    assert (small_valid, huge_valid) == (small_count, huge_count)
    print(f"peak RSS: {small_rss / 1024:.0f} MB on 20 MB, {huge_rss / 1024:.0f} MB on 1 GB")
    assert huge_rss < small_rss * 1.5, "memory grew with the size of the log"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1_000_000


def test_a_progress_bar_is_drawn_only_on_a_terminal(good_lines: list[str], tmp_path: Path) -> None:
    """The bar is drawn at the first record and then at most every 0.2 s: a few writes,
    well within what the terminal buffers while nobody reads it."""
    log = _write(tmp_path / "good.jsonl", good_lines * 20)
    command = [sys.executable, "-m", "jamjet_schema.cli", "validate", str(log)]
    leader, follower = pty.openpty()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=follower, check=False)
    os.close(follower)
    drawn = os.read(leader, 65536).decode()
    os.close(leader)
    assert done.returncode == 0
    assert "[" in drawn and "%" in drawn and "MB" in drawn, drawn
    piped = subprocess.run(command, capture_output=True, text=True, check=False)
    assert piped.stderr == "", "no bar when stderr is not a terminal"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["validate", "{tmp}/missing.jsonl"], "missing.jsonl: no such file"),
        (["validate", "{tmp}"], ": is a directory"),
        (["canonicalize", "{tmp}/missing.jsonl"], "missing.jsonl: no such file"),
        (
            ["canonicalize", "examples/events.jsonl", "-o", "{tmp}/no/such/dir/out.jsonl"],
            "out.jsonl",
        ),
    ],
)
def test_a_path_that_cannot_be_read_or_written_is_one_line_and_exit_2(
    tmp_path: Path, args: list[str], named: str
) -> None:
    command = [sys.executable, "-m", "jamjet_schema.cli", *(a.format(tmp=tmp_path) for a in args)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and named in done.stderr, done.stderr
    assert done.stderr.startswith(f"jamjet-schema {args[0]}: ")


def test_a_bad_line_is_parsed_at_most_twice(
    good_lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the core: its read (the batch check's, or `judge`'s) once, then once into
    the tree it locates the refusal in; the models' exact path is not asked. Without
    it, or for what it cannot locate: the exact path once, whose tree gives the
    variant. No third parser looks at the line."""
    import json as json_module

    from jamjet_schema import Event, native
    from jamjet_schema.logs.check import check
    from jamjet_schema.logs.records import make_record
    from jamjet_schema.models import base

    calls: Counter[str] = Counter()

    def counted(name: str, real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return real(*args, **kwargs)

        return call

    bad = good_lines[0].replace('"sequence":0', '"sequence":"0"').encode()
    variant = json_module.loads(bad)["kind"]["type"]
    core = native.READERS[Event] is not None
    why = native.refusal("Event", bad) if core else None  # as the batch check hands it over
    monkeypatch.setattr(base, "parse_json", counted("exact", base.parse_json))
    monkeypatch.setattr(json_module, "loads", counted("json.loads", json_module.loads))
    monkeypatch.setattr(native, "judge", counted("core", native.judge))
    verdict = check(make_record("log", 1, bad), refused=True, why=why)  # flagged in a batch
    assert (verdict.rule, verdict.variant) == ("integer-width", variant)
    assert calls == (Counter() if core else Counter({"exact": 1}))
    calls.clear()
    verdict = check(make_record("log", 1, bad))  # a JSON array's element: no batch check
    assert (verdict.rule, verdict.variant) == ("integer-width", variant)
    assert calls == Counter({"core": 1} if core else {"exact": 1})
    calls.clear()
    check(make_record("log", 1, bad), refused=True)  # what the core could not locate
    assert calls == Counter({"exact": 1})


def test_the_rule_comes_from_the_engine_not_the_message(
    good_lines: list[str], tmp_path: Path, capsys: Capture
) -> None:
    """A string in the data that reads like serde's words for another rule does not
    move the line to that rule: the validator that refused it says which rule it is."""
    event = json.loads(good_lines[5])
    fooled = {
        **event,
        "kind": {
            "type": "node_started",
            "node_id": "n",
            "worker_id": "w",
            "attempt": "expected value",
        },
    }
    wordy = {**event, "sequence": "duplicate field `id`"}
    log = _write(tmp_path / "words.jsonl", [json.dumps(fooled), json.dumps(wordy)])
    assert main(["validate", "--format", "json", str(log)]) == 1
    first, second, summary = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert "expected value" in first["error"] and first["rule"] == "integer-width", first
    assert "duplicate field" in second["error"] and second["rule"] == "integer-width", second
    assert summary["summary"]["errors_per_rule"] == {"integer-width": 2}


def test_every_rejected_corpus_case_gets_a_corpus_rule() -> None:
    """Every refusal the models can give names one of the corpus's rules: the
    validator (or the JSON parser, by serde_json's error code) that raised it says it."""
    from pydantic import ValidationError

    from jamjet_schema import Event, EventKind, ProvenanceMetadata
    from jamjet_schema.conformance import corpus
    from jamjet_schema.models.errors import serde_rule
    from jamjet_schema.wire import _constants

    classes: dict[str, Any] = {
        "Event": Event,
        "EventKind": EventKind,
        "ProvenanceMetadata": ProvenanceMetadata,
    }
    said: Counter[str] = Counter()
    for case in corpus.load().cases:
        if case.output is not None or case.reader_version is not None or case.tier == "api":
            continue
        with pytest.raises(ValidationError) as refused:
            classes[case.type_name].model_validate_json(case.input)
        said[serde_rule(refused.value)] += 1
    assert set(said) <= set(_constants.RULES), said
    assert sum(said.values()) > 2000 and len(said) >= 10
