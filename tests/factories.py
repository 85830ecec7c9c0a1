"""Factories for test data. Pages are built unsaved; add them to the tree with add_child."""

import factory

from coalition_site.models import HomePage, StandardPage


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
