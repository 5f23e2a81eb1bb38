from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.signal_handlers import disable_reference_index_auto_update

from mura.catalog import demo as catalog_demo
from mura.events import demo as events_demo
from mura.exhibitions import demo as exhibitions_demo
from mura.institutions import demo as institutions_demo
from mura.news import demo as news_demo
from mura.portal import demo as portal_demo
from mura.search import demo as search_demo

# Each app's demo loader, in order: pages need institutions, the catalogue needs
# authorities, the exhibitions need catalogue records, the search index needs them all.
LOADERS = {
    "institutions": institutions_demo.load,
    "portal": portal_demo.load,
    "news": news_demo.load,
    "catalog": catalog_demo.load,
    "events": events_demo.load,
    "exhibitions": exhibitions_demo.load,
    "search": search_demo.load,
}


class Command(BaseCommand):
    help = "Migrate the database and load the demo content (safe to run again: nothing is duplicated)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the demo administrator.",
        )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # Wagtail's reference index is built once at the end rather than by a background
        # task per saved object: a loader that saves a page twice replaces its inline rows,
        # and the tasks queued for the first ones then fail in the worker.
        with disable_reference_index_auto_update():
            for app, load in LOADERS.items():
                self.stdout.write(f"demo: {app}")
                load(stdout=self.stdout)
        call_command("rebuild_references_index", verbosity=0, stdout=self.stdout)
        if not options["no_admin"]:
            call_command("createadmin", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
