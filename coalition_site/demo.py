"""The coalition's demo site: home page, settings and the core standard pages.

Written from the public facts in shared/FACTS.md; anything else is marked as
sample content. Content apps add their own demo content in their own `demo`
module, which the `load_demo_content` command calls after this one.
"""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from safety.models import SafetySettings

from .models import FooterText, FormField, FormPage, HomePage, SiteSettings, StandardPage
from .share_image import make_share_image

HOTLINE_SENTENCE = (
    "National Human Trafficking Hotline: call 1-888-373-7888, text 233733, TTY 711. "
    "In immediate danger, call 911."
)


def rich(html):
    return ("paragraph", RichText(html))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


STANDARD_PAGES = [
    {
        "slug": "get-help",
        "title": "Get help",
        "show_in_menus": True,
        "summary": "Talk to someone now, in confidence, any hour of the day.",
        "introduction": (
            "If you or someone you know is being forced, tricked or pressured into work or "
            "sex, help is available at any hour. You do not have to give your name."
        ),
        "body": [
            heading("In immediate danger"),
            rich('<p>Call <a href="tel:911">911</a>.</p>'),
            heading("Talk to the National Human Trafficking Hotline"),
            rich(
                '<ul><li>Call <a href="tel:+18883737888">1-888-373-7888</a> (toll-free). '
                "Someone answers live 24 hours a day, 7 days a week, in English or Spanish, or "
                "in more than 200 other languages through an interpreter.</li>"
                '<li>Text <a href="sms:233733">233733</a> (the word HELP or BEFREE), in English '
                "or Spanish.</li>"
                "<li>TTY: 711, the relay service.</li>"
                "<li>Live chat on the hotline's own website, in English or Spanish.</li></ul>"
            ),
            heading("What happens when you call"),
            rich(
                "<p>The hotline is run by Polaris, a non-profit. It is not a government agency, "
                "not the police and not immigration. Contacting it is confidential, and you can "
                "ask for help or report a tip without giving your name.</p>"
                "<p>The hotline does not provide services itself: it refers people to services "
                "and passes tips to specialized law enforcement. It respects your decision "
                "whether to report to law enforcement, with one exception: it informs the "
                "authorities when it suspects child abuse or believes someone is in imminent "
                "danger.</p>"
            ),
            heading("If you think someone else is being trafficked"),
            rich(
                "<p>Anyone who suspects that a person is a victim of trafficking is asked to call "
                "the national hotline. Do not confront anyone you suspect of trafficking.</p>"
            ),
        ],
    },
    {
        "slug": "browse-safely",
        "title": "Browse safely",
        "show_in_menus": False,
        "summary": "What our quick exit does, what it cannot do, and how to cover your tracks.",
        "introduction": (
            "If someone may check your phone or computer, these steps can help you visit this "
            "site more safely. Please read what the quick exit can and cannot do."
        ),
        "body": [
            heading("What the quick exit does"),
            rich(
                "<p>The <strong>Quick exit</strong> button at the top of every page, or pressing "
                "the Shift key three times on its own, opens a weather website in this tab "
                "straight away, in place of the page you were reading.</p>"
                "<p><strong>What Back does then:</strong> the page you were reading is no "
                "longer in this tab's history, so Back does not show it again. But Back goes to "
                "the page you visited before it: if you had opened other pages of this site in "
                "this tab, one press of Back shows the previous one. Every page of this site "
                "you opened before the quick exit also stays in your browser's history.</p>"
            ),
            heading("What the quick exit does not do"),
            rich(
                "<ul><li><strong>It does not erase your browsing history.</strong> The pages you "
                "visited here can still appear in your history and in suggestions when you "
                "type an address.</li>"
                "<li>It does not close other tabs or windows you opened on this site.</li>"
                "<li>It does not hide what you searched for in a search engine before you came "
                "here.</li>"
                "<li>It cannot protect a device that has monitoring software installed.</li></ul>"
            ),
            heading("Steps that help"),
            rich(
                "<ul><li>Use a private or incognito window: the browser forgets the pages when you "
                "close it.</li>"
                "<li>Delete this site from your history afterwards, only the entries you need to, "
                "as a history that is suddenly empty can draw attention.</li>"
                "<li>If you can, use a device the person you are worried about cannot reach, "
                "such as a library computer or a friend's phone.</li>"
                "<li>Calling or texting the hotline shows up in your call and message logs. "
                "Delete the entries if it is safe to do so.</li></ul>"
            ),
            heading("What this site does not do"),
            rich(
                "<p>This site runs no analytics, and loads nothing from other websites while "
                "you read. A video sends nothing to YouTube until you choose to play it. Then "
                "the player loads from YouTube in its privacy-enhanced mode: YouTube receives "
                "your internet address and may store data in your browser, but says it does "
                "not use the view to personalize what you see on YouTube. To leave no trace "
                "with YouTube, do not play the videos.</p>"
            ),
            heading("Cookies"),
            rich(
                "<ul><li>Reading this site sets no cookies.</li>"
                "<li>A page with a form, such as the contact form, sets one cookie. It holds "
                "only a random code, so that no other website can send the form in your "
                "name, but it shows that this site was opened in the browser. It is deleted "
                "when you close your browser, unless the browser is set to reopen your tabs "
                "when it starts. Closing a private or incognito window always deletes it.</li>"
                "<li>Coalition staff who sign in to edit the site get a sign-in cookie. So "
                "does anyone who types the password of a password-protected page, and that "
                "cookie can stay for two weeks: open such pages in a private window.</li></ul>"
            ),
        ],
    },
    {
        "slug": "about",
        "title": "About",
        "show_in_menus": True,
        "summary": (
            "More than 30 organizations and agencies working together against human "
            "trafficking in the Sacramento region since 2015."
        ),
        "introduction": (
            "Sacramento Together is a coalition against human trafficking and sexual and labor "
            "exploitation in Sacramento County. The Sacramento County District Attorney's office "
            "has led it since it began in 2015."
        ),
        "body": [
            heading("Who we are"),
            rich(
                "<p>More than 30 members take part: community-based organizations, "
                "law-enforcement agencies, and state and local public agencies.</p>"
            ),
            heading("What we do"),
            rich(
                "<ul><li>Treat, educate and remove children and young adults from "
                "life-threatening and exploitative situations.</li>"
                "<li>Share information among members and coordinate the community's response.</li>"
                "<li>Direct resources to serve victims of sexual and labor exploitation.</li>"
                "<li>Raise public awareness, and train people who may come into contact with "
                "exploited people.</li>"
                "<li>Arrest and prosecute traffickers, while putting help for exploited people "
                "first.</li></ul>"
            ),
            heading("Human Trafficking Awareness Month"),
            rich(
                "<p>January is Human Trafficking Awareness Month. The coalition relaunched this "
                "website with a new design in January to bring together its partners, "
                "announcements, podcasts and resources about trafficking in the region.</p>"
            ),
        ],
    },
    {
        "slug": "reset-court",
        "title": "RESET Court",
        "show_in_menus": False,
        "summary": (
            "A free diversion program that offers young adult women a way out and the chance "
            "to clear their record."
        ),
        "introduction": (
            "RESET stands for Reducing Sexually Exploited and Trafficked. RESET Court is a "
            "diversion program for young adult women who have been arrested for sex-work "
            "offenses."
        ),
        "body": [
            heading("What the program offers"),
            rich(
                "<ul><li>It is free.</li>"
                "<li>Wrap-around, trauma-informed services.</li>"
                "<li>Life skills and peer mentoring.</li>"
                "<li>The chance to clear the criminal record for the offenses committed.</li></ul>"
            ),
            heading("Why clearing the record matters"),
            rich(
                "<p>A record for these offenses used to stand in the way of people trying to "
                "leave trafficking: it could block a job, a lease or a fresh start. RESET Court "
                "offers a way to put it behind them.</p>"
            ),
            heading("Who provides the services"),
            rich(
                "<p>Services are provided by Community Against Sexual Harm (CASH), a member of "
                "the coalition.</p>"
            ),
        ],
    },
    {
        "slug": "operation-hot-spots",
        "title": "Operation Hot Spots",
        "show_in_menus": False,
        "summary": (
            "Yearly countywide stings that target the demand for commercial sex, with victim "
            "advocates on hand."
        ),
        "introduction": (
            "Operation Hot Spots is a coordinated, countywide sting held every year. It focuses "
            "on demand: it targets the people who buy sex."
        ),
        "body": [
            heading("Who takes part"),
            rich(
                "<ul><li>Sacramento County Sheriff's Office</li>"
                "<li>Sacramento Police Department</li>"
                "<li>Elk Grove Police Department</li>"
                "<li>Rancho Cordova Police Department</li>"
                "<li>Citrus Heights Police Department</li>"
                "<li>Folsom Police Department</li>"
                "<li>Sacramento County Probation Department</li>"
                "<li>The FBI</li>"
                "<li>The California Highway Patrol (CHP)</li></ul>"
            ),
            heading("Help for the people being exploited"),
            rich(
                "<p>Victim advocates take part in the operation. They offer services and "
                "referrals to trafficked people, and backpacks of personal items when needed.</p>"
            ),
            heading("Results"),
            rich(
                "<p>The reported result was 103 arrests in total, for soliciting, loitering for "
                "prostitution and pandering. An operation was held in 2020.</p>"
            ),
        ],
    },
]


