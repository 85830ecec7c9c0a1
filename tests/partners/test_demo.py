"""The demo directory: real organizations carry only what the public facts give them."""

import pytest
from bs4 import BeautifulSoup

from partners.models import PartnerPage

# What /work/shared/FACTS.md gives each real organization: none of them has a
# service, population, language, area or review date there.
REAL_PARTNERS = {
    "sacramento-county-district-attorney",
    "sacramento-county-sheriffs-office",
    "sacramento-police-department",
    "elk-grove-police-department",
    "rancho-cordova-police-department",
    "citrus-heights-police-department",
    "folsom-police-department",
    "sacramento-county-probation-department",
    "fbi",
    "california-highway-patrol",
    "community-against-sexual-harm",
}


def page_text(client, partner):
    response = client.get(partner.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main


@pytest.mark.django_db
def test_real_organizations_show_nothing_the_facts_do_not_give_them(client, demo):
    real = PartnerPage.objects.filter(slug__in=REAL_PARTNERS)
    for language in ["en", "es"]:
        in_language = real.filter(locale__language_code=language)
        assert {partner.slug for partner in in_language} == REAL_PARTNERS, language
    for partner in real:
        main = page_text(client, partner)
        text = main.get_text(" ", strip=True)
        for label in ["Services", "Populations served", "Languages spoken", "Service area"]:
            assert label not in text, f"{partner.title} shows {label}"
        assert "last reviewed" not in text and "Abierto las 24" not in text, partner.title
        assert "Open 24" not in text, partner.title
        assert not main.select(".partner__offer, .partner__reviewed, .tag"), partner.title
        assert "sample" not in partner.slug


@pytest.mark.django_db
def test_invented_details_belong_to_partners_named_as_samples(client, demo):
    marks = {"en": ("(sample)", "Sample content"), "es": ("(ejemplo)", "Contenido de ejemplo")}
    for partner in PartnerPage.objects.exclude(slug__in=REAL_PARTNERS).select_related("locale"):
        in_title, in_text = marks[partner.locale.language_code]
        assert in_title in partner.title and partner.slug.startswith("sample-")
        assert in_text in page_text(client, partner).get_text(), partner.title


@pytest.mark.django_db
def test_demo_day_and_night_lists_only_24_hour_partners_with_a_phone(client, demo):
    soup = BeautifulSoup(client.get("/en/get-help/").content, "html.parser")
    listed = [a.get_text(strip=True) for a in soup.select(".get-help__partners .card__title a")]
    expected = (
        PartnerPage.objects.live()
        .filter(open_24_7=True, locale__language_code="en")
        .exclude(phone="")
    )
    assert listed == sorted(expected.values_list("title", flat=True))
    assert listed, "the demo shows what the list looks like"
    for title in listed:
        assert "(sample)" in title
    assert "District Attorney" not in soup.select_one(".get-help__partners").get_text()
