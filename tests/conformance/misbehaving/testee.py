"""A testee that misbehaves at the protocol level in one way, chosen by argv[1].

Modes that answer at all forward every request to the reference testee (see
tests/conformance/broken/_wrap.py), so the only thing wrong is the misbehaviour.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run by path: make `tests` importable

from tests.conformance.broken._wrap import reference

Answer = dict[str, Any]


class Reference:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [reference()], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def ask(self, line: str) -> Answer:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(line)
        self.proc.stdin.flush()
        answer: Answer = json.loads(self.proc.stdout.readline())
        return answer


def send(data: str | bytes) -> None:
    out = sys.stdout.buffer
    out.write(data if isinstance(data, bytes) else data.encode("ascii"))
    out.flush()


def serve(change: Callable[[int, Answer], str | bytes | None] | None = None) -> None:
    """Answers like the reference; `change(n, answer)` may replace the n-th answer line."""
    ref = Reference()
    for n, line in enumerate(sys.stdin):
        answer = ref.ask(line)
        changed = change(n, answer) if change else None
        send(changed if changed is not None else json.dumps(answer) + "\n")


def hang() -> None:
    def stall(n: int, _: Answer) -> None:
        if n == 3:
            time.sleep(3600)  # the runner stops it long before

    serve(stall)


def stderr_flood() -> None:
    chunk = "x" * 1023 + "\n"
    for _ in range(5 * 1024):  # 5 MiB before the first answer, more than any pipe holds
        sys.stderr.write(chunk)
    sys.stderr.write("the last words on stderr\n")
    sys.stderr.flush()
    serve()


def crash_at_start() -> None:
    import my_jamjet_module_that_is_not_here  # type: ignore[import-not-found]  # noqa: F401


def crash_mid_run() -> None:
    def die(n: int, _: Answer) -> None:
        if n == 5:
            sys.stderr.write("panic: ran out of luck at the sixth request\n")
            sys.exit(7)

    serve(die)


def lone_surrogate() -> None:
    def inject(n: int, a: Answer) -> str | None:
        if "output" not in a:
            return None
        a["output"] = a["output"].replace('"x"', '"x\ud800"')  # escaped by json.dumps
        return json.dumps(a) + "\n"

    serve(inject)


def invalid_utf8() -> None:
    def latin1(n: int, a: Answer) -> bytes | None:
        if "output" not in a or '"x"' not in a["output"]:
            return None
        return json.dumps(a).replace('"x\\"', '"caf\xe9\\"').encode("latin-1") + b"\n"

    serve(latin1)


def wrong_id() -> None:
    serve(lambda n, a: json.dumps({**a, "id": a["id"] + 10}) + "\n" if n == 2 else None)


def two_answers() -> None:
    serve(lambda n, a: (json.dumps(a) + "\n") * 2 if n == 2 else None)


def extra_line() -> None:
    serve()
    send('{"id": 9999, "error": "one more"}\n')


def not_json() -> None:
    serve(lambda n, a: "debug: parsed the input\n" if n == 1 else None)


def no_verdict() -> None:
    serve(lambda n, a: json.dumps({"id": a["id"]}) + "\n" if n == 1 else None)


def no_exit() -> None:
    serve()
    time.sleep(3600)


def exit_non_zero() -> None:
    serve()
    sys.exit(4)


MODES: dict[str, Callable[[], None]] = {
    f.__name__.replace("_", "-"): f
    for f in (hang, stderr_flood, crash_at_start, crash_mid_run, lone_surrogate, invalid_utf8,
              wrong_id, two_answers, extra_line, not_json, no_verdict, no_exit, exit_non_zero)
}  # fmt: skip

if __name__ == "__main__":
    MODES[sys.argv[1]]()
