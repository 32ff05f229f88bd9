"""Systematic cases drawn from the wire model, each with the outcome the model's rules predict."""
