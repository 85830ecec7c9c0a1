"""The press room's one-page fact sheet: a PDF made on request from what editors keep current.

The text comes from the news index (boilerplate, key facts, media contact), the
home page's key figures and the safety settings' hotline, in the page's language,
so the sheet never says something the site does not. fpdf2 writes it with the
PDF core font Helvetica: nothing is fetched and no font file is needed.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from coalition_site.models import HomePage
from safety.models import SafetySettings

FILENAME = "sacramento-together-fact-sheet.pdf"
INK = (26, 26, 26)
BRAND = (11, 79, 108)  # the mark's blue
# The core font is Latin-1: typographic punctuation gets its plain equivalent.
PLAIN = str.maketrans(
    {
        "\u2014": "-",
        "\u2013": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u00a0": " ",
        "\u2022": "-",
    }
)


def latin1(text):
    return str(text).translate(PLAIN).encode("latin-1", errors="replace").decode("latin-1")


class FactSheet(FPDF):
    def __init__(self, title):
        super().__init__(format="Letter", unit="pt")
        self.set_margins(54, 54, 54)
        self.set_auto_page_break(True, margin=54)
        self.set_title(latin1(title))
        self.set_author("Sacramento Together")
        self.set_creator("Sacramento Together website")
        self.add_page()

    def heading(self, text, size=13):
        self.ln(8)
        self.set_font("Helvetica", "B", size)
        self.set_text_color(*BRAND)
        self.multi_cell(0, size + 4, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)

    def paragraph(self, text, size=10.5):
        self.set_font("Helvetica", "", size)
        self.multi_cell(0, size + 4, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def bullets(self, items, size=10.5):
        self.set_font("Helvetica", "", size)
        for item in items:
            self.set_x(self.l_margin)
            self.cell(14, size + 4, "-")
            self.multi_cell(0, size + 4, latin1(item), align="L", new_x="LMARGIN", new_y="NEXT")


def home_of(index):
    return HomePage.objects.filter(path=index.path[: -index.steplen]).first()


def hotline_lines(settings):
    lines = [
        _("Call %(number)s, 24 hours a day, 7 days a week.") % {"number": settings.hotline_phone},
        _("Text %(number)s.") % {"number": settings.hotline_text},
    ]
    if settings.hotline_tty:
        lines.append(_("TTY: %(number)s.") % {"number": settings.hotline_tty})
    lines.append(_("In immediate danger, call %(number)s.") % {"number": settings.emergency_number})
    return lines


def fact_sheet_pdf(index, request):
    """The bytes of the fact sheet for the news index `index`."""
    settings = SafetySettings.for_request(request)
    home = home_of(index)
    title = _("Sacramento Together: fact sheet")
    pdf = FactSheet(title)
    pdf.set_lang(index.locale.language_code)

    pdf.set_font("Helvetica", "B", 20)
    pdf.set_text_color(*BRAND)
    pdf.multi_cell(0, 26, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    updated = index.last_published_at or timezone.now()
    pdf.paragraph(
        _("Updated %(date)s") % {"date": date_format(timezone.localdate(updated), "DATE_FORMAT")},
        size=9.5,
    )

    if index.boilerplate:
        pdf.heading(_("About the coalition"))
        pdf.paragraph(index.boilerplate)
    if index.key_fact_list:
        pdf.heading(_("Key facts"))
        pdf.bullets(index.key_fact_list)
    figures = [block.value for block in home.key_figures] if home else []
    if figures:
        pdf.heading(_("In numbers"))
        pdf.bullets(
            " ".join(filter(None, [f"{v['figure']}: {v['label']}", v.get("note") or ""]))
            for v in figures
        )
    pdf.heading(_("National Human Trafficking Hotline"))
    pdf.bullets(hotline_lines(settings))
    if index.has_media_contact:
        pdf.heading(_("Media contact"))
        name = ", ".join(filter(None, [index.media_contact_name, index.media_contact_role]))
        pdf.bullets(filter(None, [name, index.media_contact_email, index.media_contact_phone]))
    pdf.ln(8)
    pdf.paragraph(index.get_full_url(request), size=9.5)
    return bytes(pdf.output())


def fact_sheet_response(index, request):
    response = HttpResponse(fact_sheet_pdf(index, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{FILENAME}"'
    return response
