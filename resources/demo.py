"""Demo content for the resources app: the library, the Get help page, and the pages on
spotting and reporting trafficking.

Written from the public facts in shared/FACTS.md. The demo files are one-page
PDFs generated here, offline; nothing is downloaded. Every step is idempotent:
running the loader again changes nothing.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from coalition_site import demo as site_demo
from coalition_site.models import HomePage, Language, StandardPage
from safety.models import GetHelpPage

from .models import (
    Audience,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)
from .sample_pdf import one_page_pdf

AUDIENCES = [
    "Survivors",
    "Youth",
    "Parents and caregivers",
    "Educators",
    "Employers and businesses",
    "Health care",
    "Law enforcement",
    "General public",
]
TOPICS = [
    "Recognizing the signs",
    "Reporting",
    "Sex trafficking",
    "Labor trafficking",
    "Online safety",
    "Legal rights",
    "Services and shelter",
    "Prevention",
]

HOTLINE_URL = "https://humantraffickinghotline.org/"
HOTLINE_LINES = [
    "National Human Trafficking Hotline",
    "Call 1-888-373-7888 - Text 233733 - TTY 711",
    "24 hours a day. Many languages by phone; English and Spanish by text and chat.",
    "In immediate danger, call 911.",
]

# Sections of the old standard "Get help" page that only retyped the hotline
# numbers; the Get help page type now shows them from site settings.
RETYPED_SECTIONS = {"In immediate danger", "Talk to the National Human Trafficking Hotline"}


def rich(html):
    return ("paragraph", RichText(html))


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def call_to_action(heading_text, text, label, page):
    """A one-block list with a call to action to `page`, or no block when there is no page."""
    if page is None:
        return []
    value = {"heading": heading_text, "text": text, "button_label": label, "page": page}
    return [("call_to_action", {**value, "url": ""})]


# ---------------------------------------------------------------- terms


def ensure_terms():
    audiences = {name: Audience.objects.get_or_create(name=name)[0] for name in AUDIENCES}
    topics = {name: Topic.objects.get_or_create(name=name)[0] for name in TOPICS}
    languages = {
        name: Language.objects.get_or_create(name=name)[0] for name in ["English", "Spanish"]
    }
    return audiences, topics, languages


# ---------------------------------------------------------------- documents


def sample_document(title, filename, lines):
    """A generated one-page PDF stored as a Wagtail document, made once."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = one_page_pdf(title, lines)
    document = Document(title=title, file=ContentFile(data, name=filename))
    document.file_size = len(data)
    document.file_hash = hash_filelike(ContentFile(data))
    document.save()
    return document


SIGNS_LINES = [
    "No single sign proves that someone is being trafficked. Several together are a",
    "reason to call the National Human Trafficking Hotline.",
    "",
    "- They cannot come and go as they wish, or are never alone.",
    "- Someone else holds their ID or passport.",
    "- They owe a debt they can never seem to pay off.",
    "- They seem coached on what to say, or someone speaks for them.",
    "- They work very long hours for little or no pay, or live where they work.",
    "- They seem afraid or anxious, especially when a certain person is near.",
    "- A young person has new, expensive things with no explanation, or an older",
    "  partner who controls them.",
    "",
    "What to do: do not confront anyone. Call 1-888-373-7888 or text 233733.",
    "In immediate danger, call 911.",
    "",
    "Sample document generated for the Sacramento Together demo site.",
]

RESET_LINES = [
    "RESET: Reducing Sexually Exploited & Trafficked Court.",
    "",
    "- A diversion program for young adult women arrested for sex-work offenses.",
    "- Free.",
    "- Wrap-around, trauma-informed services, life skills and peer mentoring.",
    "- The chance to clear the criminal record for the offenses committed.",
    "- Services are provided by Community Against Sexual Harm (CASH).",
    "",
    "Sample document generated for the Sacramento Together demo site.",
]

