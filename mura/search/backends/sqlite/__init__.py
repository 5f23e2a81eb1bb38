"""SQLite FTS5: ``schema`` builds the tables, ``backend`` queries them."""
