"""An import indexes its records once, together, at the end of its transaction."""

import pytest
from django.db import transaction

from mura.catalog.models import Kind, Resource, Subject
from mura.catalog.services import resource_create, resource_delete, resource_update
from mura.search.models import SearchDocument
from mura.search.services import document_index, indexing_deferred

SHOWN = ("object_id", "title", "body", "creators", "facet_values", "is_public")


def documents() -> list[tuple]:
    return sorted(
        SearchDocument.objects.filter(kind__in=Kind.values).values_list(*SHOWN)
    )


@pytest.mark.django_db
def test_documents_written_at_the_end_equal_those_written_record_by_record(
    institution,
):
    subject = Subject.objects.create(name_kk="Өлкетану", name_ru="Краеведение")
    with transaction.atomic(), indexing_deferred():
        abai = resource_create(
            institution=institution,
            kind=Kind.BOOK,
            data={"title": "Абай жолы", "subjects": [subject], "date_text": "1942"},
        )
        resource_update(resource=abai, data={"title": "Абай жолы : роман-эпопея"})
        gone = resource_create(
            institution=institution, kind=Kind.BOOK, data={"title": "Қан мен тер"}
        )
        resource_create(
            institution=institution,
            kind=Kind.MUSEUM_OBJECT,
            data={"title": "Қобыз", "inventory_number": "КП 1"},
        )
        resource_delete(resource=gone)
        assert documents() == []  # nothing written yet
    deferred = documents()
    assert [row[1] for row in deferred] == ["Абай жолы : роман-эпопея", "Қобыз"]
    for resource in Resource.objects.all():
        document_index(instance=resource)
    assert documents() == deferred


@pytest.mark.django_db
def test_a_record_rolled_back_inside_the_block_is_not_indexed(institution):
    with transaction.atomic(), indexing_deferred():
        resource_create(
            institution=institution, kind=Kind.BOOK, data={"title": "Абай жолы"}
        )
        try:
            with transaction.atomic():
                resource_create(
                    institution=institution, kind=Kind.BOOK, data={"title": "Ақ желкен"}
                )
                raise RuntimeError("the record fails after it was saved")
        except RuntimeError:
            pass
    assert [row[1] for row in documents()] == ["Абай жолы"]