CASH_LINES = [
    "Community Against Sexual Harm (CASH) provides the services of RESET Court,",
    "the diversion program for young adult women arrested for sex-work offenses:",
    "",
    "- wrap-around, trauma-informed services;",
    "- life skills;",
    "- peer mentoring.",
    "",
    "Sample document generated for the Sacramento Together demo site.",
]

NOTICE_LINES = [
    "Sample notice: check the wording the law requires before you post it.",
    "",
    "California requires certain businesses to post a notice with the hotline",
    "numbers (SB 1193). This sample shows the numbers such a notice gives:",
    "",
    *HOTLINE_LINES,
    "",
    "Sample document generated for the Sacramento Together demo site.",
]


# ---------------------------------------------------------------- pages beside the library


def body_without_retyped_numbers(body):
    """The old page's blocks, minus the sections that only retyped the hotline numbers."""
    kept, skipping = [], False
    for block in body.raw_data:
        if block["type"] == "heading":
            skipping = block["value"].get("text") in RETYPED_SECTIONS
        if not skipping:
            kept.append({"type": block["type"], "value": block["value"]})
    return kept


def standard_get_help_spec():
    """The core demo's "Get help" page, for when /get-help/ does not exist at all."""
    spec = next(spec for spec in site_demo.STANDARD_PAGES if spec["slug"] == "get-help")
    fields = ["title", "show_in_menus", "summary", "introduction", "body"]
    return {name: spec[name] for name in fields}


def replace_get_help(home, signs_page, report_page):
    """Make /get-help/ a Get help page, keeping the text of the standard page it replaces.

    The new page takes the old one's place in the menu and in the home page's
    call to action. Does nothing when /get-help/ already is a Get help page, or
    when an editor has put another kind of page there.
    """
    existing = Page.objects.child_of(home).filter(slug="get-help").first()
    if existing is not None and existing.specific_class is not StandardPage:
        return existing.specific
    source = existing.specific if existing else StandardPage(**standard_get_help_spec())
    next_sibling = existing.get_next_sibling() if existing else None
    body = body_without_retyped_numbers(source.body) + [
        cta_data(
            "Not sure what you are seeing?",
            "Learn the signs that someone may be trafficked.",
            "Recognize the signs",
            signs_page,
        ),
        cta_data(
            "Worried about someone?",
            "How to pass on what you know, safely.",
            "Report a tip",
            report_page,
        ),
    ]
    page = GetHelpPage(
        title=source.title,
        slug="get-help",
        seo_title=source.seo_title,
        search_description=source.search_description,
        show_in_menus=source.show_in_menus,
        summary=source.summary,
        introduction=source.introduction,
        body=body,
    )
    if existing is not None:
        existing.delete()
    if next_sibling is not None:
        Page.objects.get(pk=next_sibling.pk).add_sibling(pos="left", instance=page)
    else:
        HomePage.objects.get(pk=home.pk).add_child(instance=page)
    page.save_revision().publish()

    home = HomePage.objects.get(pk=home.pk)
    home.hero_link_page = page
    home.save_revision().publish()
    return page


def cta_data(heading_text, text, label, page):
    """A call-to-action block in stored form, pointing at `page`."""
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": text,
            "button_label": label,
            "page": page.pk,
            "url": "",
        },
    }


