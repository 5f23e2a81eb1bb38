import sys

from django.core.management.base import BaseCommand

from mura.search.services import index_rebuild

BAR = 30


class Command(BaseCommand):
    help = "Rebuild the search index from the catalogue, news and events."

    def handle(self, *args, **options) -> None:
        interactive = (
            self.stdout.isatty()
            if hasattr(self.stdout, "isatty")
            else sys.stdout.isatty()
        )

        def progress(label: str, done: int, total: int) -> None:
            share = done / total if total else 1.0
            filled = round(share * BAR)
            line = f"{label[:28]:<28} [{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}"
            if interactive:
                self.stdout.write("\r" + line, ending="\n" if done >= total else "")
            elif done >= total:
                self.stdout.write(line)

        counts = index_rebuild(progress=progress)
        seconds = counts.pop("seconds")
        total = int(sum(counts.values()))
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total} documents in {seconds} s.")
        )
