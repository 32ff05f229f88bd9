"""The store's two readers, `DateTime::parse_from_rfc3339` and `Uuid::parse_str`, against
chrono and uuid themselves (the reference writer's probe mode), and where they differ
from serde's readers of the same fields in an Event's JSON (docs/event-store.md)."""

from __future__ import annotations

import re

import pytest

from jamjet_schema.conformance.testee import Testee
from jamjet_schema.store.parse_from_rfc3339 import parse_from_rfc3339
from jamjet_schema.wire import Timestamp, WireError
from jamjet_schema.wire.datetime_from_str import ParseError, parse_datetime
from jamjet_schema.wire.uuids import parse_uuid
from tests.store.conftest import Writer

BASE = "2024-05-06T07:08:09"
CREATED_AT = [
    f"{BASE}+00:00",
    f"{BASE}Z",
    f"{BASE}z",
    f"{BASE}.5+00:00",
    f"{BASE}.123+00:00",
    f"{BASE}.123456+00:00",
    f"{BASE}.123456789+00:00",
    f"{BASE}.1234567891234+00:00",
    f"{BASE}.+00:00",
    f"{BASE}.Z",
    f"{BASE}.x+00:00",
    f"{BASE},5Z",
    "2024-05-06t07:08:09Z",
    "2024-05-06 07:08:09Z",
    "2024-05-06_07:08:09Z",
    f"{BASE}+0000",
    f"{BASE}+00",
    f"{BASE}+00:0",
    f"{BASE}+00:",
    f"{BASE}+",
    f"{BASE}",
    f"{BASE} +00:00",
    f"{BASE}+00 :00",
    f"{BASE}+00::00",
    f"{BASE} UTC",
    f"{BASE}UTC",
    f" {BASE}Z",
    f"{BASE}Z ",
    f"{BASE}Z\n",
    f"{BASE}Zx",
    f"{BASE}+00:00Z",
    f"{BASE}+05:30",
    f"{BASE}-08:00",
    f"{BASE}+23:59",
    f"{BASE}+24:00",
    f"{BASE}+99:00",
    f"{BASE}+00:60",
    f"{BASE}-00:99",
    f"{BASE}\u221205:00",
    f"{BASE}\u2212",
    "2024-05-06T07:08:60Z",
    "2024-05-06T07:08:60.5+01:00",
    "2024-05-06T07:08:61Z",
    "2024-05-06T24:00:00Z",
    "2024-05-06T23:60:00Z",
    "2024-13-06T07:08:09Z",
    "2024-00-06T07:08:09Z",
    "2024-02-30T07:08:09Z",
    "2024-02-29T07:08:09Z",
    "2023-02-29T07:08:09Z",
    "2024-02-30Tx",
    "0000-01-01T00:00:00+00:01",
    "9999-12-31T23:59:59.999999999-23:59",
    "+2024-05-06T07:08:09Z",
    "-0001-01-01T00:00:00Z",
    "+10000-01-01T00:00:00+00:00",
    "2024-5-06T07:08:09Z",
    "2024-05-6T07:08:09Z",
    "2024-05-06T7:08:09Z",
    "24-05-06T07:08:09Z",
    "2024/05/06T07:08:09Z",
    "2024-05-06T07:08:09\u00e9",
    "2024-05-06T07:08:0\u00e9Z",
    "2024-05-06",
    "",
    "x",
    "\u0662\u0660\u0662\u0664-05-06T07:08:09Z",
    "2024-05-06T07:08:09.\u0661Z",
]
UUIDS = [
    "67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67E55044-10B1-426F-9247-BB680E5FE0C8",
    "67e55044-10B1-426f-9247-bb680e5fe0c8",
    "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
    "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
    "URN:UUID:67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67e5504410b1426f9247bb680e5fe0c8",
    "67E5504410B1426F9247BB680E5FE0C8",
    "{67e5504410b1426f9247bb680e5fe0c8}",
    "urn:uuid:67e5504410b1426f9247bb680e5fe0c8",
    " 67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fe0c8 ",
    "67e55044-10b1-426f-9247-bb680e5fe0c",
    "67e55044-10b1-426f-9247-bb680e5fe0c88",
    "67e5504-410b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1-426f-9247bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fe0cg",
    "67e55044_10b1_426f_9247_bb680e5fe0c8",
    "{67e55044-10b1-426f-9247-bb680e5fe0c8",
    "(67e55044-10b1-426f-9247-bb680e5fe0c8)",
    "67e55044-10b1-426f-9247-bb680e5fe0\u00e9",
    "",
    "0",
    "not a uuid",
    "00000000-0000-0000-0000-000000000000",
]