SIGNS_PAGE = {
    "slug": "recognize-the-signs",
    "title": "Recognize the signs",
    "summary": "Signs that someone may be trafficked, and what to do if you see them.",
    "introduction": (
        "Trafficking is often hidden in plain sight. No single sign proves it, but several "
        "together are a reason to call the National Human Trafficking Hotline."
    ),
    "body": [
        heading("Signs that someone may be controlled by another person"),
        rich(
            "<ul><li>They cannot come and go as they wish, or are never alone.</li>"
            "<li>Someone else holds their ID, passport or money.</li>"
            "<li>They owe a debt they can never seem to pay off.</li>"
            "<li>They seem coached on what to say, or someone else always speaks for them.</li>"
            "<li>They seem afraid, anxious or watchful, especially when a certain person is "
            "near.</li>"
            "<li>They have injuries they will not explain.</li></ul>"
        ),
        heading("Signs of labor exploitation"),
        rich(
            "<ul><li>The job turned out to be different from the one they were promised.</li>"
            "<li>They work very long hours for little or no pay, with money taken back for "
            "housing, food or transport.</li>"
            "<li>They live where they work, or their employer controls where they live.</li></ul>"
        ),
        heading("Signs in young people"),
        rich(
            "<ul><li>New clothes, phones or money they cannot explain.</li>"
            "<li>An older boyfriend or girlfriend, or a new friend, who seems to control "
            "them.</li>"
            "<li>Staying away from home or school, or running away.</li></ul>"
        ),
        heading("If you see the signs"),
        rich(
            "<p>Do not confront anyone you suspect of trafficking, and do not try to rescue "
            "anyone yourself. Anyone who suspects that someone is a victim of trafficking is "
            "asked to call the National Human Trafficking Hotline: "
            '<a href="tel:+18883737888">1-888-373-7888</a>, or text '
            '<a href="sms:233733">233733</a>. In immediate danger, call '
            '<a href="tel:911">911</a>.</p>'
        ),
    ],
}

REPORT_PAGE = {
    "slug": "report-a-tip",
    "title": "Report a tip",
    "summary": "How to report a suspicion of human trafficking, and what to note if you can.",
    "introduction": (
        "Anyone who suspects that someone is a victim of human trafficking is asked to call the "
        "National Human Trafficking Hotline. You do not need to be sure."
    ),
    "body": [
        heading("How to report"),
        rich(
            '<ul><li>Call <a href="tel:+18883737888">1-888-373-7888</a>, 24 hours a day, in '
            "many languages.</li>"
            '<li>Text <a href="sms:233733">233733</a>, in English or Spanish.</li>'
            "<li>TTY: 711.</li>"
            '<li>If someone is in immediate danger, call <a href="tel:911">911</a>.</li></ul>'
        ),
        heading("What to note, if you can do so safely"),
        rich(
            "<ul><li>What you saw or heard, and why it worried you.</li>"
            "<li>Where and when: an address, a business name, a date and time.</li>"
            "<li>Descriptions of the people involved and of any vehicles.</li></ul>"
            "<p>Do not take risks to collect more. Pass on what you already know.</p>"
        ),
        heading("What not to do"),
        rich(
            "<ul><li>Do not confront anyone you suspect of trafficking.</li>"
            "<li>Do not try to rescue anyone yourself.</li>"
            "<li>Do not post about it on social media: it can put the person at risk.</li></ul>"
        ),
    ],
}


def ensure_standard_page(home, spec):
    existing = Page.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = StandardPage(
        title=spec["title"],
        slug=spec["slug"],
        show_in_menus=True,
        summary=spec["summary"],
        introduction=spec["introduction"],
        body=spec["body"],
    )
    home.add_child(instance=page)
    return page


# ---------------------------------------------------------------- the library


