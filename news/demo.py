"""Demo news, written from the public facts in shared/FACTS.md.

The facts give no dates, names or places for these items: every date here, and the
event, are invented for the demo and say so on the page. The PDF and the banner
image are generated on the spot; nothing is downloaded.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from coalition_site.models import StandardPage
from partners.models import PartnerPage

from .models import NewsAttachment, NewsIndexPage, NewsKind, NewsPage, Topic

TOPICS = ["Operation Hot Spots", "Sentencing", "Awareness", "RESET Court", "Training"]

SAMPLE_DATE = "<p><em>Sample content: the date of this item is invented for the demo site.</em></p>"
SAMPLE_RELEASE = (
    "<p><em>Sample content: the date of this release is invented for the demo site; what it "
    "reports is from the coalition's public record.</em></p>"
)
BOILERPLATE = (
    "Sacramento Together is a coalition against human trafficking and exploitation in "
    "Sacramento County, California. Started in 2015 and spearheaded by the Sacramento County "
    "District Attorney's office, it brings together more than 30 community-based "
    "organizations, law-enforcement agencies, and state and local public agencies. The "
    "coalition coordinates the community's response, directs resources to serve victims of "
    "sexual and labor exploitation, raises public awareness, trains people who may come into "
    "contact with exploited individuals, and arrests and prosecutes traffickers while "
    "prioritizing help for exploited people."
)
KEY_FACTS = [
    "Started in 2015, spearheaded by the Sacramento County District Attorney's office.",
    "More than 30 members: community-based organizations, law-enforcement agencies, and state "
    "and local public agencies.",
    "Operation Hot Spots: annual, countywide, coordinated stings that target sex buyers. "
    "Victim advocates take part to offer services and referrals.",
    "RESET Court: a free diversion program for young adult women arrested for sex-work "
    "offenses; Community Against Sexual Harm (CASH) provides its services.",
    "The National Human Trafficking Hotline, operated by the non-profit Polaris, answers calls "
    "24 hours a day, 7 days a week: 1-888-373-7888, or text 233733.",
    "California requires certain businesses to post a notice with the hotline numbers (SB 1193).",
]
PRESS_CONTACT = {
    "media_contact_name": "Sample Press Officer",
    "media_contact_role": "Communications (sample contact)",
    "media_contact_email": "press@example.org",
    "media_contact_phone": "(555) 010-0199",
}
SAMPLE_EVENT = (
    "<p><em>Sample content: this event, its date and its place are invented for the demo "
    "site.</em></p>"
)
SENTENCING_NOTE = (
    "<p>The coalition arrests and prosecutes traffickers while prioritizing help for exploited "
    "people. Anyone who suspects that someone is a victim of trafficking is asked to call the "
    "National Human Trafficking Hotline at 1-888-373-7888, or text 233733. In immediate "
    "danger, call 911.</p>"
)
HOT_SPOTS_AGENCIES = [
    "sacramento-county-sheriffs-office",
    "sacramento-police-department",
    "elk-grove-police-department",
    "rancho-cordova-police-department",
    "citrus-heights-police-department",
    "folsom-police-department",
    "sacramento-county-probation-department",
    "fbi",
    "california-highway-patrol",
]
DA = "sacramento-county-district-attorney"
CASH = "community-against-sexual-harm"


def rich(html):
    return ("paragraph", RichText(html))


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def minimal_pdf(title, lines):
    """A small, valid one-page PDF (Helvetica text), written by hand."""

    def text(value):
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    commands = ["BT", "/F1 18 Tf", "72 770 Td", f"({text(title)}) Tj", "/F1 11 Tf", "0 -30 Td"]
    for line in lines:
        commands += [f"({text(line)}) Tj", "0 -16 Td"]
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def demo_document(title, filename, lines):
    """A Wagtail document holding a generated PDF; reused when the demo runs again."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = minimal_pdf(title, lines)
    document = Document(title=title, file=ContentFile(data, name=filename))
    document.file_size = len(data)
    document.save()
    return document


