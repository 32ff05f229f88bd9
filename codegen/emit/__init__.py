"""One emitter per target. Each takes the WireModel and returns {relative path: text}."""