SPEAKER_FIELDS = [
    # (label, field type, required, choices, help text)
    ("Your name", "singleline", True, "", ""),
    ("Organization", "singleline", True, "", "School, business, faith group or agency."),
    ("Email", "email", True, "", ""),
    ("Phone", "singleline", False, "", ""),
    ("Preferred dates", "singleline", True, "", "Two or three dates or weeks that suit you."),
    (
        "Audience",
        "dropdown",
        True,
        "Students\nParents and caregivers\nEducators\nEmployers and staff\n"
        "Health-care workers\nFaith community\nGeneral public\nOther",
        "",
    ),
    ("Expected audience size", "number", False, "", ""),
    (
        "Topic",
        "dropdown",
        True,
        "What human trafficking is\nRecognizing the signs\nOnline safety for young people\n"
        "Labor trafficking\nRESET Court\nOther",
        "",
    ),
    ("Anything else we should know", "multiline", False, "", ""),
]
CONTACT_FIELDS = [
    ("Your name", "singleline", True, "", ""),
    ("Email", "email", True, "", "So we can reply. We do not add it to any list."),
    ("Message", "multiline", True, "", ""),
]
FORMS = [
    {
        "title": "Request a speaker",
        "slug": "request-a-speaker",
        "introduction": (
            "The District Attorney's office takes requests for speakers on human trafficking "
            "for schools, businesses, faith groups and community organizations. Tell us about "
            "your group and we will be in touch."
        ),
        "subject": "Speaker request from the website",
        "fields": SPEAKER_FIELDS,
    },
    {
        "title": "Contact the coalition",
        "slug": "contact",
        "introduction": (
            "Questions about the coalition or this website. If you need help now, call the "
            "hotline instead: this form is not watched around the clock."
        ),
        "subject": "Message from the website",
        "fields": CONTACT_FIELDS,
    },
]


