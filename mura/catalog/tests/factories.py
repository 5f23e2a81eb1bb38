import factory
from factory.django import DjangoModelFactory

from mura.catalog.choices import Kind
from mura.catalog.models import (
    Collection,
    Organisation,
    Person,
    Place,
    Resource,
    Subject,
)
from mura.catalog.services import resource_create
from mura.institutions.tests.factories import InstitutionFactory


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = Person

    name_kk = factory.Sequence(lambda n: f"Тәжібаев{n}, Әбділда")
    name_ru = factory.Sequence(lambda n: f"Тажибаев{n}, Абдильда")
    name_en = factory.Sequence(lambda n: f"Tazhibaev{n}, Abdilda")
    life_dates = "1909–1998"


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name_kk = factory.Sequence(lambda n: f"Облыстық атқару комитеті №{n}")


class PlaceFactory(DjangoModelFactory[Place]):
    class Meta:
        model = Place

    name_kk = factory.Sequence(lambda n: f"Қызылорда-{n}")
    name_ru = factory.Sequence(lambda n: f"Кызылорда-{n}")
    latitude = "44.848800"
    longitude = "65.482300"


class SubjectFactory(DjangoModelFactory[Subject]):
    class Meta:
        model = Subject

    name_kk = factory.Sequence(lambda n: f"Өлкетану {n}")
    name_ru = factory.Sequence(lambda n: f"Краеведение {n}")


class CollectionFactory(DjangoModelFactory[Collection]):
    class Meta:
        model = Collection

    slug = factory.Sequence(lambda n: f"collection-{n}")
    title_kk = factory.Sequence(lambda n: f"Музей коллекциялары {n}")
    title_ru = factory.Sequence(lambda n: f"Музейные коллекции {n}")


class ResourceFactory(factory.Factory):
    """Builds records through resource_create, the path every real record takes."""

    class Meta:
        model = Resource

    institution = factory.SubFactory(InstitutionFactory)
    kind = Kind.BOOK
    title = factory.Sequence(lambda n: f"Сыр бойы жырлары {n}")

    @classmethod
    def _create(cls, model_class, *, institution, kind, **data):
        return resource_create(institution=institution, kind=kind, data=data)
