"""Subcommands of `jamjet-schema`, one module each (see jamjet_schema/cli.py)."""
