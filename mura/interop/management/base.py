"""What the import and export commands share: messages in the language asked for, and
the institution named by its slug."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from mura.institutions.models import Institution


class TranslatedCommand(BaseCommand):
    """A command whose messages follow `--language`; `run` does the work."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages and the report.",
        )

    def handle(self, *args, language: str, **options) -> None:
        # The language of the messages only: nothing stored depends on it, and the
        # caller's language is back when the command returns.
        with translation.override(language):
            self.run(**options)

    def run(self, **options) -> None:
        raise NotImplementedError


def institution_by_slug(slug: str) -> Institution:
    institution = Institution.objects.filter(slug=slug).first()
    if institution is None:
        raise CommandError(
            _("No institution with the address name “%(slug)s”.") % {"slug": slug}
        )
    return institution