def build_forms(home):
    for spec in FORMS:
        page = FormPage(
            title=spec["title"],
            slug=spec["slug"],
            show_in_menus=False,
            introduction=spec["introduction"],
            to_address="staff@example.org",
            from_address="website@example.org",
            subject=spec["subject"],
            thank_you_text=(
                "<p>Thank you. Coalition staff will reply within a few working days.</p>"
            ),
        )
        page.form_fields = [
            FormField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
            for order, (label, field_type, required, choices, help_text) in enumerate(
                spec["fields"]
            )
        ]
        home.add_child(instance=page)
        page.save_revision().publish()


def add_search_promotions(home):
    """Make "hotline" and "help" always lead to the Get help page first."""
    get_help = Page.objects.child_of(home).filter(slug="get-help").first()
    if get_help is None:
        return
    for words in ["hotline", "help", "get help", "emergency"]:
        query = Query.get(words)
        SearchPromotion.objects.get_or_create(
            query=query,
            page=get_help,
            defaults={"description": "Call 1-888-373-7888 or text 233733, any hour."},
        )


# The menu: at most seven items, Get help first. Everything else is reached
# from these pages (RESET Court, Operation Hot Spots, the podcast, Request a
# speaker and Contact from About) or from the footer.
MENU_ORDER = [
    "get-help",
    "recognize-the-signs",
    "report-a-tip",
    "partners",
    "news",
    "resources",
    "about",
]
ABOUT_LINKS = [
    "reset-court",
    "operation-hot-spots",
    "justice-journal",
    "request-a-speaker",
    "contact",
]
ABOUT_LINKS_HEADING = {"en": "More about our work", "es": "Más sobre nuestro trabajo"}


