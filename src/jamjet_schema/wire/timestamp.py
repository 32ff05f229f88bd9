"""`Timestamp`: what chrono's `DateTime<Utc>` holds, parses and writes.

State: Unix seconds plus chrono's `frac` nanoseconds. Like chrono, a leap second is
the :59 second with 1_000_000_000 <= frac < 2_000_000_000, and the range is chrono's
NaiveDateTime range, -262143-01-01T00:00:00Z ..= +262142-12-31T23:59:59.999999999Z.
Ordering and equality compare (seconds, frac), which is chrono's naive-UTC order.

Serialisation is chrono's `write_rfc3339(.., SecondsFormat::AutoSi, use_z = true)`:
years 0..=9999 as four digits, others with an explicit sign and at least four
digits (`+10000`, `-0001`); a fraction of 0, 3, 6 or 9 digits, the shortest that is
exact; a leap second printed as :60; always `Z`.

Speed: `parse` reads the shape chrono writes directly, and for a text already in
canonical form keeps that text and works the instant out on first use (most parsed
timestamps are only written back); `to_json_str` remembers what it wrote.
"""

from __future__ import annotations

import datetime as _dt
import re
import time
from collections.abc import Callable
from functools import total_ordering

from ._constants import EXPECTING_TIMESTAMP as EXPECTING
from .civil import (
    MAX_UNIX_SECONDS,
    MIN_UNIX_SECONDS,
    NANOS_PER_SECOND,
    SECONDS_PER_DAY,
    civil_from_days,
    days_from_civil,
    is_valid_date,
)
from .errors import Path, WireError
from .nodes import JsonNode
from .unexpected import invalid_type

# The shape chrono itself writes (and most logs hold), for years 0..=9999 and seconds
# 00-59: read by Timestamp.parse without the relaxed parser's item machinery, each
# field at a fixed offset. The group is the fraction's digits.
_UTC_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-5][0-9]:[0-5][0-9](?:\.([0-9]{1,9}))?Z\Z"
)
_NANO_SCALE = (1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1)
# Two-digit fields -> seconds (a dict lookup is cheaper than int()); _UTC_SHAPE allows
# 00-59 for minutes and seconds, an hour missing here (24-99) is chrono's error.
_HOURS = {f"{n:02}": n * 3600 for n in range(24)}
_MINUTES = {f"{n:02}": n * 60 for n in range(60)}
_SECONDS = {f"{n:02}": n for n in range(60)}
_DAYS: dict[str, int] = {}  # "YYYY-MM-DD" -> Unix seconds of its midnight, for valid dates
_DAYS_LIMIT = 16_384


def _format_fraction(nanos: int) -> str:
    if nanos == 0:
        return ""
    if nanos % 1_000_000 == 0:
        return f".{nanos // 1_000_000:03}"
    if nanos % 1_000 == 0:
        return f".{nanos // 1_000:06}"
    return f".{nanos:09}"


def _format_year(year: int) -> str:
    return f"{year:04}" if 0 <= year <= 9999 else f"{year:+05}"


