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


def _cause(key: str, title: str) -> Cause:
    return Cause(key, title)


# ---- accepting what serde rejects: the class of serde's error -------------------------

_NUMBERS = r"(?:u8|u16|u32|u64|i8|i16|i32|i64|f32|f64)"
_VERDICT_CLASSES: tuple[tuple[str, Cause], ...] = (
    (r"^missing field ", _cause("missing-member", "accepts a document missing a member serde requires")),
    (r"^duplicate field ", _cause("duplicate-member", "accepts a member given twice (serde rejects duplicates)")),
    (r"^unknown variant ", _cause("unknown-tag", "accepts an unknown enum tag or variant")),
    (r"^invalid type: null, ", _cause("null-for-value", "accepts null where serde requires a value")),
    (rf"^invalid type: string .*, expected {_NUMBERS}$", _cause("string-for-number", "accepts a string where serde requires a number (coerces it)")),
    (r"^invalid type: (?:integer|floating point) .*, expected (?:a string|an RFC 3339|a formatted UUID)", _cause("number-for-string", "accepts a number where serde requires a string (coerces it)")),
    (r"^invalid type: floating point .*, expected [ui]\d+$", _cause("float-for-integer", "accepts a float where serde requires an integer")),
    (r"^invalid type: (?:map|sequence), expected ", _cause("structure-for-other", "accepts an object or array where serde requires another type")),
    (r"^invalid type: ", _cause("scalar-for-other", "accepts a scalar of another JSON type (coerces it)")),
    (r"^invalid value: integer .*, expected [ui]\d+$", _cause("integer-range", "accepts an integer outside its Rust type's range (sign or width)")),
    (r"^invalid length \d+, expected ", _cause("short-sequence", "accepts an array too short for the struct it stands for")),
    (r"lone leading surrogate|unexpected end of hex escape|invalid unicode code point", _cause("lone-surrogate", "accepts a lone surrogate escape (serde rejects it)")),
    (r"^recursion limit exceeded", _cause("nesting-depth", "accepts nesting deeper than serde_json's limit of 128")),
    (r"^number out of range", _cause("number-range", "accepts a number beyond f64's range")),
    (r"^UUID parsing failed", _cause("uuid-text", "accepts a UUID text serde rejects")),
    (r"^(?:input contains invalid characters|input is out of range|premature end of input|trailing input|no possible date|input is not enough|bad or unsupported format)", _cause("timestamp-text", "accepts a timestamp text chrono rejects")),
    (r"^(?:EOF while parsing|expected |trailing c|control character|invalid escape|invalid number|key must be a string|invalid unicode)", _cause("strict-json", "accepts text that is not strict JSON")),
)  # fmt: skip
_AT = re.compile(r" at line \d+ column \d+$")


def accepted_cause(result: CaseResult) -> Cause:
    """Why the testee accepted what serde rejects: serde's error, classified."""
    error = _AT.sub("", result.case.serde_error or "")
    for pattern, found in _VERDICT_CLASSES:
        if re.search(pattern, error):
            return found
    return _cause(f"accepts:{result.case.rule}", f"accepts what serde rejects ({result.case.rule})")


def rejected_cause(result: CaseResult) -> Cause:
    """Why the testee rejected what serde accepts: its own error, names and numbers
    taken out, so that one check failing on many fixtures is one cause."""
    said = _general(result.actual.text)
    if not said:
        rule = result.case.rule
        return _cause(f"rejects:{rule}", f"rejects what serde accepts ({rule})")
    return _cause(f"rejects:{said}", f'rejects what serde accepts, saying "{said}"')


_QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^']*'")
_DIGITS = re.compile(r"\d+")
SAID = 80  # characters of a testee's error kept in a cause


def _general(error: str) -> str:
    unquoted = _QUOTED.sub("_", error.strip())  # before the first line: names hold newlines
    return _DIGITS.sub("N", _AT.sub("", unquoted.split("\n", 1)[0]))[:SAID]


# ---- other bytes: every difference of the two texts -----------------------------------

OMITS_NULL = _cause("omits-null", "leaves out members serde writes as null")
OMITS_EMPTY = _cause("omits-empty", "leaves out empty arrays or objects serde writes")
OMITS = _cause("omits-member", "leaves out members serde writes")
WRITES_NULL = _cause("writes-null", "writes null members serde leaves out")
WRITES_EXTRA = _cause("writes-member", "writes members serde does not")
ORDER = _cause("member-order", "writes members in another order")
FLOAT_SPELLING = _cause("float-spelling", "spells floats otherwise (the same f64, other text)")
FLOAT_VALUE = _cause("float-value", "writes another float (digits lost or rounded)")
INT_AS_FLOAT = _cause("integer-as-float", "writes an integer as a float")
INT_PRECISION = _cause("integer-precision", "loses integer precision beyond 2^53")
NUMBER_VALUE = _cause("number-value", "writes another number")
NUMBER_AS_STRING = _cause("number-as-string", "writes a number as a string")
STRING_AS_NUMBER = _cause("string-as-number", "writes a string as a number")
TIMESTAMP = _cause("timestamp", "writes timestamps otherwise (fraction digits or format)")
TAG = _cause("tag", "writes another tag")
STRING_VALUE = _cause("string-value", "writes another string")
REPLACED = _cause("replaced-surrogate", "replaces lone surrogates (with U+FFFD)")
ESCAPES = _cause("escaping", "escapes strings otherwise (the same text)")
ITEMS = _cause("items", "writes another number of array items")
OTHER_VALUE = _cause("other-value", "writes another JSON value")
SPELLING = _cause("spelling", "spells the same JSON otherwise (white space or separators)")
WRITES_NOT_JSON = _cause("not-json", "writes text that is not JSON")
NOT_UTF8 = _cause("not-utf8", "writes bytes that are not UTF-8")


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
    elif isinstance(a, Num) and isinstance(b, Num):
        if a != b:
            found.add(_number_cause(a, b))
    elif isinstance(a, str) and isinstance(b, str) and not isinstance(a, Num | Obj):
        if a != b:
            found.add(_string_cause(a, b, path))
    elif isinstance(a, Num) and isinstance(b, str):
        found.add(NUMBER_AS_STRING)
    elif isinstance(a, str) and isinstance(b, Num):
        found.add(STRING_AS_NUMBER)
    elif a != b or type(a) is not type(b):
        found.add(OTHER_VALUE)


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
