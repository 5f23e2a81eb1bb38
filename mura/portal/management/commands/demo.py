import importlib
import importlib.util

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.signal_handlers import disable_reference_index_auto_update

# Order matters: pages need institutions, the catalogue needs authorities, and so on.
DEMO_APPS = [
    "institutions",
    "portal",
    "news",
    "catalog",
    "comments",
    "events",
    "exhibitions",
    "search",
]


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
            for app in DEMO_APPS:
                module_name = f"mura.{app}.demo"
                if (
                    importlib.util.find_spec(f"mura.{app}") is None
                    or importlib.util.find_spec(module_name) is None
                ):
                    continue
                self.stdout.write(f"demo: {app}")
                importlib.import_module(module_name).load(stdout=self.stdout)
        call_command("rebuild_references_index", verbosity=0, stdout=self.stdout)
        if not options["no_admin"]:
            call_command("createadmin", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
