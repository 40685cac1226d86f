"""Images as published: responsive variants without metadata, sanitised SVG, social cards, drawn
by worker processes into one cache (``cache.py``)."""