def library_entries(documents, pages):
    """(fields, audiences, topics, languages) for each demo resource."""
    return [
        (
            {
                "title": "National Human Trafficking Hotline",
                "slug": "national-human-trafficking-hotline",
                "resource_type": ResourceType.HOTLINE,
                "link_url": HOTLINE_URL,
                "summary": (
                    "Call 1-888-373-7888 or text 233733, 24 hours a day; TTY 711. Many "
                    "languages by phone; English and Spanish by text and chat."
                ),
                "body": [
                    rich(
                        "<p>Anyone who suspects that someone is a victim of trafficking is asked "
                        "to call the national hotline. In immediate danger, call 911.</p>"
                    ),
                ],
            },
            ["Survivors", "Youth", "General public"],
            ["Reporting", "Services and shelter"],
            ["English", "Spanish"],
        ),
        (
            {
                "title": "Línea Nacional contra la Trata de Personas",
                "slug": "linea-nacional-contra-la-trata",
                "resource_type": ResourceType.HOTLINE,
                "link_url": HOTLINE_URL,
                "entry_language": "es",
                "summary": (
                    "Llame al 1-888-373-7888 o envíe un mensaje de texto al 233733, las 24 "
                    "horas. Por teléfono atienden en muchos idiomas; por texto y chat, en "
                    "inglés y en español. Si corre peligro inmediato, llame al 911."
                ),
                "body": [],
            },
            ["Survivors", "Parents and caregivers", "General public"],
            ["Reporting", "Services and shelter"],
            ["Spanish"],
        ),
        (
            {
                "title": "RESET Court",
                "slug": "reset-court-program",
                "resource_type": ResourceType.HOTLINE,
                "document": documents["reset"],
                "summary": (
                    "A free diversion program for young adult women arrested for sex-work "
                    "offenses, with the chance to clear their record."
                ),
                "body": [
                    rich(
                        "<p>RESET (Reducing Sexually Exploited &amp; Trafficked) Court offers "
                        "wrap-around, trauma-informed services, life skills and peer mentoring. "
                        "Services are provided by Community Against Sexual Harm (CASH).</p>"
                    ),
                    *call_to_action(
                        "About RESET Court",
                        "Why clearing the record matters.",
                        "Read about RESET Court",
                        pages.get("reset-court"),
                    ),
                ],
            },
            ["Survivors", "Youth"],
            ["Sex trafficking", "Legal rights", "Services and shelter"],
            ["English"],
        ),
        (
            {
                "title": "Community Against Sexual Harm (CASH): RESET Court services",
                "slug": "cash-services",
                "resource_type": ResourceType.HOTLINE,
                "document": documents["cash"],
                "summary": (
                    "CASH provides the services of RESET Court: wrap-around, trauma-informed "
                    "services, life skills and peer mentoring."
                ),
                "body": [],
            },
            ["Survivors"],
            ["Sex trafficking", "Services and shelter"],
            ["English"],
        ),
        (
            {
                "title": "Signs of trafficking",
                "slug": "signs-of-trafficking",
                "resource_type": ResourceType.GUIDE,
                "document": documents["signs"],
                "summary": (
                    "A one-page guide to the signs that someone may be trafficked, and what to "
                    "do if you see them. Sample document."
                ),
                "body": call_to_action(
                    "More on the signs",
                    "Signs of labor exploitation and signs in young people.",
                    "Recognize the signs",
                    pages.get("recognize-the-signs"),
                ),
            },
            ["General public", "Educators", "Parents and caregivers", "Health care"],
            ["Recognizing the signs", "Sex trafficking", "Labor trafficking"],
            ["English"],
        ),
        (
            {
                "title": "Hotline notice for businesses (SB 1193)",
                "slug": "sb-1193-hotline-notice",
                "resource_type": ResourceType.POSTER,
                "document": documents["notice"],
                "summary": (
                    "California requires certain businesses to post a notice with the hotline "
                    "numbers (SB 1193). A sample notice showing the numbers."
                ),
                "body": [],
            },
            ["Employers and businesses"],
            ["Legal rights", "Reporting", "Prevention"],
            ["English"],
        ),
        (
            {
                "title": "Justice Journal: human trafficking, part 1",
                "slug": "justice-journal-part-1",
                "resource_type": ResourceType.VIDEO,
                "link_url": "https://youtu.be/G51vo2oVVwE",
                "summary": "The first part of the Justice Journal podcast on human trafficking.",
                "body": [],
            },
            ["General public"],
            ["Recognizing the signs", "Prevention"],
            ["English"],
        ),
        (
            {
                "title": "Justice Journal: human trafficking, part 2",
                "slug": "justice-journal-part-2",
                "resource_type": ResourceType.VIDEO,
                "link_url": "https://youtu.be/UOwE6DGJQIk",
                "summary": "The second part of the Justice Journal podcast on human trafficking.",
                "body": [],
            },
            ["General public"],
            ["Recognizing the signs", "Prevention"],
            ["English"],
        ),
        (
            {
                "title": "Request a speaker on human trafficking",
                "slug": "request-a-speaker",
                "resource_type": ResourceType.TRAINING,
                "link_url": "https://www.sacda.org/",
                "summary": (
                    "The Sacramento County District Attorney's office takes requests for "
                    "speakers on human trafficking."
                ),
                "body": [],
            },
            ["Educators", "Employers and businesses", "General public"],
            ["Prevention", "Recognizing the signs"],
            ["English"],
        ),
    ]


