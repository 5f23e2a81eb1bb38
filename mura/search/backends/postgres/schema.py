"""PostgreSQL's full-text structure over SearchDocument, for the migration that creates
it and the rebuild that pauses and resumes it.

A weighted tsvector column over the analysed keys, filled by a trigger in the record's
own transaction ('simple' configuration: the keys are analysed already, it only
lower-cases), with a GIN index. Weights: A title, B creators, C identifiers, D text."""

from mura.search.tables import DOCUMENT

COLUMN = "search_vector"
FUNCTION = "mura_search_vector"
TRIGGER = "mura_search_vector_update"
GIN_INDEX = "mura_search_vector_gin"
#: each analysed column with its weight
WEIGHTS = {"title_keys": "A", "creator_keys": "B", "id_keys": "C", "body_keys": "D"}

CREATE_GIN_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON {DOCUMENT} USING GIN ({COLUMN})"
)
DROP_GIN_INDEX = f"DROP INDEX IF EXISTS {GIN_INDEX}"


def create() -> list[str]:
    """Statements that create the structure (over an empty document table)."""
    vector = "\n            || ".join(
        f"setweight(to_tsvector('simple', NEW.{column}), '{weight}')"
        for column, weight in WEIGHTS.items()
    )
    return [
        f"ALTER TABLE {DOCUMENT} ADD COLUMN {COLUMN} tsvector",
        f"""CREATE FUNCTION {FUNCTION}() RETURNS trigger AS $$
    BEGIN
        NEW.{COLUMN} :=
            {vector};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
        f"""CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE ON {DOCUMENT}
        FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()""",
        CREATE_GIN_INDEX,
    ]


def drop() -> list[str]:
    """Statements that remove the structure."""
    return [
        f"DROP TRIGGER IF EXISTS {TRIGGER} ON {DOCUMENT}",
        f"DROP FUNCTION IF EXISTS {FUNCTION}()",
        f"ALTER TABLE {DOCUMENT} DROP COLUMN IF EXISTS {COLUMN}",
    ]
