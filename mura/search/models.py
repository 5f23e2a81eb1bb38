"""The search index: derived data, rebuilt from the records by `mura reindex`.

One SearchDocument per indexed object keeps the original text (for snippets and
highlighting) beside the analysed keys the engine matches. The full-text structure
itself lives outside the ORM: an FTS5 table kept in step by triggers on SQLite, a
tsvector column filled by a trigger on PostgreSQL (see the migrations and
``mura/search/backends``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Max, Min, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from mura.portal.translation import localized_value


class SearchDocument(models.Model):
    # No single-column indexes: searches reach documents by id (the engine's matches),
    # and the unique (content type, object id) serves lookups by content type; every
    # index is upkeep on each indexed record (bench/search_bench.py).
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        db_index=False,
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    kind = models.CharField(_("kind"), max_length=32)
    title = models.TextField(_("title"))
    creators = models.TextField(_("creators"), blank=True)
    body = models.TextField(_("text"), blank=True)
    identifiers = models.TextField(_("identifiers"), blank=True)
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    year = models.SmallIntegerField(_("year"), null=True, blank=True)
    has_image = models.BooleanField(_("has an image"), default=False)
    thumbnail = models.CharField(  # noqa: DJ001 - nullable: added in place (group_key)
        _("thumbnail address"), max_length=500, null=True, blank=True
    )
    is_public = models.BooleanField(_("public"), default=True)
    url = models.CharField(_("address"), max_length=500)
    boost = models.FloatField(_("boost"), default=1.0)
    #: documents of one group (the translations of a page) are one result: the one
    #: in the reader's language where it matches (``compiler.QueryCompiler.collapsed``)
    # Nullable: SQLite adds such a column in place, where a NOT NULL one would remake
    # the table and lose the full-text triggers.
    group_key = models.CharField(  # noqa: DJ001 - added in place (above)
        _("result group"), max_length=64, null=True, blank=True
    )
    # Analysed keys, space-separated, one column per weighted field.
    title_keys = models.TextField(_("title keys"), blank=True)
    creator_keys = models.TextField(_("creator keys"), blank=True)
    body_keys = models.TextField(_("text keys"), blank=True)
    id_keys = models.TextField(_("identifier keys"), blank=True)
    #: ``name=value`` of every facet, one per line: kind, institution, language and
    #: decade (empty value when unknown), then the others (for counting)
    facet_values = models.TextField(_("facet values"), blank=True, default="")
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                name="search_document_unique_object",
            ),
        ]
        indexes = [
            models.Index(fields=["is_public", "kind"], name="search_doc_public_kind"),
            # Only grouped documents: the catalogue's records cost it nothing.
            models.Index(
                fields=["group_key"],
                condition=models.Q(group_key__isnull=False),
                name="search_doc_group",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SearchFacetLabel(models.Model):
    """The labels of one facet value (collection, subject, person, place, tag), so that
    showing a facet never reaches into the owning app. Which documents carry a value is
    in the engine: a key per value among their identifier keys (``analysis.facet_key``)."""

    name = models.CharField(_("facet"), max_length=16)
    value = models.CharField(_("value"), max_length=64)
    label_kk = models.CharField(_("label (Kazakh)"), max_length=300)
    label_ru = models.CharField(_("label (Russian)"), max_length=300, blank=True)
    label_en = models.CharField(_("label (English)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("facet value")
        verbose_name_plural = _("facet values")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "value"], name="search_facet_label_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"

    @property
    def label(self) -> str:
        return localized_value(self, "label")


class SearchSpelling(models.Model):
    """A Latin spelling key of a Cyrillic word form in the index (``2kitap`` →
    ``0кітабы``): one row per distinct form, where a Latin query finds the forms to match,
    instead of a key stored with every occurrence of the word."""

    key = models.CharField(_("spelling key"), max_length=100)
    form = models.CharField(_("exact form key"), max_length=200)

    class Meta:
        verbose_name = _("Latin spelling")
        verbose_name_plural = _("Latin spellings")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "form"], name="search_spelling_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.form}"


class SearchQueryLogQuerySet(models.QuerySet):
    def by_query(self) -> models.QuerySet:
        """One row per query as the engine read it ("Абай" and "абай" together): a
        spelling a reader typed (``query``), ``times`` and ``last``, most frequent
        first (rows logged without a normalised form count by what was typed)."""
        return (
            self.order_by()
            .values(
                form=Coalesce(NullIf("normalised", Value("")), "query"),
            )
            .annotate(query=Min("query"), times=Count("id"), last=Max("created_at"))
            .order_by("-times", "-last", "form")
        )


class SearchQueryLog(models.Model):
    """One search as a reader ran it: no user, no address, no session."""

    query = models.CharField(_("query"), max_length=300)
    #: the query as the engine reads it (lowercase words), so that reports count
    #: "Абай" and "абай" together (SQLite's lower() knows ASCII only)
    normalised = models.CharField(
        _("normalised query"), max_length=300, blank=True, default=""
    )
    filters = models.CharField(_("filters"), max_length=300, blank=True)
    result_count = models.PositiveIntegerField(_("results"))
    took_ms = models.PositiveIntegerField(_("time, ms"))
    source = models.CharField(_("source"), max_length=8, default="page")
    created_at = models.DateTimeField(
        _("searched at"), auto_now_add=True, db_index=True
    )

    objects = SearchQueryLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.query
