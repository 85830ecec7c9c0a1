import pytest

from tests.factories import (
    AudienceFactory,
    LanguageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTopicFactory,
    ServiceFactory,
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


@pytest.fixture
def directory(home):
    page = PartnerIndexPageFactory.build()
    home.add_child(instance=page)
    return page


@pytest.fixture
def add_partner(directory):
    """Add a live partner: `add_partner(title=…, services=[(name, emergency)], open_24_7=…)`."""

    def add(**fields):
        services = fields.pop("services", [])
        languages = fields.pop("languages", [])
        partner = PartnerPageFactory.build(**fields)
        partner.services = [
            ServiceFactory(name=name, emergency=emergency) for name, emergency in services
        ]
        partner.languages = [LanguageFactory(name=name) for name in languages]
        directory.add_child(instance=partner)
        return partner

    return add
