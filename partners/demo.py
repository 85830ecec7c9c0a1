"""Demo partners: the agencies named in the coalition's public material, described only
with what that material says (no services, populations, languages, areas or review date
that it does not give them), and invented community partners marked as samples."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

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
    """The English terms (a Spanish term may share a name, as places do)."""
    english = Locale.get_default()
    services = {}
    for name, emergency in SERVICES.items():
        services[name], _ = Service.objects.get_or_create(
            name=name, locale=english, defaults={"emergency": emergency}
        )

    def terms(model, names):
        return {name: model.objects.get_or_create(name=name, locale=english)[0] for name in names}

    populations = terms(Population, POPULATIONS)
    languages = terms(Language, LANGUAGES)
    areas = terms(ServiceArea, AREAS)
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


# ---------------------------------------------------------------- en español
#
# The Spanish directory: translations of the English one and of every partner,
# with Spanish terms. Organizations keep their names; what is said about the
# real ones is still only what the public facts say.

SPANISH_TERMS = {
    "Emergency shelter": "Refugio de emergencia",
    "Housing": "Vivienda",
    "Case management": "Manejo de casos",
    "Legal services": "Servicios legales",
    "Immigration help": "Ayuda con inmigración",
    "Medical care": "Atención médica",
    "Mental health and counseling": "Salud mental y consejería",
    "Substance-use treatment": "Tratamiento por consumo de sustancias",
    "Victim advocacy": "Defensa de víctimas",
    "Youth services": "Servicios para jóvenes",
    "Labor-exploitation help": "Ayuda por explotación laboral",
    "Investigation": "Investigación",
    "Prosecution": "Procesamiento judicial",
    "Training and education": "Capacitación y educación",
    "Prevention": "Prevención",
    "Diversion programs": "Programas de desvío",
    "Youth": "Jóvenes",
    "Young adults": "Adultos jóvenes",
    "Adults": "Adultos",
    "Families": "Familias",
    "LGBTQ+": "LGBTQ+",
    "Men and boys": "Hombres y niños",
    "Women and girls": "Mujeres y niñas",
    "Foreign nationals": "Personas de otros países",
    "English": "Inglés",
    "Spanish": "Español",
    "Chinese": "Chino",
    "Vietnamese": "Vietnamita",
    "Hmong": "Hmong",
    "Russian": "Ruso",
    "Punjabi": "Punyabí",
    "Tagalog": "Tagalo",
    "Countywide": "Todo el condado",
    "Unincorporated Sacramento County": "Zonas no incorporadas del condado de Sacramento",
}

HOT_SPOTS_ES = (
    "<p>Participa en la Operación Hot Spots, los operativos anuales de la coalición en todo el "
    "condado dirigidos a quienes compran sexo.</p>"
)
SAMPLE_ES = (
    "<p><em>Contenido de ejemplo: esta organización es inventada para el sitio de "
    "demostración.</em></p>"
)
SPANISH_DIRECTORY = {
    "title": "Organizaciones aliadas",
    "slug": "organizaciones-aliadas",
    "summary": "Las organizaciones y agencias de la coalición, y cómo comunicarse con ellas.",
    "introduction": (
        "Más de 30 organizaciones comunitarias, agencias del orden público y agencias públicas "
        "trabajan juntas en Sacramento Together. Encuentre quién puede ayudarle: filtre por "
        "servicio, idioma o zona."
    ),
}
# slug: (Spanish title or None to keep the name, summary, description)
SPANISH_PARTNERS = {
    "sacramento-county-district-attorney": (
        None,
        "Impulsó la coalición en 2015; recibe solicitudes de oradores sobre la trata de personas.",
        "<p>La Oficina del Fiscal de Distrito impulsó Sacramento Together en 2015. Recibe "
        "solicitudes de oradores sobre la trata de personas.</p>",
    ),
    "sacramento-county-sheriffs-office": (
        None,
        "Orden público en el condado; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "sacramento-police-department": (
        None,
        "Policía de la ciudad de Sacramento; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "elk-grove-police-department": (
        None,
        "Policía de Elk Grove; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "rancho-cordova-police-department": (
        None,
        "Policía de Rancho Cordova; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "citrus-heights-police-department": (
        None,
        "Policía de Citrus Heights; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "folsom-police-department": (
        None,
        "Policía de Folsom; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "sacramento-county-probation-department": (
        None,
        "Libertad condicional del condado; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "fbi": (
        None,
        "Orden público federal; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "california-highway-patrol": (
        None,
        "Orden público estatal; participa en la Operación Hot Spots.",
        HOT_SPOTS_ES,
    ),
    "community-against-sexual-harm": (
        None,
        "Presta los servicios de RESET Court, el programa de desvío para mujeres jóvenes adultas.",
        "<p>Community Against Sexual Harm presta los servicios de RESET Court: servicios "
        "integrales que tienen en cuenta el trauma, habilidades para la vida y mentoría entre "
        "pares para las mujeres jóvenes adultas del programa.</p>",
    ),
    "sample-harbor-light-shelter": (
        "Harbor Light Shelter (ejemplo)",
        "Organización de ejemplo: un refugio de emergencia confidencial que atiende día y noche.",
        "<p>Un refugio inventado que ofrece camas seguras, comidas y una persona defensora de "
        "guardia.</p>" + SAMPLE_ES,
    ),
    "sample-river-city-legal-aid": (
        "River City Legal Aid (ejemplo)",
        "Organización de ejemplo: ayuda legal gratuita con antecedentes, inmigración y derechos "
        "laborales.",
        "<p>Abogados inventados que ayudan a sobrevivientes a limpiar sus antecedentes y a "
        "reclamar salarios no pagados.</p>" + SAMPLE_ES,
    ),
    "sample-open-door-youth-center": (
        "Open Door Youth Center (ejemplo)",
        "Organización de ejemplo: centro de puertas abiertas y talleres de prevención para "
        "jóvenes.",
        "<p>Un centro juvenil inventado, con un espacio abierto y talleres en escuelas.</p>"
        + SAMPLE_ES,
    ),
    "sample-camino-seguro": (
        "Camino Seguro Community Services (ejemplo)",
        "Organización de ejemplo: un grupo de fe que ayuda a familias inmigrantes, en español y "
        "en inglés.",
        "<p>Voluntarios inventados que ofrecen acompañamiento, comida y referencias.</p>"
        + SAMPLE_ES,
    ),
    "sample-delta-health-clinic": (
        "Delta Health Clinic (ejemplo)",
        "Organización de ejemplo: atención médica y de salud mental, sin preguntas sobre su "
        "situación migratoria.",
        "<p>Una clínica inventada que ofrece chequeos y consejería confidenciales.</p>" + SAMPLE_ES,
    ),
}


def spanish_term(term, locale):
    """The Spanish translation of an English term, made once."""
    model = type(term)
    existing = model.objects.filter(translation_key=term.translation_key, locale=locale).first()
    if existing is not None:
        return existing
    extra = {"emergency": term.emergency} if isinstance(term, Service) else {}
    return model.objects.create(
        name=SPANISH_TERMS.get(term.name, term.name),
        translation_key=term.translation_key,
        locale=locale,
        **extra,
    )


def load_spanish(home, es_home):
    """The Spanish directory and every partner in Spanish, once."""
    locale = es_home.locale
    directory = PartnerIndexPage.objects.child_of(home).first()
    if directory is None or directory.has_translation(locale):
        return
    es_directory = PartnerIndexPage(
        translation_key=directory.translation_key,
        locale=locale,
        show_in_menus=directory.show_in_menus,
        **SPANISH_DIRECTORY,
    )
    es_home.add_child(instance=es_directory)
    sources = PartnerPage.objects.child_of(directory).prefetch_related(
        "services", "populations", "languages", "service_areas"
    )
    for source in sources:
        if source.slug not in SPANISH_PARTNERS:
            continue
        title, summary, description = SPANISH_PARTNERS[source.slug]
        partner = PartnerPage(
            translation_key=source.translation_key,
            locale=locale,
            title=title or source.title,
            slug=source.slug,
            sector=source.sector,
            summary=summary,
            description=description,
            website=source.website,
            phone=source.phone,
            email=source.email,
            open_24_7=source.open_24_7,
            featured=source.featured,
            last_reviewed=source.last_reviewed,
        )
        partner.services = [spanish_term(term, locale) for term in source.services.all()]
        partner.populations = [spanish_term(term, locale) for term in source.populations.all()]
        partner.languages = [spanish_term(term, locale) for term in source.languages.all()]
        partner.service_areas = [spanish_term(term, locale) for term in source.service_areas.all()]
        es_directory.add_child(instance=partner)
