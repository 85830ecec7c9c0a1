"""Demo partners: the agencies named in the coalition's public material, described only
with what that material says (no services, populations, languages, areas or review date
that it does not give them), and invented community partners marked as samples."""

import datetime

from django.utils import timezone

from coalition_site.models import Language

from .models import PartnerIndexPage, PartnerPage, Population, Sector, Service, ServiceArea

SERVICES = {
    # name: counts as emergency help on the Get help page
    "Emergency shelter": True,
    "Housing": False,
    "Case management": False,
    "Legal services": False,
    "Immigration help": False,
    "Medical care": False,
    "Mental health and counseling": False,
    "Substance-use treatment": False,
    "Victim advocacy": True,
    "Youth services": False,
    "Labor-exploitation help": False,
    "Investigation": False,
    "Prosecution": False,
    "Training and education": False,
    "Prevention": False,
    "Diversion programs": False,
}
POPULATIONS = [
    "Youth",
    "Young adults",
    "Adults",
    "Families",
    "LGBTQ+",
    "Men and boys",
    "Women and girls",
    "Foreign nationals",
]
LANGUAGES = [
    "English",
    "Spanish",
    "Chinese",
    "Vietnamese",
    "Hmong",
    "Russian",
    "Punjabi",
    "Tagalog",
]
AREAS = [
    "Countywide",
    "Sacramento",
    "Elk Grove",
    "Citrus Heights",
    "Folsom",
    "Rancho Cordova",
    "Galt",
    "Isleton",
    "Unincorporated Sacramento County",
]

HOT_SPOTS = (
    "<p>Takes part in Operation Hot Spots, the coalition's yearly countywide stings that "
    "target the people who buy sex.</p>"
)
SAMPLE = "<p><em>Sample content: this organization is invented for the demo site.</em></p>"

# (title, slug, sector, summary, description, services, populations, languages, areas, extra)
PARTNERS = [
    (
        "Sacramento County District Attorney's Office",
        "sacramento-county-district-attorney",
        Sector.PROSECUTION,
        "Spearheaded the coalition in 2015; takes requests for speakers on human trafficking.",
        "<p>The District Attorney's office spearheaded Sacramento Together in 2015. It takes "
        "requests for speakers on human trafficking.</p>",
        [],
        [],
        [],
        [],
        {"website": "https://www.sacda.org/", "featured": True},
    ),
    (
        "Sacramento County Sheriff's Office",
        "sacramento-county-sheriffs-office",
        Sector.LAW_ENFORCEMENT,
        "Law enforcement for the county; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {"featured": True},
    ),
    (
        "Sacramento Police Department",
        "sacramento-police-department",
        Sector.LAW_ENFORCEMENT,
        "Police for the City of Sacramento; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Elk Grove Police Department",
        "elk-grove-police-department",
        Sector.LAW_ENFORCEMENT,
        "Police for Elk Grove; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Rancho Cordova Police Department",
        "rancho-cordova-police-department",
        Sector.LAW_ENFORCEMENT,
        "Police for Rancho Cordova; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Citrus Heights Police Department",
        "citrus-heights-police-department",
        Sector.LAW_ENFORCEMENT,
        "Police for Citrus Heights; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Folsom Police Department",
        "folsom-police-department",
        Sector.LAW_ENFORCEMENT,
        "Police for Folsom; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Sacramento County Probation Department",
        "sacramento-county-probation-department",
        Sector.LOCAL_AGENCY,
        "County probation; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Federal Bureau of Investigation (FBI)",
        "fbi",
        Sector.STATE_FEDERAL,
        "Federal law enforcement; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "California Highway Patrol (CHP)",
        "california-highway-patrol",
        Sector.STATE_FEDERAL,
        "State law enforcement; takes part in Operation Hot Spots.",
        HOT_SPOTS,
        [],
        [],
        [],
        [],
        {},
    ),
    (
        "Community Against Sexual Harm (CASH)",
        "community-against-sexual-harm",
        Sector.COMMUNITY,
        "Provides the services of RESET Court, the diversion program for young adult women.",
        "<p>Community Against Sexual Harm provides the services of RESET Court: wrap-around, "
        "trauma-informed services, life skills and peer mentoring for young adult women in the "
        "program.</p>",
        [],
        [],
        [],
        [],
        {"featured": True},
    ),
    (
        "Harbor Light Shelter (sample)",
        "sample-harbor-light-shelter",
        Sector.COMMUNITY,
        "Sample partner: a confidential emergency shelter that answers day and night.",
        "<p>An invented shelter offering safe beds, meals and an advocate on call.</p>" + SAMPLE,
        ["Emergency shelter", "Housing", "Case management", "Victim advocacy"],
        ["Adults", "Women and girls", "Families"],
        ["English", "Spanish"],
        ["Countywide"],
        {"open_24_7": True, "phone": "(555) 010-0101", "featured": True},
    ),
    (
        "River City Legal Aid (sample)",
        "sample-river-city-legal-aid",
        Sector.COMMUNITY,
        "Sample partner: free legal help with records, immigration and workers' rights.",
        "<p>Invented lawyers helping survivors clear records and claim unpaid wages.</p>" + SAMPLE,
        ["Legal services", "Immigration help", "Labor-exploitation help"],
        ["Adults", "Foreign nationals"],
        ["English", "Spanish", "Punjabi"],
        ["Sacramento", "Elk Grove"],
        {"phone": "(555) 010-0102", "email": "help@example.org"},
    ),
    (
        "Open Door Youth Center (sample)",
        "sample-open-door-youth-center",
        Sector.COMMUNITY,
        "Sample partner: drop-in center and prevention workshops for young people.",
        "<p>An invented youth center with a drop-in space and workshops in schools.</p>" + SAMPLE,
        ["Youth services", "Prevention", "Training and education", "Mental health and counseling"],
        ["Youth", "LGBTQ+"],
        ["English", "Spanish", "Hmong"],
        ["Citrus Heights", "Rancho Cordova"],
        {"phone": "(555) 010-0103"},
    ),
    (
        "Camino Seguro Community Services (sample)",
        "sample-camino-seguro",
        Sector.FAITH,
        "Sample partner: a faith-based group helping immigrant families, in Spanish and English.",
        "<p>Invented volunteers offering accompaniment, food and referrals.</p>" + SAMPLE,
        ["Case management", "Immigration help", "Housing"],
        ["Families", "Foreign nationals", "Men and boys"],
        ["Spanish", "English", "Tagalog"],
        ["Galt", "Isleton", "Unincorporated Sacramento County"],
        {},
    ),
    (
        "Delta Health Clinic (sample)",
        "sample-delta-health-clinic",
        Sector.HEALTH,
        "Sample partner: medical and mental-health care, no questions about status.",
        "<p>An invented clinic offering confidential checkups and counseling.</p>" + SAMPLE,
        ["Medical care", "Mental health and counseling", "Substance-use treatment"],
        ["Adults", "Youth", "Men and boys"],
        ["English", "Vietnamese", "Chinese", "Russian"],
        ["Sacramento", "Folsom"],
        {"open_24_7": True, "phone": "(555) 010-0104"},
    ),
]