def build_library(home, pages):
    audiences, topics, languages = ensure_terms()
    documents = {
        "signs": sample_document(
            "Signs of trafficking (sample guide)", "signs-of-trafficking.pdf", SIGNS_LINES
        ),
        "reset": sample_document("RESET Court at a glance", "reset-court.pdf", RESET_LINES),
        "cash": sample_document("CASH and RESET Court services", "cash-services.pdf", CASH_LINES),
        "notice": sample_document(
            "Hotline notice for businesses (sample)", "hotline-notice-sample.pdf", NOTICE_LINES
        ),
    }
    library = ResourceIndexPage(
        title="Resources",
        slug="resources",
        show_in_menus=True,
        summary="Guides, videos, services and training about human trafficking.",
        introduction=(
            "Learn the signs of trafficking, how to report it, your rights and where to get "
            "help. Teachers, parents, employers and health workers will find guides and "
            "training. Filter by who it is for, topic, type or language."
        ),
    )
    home.add_child(instance=library)
    for fields, for_whom, about, langs in library_entries(documents, pages):
        resource = ResourcePage(**fields)
        resource.audiences = [audiences[name] for name in for_whom]
        resource.topics = [topics[name] for name in about]
        resource.languages = [languages[name] for name in langs]
        library.add_child(instance=resource)
    return library


def load(home):
    """Add the library, the Get help page and the signs and report pages under `home`, once."""
    signs_page = ensure_standard_page(home, SIGNS_PAGE)
    report_page = ensure_standard_page(home, REPORT_PAGE)
    replace_get_help(home, signs_page, report_page)
    if ResourceIndexPage.objects.child_of(home).exists():
        return
    pages = {
        page.slug: page
        for page in Page.objects.child_of(home).filter(
            slug__in=["reset-court", "recognize-the-signs", "report-a-tip"]
        )
    }
    build_library(home, pages)


# ---------------------------------------------------------------- en español

# Spanish names of the managed lists: translations (same translation_key) of the English terms.
SPANISH_TERMS = {
    "audience": {
        "Survivors": "Sobrevivientes",
        "Youth": "Jóvenes",
        "Parents and caregivers": "Madres, padres y cuidadores",
        "Educators": "Educadores",
        "Employers and businesses": "Empleadores y negocios",
        "Health care": "Atención médica",
        "Law enforcement": "Fuerzas del orden",
        "General public": "Público en general",
    },
    "topic": {
        "Recognizing the signs": "Reconocer las señales",
        "Reporting": "Cómo denunciar",
        "Sex trafficking": "Trata con fines sexuales",
        "Labor trafficking": "Trata con fines laborales",
        "Online safety": "Seguridad en internet",
        "Legal rights": "Derechos legales",
        "Services and shelter": "Servicios y refugio",
        "Prevention": "Prevención",
    },
    "language": {"English": "Inglés", "Spanish": "Español"},
}

