"""Every figure of the statistics page and the quarterly report, read from the apps'
own rows for a period and the institutions a person may see (None: all of them)."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from wagtail.models import Page

from mura.catalog.choices import Kind
from mura.catalog.models import DigitalFile, Resource
from mura.comments.models import Comment
from mura.events.countries import country_names
from mura.events.models import EventPage, Registration
from mura.institutions.models import Institution
from mura.portal.translation import current_language
from mura.search.models import SearchQueryLog
from mura.statistics.closed import (
    Counted,
    closed_and_live,
    closed_cached,
    kept_ranking,
    top_merged,
)
from mura.statistics.figures import Figure
from mura.statistics.models import InstitutionDailyViews, ViewKind
from mura.statistics.periods import Period, calendar_months
from mura.statistics.totals import Scope, most_viewed

TOP = 10
UNFOUND_TOP = 20


def _in_scope(queryset, scope: Scope, field: str = "institution_id"):
    return queryset if scope is None else queryset.filter(**{f"{field}__in": scope})


def _views(period: Period, scope: Scope):
    """Each institution's views per day (the rollup of the daily rows)."""
    return _in_scope(
        InstitutionDailyViews.objects.filter(
            day__gte=period.start, day__lte=period.end
        ),
        scope,
    )


def _institution_names() -> dict[int, str]:
    return {item.pk: str(item) for item in Institution.objects.all()}


def views_per_day(*, period: Period, scope: Scope) -> Figure:
    per_day = dict(
        _views(period, scope).values_list("day").annotate(total=Sum("views")).order_by()
    )
    rows = [(day, per_day.get(day, 0)) for day in period.each_day()]
    previous = _views(period.previous, scope).aggregate(total=Sum("views"))["total"]
    return Figure(
        key="views",
        title=_("Views per day"),
        description=_(
            "Readers' views of news, records, stories, exhibitions and events: one "
            "per reader per page per day; robots and staff are not counted."
        ),
        columns=[_("Day"), _("Views")],
        rows=rows,
        chart="line",
        total=sum(views for _day, views in rows),
        previous_total=previous or 0,
    )


def _titles(kind: str, keys: list[str]) -> dict[str, str]:
    """What readers saw under each key, in the admin's language where it exists."""
    if kind == ViewKind.ITEM:
        return dict(
            Resource.objects.filter(public_id__in=keys).values_list(
                "public_id", "title"
            )
        )
    language = current_language()
    titles: dict[str, str] = {}
    pages = Page.objects.filter(translation_key__in=keys).select_related("locale")
    for page in pages.order_by("locale__language_code"):
        key = str(page.translation_key)
        if key not in titles or page.locale.language_code == language:
            titles[key] = page.title
    return titles


def most_read(*, period: Period, scope: Scope) -> list[Figure]:
    top = most_viewed(start=period.start, end=period.end, scope=scope, count=TOP)
    names = _institution_names()
    figures = []
    for kind in (ViewKind.NEWS, ViewKind.ITEM, ViewKind.STORY, ViewKind.EXHIBITION):
        rows = top.get(kind, [])
        titles = _titles(kind, [key for key, _i, _t in rows])
        figures.append(
            Figure(
                key=f"top-{kind}",
                title=_("Most read: %(kind)s") % {"kind": kind.label},
                description=_("The %(count)d most viewed in the period.")
                % {"count": TOP},
                columns=[_("Title"), _("Views"), _("Institution")],
                rows=[
                    (titles.get(key, key), total, names.get(institution_id, ""))
                    for key, institution_id, total in rows
                ],
            )
        )
    return figures


def views_per_institution(*, period: Period, scope: Scope) -> Figure:
    """Institutions side by side, for union administrators."""
    current = dict(
        _views(period, scope)
        .values_list("institution_id")
        .annotate(total=Sum("views"))
        .order_by()
    )
    previous = dict(
        _views(period.previous, scope)
        .values_list("institution_id")
        .annotate(total=Sum("views"))
        .order_by()
    )
    names = _institution_names()
    rows = sorted(
        (
            (names.get(pk, "—"), current.get(pk, 0), previous.get(pk, 0))
            for pk in set(current) | set(previous)
        ),
        key=lambda row: (-row[1], row[0]),
    )
    return Figure(
        key="views-by-institution",
        title=_("Views per institution"),
        description=_("Views in the period and in the period before, per institution."),
        columns=[_("Institution"), _("Views"), _("Previous period")],
        rows=rows,
    )


