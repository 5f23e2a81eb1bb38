"""The tables raw SQL names, from the models (a renamed model renames them here)."""

from mura.institutions.models import Institution
from mura.search.models import SearchDocument, SearchFacetLabel, SearchSpelling

DOCUMENT = SearchDocument._meta.db_table
FACET_LABEL = SearchFacetLabel._meta.db_table
SPELLING = SearchSpelling._meta.db_table
INSTITUTION = Institution._meta.db_table
