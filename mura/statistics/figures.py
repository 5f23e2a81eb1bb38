"""A figure: what a chart and its table show, and what its downloads contain."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Figure:
    """``rows`` are the table and the download; ``chart`` names one label column and
    one number column of them to draw (line: a value per day; bar: one per row)."""

    key: str
    title: str
    description: str
    columns: list[str]
    rows: list[tuple[Any, ...]]
    chart: str = "bar"  # "bar", "line" or "" (a table only)
    label_column: int = 0
    value_column: int = 1
    total: int | None = None
    previous_total: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def chart_points(self) -> list[tuple[Any, int]]:
        return [
            (row[self.label_column], row[self.value_column] or 0) for row in self.rows
        ]

    @property
    def change(self) -> float | None:
        """The total's change against the previous period, in per cent."""
        if self.total is None or not self.previous_total:
            return None
        return round(100 * (self.total - self.previous_total) / self.previous_total, 1)
