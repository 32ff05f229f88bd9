"""Known-failures lists: the fixture ids an implementation is known to fail.

One fixture id per line; `#` starts a comment (whole line or after the id); blank
lines are ignored. A listed id that fails is expected. A listed id that passes, or
that names no fixture, makes the list stale: the run fails and prints how to prune
it, so the list only ever shrinks as the implementation improves.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class KnownFailuresError(ValueError):
    pass


@dataclass(frozen=True)
class KnownFailures:
    path: Path
    lines: dict[str, int]  # fixture id -> its 1-based line number in the file

    def __contains__(self, fixture_id: object) -> bool:
        return fixture_id in self.lines

    def __len__(self) -> int:
        return len(self.lines)


def load(path: str | os.PathLike[str]) -> KnownFailures:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as err:
        raise KnownFailuresError(f"cannot read the known-failures file {file}: {err}") from err
    return parse(text, file)


def parse(text: str, path: Path) -> KnownFailures:
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        if len(entry.split()) != 1:
            raise KnownFailuresError(f"{path}:{number}: one fixture id per line, got {entry!r}")
        if entry in lines:
            raise KnownFailuresError(
                f"{path}:{number}: {entry} is already listed at line {lines[entry]}"
            )
        lines[entry] = number
    return KnownFailures(path, lines)


def prune_hint(known: KnownFailures, stale: Iterable[str]) -> list[str]:
    """The lines to delete and a command that deletes them (BSD and GNU sed alike)."""
    numbers = sorted(known.lines[i] for i in stale)
    if not numbers:
        return []
    by_number = {n: i for i, n in known.lines.items()}
    out = [f"Remove these lines from {known.path}:"]
    out += [f"  {known.path}:{n}: {by_number[n]}" for n in numbers]
    script = " ".join(f"-e {n}d" for n in numbers)
    out += ["or run:", f"  sed -i.bak {script} {shlex.quote(str(known.path))}"]
    return out
