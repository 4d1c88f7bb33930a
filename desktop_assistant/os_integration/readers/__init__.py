"""Readers of the IM client (DESIGN 3.7): accessibility tree, sight, manual; one interface."""
