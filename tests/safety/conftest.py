"""The partner directory that the Get help page lists its partners from."""

import pytest

from tests.factories import (
    LanguageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ServiceFactory,
)


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