def _searches(start: date, end: date):
    days = Period(start=start, end=end)
    return SearchQueryLog.objects.filter(
        created_at__gte=days.since, created_at__lt=days.until
    )


def _searches_closed(name: str, days: tuple[date, date], compute):
    """Searches of days that are over change only when the oldest are pruned, so the
    oldest one left is part of the cache's key."""
    oldest = SearchQueryLog.objects.aggregate(oldest=Min("created_at"))["oldest"]
    return closed_cached(name, (days, oldest), compute)


def _searches_per_day(start: date, end: date) -> dict[date, tuple[int, int]]:
    return {
        day: (total, unfound)
        for day, total, unfound in _searches(start, end)
        .annotate(day=TruncDate("created_at"))
        .values_list("day")
        .annotate(total=Count("pk"), unfound=Count("pk", filter=Q(result_count=0)))
        .values_list("day", "total", "unfound")
        .order_by()
    }


def searches_per_day(*, period: Period) -> Figure:
    closed, live = closed_and_live(period.start, period.end)
    per_day = {}
    if closed is not None:
        # Month by month, so a rolling period recounts only its partial months.
        for days in calendar_months(*closed):
            per_day |= _searches_closed(
                "searches-per-day", days, lambda days=days: _searches_per_day(*days)
            )
    if live is not None:
        per_day |= _searches_per_day(*live)
    rows = [(day, *per_day.get(day, (0, 0))) for day in period.each_day()]
    previous = period.previous
    return Figure(
        key="searches",
        title=_("Searches per day"),
        description=_(
            "Searches on the portal (all institutions' catalogue together) and how "
            "many of them found nothing."
        ),
        columns=[_("Day"), _("Searches"), _("Found nothing")],
        rows=rows,
        chart="line",
        total=sum(row[1] for row in rows),
        previous_total=_searches(previous.start, previous.end).count(),
    )


def _unfound(start: date, end: date, queries: list[str] | None = None) -> Counted:
    rows = _searches(start, end).filter(result_count=0)
    if queries is not None:
        rows = rows.filter(query__in=queries)
    return {
        query: (None, times)
        for query, times in rows.values_list("query").annotate(times=Count("pk"))
    }


def unfound_searches(*, period: Period) -> Figure:
    closed, live = closed_and_live(period.start, period.end)
    kept = ([], True)
    if closed is not None:
        kept = _searches_closed(
            "unfound", closed, lambda: kept_ranking(_unfound(*closed), UNFOUND_TOP)
        )
    top = top_merged(
        closed=kept,
        live={} if live is None else _unfound(*live),
        count=UNFOUND_TOP,
        closed_counts=lambda queries: _unfound(*closed, queries),
    )
    return Figure(
        key="unfound",
        title=_("Searches that found nothing"),
        description=_("What readers looked for most often and did not find."),
        columns=[_("Query"), _("Times")],
        rows=[(query, times) for query, _none, times in top],
    )


def _events(period: Period, scope: Scope):
    return _in_scope(
        EventPage.objects.filter(
            start__gte=period.since, start__lt=period.until, alias_of__isnull=True
        ),
        scope,
    )


def _registrations(period: Period, scope: Scope):
    """Registrations (not cancelled) for the events held in the period."""
    return Registration.objects.active().filter(
        event__in=_events(period, scope).values("pk")
    )


def registrations_per_event(*, period: Period, scope: Scope) -> Figure:
    status = Registration.Status
    events = (
        _events(period, scope)
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=status.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=status.WAITLISTED)
            ),
            checked_in=Count(
                "registrations",
                filter=Q(
                    registrations__status=status.CONFIRMED,
                    registrations__checked_in_at__isnull=False,
                ),
            ),
        )
        .order_by("start")
    )
    rows = [
        (event.title, event.confirmed, event.checked_in, event.capacity, event.waiting)
        for event in events
    ]
    return Figure(
        key="registrations",
        title=_("Registrations and check-ins per event"),
        description=_(
            "Events held in the period: confirmed participants, those checked in, "
            "the capacity (empty: unlimited) and the waiting list."
        ),
        columns=[
            _("Event"),
            _("Confirmed"),
            _("Checked in"),
            _("Capacity"),
            _("Waiting list"),
        ],
        rows=rows,
        total=sum(row[1] for row in rows),
        previous_total=_registrations(period.previous, scope).confirmed().count(),
    )