def arrange_menu(home):
    """Put the menu pages first under every translation of `home`, in MENU_ORDER.

    Run after the content apps have added their pages. Only the order changes:
    each page keeps its slug, so no address changes.
    """
    keys = dict(Page.objects.child_of(home).values_list("slug", "translation_key"))
    wanted = [keys[slug] for slug in MENU_ORDER if slug in keys]
    for each_home in HomePage.objects.filter(translation_key=home.translation_key):
        children = {page.translation_key: page for page in each_home.get_children()}
        for key in reversed(wanted):
            if key in children:
                page = Page.objects.get(pk=children[key].pk)
                page.move(Page.objects.get(pk=each_home.pk), pos="first-child")


def link_about_pages(home):
    """List the pages that are not in the menu on About, in each language they exist in, once."""
    keys = dict(Page.objects.child_of(home).values_list("slug", "translation_key"))
    about_key = keys.get("about")
    for about in StandardPage.objects.filter(translation_key=about_key):
        heading_text = ABOUT_LINKS_HEADING.get(about.locale.language_code)
        if heading_text is None or any(
            block.block_type == "heading" and block.value["text"] == heading_text
            for block in about.body
        ):
            continue
        links = Page.objects.filter(
            translation_key__in=[keys[slug] for slug in ABOUT_LINKS if slug in keys],
            locale=about.locale,
        ).live()
        order = {keys[slug]: number for number, slug in enumerate(ABOUT_LINKS) if slug in keys}
        items = "".join(
            f'<li><a linktype="page" id="{page.pk}">{escape(page.title)}</a></li>'
            for page in sorted(links, key=lambda page: order[page.translation_key])
        )
        if not items:
            continue
        about.body.append(("heading", {"text": heading_text, "level": "h2"}))
        about.body.append(("paragraph", RichText(f"<ul>{items}</ul>")))
        about.save_revision().publish()


def site_address():
    """Host and port of WAGTAILADMIN_BASE_URL, so demo links point where the site runs."""
    parts = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def build_home(root):
    home = HomePage(
        title="Home",
        slug="home",
        seo_title="Sacramento Together: against human trafficking in Sacramento County",
        summary=(
            "A coalition of more than 30 organizations and agencies fighting human trafficking "
            "in the Sacramento region."
        ),
        hero_heading="Together against human trafficking in Sacramento County",
        hero_intro=(
            "Since 2015, more than 30 community organizations, law-enforcement agencies and "
            "public agencies, led by the Sacramento County District Attorney's office, have "
            "worked together to help people out of exploitation and hold traffickers to "
            "account."
        ),
        hero_link_label="Get help now",
        key_figures=[
            ("figure", {"figure": "30+", "label": "member organizations and agencies", "note": ""}),
            ("figure", {"figure": "2015", "label": "the year the coalition began", "note": ""}),
            (
                "figure",
                {
                    "figure": "103",
                    "label": "arrests reported from Operation Hot Spots",
                    "note": "Soliciting, loitering for prostitution and pandering",
                },
            ),
        ],
        body=[
            heading("Spot the signs, make the call"),
            rich(
                "<p>Anyone who suspects that someone is being trafficked is asked to call the "
                f"National Human Trafficking Hotline. {HOTLINE_SENTENCE}</p>"
            ),
        ],
    )
    root.add_child(instance=home)
    return home


def remove_wagtail_welcome_page():
    """Delete the plain "Welcome to your new Wagtail site!" page the migrations create.

    Only a page of the base Page type with no children is removed; deleting it
    also deletes a Site that points at it, which `load` recreates.
    """
    for page in Page.objects.filter(depth=2, numchild=0):
        if page.specific_class is Page:
            page.delete()


