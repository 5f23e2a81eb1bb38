"""Schemas the API's answers share beyond the error shape (`mura.api.errors.ErrorOut`)."""

from typing import Any

from ninja import Schema
from pydantic import ValidationInfo, model_validator


class PlainSchema(Schema):
    """A Schema for an answer built as plain data (dicts and lists), as the search's is:
    it is validated as it is, without ninja's getter for model attributes and resolvers,
    which costs more than the rest of an answer with hundreds of facet values
    (docs/PERFORMANCE.md). Its subclasses declare no resolvers."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: Any, info: ValidationInfo
    ) -> Any:
        # Overrides (by name) ninja's validator that wraps every value in its getter.
        return handler(values)
