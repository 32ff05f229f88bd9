"""What the seed's `new` constructors fill in themselves (the model's Fill values)."""

from __future__ import annotations

import uuid

from jamjet_schema.wire import Timestamp


def fill_uuid_v4() -> uuid.UUID:
    """`Uuid::new_v4()`: a random version-4 UUID."""
    return uuid.uuid4()


def fill_now_utc() -> Timestamp:
    """`Utc::now()`: the current time, with nanoseconds."""
    return Timestamp.now()
