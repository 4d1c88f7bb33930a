"""Readers of the IM client (docs/reading.md): accessibility tree, sight, manual; one interface."""
