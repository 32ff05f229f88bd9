"""The one error the pipeline raises for a bad schema (jamjet_schema.wiremodel.errors)."""

from jamjet_schema.wiremodel.errors import SchemaError as SchemaError
