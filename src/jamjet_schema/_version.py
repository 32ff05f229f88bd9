"""The package version; it follows the schema version (see schema/)."""

__version__ = "1.0.0"
