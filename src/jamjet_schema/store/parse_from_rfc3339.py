"""Port of chrono 0.4.45's `DateTime::parse_from_rfc3339` (format/parse.rs, `parse_rfc3339`).

That is what the runtime's store runs on a row's `created_at`, and it is not the
reader serde runs on an Event's `created_at` in JSON (`FromStr`, the *relaxed*
parser of jamjet_schema.wire.datetime_from_str). This one is strict, and checks in this order:

* at least 19 bytes; `YYYY-MM-DD` with exactly four and two ASCII digits, the date
  checked (`NaiveDate::from_ymd_opt`) before anything after it is looked at;
* the separator is one of `T`, `t` or a space; `HH:MM:SS` with two digits each;
  second 60 is a leap second at any minute (59 s + 1e9 ns);
* an optional `.` and 1+ digits (the first 9 kept, the rest skipped);
* the time checked (hour <= 23, minute <= 59), then the offset: `Z`, `z`, or
  [+-U+2212]HH:MM with exactly one colon, HH 00-99, MM 00-59, the whole under 24 h;
* nothing after it: no whitespace anywhere, no `UTC`, no `+0000`, no `+00`.

The recorded differences from serde's reader are in docs/event-store.md, and
tests/store/test_readers.py checks this port against chrono itself.
"""

from __future__ import annotations

import re

from jamjet_schema.wire.civil import (
    NANOS_PER_SECOND,
    SECONDS_PER_DAY,
    days_from_civil,
    is_valid_date,
)
from jamjet_schema.wire.datetime_from_str import (
    INVALID,
    OUT_OF_RANGE,
    TOO_LONG,
    TOO_SHORT,
    ParseError,
)

_DIGITS = re.compile(rb"[0-9]*")
_SEPARATORS = {4: b"-", 7: b"-", 13: b":", 16: b":"}
_FIELDS = ((0, 4), (5, 2), (8, 2), (11, 2), (14, 2), (17, 2))


def _digits(data: bytes, start: int, width: int) -> int:
    """Two or four ASCII digits at `start`; chrono checks them one by one, in order."""
    value = 0
    for byte in data[start : start + width]:
        if not 0x30 <= byte <= 0x39:
            raise ParseError(INVALID)
        value = value * 10 + byte - 0x30
    return value


def _fixed_part(data: bytes) -> tuple[int, int, int, int, int, int]:
    """The first 19 bytes, checked in chrono's order: the date is validated before the
    separator and the time are read."""
    values: list[int] = []
    for start, width in _FIELDS:
        if start == 11:
            if not is_valid_date(*values):
                raise ParseError(OUT_OF_RANGE)
            if data[10:11] not in (b"T", b"t", b" "):
                raise ParseError(INVALID)
        values.append(_digits(data, start, width))
        separator = _SEPARATORS.get(start + width)
        if separator is not None and data[start + width : start + width + 1] != separator:
            raise ParseError(INVALID)
    year, month, day, hour, minute, second = values
    return year, month, day, hour, minute, second


def _fraction(data: bytes, at: int) -> tuple[int, int]:
    """scan::nanosecond after the dot: (nanoseconds, where the rest starts)."""
    if at >= len(data):
        raise ParseError(TOO_SHORT)
    run = _DIGITS.match(data, at)
    end = run.end() if run else at
    if end == at:
        raise ParseError(INVALID)
    kept = data[at : min(end, at + 9)]
    return int(kept) * 10 ** (9 - len(kept)), end


def _offset(data: bytes, at: int) -> tuple[int, int]:
    """scan::timezone_offset(s, char(':'), zulu, no missing minutes, U+2212)."""
    rest = data[at:]
    if rest[:1] in (b"Z", b"z"):
        return 0, at + 1
    if not rest:
        raise ParseError(TOO_SHORT)
    if rest[:1] in (b"+", b"-"):
        negative, rest = rest[:1] == b"-", rest[1:]
    elif rest.startswith("\u2212".encode()):
        negative, rest = True, rest[3:]
    else:
        raise ParseError(INVALID)
    if len(rest) < 2:
        raise ParseError(TOO_SHORT)
    hours = _digits(rest, 0, 2)
    if not rest[2:]:
        raise ParseError(TOO_SHORT)
    if rest[2:3] != b":":
        raise ParseError(INVALID)
    minutes_text = rest[3:5]
    if len(minutes_text) < 2:
        raise ParseError(TOO_SHORT)
    if not (minutes_text[1:2].isdigit() and minutes_text[:1].isdigit()):
        raise ParseError(INVALID)
    if minutes_text[:1] > b"5":
        raise ParseError(OUT_OF_RANGE)
    seconds = hours * 3600 + int(minutes_text) * 60
    return (-seconds if negative else seconds), len(data) - len(rest) + 5


def parse_from_rfc3339(text: str) -> tuple[int, int]:
    """`DateTime::parse_from_rfc3339(text)` converted to UTC: (unix seconds, nanosecond,
    1e9 and more inside a leap second); raises ParseError with chrono's message."""
    data = text.encode("utf-8")
    if len(data) < 19:
        raise ParseError(TOO_SHORT)
    year, month, day, hour, minute, second = _fixed_part(data)
    extra = NANOS_PER_SECOND if second == 60 else 0
    second = 59 if second == 60 else second
    nanosecond, at = _fraction(data, 20) if data[19:20] == b"." else (0, 19)
    if hour > 23 or minute > 59 or second > 59:  # NaiveTime::from_hms_nano_opt
        raise ParseError(OUT_OF_RANGE)
    offset, at = _offset(data, at)
    if at < len(data):
        raise ParseError(TOO_LONG)
    if not -SECONDS_PER_DAY < offset < SECONDS_PER_DAY:
        raise ParseError(OUT_OF_RANGE)
    local = days_from_civil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60
    return local + second - offset, nanosecond + extra
