"""`Timestamp`: what chrono's `DateTime<Utc>` holds, parses and writes.

State: Unix seconds plus chrono's `frac` nanoseconds. Like chrono, a leap second is
the :59 second with 1_000_000_000 <= frac < 2_000_000_000, and the range is chrono's
NaiveDateTime range, -262143-01-01T00:00:00Z ..= +262142-12-31T23:59:59.999999999Z.
Ordering and equality compare (seconds, frac), which is chrono's naive-UTC order.

Serialisation is chrono's `write_rfc3339(.., SecondsFormat::AutoSi, use_z = true)`:
years 0..=9999 as four digits, others with an explicit sign and at least four
digits (`+10000`, `-0001`); a fraction of 0, 3, 6 or 9 digits, the shortest that is
exact; a leap second printed as :60; always `Z`.
"""

from __future__ import annotations

import datetime as _dt
import time
from functools import total_ordering

from .civil import (
    MAX_UNIX_SECONDS,
    MIN_UNIX_SECONDS,
    NANOS_PER_SECOND,
    SECONDS_PER_DAY,
    civil_from_days,
    days_from_civil,
)
from .errors import Path, WireError
from .nodes import JsonNode
from .rfc3339 import ParseError, parse_datetime
from .unexpected import invalid_type

EXPECTING = "an RFC 3339 formatted date and time string"


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

    __slots__ = ("_nanos", "_seconds")

    _seconds: int
    _nanos: int

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

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Timestamp is immutable")

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        """Accepts exactly what `DateTime<Utc>`'s serde Deserialize accepts in a JSON
        string (chrono's relaxed RFC 3339 parser); WireError with chrono's message."""
        try:
            seconds, nanos = parse_datetime(text)
        except ParseError as exc:
            raise WireError(str(exc)) from None
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
        year, month, day, hour, minute, second, nanos = self.fields()
        return (
            f"{_format_year(year)}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
            f"{_format_fraction(nanos)}Z"
        )

    def to_json(self) -> str:
        """The JSON bytes serde_json writes for this DateTime<Utc>, quotes included."""
        return f'"{self.to_json_str()}"'

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