SPANISH_LIBRARY = {
    "title": "Recursos",
    "slug": "recursos",
    "summary": "Guías, servicios y capacitación sobre la trata de personas.",
    "introduction": (
        "Conozca las señales de la trata, cómo denunciarla, sus derechos y dónde pedir ayuda. "
        "Filtre por público, tema, tipo o idioma."
    ),
}

SPANISH_SIGNS_PAGE = {
    "title": "Reconozca las señales",
    "slug": "reconozca-las-senales",
    "summary": "Señales de que alguien podría ser víctima de trata, y qué hacer si las ve.",
    "introduction": (
        "La trata suele estar escondida a la vista de todos. Ninguna señal por sí sola la "
        "demuestra, pero varias juntas son motivo para llamar a la Línea Nacional contra la "
        "Trata de Personas."
    ),
    "body": [
        heading("Señales de que otra persona podría estar controlando a alguien"),
        rich(
            "<ul><li>No puede entrar y salir cuando quiere, o nunca está sola.</li>"
            "<li>Otra persona tiene su identificación, su pasaporte o su dinero.</li>"
            "<li>Tiene una deuda que nunca logra terminar de pagar.</li>"
            "<li>Parece que le dijeron qué decir, o siempre habla otra persona por ella.</li>"
            "<li>Se ve asustada, nerviosa o alerta, sobre todo cuando cierta persona está "
            "cerca.</li>"
            "<li>Tiene lesiones que no quiere explicar.</li></ul>"
        ),
        heading("Señales de explotación laboral"),
        rich(
            "<ul><li>El trabajo resultó ser distinto del que le prometieron.</li>"
            "<li>Trabaja muchísimas horas por poco o ningún pago, y le descuentan dinero por "
            "vivienda, comida o transporte.</li>"
            "<li>Vive donde trabaja, o su empleador controla dónde vive.</li></ul>"
        ),
        heading("Señales en jóvenes"),
        rich(
            "<ul><li>Ropa nueva, teléfonos o dinero que no puede explicar.</li>"
            "<li>Un novio o una novia mayor, o una amistad nueva, que parece controlarle.</li>"
            "<li>Falta a la casa o a la escuela, o se escapa.</li></ul>"
        ),
        heading("Si ve las señales"),
        rich(
            "<p>No confronte a nadie de quien sospeche, y no intente rescatar a nadie por su "
            "cuenta. A toda persona que sospeche que alguien es víctima de trata se le pide que "
            "llame a la Línea Nacional contra la Trata de Personas: "
            '<a href="tel:+18883737888">1-888-373-7888</a>, o que envíe un mensaje de texto al '
            '<a href="sms:233733">233733</a>. Si hay peligro inmediato, llame al '
            '<a href="tel:911">911</a>.</p>'
        ),
    ],
}

SPANISH_REPORT_PAGE = {
    "title": "Reporte una sospecha",
    "slug": "reporte-una-sospecha",
    "summary": "Cómo reportar una sospecha de trata de personas, y qué anotar si puede.",
    "introduction": (
        "A toda persona que sospeche que alguien es víctima de trata se le pide que llame a la "
        "Línea Nacional contra la Trata de Personas. No necesita estar segura."
    ),
    "body": [
        heading("Cómo reportar"),
        rich(
            '<ul><li>Llame al <a href="tel:+18883737888">1-888-373-7888</a>. Atienden en vivo '
            "las 24 horas, en español o en inglés, o en más de 200 idiomas con un "
            "intérprete.</li>"
            '<li>Envíe un mensaje de texto al <a href="sms:233733">233733</a>, en español o en '
            "inglés.</li>"
            "<li>TTY: 711.</li>"
            '<li>Si alguien corre peligro inmediato, llame al <a href="tel:911">911</a>.</li>'
            "</ul>"
            "<p>Puede dar el aviso sin decir su nombre.</p>"
        ),
        heading("Qué anotar, si puede hacerlo sin riesgo"),
        rich(
            "<ul><li>Qué vio o escuchó, y por qué le preocupó.</li>"
            "<li>Dónde y cuándo: una dirección, el nombre de un negocio, una fecha y una "
            "hora.</li>"
            "<li>Cómo son las personas involucradas y los vehículos.</li></ul>"
            "<p>No corra riesgos para averiguar más. Comparta lo que ya sabe.</p>"
        ),
        heading("Qué no hacer"),
        rich(
            "<ul><li>No confronte a nadie de quien sospeche.</li>"
            "<li>No intente rescatar a nadie por su cuenta.</li>"
            "<li>No publique nada sobre el caso en redes sociales: puede poner a la persona en "
            "peligro.</li></ul>"
        ),
    ],
}