def is_sample(slug):
    """Invented partners carry the word in their address and their name."""
    return slug.startswith("sample-")


def ensure_terms():
    services = {}
    for name, emergency in SERVICES.items():
        services[name], _ = Service.objects.get_or_create(
            name=name, defaults={"emergency": emergency}
        )
    populations = {name: Population.objects.get_or_create(name=name)[0] for name in POPULATIONS}
    languages = {name: Language.objects.get_or_create(name=name)[0] for name in LANGUAGES}
    areas = {name: ServiceArea.objects.get_or_create(name=name)[0] for name in AREAS}
    return services, populations, languages, areas


def load(home):
    """Add the partner directory under `home`, once."""
    if PartnerIndexPage.objects.child_of(home).exists():
        return
    services, populations, languages, areas = ensure_terms()
    directory = PartnerIndexPage(
        title="Partners",
        slug="partners",
        show_in_menus=True,
        summary="The organizations and agencies of the coalition, and how to reach them.",
        introduction=(
            "More than 30 community organizations, law-enforcement agencies and public agencies "
            "work together in Sacramento Together. Find who can help: filter by service, "
            "language or where they work."
        ),
    )
    home.add_child(instance=directory)
    reviewed = timezone.localdate() - datetime.timedelta(days=30)
    for title, slug, sector, summary, description, svc, pops, langs, where, extra in PARTNERS:
        partner = PartnerPage(
            title=title,
            slug=slug,
            sector=sector,
            summary=summary,
            description=description,
            # Only an invented profile says when it was last checked.
            last_reviewed=reviewed if is_sample(slug) else None,
            **extra,
        )
        partner.services = [services[name] for name in svc]
        partner.populations = [populations[name] for name in pops]
        partner.languages = [languages[name] for name in langs]
        partner.service_areas = [areas[name] for name in where]
        directory.add_child(instance=partner)