def load():
    """Build the core site once. Returns the home page, new or existing."""
    existing = HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if existing is not None:
        return existing, False

    remove_wagtail_welcome_page()
    root = Page.get_first_root_node()
    home = build_home(root)
    pages = {}
    for spec in STANDARD_PAGES:
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            show_in_menus=spec["show_in_menus"],
            summary=spec["summary"],
            introduction=spec["introduction"],
            body=spec["body"],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[spec["slug"]] = page
    build_forms(home)

    home.hero_link_page = pages["get-help"]
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = site_address()
    site.root_page = home
    site.site_name = "Sacramento Together"
    site.save()

    safety = SafetySettings.for_site(site)
    safety.browse_safely_page = pages["browse-safely"]
    safety.save()

    settings = SiteSettings.for_site(site)
    settings.share_image = make_share_image()
    settings.contact_address = "Sample address: 100 Example Street, Sacramento, CA 95814"
    settings.contact_email = "info@example.org"
    settings.save()
    FooterText.objects.get_or_create(
        locale=home.locale,
        defaults={
            "text": "Sacramento Together is a coalition led by the Sacramento County District "
            "Attorney's office. Contact details on this demo site are samples."
        },
    )
    return home, True


# ---------------------------------------------------------------- en español
#
# Real translations (same translation_key) of the English pages above, written
# in plain Spanish for survivors ("usted"). Only facts from the public record;
# the rest is marked as sample content, as in English.

HOTLINE_SENTENCE_ES = (
    "Línea Nacional contra la Trata de Personas: llame al 1-888-373-7888, envíe un mensaje "
    "de texto al 233733, TTY 711. Si corre peligro inmediato, llame al 911."
)

SPANISH_HOME = {
    "title": "Inicio",
    "slug": "inicio",
    "seo_title": "Sacramento Together: contra la trata de personas en el condado de Sacramento",
    "summary": (
        "Una coalición de más de 30 organizaciones y agencias que lucha contra la trata de "
        "personas en la región de Sacramento."
    ),
    "hero_heading": "Juntos contra la trata de personas en el condado de Sacramento",
    "hero_intro": (
        "Desde 2015, más de 30 organizaciones comunitarias, agencias del orden público y "
        "agencias públicas, bajo la dirección de la Oficina del Fiscal de Distrito del condado "
        "de Sacramento, trabajan juntas para ayudar a las personas a salir de la explotación y "
        "para que los tratantes respondan ante la justicia."
    ),
    "hero_link_label": "Obtenga ayuda ahora",
    "key_figures": [
        ("figure", {"figure": "30+", "label": "organizaciones y agencias miembro", "note": ""}),
        ("figure", {"figure": "2015", "label": "el año en que empezó la coalición", "note": ""}),
        (
            "figure",
            {
                "figure": "103",
                "label": "arrestos informados en la Operación Hot Spots",
                "note": "Por solicitar, merodear con fines de prostitución y proxenetismo",
            },
        ),
    ],
    "body": [
        heading("Conozca las señales, haga la llamada"),
        rich(
            "<p>Si sospecha que alguien es víctima de trata de personas, llame a la Línea "
            f"Nacional contra la Trata de Personas. {HOTLINE_SENTENCE_ES}</p>"
        ),
    ],
}

