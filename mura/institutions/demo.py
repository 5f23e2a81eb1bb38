"""Demo institutions: the two seed libraries, the Elbasy Library, an archive and two museums,
from `demo_data/institutions.yaml`."""

from typing import TextIO

from mura.institutions.models import Institution
from mura.portal.demo import demo_data


def load(*, stdout: TextIO) -> None:
    rows = demo_data("institutions", "institutions.yaml")
    for row in rows:
        fields = dict(row)
        slug = fields.pop("slug")
        Institution.objects.update_or_create(slug=slug, defaults=fields)
    stdout.write(f"  {len(rows)} institutions")
