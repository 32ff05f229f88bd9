"""Benchmarks (`nox -s bench`) and the synthetic event logs they and the tests use."""
