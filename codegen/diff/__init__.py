"""Compatibility diff between two schema versions, judged by serde's rules.

It lives in the installed package (jamjet_schema.diff); `python -m codegen.diff` runs
it on models loaded the code generator's way (with the metaschema check).
"""
