"""DateTime<Utc> against the probe (every relaxed-RFC 3339 form chrono takes or
refuses), and the Timestamp API."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random

import pytest

from codegen.corpus.wire_lists import (
    DATES,
    OFFSETS,
    SEPARATORS,
    TIMES,
    one_dimension_at_a_time,
)
from jamjet_schema.wire import Timestamp, WireError, datetime_from_str
from tests.wire.wire_probe import Differential


def random_combinations(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(DATES) + rng.choice(SEPARATORS) + rng.choice(TIMES) + rng.choice(OFFSETS)
        for _ in range(count)
    ]


def range_edges() -> list[str]:
    edges = ["+262142-12-31T23:59:59", "-262143-01-01T00:00:00", "+262142-12-31T23:59:60"]
    offsets = ["Z", "-00:01", "+00:01", "-23:59", "+23:59"]
    return [e + o for e, o in itertools.product(edges, offsets)]


def leap_seconds() -> list[str]:
    days = ["2016-12-31", "2015-06-30", "2020-03-15", "0000-01-01", "+262142-12-31"]
    times = ["23:59:60", "23:59:60.999999999", "00:00:60", "11:11:60.5"]
    offsets = ["Z", "+01:00", "-01:00", "+00:30", "-23:59"]
    return [d + "T" + t + o for d, t, o in itertools.product(days, times, offsets)]


def as_json(texts: list[str]) -> list[str]:
    return [json.dumps(t, ensure_ascii=False) for t in texts]


def test_every_dimension(differential: Differential) -> None:
    assert differential("DateTime<Utc>", as_json(one_dimension_at_a_time())) == []


def test_random_combinations(differential: Differential) -> None:
    assert differential("DateTime<Utc>", as_json(random_combinations(seed=1, count=6000))) == []


def test_range_edges_and_leap_seconds(differential: Differential) -> None:
    assert differential("DateTime<Utc>", as_json(range_edges() + leap_seconds())) == []


def test_every_fraction_length_and_rounding(differential: Differential) -> None:
    rng = random.Random(4)
    texts = []
    for _ in range(2000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 12)))
        moment = f"{rng.randint(0, 9999):04}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        offset = rng.choice(["Z", f"+{rng.randint(0, 23):02}:{rng.randint(0, 59):02}", "-05:00"])
        hms = f"{rng.randint(0, 23):02}:{rng.randint(0, 59):02}:{rng.randint(0, 60):02}"
        texts.append(f"{moment}T{hms}.{digits}{offset}")
    assert differential("DateTime<Utc>", as_json(texts)) == []


def test_non_strings(differential: Differential) -> None:
    texts = ["0", "1.5", "null", "true", "[]", "{}", '["2020-01-01T00:00:00Z"]', '"', "1e400"]
    assert differential("DateTime<Utc>", texts) == []


def test_order_hash_and_identity() -> None:
    a = Timestamp.parse("2016-12-31T23:59:59.999999999Z")
    leap = Timestamp.parse("2016-12-31T23:59:60Z")
    b = Timestamp.parse("2017-01-01T00:00:00Z")
    assert a < leap < b
    assert leap.is_leap_second and leap.nanosecond == 1_000_000_000
    assert leap.unix_seconds == a.unix_seconds
    assert Timestamp.parse("2017-01-01T01:00:00+01:00") == b
    assert len({b, Timestamp.parse("2017-01-01 00:00:00z")}) == 1
    assert str(leap) == "2016-12-31T23:59:60Z"
    assert leap.to_json() == '"2016-12-31T23:59:60Z"'


def test_datetime_interop() -> None:
    plus_two = dt.timezone(dt.timedelta(hours=2))
    moment = dt.datetime(2024, 3, 1, 12, 0, 0, 123456, tzinfo=plus_two)
    stamp = Timestamp.from_datetime(moment)
    assert str(stamp) == "2024-03-01T10:00:00.123456Z"
    assert stamp.to_datetime() == moment
    precise = Timestamp.parse("2024-03-01T10:00:00.123456789Z")
    assert precise.to_datetime().microsecond == 123456  # truncated, documented
    with pytest.raises(ValueError):
        Timestamp.from_datetime(dt.datetime(2024, 3, 1))
    with pytest.raises(ValueError):
        Timestamp.parse("+10000-01-01T00:00:00Z").to_datetime()
    assert Timestamp.parse("2016-12-31T23:59:60.5Z").to_datetime().second == 59


def test_now_and_constructor_checks() -> None:
    assert Timestamp.now() > Timestamp.parse("2024-01-01T00:00:00Z")
    with pytest.raises(ValueError):
        Timestamp(0, 1_000_000_000)  # a leap second must sit on second 59
    assert Timestamp(59, 1_500_000_000).to_json_str() == "1970-01-01T00:00:60.500Z"
    with pytest.raises(WireError) as caught:
        Timestamp.parse("2020-01-01")
    assert caught.value.message == "premature end of input"


def test_canonical_fast_path_matches_general_parser() -> None:
    rng = random.Random(17)
    texts = []
    for _ in range(5000):
        fields = [rng.randint(0, 9999), rng.randint(0, 13), rng.randint(0, 32)]
        fields += [rng.randint(0, 25), rng.randint(0, 61), rng.randint(0, 61)]
        fraction = rng.choice(["", "." + str(rng.randint(0, 10**9 - 1)).zfill(rng.randint(1, 9))])
        texts.append("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}".format(*fields) + fraction + "Z")
    for text in texts:
        outcomes = []
        for parser in (datetime_from_str.parse_datetime, datetime_from_str.parse_datetime_general):
            try:
                outcomes.append(repr(parser(text)))
            except datetime_from_str.ParseError as exc:
                outcomes.append(str(exc))
        assert outcomes[0] == outcomes[1], text
