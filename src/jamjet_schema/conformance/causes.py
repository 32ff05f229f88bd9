"""Triage by observed cause: what an implementation did differently from serde.

A fixture's rule says what the fixture pins, not why an implementation fails it: a
port that drops `null` members fails fixtures of a dozen rules, all for one reason.
So each failure is classified by what the testee actually did:
- it accepted what serde rejects: by the class of serde's error (a missing member,
  a duplicate, null where a value is due, a lone surrogate, ...);
- it rejected what serde accepts: by the rule of the fixture (the testee's error
  text is its own and cannot be compared);
- it wrote other bytes: by every difference between the two JSON texts (a member
  serde writes as null left out, a float spelt otherwise, a string escaped
  otherwise, members in another order, ...).

A fixture may show several causes; it is counted once, under the cause that
explains most fixtures (greedy: the largest cause takes its fixtures, then the
next largest of what is left). So the groups, largest first, are the list of
fixes in the order of what each explains.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from jamjet_schema.conformance import triage
from jamjet_schema.conformance.runner import CaseResult
from jamjet_schema.conformance.triage import Num, Obj, tree


@dataclass(frozen=True, order=True)
class Cause:
    key: str  # stable, for machines
    title: str  # what the implementation does, for people

    def __str__(self) -> str:
        return self.title


# The causes and how each is found: data every runner and harness reads (causes.json
# beside the corpus's manifest), so the Java, TypeScript and Rust harnesses group alike.
CAUSES_FILE = "causes.json"


@cache
def _table() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(
        (files("jamjet_schema") / "corpus" / CAUSES_FILE).read_text(encoding="utf-8")
    )
    return found


@cache
def _verdict_classes() -> tuple[tuple[re.Pattern[str], Cause], ...]:
    classes = _table()["accepted"]["classes"]
    return tuple((re.compile(c["serde_error"]), Cause(c["key"], c["title"])) for c in classes)


def _output(key: str) -> Cause:
    [title] = [c["title"] for c in _table()["output"]["causes"] if c["key"] == key]
    return Cause(key, title)


# ---- accepting what serde rejects: the class of serde's error -------------------------

_AT = re.compile(r" at line \d+ column \d+$")


def accepted_cause(result: CaseResult) -> Cause:
    """Why the testee accepted what serde rejects: serde's error, classified."""
    error = _AT.sub("", result.case.serde_error or "")
    for pattern, found in _verdict_classes():
        if pattern.search(error):
            return found
    return Cause(f"accepts:{result.case.rule}", f"accepts what serde rejects ({result.case.rule})")


def rejected_cause(result: CaseResult) -> Cause:
    """Why the testee rejected what serde accepts: its own error, names and numbers
    taken out, so that one check failing on many fixtures is one cause."""
    said = _general(result.actual.text)
    if not said:
        rule = result.case.rule
        return Cause(f"rejects:{rule}", f"rejects what serde accepts ({rule})")
    return Cause(f"rejects:{said}", f'rejects what serde accepts, saying "{said}"')


_QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^']*'")
_DIGITS = re.compile(r"\d+")
SAID: int = _table()["rejected"]["said_length"]  # characters of a testee's error kept


def _general(error: str) -> str:
    unquoted = _QUOTED.sub("_", error.strip())  # before the first line: names hold newlines
    return _DIGITS.sub("N", _AT.sub("", unquoted.split("\n", 1)[0]))[:SAID]


# ---- other bytes: every difference of the two texts -----------------------------------

OMITS_NULL = _output("omits-null")
OMITS_EMPTY = _output("omits-empty")
OMITS = _output("omits-member")
WRITES_NULL = _output("writes-null")
WRITES_EXTRA = _output("writes-member")
ORDER = _output("member-order")
FLOAT_SPELLING = _output("float-spelling")
FLOAT_VALUE = _output("float-value")
INT_AS_FLOAT = _output("integer-as-float")
INT_PRECISION = _output("integer-precision")
NUMBER_VALUE = _output("number-value")
NUMBER_AS_STRING = _output("number-as-string")
STRING_AS_NUMBER = _output("string-as-number")
TIMESTAMP = _output("timestamp")
TAG = _output("tag")
STRING_VALUE = _output("string-value")
REPLACED = _output("replaced-surrogate")
ESCAPES = _output("escaping")
ITEMS = _output("items")
OTHER_VALUE = _output("other-value")
SPELLING = _output("spelling")
WRITES_NOT_JSON = _output("not-json")
NOT_UTF8 = _output("not-utf8")


def output_causes(expected: str, actual: str, defect: str | None = None) -> set[Cause]:
    """Every difference between serde's output and the testee's, classified."""
    if defect is not None:
        return {NOT_UTF8}
    a, b = tree(expected), tree(actual)
    if b is triage.NOT_JSON or a is triage.NOT_JSON:
        return {WRITES_NOT_JSON}
    found: set[Cause] = set()
    _compare(a, b, "$", found)
    found |= _escape_causes(expected, actual)
    return found or {SPELLING}


