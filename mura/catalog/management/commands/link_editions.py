from django.core.management.base import BaseCommand

from mura.catalog.choices import KIND_GROUPS, KindGroup
from mura.catalog.editions import editions_link
from mura.catalog.models import Resource
from mura.catalog.search_index import indexing_deferred, records_reindex

BATCH = 500


class Command(BaseCommand):
    help = (
        "Link library records saved before editions existed (or left unlinked) to "
        "their editions and works; run once after upgrading."
    )

    def handle(self, *args, **options) -> None:
        unlinked = (
            Resource.objects.alive()
            .filter(kind__in=KIND_GROUPS[KindGroup.LIBRARY], edition_link=None)
            .order_by("pk")
        )
        ids = list(unlinked.values_list("pk", flat=True))
        for at in range(0, len(ids), BATCH):
            batch = ids[at : at + BATCH]
            with indexing_deferred():
                editions_link(resources=list(Resource.objects.filter(pk__in=batch)))
                records_reindex(batch)
        self.stdout.write(self.style.SUCCESS(f"Linked {len(ids)} records to editions."))
