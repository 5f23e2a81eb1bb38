"""A rich-text image format that prints the image's title as its caption."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format


class CaptionedFormat(Format):
    """`<figure>` with the image and a `<figcaption>`: editors caption a photo through its
    title in the image library, and its alt text (required) in the insert dialog."""

    def image_to_html(self, image, alt_text, extra_attributes=None):
        img = super().image_to_html(image, alt_text, extra_attributes)
        return format_html(
            '<figure class="richtext-figure">{}<figcaption>{}</figcaption></figure>',
            img,
            image.title,
        )

    def image_to_editor_html(self, image, alt_text):
        return super().image_to_html(
            image, alt_text, self.editor_attributes(image, alt_text)
        )


register_image_format(
    CaptionedFormat(
        "captioned",
        _("Full width with caption"),
        "richtext-image full-width",
        "width-1200",
    )
)