def _compare(a: Any, b: Any, path: str, found: set[Cause]) -> None:
    if isinstance(a, Obj) and isinstance(b, Obj):
        _compare_objects(a, b, path, found)
    elif _is_array(a) and _is_array(b):
        if len(a) != len(b):
            found.add(ITEMS)
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            _compare(x, y, f"{path}[{i}]", found)
    elif isinstance(a, Num) or isinstance(b, Num):  # a Num is a str: numbers first
        _compare_numbers(a, b, found)
    elif isinstance(a, str) and isinstance(b, str):
        if a != b:
            found.add(_string_cause(a, b, path))
    elif a != b or type(a) is not type(b):
        found.add(OTHER_VALUE)


def _compare_numbers(a: Any, b: Any, found: set[Cause]) -> None:
    """At least one side is a number (whose text a Num keeps)."""
    if isinstance(a, Num) and isinstance(b, Num):
        if a != b:
            found.add(_number_cause(a, b))
    elif isinstance(a, Num):
        found.add(NUMBER_AS_STRING if isinstance(b, str) else OTHER_VALUE)
    else:
        found.add(STRING_AS_NUMBER if isinstance(a, str) else OTHER_VALUE)


def _is_array(value: Any) -> bool:
    return isinstance(value, list) and not isinstance(value, Obj)


def _compare_objects(a: Obj, b: Obj, path: str, found: set[Cause]) -> None:
    ours, theirs = dict(a), dict(b)
    for key, value in a:
        if key not in theirs:
            found.add(_omitted(value))
    for key, value in b:
        if key not in ours:
            found.add(WRITES_NULL if value is None else WRITES_EXTRA)
    common = [k for k, _ in a if k in theirs]
    if common != [k for k, _ in b if k in ours]:
        found.add(ORDER)
    for key in common:
        _compare(ours[key], theirs[key], f"{path}.{key}", found)


def _omitted(value: Any) -> Cause:
    if value is None:
        return OMITS_NULL
    if isinstance(value, list) and not value:
        return OMITS_EMPTY
    return OMITS


def _number_cause(a: Num, b: Num) -> Cause:
    same_f64 = _f64(a) == _f64(b)
    if _is_float(a):  # serde wrote a float: the testee spelt it otherwise, or lost digits
        return FLOAT_SPELLING if same_f64 else FLOAT_VALUE
    if _is_float(b):
        return INT_AS_FLOAT if same_f64 else NUMBER_VALUE
    rounded = abs(int(a)) > 2**53 and same_f64  # as a double holds it
    return INT_PRECISION if rounded else NUMBER_VALUE


def _is_float(number: str) -> bool:
    return any(c in number for c in ".eE")


def _f64(number: str) -> float | None:
    try:
        return float(number)
    except (ValueError, OverflowError):
        return None


_TIMESTAMP = re.compile(r"^[+-]?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")


def _string_cause(a: str, b: str, path: str) -> Cause:
    if _TIMESTAMP.match(a) and _TIMESTAMP.match(b):
        return TIMESTAMP
    if path.endswith(".type"):
        return TAG
    if "\ufffd" in b and "\ufffd" not in a and _has_lone_surrogate(a):
        return REPLACED
    return STRING_VALUE


def _has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _escape_causes(expected: str, actual: str) -> set[Cause]:
    """A string both texts hold, spelt otherwise (other escapes) by the testee."""
    ours, theirs = _spellings(expected), _spellings(actual)
    differ = any(spelt != theirs[text] for text, spelt in ours.items() if text in theirs)
    return {ESCAPES} if differ else set()


def _spellings(text: str) -> dict[str, set[str]]:
    """Each string of a JSON text (keys too), decoded, with the ways it is spelt there."""
    out: dict[str, set[str]] = {}
    for token in _STRING.findall(text):
        out.setdefault(json.loads(token), set()).add(token)
    return out


# ---- causes of a result, and the groups ---------------------------------------------


def causes(result: CaseResult) -> set[Cause]:
    """Every cause a failed result shows (at least one)."""
    if result.case.output is None:
        return {accepted_cause(result)}
    if not result.actual.accepted:
        return {rejected_cause(result)}
    return output_causes(result.case.output, result.actual.text, result.actual.defect)


@dataclass(frozen=True)
class Group:
    """Failures with one cause: what the testee did (`key`), or a serde_json era's
    answers (`era`). The first result is the worked example."""

    title: str
    key: str
    results: tuple[CaseResult, ...]
    era: str | None = None

    @property
    def example(self) -> CaseResult:
        return self.results[0]

    @property
    def rules(self) -> list[tuple[str, int]]:
        """The fixtures' rules this cause touches, most first."""
        return Counter(r.case.rule for r in self.results).most_common()


def group(results: Iterable[CaseResult]) -> list[Group]:
    """Each result under one cause, the cause explaining most fixtures first."""
    left = {r.case.id: (r, causes(r)) for r in results}
    groups: list[Group] = []
    while left:
        tally = Counter(c for _, cs in left.values() for c in cs)
        top = min(tally, key=lambda c: (-tally[c], c))
        taken = [r for r, cs in left.values() if top in cs]
        groups.append(Group(top.title, top.key, tuple(taken)))
        for r in taken:
            del left[r.case.id]
    return groups
