"""The commands' files: inputs opened and recognised (compression, what the bytes look
like), outputs written atomically and never over an input. See README.md."""
