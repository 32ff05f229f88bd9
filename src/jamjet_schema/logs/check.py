"""One record of a log against the contract: does serde accept it, is it canonical?"""

from __future__ import annotations

import json
from dataclasses import dataclass

from jamjet_schema.logs.era_match import matching_era
from jamjet_schema.logs.records import BOM_HINT, Record
from jamjet_schema.logs.rules import rule_of

BOM_TEXT = "\ufeff"


@dataclass(frozen=True)
class Verdict:
    record: Record
    variant: str | None  # the kind's tag, when it can be read
    canonical: str | None  # serde's bytes for the event, when asked for and accepted
    error: str | None = None
    era: str | None = (
        None  # the older serde_json that writes a non-canonical line so (era_match.py)
    )

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def rule(self) -> str:
        return rule_of(self.error) if self.error else ""

    @property
    def is_canonical(self) -> bool:
        return self.canonical is not None and self.canonical == self.record.text


def check(record: Record, canonical: bool = False) -> Verdict:
    """serde's verdict on one record; with `canonical`, also the bytes serde writes for it
    (writing is skipped otherwise: it costs more than reading on large payloads)."""
    # The models are loaded here, not on import: a clean log checked by the native core
    # (logs.scan) never needs them.
    from pydantic import ValidationError

    from jamjet_schema import Event, serde_message
    from jamjet_schema.wire import WireError

    if record.text is None:
        return Verdict(record, None, None, record.framing_error or "unreadable record")
    try:
        event = Event.model_validate_json(record.text)
    except ValidationError as err:
        return _rejected(record, serde_message(err))
    except WireError as err:
        return _rejected(record, str(err))
    if not canonical:
        return Verdict(record, event.kind.type, None)
    written = event.model_dump_json()
    era = None if written == record.text else matching_era(record.text, written)
    return Verdict(record, event.kind.type, written, era=era)


def _rejected(record: Record, message: str) -> Verdict:
    assert record.text is not None
    if record.text.startswith(BOM_TEXT):
        message += f" ({BOM_HINT})"
    return Verdict(record, _variant_of(record.text), None, message)


def _variant_of(text: str) -> str | None:
    """The tag of a rejected event's kind, if plain JSON parsing can find it."""
    try:
        kind = json.loads(text).get("kind")
    except (ValueError, AttributeError, RecursionError):  # not JSON, not an object, too deep
        return None
    tag = kind.get("type") if isinstance(kind, dict) else None
    return tag if isinstance(tag, str) else None