@pytest.fixture(scope="module")
def probed(writer: Writer) -> dict[str, dict[str, dict[str, str]]]:
    return {answer["text"]: answer for answer in writer.probe(sorted(set(CREATED_AT + UUIDS)))}


def _ours_created_at(text: str) -> dict[str, str]:
    try:
        return {"ok": Timestamp(*parse_from_rfc3339(text)).to_json()}
    except ParseError as err:
        return {"error": str(err)}


def _ours_uuid(text: str) -> dict[str, str]:
    try:
        return {"ok": f'"{parse_uuid(text)}"'}
    except WireError as err:
        return {"error": err.message.removeprefix("UUID parsing failed: ")}


@pytest.mark.parametrize("text", CREATED_AT)
def test_parse_from_rfc3339_is_chrono(
    text: str, probed: dict[str, dict[str, dict[str, str]]]
) -> None:
    assert _ours_created_at(text) == probed[text]["parse_from_rfc3339"]


@pytest.mark.parametrize("text", UUIDS)
def test_parse_str_is_uuid(text: str, probed: dict[str, dict[str, dict[str, str]]]) -> None:
    assert _ours_uuid(text) == probed[text]["uuid_parse_str"]


def _verdict(answer: dict[str, str]) -> str | None:
    return answer.get("ok")


def test_the_readers_differ_where_recorded(probed: dict[str, dict[str, dict[str, str]]]) -> None:
    """serde's DateTime<Utc> reads everything parse_from_rfc3339 reads, to the same instant,
    and more (docs/event-store.md); serde's Uuid is parse_str, only its message is prefixed."""
    only_serde = []
    for text in CREATED_AT:
        store, serde = probed[text]["parse_from_rfc3339"], probed[text]["serde_datetime"]
        if "ok" in store:
            assert serde == store, text
        elif "ok" in serde:
            only_serde.append(text)
            assert Timestamp(*parse_datetime(text)).to_json() == serde["ok"]
    assert {f"{BASE}+0000", f"{BASE} UTC", f" {BASE}Z", "2024-5-06T07:08:09Z"} <= set(only_serde)
    for text in UUIDS:
        store, serde = probed[text]["uuid_parse_str"], probed[text]["serde_uuid"]
        if "ok" in store:
            assert serde == store
        else:
            assert serde["error"].startswith("UUID parsing failed: " + store["error"])


def test_an_old_readers_messages_are_serdes(rust_seed: Testee) -> None:
    """check-store's reader of release 1.0.0 words its refusals as serde does: the 1.0.0
    contract compiled verbatim (the seed testee) is the judge. serde's OneOf says
    "`a` or `b`" for two variants (ApprovalDecision), "one of ..." for more."""
    from jamjet_schema.conformance.testee import Request
    from jamjet_schema.store.readers import reader_for

    reader = reader_for("1.0.0")
    approval = '{"type":"approval_received","node_id":"n","user_id":"u","decision":"DECISION"}'
    kinds = [
        approval.replace("DECISION", "maybe"),
        approval.replace('"DECISION"', "1"),
        approval.replace(',"user_id":"u"', ""),
        approval.replace('"DECISION"', '{"nope":null}'),
        approval.replace('"DECISION"', '{"approved":1}'),
        approval.replace('"DECISION"', '{"approved":null,"rejected":null}'),
        '{"type":"node_parked","node_id":"n"}',
        '{"type":"node_started","node_id":"n","worker_id":"w","attempt":"1"}',
    ]
    answers = rust_seed.run(Request("EventKind", kind) for kind in kinds)
    accepted = approval.replace('"DECISION"', '{"approved":null}')
    assert (
        reader.judge(accepted) is None
        and reader.judge(approval.replace("DECISION", "approved")) is None
    )
    for kind, answer in zip(kinds, answers, strict=True):
        assert answer.verdict == "error", kind
        serde = re.sub(r" at line \d+ column \d+$", "", answer.text)
        ours = reader.judge(kind)  # with the field path before serde's message
        assert ours is not None and (ours == serde or ours.endswith(": " + serde)), (ours, serde)
