"""Contenders for the insertion benchmarks (benchmarks/contenders/measure.py) and their runners."""
