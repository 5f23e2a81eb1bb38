"""Indexers: how each app's public records become search documents (see registry.py)."""