BANNER_ALT = "Drawn figures of people standing side by side on a teal background."


def demo_banner(title):
    """A plain banner in the site's colors, generated with Pillow; reused when it exists.

    People side by side, as in the mark: nothing that reads as a chart of arrests.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (1200, 630), "#0b4f6c")
    draw = ImageDraw.Draw(picture)
    for number, x in enumerate(range(150, 1200, 180)):
        fill = "#fdd35c" if number == 3 else "#d2e3ea"
        top = 300 if number % 2 else 330
        draw.ellipse([x - 45, top - 110, x + 45, top - 20], fill=fill)
        draw.rounded_rectangle([x - 75, top, x + 75, 700], radius=70, fill=fill)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name="news-banner.png")
    )


def published_at(day):
    """A demo item's first publication: 9am on its publication date."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def items(pages):
    """The demo items; `pages` holds the standard pages they link to, by slug."""
    today = timezone.localdate()

    def cta(slug, heading_text, label, text=""):
        page = pages.get(slug)
        if page is None:
            return []
        return [
            (
                "call_to_action",
                {"heading": heading_text, "text": text, "button_label": label, "page": page},
            )
        ]

    return [
        {
            "title": "Operation Hot Spots 2020: stings aimed at sex buyers lead to 103 arrests",
            "slug": "operation-hot-spots-2020-results",
            "kind": NewsKind.PRESS_RELEASE,
            "publication_date": datetime.date(2020, 12, 3),
            "summary": (
                "Nine agencies took part in the 2020 countywide operation against the demand for "
                "commercial sex; 103 arrests were reported, and victim advocates offered help."
            ),
            "topics": ["Operation Hot Spots"],
            "partners": [DA, *HOT_SPOTS_AGENCIES],
            "body": [
                rich(
                    "<p>Nine law-enforcement agencies and victim advocates took part in the "
                    "2020 Operation Hot Spots, the Sacramento Together coalition's yearly, "
                    "countywide set of coordinated stings. The operation focuses on demand: it "
                    "targets the people who buy sex. The agencies reported 103 arrests in "
                    "total.</p>"
                ),
                heading("Who took part"),
                rich(
                    "<ul><li>Sacramento County Sheriff's Office</li>"
                    "<li>Sacramento Police Department</li><li>Elk Grove Police Department</li>"
                    "<li>Rancho Cordova Police Department</li>"
                    "<li>Citrus Heights Police Department</li><li>Folsom Police Department</li>"
                    "<li>Sacramento County Probation Department</li><li>The FBI</li>"
                    "<li>The California Highway Patrol (CHP)</li></ul>"
                ),
                heading("Results"),
                rich(
                    "<p>The agencies reported 103 arrests in total, for soliciting, loitering "
                    "for prostitution and pandering.</p>"
                ),
                heading("Help for the people exploited"),
                rich(
                    "<p>Victim advocates took part in the operation. They offered services and "
                    "referrals to trafficked people, and backpacks of personal items to those "
                    "who needed them.</p>"
                ),
                *cta(
                    "operation-hot-spots",
                    "About Operation Hot Spots",
                    "Read how the operation works",
                ),
                rich(SAMPLE_RELEASE),
            ],
            "attachment": (
                "Operation Hot Spots 2020 results",
                "operation-hot-spots-2020.pdf",
                [
                    "Sacramento Together - press release (demo document)",
                    "Operation Hot Spots 2020: countywide stings focused on demand.",
                    "Reported result: 103 arrests in total, for soliciting,",
                    "loitering for prostitution and pandering.",
                    "Victim advocates offered services, referrals and backpacks.",
                    "Sample: the date of this release is invented for the demo.",
                ],
            ),
            "banner": True,
        },
        {
            "title": "More than 18 years in prison for a defendant in a human trafficking case",
            "slug": "sentencing-more-than-18-years",
            "kind": NewsKind.PRESS_RELEASE,
            "publication_date": datetime.date(2021, 6, 17),
            "summary": (
                "A defendant was sentenced to more than 18 years in prison for human "
                "trafficking, pimping and pandering."
            ),
            "topics": ["Sentencing"],
            "partners": [DA],
            "body": [
                rich(
                    "<p>A defendant was sentenced to more than 18 years in prison for human "
                    "trafficking, pimping and pandering, following a prosecution by the "
                    "Sacramento County District Attorney's office. It is the longest of three "
                    "such sentences the office has announced.</p>"
                ),
                rich(SENTENCING_NOTE),
                rich(SAMPLE_RELEASE),
            ],
        },
        {
            "title": "Court sentences defendant in human trafficking, pimping and pandering case",
            "slug": "sentencing-human-trafficking-pimping-pandering",
            "kind": NewsKind.PRESS_RELEASE,
            "publication_date": datetime.date(2023, 3, 9),
            "summary": (
                "A second defendant was sentenced for human trafficking, pimping and pandering "
                "after a prosecution by the District Attorney's office."
            ),
            "topics": ["Sentencing"],
            "partners": [DA],
            "body": [
                rich(
                    "<p>A defendant was sentenced for human trafficking, pimping and pandering, "
                    "following a prosecution by the Sacramento County District Attorney's "
                    "office. It is the second of three such sentencings the office has "
                    "announced.</p>"
                ),
                rich(SENTENCING_NOTE),
                rich(SAMPLE_RELEASE),
            ],
        },
        {
            "title": "Third sentencing closes another human trafficking prosecution",
            "slug": "sentencing-third-defendant",
            "kind": NewsKind.PRESS_RELEASE,
            "publication_date": datetime.date(2024, 8, 22),
            "summary": (
                "A third defendant was sentenced for human trafficking, pimping and pandering."
            ),
            "topics": ["Sentencing"],
            "partners": [DA],
            "body": [
                rich(
                    "<p>A third defendant was sentenced for human trafficking, pimping and "
                    "pandering, following a prosecution by the Sacramento County District "
                    "Attorney's office.</p>"
                ),
                rich(SENTENCING_NOTE),
                rich(SAMPLE_RELEASE),
            ],
        },
        {
            "title": "RESET Court: a fresh start for young women",
            "slug": "reset-court-a-fresh-start",
            "kind": NewsKind.ANNOUNCEMENT,
            "publication_date": datetime.date(2022, 5, 12),
            "summary": (
                "A free diversion program for young adult women arrested for sex-work offenses, "
                "with services from Community Against Sexual Harm."
            ),
            "topics": ["RESET Court"],
            "partners": [DA, CASH],
            "body": [
                rich(
                    "<p>RESET (Reducing Sexually Exploited &amp; Trafficked) Court is a "
                    "diversion program for young adult women arrested for sex-work offenses. "
                    "It is free.</p>"
                ),
                heading("What the program offers"),
                rich(
                    "<ul><li>Wrap-around, trauma-informed services</li><li>Life skills</li>"
                    "<li>Peer mentoring</li></ul>"
                    "<p>Community Against Sexual Harm (CASH) provides the services.</p>"
                ),
                heading("A clean record"),
                rich(
                    "<p>Participants have the chance to clear their criminal record of the "
                    "offenses they committed. Those records used to stand in the way of people "
                    "trying to leave trafficking.</p>"
                ),
                *cta("reset-court", "About RESET Court", "Read about RESET Court"),
                rich(SAMPLE_DATE),
            ],
        },
        {
            "title": "January is Human Trafficking Awareness Month, and our website is new",
            "slug": "awareness-month-new-website",
            "kind": NewsKind.ANNOUNCEMENT,
            "publication_date": datetime.date(today.year - 1, 1, 11),
            "summary": (
                "For Human Trafficking Awareness Month, Sacramento Together relaunches its "
                "website with a new design: partners, announcements, podcasts and resources."
            ),
            "topics": ["Awareness"],
            "partners": [DA],
            "body": [
                rich(
                    "<p>January is Human Trafficking Awareness Month. To mark it, Sacramento "
                    "Together has relaunched its website with a new design.</p>"
                    "<p>The site brings together the coalition's partners, announcements, "
                    "podcasts and resources about trafficking in the Sacramento region.</p>"
                ),
                heading("About the coalition"),
                rich(
                    "<p>Sacramento Together started in 2015, spearheaded by the Sacramento "
                    "County District Attorney's office. Its more than 30 members are "
                    "community-based organizations, law-enforcement agencies, and state and "
                    "local public agencies.</p>"
                ),
                rich(SAMPLE_DATE),
            ],
        },
        {
            "title": "Recognizing trafficking: training for people who meet the public (sample)",
            "slug": "sample-training-recognizing-trafficking",
            "kind": NewsKind.EVENT,
            "publication_date": today - datetime.timedelta(days=14),
            "summary": (
                "Sample event: an introduction for staff who may meet people being exploited, "
                "and what to do next."
            ),
            "topics": ["Training", "Awareness"],
            "partners": [DA],
            "event": (
                today + datetime.timedelta(days=30),
                "Sample venue: Community Room, 100 Example Street, Sacramento",
            ),
            "body": [
                rich(
                    "<p>The coalition trains people who may come into contact with exploited "
                    "individuals. This session covers signs to look for and how to call the "
                    "National Human Trafficking Hotline at 1-888-373-7888.</p>"
                ),
                rich(SAMPLE_EVENT),
            ],
        },
    ]