SPANISH_PAGES = {
    "get-help": {
        "title": "Obtener ayuda",
        "slug": "obtener-ayuda",
        "summary": "Hable con alguien ahora, de forma confidencial, a cualquier hora.",
        "introduction": (
            "Si a usted o a alguien que conoce lo obligan, lo engañan o lo presionan para "
            "trabajar o para tener relaciones sexuales, hay ayuda a cualquier hora. No tiene "
            "que dar su nombre."
        ),
        "body": [
            heading("Qué pasa cuando llama"),
            rich(
                "<p>La línea la opera Polaris, una organización sin fines de lucro. No es una "
                "agencia del gobierno, ni la policía, ni inmigración. Comunicarse es "
                "confidencial, y puede pedir ayuda o dar un aviso sin decir su nombre.</p>"
                "<p>Por teléfono atienden en vivo las 24 horas, los 7 días de la semana, en "
                "español o en inglés, o en más de 200 idiomas con un intérprete. Por mensaje de "
                "texto (HELP o BEFREE al 233733) y por chat, en inglés y en español.</p>"
                "<p>La línea no presta servicios directamente: refiere a las personas a "
                "servicios y pasa los avisos a agencias especializadas del orden público. "
                "Respeta su decisión de denunciar o no a la policía, con una excepción: informa "
                "a las autoridades cuando sospecha abuso infantil o cree que alguien corre "
                "peligro inminente.</p>"
            ),
            heading("Si cree que otra persona es víctima de trata"),
            rich(
                "<p>Si sospecha que una persona es víctima de trata, llame a la línea nacional. "
                "No se enfrente a nadie de quien sospeche.</p>"
            ),
        ],
    },
    "browse-safely": {
        "title": "Navegar con seguridad",
        "slug": "navegar-con-seguridad",
        "summary": "Qué hace la salida rápida, qué no puede hacer y cómo no dejar rastro.",
        "introduction": (
            "Si alguien puede revisar su teléfono o su computadora, estos pasos le ayudan a "
            "visitar este sitio con más seguridad. Lea qué puede hacer y qué no puede hacer la "
            "salida rápida."
        ),
        "body": [
            heading("Qué hace la salida rápida"),
            rich(
                "<p>El botón <strong>Salida rápida</strong>, arriba en todas las páginas, o "
                "presionar la tecla Shift tres veces sola, abre de inmediato un sitio del clima "
                "en esta pestaña, en lugar de la página que estaba leyendo.</p>"
                "<p><strong>Qué hace después el botón Atrás:</strong> la página que estaba "
                "leyendo ya no está en el historial de esta pestaña, así que Atrás no la vuelve "
                "a mostrar. Pero Atrás lleva a la página que visitó antes: si había abierto "
                "otras páginas de este sitio en esta pestaña, con presionar Atrás una vez verá "
                "la anterior. Todas las páginas de este sitio que abrió antes de la salida "
                "rápida también siguen en el historial de su navegador.</p>"
            ),
            heading("Qué no hace la salida rápida"),
            rich(
                "<ul><li><strong>No borra su historial de navegación.</strong> Las páginas que "
                "visitó aquí pueden seguir en su historial y en las sugerencias al escribir una "
                "dirección.</li>"
                "<li>No cierra otras pestañas o ventanas que abrió en este sitio.</li>"
                "<li>No oculta lo que buscó en un buscador antes de llegar aquí.</li>"
                "<li>No puede proteger un aparato que tenga instalado un programa de "
                "vigilancia.</li></ul>"
            ),
            heading("Pasos que ayudan"),
            rich(
                "<ul><li>Use una ventana privada o de incógnito: el navegador olvida las páginas "
                "al cerrarla.</li>"
                "<li>Después, borre este sitio de su historial, solo las entradas necesarias: un "
                "historial vacío de repente puede llamar la atención.</li>"
                "<li>Si puede, use un aparato al que no tenga acceso la persona que le preocupa, "
                "como una computadora de la biblioteca o el teléfono de una amistad.</li>"
                "<li>Las llamadas y los mensajes a la línea de ayuda quedan en su registro de "
                "llamadas y de mensajes. Bórrelos si es seguro hacerlo.</li></ul>"
            ),
            heading("Lo que este sitio no hace"),
            rich(
                "<p>Este sitio no usa herramientas de análisis y no carga nada de otros sitios "
                "mientras usted lee. Un video no envía nada a YouTube hasta que usted decide "
                "reproducirlo. Entonces el reproductor se carga desde YouTube en su modo de "
                "privacidad mejorada: YouTube recibe su dirección de internet y puede guardar "
                "datos en su navegador, pero dice que no usa esa vista para personalizar lo que "
                "usted ve en YouTube. Para no dejar rastro en YouTube, no reproduzca los "
                "videos.</p>"
            ),
            heading("Cookies"),
            rich(
                "<ul><li>Al leer este sitio no se guarda ninguna cookie.</li>"
                "<li>Una página con un formulario, como el de contacto, deja una cookie en su "
                "navegador. Solo contiene un código al azar, para que ningún otro sitio pueda "
                "enviar el formulario en su nombre, pero muestra que este sitio se abrió en "
                "ese navegador. Se borra cuando usted cierra el navegador, salvo que esté "
                "configurado para volver a abrir sus pestañas al iniciarse. Al cerrar una "
                "ventana privada o de incógnito, siempre se borra.</li>"
                "<li>El personal de la coalición que inicia sesión para editar el sitio recibe "
                "una cookie de sesión. También la recibe quien escribe la contraseña de una "
                "página protegida, y esa cookie puede quedarse dos semanas: abra esas páginas "
                "en una ventana privada.</li></ul>"
            ),
        ],
    },
    "about": {
        "title": "Sobre nosotros",
        "slug": "sobre-la-coalicion",
        "summary": (
            "Más de 30 organizaciones y agencias que trabajan juntas contra la trata de "
            "personas en la región de Sacramento desde 2015."
        ),
        "introduction": (
            "Sacramento Together es una coalición contra la trata de personas y la explotación "
            "sexual y laboral en el condado de Sacramento. La Oficina del Fiscal de Distrito "
            "del condado de Sacramento la dirige desde que empezó en 2015."
        ),
        "body": [
            heading("Quiénes somos"),
            rich(
                "<p>Participan más de 30 miembros: organizaciones comunitarias, agencias del "
                "orden público y agencias públicas estatales y locales.</p>"
            ),
            heading("Qué hacemos"),
            rich(
                "<ul><li>Atender, educar y sacar a niños, niñas y jóvenes de situaciones de "
                "explotación que ponen en peligro su vida.</li>"
                "<li>Compartir información entre los miembros y coordinar la respuesta de la "
                "comunidad.</li>"
                "<li>Dirigir recursos para atender a las víctimas de explotación sexual y "
                "laboral.</li>"
                "<li>Informar al público y capacitar a las personas que pueden tener contacto "
                "con personas explotadas.</li>"
                "<li>Arrestar y procesar a los tratantes, dando prioridad a la ayuda para las "
                "personas explotadas.</li></ul>"
            ),
            heading("Mes de Concientización sobre la Trata de Personas"),
            rich(
                "<p>Enero es el Mes de Concientización sobre la Trata de Personas. En enero, la "
                "coalición renovó este sitio web con un nuevo diseño para reunir a sus "
                "organizaciones aliadas, anuncios, pódcasts y recursos sobre la trata en la "
                "región.</p>"
            ),
        ],
    },
    "reset-court": {
        "title": "RESET Court",
        "slug": "reset-court",
        "summary": (
            "Un programa gratuito de desvío que ofrece a mujeres jóvenes adultas una salida y "
            "la oportunidad de limpiar sus antecedentes."
        ),
        "introduction": (
            "RESET quiere decir «Reducing Sexually Exploited and Trafficked» (reducir la "
            "explotación sexual y la trata). RESET Court es un programa de desvío para mujeres "
            "jóvenes adultas arrestadas por delitos relacionados con el trabajo sexual."
        ),
        "body": [
            heading("Qué ofrece el programa"),
            rich(
                "<ul><li>Es gratuito.</li>"
                "<li>Servicios integrales que tienen en cuenta el trauma.</li>"
                "<li>Habilidades para la vida y mentoría entre pares.</li>"
                "<li>La oportunidad de limpiar los antecedentes penales por los delitos "
                "cometidos.</li></ul>"
            ),
            heading("Por qué importa limpiar los antecedentes"),
            rich(
                "<p>Tener antecedentes por estos delitos era un obstáculo para quienes intentaban "
                "salir de la trata: podía impedir conseguir un trabajo, alquilar una vivienda o "
                "empezar de nuevo. RESET Court ofrece una forma de dejarlo atrás.</p>"
            ),
            heading("Quién presta los servicios"),
            rich(
                "<p>Los servicios los presta Community Against Sexual Harm (CASH), miembro de la "
                "coalición.</p>"
            ),
        ],
    },
}

