import pytest

from tests.factories import (
    AudienceFactory,
    LanguageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTopicFactory,
)


@pytest.fixture
def library(home):
    page = ResourceIndexPageFactory.build()
    home.add_child(instance=page)
    return page


@pytest.fixture
def add_resource(library):
    """Add a live resource: `add_resource(title=…, audiences=[…], topics=[…], languages=[…])`."""

    def add(**fields):
        audiences = fields.pop("audiences", [])
        topics = fields.pop("topics", [])
        languages = fields.pop("languages", [])
        resource = ResourcePageFactory.build(**fields)
        resource.audiences = [AudienceFactory(name=name) for name in audiences]
        resource.topics = [ResourceTopicFactory(name=name) for name in topics]
        resource.languages = [LanguageFactory(name=name) for name in languages]
        library.add_child(instance=resource)
        return resource

    return add
