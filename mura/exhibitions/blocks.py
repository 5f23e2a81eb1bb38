"""StreamField blocks of exhibitions and artifact stories.

Blocks that show catalogue records re-check the records' access every time the page
renders: a record chosen while public may later become staff-only or on-site only,
and the page must then stop showing it without an editor touching the page."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from mura.catalog.models import Resource
from mura.exhibitions.choosers import ResourceChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]
STORY_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


def public_records(ids: list[int]) -> list[Resource]:
    """The records a reader may see, in the order given; the rest are left out."""
    found = {
        resource.pk: resource
        for resource in Resource.objects.public().for_listing().filter(pk__in=ids)
    }
    return [found[pk] for pk in ids if pk in found]


def public_records_read(stream) -> None:
    """Read the public records of every catalogue block of ``stream`` at once (each
    block reads its own otherwise): ``public_item`` and ``public_items`` are then set."""
    values = [
        block.value
        for block in stream
        if block.block_type in ("catalogue_item", "items_grid")
    ]
    chosen = {
        id(value): [
            item.pk
            for item in (value.get("items") or [value.get("item")])
            if item is not None
        ]
        for value in values
    }
    found = {
        record.pk: record
        for record in public_records([pk for ids in chosen.values() for pk in ids])
    }
    for value in values:
        records = [found[pk] for pk in chosen[id(value)] if pk in found]
        if isinstance(value, CatalogueItemValue):
            value.__dict__["public_item"] = records[0] if records else None
        else:
            value.__dict__["public_items"] = records


def _preview_records(count: int) -> list[Resource]:
    return list(Resource.objects.public().order_by("pk")[:count])


def _preview_image():
    return get_image_model().objects.order_by("pk").first()


class RichTextSectionBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Paragraphs with headings, lists and links.")
        template = "exhibitions/blocks/rich_text.html"
        preview_value = "<h2>Сыр бойының мұрасы</h2><p>Көрме облыс музейлері мен кітапханаларының қорынан алынған жәдігерлерді таныстырады.</p>"


class CatalogueItemValue(blocks.StructValue):
    @cached_property
    def public_item(self) -> Resource | None:
        item = self.get("item")
        if item is None:
            return None
        records = public_records([item.pk])
        return records[0] if records else None


class CatalogueItemBlock(blocks.StructBlock):
    item = ResourceChooserBlock(label=_("catalogue record"))
    comment = blocks.TextBlock(
        label=_("curator's comment"),
        required=False,
        help_text=_("Why this record is in the exhibition."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Catalogue record")
        description = _(
            "One record of the union catalogue with its image, date and holding institution."
        )
        template = "exhibitions/blocks/catalogue_item.html"
        value_class = CatalogueItemValue
        preview_value = {"comment": "Көрменің басты жәдігері."}

    def get_preview_value(self):
        records = _preview_records(1)
        return self.to_python(
            {
                "item": records[0].pk if records else None,
                "comment": "Көрменің басты жәдігері.",
            }
        )


class ItemsGridValue(blocks.StructValue):
    @cached_property
    def public_items(self) -> list[Resource]:
        return public_records(
            [item.pk for item in self.get("items") or [] if item is not None]
        )

    @cached_property
    def compare_query(self) -> str:
        """The comparison of the first two pictured records, offering the others too."""
        pictured = [
            item.public_id for item in self.public_items if item.public_images()
        ]
        if len(pictured) < 2:
            return ""
        return urlencode(
            {"a": pictured[0], "b": pictured[1], "with": ",".join(pictured)}
        )


class ItemsGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    text = blocks.TextBlock(label=_("introduction"), required=False)
    items = blocks.ListBlock(
        ResourceChooserBlock(label=_("catalogue record")),
        label=_("catalogue records"),
        min_num=1,
    )

    class Meta:
        icon = "table"
        label = _("Grid of catalogue records")
        description = _(
            "Several records side by side, each with its image and holding institution."
        )
        template = "exhibitions/blocks/items_grid.html"
        value_class = ItemsGridValue
        preview_value = {"heading": "Сыйға тартылған кітаптар", "text": "", "items": []}

    def get_preview_value(self):
        return self.to_python(
            {
                "heading": "Сыйға тартылған кітаптар",
                "text": "",
                "items": [r.pk for r in _preview_records(4)],
            }
        )


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        description = _(
            "A photograph or scan with its caption; the alternative text is required."
        )
        template = "exhibitions/blocks/figure.html"
        preview_value = {
            "alt_text": "Көрме залы",
            "caption": "Көрме залы, 2019",
            "credit": "",
        }

    def get_preview_value(self):
        image = _preview_image()
        return self.to_python(
            {
                "image": image.pk if image else None,
                "alt_text": "Көрме залы",
                "caption": "Көрме залы, 2019",
                "credit": "",
            }
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(
        label=_("who said or wrote it"), required=False, max_length=300
    )
    source = blocks.CharBlock(label=_("source"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        description = _("Words of a person, with who said them and where.")
        template = "exhibitions/blocks/quote.html"
        preview_value = {
            "text": "Бүгінгі жиынға архив, музей және кітапхана қызметкерлері келіп отыр.",
            "attribution": "М.Рахымжанова",
            "source": "2019",
        }


class TimelineEntryBlock(blocks.StructBlock):
    date = blocks.CharBlock(
        label=_("date"),
        max_length=100,
        help_text=_("As it should read, e.g. 1890-жж. or 8 сәуір 2019"),
    )
    title = blocks.CharBlock(label=_("what happened"), max_length=300)
    place = blocks.CharBlock(label=_("place"), required=False, max_length=200)
    text = blocks.TextBlock(label=_("details"), required=False)

    class Meta:
        icon = "date"
        label = _("Timeline entry")
        description = _("One moment of a timeline: a date, what happened and where.")
        template = "exhibitions/blocks/timeline_entry.html"
        preview_value = {
            "date": "2019",
            "title": "Көрменің ашылуы",
            "place": "Қызылорда",
            "text": "",
        }


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("entries"), min_num=1)

    class Meta:
        icon = "history"
        label = _("Timeline")
        description = _("Dates in order, from the earliest.")
        template = "exhibitions/blocks/timeline.html"
        preview_value = {
            "heading": "Жәдігердің жолы",
            "entries": [
                {
                    "date": "XIX ғ. соңы",
                    "title": "Шебер жасады",
                    "place": "Жаңақорған",
                    "text": "",
                },
                {
                    "date": "1974",
                    "title": "Музейге келді",
                    "place": "Қызылорда",
                    "text": "",
                },
            ],
        }


class ExhibitionStreamBlock(blocks.StreamBlock):
    text = RichTextSectionBlock(features=RICH_TEXT_FEATURES)
    catalogue_item = CatalogueItemBlock()
    items_grid = ItemsGridBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    timeline = TimelineBlock()


class ChapterValue(ItemsGridValue):
    pass


class ChapterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("chapter title"), max_length=200)
    period = blocks.CharBlock(
        label=_("period"),
        required=False,
        max_length=100,
        help_text=_("e.g. XIX ғ. соңы"),
    )
    text = blocks.RichTextBlock(label=_("text"), features=STORY_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("image"), required=False)
    image_alt = blocks.CharBlock(
        label=_("alternative text of the image"),
        required=False,
        max_length=300,
        help_text=_(
            "Required with an image: what it shows, for readers who cannot see it."
        ),
    )
    image_caption = blocks.CharBlock(
        label=_("caption of the image"), required=False, max_length=500
    )
    quote = blocks.TextBlock(label=_("quotation"), required=False)
    quote_attribution = blocks.CharBlock(
        label=_("who said or wrote it"), required=False, max_length=300
    )
    items = blocks.ListBlock(
        ResourceChooserBlock(label=_("catalogue record")),
        label=_("records mentioned in the chapter"),
        min_num=0,
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Chapter")
        description = _("One chapter of the artifact's story.")
        template = "exhibitions/blocks/chapter.html"
        value_class = ChapterValue
        preview_value = {
            "heading": "Шебердің қолынан",
            "period": "XIX ғ. соңы",
            "text": "<p>Қобызды Сыр бойының шебері жасаған.</p>",
            "items": [],
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("image_alt"):
            raise blocks.StructBlockValidationError(
                {
                    "image_alt": ValidationError(
                        _("Describe the image for readers who cannot see it.")
                    )
                }
            )
        return value


class ChapterStreamBlock(blocks.StreamBlock):
    chapter = ChapterBlock()
