"""The demo catalogue: MARC 21 records read by the importer, completed by the local field."""

import io

from mura.catalog import demo
from mura.catalog.models import AgentRole, HoldingStatus, Kind, PlaceRole, Resource
from mura.conftest import load_demo


def test_the_demo_catalogue_is_imported_once_with_its_local_data(db):
    load_demo("institutions")
    output = io.StringIO()
    demo.load(stdout=output)
    assert Resource.objects.filter(original_format="marc21").count() == 264
    series = Resource.objects.get(source_id="fonds-845-2")
    assert (series.kind, series.parent.source_id, series.sequence) == (
        Kind.SERIES,
        "fonds-845",
        2,
    )
    fonds = Resource.objects.get(source_id="fonds-1")
    assert [link.role for link in fonds.agents.all()] == [AgentRole.FONDS_CREATOR]
    qobyz = Resource.objects.get(source_id="museum-2")
    assert qobyz.material == "ағаш, жылқы қылы, тері"
    assert qobyz.files.get().image.title == "Қобыз (ҚОТӨМ КП 4002)"
    assert [c.slug for c in qobyz.collections.all()] == ["museum-collections"]
    assert [link.role for link in qobyz.places.all()] == [PlaceRole.ORIGIN]
    book = Resource.objects.get(source_id="book-1")
    assert {holding.status for holding in book.holdings.all()} == {
        HoldingStatus.ON_LOAN
    }
    assert book.agents.get().person.name_kk == "Құнанбайұлы, Абай"
    # A sentence keeps its full stop, which the importer drops from MARC fields.
    assert qobyz.description.endswith(".")

    demo.load(stdout=output)
    assert Resource.objects.count() == 264
    assert "264 catalogue records (0 new)" in output.getvalue()
