"""Charts drawn on the server as SVG that reads on a phone: lengths in per cent of the
width (text keeps its size), a title and a description for screen readers; the figure's
table beside each chart holds every number."""

from datetime import date
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from mura.statistics.figures import Figure

BAR_ROW = 44
LINE_HEIGHT = 180
LABEL_LENGTH = 48


def _label(value: Any) -> str:
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    text = str(value)
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _summary(figure: Figure) -> str:
    points = figure.chart_points
    if not points:
        return _("No data for this period.")
    top_label, top_value = max(points, key=lambda point: point[1])
    return _("%(count)s values; the highest, %(value)s, is %(label)s.") % {
        "count": number_format(len(points)),
        "value": number_format(top_value),
        "label": _label(top_label),
    }


def _frame(figure: Figure, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="stat-chart stat-chart--{kind}" width="100%" height="{height}" '
        'role="img" aria-labelledby="chart-{key}-title chart-{key}-desc" '
        'focusable="false"><title id="chart-{key}-title">{title}</title>'
        '<desc id="chart-{key}-desc">{summary}</desc>{body}</svg>',
        kind=figure.chart,
        height=height,
        key=figure.key,
        title=figure.title,
        summary=_summary(figure),
        body=body,
    )


def bar_chart(figure: Figure, limit: int = 12) -> SafeString:
    """One bar per row under its label, the longest bar the full width."""
    points = figure.chart_points[:limit]
    highest = max((value for _label, value in points), default=0) or 1
    rows = format_html_join(
        "",
        '<text class="stat-chart__label" x="0" y="{label_y}">{label}</text>'
        '<text class="stat-chart__value" x="100%" y="{label_y}" text-anchor="end">'
        "{shown}</text>"
        '<rect class="stat-chart__bar" x="0" y="{bar_y}" width="{width}%" height="14" '
        'rx="2"></rect>',
        (
            {
                "label_y": index * BAR_ROW + 16,
                "label": _label(label),
                "shown": number_format(value),
                "bar_y": index * BAR_ROW + 22,
                "width": round(100 * value / highest, 2) if value else 0.3,
            }
            for index, (label, value) in enumerate(points)
        ),
    )
    return _frame(figure, max(len(points), 1) * BAR_ROW, rows)


def line_chart(figure: Figure) -> SafeString:
    """The values in order (a day each): a line over a shaded area, the highest value
    and the first and last days written on the axes."""
    points = figure.chart_points
    values = [value for _label, value in points] or [0]
    highest = max(values) or 1
    count = max(len(values) - 1, 1)
    line = " ".join(
        f"{index},{100 - 100 * value / highest:.2f}"
        for index, value in enumerate(values)
    )
    area = f"0,100 {line} {count},100"
    first, last = (_label(points[0][0]), _label(points[-1][0])) if points else ("", "")
    body = format_html(
        '<text class="stat-chart__value" x="0" y="14">{highest}</text>'
        '<svg x="0" y="22" width="100%" height="{height}" viewBox="0 0 {count} 100" '
        'preserveAspectRatio="none">'
        '<polygon class="stat-chart__area" points="{area}"></polygon>'
        '<polyline class="stat-chart__line" points="{line}" fill="none" '
        'vector-effect="non-scaling-stroke"></polyline></svg>'
        '<line class="stat-chart__axis" x1="0" x2="100%" y1="{axis}" y2="{axis}"></line>'
        '<text class="stat-chart__label" x="0" y="{under}">{first}</text>'
        '<text class="stat-chart__label" x="100%" y="{under}" text-anchor="end">{last}</text>',
        highest=number_format(max(values)),
        height=LINE_HEIGHT,
        count=count,
        area=area,
        line=line,
        axis=LINE_HEIGHT + 22,
        under=LINE_HEIGHT + 42,
        first=first,
        last=last,
    )
    return _frame(figure, LINE_HEIGHT + 50, body)


def chart(figure: Figure) -> SafeString:
    if figure.chart == "line":
        return line_chart(figure)
    if figure.chart == "bar" and figure.rows:
        return bar_chart(figure)
    return SafeString("")