# The English page each Spanish page translates, by slug.
SLUG_OF = {
    SPANISH_SIGNS_PAGE["slug"]: SIGNS_PAGE["slug"],
    SPANISH_REPORT_PAGE["slug"]: REPORT_PAGE["slug"],
}

SPANISH_HOTLINE_RESOURCE = {
    "title": "Línea Nacional contra la Trata de Personas",
    "slug": "linea-nacional-contra-la-trata",
    "summary": (
        "Llame al 1-888-373-7888, las 24 horas, o envíe un mensaje de texto al 233733; TTY 711. "
        "Por teléfono atienden en muchos idiomas; por texto y chat, en inglés y en español."
    ),
    "body": [
        rich(
            "<p>Si sospecha que alguien es víctima de trata de personas, llame a la línea "
            "nacional. Si corre peligro inmediato, llame al 911.</p>"
        ),
    ],
}


def spanish_terms(locale):
    """{kind: {English name: Spanish term}}, creating the Spanish translations once."""
    audiences, topics, languages = ensure_terms()
    terms = {}
    for kind, english in (("audience", audiences), ("topic", topics), ("language", languages)):
        terms[kind] = {}
        for name, spanish_name in SPANISH_TERMS[kind].items():
            source = english[name]
            model = type(source)
            translated = model.objects.filter(
                translation_key=source.translation_key, locale=locale
            ).first()
            if translated is None:
                translated = model.objects.create(
                    name=spanish_name, translation_key=source.translation_key, locale=locale
                )
            terms[kind][name] = translated
    return terms


def load_spanish(home, es_home):
    """The Spanish library, with the national hotline in Spanish, once.

    The library is a translation of the English one; its hotline entry is a
    translation of the English entry "national-human-trafficking-hotline". The
    Spanish-language entry that the English library lists for English readers
    ("linea-nacional-contra-la-trata") stays there.
    """
    locale = es_home.locale
    for spec in (SPANISH_SIGNS_PAGE, SPANISH_REPORT_PAGE):
        source = Page.objects.child_of(home).filter(slug=SLUG_OF[spec["slug"]]).first()
        if source is not None:
            site_demo.add_translation(source, es_home, locale, dict(spec))
    terms = spanish_terms(locale)
    library = ResourceIndexPage.objects.child_of(home).first()
    if library is None:
        return None
    es_library = site_demo.add_translation(library, es_home, locale, dict(SPANISH_LIBRARY))
    source = (
        ResourcePage.objects.child_of(library)
        .filter(slug="national-human-trafficking-hotline")
        .first()
    )
    if source is None or source.has_translation(locale):
        return es_library
    resource = ResourcePage(
        translation_key=source.translation_key,
        locale=locale,
        resource_type=source.resource_type,
        link_url=source.link_url,
        entry_language="es",
        **SPANISH_HOTLINE_RESOURCE,
    )
    resource.audiences = [terms["audience"][name] for name in ("Survivors", "General public")]
    resource.topics = [terms["topic"][name] for name in ("Reporting", "Services and shelter")]
    resource.languages = [terms["language"][name] for name in ("English", "Spanish")]
    es_library.add_child(instance=resource)
    resource.save_revision().publish()
    return es_library
