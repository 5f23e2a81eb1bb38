import factory
from factory.django import DjangoModelFactory

from mura.institutions.models import Institution, Membership, Role


class InstitutionFactory(DjangoModelFactory[Institution]):
    class Meta:
        model = Institution

    slug = factory.Sequence(lambda n: f"institution-{n}")
    kind = Institution.Kind.LIBRARY
    name_kk = factory.Sequence(lambda n: f"№{n} облыстық кітапхана")
    name_ru = factory.Sequence(lambda n: f"Областная библиотека №{n}")
    name_en = factory.Sequence(lambda n: f"Regional library No. {n}")
    region = "kyzylorda"
    city_kk = "Қызылорда"
    address_kk = "Қызылорда қ., Әйтеке би к-сі, 20"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    institution = factory.SubFactory(InstitutionFactory)
    role = Role.EDITOR
