"""Benchmark of Territoire at the scale of a real territory (issue 7)."""
