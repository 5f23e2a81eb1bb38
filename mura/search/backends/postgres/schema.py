# ruff: noqa: S608 - SQL is assembled from constants; nothing comes from outside.
"""PostgreSQL's full-text structure over SearchDocument, for the migrations that create
it and the rebuild that pauses and resumes it.

Two weighted tsvector columns over the analysed keys, filled by a trigger in the
record's own transaction ('simple' configuration: the keys are analysed already, it only
lower-cases), each with a GIN index: every field (weights A title, B creators,
C identifiers, D text), and titles with creators alone, short, which rank the first
pages of frequent words and serve name matches without reading the whole text's vector.
A third GIN index holds the title's words alone, unweighted (an expression, no column):
suggestions look their prefixes up there without reading any row to tell a title's
word from a creator's (a weighted lookup reads each candidate's vector)."""

from mura.search.tables import DOCUMENT

COLUMN = "search_vector"
TITLE_COLUMN = "title_vector"
FUNCTION = "mura_search_vector"
TRIGGER = "mura_search_vector_update"
#: each analysed column with its weight
WEIGHTS = {"title_keys": "A", "creator_keys": "B", "id_keys": "C", "body_keys": "D"}
TITLE_FIELDS = ("title_keys", "creator_keys")
TITLE_WORDS_FUNCTION = "mura_title_words"
#: the title's words, unweighted, as the title-words index holds them
TITLE_WORDS = f"{TITLE_WORDS_FUNCTION}(title_keys)"
#: GIN index → what it indexes
GIN_INDEXES = {
    "mura_search_vector_gin": COLUMN,
    "mura_title_vector_gin": TITLE_COLUMN,
    "mura_title_words_gin": f"({TITLE_WORDS})",
}


def _vector(fields, row: str = "NEW") -> str:
    return "\n            || ".join(
        f"setweight(to_tsvector('simple', {row}.{field}), '{WEIGHTS[field]}')"
        for field in fields
    )


def title_words_function() -> str:
    """The title's words as a function the planner knows to be dear: else, for a
    suggestion's ``LIMIT``, it reads the table in order, analysing each row's title,
    instead of reading the few rows the index names (seconds for a frequent prefix).
    PL/pgSQL, so that it is not inlined back into the cheap expression."""
    return f"""CREATE OR REPLACE FUNCTION {TITLE_WORDS_FUNCTION}(title_keys text)
    RETURNS tsvector LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
    BEGIN
        RETURN to_tsvector('simple', title_keys);
    END
    $$"""


def gin_create() -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS {name} ON {DOCUMENT} USING GIN ({column})"
        for name, column in GIN_INDEXES.items()
    ]


def gin_drop() -> list[str]:
    return [f"DROP INDEX IF EXISTS {name}" for name in GIN_INDEXES]


def create() -> list[str]:
    """Statements that create the structure, or complete one an earlier version made
    (its rows' title vectors filled)."""
    return [
        f"ALTER TABLE {DOCUMENT} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector",
        f"ALTER TABLE {DOCUMENT} ADD COLUMN IF NOT EXISTS {TITLE_COLUMN} tsvector",
        f"""CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
    BEGIN
        NEW.{COLUMN} :=
            {_vector(WEIGHTS)};
        NEW.{TITLE_COLUMN} :=
            {_vector(TITLE_FIELDS)};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
        f"""CREATE OR REPLACE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE ON {DOCUMENT}
        FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()""",
        f"UPDATE {DOCUMENT} d SET {TITLE_COLUMN} = {_vector(TITLE_FIELDS, 'd')} "
        f"WHERE {TITLE_COLUMN} IS NULL",
        title_words_function(),
        *gin_create(),
    ]


def drop() -> list[str]:
    """Statements that remove the structure."""
    return [
        *gin_drop(),
        f"DROP TRIGGER IF EXISTS {TRIGGER} ON {DOCUMENT}",
        f"DROP FUNCTION IF EXISTS {FUNCTION}()",
        f"DROP FUNCTION IF EXISTS {TITLE_WORDS_FUNCTION}(text)",
        f"ALTER TABLE {DOCUMENT} DROP COLUMN IF EXISTS {TITLE_COLUMN}",
        f"ALTER TABLE {DOCUMENT} DROP COLUMN IF EXISTS {COLUMN}",
    ]
