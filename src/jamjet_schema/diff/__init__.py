"""The compatibility diff between two schema versions, judged by serde's rules.

`compare(old, new)` walks two wire models (jamjet_schema.wiremodel) side by side and
names every change by its rule (rules.py); `jamjet-schema diff OLD NEW` (cli.py) is
the command, `python -m codegen.diff` the same command in a checkout.
"""
