"""The coalition's demo site: home page, settings and the core standard pages.

Written from the public facts in shared/FACTS.md; anything else is marked as
sample content. Content apps add their own demo content in their own `demo`
module, which the `load_demo_content` command calls after this one.
"""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from .models import FormField, FormPage, HomePage, SiteSettings, StandardPage

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
                '<ul><li>Call <a href="tel:+18883737888">1-888-373-7888</a>, 24 hours a day, '
                "in many languages.</li>"
                '<li>Text <a href="sms:233733">233733</a>, in English or Spanish.</li>'
                "<li>TTY: 711.</li></ul>"
            ),
            heading("What happens when you call"),
            rich(
                "<p>A trained advocate answers. They listen, answer questions, and can connect "
                "you with local services such as shelter, legal help and counselling. You decide "
                "what happens next; calling does not mean you have to talk to the police.</p>"
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
                "the Shift key three times, replaces this page with a weather website straight "
                "away. The page you were reading is replaced in this tab, so pressing Back does "
                "not bring it up again.</p>"
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
                "<p>This site sets no cookies for readers, runs no analytics, and loads nothing "
                "from other websites while you read. Videos only load from YouTube's "
                "privacy-enhanced player if you choose to play them.</p>"
            ),
        ],
    },
    {
        "slug": "about",
        "title": "About the coalition",
        "show_in_menus": True,
        "summary": (
            "More than 30 organisations and agencies working together against human "
            "trafficking in the Sacramento region since 2015."
        ),
        "introduction": (
            "Sacramento Together is a coalition against human trafficking and sexual and labour "
            "exploitation in Sacramento County. The Sacramento County District Attorney's office "
            "has led it since it began in 2015."
        ),
        "body": [
            heading("Who we are"),
            rich(
                "<p>More than 30 members take part: community-based organisations, "
                "law-enforcement agencies, and state and local public agencies.</p>"
            ),
            heading("What we do"),
            rich(
                "<ul><li>Treat, educate and remove children and young adults from "
                "life-threatening and exploitative situations.</li>"
                "<li>Share information among members and coordinate the community's response.</li>"
                "<li>Direct resources to serve victims of sexual and labour exploitation.</li>"
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
        "show_in_menus": True,
        "summary": (
            "A free diversion program that offers young adult women a way out and the chance "
            "to clear their record."
        ),
        "introduction": (
            "RESET stands for Reducing Sexually Exploited and Trafficked. RESET Court is a "
            "diversion program for young adult women who have been arrested for sex-work "
            "offences."
        ),
        "body": [
            heading("What the program offers"),
            rich(
                "<ul><li>It is free.</li>"
                "<li>Wrap-around, trauma-informed services.</li>"
                "<li>Life skills and peer mentoring.</li>"
                "<li>The chance to clear the criminal record for the offences committed.</li></ul>"
            ),
            heading("Why clearing the record matters"),
            rich(
                "<p>A record for these offences used to stand in the way of people trying to "
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
        "show_in_menus": True,
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
    ("Organisation", "singleline", True, "", "School, business, faith group or agency."),
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
        "What human trafficking is\nRecognising the signs\nOnline safety for young people\n"
        "Labour trafficking\nRESET Court\nOther",
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
            "for schools, businesses, faith groups and community organisations. Tell us about "
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
            show_in_menus=spec["slug"] == "contact",
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
            "A coalition of more than 30 organisations and agencies fighting human trafficking "
            "in the Sacramento region."
        ),
        hero_heading="Together against human trafficking in Sacramento County",
        hero_intro=(
            "Since 2015, more than 30 community organisations, law-enforcement agencies and "
            "public agencies, led by the Sacramento County District Attorney's office, have "
            "worked together to help people out of exploitation and hold traffickers to "
            "account."
        ),
        hero_link_label="Get help now",
        key_figures=[
            ("figure", {"figure": "30+", "label": "member organisations and agencies", "note": ""}),
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
    existing = HomePage.objects.first()
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

    settings = SiteSettings.for_site(site)
    settings.browse_safely_page = pages["browse-safely"]
    settings.contact_address = "Sample address: 100 Example Street, Sacramento, CA 95814"
    settings.contact_email = "info@example.org"
    settings.footer_text = (
        "Sacramento Together is a coalition led by the Sacramento County District Attorney's "
        "office. Contact details on this demo site are samples."
    )
    settings.save()
    return home, True
