"""Factories for test data. Pages are built unsaved; add them to the tree with add_child."""

import factory

from coalition_site.models import HomePage, StandardPage
from partners.models import PartnerIndexPage, PartnerPage


class HomePageFactory(factory.Factory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Together against human trafficking"
    hero_intro = "A coalition of organisations and agencies."


class StandardPageFactory(factory.Factory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-{n}")
    introduction = "An introduction."
    show_in_menus = True


class PartnerIndexPageFactory(factory.Factory):
    class Meta:
        model = PartnerIndexPage

    title = "Partners"
    slug = "partners"


class PartnerPageFactory(factory.Factory):
    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    sector = "community"
    summary = "Helps people leave exploitation."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Service"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Service {n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coalition_site.Language"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Language {n}")