SPANISH_FOOTER = (
    "Sacramento Together es una coalición dirigida por la Oficina del Fiscal de Distrito del "
    "condado de Sacramento. Los datos de contacto de este sitio de demostración son ejemplos."
)


SPANISH_CONTACT = {
    "title": "Comuníquese con la coalición",
    "slug": "contacto",
    "introduction": (
        "Preguntas sobre la coalición o sobre este sitio web. Si necesita ayuda ahora, llame a "
        "la línea de ayuda: nadie revisa este formulario a toda hora."
    ),
    "subject": "Mensaje desde el sitio web (en español)",
    "thank_you_text": (
        "<p>Gracias. El personal de la coalición le responderá en unos días hábiles.</p>"
    ),
    "privacy_note": (
        "<p>Guardamos lo que nos envía en la base de datos del sitio para que el personal de la "
        "coalición pueda responderle. Solo el personal de la coalición puede leerlo, y no lo "
        "compartimos. No guardamos su dirección de internet. Esta página guarda una cookie, "
        "para que ningún otro sitio web pueda enviar este formulario en su nombre; se borra "
        "cuando cierra el navegador, salvo que el navegador esté configurado para volver a "
        "abrir sus pestañas.</p>"
    ),
    "fields": [
        ("Su nombre", "singleline", True, "", ""),
        (
            "Correo electrónico",
            "email",
            True,
            "",
            "Para poder responderle. No lo agregamos a ninguna lista.",
        ),
        ("Mensaje", "multiline", True, "", ""),
    ],
}