def load(home):
    """Add the news index and its demo items under `home`, once."""
    if NewsIndexPage.objects.child_of(home).exists():
        return
    english = Locale.get_default()
    topics = {name: Topic.objects.get_or_create(name=name, locale=english)[0] for name in TOPICS}
    partners = {page.slug: page for page in PartnerPage.objects.descendant_of(home)}
    pages = {page.slug: page for page in StandardPage.objects.child_of(home)}
    index = NewsIndexPage(
        title="News & press",
        slug="news",
        show_in_menus=True,
        summary="Press releases, announcements and events, and the coalition's press room.",
        introduction=(
            "Press releases, announcements and events from Sacramento Together and its "
            "partners. Filter by kind, topic or year, or follow the feeds."
        ),
        boilerplate=BOILERPLATE,
        key_facts="\n".join(KEY_FACTS),
        **PRESS_CONTACT,
    )
    home.add_child(instance=index)
    for spec in items(pages):
        day = spec["publication_date"]
        item = NewsPage(
            title=spec["title"],
            slug=spec["slug"],
            kind=spec["kind"],
            publication_date=day,
            summary=spec["summary"],
            body=spec["body"],
            first_published_at=published_at(day),
            last_published_at=published_at(day),
        )
        if spec.get("banner"):
            item.image = demo_banner("News banner (demo)")
            item.image_alt_text = BANNER_ALT
        if spec.get("event"):
            event_day, location = spec["event"]
            item.event_start = published_at(event_day)
            item.event_end = item.event_start + datetime.timedelta(hours=2)
            item.event_location = location
        item.topics = [topics[name] for name in spec["topics"]]
        item.related_partners = [partners[slug] for slug in spec["partners"] if slug in partners]
        if spec.get("attachment"):
            title, filename, lines = spec["attachment"]
            item.attachments = [
                NewsAttachment(
                    document=demo_document(title, filename, lines),
                    label=f"{title} (press release)",
                )
            ]
        index.add_child(instance=item)