def registrations_by_country(*, period: Period, scope: Scope) -> Figure:
    names = country_names()
    rows = [
        (names.get(code, code), total)
        for code, total in _registrations(period, scope)
        .values_list("country")
        .annotate(total=Count("pk"))
        .order_by("-total", "country")
    ]
    return Figure(
        key="registrations-by-country",
        title=_("Registrations by country"),
        description=_(
            "Registrations for the period's events, by the participant's country."
        ),
        columns=[_("Country"), _("Registrations")],
        rows=rows,
    )


def registrations_by_region(*, period: Period, scope: Scope) -> Figure:
    counts: dict[str, int] = defaultdict(int)
    for region, total in (
        _registrations(period, scope)
        .values_list("region")
        .annotate(total=Count("pk"))
        .order_by()
    ):
        counts[region.strip() or _("not given")] += total
    rows = sorted(counts.items(), key=lambda row: (-row[1], row[0]))
    return Figure(
        key="registrations-by-region",
        title=_("Registrations by region or city"),
        description=_("As the participants wrote it in the registration form."),
        columns=[_("Region or city"), _("Registrations")],
        rows=rows,
    )


def comments(*, period: Period, scope: Scope) -> Figure:
    def tally(within: Period) -> tuple[int, dict[str, int]]:
        base = _in_scope(Comment.objects.all(), scope)
        received = base.filter(
            created_at__gte=within.since, created_at__lt=within.until
        ).count()
        moderated = dict(
            base.filter(moderated_at__gte=within.since, moderated_at__lt=within.until)
            .values_list("status")
            .annotate(total=Count("pk"))
            .order_by()
        )
        return received, moderated

    received, moderated = tally(period)
    previous_received, previous_moderated = tally(period.previous)
    rows = [(_("Received"), received, previous_received)] + [
        (str(label), moderated.get(value, 0), previous_moderated.get(value, 0))
        for value, label in Comment.Status.choices
        if value != Comment.Status.PENDING
    ]
    return Figure(
        key="comments",
        title=_("Comments received and moderated"),
        description=_(
            "Comments written in the period, and those approved, rejected or marked "
            "as spam in it."
        ),
        columns=[_("Comments"), _("This period"), _("Previous period")],
        rows=rows,
        total=received,
        previous_total=previous_received,
    )


def catalogue_growth(*, period: Period, scope: Scope) -> Figure:
    records = _in_scope(Resource.objects.alive(), scope)
    counts = (
        records.values_list("institution_id", "kind")
        .annotate(
            total=Count("pk"),
            added=Count(
                "pk",
                filter=Q(created_at__gte=period.since, created_at__lt=period.until),
            ),
        )
        .order_by()
    )
    illustrated = {
        (institution_id, kind): total
        for institution_id, kind, total in _in_scope(
            DigitalFile.objects.filter(image__isnull=False, resource__is_deleted=False),
            scope,
            "resource__institution_id",
        )
        .values_list("resource__institution_id", "resource__kind")
        .annotate(total=Count("resource_id", distinct=True))
        .order_by()
    }
    names = _institution_names()
    kinds = dict(Kind.choices)
    rows = sorted(
        (
            names.get(institution_id, "—"),
            str(kinds.get(kind, kind)),
            added,
            total,
            illustrated.get((institution_id, kind), 0),
        )
        for institution_id, kind, total, added in counts
    )
    previous_added = records.filter(
        created_at__gte=period.previous.since, created_at__lt=period.previous.until
    ).count()
    return Figure(
        key="catalogue",
        title=_("Catalogue growth per institution and kind"),
        description=_(
            "Records added in the period, all records, and how many of them have images."
        ),
        columns=[
            _("Institution"),
            _("Kind"),
            _("Added"),
            _("All records"),
            _("With images"),
        ],
        rows=rows,
        label_column=0,
        value_column=2,
        total=sum(row[2] for row in rows),
        previous_total=previous_added,
    )


def all_figures(*, period: Period, scope: Scope, compare: bool) -> list[Figure]:
    """The statistics page, in its order; ``compare`` adds institutions side by side."""
    figures = [views_per_day(period=period, scope=scope)]
    if compare:
        figures.append(views_per_institution(period=period, scope=scope))
    return [
        *figures,
        *most_read(period=period, scope=scope),
        searches_per_day(period=period),
        unfound_searches(period=period),
        registrations_per_event(period=period, scope=scope),
        registrations_by_country(period=period, scope=scope),
        registrations_by_region(period=period, scope=scope),
        comments(period=period, scope=scope),
        catalogue_growth(period=period, scope=scope),
    ]