def add_spanish_contact(home, es_home, locale):
    """The contact form in Spanish, a translation of the English one, once."""
    source = FormPage.objects.child_of(home).filter(slug="contact").first()
    if source is None or source.has_translation(locale):
        return
    spec = dict(SPANISH_CONTACT)
    fields = spec.pop("fields")
    page = FormPage(
        translation_key=source.translation_key,
        locale=locale,
        show_in_menus=source.show_in_menus,
        to_address=source.to_address,
        from_address=source.from_address,
        **spec,
    )
    page.form_fields = [
        FormField(
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            help_text=help_text,
        )
        for order, (label, field_type, required, choices, help_text) in enumerate(fields)
    ]
    es_home.add_child(instance=page)
    page.save_revision().publish()


def spanish_locale():
    return Locale.objects.get_or_create(language_code="es")[0]


def add_translation(source, parent, locale, fields):
    """Publish a translation of `source` (same type and translation_key) under `parent`."""
    source = source.specific
    existing = (
        type(source).objects.filter(translation_key=source.translation_key, locale=locale).first()
    )
    if existing is not None:
        return existing
    translated = type(source)(
        translation_key=source.translation_key,
        locale=locale,
        show_in_menus=source.show_in_menus,
        **fields,
    )
    parent.add_child(instance=translated)
    translated.save_revision().publish()
    return translated


def load_spanish(home):
    """The Spanish home page and the safety pages, as translations of the English ones.

    Run after the content apps (the Get help page is the resources app's). Does
    nothing for a page that already has its Spanish translation.
    """
    locale = spanish_locale()
    fields = dict(SPANISH_HOME, hero_link_page=None)
    es_home = add_translation(home, Page.get_first_root_node(), locale, fields)
    pages = {}
    for slug, spec in SPANISH_PAGES.items():
        source = Page.objects.child_of(home).filter(slug=slug).first()
        if source is not None:
            pages[slug] = add_translation(source, es_home, locale, dict(spec))
    if "get-help" in pages and es_home.hero_link_page_id is None:
        es_home = HomePage.objects.get(pk=es_home.pk)
        es_home.hero_link_page = pages["get-help"]
        es_home.save_revision().publish()
    add_spanish_footer_text(locale)
    add_spanish_contact(home, es_home, locale)
    if "get-help" in pages:
        for words in ["ayuda", "línea de ayuda", "emergencia"]:
            SearchPromotion.objects.get_or_create(
                query=Query.get(words),
                page=pages["get-help"],
                defaults={
                    "description": (
                        "Llame al 1-888-373-7888 o envíe un mensaje de texto al 233733, "
                        "a cualquier hora."
                    )
                },
            )
    return HomePage.objects.get(pk=es_home.pk)


def add_spanish_footer_text(locale):
    english = FooterText.objects.filter(locale__language_code=django_settings.LANGUAGE_CODE).first()
    if english is None or FooterText.objects.filter(locale=locale).exists():
        return
    spanish = english.copy_for_translation(locale)
    spanish.text = SPANISH_FOOTER
    spanish.save()
