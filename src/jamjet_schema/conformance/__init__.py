"""The conformance kit: the testee protocol client, the corpus and its runner."""