# ---------------------------------------------------------------- en español
#
# The Spanish news index (a translation of the English one) with its own press
# room, and Spanish translations of two items. Only facts from the public record.

SPANISH_TOPICS = {
    "Operation Hot Spots": "Operación Hot Spots",
    "Sentencing": "Sentencias",
    "Awareness": "Concientización",
    "RESET Court": "RESET Court",
    "Training": "Capacitación",
}

SAMPLE_RELEASE_ES = (
    "<p><em>Contenido de ejemplo: la fecha de este comunicado es inventada para el sitio de "
    "demostración; lo que informa viene de la información pública de la coalición.</em></p>"
)
SAMPLE_DATE_ES = (
    "<p><em>Contenido de ejemplo: la fecha de esta noticia es inventada para el sitio de "
    "demostración.</em></p>"
)

SPANISH_INDEX = {
    "title": "Noticias y prensa",
    "slug": "noticias",
    "summary": "Comunicados de prensa, anuncios y eventos, y la sala de prensa de la coalición.",
    "introduction": (
        "Comunicados de prensa, anuncios y eventos de Sacramento Together y sus organizaciones "
        "aliadas. Filtre por tipo, tema o año, o siga las fuentes."
    ),
    "boilerplate": (
        "Sacramento Together es una coalición contra la trata de personas y la explotación en "
        "el condado de Sacramento, California. Comenzó en 2015, impulsada por la Oficina del "
        "Fiscal de Distrito del condado de Sacramento, y reúne a más de 30 organizaciones "
        "comunitarias, agencias del orden público y agencias públicas estatales y locales. La "
        "coalición coordina la respuesta de la comunidad, dirige recursos para atender a las "
        "víctimas de explotación sexual y laboral, informa al público, capacita a las personas "
        "que pueden tener contacto con personas explotadas, y arresta y procesa a los "
        "tratantes, dando prioridad a la ayuda para las personas explotadas."
    ),
    "key_facts": "\n".join(
        [
            "Comenzó en 2015, impulsada por la Oficina del Fiscal de Distrito del condado de "
            "Sacramento.",
            "Más de 30 miembros: organizaciones comunitarias, agencias del orden público y "
            "agencias públicas estatales y locales.",
            "Operación Hot Spots: operativos anuales y coordinados en todo el condado dirigidos "
            "a quienes compran sexo. Participan defensores de víctimas para ofrecer servicios y "
            "referencias.",
            "RESET Court: un programa de desvío gratuito para mujeres jóvenes adultas "
            "arrestadas por delitos relacionados con el trabajo sexual; Community Against "
            "Sexual Harm (CASH) presta sus servicios.",
            "La Línea Nacional contra la Trata de Personas, que opera la organización sin fines "
            "de lucro Polaris, atiende llamadas las 24 horas, los 7 días de la semana: "
            "1-888-373-7888, o mensaje de texto al 233733.",
            "California exige que ciertos negocios exhiban un aviso con los números de la línea "
            "de ayuda (SB 1193).",
        ]
    ),
    "media_contact_role": "Comunicaciones (contacto de ejemplo)",
}

