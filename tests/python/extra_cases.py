"""The wire-heavy documents of the differential suite.

They live in codegen/corpus/documents.py and are recorded into the shipped corpus
(`required/documents/`, or the implementation-defined tier), so every input the
differential suite puts to the Python models is also a fixture other
implementations are judged by.
"""

from __future__ import annotations

from codegen.corpus.documents import Extra, all_extras

__all__ = ["Extra", "all_extras"]
