"""Plumbing of the broken testees: each forwards every request to the real reference
testee and breaks one serde rule on the way in (the input) or out (the answer).

Building on the reference keeps each broken testee wrong in exactly one way, as a
real implementation with one bug would be. The reference is this repository's
target/release/jamjet-testee-rust, or $JAMJET_REFERENCE_TESTEE.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
Answer = dict[str, str]  # {"output": ...}, {"error": ...} or {"skipped": ...}
# (type_name, input) -> the input to forward, or an answer given without asking the reference
InputHook = Callable[[str, str], "str | Answer | None"]
# (input, output) -> the output to answer, or another answer
OutputHook = Callable[[str, str], "str | Answer"]


def reference() -> str:
    default = REPO / "target" / "release" / "jamjet-testee-rust"
    return os.environ.get("JAMJET_REFERENCE_TESTEE", str(default))


def serve(on_input: InputHook | None = None, on_output: OutputHook | None = None) -> None:
    """The protocol loop, one request at a time through the reference."""
    ref = subprocess.Popen(
        [reference()], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    assert ref.stdin and ref.stdout
    for line in sys.stdin:
        request = json.loads(line)
        changed = on_input(request["type_name"], request["input"]) if on_input else None
        if isinstance(changed, dict):
            answer: dict[str, Any] = dict(changed)
        else:
            forward = request if changed is None else {**request, "input": changed}
            ref.stdin.write(json.dumps(forward) + "\n")
            ref.stdin.flush()
            answer = json.loads(ref.stdout.readline())
            if on_output and "output" in answer:
                out = on_output(request["input"], answer["output"])
                answer = dict(out) if isinstance(out, dict) else {"output": out}
        answer["id"] = request["id"]
        print(json.dumps(answer), flush=True)
    ref.stdin.close()
    sys.exit(ref.wait())


# ---- a JSON tree that keeps what json.loads loses: member order, duplicates, number text


class Num(str):
    """A number, as its text."""


class Obj(list[tuple[str, Any]]):
    """An object, as its members in order (duplicates kept)."""


def loads(text: str) -> Any:
    return json.loads(text, object_pairs_hook=Obj, parse_int=Num, parse_float=Num)


def dumps(value: Any) -> str:
    """Compact, as serde_json writes it."""
    if isinstance(value, Obj):
        return "{" + ",".join(f"{_string(k)}:{dumps(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    if isinstance(value, Num):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    return json.dumps(value)


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def try_loads(text: str) -> Any | None:
    """The tree of `text`, or None when it is not JSON (then it is forwarded untouched)."""
    try:
        return loads(text)
    except (ValueError, RecursionError):  # past Python's nesting limit: forwarded as is
        return None


def tagged_objects(type_name: str, tree: Any) -> list[Obj]:
    """The objects that carry an EventKind tag: the input itself, or an Event's `kind`."""
    if not isinstance(tree, Obj):
        return []
    if type_name == "EventKind":
        return [tree]
    return [v for k, v in tree if k == "kind" and isinstance(v, Obj)]