SPANISH_ITEMS = {
    "operation-hot-spots-2020-results": {
        "title": "Operación Hot Spots 2020: operativos contra compradores de sexo terminan en "
        "103 arrestos",
        "slug": "operacion-hot-spots-2020",
        "dateline": "Sacramento, California",
        "summary": (
            "Nueve agencias participaron en el operativo de 2020 en todo el condado contra la "
            "demanda de sexo comercial; se informaron 103 arrestos, y defensores de víctimas "
            "ofrecieron ayuda."
        ),
        "body": [
            rich(
                "<p>Nueve agencias del orden público y defensores de víctimas participaron en "
                "la Operación Hot Spots 2020, los operativos anuales y coordinados de la "
                "coalición Sacramento Together en todo el condado. La operación se centra en la "
                "demanda: se dirige a quienes compran sexo. Las agencias informaron 103 "
                "arrestos en total.</p>"
            ),
            heading("Quiénes participaron"),
            rich(
                "<ul><li>Sacramento County Sheriff's Office</li>"
                "<li>Sacramento Police Department</li><li>Elk Grove Police Department</li>"
                "<li>Rancho Cordova Police Department</li>"
                "<li>Citrus Heights Police Department</li><li>Folsom Police Department</li>"
                "<li>Sacramento County Probation Department</li><li>El FBI</li>"
                "<li>La Patrulla de Caminos de California (CHP)</li></ul>"
            ),
            heading("Resultados"),
            rich(
                "<p>Las agencias informaron 103 arrestos en total, por solicitar, merodear con "
                "fines de prostitución y proxenetismo.</p>"
            ),
            heading("Ayuda para las personas explotadas"),
            rich(
                "<p>Defensores de víctimas participaron en la operación. Ofrecieron servicios y "
                "referencias a las personas víctimas de trata, y mochilas con artículos "
                "personales a quienes las necesitaban.</p>"
            ),
            rich(SAMPLE_RELEASE_ES),
        ],
    },
    "reset-court-a-fresh-start": {
        "title": "RESET Court: un nuevo comienzo para mujeres jóvenes",
        "slug": "reset-court-un-nuevo-comienzo",
        "summary": (
            "Un programa de desvío gratuito para mujeres jóvenes adultas arrestadas por delitos "
            "relacionados con el trabajo sexual, con servicios de Community Against Sexual Harm."
        ),
        "body": [
            rich(
                "<p>RESET Court (Reducing Sexually Exploited &amp; Trafficked) es un programa de "
                "desvío para mujeres jóvenes adultas arrestadas por delitos relacionados con el "
                "trabajo sexual. Es gratuito.</p>"
            ),
            heading("Qué ofrece el programa"),
            rich(
                "<ul><li>Servicios integrales que tienen en cuenta el trauma</li>"
                "<li>Habilidades para la vida</li><li>Mentoría entre pares</li></ul>"
                "<p>Community Against Sexual Harm (CASH) presta los servicios.</p>"
            ),
            heading("Limpiar los antecedentes"),
            rich(
                "<p>Las participantes tienen la oportunidad de limpiar sus antecedentes penales "
                "por los delitos cometidos. Esos antecedentes eran un obstáculo para quienes "
                "intentaban salir de la trata.</p>"
            ),
            rich(SAMPLE_DATE_ES),
        ],
    },
}


