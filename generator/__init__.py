"""Territoire: static site generator for territory promotion microsites."""

__version__ = "0.1.0"