@total_ordering
class Timestamp:
    """An instant as chrono's DateTime<Utc> represents it (immutable, hashable, ordered)."""

    __slots__ = ("_nanos", "_seconds", "_text")

    _seconds: int
    _nanos: int
    _text: str | None  # to_json_str(), once known (instances are immutable)

    def __init__(self, seconds: int, nanosecond: int = 0) -> None:
        """From Unix seconds and chrono's sub-second part, checked like
        `DateTime::from_timestamp`: 0 <= nanosecond < 2e9, and >= 1e9 (a leap
        second) only when the second is the 59th of its minute."""
        if not 0 <= nanosecond < 2 * NANOS_PER_SECOND:
            raise ValueError(f"nanosecond {nanosecond} out of range 0..2e9")
        if nanosecond >= NANOS_PER_SECOND and seconds % 60 != 59:
            raise ValueError("a leap second (nanosecond >= 1e9) must be at second 59")
        if not MIN_UNIX_SECONDS <= seconds <= MAX_UNIX_SECONDS:
            raise ValueError(f"{seconds} s is outside chrono's DateTime<Utc> range")
        object.__setattr__(self, "_seconds", seconds)
        object.__setattr__(self, "_nanos", nanosecond)
        object.__setattr__(self, "_text", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Timestamp is immutable")

    def __getattr__(self, name: str) -> int:
        # Only reached for an unset slot: parse() keeps the text of a canonical
        # instant and leaves the numbers to the first use (most are only written back).
        if name in ("_seconds", "_nanos"):
            text = self._text
            if text is not None:
                fraction = text[20:-1]
                found = _utc_instant(text, fraction or None)
                _SET_SECONDS(self, found._seconds)
                _SET_NANOS(self, found._nanos)
                return found._seconds if name == "_seconds" else found._nanos
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        """Accepts exactly what `DateTime<Utc>`'s serde Deserialize accepts in a JSON
        string (chrono's relaxed RFC 3339 parser); WireError with chrono's message."""
        match = _UTC_SHAPE.match(text)
        if match is not None and cls is Timestamp:
            day = _DAYS.get(text[:10])
            if day is None:
                day = _day_of(text)
            hour = _HOURS.get(text[11:13])
            if day is not None and hour is not None:
                fraction = match.group(1)
                if fraction is None or (len(fraction) % 3 == 0 and fraction[-3:] != "000"):
                    # chrono writes exactly this text back (3, 6 or 9 digits, the fewest
                    # that are exact, none for 0): keep it; the instant follows on demand.
                    instance = object.__new__(Timestamp)
                    _SET_TEXT(instance, text)
                    return instance
                return _utc_instant(text, fraction)
        # Imported on first use: chrono's relaxed parser, for every other shape.
        from .datetime_from_str import ParseError, parse_datetime

        try:
            seconds, nanos = parse_datetime(text)
        except ParseError as exc:
            raise WireError(str(exc), rule="timestamp") from None
        return cls(seconds, nanos)

    @classmethod
    def from_node(cls, node: JsonNode, path: Path = ()) -> Timestamp:
        """A JSON value as serde would decode a DateTime<Utc> field from it."""
        if not isinstance(node, str):
            raise invalid_type(node, EXPECTING, path)
        try:
            return cls.parse(node)
        except WireError as exc:
            raise exc.prefixed(*path) from None

    @classmethod
    def from_datetime(cls, value: _dt.datetime) -> Timestamp:
        """From an aware datetime (naive ones are refused: their instant is unknown)."""
        offset = value.utcoffset()
        if offset is None:
            raise ValueError("Timestamp.from_datetime needs an aware datetime")
        local_days = days_from_civil(value.year, value.month, value.day)
        local_seconds = local_days * SECONDS_PER_DAY + value.hour * 3600 + value.minute * 60
        local_nanos = (local_seconds + value.second) * NANOS_PER_SECOND + value.microsecond * 1000
        utc_nanos = local_nanos - (offset // _dt.timedelta(microseconds=1)) * 1000
        seconds, nanos = divmod(utc_nanos, NANOS_PER_SECOND)
        return cls(seconds, nanos)

    @classmethod
    def now(cls) -> Timestamp:
        """The current time at nanosecond resolution (Utc::now())."""
        seconds, nanos = divmod(time.time_ns(), NANOS_PER_SECOND)
        return cls(seconds, nanos)

    # -- accessors ------------------------------------------------------------------------

    @property
    def unix_seconds(self) -> int:
        """chrono's `timestamp()`: a leap second reports its :59 second."""
        return self._seconds

    @property
    def nanosecond(self) -> int:
        """chrono's `nanosecond()`: 0..1e9, or 1e9..2e9 during a leap second."""
        return self._nanos

    @property
    def is_leap_second(self) -> bool:
        return self._nanos >= NANOS_PER_SECOND

    def fields(self) -> tuple[int, int, int, int, int, int, int]:
        """(year, month, day, hour, minute, second, nanosecond) in UTC as chrono prints
        them: a leap second shows second 60 and the nanosecond minus 1e9."""
        days, second_of_day = divmod(self._seconds, SECONDS_PER_DAY)
        year, month, day = civil_from_days(days)
        hour, rest = divmod(second_of_day, 3600)
        minute, second = divmod(rest, 60)
        nanos = self._nanos
        if nanos >= NANOS_PER_SECOND:
            second, nanos = second + 1, nanos - NANOS_PER_SECOND
        return year, month, day, hour, minute, second, nanos

    def to_datetime(self) -> _dt.datetime:
        """An aware UTC datetime. Lossy: nanoseconds are truncated to microseconds, a
        leap second becomes 23:59:59.999999 of its minute's :59 second, and years
        outside 1..9999 raise ValueError (datetime cannot hold them)."""
        year, month, day, hour, minute, second, nanos = self.fields()
        if second == 60:
            second, nanos = 59, NANOS_PER_SECOND - 1000
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} does not fit datetime.datetime")
        return _dt.datetime(year, month, day, hour, minute, second, nanos // 1000, tzinfo=_dt.UTC)

    # -- serialisation --------------------------------------------------------------------

    def to_json_str(self) -> str:
        """The text chrono's serde Serialize puts in the JSON string (without quotes;
        it never needs escaping, so the JSON bytes are '"' + this + '"')."""
        text = self._text
        if text is None:
            year, month, day, hour, minute, second, nanos = self.fields()
            text = (
                f"{_format_year(year)}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
                f"{_format_fraction(nanos)}Z"
            )
            _SET_TEXT(self, text)
        return text

    def to_json(self) -> str:
        """The JSON bytes serde_json writes for this DateTime<Utc>, quotes included."""
        return '"' + (self._text or self.to_json_str()) + '"'

    __str__ = to_json_str

    def __repr__(self) -> str:
        return f"Timestamp.parse({self.to_json_str()!r})"

    # -- identity -------------------------------------------------------------------------

    def _key(self) -> tuple[int, int]:
        return (self._seconds, self._nanos)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[type[Timestamp], tuple[int, int]]:
        return (Timestamp, self._key())


# Slot setters for the constructors above (__setattr__ refuses: the type is immutable).
_SET_SECONDS: Callable[[Timestamp, int], None] = vars(Timestamp)["_seconds"].__set__
_SET_NANOS: Callable[[Timestamp, int], None] = vars(Timestamp)["_nanos"].__set__
_SET_TEXT: Callable[[Timestamp, str | None], None] = vars(Timestamp)["_text"].__set__


def _day_of(text: str) -> int | None:
    """Unix seconds of the midnight starting the date `text` (of _UTC_SHAPE) begins with;
    None if the date is invalid (the full parser then raises chrono's error)."""
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    if not is_valid_date(year, month, day):
        return None
    midnight = days_from_civil(year, month, day) * SECONDS_PER_DAY
    if len(_DAYS) >= _DAYS_LIMIT:
        _DAYS.clear()
    _DAYS[text[:10]] = midnight
    return midnight


def _utc_instant(text: str, fraction: str | None) -> Timestamp:
    """The Timestamp of a valid `text` of _UTC_SHAPE, as parse_datetime reads it: a
    four-digit year is within chrono's range, the offset is zero, a second below 60 is
    no leap second."""
    day = _DAYS.get(text[:10])
    if day is None:  # the cache was emptied since
        day = _day_of(text)
        assert day is not None
    seconds = day + _HOURS[text[11:13]] + _MINUTES[text[14:16]] + _SECONDS[text[17:19]]
    nanos = 0 if fraction is None else int(fraction) * _NANO_SCALE[len(fraction)]
    instance = object.__new__(Timestamp)
    _SET_SECONDS(instance, seconds)
    _SET_NANOS(instance, nanos)
    _SET_TEXT(instance, None)
    return instance
