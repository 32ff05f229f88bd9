"""Port of chrono 0.4.45's `DateTime<FixedOffset>::from_str` (format/parse.rs).

That is what `Deserialize for DateTime<Utc>` runs on the JSON string: the *relaxed*
RFC 3339 parser, which is far more permissive than RFC 3339 itself:

* every Numeric item first skips Unicode whitespace, and `Space("")` items skip it
  between date/time components and before the offset; trailing whitespace is fine;
* month/day/hour/minute/second take 1-2 digits, the year 1-4 digits, or any number
  of digits after an explicit `+`/`-`;
* the date/time separator is exactly one of `T`, `t` or a space;
* the fraction takes 1+ digits, keeps the first 9 and ignores the rest (truncation);
* the offset is `Z`/`z`, `UTC` in any case, or [+-U+2212]HH[:]MM where any run of
  colons and whitespace may separate HH and MM; HH is 00-99, MM 00-59;
* second 60 is a leap second at *any* minute, kept as second 59 + 1e9 ns.

Errors are chrono's ParseError texts, raised in the order chrono meets them
(setters validate during the scan, date/time/offset validity afterwards).
Lengths that chrono measures in bytes are measured in bytes here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._constants import I32_MAX, I32_MIN, INT_RANGES
from .civil import (
    MAX_DAY,
    MIN_DAY,
    NANOS_PER_SECOND,
    SECONDS_PER_DAY,
    days_from_civil,
    is_valid_date,
)

OUT_OF_RANGE = "input is out of range"
IMPOSSIBLE = "no possible date and time matching input"
INVALID = "input contains invalid characters"
TOO_SHORT = "premature end of input"
TOO_LONG = "trailing input"

_I64_MAX = INT_RANGES["i64"][1]
_I32_MIN, _I32_MAX = I32_MIN, I32_MAX

# char::is_whitespace: the Unicode White_Space property.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_COLON_OR_SPACE = WHITESPACE + ":"
_DIGIT_RUN = re.compile(r"[0-9]*")
_NANO_SCALE = (0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1)


class ParseError(ValueError):
    """chrono::format::ParseError; the message is its Display text."""


@dataclass
class Parsed:
    """The fields the relaxed RFC 3339 items set (chrono's `Parsed`, trimmed)."""

    year: int = 0
    month: int = 0
    day: int = 0
    hour: int = 0
    minute: int = 0
    second: int = 0
    nanosecond: int = 0
    offset: int = 0


def _byte_len_below(text: str, limit: int) -> bool:
    return len(text) < limit and len(text.encode("utf-8")) < limit


def scan_number(s: str, min_digits: int, max_digits: int | None) -> tuple[str, int]:
    """scan::number: min..max ASCII digits (None = unbounded) into a checked i64."""
    if _byte_len_below(s, min_digits):
        raise ParseError(TOO_SHORT)
    run = _DIGIT_RUN.match(s, 0, max_digits if max_digits is not None else len(s))
    digits = run.group() if run else ""
    if len(digits) < min_digits:
        raise ParseError(INVALID)
    significant = digits.lstrip("0")
    if len(significant) > 19 or int(significant or "0") > _I64_MAX:
        raise ParseError(OUT_OF_RANGE)
    return s[len(digits) :], int(digits)


def scan_year(s: str) -> tuple[str, int]:
    """Numeric(Year): signed, width 4 unless an explicit sign lifts the limit."""
    if s.startswith("-"):
        rest, value = scan_number(s[1:], 1, None)
        return rest, -value
    if s.startswith("+"):
        return scan_number(s[1:], 1, None)
    return scan_number(s, 1, 4)


def expect_literal(s: str, literal: str) -> str:
    if _byte_len_below(s, len(literal)):
        raise ParseError(TOO_SHORT)
    if not s.startswith(literal):
        raise ParseError(INVALID)
    return s[len(literal) :]


def checked_range(value: int, low: int, high: int) -> int:
    """The Parsed::set_* range check."""
    if not low <= value <= high:
        raise ParseError(OUT_OF_RANGE)
    return value


def scan_nanosecond(s: str) -> tuple[str, int]:
    """scan::nanosecond after the dot: 1-9 digits scaled, further digits skipped."""
    rest, value = scan_number(s, 1, 9)
    value *= _NANO_SCALE[len(s) - len(rest)]
    return rest.lstrip("0123456789"), value


def scan_two_digits(s: str) -> tuple[str, str] | None:
    """timezone_offset's `digits`: the first two bytes, or None when fewer exist."""
    if _byte_len_below(s, 2):
        return None
    # One multi-byte character is two bytes, neither an ASCII digit.
    return s[0], s[1] if len(s) > 1 else "\ufffd"


def scan_offset(s: str) -> tuple[str, int]:
    """scan::timezone_offset(s, colon_or_space, allow_zulu, !missing minutes, U+2212)."""
    if s[:1] in ("Z", "z"):
        return s[1:], 0
    if not s:
        raise ParseError(TOO_SHORT)
    if s[0] not in "+-\u2212":
        raise ParseError(INVALID)
    negative, s = s[0] != "+", s[1:]
    hours = scan_two_digits(s)
    if hours is None:
        raise ParseError(TOO_SHORT)
    if not (hours[0] in "0123456789" and hours[1] in "0123456789"):
        raise ParseError(INVALID)
    s = s[2:].lstrip(_COLON_OR_SPACE)
    minutes = scan_two_digits(s)
    if minutes is None:
        raise ParseError(TOO_SHORT)
    if minutes[1] not in "0123456789" or minutes[0] not in "0123456789":
        raise ParseError(INVALID)
    if minutes[0] > "5":
        raise ParseError(OUT_OF_RANGE)
    seconds = int(hours[0] + hours[1]) * 3600 + int(minutes[0] + minutes[1]) * 60
    return s[2:], -seconds if negative else seconds


def scan_date(s: str, parsed: Parsed) -> str:
    """DATE_ITEMS: Year, Space, "-", Month, Space, "-", Day."""
    s, year = scan_year(s.lstrip(WHITESPACE))
    parsed.year = checked_range(year, _I32_MIN, _I32_MAX)
    s = expect_literal(s.lstrip(WHITESPACE), "-")
    s, month = scan_number(s.lstrip(WHITESPACE), 1, 2)
    parsed.month = checked_range(month, 1, 12)
    s = expect_literal(s.lstrip(WHITESPACE), "-")
    s, day = scan_number(s.lstrip(WHITESPACE), 1, 2)
    parsed.day = checked_range(day, 1, 31)
    return s


def scan_time(s: str, parsed: Parsed) -> str:
    """TIME_ITEMS: Hour, Space, ":", Minute, Space, ":", Second, Nanosecond, Space."""
    s, hour = scan_number(s.lstrip(WHITESPACE), 1, 2)
    parsed.hour = checked_range(hour, 0, 23)
    s = expect_literal(s.lstrip(WHITESPACE), ":")
    s, minute = scan_number(s.lstrip(WHITESPACE), 1, 2)
    parsed.minute = checked_range(minute, 0, 59)
    s = expect_literal(s.lstrip(WHITESPACE), ":")
    s, second = scan_number(s.lstrip(WHITESPACE), 1, 2)
    parsed.second = checked_range(second, 0, 60)
    if s.startswith("."):
        s, parsed.nanosecond = scan_nanosecond(s[1:])
    return s.lstrip(WHITESPACE)


def scan_rfc3339_relaxed(s: str) -> tuple[str, Parsed]:
    parsed = Parsed()
    s = scan_date(s, parsed)
    if not s:
        raise ParseError(TOO_SHORT)
    if s[0] not in "Tt ":
        raise ParseError(INVALID)
    s = scan_time(s[1:], parsed)
    if not _byte_len_below(s, 3) and s[:3].isascii() and s[:3].lower() == "utc":
        return s[3:], parsed
    s, parsed.offset = scan_offset(s)
    return s, parsed


def utc_instant(parsed: Parsed) -> tuple[int, int]:
    """Parsed::to_datetime then with_timezone(&Utc): (unix seconds, nanosecond)."""
    if not is_valid_date(parsed.year, parsed.month, parsed.day):
        raise ParseError(OUT_OF_RANGE)
    second, nanosecond = parsed.second, parsed.nanosecond
    if second == 60:  # to_naive_time: a leap second is 59 s + 1e9 ns
        second, nanosecond = 59, nanosecond + NANOS_PER_SECOND
    if not -SECONDS_PER_DAY < parsed.offset < SECONDS_PER_DAY:  # FixedOffset::east_opt
        raise ParseError(OUT_OF_RANGE)
    day = days_from_civil(parsed.year, parsed.month, parsed.day)
    seconds_of_day = parsed.hour * 3600 + parsed.minute * 60 + second - parsed.offset
    day += seconds_of_day // SECONDS_PER_DAY
    if not MIN_DAY <= day <= MAX_DAY:  # checked_sub_offset: pred_opt / succ_opt failed
        raise ParseError(IMPOSSIBLE)
    return day * SECONDS_PER_DAY + seconds_of_day % SECONDS_PER_DAY, nanosecond


# The shape Rust itself writes (and most logs hold): parsed without the item machinery.
_CANONICAL = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]{1,9}))?[Zz]\Z"
)


def canonical_fields(match: re.Match[str]) -> Parsed:
    """The Parsed the items would build, range checks in the order chrono runs them."""
    year, month, day, hour, minute, second, fraction = match.groups()
    return Parsed(
        year=int(year),
        month=checked_range(int(month), 1, 12),
        day=checked_range(int(day), 1, 31),
        hour=checked_range(int(hour), 0, 23),
        minute=checked_range(int(minute), 0, 59),
        second=checked_range(int(second), 0, 60),
        nanosecond=int(fraction.ljust(9, "0")) if fraction else 0,
    )


def parse_datetime_general(text: str) -> tuple[int, int]:
    """The full port of the relaxed parser (every input shape)."""
    rest, parsed = scan_rfc3339_relaxed(text)
    if rest.lstrip(WHITESPACE):
        raise ParseError(TOO_LONG)
    return utc_instant(parsed)


def parse_datetime(text: str) -> tuple[int, int]:
    """`text.parse::<DateTime<FixedOffset>>()` normalised to UTC; raises ParseError."""
    match = _CANONICAL.match(text)
    if match is not None:
        return utc_instant(canonical_fields(match))
    return parse_datetime_general(text)
