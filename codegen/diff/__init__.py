"""Compatibility diff between two schema versions, judged by serde's rules."""
