"""One record of a log against the contract: does serde accept it, is it canonical?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jamjet_schema import native
from jamjet_schema.logs.era_match import matching_era
from jamjet_schema.logs.records import BOM_HINT, Record
from jamjet_schema.wire.errors import OTHER
from jamjet_schema.wire.nodes import JsonNode, JsonObject

if TYPE_CHECKING:
    from pydantic import ValidationError

BOM_TEXT = "\ufeff"


@dataclass(slots=True)  # not frozen: made once per reported line, frozen costs 3x
class Verdict:
    record: Record
    variant: str | None  # the kind's tag, when it can be read
    canonical: str | None  # serde's bytes for the event, when asked for and accepted
    error: str | None = None
    rule: str = ""  # the corpus rule the error breaks, as the engine says it
    # the older serde_json that writes a non-canonical line so (era_match.py)
    era: str | None = None
    # the field path of the offending value, as `error` starts with it ("" at the root,
    # or where none is known): the rejects table of jamjet_schema.spark has it apart
    path: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def is_canonical(self) -> bool:
        return self.canonical is not None and self.canonical == self.record.text


def check(
    record: Record,
    canonical: bool = False,
    refused: bool = False,
    why: native.Refusal | None = None,
) -> Verdict:
    """serde's verdict on one record; with `canonical`, also the bytes serde writes for it
    (writing is skipped otherwise: it costs more than reading on large payloads).

    A record is parsed at most twice. The native core reads it (here, or in the batch
    check that flagged it, `refused`, which hands over `why` it refused); a refused
    text is parsed once more, into the tree the core locates the refusal in. Only what
    the core cannot locate (native.Refusal) goes to the models' exact path instead,
    which gives serde's message, the field path and the tree the variant is read from."""
    if record.text is None:
        error = record.framing_error or "unreadable record"
        return Verdict(record, None, None, error, rule=record.framing_rule)
    if why is not None:  # the core said why: the models are not needed
        return _rejected(record, str(why), why.rule, why.variant, why.path)
    # The models are loaded here, not on import: a log checked by the native core
    # (logs.scan) needs them only for a line the core cannot explain.
    from jamjet_schema import Event

    core = not refused and native.READERS[Event] is not None
    event = None
    if core:
        event, why = native.judge(native.CORE.ROOT, record.text)
        if why is not None:
            return _rejected(record, str(why), why.rule, why.variant, why.path)
    elif not refused:  # the pure-Python path: its fast way first, as model_validate_json
        event = Event.fast_read(record.text)
    if event is None:
        exact = Event.exact_read(record.text)
        if exact.error is not None:
            message, rule = _message_and_rule(exact.error)
            path = _path_of(exact.error)
            return _rejected(record, message, rule, _variant_in(exact.tree), path)
        if refused or core:  # the core refused what the exact path accepts
            message = native.message(Event, record.text) or "refused"
            return _rejected(record, message, OTHER, _variant_in(exact.tree))
        event = exact.model
    assert event is not None
    if not canonical:
        return Verdict(record, event.kind.type, None)
    written = event.model_dump_json()
    era = None if written == record.text else matching_era(record.text, written)
    return Verdict(record, event.kind.type, written, era=era)


def _message_and_rule(error: ValidationError) -> tuple[str, str]:
    from jamjet_schema import serde_message
    from jamjet_schema.models.errors import serde_rule

    return serde_message(error), serde_rule(error)


def _path_of(error: ValidationError) -> str:
    from jamjet_schema.models.errors import serde_parts

    return serde_parts(error)[0]


def _rejected(
    record: Record, message: str, rule: str, variant: str | None, path: str = ""
) -> Verdict:
    assert record.text is not None
    if record.text.startswith(BOM_TEXT):
        message += f" ({BOM_HINT})"
    return Verdict(record, variant, None, message, rule=rule, path=path)


def _variant_in(tree: JsonNode | None) -> str | None:
    """The tag of a rejected event's kind, where the exact path's tree shows one (the
    last member of a name, as a plain JSON reader would take it)."""
    kind = _last(tree, "kind")
    tag = _last(kind, "type")
    return tag if isinstance(tag, str) else None


def _last(node: JsonNode | None, name: str) -> JsonNode | None:
    if not isinstance(node, JsonObject):
        return None
    return next((value for key, value in reversed(node.pairs) if key == name), None)
