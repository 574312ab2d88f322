"""Data files shipped with kamgraph (read with importlib.resources)."""
