"""The statistics page, its downloads and the quarterly report (admin views)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mura.institutions.permissions import institutions_for, is_union_admin
from mura.statistics.charts import chart
from mura.statistics.downloads import FORMATS, figure_download
from mura.statistics.forms import PeriodForm, ReportForm, default_period
from mura.statistics.periods import quarter
from mura.statistics.report import report_pdf, report_xlsx
from mura.statistics.selectors import all_figures


def staff_institutions(request: HttpRequest):
    """The institutions whose figures this person may read; none means no access."""
    institutions = institutions_for(request.user)
    if not is_union_admin(request.user) and not institutions.exists():
        raise PermissionDenied
    return institutions


def _figures(request: HttpRequest):
    institutions = staff_institutions(request)
    form = PeriodForm(request.GET or None, institutions=institutions)
    if request.GET and not form.is_valid():
        return form, None, []
    if not request.GET:
        form = PeriodForm(default_period(), institutions=institutions)
        form.is_valid()
    chosen = form.cleaned_data.get("institution")
    union = is_union_admin(request.user)
    if chosen is not None:
        scope = [chosen.pk]
    else:
        scope = None if union else list(institutions.values_list("pk", flat=True))
    period = form.cleaned_data["period"]
    figures = all_figures(period=period, scope=scope, compare=union and chosen is None)
    return form, period, figures


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Statistics")
    header_icon = "table"
    template_name = "statistics/statistics.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, period, figures = _figures(self.request)
        institutions = staff_institutions(self.request)
        context.update(
            form=form,
            period=period,
            figures=[(figure, chart(figure)) for figure in figures],
            query=self.request.GET.urlencode(),
            report_form=ReportForm(
                institutions=institutions,
                initial={"language": "kk", "file_format": "pdf"},
            ),
        )
        return context


def download(request: HttpRequest, key: str, file_format: str) -> HttpResponse:
    """One figure's table as CSV or XLSX, for the period chosen on the page."""
    if file_format not in FORMATS:
        raise Http404
    form, period, figures = _figures(request)
    if period is None:
        return render(
            request,
            "statistics/invalid.html",
            {"form": form, "page_title": _("Statistics")},
            status=400,
        )
    figure = next((figure for figure in figures if figure.key == key), None)
    if figure is None:
        raise Http404
    stem = f"{key}-{period.start.isoformat()}-{period.end.isoformat()}"
    return figure_download(figure, file_format, stem)


def quarterly_report(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.GET, institutions=staff_institutions(request))
    if not form.is_valid():
        return render(
            request,
            "statistics/invalid.html",
            {"form": form, "page_title": _("Quarterly report")},
            status=400,
        )
    data = form.cleaned_data
    institution, period = data["institution"], quarter(data["year"], data["quarter"])
    make = report_pdf if data["file_format"] == "pdf" else report_xlsx
    content = make(institution=institution, period=period, language=data["language"])
    stem = f"report-{institution.slug}-{data['year']}-q{data['quarter']}-{data['language']}"
    response = HttpResponse(content, content_type=_content_type(data["file_format"]))
    response["Content-Disposition"] = (
        f'attachment; filename="{stem}.{data["file_format"]}"'
    )
    return response


def _content_type(file_format: str) -> str:
    return "application/pdf" if file_format == "pdf" else FORMATS["xlsx"]
