"""The jamjet-schema code generator: schema -> wire model -> one emitter per language."""
