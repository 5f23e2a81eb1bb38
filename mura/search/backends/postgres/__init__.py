"""PostgreSQL full text: ``schema`` builds the tsvector, ``backend`` queries it."""
