"""Event logs on disk: streaming them, checking each event as serde would, rewriting them."""