def spanish_topic(topic, locale):
    existing = Topic.objects.filter(translation_key=topic.translation_key, locale=locale).first()
    if existing is not None:
        return existing
    return Topic.objects.create(
        name=SPANISH_TOPICS.get(topic.name, topic.name),
        translation_key=topic.translation_key,
        locale=locale,
    )


def load_spanish(home, es_home):
    """The Spanish news index, its press room and two items in Spanish, once."""
    locale = es_home.locale
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None or index.has_translation(locale):
        return
    es_index = NewsIndexPage(
        translation_key=index.translation_key,
        locale=locale,
        show_in_menus=index.show_in_menus,
        media_contact_name=index.media_contact_name,
        media_contact_email=index.media_contact_email,
        media_contact_phone=index.media_contact_phone,
        **SPANISH_INDEX,
    )
    es_home.add_child(instance=es_index)
    for slug, fields in SPANISH_ITEMS.items():
        source = NewsPage.objects.child_of(index).filter(slug=slug).first()
        if source is None:
            continue
        item = NewsPage(
            translation_key=source.translation_key,
            locale=locale,
            kind=source.kind,
            publication_date=source.publication_date,
            first_published_at=source.first_published_at,
            last_published_at=source.last_published_at,
            image=source.image,
            image_alt_text=(
                "Figuras dibujadas de personas, una al lado de la otra, sobre un fondo verde "
                "azulado."
                if source.image_id
                else ""
            ),
            **fields,
        )
        item.topics = [spanish_topic(topic, locale) for topic in source.topics.all()]
        es_index.add_child(instance=item)
