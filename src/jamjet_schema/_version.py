"""The package version: the schema version the models were generated from (schema/)."""

from _jamjet_schema_generated import SCHEMA_VERSION as __version__

__all__ = ["__version__"]
